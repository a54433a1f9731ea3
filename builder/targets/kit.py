"""Target ``kit``: the référent's printable kit, in HTML and PDF.

    index.html                          what to print for a session, in order
    kit.css                             print stylesheet (A4), tablet-friendly
    parcours/<path>/guide-animation     facilitator guide of the path
    parcours/<path>/questionnaire       paper placement quiz (booklet)
    parcours/<path>/feuille-de-reponses answer sheet
    parcours/<path>/grille-de-correction scoring grid (engine-exact) and key
    parcours/<path>/mon-parcours        learner summary sheet
    parcours/<path>/regles-locales      local-rules worksheet of the path
    modules/<module>/guide-animation    facilitator guide: plan, keys, next
    modules/<module>/memo               one-page memo with a QR code
    modules/<module>/fiches-activites   screen-free activity sheets, if any
    equipe/<module>                     team templates (charter, checklist)
    equipe/regles-locales               every local rule of the catalogue

Each document is written as ``.html`` and ``.pdf``. Needs the ``[kit]``
extra (WeasyPrint, segno); without it the build stops with one line saying
how to install it, and writes nothing.
"""

from __future__ import annotations

import os
import re
from importlib import resources
from pathlib import Path
from typing import ClassVar

from builder.diagnostics import BuildError, Location, Report
from builder.kit.documents import gather
from builder.kit.pages import KitPages
from builder.kit.pdf import missing, render_all, require
from builder.model import Catalogue
from builder.render import render
from builder.targets.base import BuildContext, write_bytes, write_text
from builder.targets.pages import print_media
from builder.theme_fonts import font_files

BASE_URL_VARIABLE = "TISSEUSE_BASE_URL"
_URL = re.compile(r"^https?://\S+$")


def base_url(catalogue: Catalogue, ctx: BuildContext) -> str | None:
    """The published web version's address: --base-url, the environment, else
    catalog.yaml."""
    from_env = os.environ.get(BASE_URL_VARIABLE, "").strip()
    given, name = (
        (ctx.base_url.strip(), "--base-url")
        if ctx.base_url
        else (from_env, BASE_URL_VARIABLE)
    )
    if given and not _URL.match(given):
        raise BuildError(
            Report(), f"{name} must be an http:// or https:// address, not '{given}'"
        )
    url = given or catalogue.meta.base_url
    if url is None:
        ctx.report.warning(
            Location(catalogue.root / "modules" / "catalog.yaml"),
            "W601",
            "no 'base_url': the kit's handouts carry no QR code to the online "
            "modules; set base_url in catalog.yaml, or give --base-url (or "
            f"{BASE_URL_VARIABLE})",
        )
        return None
    return url.rstrip("/")


class KitTarget:
    name: ClassVar[str] = "kit"
    description: ClassVar[str] = (
        "printable kit for référents: guides, handouts, paper placement quiz"
    )

    @staticmethod
    def missing() -> str | None:
        return missing()

    def build(self, catalogue: Catalogue, ctx: BuildContext) -> list[Path]:
        require()
        pages = KitPages(
            catalogue, ctx.theme, ctx.ui_lang, base_url(catalogue, ctx), ctx.images
        )
        kit = gather(catalogue, pages.strings)
        self._warn_missing_blocks(catalogue, ctx)
        css = resources.files("builder").joinpath("templates/kit/kit.css")
        files = [write_text(ctx.out / "kit.css", css.read_text("utf-8"))]
        files += [
            write_bytes(ctx.out / name, data)
            for name, data in font_files(ctx.theme.fonts).items()
        ]
        if pages.logo is not None:
            files.append(write_bytes(ctx.out / pages.logo[0], pages.logo[1]))
        for module in catalogue.modules:
            folder = ctx.out / "modules" / module.id
            for name, data in print_media(ctx.images, catalogue, module).items():
                files.append(write_bytes(folder / name, data))
        rendered = []
        for doc in kit.documents:
            html = pages.render(doc)
            page = write_text(ctx.out / f"{doc.slug}.html", html)
            files.append(page)
            rendered.append((page, html))
        index = render("kit/index.html.j2", **pages.context(kit=kit))
        files.append(write_text(ctx.out / "index.html", index))
        # Every file the pages refer to is in place now: render the PDFs.
        pdfs = render_all([(html, page) for page, html in rendered], ctx.out)
        for (page, _), pdf in zip(rendered, pdfs, strict=True):
            files.append(write_bytes(page.with_suffix(".pdf"), pdf))
        return files

    @staticmethod
    def _warn_missing_blocks(catalogue: Catalogue, ctx: BuildContext) -> None:
        for module in catalogue.modules:
            if module.kit is None:
                ctx.report.warning(
                    Location(catalogue.module_dir(module) / "module.yaml"),
                    "W602",
                    "no 'kit' block: the facilitator guide has no opening, "
                    "discussion or objections and the memo no checklist; "
                    "add one (see the README, 'The référent's kit')",
                )
