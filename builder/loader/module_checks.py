"""Checks on one module: ids, references, media, objectives, activities."""

from __future__ import annotations

from pathlib import Path

from builder.diagnostics import Location, Report
from builder.images import IMAGE_SUFFIXES, inspect_image
from builder.loader.activity_checks import check_activity
from builder.loader.common import Here, Known, check_references, check_unique
from builder.loader.sources import Loaded
from builder.model import Image, ModuleFile, Screen

MEDIA_TYPES = IMAGE_SUFFIXES


def check_module(
    loaded: Loaded[ModuleFile], folder: Path, known: Known, report: Report
) -> None:
    module, here = loaded.model, Here(loaded.doc.at, report)
    check_references(here, [module.topic], known.topics, "topic", "topic", single=True)
    check_references(here, module.families, known.families, "job family", "families")
    check_references(
        here, module.competences, known.competences, "competence", "competences"
    )
    check_unique(here, (o.id for o in module.objectives), "objectives", "objective")
    check_unique(here, (s.id for s in module.screens), "screens", "screen")
    check_unique(here, (s.id for s in module.sources), "sources", "source")
    objectives = frozenset(o.id for o in module.objectives)
    sources = frozenset(s.id for s in module.sources)
    for index, screen in enumerate(module.screens):
        _check_screen(
            here.inside("screens", index), screen, objectives, sources, folder
        )
    _check_objectives_assessed(here, module)
    _check_sources_cited(here, module)


def _check_screen(
    here: Here,
    screen: Screen,
    objectives: frozenset[str],
    sources: frozenset[str],
    folder: Path,
) -> None:
    if screen.body is None and screen.activity is None:
        here.error(
            "E201",
            f"the screen '{screen.id}' has neither 'body' nor 'activity': "
            "write its text, or add an activity",
            "id",
        )
    check_references(
        here, screen.sources, sources, "source", "sources", where="in this module"
    )
    if screen.image is not None:
        _check_image(here.inside("image"), screen.image, folder)
    activity = screen.activity
    if activity is None:
        return
    act = here.inside("activity")
    check_references(
        act,
        activity.objectives,
        objectives,
        "objective",
        "objectives",
        where="in this module",
    )
    if activity.scored and not activity.objectives:
        act.error(
            "E201",
            "a scored activity must say which objectives it assesses: add "
            "'objectives', or set 'scored: false' for a reflection activity",
            "type",
        )
    check_activity(act, activity)


def _check_image(here: Here, image: Image, folder: Path) -> None:
    target = (folder / image.src).resolve()
    if not target.is_relative_to(folder.resolve()):
        here.error(
            "E303",
            f"'{image.src}' points outside the module folder: put the file in "
            "this module's media/ folder",
            "src",
        )
    elif target.suffix.lower() not in MEDIA_TYPES:
        here.error(
            "E303",
            f"'{image.src}' is not an image Tisseuse can use: use "
            f"{', '.join(sorted(MEDIA_TYPES))}",
            "src",
        )
    elif not target.is_file():
        here.error(
            "E303",
            f"the file '{image.src}' does not exist in the module folder: check the "
            "name (capitals count) or add the file",
            "src",
        )
    else:
        _check_image_file(here, image, folder / image.src)
    if image.decorative and image.alt:
        here.error(
            "E206", "a decorative image has an empty 'alt': remove the text", "alt"
        )
    elif not image.decorative and not image.alt:
        here.error(
            "E205",
            "'alt' is empty: say what the image shows, or set 'decorative: true' if "
            "it adds nothing to the text",
            "alt",
        )


def _check_image_file(here: Here, image: Image, path: Path) -> None:
    """E314/E315 for a file Tisseuse cannot process: a problem inside an SVG at
    its own line, any other at the ``src`` that names the file."""
    for problem in inspect_image(path):
        if problem.line is None:
            here.error(problem.code, f"'{image.src}': {problem.message}", "src")
        else:
            where = Location(path, problem.line, problem.col)
            here.report.error(where, problem.code, problem.message)


def _check_objectives_assessed(here: Here, module: ModuleFile) -> None:
    assessed = {
        objective
        for screen in module.screens
        if screen.activity is not None and screen.activity.scored
        for objective in screen.activity.objectives
    }
    for index, objective in enumerate(module.objectives):
        if objective.id not in assessed:
            here.error(
                "E304",
                f"no scored activity assesses the objective '{objective.id}': list it "
                "in an activity's 'objectives', or remove the objective",
                "objectives",
                index,
                "id",
            )


def _check_sources_cited(here: Here, module: ModuleFile) -> None:
    cited = {ref for screen in module.screens for ref in screen.sources}
    for index, source in enumerate(module.sources):
        if source.id not in cited:
            here.warning(
                "W402",
                f"the source '{source.id}' is never cited: add it to the 'sources' "
                "of the screen that relies on it",
                "sources",
                index,
                "id",
            )
