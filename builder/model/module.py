"""A micro-module: 5-12 minutes, one idea per screen, sources cited."""

from __future__ import annotations

from functools import cached_property
from typing import Literal

from pydantic import Field

from builder.model.activities import Activity
from builder.model.base import (
    Bool,
    Int,
    LanguageTag,
    Markdown,
    MaybeEmptyText,
    Model,
    RelativePath,
    Slug,
    Text,
    Url,
)
from builder.model.kit import Kit

Level = Literal["basic", "standard", "advanced"]
LEVELS: tuple[Level, ...] = ("basic", "standard", "advanced")


class Objective(Model):
    id: Slug
    text: Text
    """What the learner can do afterwards, starting with a verb."""


class Source(Model):
    id: Slug
    title: Text
    """Full reference, e.g. 'Code de la santé publique, article L.1110-4'."""
    url: Url | None = None
    publisher: Text | None = None
    note: Text | None = None
    """What the source supports, or why it needs checking."""


#: Widest an image is shown, in CSS pixels: the player's figure column
#: (``.ts-figure`` max-width, 40rem, in player/tisseuse.css; a test keeps both equal).
FIGURE_WIDTH = 640


class Image(Model):
    src: RelativePath
    """Path inside the module folder, e.g. media/poste.svg (SVG, PNG, JPEG or WebP)."""
    alt: MaybeEmptyText
    """What the image shows, for people who cannot see it. Empty only if decorative."""
    decorative: Bool = False
    """True if the image adds nothing to the text (then alt is empty)."""
    caption: Text | None = None
    width: Int | None = Field(default=None, ge=16, le=FIGURE_WIDTH)
    """Display width in CSS pixels, for a small picture (default: the column, 640)."""


class Screen(Model):
    id: Slug
    """Stable id: the LMS stores answers and the resume point under it."""
    title: Text
    body: Markdown | None = None
    """One idea, in plain French."""
    image: Image | None = None
    activity: Activity | None = None
    sources: tuple[Slug, ...] = ()
    """Ids of the module sources this screen relies on."""


class ModuleFile(Model):
    """The content of ``modules/<id>/module.yaml``; the folder name is the id."""

    title: Text
    summary: Text
    """Two sentences for the catalogue and the LMS description."""
    topic: Slug
    level: Level
    duration_minutes: Int = Field(ge=1, le=60)
    lang: LanguageTag | None = None
    """Content language; defaults to the catalogue's first language."""
    families: tuple[Slug, ...] = Field(min_length=1)
    """Job families the scenarios are written for."""
    competences: tuple[Slug, ...] = Field(min_length=1)
    objectives: tuple[Objective, ...] = Field(min_length=1, max_length=8)
    screens: tuple[Screen, ...] = Field(min_length=2, max_length=30)
    sources: tuple[Source, ...] = ()
    mastery_score: Int | None = Field(default=None, ge=0, le=100)
    """Score (0-100) needed to pass; leave out for a module that is only completed."""
    facilitator_notes: Markdown | None = None
    """For the référent running a face-to-face session."""
    kit: Kit | None = None
    """What the printed kit for référents needs and cannot derive (build kit)."""
    review: tuple[Text, ...] = ()
    """Points to check with a reviewer before release (uncertain facts)."""


class Module(ModuleFile):
    id: Slug
    """The module folder's name."""

    @cached_property
    def activities(self) -> tuple[tuple[Screen, Activity], ...]:
        """Every activity with the screen that holds it, in screen order."""
        return tuple((s, s.activity) for s in self.screens if s.activity is not None)

    @property
    def scored_activities(self) -> tuple[tuple[Screen, Activity], ...]:
        return tuple((s, a) for s, a in self.activities if a.scored)

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)
