"""Answer keys and paper sheets, from the activities themselves.

The right answers come from the activities' keys, the reasoning from their
per-option feedback, so the printed key says exactly what the screen says.
Passages of a 'spot the problem' document and steps of a scenario are
numbered here once, so the learner's sheet and the référent's key agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from builder.model import Module, Scenario, Screen, SpotTheProblem
from builder.model.activities import ScenarioNode, Segment


@dataclass(frozen=True)
class Passage:
    number: int | None
    """Printed number of a passage the learner may circle; None for plain text."""
    segment: Segment


@dataclass(frozen=True)
class Step:
    number: int
    node: ScenarioNode
    next_numbers: tuple[int | None, ...]
    """For each choice, the number of the step it leads to (None: the story ends)."""


@dataclass(frozen=True)
class KeyedScreen:
    number: int
    """The screen's number in the module, from 1 (as in the timing plan)."""
    screen: Screen


def passages(activity: SpotTheProblem) -> tuple[Passage, ...]:
    numbered, count = [], 0
    for segment in activity.segments:
        number = None
        if segment.id is not None:
            count += 1
            number = count
        numbered.append(Passage(number, segment))
    return tuple(numbered)


def problem_numbers(activity: SpotTheProblem) -> tuple[int, ...]:
    return tuple(
        p.number
        for p in passages(activity)
        if p.number is not None and p.segment.problem
    )


def steps(activity: Scenario) -> tuple[Step, ...]:
    numbers = {node.id: index for index, node in enumerate(activity.nodes, start=1)}
    return tuple(
        Step(
            numbers[node.id],
            node,
            tuple(numbers[c.next] if c.next else None for c in node.choices),
        )
        for node in activity.nodes
    )


def keyed_screens(module: Module) -> tuple[KeyedScreen, ...]:
    """Every screen with an activity, numbered as in the module."""
    return tuple(
        KeyedScreen(number, screen)
        for number, screen in enumerate(module.screens, start=1)
        if screen.activity is not None
    )
