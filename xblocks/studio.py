"""Studio editing: pick a module or a path from the compiled catalogue.

The edit view is a small form (display name, the content picker, and for a
module whether it is graded and its weight). Saving copies the picked
projection into the block's content field: the block never depends on the
catalogue file afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from web_fragments.fragment import Fragment
from xblock.core import XBlock

from xblocks.base import ASSETS, Json, escape, payload, reject
from xblocks.catalogue import CatalogueError, catalogue_path, choices, load_catalogue
from xblocks.olx import path_content


class StudioMixin:
    """``studio_view`` and ``studio_submit`` for the three block types."""

    studio_kind: str
    content_field: str
    runtime: Any
    display_name: str
    grading: str  # module blocks only
    weight: float  # module and path blocks
    _: Callable[[str], str]  # TisseuseBlockMixin provides it

    def _catalogue(self) -> Json:
        path = catalogue_path(self.get_xblock_settings())
        if path is None:
            raise CatalogueError(
                self._(
                    "Aucun catalogue Tisseuse n'est configuré : "
                    "voir XBLOCK_SETTINGS dans le README."
                )
            )
        return load_catalogue(path)

    def get_xblock_settings(self) -> Json | None:
        service = self.runtime.service(self, "settings")
        return service.get_settings_bucket(self, default={}) if service else None

    def _picked(self) -> str:
        content = getattr(self, self.content_field) or {}
        return str(content.get("id", ""))

    def studio_view(self, context: Json | None = None) -> Fragment:
        rows = [
            self._text_row("display_name", self._("Nom affiché"), self.display_name)
        ]
        try:
            options = choices(self._catalogue(), self.studio_kind)
            problem = None
        except CatalogueError as error:
            options, problem = [], str(error)
        label = self._("Module") if self.studio_kind == "module" else self._("Parcours")
        rows.append(self._select_row("choice", label, options, self._picked(), problem))
        if self.studio_kind == "module":
            grading = [
                ("auto", self._("Automatique : noté seul, non noté dans un parcours")),
                ("graded", self._("Oui")),
                ("ungraded", self._("Non")),
            ]
            rows.append(
                self._select_row("grading", self._("Noté"), grading, self.grading, None)
            )
        if self.studio_kind != "placement":
            rows.append(self._text_row("weight", self._("Poids"), str(self.weight)))
        html = (
            '<form class="tisseuse-xblock ts-studio" data-tisseuse-studio>'
            + "".join(rows)
            + '<p class="ts-feedback" role="status"></p>'
            + '<button type="submit" class="ts-button ts-primary">'
            + f"{escape(self._('Enregistrer'))}</button>"
            + "</form>"
        )
        frag = Fragment(html)
        for asset in ASSETS:
            url = self.runtime.local_resource_url(self, asset)
            (frag.add_css_url if asset.endswith(".css") else frag.add_javascript_url)(
                url
            )
        frag.initialize_js("TisseuseStudioXBlock")
        return frag

    def _text_row(self, name: str, label: str, value: str) -> str:
        return (
            f'<p class="ts-field"><label for="ts-{name}">{escape(label)}</label>'
            f'<input id="ts-{name}" name="{name}" value="{escape(value)}"></p>'
        )

    def _select_row(
        self,
        name: str,
        label: str,
        options: list[tuple[str, str]],
        current: str,
        problem: str | None,
    ) -> str:
        items = "".join(
            f'<option value="{escape(v)}"{" selected" if v == current else ""}>'
            f"{escape(t)}</option>"
            for v, t in options
        )
        note = f'<span class="ts-notice">{escape(problem)}</span>' if problem else ""
        empty = (
            f'<option value="">{escape(self._("(garder le contenu actuel)"))}</option>'
        )
        return (
            f'<p class="ts-field"><label for="ts-{name}">{escape(label)}</label>'
            f'<select id="ts-{name}" name="{name}">'
            f"{empty if name == 'choice' else ''}{items}</select>{note}</p>"
        )

    @XBlock.json_handler
    def studio_submit(self, data: Any, suffix: str = "") -> Json:
        """Save the form; every problem is reported at once, nothing saved then."""
        optional = ["grading", "weight"] if self.studio_kind == "module" else ["weight"]
        if self.studio_kind == "placement":
            optional = []
        request = payload(data, ("display_name", "choice"), optional)
        errors: list[str] = []
        updates: dict[str, Any] = {}
        name = request["display_name"]
        if not isinstance(name, str) or not name.strip():
            errors.append(self._("Le nom affiché ne peut pas être vide."))
        else:
            updates["display_name"] = name.strip()
        if "grading" in request:
            if request["grading"] not in ("auto", "graded", "ungraded"):
                errors.append(self._("« Noté » doit valoir auto, graded ou ungraded."))
            else:
                updates["grading"] = request["grading"]
        if "weight" in request:
            try:
                weight = float(request["weight"])
                if weight < 0:
                    raise ValueError
                updates["weight"] = weight
            except (TypeError, ValueError):
                errors.append(self._("Le poids doit être un nombre positif ou nul."))
        choice = request["choice"]
        if choice:
            try:
                updates[self.content_field] = self._content_for(str(choice))
            except CatalogueError as error:
                errors.append(str(error))
        if errors:
            raise reject(400, " ".join(errors))
        for field, value in updates.items():
            setattr(self, field, value)
        return {"result": "success"}

    def _content_for(self, choice: str) -> Json:
        catalogue = self._catalogue()
        if self.studio_kind == "module":
            module = catalogue["modules"].get(choice)
            if module is None:
                raise CatalogueError(
                    self._("Ce module n'est pas dans le catalogue : {id}").format(
                        id=choice
                    )
                )
            return dict(module)
        path = catalogue["paths"].get(choice)
        if path is None:
            raise CatalogueError(
                self._("Ce parcours n'est pas dans le catalogue : {id}").format(
                    id=choice
                )
            )
        if self.studio_kind == "placement":
            if path["placement"] is None:
                raise CatalogueError(
                    self._(
                        "Ce parcours n'a pas de quiz de positionnement : {id}"
                    ).format(id=choice)
                )
            return dict(path)
        return path_content(path)
