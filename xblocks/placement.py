"""The placement quiz block: "Où en suis-je ?", adaptive, driven by the server.

The server picks every question with ``builder.placement`` (the same engine
as the web preview and the SCORM packages) from the learner's answers so
far and a seed drawn on the server; the browser only shows the question it
is given and sends the options chosen. Right or wrong is decided here; the
feedback of every answer is shown only once the quiz is over.

Per learner: the status (new, running, done, skipped), the seed, and the
answers in order as ``[item, right, [options]]``. Handlers:

``begin``   {version} -> the first question (a fresh quiz; starting again
            is allowed at any time).
``answer``  {item, answer, version} -> the next question, or the outcome.
            ``item`` must be the question the server asked: an unknown item
            is rejected (400); another one is out of order (409). Sending
            the last answer again, unchanged, is *ignored* (the same reply,
            ``"replayed": true``); changing an answer already given is
            rejected (409).
``skip``    {version} -> the learner skips the quiz (the path then shows
            every module).

Completion: 1.0 when the quiz is done or skipped. Not graded: it is a
diagnostic, not an exam.
"""

from __future__ import annotations

import secrets
from typing import Any

from web_fragments.fragment import Fragment
from xblock.completable import CompletableXBlockMixin
from xblock.core import XBlock
from xblock.fields import Dict, Integer, List, Scope, String

from builder.placement import next_item, results
from xblocks.base import (
    CompiledContent,
    Json,
    TisseuseBlockMixin,
    _noop,
    check_version,
    payload,
    reject,
)
from xblocks.evaluate import AnswerError, check_answer, evaluate
from xblocks.progress import path_route
from xblocks.studio import StudioMixin


