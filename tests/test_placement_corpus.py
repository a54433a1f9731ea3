"""The shared placement corpus, run by the Python engine.

tests/placement/cases.json holds each case's bank, seed and simulated answers,
and the expected outcome (items asked, estimates, decisions, route). The same
file runs in Chromium against the JavaScript engine (tests/browser/
test_placement_js.py). ``pytest --update-golden`` refills ``expected``.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.placement.driver import CASES, load_cases, run_case

NUMBERS = ("eap", "sd", "p_mastery")


def same_outcome(actual: dict[str, Any], expected: dict[str, Any], where: str) -> None:
    assert actual["asked"] == expected["asked"], where
    assert actual["rights"] == expected["rights"], where
    assert actual["route"] == expected["route"], where
    for got, want in zip(actual["results"], expected["results"], strict=True):
        assert {k: v for k, v in got.items() if k not in NUMBERS} == {
            k: v for k, v in want.items() if k not in NUMBERS
        }, where
        for key in NUMBERS:
            assert got[key] == pytest.approx(want[key], abs=1e-9), f"{where}: {key}"


def test_corpus_cases(update_golden: bool) -> None:
    cases = load_cases()
    if update_golden:
        for case in cases:
            case["expected"] = run_case(case)
        CASES.write_text(
            json.dumps(cases, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        )
    for case in cases:
        same_outcome(run_case(case), case["expected"], case["name"])


def test_corpus_covers_every_decision_and_reason() -> None:
    cases = load_cases()
    decisions = {r["decision"] for c in cases for r in c["expected"]["results"]}
    reasons = {s["reason"] for c in cases for s in c["expected"]["route"]}
    assert decisions >= {"skip", "remediation", "standard"}
    assert reasons >= {
        "mastered",
        "consolidate",
        "remediation",
        "after-basics",
        "basics-first",
    }
