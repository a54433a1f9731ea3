"""HTML pages shared by every browser target (web, SCORM, ...).

A target chooses where pages go and which player adapter they carry; the
markup, the projection and the assets are the same everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import rcssmin
import rjsmin

from builder.icons import ThemePictures, theme_pictures
from builder.images import ImagePipeline, prefix_html
from builder.languages import speech_lang
from builder.model import Catalogue, LearningPath, Module
from builder.projection import project_module
from builder.render import player_asset, player_script, render, strings, ui_helpers
from builder.targets.base import BuildContext, write_bytes
from builder.theme_fonts import font_files
from builder.theme_wording import player_wording
from builder.themes import Theme


@dataclass(frozen=True)
class Site:
    """What every page template receives."""

    catalogue: Catalogue
    theme: Theme
    ui_lang: str
    """Language of the interface (``--lang``); the content keeps its own."""
    namespace: str
    images: ImagePipeline = field(default_factory=ImagePipeline)
    """Processed images (the build's cache and counts)."""

    @cached_property
    def pictures(self) -> ThemePictures:
        """The theme's logo and icons, processed."""
        return theme_pictures(self.images, self.theme)

    @cached_property
    def messages(self) -> dict[str, str]:
        """The interface catalogue in ``ui_lang``, with the theme's own wording."""
        return strings(self.ui_lang) | player_wording(self.theme.wording, self.ui_lang)

    def context(
        self, root: str, content_lang: str | None = None, **extra: Any
    ) -> dict[str, Any]:
        """``content_lang``: the page's content language (default: the catalogue's)."""
        lang = content_lang or self.catalogue.language
        theme = self.theme
        context = {
            **ui_helpers(self.messages, self.ui_lang, lang),
            "root": root,
            "theme_css": theme.css_variables() + theme.font_faces(f"{root}assets/"),
            "logo": self.logo(f"{root}assets/"),
            "organisation": self.theme.organisation,
            "catalogue_title": self.catalogue.meta.title,
            "namespace": self.namespace,
            "config": self.player_config("web"),
            "links": True,
            **extra,
        }
        context["icons"] = self.icon_links(f"{root}assets/", context["links"])
        return context

    def logo(self, prefix: str) -> dict[str, Any] | None:
        """The header logo for ``<img>``/``<picture>``, files under ``prefix``."""
        logo = self.pictures.logo
        return prefix_html(logo.html(), prefix) if logo else None

    def icon_links(self, prefix: str, home_screen: bool) -> list[dict[str, Any]]:
        """The ``<link rel=icon>`` tags; ``home_screen`` adds apple-touch-icon
        (standalone pages only: an LMS page is never added to a home screen)."""
        return [
            {"rel": i.rel, "href": prefix + i.name, "type": i.type, "sizes": i.sizes}
            for i in self.pictures.icons(home_screen=home_screen)
        ]

    def player_config(
        self, adapter: str, content_lang: str | None = None
    ) -> dict[str, Any]:
        """What the player script reads from the page (see player/90-boot.js)."""
        lang = content_lang or self.catalogue.language
        return {
            "adapter": adapter,
            "namespace": self.namespace,
            "contentLang": lang,
            "speechLang": speech_lang(lang),
            "uiLang": self.ui_lang,
            "uiSpeechLang": speech_lang(self.ui_lang),
            "strings": self.messages,
        }


def make_site(catalogue: Catalogue, ctx: BuildContext) -> Site:
    namespace = re.sub(r"[^a-z0-9]+", "-", catalogue.meta.title.lower()).strip("-")[:40]
    return Site(
        catalogue=catalogue,
        theme=ctx.theme,
        ui_lang=ctx.ui_lang,
        namespace=namespace,
        images=ctx.images,
    )


def assets(
    site: Site, adapters: tuple[str, ...], *, home_screen: bool = False
) -> dict[str, bytes]:
    """Minified player script (with the given adapters), stylesheet, logo and
    icons (``home_screen``: with the tablet home-screen icon)."""
    files = {
        "tisseuse.js": rjsmin.jsmin(player_script(adapters)).encode() + b"\n",
        "tisseuse.css": rcssmin.cssmin(player_asset("tisseuse.css")).encode() + b"\n",
    }
    files |= site.pictures.files(home_screen=home_screen)
    return files | font_files(site.theme.fonts)


def write_assets(
    site: Site, folder: Path, adapters: tuple[str, ...], *, home_screen: bool = False
) -> list[Path]:
    return [
        write_bytes(folder / name, data)
        for name, data in assets(site, adapters, home_screen=home_screen).items()
    ]


def module_page(
    site: Site,
    module: Module,
    root: str,
    adapter: str,
    *,
    links: bool = True,
    extra_config: dict[str, Any] | None = None,
) -> tuple[str, dict[str, Any]]:
    """The HTML of a module's player page, and its projection.

    ``links`` is False inside LMS packages: there is no catalogue to go back
    to, and leaving the page would end the LMS session.
    """
    catalogue = site.catalogue
    projection = project_module(catalogue, module, site.images)
    config = site.player_config(adapter, projection["lang"]) | (extra_config or {})
    html = render(
        "web/module.html.j2",
        **site.context(
            root,
            projection["lang"],
            module=module,
            topic_title=catalogue.topics_by_id[module.topic].title,
            projection=projection,
            config=config,
            links=links,
        ),
    )
    return html, projection


def media(
    images: ImagePipeline, catalogue: Catalogue, module: Module
) -> dict[str, bytes]:
    """Every file of the images the module's screens use (and only those), by
    path relative to the module folder."""
    folder = catalogue.module_dir(module)
    files: dict[str, bytes] = {}
    for screen in module.screens:
        if screen.image is not None:
            image = screen.image
            files |= images.figure(folder / image.src, image.src, image.width).files
    return dict(sorted(files.items()))


def print_media(
    images: ImagePipeline, catalogue: Catalogue, module: Module
) -> dict[str, bytes]:
    """One universal file per image of the module (``Picture.print_file``)."""
    folder = catalogue.module_dir(module)
    files: dict[str, bytes] = {}
    for screen in module.screens:
        if screen.image is not None:
            image = screen.image
            picture = images.figure(folder / image.src, image.src, image.width)
            files[picture.name(picture.print_file)] = picture.print_file.data
    return dict(sorted(files.items()))


def write_media(
    images: ImagePipeline, catalogue: Catalogue, module: Module, folder: Path
) -> list[Path]:
    files = media(images, catalogue, module)
    return [write_bytes(folder / name, data) for name, data in files.items()]


def path_summary(catalogue: Catalogue, path: LearningPath) -> dict[str, Any]:
    family = catalogue.families_by_id[path.family]
    return {
        "id": path.id,
        "title": path.title,
        "roles": family.roles,
        "modules": catalogue.path_modules(path),
        "minutes": catalogue.path_minutes(path),
    }
