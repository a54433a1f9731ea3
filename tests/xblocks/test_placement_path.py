"""The placement quiz and the path container through XBlock's real dispatch.

The quiz is driven by the server (builder.placement): the tests answer the
question the server asks, as a learner would, and check refusals, the route,
and the path's published grade and completion.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from builder.placement import decisions, next_item, route
from tests.xblocks.conftest import Lms, call
from xblocks.olx import path_element, to_string

Json = dict[str, Any]
Policy = Callable[[Json, Json], Any]


@pytest.fixture
def soin(compiled: dict[str, Json]) -> Json:
    return compiled["catalogue"]["paths"]["soin"]


@pytest.fixture
def path_block(lms: Lms, compiled: dict[str, Json], soin: Json) -> Any:
    return lms.load(
        to_string(
            path_element(
                soin, compiled["catalogue"]["modules"], "soin-", "Où en suis-je ?"
            )
        )
    )


def right(content: Json, key: Json) -> Any:
    return key["correct"][0] if content["type"] == "single_choice" else key["correct"]


def wrong(content: Json, key: Json) -> Any:
    other = next(o["id"] for o in content["options"] if o["id"] not in key["correct"])
    return other if content["type"] == "single_choice" else [other]


def take_quiz(quiz: Any, policy: Policy) -> Json:
    bank = quiz.path["placement"]
    version = bank["version"]
    status, reply = call(quiz, "begin", {"version": version})
    assert status == 200, reply
    while reply["status"] == "running":
        item = reply["question"]["id"]
        status, reply = call(
            quiz,
            "answer",
            {
                "version": version,
                "item": item,
                "answer": policy(bank["content"][item], bank["key"][item]),
            },
        )
        assert status == 200, reply
    return reply


def quiz_fields(quiz: Any) -> Json:
    return {
        n: getattr(quiz, n)
        for n in ("version", "status", "seed", "answers", "reported")
    }


def test_the_server_asks_the_engine_s_questions_and_routes_like_the_engine(
    path_block: Any, soin: Json
) -> None:
    quiz = path_block.placement_child()
    reply = take_quiz(quiz, wrong)
    engine = soin["placement"]["engine"]
    answers = [(a[0], a[1]) for a in quiz.answers]
    replayed: list[tuple[str, bool]] = []
    for item, was_right in answers:  # the same questions in the same order
        assert next_item(engine, replayed, quiz.seed) == item
        replayed.append((item, was_right))
    assert next_item(engine, replayed, quiz.seed) is None
    routing = soin["routing"]
    expected = route(
        routing["modules"],
        routing["basics"],
        decisions(engine, answers),
        routing["basics_competence"],
    )
    assert reply["outcome"]["route"] == expected
    assert all(not a[1] for a in quiz.answers)
    assert {r["decision"] for r in reply["outcome"]["results"]} == {"remediation"}


def test_questions_carry_no_answer_key_until_the_quiz_is_over(path_block: Any) -> None:
    quiz = path_block.placement_child()
    bank = quiz.path["placement"]
    _status, reply = call(quiz, "begin", {"version": bank["version"]})
    question = reply["question"]
    assert "key" not in question and "correct" not in str(question["content"])
    assert reply["outcome"] is None
    done = take_quiz(quiz, right)
    assert done["outcome"]["review"][0]["evaluation"]["marks"]


def test_unknown_and_out_of_order_questions_are_refused(path_block: Any) -> None:
    quiz = path_block.placement_child()
    bank = quiz.path["placement"]
    version = bank["version"]
    status, reply = call(quiz, "begin", {"version": version})
    asked = reply["question"]["id"]
    other = next(i for i in bank["content"] if i != asked)
    before = quiz_fields(quiz)
    assert call(
        quiz, "answer", {"version": version, "item": "nope", "answer": "a"}
    ) == (400, {"error": "unknown question 'nope'"})
    status, reply = call(
        quiz,
        "answer",
        {
            "version": version,
            "item": other,
            "answer": right(bank["content"][other], bank["key"][other]),
        },
    )
    assert status == 409 and "out of order" in reply["error"]
    status, reply = call(
        quiz, "answer", {"version": version, "item": asked, "answer": "pas-une-option"}
    )
    assert status == 400
    status, reply = call(
        quiz,
        "answer",
        {"version": version, "item": asked, "answer": "a", "correct": True},
    )
    assert status == 400 and "unexpected field 'correct'" in reply["error"]
    assert quiz_fields(quiz) == before


def test_a_replayed_quiz_answer_is_ignored_and_a_changed_one_refused(
    path_block: Any,
) -> None:
    quiz = path_block.placement_child()
    bank = quiz.path["placement"]
    version = bank["version"]
    _, reply = call(quiz, "begin", {"version": version})
    item = reply["question"]["id"]
    first = right(bank["content"][item], bank["key"][item])
    _, after = call(quiz, "answer", {"version": version, "item": item, "answer": first})
    before, events = quiz_fields(quiz), list(quiz.runtime.events)
    status, replay = call(
        quiz, "answer", {"version": version, "item": item, "answer": first}
    )
    assert status == 200 and replay["replayed"] is True
    assert replay["question"] == after["question"]
    status, reply = call(
        quiz,
        "answer",
        {
            "version": version,
            "item": item,
            "answer": wrong(bank["content"][item], bank["key"][item]),
        },
    )
    assert status == 409 and "already answered" in reply["error"]
    assert quiz_fields(quiz) == before and quiz.runtime.events == events


def test_answering_before_starting_is_refused(path_block: Any) -> None:
    quiz = path_block.placement_child()
    bank = quiz.path["placement"]
    item = next(iter(bank["content"]))
    status, _reply = call(
        quiz, "answer", {"version": bank["version"], "item": item, "answer": "x"}
    )
    assert status in (400, 409)
    assert quiz.status == "new" and quiz.answers == []


def test_a_path_shows_each_learner_their_own_route(lms: Lms, path_block: Any) -> None:
    take_quiz(path_block.placement_child(), right)
    bob_path = lms.as_learner(path_block, "bob")
    take_quiz(bob_path.placement_child(), wrong)
    alice = lms.as_learner(path_block, "alice").progress()
    bob = bob_path.progress()
    assert {s["status"] for s in alice["route"]} == {"optional"}
    assert alice["total"] == 0 and alice["completed"] is True and alice["grade"] == 1.0
    assert all(s["status"] == "recommended" for s in bob["route"])
    assert bob["total"] > len(bob_path.path["path_modules"])  # basics came first


def test_the_path_publishes_grade_and_completion_as_modules_complete(
    lms: Lms, path_block: Any
) -> None:
    take_quiz(path_block.placement_child(), wrong)
    runtime = path_block.runtime
    progress = path_block.progress()
    assert progress["completed"] is False and progress["completion"] < 1
    modules = path_block.module_children()
    for step in progress["route"]:
        complete(modules[step["module"]])
    final = lms.as_learner(path_block, "alice").progress()
    assert final["completed"] is True and final["grade"] == 1.0
    path_events = [e for e in runtime.events if e[0] == "tisseuse_path"]
    assert ("tisseuse_path", "completion", {"completion": 1.0}) in path_events
    grades = [data for _, kind, data in path_events if kind == "grade"]
    assert grades[0] == {"value": 0.0, "max_value": 1.0}  # the route was set
    assert grades[-1] == {"value": 1.0, "max_value": 1.0}
    assert not any(
        e[0] == "tisseuse_module" and e[1] == "grade" for e in runtime.events
    )


def complete(block: Any) -> None:
    """Answer every scored activity right and see every screen, through the handlers."""
    module = block.module
    seq = 0
    for screen in module["screens"]:
        if screen["activity"] and screen["activity"]["scored"]:
            seq += 1
            answer = _right_answer(screen["activity"], module["key"][screen["id"]])
            body = {
                "seq": seq,
                "screen": screen["id"],
                "answer": answer,
                "version": module["version"],
            }
            assert call(block, "answer", body)[0] == 200
    count = len(module["screens"])
    nibbles = [15] * (count // 4) + ([(1 << (count % 4)) - 1] if count % 4 else [])
    state = "|".join(
        ["1", module["version"][:6], "e", "".join(f"{b:x}" for b in nibbles), "", ""]
    )
    assert (
        call(block, "save_state", {"state": state, "version": module["version"]})[0]
        == 200
    )


def test_a_path_is_not_complete_until_the_quiz_is_done_or_skipped(
    path_block: Any, soin: Json
) -> None:
    modules = path_block.module_children()
    for module_id in soin["path_modules"]:
        complete(modules[module_id])
    assert path_block.progress()["completed"] is False
    call(
        path_block.placement_child(), "skip", {"version": soin["placement"]["version"]}
    )
    progress = path_block.progress()
    assert progress["completed"] is True and progress["grade"] == 1.0


def _right_answer(activity: Json, key: Json) -> Any:
    kind = activity["type"]
    if kind == "single_choice":
        return key["correct"][0]
    if kind == "multiple_choice":
        return key["correct"]
    if kind == "ordering":
        return key["order"]
    if kind == "categorise":
        return key["answer"]
    if kind == "spot_the_problem":
        return key["problems"]
    node, path = activity["nodes"][0], []
    nodes = {n["id"]: n for n in activity["nodes"]}
    while node and node["choices"]:
        choice = next(
            c for c in node["choices"] if c["id"] in key["nodes"][node["id"]]["correct"]
        )
        path.append(choice["id"])
        node = nodes.get(choice["next"]) if choice["next"] else None
    return path


def test_skipping_the_quiz_recommends_every_module(path_block: Any, soin: Json) -> None:
    quiz = path_block.placement_child()
    status, reply = call(quiz, "skip", {"version": soin["placement"]["version"]})
    assert status == 200 and reply["status"] == "skipped"
    progress = path_block.progress()
    assert [s["module"] for s in progress["route"]] == soin["path_modules"]
    assert progress["placement"] == "skipped"
    assert (
        "tisseuse_placement",
        "completion",
        {"completion": 1.0},
    ) in quiz.runtime.events


def test_open_view_remembers_only_known_views(path_block: Any) -> None:
    assert call(path_block, "open_view", {"view": "t1-transmissions-ciblees"}) == (
        200,
        {"view": "t1-transmissions-ciblees"},
    )
    status, reply = call(path_block, "open_view", {"view": "ailleurs"})
    assert status == 400 and "unknown view" in reply["error"]
    assert path_block.view == "t1-transmissions-ciblees"


def test_student_view_data_lists_route_and_children(path_block: Any) -> None:
    data = path_block.student_view_data()
    kinds = [c["kind"] for c in data["children"]]
    assert kinds[0] == "placement" and set(kinds[1:]) == {"module"}
    assert data["progress"]["placement"] == "new"


def test_author_view_names_modules_the_path_lacks(
    lms: Lms, compiled: dict[str, Json], soin: Json
) -> None:
    partial = {
        k: v
        for k, v in compiled["catalogue"]["modules"].items()
        if k != soin["path_modules"][0]
    }
    path = dict(soin)
    path["modules"] = [m for m in soin["modules"] if m["id"] in partial]
    block = lms.load(to_string(path_element(path, partial, "x-", "Q")))
    block.path = {**block.path, "modules": soin["modules"]}
    html = block.runtime.render(block, "author_view").body_html()
    missing = next(
        m["title"] for m in soin["modules"] if m["id"] == soin["path_modules"][0]
    )
    assert missing in html
