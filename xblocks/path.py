"""The path container: a job family's modules, ordered for each learner.

Children: the path's placement quiz (first, if the path has one) and one
micro-module block per module the route may show. The page shows the
learner's route: the recommended modules in order, each with its reason, then
the optional ones, which stay open. Modules play in place.

The path is the graded and completable unit (``has_score``, custom
completion): the LMS's grading and completion see every child of a custom
container and cannot know which ones a learner was recommended, so modules
inside a path are ungraded by default and the path publishes, whenever they
change, the mean score of the recommended modules and its completion
(1.0 once the quiz is done or skipped and every recommended module is
complete). Children tell the path when their state changes, on the server.

Handlers: ``route`` {} -> the route and progress (as the page shows them);
``open_view`` {view} -> remembers what the learner has open ("" for the route,
"placement", or a module id), so the path reopens there.
"""

from __future__ import annotations

from typing import Any

from web_fragments.fragment import Fragment
from xblock.completable import CompletableXBlockMixin
from xblock.core import XBlock
from xblock.fields import Dict, Float, Scope, String

from xblocks.base import (
    CompiledContent,
    Json,
    TisseuseBlockMixin,
    _noop,
    escape,
    payload,
    reject,
)
from xblocks.module import TisseuseModuleBlock
from xblocks.placement import TisseusePlacementBlock
from xblocks.progress import path_progress
from xblocks.studio import StudioMixin


