"""Server-side scoring: answer shape checks and the Python port of 20-evaluate.js.

The port is compared with the JavaScript evaluator on a generated corpus in
tests/browser/test_xblock_evaluate.py; here, what each rule must decide.
"""

from __future__ import annotations

from typing import Any

import pytest

from xblocks.evaluate import AnswerError, check_answer, evaluate

Json = dict[str, Any]


def screen(module: Json, screen_id: str) -> tuple[Json, Json]:
    found = next(s for s in module["screens"] if s["id"] == screen_id)
    return found["activity"], module["key"][screen_id]


@pytest.mark.parametrize(
    ("screen_id", "right", "wrong"),
    [
        ("qui", "equipe", "famille"),
        ("faits", ["heure", "plaie"], ["heure"]),
        ("ordre", ["cible", "donnees", "actions"], ["donnees", "cible", "actions"]),
        (
            "tri",
            {"sol": "fait", "agressif": "jugement"},
            {"sol": "jugement", "agressif": "jugement"},
        ),
        ("brouillon", ["nuit"], ["nuit", "douleur"]),
        ("histoire", ["refuser"], ["lire"]),
    ],
)
def test_each_activity_type_is_scored_on_the_server(
    demo: Json, screen_id: str, right: Any, wrong: Any
) -> None:
    activity, key = screen(demo, screen_id)
    assert evaluate(activity, key, check_answer(activity, right))["correct"] is True
    assert evaluate(activity, key, check_answer(activity, wrong))["correct"] is False


def test_feedback_comes_from_the_key_for_every_option(demo: Json) -> None:
    activity, key = screen(demo, "qui")
    marks = evaluate(activity, key, "famille")["marks"]
    assert marks["famille"] == {
        "chosen": True,
        "good": False,
        "right": False,
        "text": key["feedback"]["famille"],
    }
    assert marks["equipe"]["right"] is True and marks["equipe"]["chosen"] is False


def test_an_unfinished_story_is_not_right_yet(demo: Json) -> None:
    activity, key = screen(demo, "histoire")
    node = activity["nodes"][0]
    first = next(c for c in node["choices"] if c["id"] == "refuser")
    evaluation = evaluate(activity, key, ["refuser"])
    assert evaluation["complete"] is (
        first["next"] is None
        or not next(n for n in activity["nodes"] if n["id"] == first["next"])["choices"]
    )


def test_multiple_choice_answers_are_normalised_to_the_options_order(
    demo: Json,
) -> None:
    activity, _ = screen(demo, "faits")
    assert check_answer(activity, ["plaie", "heure"]) == ["heure", "plaie"]


@pytest.mark.parametrize(
    ("screen_id", "answer", "message"),
    [
        ("qui", "inconnue", "one of the options"),
        ("qui", ["equipe"], "one of the options"),
        ("faits", [], "at least one"),
        ("faits", ["heure", "heure"], "twice"),
        ("faits", "heure", "list of option ids"),
        ("ordre", ["cible", "donnees"], "place every step"),
        ("ordre", ["cible", "donnees", "autre"], "unknown step"),
        ("tri", {"sol": "ailleurs"}, "unknown category"),
        ("tri", {"autre": "fait"}, "unknown item"),
        ("tri", ["sol"], "map item ids"),
        ("brouillon", ["titre-inexistant"], "unknown passage"),
        ("histoire", [], "list of choices"),
        ("histoire", ["sauter"], "not a path"),
        ("histoire", ["refuser", "refuser"], "not a path"),
    ],
)
def test_answers_that_do_not_fit_the_activity_are_refused(
    demo: Json, screen_id: str, answer: Any, message: str
) -> None:
    activity, _ = screen(demo, screen_id)
    with pytest.raises(AnswerError, match=message):
        check_answer(activity, answer)


def test_a_reflection_has_no_right_answer(compiled: dict[str, Json]) -> None:
    reflections = [
        (s["activity"], m["key"][s["id"]])
        for m in compiled["catalogue"]["modules"].values()
        for s in m["screens"]
        if s["activity"] and not s["activity"]["scored"]
    ]
    assert reflections, "the bundled catalogue has reflection activities"
    activity, key = reflections[0]
    option = activity["options"][0]["id"] if "options" in activity else None
    if option is None:
        pytest.fail(f"reflections are {activity['type']}, extend this test")
    answer = option if activity["type"] == "single_choice" else [option]
    assert evaluate(activity, key, answer)["neutral"] is True
