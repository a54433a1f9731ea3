"""Run a corpus case with the Python engine; the same rules are in driver.js.

A case's ``responses`` say how the simulated learner answers:
``items`` (explicit answers by item id) first, then ``alternate`` (right,
wrong, right...), then ``theta`` (right when P(right) >= 0.5 at that ability,
with per-competence ``competences`` overrides), else ``default``.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from builder.placement import engine
from builder.placement.rng import fnv1a
from builder.placement.routing import route

CASES = Path(__file__).parent / "cases.json"


def responder(spec: dict[str, Any]) -> Any:
    count = {"n": 0}

    def respond(item: dict[str, Any]) -> bool:
        count["n"] += 1
        if item["id"] in spec.get("items", {}):
            return bool(spec["items"][item["id"]])
        if spec.get("alternate"):
            return count["n"] % 2 == 1
        if "theta" in spec:
            theta = spec.get("competences", {}).get(item["competence"], spec["theta"])
            return engine.probability(theta, item) >= 0.5
        return bool(spec["default"])

    return respond


def run_case(case: dict[str, Any]) -> dict[str, Any]:
    bank = case["bank"]
    answers = engine.play(bank, fnv1a(case["seed"]), responder(case["responses"]))
    verdicts = engine.decisions(bank, answers)
    return {
        "asked": [a for a, _ in answers],
        "rights": [r for _, r in answers],
        "results": engine.results(bank, answers),
        "route": route(
            bank["modules"], bank["basics"], verdicts, bank["basics_competence"]
        ),
    }


def load_cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads(CASES.read_text(encoding="utf-8"))
    return cases


def random_cases(count: int, seed: int) -> list[dict[str, Any]]:
    """Generated banks and learners for the differential test."""
    rnd = random.Random(seed)
    cases = []
    for n in range(count):
        competences = [f"c{k}" for k in range(rnd.randint(1, 4))]
        items = [
            {
                "id": f"{c}-{i:02d}",
                "competence": c,
                "family": f"{c}-f{rnd.randint(0, 7)}",
                "a": round(rnd.uniform(0.4, 2.5), 3),
                "b": round(rnd.uniform(-2.5, 2.5), 3),
                "c": rnd.choice([0.0, 0.0, 0.25, 1 / 3]),
                "status": "active" if rnd.random() > 0.1 else "retired",
            }
            for c in competences
            for i in range(rnd.randint(3, 14))
        ]
        bank = {
            "grid": {"min": -4.0, "max": 4.0, "step": 0.1},
            "prior": {
                "mean": round(rnd.uniform(-0.5, 0.5), 2),
                "sd": round(rnd.uniform(0.8, 1.5), 2),
            },
            "max_items": rnd.randint(3, 24),
            "randomesque": rnd.randint(1, 3),
            "basics_competence": "c0",
            "competences": [
                {
                    "id": c,
                    "cut": round(rnd.uniform(-1, 1), 2),
                    "skip": 0.9,
                    "remediation": 0.1,
                    "min_items": 2,
                    "max_items": rnd.randint(2, 6),
                }
                for c in competences
            ],
            "items": items,
            "modules": [
                {"id": f"{c}-m{lv}", "competence": c, "level": lv}
                for c in competences
                for lv in ("standard", "advanced")
            ],
            "basics": {c: [f"{c}-basic"] for c in competences},
        }
        responses = {"items": {i["id"]: rnd.random() < 0.5 for i in items}}
        warmup = rnd.choice([None, None, 0.0, 0.5, 0.9])  # None: the engine's own
        if warmup is not None:
            bank["warmup"] = warmup
        cases.append(
            {
                "name": f"random-{n}",
                "bank": bank,
                "seed": f"seed-{n}",
                "responses": responses,
            }
        )
    return cases
