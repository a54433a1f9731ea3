"""Target ``web``: a static site to preview or publish the catalogue.

    index.html                 catalogue home: paths per job family, all modules
    paths/<path>.html          one page per job-family path
    modules/<module>/index.html  the player (state kept in this browser)
    assets/                    player script, stylesheet, logo

Every link is relative, so the folder works from any web server (or a USB key)
and no page requests another host.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from builder.model import Catalogue
from builder.render import render
from builder.targets.base import BuildContext, write_text
from builder.targets.pages import (
    Site,
    make_site,
    module_page,
    path_summary,
    write_assets,
    write_media,
)

#: Player parts of the web target: browser storage and the placement engine.
WEB_SCRIPTS = ("60-adapter-web.js", "80-placement.js")


class WebTarget:
    name: ClassVar[str] = "web"
    description: ClassVar[str] = "static preview site (catalogue, paths, player)"

    def build(self, catalogue: Catalogue, ctx: BuildContext) -> list[Path]:
        site = make_site(catalogue, ctx)
        files = write_assets(site, ctx.out / "assets", WEB_SCRIPTS)
        files.append(self._home(site, ctx.out))
        for path in catalogue.paths:
            html = render(
                "web/path.html.j2",
                **site.context(
                    "../",
                    path=path,
                    family=catalogue.families_by_id[path.family],
                    modules=catalogue.path_modules(path),
                    minutes=catalogue.path_minutes(path),
                ),
            )
            files.append(write_text(ctx.out / "paths" / f"{path.id}.html", html))
        for module in catalogue.modules:
            folder = ctx.out / "modules" / module.id
            html, _ = module_page(site, module, "../../", "web")
            files.append(write_text(folder / "index.html", html))
            files.extend(write_media(catalogue, module, folder))
        return files

    def _home(self, site: Site, out: Path) -> Path:
        catalogue = site.catalogue
        topics = [
            {
                "title": topic.title,
                "modules": [m for m in catalogue.modules if m.topic == topic.id],
            }
            for topic in catalogue.meta.topics
        ]
        html = render(
            "web/index.html.j2",
            **site.context(
                "",
                description=catalogue.meta.description,
                paths=[path_summary(catalogue, p) for p in catalogue.paths],
                topics=[t for t in topics if t["modules"]],
            ),
        )
        return write_text(out / "index.html", html)
