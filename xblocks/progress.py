"""Progress, score and completion, computed on the server from server-held facts.

Pure functions over compiled content and learner state, so the rules are
tested without a runtime. They follow the player's (``52-summary.js``,
``82-path.js``) so a learner sees the same score in the player as the LMS
records.
"""

from __future__ import annotations

import math
from typing import Any

from builder.placement import decisions as placement_decisions
from builder.placement import route as placement_route
from xblocks.evaluate import evaluate

Json = dict[str, Any]

STATE_FORMAT = "1"


class StateError(ValueError):
    """A player state string that does not describe this module."""


def read_state(module: Json, text: str) -> tuple[set[str], set[str]]:
    """The screens seen and the activity screens answered, from a player state.

    The compact format is documented in ``builder/player/10-state.js``:
    ``1|<version:6>|<location>|<seen:hex>|<screen>:<answer>,...|<order>``.
    Only what the server needs is read; the rest is checked for shape.
    """
    parts = text.split("|")
    if len(parts) != 6 or parts[0] != STATE_FORMAT:
        raise StateError("the saved state is not in the player's format")
    if parts[1] != module["version"][:6]:
        raise StateError("the saved state belongs to another version of the module")
    screens = module["screens"]
    count = len(screens)
    location = _base36(parts[2])
    if parts[2] != "e" and (location is None or location >= count):
        raise StateError("the saved state points to a screen that does not exist")
    hexa = parts[3]
    if len(hexa) > (count + 3) // 4 or any(c not in "0123456789abcdef" for c in hexa):
        raise StateError("the saved state's list of seen screens is malformed")
    seen = {
        screens[i]["id"]
        for i in range(count)
        if int(hexa[i >> 2] if i >> 2 < len(hexa) else "0", 16) & (1 << (i & 3))
    }
    answered = set()
    for entry in parts[4].split(",") if parts[4] else []:
        index = _base36(entry.split(":", 1)[0])
        if ":" not in entry or index is None or index >= count:
            raise StateError("the saved state lists an answer to an unknown screen")
        if screens[index]["activity"] is None:
            raise StateError("the saved state answers a screen without an activity")
        answered.add(screens[index]["id"])
    return seen, answered


def _base36(token: str) -> int | None:
    try:
        return int(token, 36) if token else None
    except ValueError:
        return None


def js_round(value: float) -> int:
    """JavaScript's Math.round (halves go up), so scores match the player's."""
    return math.floor(value + 0.5)


def module_results(module: Json, answers: Json) -> dict[str, Json]:
    """Screen id -> the server's evaluation of the learner's current answer."""
    screens = {s["id"]: s for s in module["screens"] if s["activity"]}
    return {
        screen_id: evaluate(
            screens[screen_id]["activity"], module["key"][screen_id], answer
        )
        for screen_id, answer in answers.items()
        if screen_id in screens
    }


def module_progress(module: Json, seen: list[str], answers: Json) -> Json:
    """Completion and score of a module, by the player's rules.

    completed: every screen seen (at least once). score: right scored
    activities over all scored activities, 0-100; a module with a mastery
    score has none until it is completed. passed: only with a mastery score.
    """
    screens = module["screens"]
    seen_count = len({s["id"] for s in screens} & set(seen))
    completed = seen_count == len(screens)
    results = module_results(module, answers)
    scored = [s["id"] for s in screens if s["activity"] and s["activity"]["scored"]]
    correct = sum(1 for s in scored if results.get(s, {}).get("correct") is True)
    mastery = module.get("mastery_score")
    score = None
    if scored and (mastery is None or completed):
        score = js_round(correct / len(scored) * 100)
    return {
        "seen": seen_count,
        "total": len(screens),
        "completed": completed,
        "correct": correct,
        "scored": len(scored),
        "score": score,
        "passed": None if mastery is None or score is None else score >= mastery,
    }


def module_grade(progress: Json) -> tuple[int, int] | None:
    """What the LMS records: right scored activities out of all of them."""
    if progress["score"] is None:
        return None
    return progress["correct"], progress["scored"]


# --- placement and path ----------------------------------------------------------


def path_route(path: Json, placement: Json | None) -> list[dict[str, str]]:
    """The learner's route: from the placement once done, else every module."""
    routing = path["routing"]
    verdicts: dict[str, str] = {}
    if placement is not None and placement["status"] == "done":
        verdicts = placement_decisions(placement["engine"], placement["answers"])
    return placement_route(
        routing["modules"], routing["basics"], verdicts, routing["basics_competence"]
    )


def path_progress(path: Json, placement: Json | None, modules: dict[str, Json]) -> Json:
    """Route, completion and grade of a path for one learner.

    ``placement`` is None for a path without a quiz, else ``{status, engine,
    answers}``; ``modules`` maps module id -> module_progress (absent: never
    opened). The path is complete when the quiz is done or skipped and every
    recommended module is complete. Its grade is the mean score of the
    recommended modules that have scored activities (an unfinished one counts
    0), so it is the path packages' score once the path is complete.
    """
    route = path_route(path, placement)
    decided = placement is None or placement["status"] in ("done", "skipped")
    recommended = [s["module"] for s in route if s["status"] == "recommended"]
    finished = [m for m in recommended if modules.get(m, {}).get("completed")]
    completed = decided and len(finished) == len(recommended)
    steps = len(recommended) + (0 if placement is None else 1)
    done_steps = len(finished) + (0 if placement is None or not decided else 1)
    graded = [m for m in recommended if _has_scored(path, m)]
    if graded:
        total = sum(modules.get(m, {}).get("score") or 0 for m in graded)
        grade = round(total / len(graded) / 100, 4)
    else:
        grade = 1.0 if completed else 0.0
    return {
        "route": route,
        "decided": decided,
        "done": len(finished),
        "total": len(recommended),
        "completed": completed,
        "completion": 1.0 if completed else round(done_steps / max(steps, 1), 4),
        "grade": grade,
    }


def _has_scored(path: Json, module_id: str) -> bool:
    return any(m["id"] == module_id and m["scored"] for m in path["modules"])