@XBlock.needs("i18n")
@XBlock.wants("settings")
class TisseusePlacementBlock(
    StudioMixin, TisseuseBlockMixin, CompletableXBlockMixin, XBlock
):
    """The adaptive placement quiz of one Tisseuse path."""

    display_name = String(
        display_name=_noop("Nom affiché"),
        scope=Scope.settings,
        default=_noop("Où en suis-je ?"),
    )
    path = CompiledContent(
        help=_noop("Le parcours compilé, avec sa banque de questions"),
        scope=Scope.content,
        default={},
        xml_node=True,
    )

    version = String(scope=Scope.user_state, default="")
    status = String(scope=Scope.user_state, default="new")
    seed = Integer(scope=Scope.user_state, default=0)
    answers = List(scope=Scope.user_state, default=[])
    reported = Dict(scope=Scope.user_state, default={})

    has_score = False
    icon_class = "problem"
    studio_kind = "placement"
    content_field = "path"

    # --- content and state ---------------------------------------------------

    @property
    def bank(self) -> Json:
        bank: Json = self.path["placement"]
        return bank

    def _current(self) -> bool:
        return bool(self.path.get("placement")) and self.version == self.bank["version"]

    def learner(self) -> Json:
        """This learner's quiz as the path and the progress rules read it."""
        if not self._current():
            return {"status": "new", "engine": self.bank["engine"], "answers": []}
        return {
            "status": self.status,
            "engine": self.bank["engine"],
            "answers": [(a[0], a[1]) for a in self.answers],
        }

    def _question(self) -> Json | None:
        """The question the learner must answer now, or None."""
        if not self._current() or self.status != "running":
            return None
        item = next_item(self.bank["engine"], self.learner()["answers"], self.seed)
        if item is None:
            return None
        return {
            "id": item,
            "content": self.bank["content"][item],
            "number": len(self.answers) + 1,
            "max": self.bank["engine"]["max_items"],
        }

    def outcome(self) -> Json | None:
        """Per competence what the answers showed, the route, and the review."""
        if not self._current() or self.status not in ("done", "skipped"):
            return None
        learner = self.learner()
        titles = {c["id"]: c["title"] for c in self.bank["engine"]["competences"]}
        found = (
            [
                {**r, "title": titles[r["competence"]]}
                for r in results(self.bank["engine"], learner["answers"])
            ]
            if self.status == "done"
            else []
        )
        review = []
        for item, _right, chosen in self.answers if self.status == "done" else []:
            content = self.bank["content"][item]
            answer = chosen[0] if content["type"] == "single_choice" else chosen
            review.append(
                {
                    "item": item,
                    "content": content,
                    "answer": answer,
                    "evaluation": evaluate(content, self.bank["key"][item], answer),
                }
            )
        return {
            "results": found,
            "route": path_route(self.path, learner),
            "review": review,
        }

    def _reply(self, **extra: Any) -> Json:
        return {
            "status": self.status if self._current() else "new",
            "question": self._question(),
            "outcome": self.outcome(),
            **extra,
        }

    def _changed(self) -> None:
        decided = 1.0 if self.status in ("done", "skipped") else 0.0
        self.reported = self.publish_changes(dict(self.reported), decided, None)
        self.notify_parent()

    # --- views -----------------------------------------------------------------

    def student_view(self, context: Json | None = None) -> Fragment:
        if not self.path.get("placement"):
            return self.notice_fragment(
                "placement",
                self._("Aucun parcours choisi : choisissez-en un dans Studio."),
            )
        data = {
            **self._reply(),
            "version": self.bank["version"],
            "maxItems": self.bank["engine"]["max_items"],
            "modules": self.path["modules"],
            "inPath": self.tisseuse_parent() is not None,
            "notice": "module_updated"
            if self.version and not self._current()
            else None,
            **self.player_languages(self.path.get("lang", "fr")),
        }
        html = '<div class="ts-player" data-tisseuse-xblock-placement></div>'
        return self.fragment(
            "placement", html, data, "TisseusePlacementXBlock", self.path
        )

    def student_view_data(self, context: Json | None = None) -> Json:
        """For the mobile apps: status, the current question, the outcome.

        The question bank and its key are never sent; the apps drive the quiz
        through the same handlers as the browser.
        """
        if not self.path.get("placement"):
            return {"status": None, "question": None, "outcome": None}
        return self._reply()

    # --- handlers -------------------------------------------------------------

    @XBlock.json_handler
    def begin(self, data: Any, suffix: str = "") -> Json:
        request = payload(data, ("version",))
        check_version(request, self._require_bank()["version"])
        if self._current() and self.status == "running" and not self.answers:
            return self._reply()  # already at the first question: nothing to redo
        self.version = self.bank["version"]
        self.status = "running"
        self.seed = secrets.randbits(32)
        self.answers = []
        self._changed()
        return self._reply()

    @XBlock.json_handler
    def answer(self, data: Any, suffix: str = "") -> Json:
        request = payload(data, ("item", "answer", "version"))
        bank = self._require_bank()
        check_version(request, bank["version"])
        item = request["item"]
        if not isinstance(item, str) or item not in bank["content"]:
            raise reject(400, f"unknown question '{item}'")
        content = bank["content"][item]
        try:
            normal = check_answer(content, request["answer"])
        except AnswerError as error:
            raise reject(400, f"answer to '{item}': {error}") from error
        chosen = normal if isinstance(normal, list) else [normal]
        if self._current() and self.answers and self.answers[-1][0] == item:
            if list(self.answers[-1][2]) == chosen:
                return self._reply(replayed=True)
            raise reject(
                409,
                f"question '{item}' was already answered: answers cannot be changed",
            )
        if any(a[0] == item for a in self.answers if self._current()):
            raise reject(
                409,
                f"question '{item}' was already answered: answers cannot be changed",
            )
        asked = self._question()
        if asked is None:
            raise reject(
                409, "no question is waiting for an answer: start the quiz first"
            )
        if asked["id"] != item:
            raise reject(
                409,
                f"question '{item}' is out of order: the current question is "
                f"number {asked['number']}",
            )
        right = sorted(chosen) == sorted(bank["key"][item]["correct"])
        self.answers = [*self.answers, [item, right, chosen]]
        if self._question() is None:
            self.status = "done"
        self._changed()
        return self._reply()

    @XBlock.json_handler
    def skip(self, data: Any, suffix: str = "") -> Json:
        request = payload(data, ("version",))
        check_version(request, self._require_bank()["version"])
        if self._current() and self.status == "done":
            raise reject(
                409, "the quiz is already done: start it again to change the path"
            )
        self.version = self.bank["version"]
        self.status = "skipped"
        self.answers = []
        self._changed()
        return self._reply()

    def _require_bank(self) -> Json:
        if not self.path.get("placement"):
            raise reject(
                409, "this block has no placement quiz yet: pick a path in Studio"
            )
        return self.bank

    @staticmethod
    def workbench_scenarios() -> list[tuple[str, str]]:
        from xblocks.scenarios import placement_scenarios

        return placement_scenarios()
