"""Compile the placement data of a path from the catalogue.

Two halves, like a module projection: ``engine`` (parameters, settings, the
path's modules) drives the engine in Python or JavaScript; ``content``
(situations, prompts, options) is what the learner sees; ``key`` holds the
right answers and the feedback of every option.
"""

from __future__ import annotations

from typing import Any

from builder.markdown import french_spacing, render_markdown
from builder.model import Catalogue, LearningPath, PlacementItem
from builder.projection import content_hash

BASICS = "numerique-de-base"
RANDOMESQUE = 3


def whole_catalogue(catalogue: Catalogue) -> dict[str, Any]:
    """Placement data over every competence that has a bank (for simulations)."""
    everything = LearningPath(
        id="catalogue",
        family=catalogue.families[0].id,
        title=catalogue.meta.title,
        audience=catalogue.meta.description,
        modules=tuple(m.id for m in catalogue.modules),
        placement=tuple(c.id for c in catalogue.competences),
    )
    return placement_data(catalogue, everything)


def placement_data(catalogue: Catalogue, path: LearningPath) -> dict[str, Any]:
    settings = catalogue.meta.placement
    banks = {b.competence: b for b in catalogue.placement}
    tested = [c for c in path.placement if c in banks]
    items = [i for c in tested for i in banks[c].items if i.status == "active"]
    engine = {
        "grid": {
            "min": settings.grid_min,
            "max": settings.grid_max,
            "step": settings.grid_step,
        },
        "prior": {"mean": settings.prior_mean, "sd": settings.prior_sd},
        "max_items": settings.max_items,
        "randomesque": RANDOMESQUE,
        "basics_competence": BASICS,
        "competences": [_competence(catalogue, banks[c]) for c in tested],
        "items": [_parameters(item, banks) for item in items],
        "modules": [_module(catalogue, m) for m in path.modules],
        "basics": _basic_modules(catalogue, set(tested)),
    }
    content = {i.id: _content(i) for i in items}
    key = {
        i.id: {
            "correct": [o.id for o in i.options if o.correct],
            "feedback": {o.id: french_spacing(o.feedback) for o in i.options},
        }
        for i in items
    }
    return {
        "engine": engine,
        "content": content,
        "key": key,
        "version": content_hash([engine, content, key]),
    }


def _competence(catalogue: Catalogue, bank: Any) -> dict[str, Any]:
    scale = bank.scale
    return {
        "id": bank.competence,
        "title": french_spacing(catalogue.competences_by_id[bank.competence].title),
        "cut": scale.cut,
        "skip": scale.skip_threshold,
        "remediation": scale.remediation_threshold,
        "min_items": scale.min_items,
        "max_items": scale.max_items,
    }


def _parameters(item: PlacementItem, banks: dict[str, Any]) -> dict[str, Any]:
    competence = next(c for c, b in banks.items() if item in b.items)
    return {
        "id": item.id,
        "competence": competence,
        "family": item.family,
        "a": item.a,
        "b": item.difficulty,
        "c": item.guessing,
        "status": item.status,
    }


def _content(item: PlacementItem) -> dict[str, Any]:
    return {
        "type": item.type,
        "situation": render_markdown(item.situation) if item.situation else None,
        "prompt": french_spacing(item.prompt),
        "options": [{"id": o.id, "text": french_spacing(o.text)} for o in item.options],
        "scored": True,
        "objectives": [],
    }


def _module(catalogue: Catalogue, module_id: str) -> dict[str, Any]:
    module = catalogue.modules_by_id[module_id]
    return {
        "id": module.id,
        "competence": catalogue.topics_by_id[module.topic].competence,
        "level": module.level,
    }


def _basic_modules(catalogue: Catalogue, competences: set[str]) -> dict[str, list[str]]:
    """Basic-level modules of the given competences (the remediation routes)."""
    basics: dict[str, list[str]] = {}
    for module in catalogue.modules:
        competence = catalogue.topics_by_id[module.topic].competence
        if module.level == "basic" and competence in competences:
            basics.setdefault(competence, []).append(module.id)
    return basics
