"""What to do after a session: which online modules, for whom.

Derived from the catalogue: the module that follows in each path, the other
levels of the same topic, and the digital basics when the module relies on
them. Each suggestion carries a reason code the kit's strings explain.
"""

from __future__ import annotations

from dataclasses import dataclass

from builder.model import LEVELS, Catalogue, LearningPath, Module
from builder.placement.bank import BASICS


@dataclass(frozen=True)
class Suggestion:
    module: Module
    reason: str
    """in_path, easier, further or basics."""
    paths: tuple[LearningPath, ...] = ()
    """For in_path: the paths in which it comes next."""


def next_steps(catalogue: Catalogue, module: Module) -> tuple[Suggestion, ...]:
    found: dict[str, Suggestion] = {}
    for path in catalogue.paths_with(module):
        position = path.modules.index(module.id)
        if position + 1 < len(path.modules):
            following = catalogue.modules_by_id[path.modules[position + 1]]
            known = found.get(following.id)
            paths = (*known.paths, path) if known else (path,)
            found[following.id] = Suggestion(following, "in_path", paths)
    rank = LEVELS.index(module.level)
    for other in _same_topic(catalogue, module):
        reason = "easier" if LEVELS.index(other.level) < rank else "further"
        found.setdefault(other.id, Suggestion(other, reason))
    if _uses_basics(catalogue, module):
        for basic in basics_modules(catalogue):
            found.setdefault(basic.id, Suggestion(basic, "basics"))
    return tuple(found.values())


def _same_topic(catalogue: Catalogue, module: Module) -> list[Module]:
    return sorted(
        (
            m
            for m in catalogue.modules
            if m.topic == module.topic and m.id != module.id and m.level != module.level
        ),
        key=lambda m: (LEVELS.index(m.level), m.id),
    )


def _uses_basics(catalogue: Catalogue, module: Module) -> bool:
    own = catalogue.topics_by_id[module.topic].competence
    return own != BASICS and BASICS in module.competences


def basics_modules(catalogue: Catalogue) -> tuple[Module, ...]:
    """The modules of the digital-basics topic, basic level first."""
    return tuple(
        sorted(
            (
                m
                for m in catalogue.modules
                if catalogue.topics_by_id[m.topic].competence == BASICS
            ),
            key=lambda m: (LEVELS.index(m.level), m.id),
        )
    )


def path_extras(catalogue: Catalogue, path: LearningPath) -> tuple[Suggestion, ...]:
    """Modules outside a path that its learners may need: easier or further."""
    listed = set(path.modules)
    found: dict[str, Suggestion] = {}
    for module in catalogue.path_modules(path):
        for other in _same_topic(catalogue, module):
            if other.id not in listed:
                reason = (
                    "easier"
                    if LEVELS.index(other.level) < LEVELS.index(module.level)
                    else "further"
                )
                found.setdefault(other.id, Suggestion(other, reason))
    for basic in basics_modules(catalogue):
        if basic.id not in listed:
            found.setdefault(basic.id, Suggestion(basic, "basics"))
    return tuple(found.values())
