"""Worst-case size of a learner's saved state, computed at build time.

SCORM 1.2 stores the state in ``cmi.suspend_data``: 4096 characters at most
(Moodle with its standard setting refuses more, and resume is then lost). This
mirrors the player's encoding (``builder/player/10-state.js``) and returns the
longest string any learner could produce, so a package that could overflow
fails the build instead of failing a learner.

    1|<version:6>|<location>|<seen:hex>|<screen>:<answer>,...|<screen>.<screen>...
"""

from __future__ import annotations

from math import ceil
from typing import Any

Json = dict[str, Any]

SCORM12_SUSPEND_LIMIT = 4096


def base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, rest = divmod(number, 36)
        text = digits[rest] + text
        if number == 0:
            return text


def _joined(indices: list[int]) -> int:
    """Length of the indices written in decimal and joined with dots."""
    return sum(len(str(i)) for i in indices) + max(len(indices) - 1, 0)


def worst_answer(activity: Json) -> int:
    kind = activity["type"]
    if kind == "single_choice":
        return max(len(str(i)) for i in range(len(activity["options"])))
    if kind == "multiple_choice":
        return _joined(list(range(len(activity["options"]))))
    if kind == "ordering":
        return _joined(list(range(len(activity["steps"]))))
    if kind == "categorise":
        widest = max(len(str(i)) for i in range(len(activity["categories"])))
        return len(activity["items"]) * (widest + 1) - 1
    if kind == "spot_the_problem":
        return _joined([i for i, s in enumerate(activity["segments"]) if s["id"]])
    if kind == "scenario":
        return _longest_story(activity)
    raise ValueError(f"unknown activity type {kind}")


def _longest_story(activity: Json) -> int:
    nodes = {n["id"]: n for n in activity["nodes"]}

    def longest(node_id: str) -> int:
        best = 0
        for index, choice in enumerate(nodes[node_id]["choices"]):
            tail = longest(choice["next"]) if choice["next"] else 0
            best = max(best, len(str(index)) + (tail + 1 if tail else 0))  # +1: the dot
        return best

    return longest(activity["nodes"][0]["id"])


def worst_case_state(projection: Json) -> int:
    """The longest state string the player can write for this module."""
    screens = projection["screens"]
    count = len(screens)
    activities = [i for i, s in enumerate(screens) if s["activity"]]
    location = max(len(base36(count - 1)), 1)
    seen = ceil(count / 4)
    answers = sum(
        len(base36(i)) + 1 + worst_answer(screens[i]["activity"]) for i in activities
    )
    answers += max(len(activities) - 1, 0)
    order = sum(len(base36(i)) for i in activities) + max(len(activities) - 1, 0)
    return len("1") + 6 + location + seen + answers + order + 5  # five separators