@XBlock.needs("i18n")
@XBlock.wants("settings")
class TisseusePathBlock(
    StudioMixin, TisseuseBlockMixin, CompletableXBlockMixin, XBlock
):
    """A Tisseuse job-family path: placement quiz, then a personal route."""

    display_name = String(
        display_name=_noop("Nom affiché"),
        scope=Scope.settings,
        default=_noop("Parcours"),
    )
    weight = Float(
        display_name=_noop("Poids"),
        scope=Scope.settings,
        default=1.0,
        values={"min": 0},
    )
    path = CompiledContent(
        help=_noop(
            "Le parcours compilé (sans la banque de questions, gardée par le quiz)"
        ),
        scope=Scope.content,
        default={},
        xml_node=True,
    )

    view = String(scope=Scope.user_state, default="")
    reported = Dict(scope=Scope.user_state, default={})

    has_children = True
    has_author_view = True
    has_score = True
    is_tisseuse_path = True
    icon_class = "problem"
    studio_kind = "path"
    content_field = "path"

    def max_score(self) -> float:
        return 1.0

    # --- children --------------------------------------------------------------

    def _children(self) -> list[Any]:
        return [self.runtime.get_block(child) for child in self.children]

    def placement_child(self) -> TisseusePlacementBlock | None:
        for child in self._children():
            if isinstance(child, TisseusePlacementBlock):
                return child
        return None

    def module_children(self) -> dict[str, TisseuseModuleBlock]:
        """Module id -> its block (the first one, if an author added two)."""
        found: dict[str, TisseuseModuleBlock] = {}
        for child in self._children():
            if isinstance(child, TisseuseModuleBlock) and child.module:
                found.setdefault(child.module["id"], child)
        return found

    # --- progress ---------------------------------------------------------------

    def progress(self) -> Json:
        placement = self.placement_child()
        learner = (
            placement.learner()
            if placement is not None and placement.path.get("placement")
            else None
        )
        modules = {
            mid: child.progress() for mid, child in self.module_children().items()
        }
        progress = path_progress(self.path, learner, modules)
        progress["placement"] = None if learner is None else learner["status"]
        progress["modules"] = {
            mid: {
                "completed": p["completed"],
                "score": p["score"],
                "started": p["seen"] > 0,
            }
            for mid, p in modules.items()
        }
        return progress

    def refresh_progress(self, publish: bool = True) -> Json:
        """Recompute the learner's route and progress; publish what changed."""
        progress = self.progress()
        if publish:
            grade = (progress["grade"], 1.0)
            self.reported = self.publish_changes(
                dict(self.reported), progress["completion"], grade
            )
        return progress

    # --- views ----------------------------------------------------------------------

    def student_view(self, context: Json | None = None) -> Fragment:
        if not self.path:
            return self.notice_fragment(
                "path", self._("Aucun parcours choisi : choisissez-en un dans Studio.")
            )
        children = Fragment()
        slots = []
        placement = self.placement_child()
        modules = self.module_children()
        for name, child in ([("placement", placement)] if placement else []) + sorted(
            modules.items()
        ):
            rendered = self.runtime.render_child(child, "student_view", context or {})
            children.add_fragment_resources(rendered)
            slots.append(
                f'<div class="ts-path-slot" data-slot="{escape(name)}" hidden>'
                f"{rendered.body_html()}</div>"
            )
        missing = [m["id"] for m in self.path["modules"] if m["id"] not in modules]
        data = {
            "path": {
                k: self.path[k]
                for k in ("id", "title", "audience", "modules", "version")
            },
            "progress": self.progress(),
            "view": self.view,
            "missing": missing,
            **self.player_languages(self.path.get("lang", "fr")),
        }
        html = '<div class="ts-path" data-tisseuse-xblock-path></div>' + "".join(slots)
        frag = self.fragment("path", html, data, "TisseusePathXBlock", self.path)
        frag.add_fragment_resources(children)
        return frag

    def student_view_data(self, context: Json | None = None) -> Json:
        """For the mobile apps: the path, this learner's route and progress.

        ``children`` lists each child's usage id with its kind and module id,
        so an app can open the module blocks through their own handlers.
        """
        if not self.path:
            return {"path": None, "progress": None, "children": []}
        return {
            "path": {
                k: self.path[k]
                for k in ("id", "title", "audience", "modules", "version")
            },
            "progress": self.progress(),
            "children": [
                {
                    "usage_id": str(child.scope_ids.usage_id),
                    "kind": child.studio_kind,
                    "module": child.module["id"]
                    if isinstance(child, TisseuseModuleBlock) and child.module
                    else None,
                }
                for child in self._children()
                if hasattr(child, "studio_kind")
            ],
        }

    def author_view(self, context: Json | None = None) -> Fragment:
        """Studio: the route rules and every child, with what is missing."""
        frag = Fragment()
        modules = self.module_children()
        lines = [f'<div class="tisseuse-xblock"><h3>{escape(self.display_name)}</h3>']
        if not self.path:
            no_path = self._("Aucun parcours choisi : choisissez-en un dans Studio.")
            lines.append(f"<p>{escape(no_path)}</p>")
        else:
            expects = self._(
                "Ce parcours attend le module « {title} » : "
                "ajoutez un bloc micro-module et choisissez-le."
            )
            for entry in self.path["modules"]:
                if entry["id"] not in modules:
                    text = expects.format(title=entry["title"])
                    lines.append(f'<p class="ts-notice">{escape(text)}</p>')
        lines.append("</div>")
        frag.add_content("".join(lines))
        for child in self._children():
            rendered = self.runtime.render_child(child, "student_view", context or {})
            frag.add_fragment_resources(rendered)
            frag.add_content(rendered.body_html())
        return frag

    # --- handlers ---------------------------------------------------------------

    @XBlock.json_handler
    def route(self, data: Any, suffix: str = "") -> Json:
        payload(data, ())
        if not self.path:
            raise reject(409, "this block has no path yet: pick one in Studio")
        return self.refresh_progress(publish=True)

    @XBlock.json_handler
    def open_view(self, data: Any, suffix: str = "") -> Json:
        request = payload(data, ("view",))
        view = request["view"]
        allowed = {"", "placement", *self.module_children()}
        if not isinstance(view, str) or view not in allowed:
            raise reject(
                400,
                f"unknown view '{view}': expected '', 'placement' or a module "
                "of the path",
            )
        self.view = view
        return {"view": view}

    @staticmethod
    def workbench_scenarios() -> list[tuple[str, str]]:
        from xblocks.scenarios import path_scenarios

        return path_scenarios()
