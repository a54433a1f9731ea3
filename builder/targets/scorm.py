"""What SCORM 1.2 and SCORM 2004 packages share: assembling, checking, zipping.

A package is gathered in memory (archive name -> bytes), its manifest is
rendered from a template and checked (XSD, references, files, the state
budget), and only a package that passes is written. Problems are reported at
the module's source file, so an author knows which module to shorten or fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from builder.diagnostics import Location
from builder.model import Catalogue, Module
from builder.render import render
from builder.standards import (
    StandardsMissing,
    reference_errors,
    schema_errors,
    standards_dir,
)
from builder.state_budget import worst_case_state
from builder.targets.base import BuildContext
from builder.targets.package import write_zip
from builder.targets.pages import Site, assets, make_site, media, module_page


@dataclass(frozen=True)
class Flavour:
    """What differs between SCORM versions on the builder side."""

    name: str
    template: str
    adapter_files: tuple[str, ...]
    suspend_limit: int
    sequencing: bool = False
    """Also build multi-SCO path packages driven by Simple Sequencing (2004)."""


@dataclass(frozen=True)
class Sco:
    key: str
    title: str
    href: str
    files: tuple[str, ...]
    mastery: int | None


@dataclass(frozen=True)
class PackageInfo:
    identifier: str
    version: str
    title: str
    description: str
    lang: str
    minutes: int
    scos: tuple[Sco, ...]

    @property
    def duration_hms(self) -> str:
        return f"{self.minutes // 60:02d}:{self.minutes % 60:02d}:00"

    @property
    def duration_iso(self) -> str:
        return f"PT{self.minutes}M"


def build_scorm(
    catalogue: Catalogue, ctx: BuildContext, flavour: Flavour
) -> list[Path]:
    try:
        kit = standards_dir(catalogue.root)
    except StandardsMissing as missing:
        ctx.report.error(
            Location(catalogue.root / "modules" / "catalog.yaml"), "E501", str(missing)
        )
        return []
    from builder.targets.scorm_path import path_package, sequenced_package

    site = make_site(catalogue, ctx)
    written = []
    for module in catalogue.modules:
        members = module_package(site, module, flavour, kit, ctx)
        if members is not None:
            written.append(write_zip(ctx.out / f"{module.id}.zip", members))
    for path in catalogue.paths:
        members = path_package(site, path, flavour, kit, ctx)
        if members is not None:
            written.append(write_zip(ctx.out / f"path-{path.id}.zip", members))
        if flavour.sequencing:
            sequenced = sequenced_package(site, path, flavour, kit, ctx)
            if sequenced is not None:
                written.append(
                    write_zip(ctx.out / f"path-{path.id}-sequenced.zip", sequenced)
                )
    return written


def module_package(
    site: Site, module: Module, flavour: Flavour, kit: Path, ctx: BuildContext
) -> dict[str, bytes] | None:
    """One module as a single-SCO package, or None after reporting why not."""
    catalogue = site.catalogue
    where = Location(catalogue.module_dir(module) / "module.yaml")
    html, projection = module_page(site, module, "", flavour.name, links=False)
    members: dict[str, bytes] = {"index.html": html.encode()}
    members |= {
        f"assets/{n}": data for n, data in assets(site, flavour.adapter_files).items()
    }
    members |= media(site.images, catalogue, module)
    worst = worst_case_state(projection)
    if worst > flavour.suspend_limit:
        ctx.report.error(
            where,
            "E504",
            f"a learner's saved state could reach {worst} characters, more than the "
            f"{flavour.suspend_limit} that {flavour.name} allows: split the module "
            "or shorten its activities",
        )
        return None
    info = PackageInfo(
        identifier=f"tisseuse-{module.id}",
        version=projection["version"],
        title=module.title,
        description=module.summary,
        lang=catalogue.module_language(module),
        minutes=module.duration_minutes,
        scos=(
            Sco(
                key=module.id,
                title=module.title,
                href="index.html",
                files=tuple(sorted(members)),
                mastery=module.mastery_score,
            ),
        ),
    )
    return checked(members, info, flavour, kit, ctx, where)


def checked(
    members: dict[str, bytes],
    info: PackageInfo,
    flavour: Flavour,
    kit: Path,
    ctx: BuildContext,
    where: Location,
    template: str | None = None,
    **extra: Any,
) -> dict[str, bytes] | None:
    """Add the manifest; None (with diagnostics) unless it passes every check."""
    manifest = render(template or flavour.template, package=info, **extra).encode()
    problems = [("E502", p) for p in schema_errors(kit, flavour.name, manifest)]
    problems += [("E503", p) for p in reference_errors(manifest, members)]
    for code, problem in problems:
        ctx.report.error(
            where, code, f"{flavour.name} manifest of {info.identifier}: {problem}"
        )
    return None if problems else {"imsmanifest.xml": manifest, **members}
