"""Cross-checks: what pydantic cannot see inside one value.

Unique ids, references between files, media on disk, objectives assessed,
answer keys that make sense. Checks run on every file that validated, even
when another file failed, so an author sees all problems in one run; a
reference into a file that failed to load is not reported (it would be noise).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from builder.diagnostics import Report
from builder.loader.activity_checks import check_options
from builder.loader.common import (
    Here,
    Known,
    check_references,
    check_unique,
    unknown_message,
)
from builder.loader.module_checks import check_module
from builder.loader.sources import Loaded
from builder.model import (
    CatalogFile,
    CompetencesFile,
    FamiliesFile,
    ModuleFile,
    PathsFile,
    PlacementBank,
)


@dataclass
class Sources:
    """Every source file that loaded (None where a required file failed)."""

    root: Path
    catalog: Loaded[CatalogFile] | None = None
    competences: Loaded[CompetencesFile] | None = None
    families: Loaded[FamiliesFile] | None = None
    paths: Loaded[PathsFile] | None = None
    #: module id (folder name) -> its file, or None when it failed to load
    modules: dict[str, Loaded[ModuleFile] | None] = field(default_factory=dict)
    placement: list[Loaded[PlacementBank]] = field(default_factory=list)

    def known(self) -> Known:
        catalog, competences, families = self.catalog, self.competences, self.families
        return Known(
            topics=_ids(catalog.model.topics) if catalog else None,
            competences=_ids(competences.model.competences) if competences else None,
            families=_ids(families.model.families) if families else None,
            modules=frozenset(self.modules),
        )


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


def _ids(values: Iterable[_HasId]) -> frozenset[str]:
    return frozenset(v.id for v in values)


def check_sources(src: Sources, report: Report) -> None:
    known = src.known()
    if src.catalog:
        _check_catalog(src.catalog, known, report)
    if src.competences:
        ids = (c.id for c in src.competences.model.competences)
        check_unique(
            Here(src.competences.doc.at, report), ids, "competences", "competence"
        )
    if src.families:
        _check_families(src.families, known, report)
    if src.paths:
        _check_paths(src.paths, known, report)
    for module_id, loaded in sorted(src.modules.items()):
        if loaded is not None:
            check_module(loaded, src.root / "modules" / module_id, known, report)
    _check_placement(src.placement, known, report)


def _check_catalog(loaded: Loaded[CatalogFile], known: Known, report: Report) -> None:
    here = Here(loaded.doc.at, report)
    topics = loaded.model.topics
    check_unique(here, (t.id for t in topics), "topics", "topic")
    for index, topic in enumerate(topics):
        check_references(
            here.inside("topics", index),
            [topic.competence],
            known.competences,
            "competence",
            "competence",
            single=True,
        )


def _check_families(loaded: Loaded[FamiliesFile], known: Known, report: Report) -> None:
    here = Here(loaded.doc.at, report)
    families = loaded.model.families
    check_unique(here, (f.id for f in families), "families", "family")
    for index, family in enumerate(families):
        for topic, priority in family.priorities.items():
            keys = ("families", index, "priorities", topic)
            if known.topics is not None and topic not in known.topics:
                report.error(
                    loaded.doc.at(*keys, key=True),
                    "E302",
                    unknown_message(topic, known.topics, "topic"),
                )
            elif priority not in (1, 2, 3):
                here.error(
                    "E208", "a priority is 1 (light), 2 (important) or 3 (core)", *keys
                )


def _check_paths(loaded: Loaded[PathsFile], known: Known, report: Report) -> None:
    here = Here(loaded.doc.at, report)
    paths = loaded.model.paths
    check_unique(here, (p.id for p in paths), "paths", "path")
    for index, path in enumerate(paths):
        sub = here.inside("paths", index)
        check_references(
            sub, [path.family], known.families, "job family", "family", single=True
        )
        check_references(sub, path.modules, known.modules, "module", "modules")
        check_references(
            sub, path.placement, known.competences, "competence", "placement"
        )
        _check_listed_once(sub, path.modules)


def _check_listed_once(here: Here, module_ids: tuple[str, ...]) -> None:
    seen: set[str] = set()
    for index, module_id in enumerate(module_ids):
        if module_id in seen:
            here.error(
                "E301",
                f"the module '{module_id}' is listed twice in this path",
                "modules",
                index,
            )
        seen.add(module_id)


def _check_placement(
    banks: list[Loaded[PlacementBank]], known: Known, report: Report
) -> None:
    item_files: dict[str, str] = {}
    competences: set[str] = set()
    for loaded in banks:
        bank = loaded.model
        here = Here(loaded.doc.at, report)
        check_references(
            here,
            [bank.competence],
            known.competences,
            "competence",
            "competence",
            single=True,
        )
        if bank.competence in competences:
            here.error(
                "E301",
                f"another bank file is already for the competence '{bank.competence}'",
                "competence",
            )
        competences.add(bank.competence)
        if bank.scale.min_items > bank.scale.max_items:
            here.error(
                "E208", "min_items must not exceed max_items", "scale", "min_items"
            )
        for index, item in enumerate(bank.items):
            item_here = here.inside("items", index)
            if item.id in item_files:
                item_here.error(
                    "E301",
                    f"the item id '{item.id}' is already used in "
                    f"{item_files[item.id]}: give each item its own id",
                    "id",
                )
            item_files.setdefault(item.id, loaded.doc.path.name)
            check_options(item_here, item.options, item.type == "single_choice")
