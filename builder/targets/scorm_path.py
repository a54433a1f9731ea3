"""Path packages: a job-family path as one SCO (SCORM 1.2 and 2004).

The page runs the placement quiz, shows the learner's route and plays each
module in place (``player/82-path.js``). Module content is split into
``modules/<id>.js`` files loaded on demand, so the first page stays light.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from builder.diagnostics import Location
from builder.images import prefix_html
from builder.model import Catalogue, LearningPath
from builder.placement.routing import route
from builder.projection import content_hash, project_module
from builder.render import render
from builder.state_budget import worst_case_path_state
from builder.targets.base import BuildContext
from builder.targets.pages import Site, assets, media, module_page
from builder.targets.scorm import Flavour, PackageInfo, Sco, checked
from builder.targets.web import path_placement

PATH_SCRIPTS = ("80-placement.js", "81-quiz.js", "82-path.js")


def path_data(site: Site, path: LearningPath) -> tuple[dict[str, Any], dict[str, Any]]:
    """The path page's data and the projections of every module it can play."""
    catalogue = site.catalogue
    placement = path_placement(catalogue, path)
    playable = (
        [m["id"] for m in placement["path"]["modules"]]
        if placement
        else list(path.modules)
    )
    projections = {
        m: project_module(catalogue, catalogue.modules_by_id[m], site.images)
        for m in playable
    }
    if placement is not None:
        placement.pop("path")
    modules = [
        {
            "id": m,
            "title": projections[m]["title"],
            "level": projections[m]["level"],
            "duration_minutes": projections[m]["duration_minutes"],
            "src": f"modules/{m}.js",
        }
        for m in playable
    ]
    data = {
        "id": path.id,
        "title": path.title,
        "audience": path.audience,
        "path_modules": list(path.modules),
        "modules": modules,
        "placement": placement,
    }
    data["version"] = content_hash([data, [p["version"] for p in projections.values()]])
    return data, projections


def module_script(projection: dict[str, Any]) -> bytes:
    """A module's projection as a script the path page loads on demand."""
    folder = f"modules/{projection['id']}/"
    screens = [
        {**s, "image": prefix_html(s["image"], folder)} if s["image"] else s
        for s in projection["screens"]
    ]
    text = json.dumps(
        {**projection, "screens": screens},
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return f"Tisseuse.registerModule({text});\n".encode()


def path_package(
    site: Site, path: LearningPath, flavour: Flavour, kit: Path, ctx: BuildContext
) -> dict[str, bytes] | None:
    catalogue = site.catalogue
    where = Location(catalogue.root / "modules" / "paths.yaml")
    data, projections = path_data(site, path)
    config = site.player_config(flavour.name)
    html = render(
        "scorm/path.html.j2",
        **site.context("", path=path, data=data, links=False, config=config),
    )
    members: dict[str, bytes] = {"index.html": html.encode()}
    scripts = flavour.adapter_files + PATH_SCRIPTS
    members |= {f"assets/{n}": blob for n, blob in assets(site, scripts).items()}
    for module_id, projection in projections.items():
        members[f"modules/{module_id}.js"] = module_script(projection)
        module = catalogue.modules_by_id[module_id]
        members |= {
            f"modules/{module_id}/{k}": v
            for k, v in media(site.images, catalogue, module).items()
        }
    worst = worst_case_path_state(data, projections)
    if worst > flavour.suspend_limit:
        ctx.report.error(
            where,
            "E504",
            f"the path '{path.id}' could save a state of {worst} characters, more than "
            f"the {flavour.suspend_limit} that {flavour.name} allows: shorten the path "
            "or its modules",
        )
        return None
    info = _path_info(
        catalogue,
        path,
        f"tisseuse-path-{path.id}",
        data["version"],
        (Sco(path.id, path.title, "index.html", tuple(sorted(members)), None),),
    )
    return checked(members, info, flavour, kit, ctx, where)


def _path_info(
    catalogue: Catalogue,
    path: LearningPath,
    identifier: str,
    version: str,
    scos: tuple[Sco, ...],
) -> PackageInfo:
    """Manifest metadata shared by both kinds of path package."""
    return PackageInfo(
        identifier=identifier,
        version=version,
        title=path.title,
        description=path.audience,
        lang=catalogue.language,
        minutes=catalogue.path_minutes(path),
        scos=scos,
    )


def sequenced_package(
    site: Site, path: LearningPath, flavour: Flavour, kit: Path, ctx: BuildContext
) -> dict[str, bytes] | None:
    """A SCORM 2004 path as several SCOs, ordered and skipped by Simple Sequencing.

    Items, in the order of a learner who needs everything: the placement quiz,
    the digital-basics modules, then the path's modules, each competence's
    basic module right before its first other module. The learner's own route
    comes from the objectives the placement writes.
    """
    catalogue = site.catalogue
    where = Location(catalogue.root / "modules" / "paths.yaml")
    data, _ = path_data(site, path)
    placement = data["placement"]
    if placement is None:
        return None  # nothing to sequence on: the single-SCO package serves
    engine = placement["engine"]
    tested = [c["id"] for c in engine["competences"]]
    order = [s["module"] for s in route_everything(engine)]
    config = site.player_config(flavour.name) | {"sequenced": True}
    sequenced = {**data, "modules": [{**m, "src": None} for m in data["modules"]]}
    html = render(
        "scorm/path.html.j2",
        **site.context("", path=path, data=sequenced, links=False, config=config),
    )
    members: dict[str, bytes] = {"placement.html": html.encode()}
    scripts = flavour.adapter_files + PATH_SCRIPTS
    asset_files = {f"assets/{n}": blob for n, blob in assets(site, scripts).items()}
    members |= asset_files
    modules = []
    for module_id in order:
        module = catalogue.modules_by_id[module_id]
        competence = catalogue.topics_by_id[module.topic].competence
        rules = [{"objective": "mastered", "status": "passed"}]
        if module.level == "basic":
            rules.append({"objective": "basics", "status": "failed"})
        page, _ = module_page(
            site,
            module,
            "../../",
            flavour.name,
            links=False,
            extra_config={"optionalWhen": rules if competence in tested else []},
        )
        own = {f"modules/{module_id}/index.html": page.encode()}
        own |= {
            f"modules/{module_id}/{k}": v
            for k, v in media(site.images, catalogue, module).items()
        }
        members |= own
        modules.append(
            {
                "id": module_id,
                "title": module.title,
                "level": module.level,
                "competence": competence,
                "tested": competence in tested,
                "mastery": module.mastery_score,
                "files": sorted(own),
            }
        )
    info = _path_info(
        catalogue, path, f"tisseuse-path-{path.id}-sequenced", data["version"], ()
    )
    return checked(
        members,
        info,
        flavour,
        kit,
        ctx,
        where,
        template="scorm/imsmanifest-2004-sequenced.xml.j2",
        modules=modules,
        competences=tested,
        asset_files=sorted(asset_files),
        prefix=f"urn:tisseuse:{path.id}:",
        placement_title=site_string(site, "placement_title"),
    )


def route_everything(engine: dict[str, Any]) -> list[dict[str, str]]:
    """The route of a learner who needs every basic module: the full item order."""
    decisions = {c["id"]: "remediation" for c in engine["competences"]}
    return route(
        engine["modules"], engine["basics"], decisions, engine["basics_competence"]
    )


def site_string(site: Site, key: str) -> str:
    return site.messages[key]
