"""HTML pages shared by every browser target (web, SCORM, ...).

A target chooses where pages go and which player adapter they carry; the
markup, the projection and the assets are the same everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import rcssmin
import rjsmin

from builder.languages import speech_lang
from builder.model import Catalogue, LearningPath, Module
from builder.projection import project_module
from builder.render import player_asset, player_script, render, strings
from builder.targets.base import BuildContext, write_bytes
from builder.themes import Theme


@dataclass(frozen=True)
class Site:
    """What every page template receives."""

    catalogue: Catalogue
    theme: Theme
    lang: str
    namespace: str

    def context(self, root: str, **extra: Any) -> dict[str, Any]:
        messages = strings(self.lang)
        return {
            "lang": self.catalogue.language,
            "root": root,
            "t": lambda key, **values: _format(messages[key], values),
            "theme_css": self.theme.css_variables(),
            "logo": self.logo_name,
            "organisation": self.theme.organisation,
            "catalogue_title": self.catalogue.meta.title,
            "namespace": self.namespace,
            "config": self.player_config("web"),
            "links": True,
            **extra,
        }

    def player_config(
        self, adapter: str, content_lang: str | None = None
    ) -> dict[str, Any]:
        """What the player script reads from the page (see player/90-boot.js)."""
        lang = content_lang or self.catalogue.language
        return {
            "adapter": adapter,
            "namespace": self.namespace,
            "speechLang": speech_lang(lang),
            "strings": strings(self.lang),
        }

    @property
    def logo_name(self) -> str | None:
        return f"logo{self.theme.logo.suffix}" if self.theme.logo else None


def make_site(catalogue: Catalogue, ctx: BuildContext) -> Site:
    namespace = re.sub(r"[^a-z0-9]+", "-", catalogue.meta.title.lower()).strip("-")[:40]
    return Site(
        catalogue=catalogue, theme=ctx.theme, lang=ctx.lang, namespace=namespace
    )


def _format(text: str, values: dict[str, Any]) -> str:
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text


def assets(site: Site, adapters: tuple[str, ...]) -> dict[str, bytes]:
    """Minified player script (with the given adapters), stylesheet, and logo."""
    files = {
        "tisseuse.js": rjsmin.jsmin(player_script(adapters)).encode() + b"\n",
        "tisseuse.css": rcssmin.cssmin(player_asset("tisseuse.css")).encode() + b"\n",
    }
    if site.theme.logo and site.logo_name:
        files[site.logo_name] = site.theme.logo.read_bytes()
    return files


def write_assets(site: Site, folder: Path, adapters: tuple[str, ...]) -> list[Path]:
    return [
        write_bytes(folder / name, data)
        for name, data in assets(site, adapters).items()
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
    projection = project_module(catalogue, module)
    config = site.player_config(adapter, projection["lang"]) | (extra_config or {})
    html = render(
        "web/module.html.j2",
        **site.context(
            root,
            module=module,
            topic_title=catalogue.topics_by_id[module.topic].title,
            projection=projection,
            config=config,
            links=links,
        ),
    )
    return html, projection


def media(catalogue: Catalogue, module: Module) -> dict[str, bytes]:
    """The images the module's screens use (and only those), by relative path."""
    source = catalogue.module_dir(module)
    used = sorted({s.image.src for s in module.screens if s.image is not None})
    return {src: (source / src).read_bytes() for src in used}


def write_media(catalogue: Catalogue, module: Module, folder: Path) -> list[Path]:
    return [
        write_bytes(folder / s, data) for s, data in media(catalogue, module).items()
    ]


def path_summary(catalogue: Catalogue, path: LearningPath) -> dict[str, Any]:
    family = catalogue.families_by_id[path.family]
    return {
        "id": path.id,
        "title": path.title,
        "roles": family.roles,
        "modules": catalogue.path_modules(path),
        "minutes": catalogue.path_minutes(path),
    }
