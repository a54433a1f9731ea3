"""The micro-module block through XBlock's real handler dispatch.

Every refused request must answer with a clear error *and change nothing*:
each such test compares the learner's stored fields before and after.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
import webob

from tests.xblocks.conftest import Lms, call
from xblocks.olx import module_element, to_string

Json = dict[str, Any]
USER_FIELDS = ("version", "state", "seen", "answers", "seq", "last", "reported")


def stored(block: Any) -> Json:
    return {name: getattr(block, name) for name in USER_FIELDS}


def view_data(block: Any) -> Json:
    html = block.runtime.render(block, "student_view").body_html()
    match = re.search(
        r"<script type=\"application/json\" data-tisseuse-data>(.*?)</script>", html
    )
    assert match, html[:300]
    return json.loads(match.group(1))


def answer(
    block: Any, seq: int, screen: str, value: Any, **extra: Any
) -> tuple[int, Json]:
    body = {
        "seq": seq,
        "screen": screen,
        "answer": value,
        "version": block.module["version"],
        **extra,
    }
    return call(block, "answer", body)


def state_string(
    module: Json, seen: list[int], answers: str = "", location: str = "0"
) -> str:
    """A player state (builder/player/10-state.js) marking screens ``seen`` as seen."""
    bits = [0] * ((len(module["screens"]) + 3) // 4)
    for index in seen:
        bits[index >> 2] |= 1 << (index & 3)
    hexa = "".join(f"{b:x}" for b in bits)
    return "|".join(["1", module["version"][:6], location, hexa, answers, ""])


RIGHT = {
    "qui": "equipe",
    "faits": ["heure", "plaie"],
    "ordre": ["cible", "donnees", "actions"],
    "tri": {"sol": "fait", "agressif": "jugement"},
    "brouillon": ["nuit"],
    "histoire": ["refuser"],
}


def test_the_page_never_holds_the_answer_key(module_block: Any, demo: Json) -> None:
    data = view_data(module_block)
    assert "key" not in data["module"]
    html = module_block.runtime.render(module_block, "student_view").body_html()
    for feedback in demo["key"]["qui"]["feedback"].values():
        assert feedback not in html


def test_a_right_answer_is_evaluated_and_stored(module_block: Any) -> None:
    status, reply = answer(module_block, 1, "qui", "equipe")
    assert status == 200
    assert reply["evaluation"]["correct"] is True
    assert reply["seq"] == 1
    assert module_block.answers == {"qui": "equipe"}


def test_grade_and_completion_are_published_from_server_results(
    module_block: Any, demo: Json
) -> None:
    for seq, (screen, value) in enumerate(RIGHT.items(), start=1):
        assert answer(module_block, seq, screen, value)[0] == 200
    answered = ",".join(
        f"{i:x}:0" for i, s in enumerate(demo["screens"]) if s["activity"]
    )  # indices are not checked by the server, only which screens hold an answer
    everything = list(range(len(demo["screens"])))
    status, reply = call(
        module_block,
        "save_state",
        {
            "state": state_string(demo, everything, answered, "e"),
            "version": demo["version"],
        },
    )
    assert status == 200, reply
    assert reply["progress"]["completed"] is True
    events = module_block.runtime.events
    assert ("tisseuse_module", "completion", {"completion": 1.0}) in events
    assert events[-1] == ("tisseuse_module", "grade", {"value": 6, "max_value": 6})


def test_no_grade_before_completion_when_the_module_has_a_mastery_score(
    module_block: Any,
) -> None:
    answer(module_block, 1, "qui", "equipe")
    assert [e for e in module_block.runtime.events if e[1] == "grade"] == []


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"score": 100}, "unexpected field 'score'"),
        ({"correct": True}, "unexpected field 'correct'"),
    ],
)
def test_a_forged_score_is_refused_and_changes_nothing(
    module_block: Any, extra: Json, message: str
) -> None:
    before = stored(module_block)
    status, reply = answer(module_block, 1, "qui", "famille", **extra)
    assert status == 400
    assert message in reply["error"]
    assert stored(module_block) == before
    assert module_block.runtime.events == []


@pytest.mark.parametrize(
    ("screen", "value", "message"),
    [
        ("nulle-part", "equipe", "unknown screen 'nulle-part'"),
        ("intro", "equipe", "has no activity"),
        ("qui", "inconnue", "answer to 'qui'"),
        ("ordre", ["cible"], "place every step"),
    ],
)
def test_unknown_screens_and_malformed_answers_are_refused(
    module_block: Any, screen: str, value: Any, message: str
) -> None:
    before = stored(module_block)
    status, reply = answer(module_block, 1, screen, value)
    assert status == 400
    assert message in reply["error"]
    assert stored(module_block) == before


def test_malformed_json_is_refused(module_block: Any) -> None:
    before = stored(module_block)
    assert call(module_block, "answer", None, raw=b'{"seq": 1,') == (
        400,
        {"error": "Invalid JSON"},
    )
    status, reply = call(module_block, "answer", ["qui", "equipe"])
    assert status == 400 and "JSON object" in reply["error"]
    assert stored(module_block) == before


def test_only_post_is_accepted(module_block: Any) -> None:
    response = module_block.runtime.handle(
        module_block, "answer", webob.Request.blank("/")
    )
    assert response.status_code == 405


def test_a_replayed_answer_is_ignored(module_block: Any) -> None:
    first = answer(module_block, 1, "qui", "famille")
    before, events = stored(module_block), list(module_block.runtime.events)
    status, reply = answer(module_block, 1, "qui", "famille")
    assert status == 200 and reply["replayed"] is True
    assert reply["evaluation"] == first[1]["evaluation"]
    assert stored(module_block) == before
    assert module_block.runtime.events == events


def test_reusing_a_sequence_number_for_another_answer_is_refused(
    module_block: Any,
) -> None:
    answer(module_block, 1, "qui", "famille")
    before = stored(module_block)
    status, reply = answer(module_block, 1, "qui", "equipe")
    assert status == 409 and "out of sequence" in reply["error"]
    assert stored(module_block) == before


@pytest.mark.parametrize("seq", [0, 3, -1, "2", True])
def test_out_of_order_answers_are_refused(module_block: Any, seq: Any) -> None:
    answer(module_block, 1, "qui", "famille")
    before = stored(module_block)
    status, _reply = answer(module_block, seq, "qui", "equipe")
    assert status in (400, 409)
    assert stored(module_block) == before


def test_an_answer_for_another_version_of_the_module_is_refused(
    module_block: Any,
) -> None:
    before = stored(module_block)
    status, reply = answer(module_block, 1, "qui", "equipe", version="000000000000")
    assert status == 409 and "reload" in reply["error"]
    assert stored(module_block) == before


@pytest.mark.parametrize(
    ("state", "message"),
    [
        ("n'importe quoi", "player's format"),
        ("1|abcdef|0|0||", "another version"),
        (None, "'state' must be a text"),
        ("x" * 5000, "at most 4096"),
    ],
)
def test_unreadable_states_are_refused(
    module_block: Any, state: Any, message: str
) -> None:
    before = stored(module_block)
    status, reply = call(
        module_block,
        "save_state",
        {"state": state, "version": module_block.module["version"]},
    )
    assert status == 400 and message in reply["error"]
    assert stored(module_block) == before


def test_state_pointing_outside_the_module_is_refused(
    module_block: Any, demo: Json
) -> None:
    state = state_string(demo, [0], "", location="z")
    status, reply = call(
        module_block, "save_state", {"state": state, "version": demo["version"]}
    )
    assert status == 400 and "screen that does not exist" in reply["error"]


def test_resume_returns_the_saved_state_and_the_server_evaluations(
    module_block: Any, demo: Json
) -> None:
    answer(module_block, 1, "qui", "famille")
    state = state_string(demo, [0, 1], "1:1", location="1")
    assert (
        call(module_block, "save_state", {"state": state, "version": demo["version"]})[
            0
        ]
        == 200
    )
    data = view_data(module_block)
    assert data["state"] == state
    assert data["seq"] == 1
    assert data["evaluations"]["qui"]["answer"] == "famille"
    assert data["evaluations"]["qui"]["evaluation"]["correct"] is False


def test_a_saved_state_never_drops_an_answer_the_server_holds(
    module_block: Any, demo: Json
) -> None:
    """A state saved while an answer is in flight lacks that answer: it stays."""
    answer(module_block, 1, "qui", "equipe")
    everything = list(range(len(demo["screens"])))
    call(
        module_block,
        "save_state",
        {"state": state_string(demo, everything, ""), "version": demo["version"]},
    )
    call(
        module_block,
        "save_state",
        {"state": state_string(demo, [0]), "version": demo["version"]},
    )
    assert module_block.answers == {"qui": "equipe"}
    assert module_block.progress()["completed"] is True  # seen once stays seen


def test_a_changed_module_restarts_the_learner_with_a_notice(
    lms: Lms, demo: Json
) -> None:
    block = lms.load(to_string(module_element(demo, "m")))
    answer(block, 1, "qui", "equipe")
    changed = {**demo, "version": "feedfacecafe", "title": "Nouveau titre"}
    block.module = changed
    data = view_data(block)
    assert data["state"] is None and data["notice"] == "module_updated"
    assert data["seq"] == 0 and data["evaluations"] == {}
    status, _reply = answer(block, 1, "qui", "famille")
    assert status == 200
    assert block.answers == {"qui": "famille"} and block.version == "feedfacecafe"


def test_each_learner_has_their_own_state(lms: Lms, module_block: Any) -> None:
    answer(module_block, 1, "qui", "equipe")
    bob = lms.as_learner(module_block, "bob")
    assert bob.answers == {}
    status, _ = answer(bob, 1, "qui", "famille")
    assert status == 200
    assert lms.as_learner(module_block, "alice").answers == {"qui": "equipe"}


def test_standalone_modules_are_graded_and_path_modules_are_not(
    lms: Lms, compiled: dict[str, Json]
) -> None:
    from xblocks.olx import path_element

    catalogue = compiled["minimal"]
    alone = lms.load(to_string(module_element(catalogue["modules"]["demo"], "alone")))
    assert alone.has_score is True
    path = lms.load(
        to_string(
            path_element(catalogue["paths"]["soin"], catalogue["modules"], "p-", "Q")
        )
    )
    inside = path.module_children()["demo"]
    assert inside.has_score is False
    inside.grading = "graded"
    assert inside.has_score is True


def test_student_view_data_documents_the_public_module(module_block: Any) -> None:
    data = module_block.student_view_data()
    assert set(data) == {"module", "progress", "graded"}
    assert "key" not in data["module"]
    assert data["progress"]["total"] == len(data["module"]["screens"])


def test_a_theme_in_the_content_styles_the_block_root_and_nothing_else() -> None:
    from xblocks.base import theme_style

    content = {
        "theme": {
            "variables": {
                "--ts-primary": "#0b5d50",
                "--ts-font": '"Atkinson Hyperlegible", Arial, sans-serif',
                "--ts-link": "red; background: url(https://tracker.invalid/x)",
                "color": "#000000",
            }
        }
    }
    assert theme_style(content) == (
        '--ts-font: "Atkinson Hyperlegible", Arial, sans-serif; --ts-primary: #0b5d50'
    )
    assert theme_style({}) == "" and theme_style({"theme": "x"}) == ""
