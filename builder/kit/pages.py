"""What every kit template receives: strings, text helpers, links and QR codes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from markupsafe import Markup

from builder.kit.documents import Document
from builder.kit.keys import keyed_screens, passages, problem_numbers, steps
from builder.kit.paper_quiz import DECISIONS, LETTERS, minutes
from builder.kit.qr import qr_svg
from builder.markdown import french_spacing, render_markdown
from builder.model import Catalogue, Categorise, LearningPath, Module, Source
from builder.render import render, strings
from builder.themes import Theme


@cache
def kit_strings(lang: str = "fr") -> dict[str, str]:
    """The kit's own strings over the interface's (levels, durations, reasons).

    They live in ``i18n/kit.<lang>.json`` rather than ``<lang>.json``: the
    player embeds its whole catalogue in every page, the kit's need not ride
    along.
    """
    text = (
        resources.files("builder.i18n").joinpath(f"kit.{lang}.json").read_text("utf-8")
    )
    own: dict[str, str] = json.loads(text)
    return strings(lang) | own


def css_string(text: str) -> Markup:
    """``text`` as a CSS string literal (for @page margin boxes)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return Markup(f'"{escaped}"')  # quotes and backslashes escaped above


def cited_sources(module: Module) -> tuple[Source, ...]:
    cited = {ref for screen in module.screens for ref in screen.sources}
    return tuple(s for s in module.sources if s.id in cited)


def category_label(activity: Categorise, category: str) -> str:
    return next(c.label for c in activity.categories if c.id == category)


@dataclass(frozen=True)
class KitPages:
    catalogue: Catalogue
    theme: Theme
    lang: str
    base_url: str | None
    """Where the web version is published; None: no QR codes."""

    @property
    def strings(self) -> dict[str, str]:
        return kit_strings(self.lang)

    def t(self, key: str, **values: Any) -> str:
        text = self.strings[key]
        for name, value in values.items():
            text = text.replace("{" + name + "}", str(value))
        return text

    def module_url(self, module: Module) -> str | None:
        return (
            f"{self.base_url}/modules/{module.id}/index.html" if self.base_url else None
        )

    def path_url(self, path: LearningPath) -> str | None:
        return f"{self.base_url}/paths/{path.id}.html" if self.base_url else None

    def context(self, **extra: Any) -> dict[str, Any]:
        catalogue = self.catalogue
        return {
            "lang": catalogue.language,
            "catalogue": catalogue,
            "catalogue_title": french_spacing(catalogue.meta.title),
            "organisation": self.theme.organisation,
            "theme_css": self.theme.css_variables(),
            "page_font": Markup(self.theme.font_family),  # validated CSS list
            "t": self.t,
            "fr": french_spacing,
            "md": lambda text: Markup(render_markdown(text)),  # no raw HTML passes
            "qr": qr_svg,
            "css_string": css_string,
            "module_url": self.module_url,
            "path_url": self.path_url,
            "passages": passages,
            "problem_numbers": problem_numbers,
            "steps": steps,
            "keyed_screens": keyed_screens,
            "category_label": category_label,
            "cited_sources": cited_sources,
            "competence_title": lambda c: catalogue.competences_by_id[c].title,
            "quiz_minutes": minutes,
            "decisions": DECISIONS,
            "letters": LETTERS,
            **extra,
        }

    def render(self, doc: Document) -> str:
        return render(
            doc.template,
            **self.context(
                root="../" * doc.folder_depth,
                pdf_name=doc.slug.rsplit("/", 1)[-1] + ".pdf",
                kind=doc.kind,
                title=french_spacing(doc.title),
                **doc.context,
            ),
        )
