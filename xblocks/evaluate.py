"""Server-side scoring: check an answer's shape, then evaluate it against the key.

A port of ``builder/player/20-evaluate.js``: for the same activity, key and
answer it returns the same evaluation (tested from one case corpus, in Python
and in Chromium). The browser only ever sends answers; whether an answer is
right is decided here, from the ``key`` half of the module projection that
never leaves the server.

Standard library only, and no XBlock import: the builder and the tests use it
without an LMS.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

Json = dict[str, Any]


class AnswerError(ValueError):
    """An answer that does not fit its activity (the message says why)."""


# --- shape checks: the answer the browser sent -> a normalised answer ----------


def check_answer(activity: Json, answer: Any) -> Any:
    """The answer in its normal form, or AnswerError.

    Normal form: ids in the activity's own order where order carries no
    meaning (multiple choice, tapped passages), as the player's state does.
    """
    checker = _CHECKERS.get(activity["type"])
    if checker is None:
        raise AnswerError(f"activity type '{activity['type']}' cannot be answered")
    return checker(activity, answer)


def _ids(entries: Sequence[Json]) -> list[str]:
    return [str(entry["id"]) for entry in entries if entry.get("id") is not None]


def _id_list(answer: Any, allowed: list[str], what: str) -> list[str]:
    if not isinstance(answer, list) or not all(isinstance(a, str) for a in answer):
        raise AnswerError(f"the answer must be a list of {what} ids")
    unknown = [a for a in answer if a not in allowed]
    if unknown:
        raise AnswerError(f"unknown {what} '{unknown[0]}'")
    if len(set(answer)) != len(answer):
        raise AnswerError(f"a {what} is given twice")
    return answer


def _in_order(answer: list[str], allowed: list[str]) -> list[str]:
    return sorted(answer, key=allowed.index)


def _single(activity: Json, answer: Any) -> str:
    options = _ids(activity["options"])
    if not isinstance(answer, str) or answer not in options:
        raise AnswerError("the answer must be the id of one of the options")
    return answer


def _multiple(activity: Json, answer: Any) -> list[str]:
    options = _ids(activity["options"])
    chosen = _id_list(answer, options, "option")
    if not chosen:
        raise AnswerError("choose at least one option")
    return _in_order(chosen, options)


def _ordering(activity: Json, answer: Any) -> list[str]:
    steps = _ids(activity["steps"])
    placed = _id_list(answer, steps, "step")
    if len(placed) != len(steps):
        raise AnswerError("place every step")
    return placed


def _categorise(activity: Json, answer: Any) -> dict[str, str]:
    items = _ids(activity["items"])
    categories = _ids(activity["categories"])
    if not isinstance(answer, dict) or not answer:
        raise AnswerError("the answer must map item ids to category ids")
    for item, category in answer.items():
        if item not in items:
            raise AnswerError(f"unknown item '{item}'")
        if not isinstance(category, str) or category not in categories:
            raise AnswerError(f"unknown category for item '{item}'")
    return {item: answer[item] for item in items if item in answer}


def _spot(activity: Json, answer: Any) -> list[str]:
    tappable = _ids(activity["segments"])
    tapped = _id_list(answer, tappable, "passage")
    if not tapped:
        raise AnswerError("tap at least one passage")
    return _in_order(tapped, tappable)


def _scenario(activity: Json, answer: Any) -> list[str]:
    if not isinstance(answer, list) or not answer:
        raise AnswerError("the answer must be the list of choices made")
    if scenario_steps(activity, answer) is None:
        raise AnswerError("these choices are not a path through the story")
    return [str(choice) for choice in answer]


_CHECKERS: dict[str, Callable[[Json, Any], Any]] = {
    "single_choice": _single,
    "multiple_choice": _multiple,
    "ordering": _ordering,
    "categorise": _categorise,
    "spot_the_problem": _spot,
    "scenario": _scenario,
}


# --- evaluation (20-evaluate.js) ----------------------------------------------


def scenario_steps(
    activity: Json, path: Sequence[Any]
) -> list[tuple[Json, Json]] | None:
    """Walk a path of choice ids: [(node, choice)], or None if it leaves the story."""
    nodes = {node["id"]: node for node in activity["nodes"]}
    steps: list[tuple[Json, Json]] = []
    node: Json | None = activity["nodes"][0]
    for choice_id in path:
        if node is None:
            return None
        choice = next((c for c in node["choices"] if c["id"] == choice_id), None)
        if choice is None:
            return None
        steps.append((node, choice))
        node = nodes.get(choice["next"]) if choice.get("next") else None
    return steps


def _same_set(a: Sequence[str], b: Sequence[str]) -> bool:
    return len(a) == len(b) and sorted(a) == sorted(b)


def _choice(activity: Json, key: Json, answer: Any) -> Json:
    chosen = answer if isinstance(answer, list) else [answer]
    marks = {}
    for option in activity["options"]:
        is_chosen = option["id"] in chosen
        is_right = option["id"] in key["correct"]
        marks[option["id"]] = {
            "chosen": is_chosen,
            "good": is_chosen == is_right,
            "right": is_right,
            "text": key["feedback"][option["id"]],
        }
    return {
        "correct": _same_set(chosen, key["correct"]),
        "message": None,
        "marks": marks,
    }


def _ordering_eval(activity: Json, key: Json, answer: Any) -> Json:
    order = key["order"]
    marks = {
        step: {
            "chosen": True,
            "good": position < len(order) and order[position] == step,
            "expected": order.index(step) if step in order else -1,
        }
        for position, step in enumerate(answer)
    }
    correct = list(answer) == list(order)
    feedback = key["feedback"]
    return {
        "correct": correct,
        "message": feedback["correct"] if correct else feedback["incorrect"],
        "marks": marks,
        "order": order,
    }


def _categorise_eval(activity: Json, key: Json, answer: Any) -> Json:
    marks = {}
    correct = True
    for item in activity["items"]:
        chosen = answer.get(item["id"])
        good = chosen == key["answer"][item["id"]]
        correct = correct and good
        mark: Json = {"good": good, "expected": key["answer"][item["id"]]}
        if chosen is not None:  # JavaScript leaves an unplaced item's choice undefined
            mark["chosen"] = chosen
        mark["text"] = key["feedback"][item["id"]]
        marks[item["id"]] = mark
    return {"correct": correct, "message": None, "marks": marks}


def _spot_eval(activity: Json, key: Json, answer: Any) -> Json:
    marks = {}
    for segment in activity["segments"]:
        if not segment.get("id"):
            continue
        is_chosen = segment["id"] in answer
        is_problem = segment["id"] in key["problems"]
        marks[segment["id"]] = {
            "chosen": is_chosen,
            "good": is_chosen == is_problem,
            "right": is_problem,
            "text": key["feedback"][segment["id"]],
        }
    return {
        "correct": _same_set(answer, key["problems"]),
        "message": None,
        "marks": marks,
    }


def _scenario_eval(activity: Json, key: Json, answer: Any) -> Json:
    steps = scenario_steps(activity, answer) or []
    marks = {}
    correct = bool(steps)
    for node, choice in steps:
        node_key = key["nodes"][node["id"]]
        good = choice["id"] in node_key["correct"]
        correct = correct and good
        marks[f"{node['id']}/{choice['id']}"] = {
            "chosen": True,
            "good": good,
            "text": node_key["feedback"][choice["id"]],
        }
    ended = False
    if steps:
        last = steps[-1][1]
        nodes = {node["id"]: node for node in activity["nodes"]}
        after = nodes.get(last["next"]) if last.get("next") else None
        ended = after is None or not after["choices"]
    return {
        "correct": correct and ended,
        "complete": ended,
        "message": None,
        "marks": marks,
    }


_EVALUATORS: dict[str, Callable[[Json, Json, Any], Json]] = {
    "single_choice": _choice,
    "multiple_choice": _choice,
    "ordering": _ordering_eval,
    "categorise": _categorise_eval,
    "spot_the_problem": _spot_eval,
    "scenario": _scenario_eval,
}


def evaluate(activity: Json, key: Json, answer: Any) -> Json:
    """The evaluation the player shows: ``correct``, ``message``, per-part ``marks``.

    An unscored activity (a reflection) has no right answer: its evaluation
    is marked ``neutral``.
    """
    evaluation = _EVALUATORS[activity["type"]](activity, key, answer)
    if activity.get("scored") is False:
        evaluation["neutral"] = True
    return evaluation
