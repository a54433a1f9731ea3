"""The référent's kit: what a module's author writes for a face-to-face session.

Everything else in the printed kit is derived from the module (answer keys
from the activities, the timing plan from the duration and the screens,
"what next" from the paths). This block holds only what cannot be derived:
how to open the session from a work situation, questions to discuss, the
objections colleagues raise, a role play, the one-page memo, the questions a
team must settle locally, and an optional team template.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from builder.model.base import Int, Markdown, Model, Text


class Opening(Model):
    situation: Markdown
    """A short work situation the référent reads aloud (fictitious people only)."""
    question: Text
    """The first question to the group, starting from their own work."""


class Objection(Model):
    objection: Text
    """What a colleague may say, in their own words."""
    answer: Text
    """How to answer it: short, respectful, with the reason behind the rule."""


class Role(Model):
    name: Text
    """Who plays this card, e.g. 'La personne accueillie'."""
    brief: Text
    """What the player reads on the card; hidden instructions stay on the card."""


class RolePlay(Model):
    """A screen-free role play, printed as cut-out cards and an observer grid."""

    situation: Text
    """The scene, read by every player (a notebook stands in for the screen)."""
    minutes: Int = Field(default=15, ge=5, le=45)
    """Time for the whole role play, rounds and debrief included."""
    roles: tuple[Role, ...] = Field(min_length=2, max_length=4)
    rounds: tuple[Text, ...] = Field(min_length=1, max_length=4)
    """How to run it, one line per round (e.g. 'Premier tour : ...')."""
    observe: tuple[Text, ...] = Field(min_length=3, max_length=8)
    """What the observer looks for: one line of the observation grid each."""


class Memo(Model):
    """The learner's one-page memo: the rules, then a checklist."""

    rules: tuple[Text, ...] = Field(min_length=2, max_length=6)
    """The rules in plain French, one short sentence each."""
    checklist: tuple[Text, ...] = Field(min_length=2, max_length=8)
    """What to check in daily work, as boxes to tick ('Je ...')."""


class LocalRule(Model):
    question: Text
    """What the team must settle for its own workplace (who, which channel, where)."""
    example: Text | None = None
    """A hint of the kind of answer expected, never a real name or number."""


class TeamSheetPart(Model):
    title: Text
    prompts: tuple[Text, ...] = Field(min_length=1, max_length=8)


class TeamSheet(Model):
    """A team template printed blank: a charter to fill in, or a checklist."""

    kind: Literal["charter", "checklist"]
    """'charter': each prompt gets lines to write on; 'checklist': a box to tick."""
    title: Text
    intro: Text
    """Who fills it in, when, and what for."""
    parts: tuple[TeamSheetPart, ...] = Field(min_length=1, max_length=8)


class Kit(Model):
    """``kit:`` in module.yaml, for the référent's printed kit (tisseuse build kit)."""

    opening: Opening
    discussion: tuple[Text, ...] = Field(min_length=2, max_length=6)
    """Questions for the group, about their own practice."""
    objections: tuple[Objection, ...] = Field(default=(), max_length=6)
    role_play: RolePlay | None = None
    memo: Memo
    local_rules: tuple[LocalRule, ...] = Field(default=(), max_length=8)
    """Collected, path by path, into the local-rules worksheet."""
    team_sheet: TeamSheet | None = None
