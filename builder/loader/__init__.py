"""Load ``modules/`` into a ``Catalogue``: gather every file, check, then assemble.

``load_catalogue`` never raises for bad content and never stops at the first
problem: it returns the catalogue (or None) and a report of every diagnostic.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel

from builder.diagnostics import Location, Report
from builder.lint import lint_sources
from builder.loader.checks import Sources, check_sources
from builder.loader.sources import Loaded, load_model
from builder.model import (
    CatalogFile,
    Catalogue,
    CompetencesFile,
    FamiliesFile,
    Module,
    ModuleFile,
    PathsFile,
    PlacementBank,
)

__all__ = ["MODULE_FILE", "REQUIRED_FILES", "load_catalogue"]

MODULE_FILE = "module.yaml"
PLACEMENT_DIR = "placement"
REQUIRED_FILES: dict[str, type[BaseModel]] = {
    "catalog.yaml": CatalogFile,
    "competences.yaml": CompetencesFile,
    "families.yaml": FamiliesFile,
    "paths.yaml": PathsFile,
}
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_QUIET = frozenset({"README.md", ".gitkeep"})


def load_catalogue(root: Path) -> tuple[Catalogue | None, Report]:
    """Read every source under ``root/modules``; None if any error was found."""
    report = Report()
    modules_dir = root / "modules"
    if not modules_dir.is_dir():
        report.error(
            Location(modules_dir),
            "E308",
            "there is no modules/ folder here: run tisseuse from the project "
            "folder, or give it with --root",
        )
        return None, report
    src = _gather(root, modules_dir, report)
    check_sources(src, report)
    lint_sources(src, report)
    if report.errors:
        return None, report
    return _assemble(src), report


def _gather(root: Path, modules_dir: Path, report: Report) -> Sources:
    src = Sources(root=root)
    loaded: dict[str, Loaded[BaseModel] | None] = {}
    for name, model in REQUIRED_FILES.items():
        path = modules_dir / name
        if not path.is_file():
            report.error(
                Location(path),
                "E308",
                f"the catalogue file {name} is missing: create it (see the README, "
                "'Authoring')",
            )
            loaded[name] = None
        else:
            loaded[name] = load_model(path, model, report)
    src.catalog = loaded["catalog.yaml"]  # type: ignore[assignment]
    src.competences = loaded["competences.yaml"]  # type: ignore[assignment]
    src.families = loaded["families.yaml"]  # type: ignore[assignment]
    src.paths = loaded["paths.yaml"]  # type: ignore[assignment]
    for entry in sorted(modules_dir.iterdir()):
        _gather_entry(entry, src, report)
    return src


def _gather_entry(entry: Path, src: Sources, report: Report) -> None:
    name = entry.name
    if name.startswith((".", "_")) or name in _QUIET or name in REQUIRED_FILES:
        return
    if entry.is_dir() and name == PLACEMENT_DIR:
        for bank_file in sorted(entry.glob("*.yaml")):
            bank = load_model(bank_file, PlacementBank, report)
            if bank is not None:
                src.placement.append(bank)
    elif entry.is_dir():
        src.modules[name] = _load_module(entry, report)
    else:
        report.warning(
            Location(entry),
            "W401",
            "this file is ignored: modules/ holds catalog.yaml, competences.yaml, "
            "families.yaml, paths.yaml, placement/ and one folder per module",
        )


def _load_module(folder: Path, report: Report) -> Loaded[ModuleFile] | None:
    path = folder / MODULE_FILE
    if not path.is_file():
        report.error(
            Location(path),
            "E307",
            f"the folder modules/{folder.name}/ has no {MODULE_FILE}: add one "
            f"('tisseuse new module {folder.name}' writes a starting point)",
        )
        return None
    if not _SLUG.match(folder.name):
        report.error(
            Location(path),
            "E206",
            f"the folder name '{folder.name}' is the module's id and must use "
            "lowercase letters without accents, digits and single hyphens: rename it",
        )
        return None
    return load_model(path, ModuleFile, report)


def _assemble(src: Sources) -> Catalogue:
    assert src.catalog and src.competences and src.families and src.paths
    modules = tuple(
        Module(id=module_id, **dict(loaded.model))
        for module_id, loaded in sorted(src.modules.items())
        if loaded is not None
    )
    banks = sorted((b.model for b in src.placement), key=lambda b: b.competence)
    return Catalogue(
        root=src.root,
        meta=src.catalog.model,
        competences=src.competences.model.competences,
        families=src.families.model.families,
        paths=src.paths.model.paths,
        modules=modules,
        placement=tuple(banks),
    )
