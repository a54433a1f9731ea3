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
from typing import Any, ClassVar

from builder.model import Catalogue, LearningPath
from builder.placement.bank import placement_data
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
WEB_SCRIPTS = ("60-adapter-web.js", "61-web-pages.js", "80-placement.js", "81-quiz.js")


def path_placement(catalogue: Catalogue, path: LearningPath) -> dict[str, Any] | None:
    """The placement data of a path page, or None if the path tests nothing."""
    if not any(b.competence in path.placement for b in catalogue.placement):
        return None
    data = placement_data(catalogue, path)
    shown = [
        *path.modules,
        *(m for ids in data["engine"]["basics"].values() for m in ids),
    ]
    modules = []
    for module_id in dict.fromkeys(shown):
        module = catalogue.modules_by_id[module_id]
        modules.append(
            {
                "id": module.id,
                "title": module.title,
                "level": module.level,
                "duration_minutes": module.duration_minutes,
                "href": f"../modules/{module.id}/index.html",
            }
        )
    data["path"] = {
        "id": path.id,
        "title": path.title,
        "href": f"../paths/{path.id}.html",
        "modules": modules,
    }
    return data


class WebTarget:
    name: ClassVar[str] = "web"
    description: ClassVar[str] = "static preview site (catalogue, paths, player)"

    def build(self, catalogue: Catalogue, ctx: BuildContext) -> list[Path]:
        site = make_site(catalogue, ctx)
        files = write_assets(site, ctx.out / "assets", WEB_SCRIPTS, home_screen=True)
        files.append(self._home(site, ctx.out))
        for path in catalogue.paths:
            placement = path_placement(catalogue, path)
            route_data = None
            if placement is not None:
                html = render(
                    "web/placement.html.j2",
                    **site.context("../", path=path, placement=placement),
                )
                files.append(
                    write_text(ctx.out / "placement" / f"{path.id}.html", html)
                )
                route_data = {
                    "path": path.id,
                    "version": placement["version"],
                    "modules": placement["path"]["modules"],
                }
            html = render(
                "web/path.html.j2",
                **site.context(
                    "../",
                    path=path,
                    family=catalogue.families_by_id[path.family],
                    modules=catalogue.path_modules(path),
                    minutes=catalogue.path_minutes(path),
                    route_data=route_data,
                ),
            )
            files.append(write_text(ctx.out / "paths" / f"{path.id}.html", html))
        for module in catalogue.modules:
            folder = ctx.out / "modules" / module.id
            html, _ = module_page(site, module, "../../", "web")
            files.append(write_text(folder / "index.html", html))
            files.extend(write_media(ctx.images, catalogue, module, folder))
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
