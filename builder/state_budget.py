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


def worst_case_path_state(path: Json, projections: dict[str, Json]) -> int:
    """The longest state a path package can write (see player/82-path.js).

    ``path`` is the path page's data; ``projections`` the modules it can play.
    """
    modules = path["modules"]
    view = max(1, 1 + len(base36(len(modules) - 1)))
    answers, quiz_keys = 0, 0
    costs: list[tuple[int, int]] = []
    placement = path.get("placement")
    if placement:
        items = placement["engine"]["items"]
        costs = sorted(
            (
                len(base36(i)) + _worst_choice(placement["content"][item["id"]]),
                len(base36(i)) + 1,
            )
            for i, item in enumerate(items)
        )[::-1][: placement["engine"]["max_items"]]
        answers = sum(c for c, _ in costs) + max(len(costs) - 1, 0)
        quiz_keys = sum(k for _, k in costs)
    module_part, activity_keys = 0, []
    for k, module in enumerate(modules):
        projection = projections[module["id"]]
        module_part += len(base36(k)) + len(":1:100=") + worst_case_state(projection)
        for i, screen in enumerate(projection["screens"]):
            if screen["activity"]:
                activity_keys.append(len(base36(k)) + 1 + len(base36(i)))
    module_part += max(len(modules) - 1, 0)
    keys = quiz_keys + sum(activity_keys)
    count = len(costs) + len(activity_keys)
    interactions = keys + max(count - 1, 0)
    seed = len(base36(2**32 - 1))
    return len("P1") + 6 + view + 2 + seed + answers + module_part + interactions + 7


def _worst_choice(item: Json) -> int:
    """'.' and option indices: one for a single choice, all for a multi-select."""
    options = len(item["options"])
    if item["type"] == "single_choice":
        return 1 + len(str(options - 1))
    return sum(1 + len(str(i)) for i in range(options))
