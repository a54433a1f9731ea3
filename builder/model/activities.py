"""Activity types. Every choice a learner can make carries its own feedback.

Each activity is one screen's interaction, chosen by its ``type`` key. All of
them are operable by tapping and by keyboard; none needs dragging.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from builder.model.base import Bool, Markdown, Model, Slug, Text


class ActivityBase(Model):
    prompt: Text
    """The question or instruction, as the learner reads it."""
    objectives: tuple[Slug, ...] = ()
    """Ids of the module objectives this activity assesses."""
    scored: Bool = True
    """False for a reflection activity that does not count in the score."""


class Option(Model):
    id: Slug
    """Stable id of the option (used in results sent to the LMS)."""
    text: Text
    correct: Bool = False
    """True for a right answer."""
    feedback: Text
    """Shown after checking: why this option is right or wrong."""


class SingleChoice(ActivityBase):
    """One right answer among 2 to 6 options."""

    type: Literal["single_choice"]
    options: tuple[Option, ...] = Field(min_length=2, max_length=6)


class MultipleChoice(ActivityBase):
    """Tick every right answer (2 to 8 options); right only if exactly all are."""

    type: Literal["multiple_choice"]
    options: tuple[Option, ...] = Field(min_length=2, max_length=8)


class Verdict(Model):
    correct: Text
    """Shown when the answer is right."""
    incorrect: Text
    """Shown when the answer is wrong; say what to look at again."""


class Step(Model):
    id: Slug
    text: Text


class Ordering(ActivityBase):
    """Put 3 to 8 steps in order; write them here in the RIGHT order."""

    type: Literal["ordering"]
    steps: tuple[Step, ...] = Field(min_length=3, max_length=8)
    feedback: Verdict


class Category(Model):
    id: Slug
    label: Text


class SortItem(Model):
    id: Slug
    text: Text
    category: Slug
    """Id of the category this item belongs to."""
    feedback: Text
    """Why the item belongs to that category."""


class Categorise(ActivityBase):
    """Sort 2 to 10 items into 2 to 4 categories by tapping (never drag-only)."""

    type: Literal["categorise"]
    categories: tuple[Category, ...] = Field(min_length=2, max_length=4)
    items: tuple[SortItem, ...] = Field(min_length=2, max_length=10)


class Document(Model):
    kind: Literal["transmission", "email", "note", "message"]
    """How the text is presented: a record note, an e-mail, a note or a message."""
    title: Text | None = None


class Segment(Model):
    text: Text
    """A piece of the document's text."""
    id: Slug | None = None
    """Give an id to make the segment tappable; plain segments are just text."""
    label: Text | None = None
    """Starts a new line with a label, e.g. 'À', 'Cc', 'Objet' in an e-mail."""
    problem: Bool = False
    """True if this tappable segment is a problem the learner should find."""
    feedback: Text | None = None
    """Required on tappable segments: why it is, or is not, a problem."""


class SpotTheProblem(ActivityBase):
    """Tap the passages of a text (a transmission, an e-mail) that are a problem."""

    type: Literal["spot_the_problem"]
    document: Document
    segments: tuple[Segment, ...] = Field(min_length=2, max_length=40)


class ScenarioChoice(Model):
    id: Slug
    text: Text
    correct: Bool = False
    """True for the professional choice at this point."""
    feedback: Text
    """What happens, and why, after this choice."""
    next: Slug | None = None
    """Id of the node that follows; leave out to end the scenario."""


class ScenarioNode(Model):
    id: Slug
    text: Markdown
    """The situation at this point (or its outcome, for an ending)."""
    choices: tuple[ScenarioChoice, ...] = Field(default=(), max_length=4)
    """2 to 4 choices; none for an ending."""


class Scenario(ActivityBase):
    """A short branching story; the first node is where it starts."""

    type: Literal["scenario"]
    nodes: tuple[ScenarioNode, ...] = Field(min_length=2, max_length=12)


Activity = Annotated[
    SingleChoice | MultipleChoice | Ordering | Categorise | SpotTheProblem | Scenario,
    Field(discriminator="type"),
]

ACTIVITY_TYPES: tuple[str, ...] = (
    "single_choice",
    "multiple_choice",
    "ordering",
    "categorise",
    "spot_the_problem",
    "scenario",
)
