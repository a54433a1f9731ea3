"""Calibration: recovering parameters, flagging items, reading logs, writing back."""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

from builder.calibration import Edit, read_logs, write_back
from builder.diagnostics import Report
from builder.placement.calibrate import ItemFit, calibrate
from tests.conftest import run

LEVELS = [-1.5, -0.5, -0.5, 0.5, 0.5, 1.5, 0.0, 0.0]


def bank() -> dict:
    items = [
        {
            "id": f"it-{n}",
            "competence": "c",
            "family": f"f{n}",
            "a": 1.0,
            "b": b,
            "c": 0.0,
            "status": "active",
        }
        for n, b in enumerate(LEVELS)
    ]
    return {
        "grid": {"min": -4.0, "max": 4.0, "step": 0.1},
        "prior": {"mean": 0.0, "sd": 1.0},
        "max_items": 24,
        "randomesque": 3,
        "competences": [
            {
                "id": "c",
                "cut": 0.0,
                "skip": 0.9,
                "remediation": 0.1,
                "min_items": 2,
                "max_items": 6,
            }
        ],
        "items": items,
    }


def simulate(learners: int = 500) -> list[tuple[str, str, bool]]:
    """Every learner answers items 0-6; item 6 runs backwards; item 7 is never asked."""
    truth = {f"it-{n}": (1.4, b) for n, b in enumerate(LEVELS)}
    truth["it-1"] = (1.4, 0.6)  # the experts thought it easier than it is
    truth["it-4"] = (1.4, -0.6)  # and this one harder
    rnd = random.Random(3)
    out = []
    for n in range(learners):
        theta = rnd.gauss(0, 1)
        for item in [f"it-{k}" for k in range(7)]:
            a, b = truth[item]
            slope = -a if item == "it-6" else a
            p = 1 / (1 + math.exp(-slope * (theta - b)))
            out.append((f"u{n}", item, rnd.random() < p))
    return out


def test_calibration_moves_difficulties_towards_the_truth_and_flags_items() -> None:
    fits = {
        f.item: f for f in calibrate(bank(), simulate(), min_responses=30, cycles=25)
    }
    assert abs(fits["it-1"].b - 0.6) < 0.3 < abs(fits["it-1"].b_before - 0.6)
    assert abs(fits["it-4"].b + 0.6) < 0.3 < abs(fits["it-4"].b_before + 0.6)
    assert {"misfit", "weak discrimination"} & set(fits["it-6"].flags)
    assert fits["it-7"].flags == ("never asked",)
    assert fits["it-0"].flags == ()


def test_too_few_answers_keep_the_expert_parameters() -> None:
    fits = {
        f.item: f for f in calibrate(bank(), simulate(20), min_responses=30, cycles=5)
    }
    assert fits["it-1"].flags == ("too few answers",)
    assert (fits["it-1"].a, fits["it-1"].b) == (1.0, -0.5)


def test_logs_in_scorm_and_xapi_shapes_are_read(tmp_path: Path) -> None:
    log = tmp_path / "answers.jsonl"
    log.write_text(
        "\n".join(
            [
                json.dumps(
                    {"learner": "u1", "id": "placement.ec-001", "result": "correct"}
                ),
                json.dumps({"learner_id": "u2", "id": "ec-001", "result": "wrong"}),
                json.dumps(
                    {
                        "actor": {"account": {"name": "u3"}},
                        "object": {
                            "id": "https://lms.example/activities/placement.ec-001"
                        },
                        "result": {"success": False},
                    }
                ),
                json.dumps(
                    {
                        "learner": "u4",
                        "id": "t1-transmissions-ciblees.qui-lit",
                        "result": "correct",
                    }
                ),
                "{not json",
                json.dumps({"learner": "u5", "id": "ec-001", "result": "maybe"}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    report = Report()
    answers = read_logs([log], {"ec-001"}, report)
    assert answers == [
        ("u1", "ec-001", True),
        ("u2", "ec-001", False),
        ("u3", "ec-001", False),
    ]
    lines = report.lines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{log}:5:1: warning W403: line skipped")
    assert lines[1].startswith(
        f"{log}:6:1: warning W403: line skipped: unknown result 'maybe'"
    )


def fit(item: str, a: float, b: float) -> ItemFit:
    return ItemFit(item, 120, 0.6, 1.0, -0.5, a, b, 1.01, ())


def test_write_back_edits_only_the_item_and_keeps_comments(minimal: Path) -> None:
    path = minimal / "modules" / "placement" / "ecrits.yaml"
    original = "# Items of the writing competence.\n" + path.read_text(encoding="utf-8")
    path.write_text(original, encoding="utf-8")
    report = Report()
    assert write_back(
        path, [Edit(0, fit("ecrits-001", 1.37, -0.21), "2026-11-22")], report
    )
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Items of the writing competence.\n")
    assert (
        '    level: 2\n    a: 1.37\n    b: -0.21\n    calibration: {source: data, responses: 120, date: "2026-11-22"}\n'
        in text
    )
    # a second calibration replaces the lines instead of adding more
    assert write_back(
        path, [Edit(0, fit("ecrits-001", 1.5, 0.1), "2026-12-01")], report
    )
    again = path.read_text(encoding="utf-8")
    assert (
        again.count("calibration:") == 1 and "a: 1.5\n" in again and "b: 0.1\n" in again
    )
    assert run(["check", "--strict"], minimal).exit_code == 0


def test_calibrate_command_reports_and_writes(minimal: Path) -> None:
    log = minimal / "answers.jsonl"
    rnd = random.Random(1)
    log.write_text(
        "".join(
            json.dumps(
                {
                    "learner": f"u{n}",
                    "id": "placement.ecrits-001",
                    "result": "correct" if rnd.random() < 0.4 else "wrong",
                }
            )
            + "\n"
            for n in range(60)
        ),
        encoding="utf-8",
    )
    dry = run(["calibrate", str(log)], minimal)
    assert dry.exit_code == 0, dry.stderr
    summary = json.loads(dry.stdout.strip().splitlines()[-1])
    assert summary == {
        "answers": 60,
        "calibrated": 1,
        "items": 1,
        "learners": 60,
        "misfit": [],
        "never_asked": [],
        "weak": [],
    }
    assert "calibration:" not in (
        minimal / "modules" / "placement" / "ecrits.yaml"
    ).read_text("utf-8")
    wrote = run(["calibrate", str(log), "--write", "--date", "2026-11-22"], minimal)
    assert wrote.exit_code == 0, wrote.stderr
    text = (minimal / "modules" / "placement" / "ecrits.yaml").read_text("utf-8")
    assert 'calibration: {source: data, responses: 60, date: "2026-11-22"}' in text
    assert run(["check", "--strict"], minimal).exit_code == 0
