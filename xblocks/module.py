"""The micro-module block: one compiled module, played by the Tisseuse player.

The browser gets the module's public half only; the answer key stays here.
Per learner the block keeps the player's state (screen, screens seen,
answers as indices), the screens ever seen, the last answer to each activity
and a count of accepted answers. Handlers:

``answer``  {seq, screen, answer, version} -> the server's evaluation.
            ``seq`` must be the next number (1, 2, ...): a request that
            repeats the last accepted one (same seq, same screen and answer,
            e.g. a network retry) is *ignored*: the stored evaluation comes
            back with ``"replayed": true`` and nothing changes; any other
            reused or skipped number is rejected (409).
``save_state`` {state, version} -> progress. The state is the player's compact
            string (what the page restores); the server checks it and reads
            which screens were seen. It never changes the answers: the
            score counts the last answer the server evaluated for each
            activity, even after the learner starts over in the player (a
            state saved while an answer is on its way could otherwise drop
            that answer).

Grade: right scored activities out of all of them (published when it
changes; for a module with a mastery score, only once complete).
Completion: 1.0 once every screen has been seen, the fraction seen before;
it never goes down. Inside a Tisseuse path a module is ungraded by default
(``grading = auto``): the path publishes the grade.
"""

from __future__ import annotations

from typing import Any

from web_fragments.fragment import Fragment
from xblock.completable import CompletableXBlockMixin
from xblock.core import XBlock
from xblock.fields import Dict, Float, Integer, List, Scope, String

from xblocks.base import (
    MAX_STATE,
    CompiledContent,
    Json,
    TisseuseBlockMixin,
    _noop,
    check_version,
    payload,
    reject,
)
from xblocks.evaluate import AnswerError, check_answer, evaluate
from xblocks.progress import StateError, module_grade, module_progress, read_state
from xblocks.studio import StudioMixin


def public_part(module: Json) -> Json:
    """The projection without its answer key: what the browser may see."""
    return {k: v for k, v in module.items() if k != "key"}


