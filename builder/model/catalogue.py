"""The catalogue: topics, competences, job families, paths, modules, placement.

Each ``*File`` class is the shape of one source file in ``modules/``; the
``Catalogue`` is what the loader hands to every target once all files are
valid and cross-checked.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from pydantic import ConfigDict, Field

from builder.model.base import Int, LanguageTag, Model, Number, Slug, Text, Url
from builder.model.frameworks import CleaCode, DigCompCode
from builder.model.module import Module
from builder.model.placement import PlacementBank


class Topic(Model):
    id: Slug
    title: Text
    competence: Slug
    """The competence (placement scale) that measures this topic."""


class PlacementSettings(Model):
    max_items: Int = Field(default=24, ge=1, le=60)
    """Most questions one learner answers in a placement quiz."""
    grid_min: Number = -4.0
    grid_max: Number = 4.0
    grid_step: Number = Field(default=0.1, gt=0)
    prior_mean: Number = 0.0
    prior_sd: Number = Field(default=1.0, gt=0)


class CatalogFile(Model):
    """``modules/catalog.yaml``."""

    title: Text
    description: Text
    organisation: Text | None = None
    """Who publishes the catalogue (shown in packages' metadata)."""
    languages: tuple[LanguageTag, ...] = Field(default=("fr",), min_length=1)
    default_theme: Slug = "default"
    base_url: Url | None = None
    """Where the web version is published (used for QR codes on handouts)."""
    topics: tuple[Topic, ...] = Field(min_length=1)
    placement: PlacementSettings = PlacementSettings()


class Competence(Model):
    id: Slug
    title: Text
    description: Text | None = None
    digcomp: tuple[DigCompCode, ...] = Field(min_length=1)
    """DigComp 2.2 competences, e.g. '4.2'."""
    clea: tuple[CleaCode, ...] = Field(min_length=1)
    """CléA Numérique domains, D1 to D4."""


class CompetencesFile(Model):
    """``modules/competences.yaml``."""

    competences: tuple[Competence, ...] = Field(min_length=1)


class Family(Model):
    id: Slug
    title: Text
    roles: Text
    """The jobs it covers, e.g. 'IDE, AS, ASH'."""
    study_section: Text
    """Where the sector study describes it, e.g. '003 §II.3.1.2'."""
    priorities: dict[Slug, Int] = Field(min_length=1)
    """Topic id -> priority: 3 core, 2 important, 1 light."""


class FamiliesFile(Model):
    """``modules/families.yaml``."""

    families: tuple[Family, ...] = Field(min_length=1)


class LearningPath(Model):
    id: Slug
    family: Slug
    title: Text
    audience: Text
    """Who the path is for, in one or two sentences of plain French."""
    modules: tuple[Slug, ...] = Field(min_length=1)
    """Module ids, in the order the path proposes them."""
    placement: tuple[Slug, ...] = ()
    """Competences the placement quiz tests for this path."""


class PathsFile(Model):
    """``modules/paths.yaml``."""

    paths: tuple[LearningPath, ...] = Field(min_length=1)


class Catalogue(Model):
    """Everything the sources say, validated and cross-checked."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    root: Path
    """The project folder (the one holding ``modules/``)."""
    meta: CatalogFile
    competences: tuple[Competence, ...]
    families: tuple[Family, ...]
    paths: tuple[LearningPath, ...]
    modules: tuple[Module, ...]
    placement: tuple[PlacementBank, ...]

    @cached_property
    def modules_by_id(self) -> dict[str, Module]:
        return {m.id: m for m in self.modules}

    @cached_property
    def topics_by_id(self) -> dict[str, Topic]:
        return {t.id: t for t in self.meta.topics}

    @cached_property
    def families_by_id(self) -> dict[str, Family]:
        return {f.id: f for f in self.families}

    @cached_property
    def competences_by_id(self) -> dict[str, Competence]:
        return {c.id: c for c in self.competences}

    @property
    def language(self) -> str:
        return self.meta.languages[0]

    def module_dir(self, module: Module) -> Path:
        return self.root / "modules" / module.id

    def module_language(self, module: Module) -> str:
        return module.lang or self.language

    def path_modules(self, path: LearningPath) -> tuple[Module, ...]:
        return tuple(self.modules_by_id[m] for m in path.modules)

    def path_minutes(self, path: LearningPath) -> int:
        return sum(m.duration_minutes for m in self.path_modules(path))

    def paths_with(self, module: Module) -> tuple[LearningPath, ...]:
        return tuple(p for p in self.paths if module.id in p.modules)
