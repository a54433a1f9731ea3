"""``tisseuse report content``: the catalogue at a glance, for a training manager.

One table per question a manager asks before a release:

* which modules exist, for which job families, at which level, how long, how
  many objectives and activities, how readable, what is left to review;
* does every job family have a path of at least three modules, and how long
  is it;
* how many placement situations each competence has, spread over levels 1–4.

The same data is available as JSON (``--json``) for scripts. The HTML page is
self-contained (no request anywhere) and prints on A4 landscape.
"""

from __future__ import annotations

import statistics
from collections import Counter
from typing import Any

from builder.diagnostics import Report
from builder.lint import MIN_PATH_MODULES, estimated_minutes, screen_views
from builder.model import Catalogue
from builder.readability import measure
from builder.render import render

REPORT_SCHEMA = 1


def content_report(catalogue: Catalogue, diagnostics: Report) -> dict[str, Any]:
    """The report's data (stable JSON shape, see ``REPORT_SCHEMA``)."""
    warnings = Counter(d.location.path.parent.name for d in diagnostics.warnings)
    families = [f.id for f in catalogue.families]
    modules = [_module(catalogue, m, families, warnings) for m in catalogue.modules]
    paths = {p.family: p for p in catalogue.paths}
    family_rows = []
    for family in catalogue.families:
        path = paths.get(family.id)
        count = len(path.modules) if path else 0
        family_rows.append(
            {
                "id": family.id,
                "title": family.title,
                "path": path.id if path else None,
                "path_title": path.title if path else None,
                "modules": count,
                "minutes": catalogue.path_minutes(path) if path else 0,
                "placement": list(path.placement) if path else [],
                "ok": count >= MIN_PATH_MODULES,
            }
        )
    banks = [
        {
            "competence": c.id,
            "title": c.title,
            "items": sum(len(_active(b)) for b in _banks(catalogue, c.id)),
            "by_level": {
                str(level): sum(
                    1
                    for b in _banks(catalogue, c.id)
                    for i in _active(b)
                    if i.level == level
                )
                for level in (1, 2, 3, 4)
            },
            "item_families": len(
                {i.family for b in _banks(catalogue, c.id) for i in _active(b)}
            ),
        }
        for c in catalogue.competences
    ]
    return {
        "schema": REPORT_SCHEMA,
        "title": catalogue.meta.title,
        "families": family_rows,
        "topics": {t.id: t.title for t in catalogue.meta.topics},
        "modules": modules,
        "placement": banks,
        "summary": {
            "modules": len(modules),
            "paths": len(catalogue.paths),
            "minutes": sum(m["duration_minutes"] for m in modules),
            "placement_items": sum(b["items"] for b in banks),
            "every_family_has_a_path": all(f["ok"] for f in family_rows),
            "review_points": sum(len(m["review"]) for m in modules),
            "warnings": sum(warnings.values()),
        },
    }


def _module(
    catalogue: Catalogue, module: Any, families: list[str], warnings: Counter[str]
) -> dict[str, Any]:
    reading = 0
    ease = []
    for index, screen in enumerate(module.screens):
        for view in screen_views(screen, ("screens", index)):
            text = measure(view.prose)
            reading += text.words + view.document_words
            if text.kandel_moles is not None:
                ease.append(text.kandel_moles)
    in_paths = {p.family for p in catalogue.paths_with(module)}
    activities = len(module.activities)
    return {
        "id": module.id,
        "title": module.title,
        "topic": module.topic,
        "level": module.level,
        "duration_minutes": module.duration_minutes,
        "estimated_minutes": round(estimated_minutes(reading, activities), 1),
        "screens": len(module.screens),
        "activities": activities,
        "objectives": [o.text for o in module.objectives],
        "competences": list(module.competences),
        "families": {
            f: ("path" if f in in_paths else "")
            + ("+scenario" if f in module.families else "")
            for f in families
        },
        "words": reading,
        "reading_ease_median": round(statistics.median(ease)) if ease else None,
        "reading_ease_min": round(min(ease)) if ease else None,
        "sources": len(module.sources),
        "review": list(module.review),
        "warnings": warnings.get(module.id, 0),
    }


def _banks(catalogue: Catalogue, competence: str) -> list[Any]:
    return [b for b in catalogue.placement if b.competence == competence]


def _active(bank: Any) -> list[Any]:
    return [i for i in bank.items if i.status == "active"]


LEVELS = {"basic": "Bases", "standard": "Standard", "advanced": "Avancé"}


def content_report_html(data: dict[str, Any], lang: str = "fr") -> str:
    return render(
        "report/content.html.j2",
        data=data,
        levels=LEVELS,
        topics=data["topics"],
        competences={b["competence"]: b["title"] for b in data["placement"]},
        family_ids=[f["id"] for f in data["families"]],
        lang=lang,
    )