@XBlock.needs("i18n")
@XBlock.wants("settings")
class TisseuseModuleBlock(
    StudioMixin, TisseuseBlockMixin, CompletableXBlockMixin, XBlock
):
    """A Tisseuse micro-module (5-12 minutes), scored on the server."""

    display_name = String(
        display_name=_noop("Nom affiché"),
        scope=Scope.settings,
        default=_noop("Micro-module"),
    )
    grading = String(
        display_name=_noop("Noté"),
        help=_noop(
            "auto : noté seul, non noté dans un parcours Tisseuse "
            "(le parcours est noté)"
        ),
        scope=Scope.settings,
        values=["auto", "graded", "ungraded"],
        default="auto",
    )
    weight = Float(
        display_name=_noop("Poids"),
        scope=Scope.settings,
        default=1.0,
        values={"min": 0},
    )
    module = CompiledContent(
        help=_noop("Le module compilé (projection JSON du builder, avec le corrigé)"),
        scope=Scope.content,
        default={},
        xml_node=True,
    )

    version = String(scope=Scope.user_state, default="")
    state = String(scope=Scope.user_state, default="")
    seen = List(scope=Scope.user_state, default=[])
    answers = Dict(scope=Scope.user_state, default={})
    seq = Integer(scope=Scope.user_state, default=0)
    last = Dict(scope=Scope.user_state, default={})
    reported = Dict(scope=Scope.user_state, default={})

    icon_class = "problem"
    studio_kind = "module"
    content_field = "module"

    # --- grading -----------------------------------------------------------

    @property
    def has_score(self) -> bool:
        if self.grading == "auto":
            return self.tisseuse_parent() is None
        return bool(self.grading == "graded")

    def max_score(self) -> float:
        return float(self._scored_count()) or 1.0

    def _scored_count(self) -> int:
        screens = self.module.get("screens", [])
        return sum(1 for s in screens if s["activity"] and s["activity"]["scored"])

    # --- learner state -----------------------------------------------------

    def _current(self) -> bool:
        """True when the learner's state belongs to the module as it is now."""
        return bool(self.version == self.module.get("version"))

    def _fresh_state(self) -> None:
        """The module changed since the learner's state was saved: start over."""
        if not self._current():
            self.version = self.module["version"]
            self.state = ""
            self.seen = []
            self.answers = {}
            self.seq = 0
            self.last = {}

    def progress(self) -> Json:
        if not self._current():
            return module_progress(self.module, [], {})
        return module_progress(self.module, list(self.seen), dict(self.answers))

    def _publish(self) -> Json:
        progress = self.progress()
        completion = (
            1.0 if progress["completed"] else progress["seen"] / progress["total"]
        )
        completion = max(completion, float(self.reported.get("completion") or 0.0))
        grade = module_grade(progress) if self.has_score else None
        self.reported = self.publish_changes(dict(self.reported), completion, grade)
        self.notify_parent()
        return progress

    # --- views -------------------------------------------------------------

    def student_view(self, context: Json | None = None) -> Fragment:
        if not self.module:
            return self.notice_fragment(
                "module", self._("Aucun module choisi : choisissez-en un dans Studio.")
            )
        module = self.module
        current = self._current()
        evaluations = {}
        if current:
            screens = {s["id"]: s for s in module["screens"] if s["activity"]}
            evaluations = {
                sid: {
                    "answer": a,
                    "evaluation": evaluate(
                        screens[sid]["activity"], module["key"][sid], a
                    ),
                }
                for sid, a in self.answers.items()
                if sid in screens
            }
        notice = None if current or not self.version else "module_updated"
        data = {
            "module": public_part(module),
            "state": self.state if current and self.state else None,
            "notice": notice,
            "evaluations": evaluations,
            "seq": self.seq if current else 0,
            "inPath": self.tisseuse_parent() is not None,
            **self.player_languages(module["lang"]),
        }
        html = '<div class="ts-player" data-tisseuse-xblock-player></div>'
        return self.fragment("module", html, data, "TisseuseModuleXBlock", module)

    def student_view_data(self, context: Json | None = None) -> Json:
        """For the mobile apps: the public module and this learner's progress.

        Keys: ``module`` (the public projection, see the README), ``progress``
        (seen, total, completed, correct, scored, score, passed), ``graded``.
        """
        if not self.module:
            return {"module": None, "progress": None, "graded": self.has_score}
        return {
            "module": public_part(self.module),
            "progress": self.progress(),
            "graded": self.has_score,
        }

    # --- handlers ----------------------------------------------------------

    @XBlock.json_handler
    def answer(self, data: Any, suffix: str = "") -> Json:
        request = payload(data, ("seq", "screen", "answer", "version"))
        module = self._require_module()
        check_version(request, module["version"])
        seq = request["seq"]
        if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
            raise reject(400, "'seq' must be a whole number from 1")
        screen = self._activity_screen(request["screen"])
        try:
            normal = check_answer(screen["activity"], request["answer"])
        except AnswerError as error:
            raise reject(400, f"answer to '{screen['id']}': {error}") from error
        evaluation = evaluate(screen["activity"], module["key"][screen["id"]], normal)
        current = self.seq if self._current() else 0
        if seq == current and self.last == {
            "seq": seq,
            "screen": screen["id"],
            "answer": normal,
        }:
            return {"evaluation": evaluation, "seq": seq, "replayed": True}
        if seq != current + 1:
            raise reject(
                409,
                f"answer number {seq} is out of sequence: the next one is "
                f"{current + 1} "
                "(was the module opened in another window?)",
            )
        self._fresh_state()
        self.answers = {**self.answers, screen["id"]: normal}
        self.seq = seq
        self.last = {"seq": seq, "screen": screen["id"], "answer": normal}
        progress = self._publish()
        return {"evaluation": evaluation, "seq": seq, "progress": progress}

    @XBlock.json_handler
    def save_state(self, data: Any, suffix: str = "") -> Json:
        request = payload(data, ("state", "version"))
        module = self._require_module()
        check_version(request, module["version"])
        state = request["state"]
        if not isinstance(state, str) or len(state) > MAX_STATE:
            raise reject(
                400, f"'state' must be a text of at most {MAX_STATE} characters"
            )
        try:
            seen, _answered = read_state(module, state)
        except StateError as error:
            raise reject(400, str(error)) from error
        self._fresh_state()
        self.state = state
        self.seen = [*self.seen, *sorted(seen - set(self.seen))]
        return {"progress": self._publish()}

    def _require_module(self) -> Json:
        if not self.module:
            raise reject(409, "this block has no module yet: pick one in Studio")
        module: Json = self.module
        return module

    def _activity_screen(self, screen_id: Any) -> Json:
        for screen in self.module["screens"]:
            if screen["id"] == screen_id:
                if screen["activity"] is None:
                    raise reject(400, f"screen '{screen_id}' has no activity to answer")
                return dict(screen)
        raise reject(400, f"unknown screen '{screen_id}'")

    @staticmethod
    def workbench_scenarios() -> list[tuple[str, str]]:
        from xblocks.scenarios import module_scenarios

        return module_scenarios()
