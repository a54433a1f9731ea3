"""Placement item bank: small workplace tasks, one bank file per competence.

The adaptive engine (``builder.placement``) reads these as data. Each item's
difficulty comes from an expert level until calibration data replaces it; the
guessing parameter of a single-choice item is fixed at 1 / number of options.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from builder.model.activities import Option
from builder.model.base import Int, Markdown, Model, Number, Slug, Text

#: Expert level -> IRT difficulty b (logits).
LEVEL_DIFFICULTY: dict[int, float] = {1: -1.5, 2: -0.5, 3: 0.5, 4: 1.5}


class Calibration(Model):
    source: Literal["expert", "data"] = "expert"
    responses: Int = Field(default=0, ge=0)
    """How many answers the parameters were estimated from."""
    date: Text | None = None


class PlacementItem(Model):
    id: Slug
    family: Slug
    """Near-duplicate items share a family; a quiz never asks two of one family."""
    level: Int = Field(ge=1, le=4)
    """Expert level, 1 (easy) to 4 (hard)."""
    type: Literal["single_choice", "multiple_choice"] = "single_choice"
    situation: Markdown | None = None
    """The short work situation the question is about."""
    prompt: Text
    options: tuple[Option, ...] = Field(min_length=2, max_length=6)
    a: Number = Field(default=1.0, gt=0, le=4)
    """Discrimination (1 until calibrated)."""
    b: Number | None = Field(default=None, ge=-5, le=5)
    """Difficulty; leave out to derive it from the level."""
    calibration: Calibration = Calibration()
    status: Literal["active", "draft", "retired"] = "active"

    @property
    def difficulty(self) -> float:
        return self.b if self.b is not None else LEVEL_DIFFICULTY[self.level]

    @property
    def guessing(self) -> float:
        """c: chance of guessing right (0 for all-or-nothing multi-select)."""
        return 1 / len(self.options) if self.type == "single_choice" else 0.0


class Scale(Model):
    cut: Number = 0.0
    """Ability (logits) of a minimally competent professional."""
    skip_threshold: Number = Field(default=0.9, gt=0.5, lt=1)
    remediation_threshold: Number = Field(default=0.1, gt=0, lt=0.5)
    min_items: Int = Field(default=2, ge=1, le=10)
    max_items: Int = Field(default=6, ge=1, le=20)


class PlacementBank(Model):
    """``modules/placement/<name>.yaml``: the items of one competence."""

    competence: Slug
    scale: Scale = Scale()
    items: tuple[PlacementItem, ...] = Field(min_length=1)
