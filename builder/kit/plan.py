"""The minute-by-minute plan of a face-to-face session on one module.

Derived, never authored: the module's duration is spread over its screens
(an activity takes longer than a screen of text), then come the screen-free
activities the kit prints, the discussion, the local rules and the close.
Times are whole minutes from the start of the session.
"""

from __future__ import annotations

from dataclasses import dataclass

from builder.model import Module, Screen

OPENING_MINUTES = 3
SHEET_MINUTES = 5
"""A 'spot the problem' sheet, worked in pairs, then corrected together."""
MINUTES_PER_QUESTION = 2
DISCUSSION_MINUTES = (4, 10)
LOCAL_RULES_MINUTES = 3
CLOSE_MINUTES = 2
#: Relative time a screen takes in the module part, by what it holds.
WEIGHTS = {"text": 1, "scenario": 3}
ACTIVITY_WEIGHT = 2


@dataclass(frozen=True)
class ScreenSlot:
    minute: int
    """When this screen starts, from the start of the session."""
    number: int
    """The screen's number in the module, from 1."""
    screen: Screen

    @property
    def kind(self) -> str:
        """'text', an activity type, or 'reflection' for an unscored activity."""
        activity = self.screen.activity
        if activity is None:
            return "text"
        return activity.type if activity.scored else "reflection"


@dataclass(frozen=True)
class Moment:
    kind: str
    """opening, module, sheets, role_play, discussion, local_rules or close."""
    start: int
    minutes: int
    screens: tuple[ScreenSlot, ...] = ()

    @property
    def end(self) -> int:
        return self.start + self.minutes


def spot_activities(module: Module) -> tuple[Screen, ...]:
    """Screens whose 'spot the problem' activity the kit prints as a sheet."""
    return tuple(s for s, a in module.activities if a.type == "spot_the_problem")


def session_plan(module: Module) -> tuple[Moment, ...]:
    kit = module.kit
    parts: list[tuple[str, int]] = [("opening", OPENING_MINUTES)]
    parts.append(("module", module.duration_minutes))
    if sheets := len(spot_activities(module)):
        parts.append(("sheets", SHEET_MINUTES * sheets))
    if kit is not None and kit.role_play is not None:
        parts.append(("role_play", kit.role_play.minutes))
    if kit is not None:
        low, high = DISCUSSION_MINUTES
        asked = MINUTES_PER_QUESTION * len(kit.discussion)
        parts.append(("discussion", min(high, max(low, asked))))
        if kit.local_rules:
            parts.append(("local_rules", LOCAL_RULES_MINUTES))
    parts.append(("close", CLOSE_MINUTES))
    moments, start = [], 0
    for kind, minutes in parts:
        slots = screen_slots(module, start) if kind == "module" else ()
        moments.append(Moment(kind, start, minutes, slots))
        start += minutes
    return tuple(moments)


def screen_slots(module: Module, start: int) -> tuple[ScreenSlot, ...]:
    """Each screen's start minute, spreading the duration by the screens' weights."""
    weights = [_weight(s) for s in module.screens]
    total, done, slots = sum(weights), 0, []
    for number, (screen, weight) in enumerate(
        zip(module.screens, weights, strict=True), start=1
    ):
        minute = start + (module.duration_minutes * done) // total
        slots.append(ScreenSlot(minute, number, screen))
        done += weight
    return tuple(slots)


def _weight(screen: Screen) -> int:
    if screen.activity is None:
        return WEIGHTS["text"]
    return WEIGHTS.get(screen.activity.type, ACTIVITY_WEIGHT)


def total_minutes(plan: tuple[Moment, ...]) -> int:
    return plan[-1].end if plan else 0
