"""What every kit template receives: strings, text helpers, links and QR codes."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from markupsafe import Markup

from builder.images import ImagePipeline
from builder.kit.documents import Document
from builder.kit.keys import keyed_screens, passages, problem_numbers, steps
from builder.kit.paper_quiz import DECISIONS, LETTERS, minutes
from builder.kit.qr import qr_svg
from builder.markdown import french_spacing, render_markdown
from builder.messages import DEFAULT_UI_LANG, kit_own_messages
from builder.model import (
    Catalogue,
    Categorise,
    Image,
    LearningPath,
    Module,
    Source,
)
from builder.render import format_message, render, strings, ui_helpers
from builder.theme_wording import Wording, kit_wording, player_wording
from builder.themes import Theme


def kit_strings(
    lang: str = DEFAULT_UI_LANG, wording: Wording | None = None
) -> dict[str, str]:
    """The kit's own strings over the interface's (levels, durations, reasons),
    each with a theme's ``wording`` laid over it.

    They live in ``i18n/kit.<lang>.json`` rather than ``<lang>.json``: the
    player embeds its whole catalogue in every page, the kit's need not ride
    along.
    """
    own = wording or {}
    return (
        strings(lang)
        | player_wording(own, lang)
        | kit_own_messages(lang)
        | kit_wording(own, lang)
    )


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
    ui_lang: str
    """Language of the kit's own words (``--lang``); quoted content keeps its own."""
    base_url: str | None
    """Where the web version is published; None: no QR codes."""
    images: ImagePipeline = field(default_factory=ImagePipeline)
    """Processed images: the kit shows each one's print file."""

    @cached_property
    def strings(self) -> dict[str, str]:
        return kit_strings(self.ui_lang, self.theme.wording)

    def t(self, key: str, **values: Any) -> str:
        return format_message(self.strings[key], values)

    def picture(self, module: Module, image: Image) -> dict[str, Any]:
        """``src`` (relative to the module's folder), ``width``, ``height``."""
        path = self.catalogue.module_dir(module) / image.src
        return self.images.figure(path, image.src, image.width).print_html()

    @cached_property
    def logo(self) -> tuple[str, bytes, dict[str, Any]] | None:
        """The theme's logo as printed: its file under ``assets/``, and its
        ``<img>`` size; None when the theme has no logo."""
        if self.theme.logo is None:
            return None
        picture = self.images.logo(self.theme.logo)
        html = picture.print_html()
        return f"assets/{html['src']}", picture.print_file.data, html

    def module_url(self, module: Module) -> str | None:
        return (
            f"{self.base_url}/modules/{module.id}/index.html" if self.base_url else None
        )

    def path_url(self, path: LearningPath) -> str | None:
        return f"{self.base_url}/paths/{path.id}.html" if self.base_url else None

    def context(self, **extra: Any) -> dict[str, Any]:
        catalogue = self.catalogue
        root = extra.get("root", "")
        return {
            **ui_helpers(self.strings, self.ui_lang, catalogue.language),
            "catalogue": catalogue,
            "catalogue_title": french_spacing(catalogue.meta.title),
            "organisation": self.theme.organisation,
            "logo": {**self.logo[2], "src": root + self.logo[0]} if self.logo else None,
            "theme_css": self.theme.css_variables() + self.theme.font_faces(root),
            "page_font": Markup(self.theme.font_family),  # validated CSS list
            "fr": french_spacing,
            "md": lambda text: Markup(render_markdown(text)),  # no raw HTML passes
            "qr": qr_svg,
            "picture": self.picture,
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
                title_in_interface=doc.title_in_interface,
                **doc.context,
            ),
        )
