"""The server's evaluator (xblocks/evaluate.py) against the player's (20-evaluate.js).

One corpus, generated from every activity of the bundled and minimal
catalogues (right answers, wrong ones, partial ones, drawn with a fixed
seed), evaluated by Python and by the player script in Chromium: both must
return the same evaluation, field for field.
"""

from __future__ import annotations

import json
import random
from typing import Any

from playwright.sync_api import Page

from builder.loader import load_catalogue
from builder.targets.openedx import compile_catalogue
from tests.conftest import REPO, ROOTS
from xblocks.evaluate import check_answer, evaluate

Json = dict[str, Any]
SCRIPT = REPO / "xblocks" / "public" / "tisseuse-xblock.js"


def answers(activity: Json, key: Json, rng: random.Random) -> list[Any]:
    kind = activity["type"]
    if kind in ("single_choice", "multiple_choice"):
        ids = [o["id"] for o in activity["options"]]
        if kind == "single_choice":
            return ids
        subsets = [
            sorted(rng.sample(ids, rng.randint(1, len(ids))), key=ids.index)
            for _ in range(4)
        ]
        return [key["correct"], *subsets]
    if kind == "ordering":
        ids = [s["id"] for s in activity["steps"]]
        return [key["order"], *(rng.sample(ids, len(ids)) for _ in range(3))]
    if kind == "categorise":
        cats = [c["id"] for c in activity["categories"]]
        items = [i["id"] for i in activity["items"]]
        partial = {items[0]: rng.choice(cats)}
        return [
            key["answer"],
            partial,
            *({i: rng.choice(cats) for i in items} for _ in range(3)),
        ]
    if kind == "spot_the_problem":
        ids = [s["id"] for s in activity["segments"] if s["id"]]
        subsets = [
            sorted(rng.sample(ids, rng.randint(1, len(ids))), key=ids.index)
            for _ in range(4)
        ]
        return [key["problems"], *subsets]
    paths: list[list[str]] = []
    nodes = {n["id"]: n for n in activity["nodes"]}
    for _ in range(5):
        node, path = activity["nodes"][0], []
        while node and node["choices"] and (not path or rng.random() < 0.8):
            choice = rng.choice(node["choices"])
            path.append(choice["id"])
            node = nodes.get(choice["next"]) if choice["next"] else None
        paths.append(path)
    return paths


def corpus() -> list[Json]:
    rng = random.Random(2026)
    cases = []
    for root in (ROOTS / "minimal", REPO):
        catalogue, report = load_catalogue(root)
        assert catalogue is not None, report.lines()
        for module in compile_catalogue(catalogue)["modules"].values():
            for screen in module["screens"]:
                activity = screen["activity"]
                if activity is None:
                    continue
                key = module["key"][screen["id"]]
                for answer in answers(activity, key, rng):
                    normal = check_answer(activity, answer)
                    cases.append({"activity": activity, "key": key, "answer": normal})
    return cases


def test_python_and_javascript_evaluate_every_answer_alike(page: Page) -> None:
    cases = corpus()
    assert len(cases) > 300
    page.set_content("<!doctype html><title>evaluate</title>")
    page.add_script_tag(content=SCRIPT.read_text(encoding="utf-8"))
    in_browser = page.evaluate(
        "cases => JSON.parse(JSON.stringify(cases.map(c => Tisseuse.evaluate(c.activity, c.key, c.answer))))",
        cases,
    )
    in_python = [
        json.loads(json.dumps(evaluate(c["activity"], c["key"], c["answer"])))
        for c in cases
    ]
    differences = [
        (c["activity"]["type"], c["answer"], py, js)
        for c, py, js in zip(cases, in_python, in_browser, strict=True)
        if py != js
    ]
    assert differences == [], differences[:3]
    assert {c["activity"]["type"] for c in cases} == {
        "single_choice",
        "multiple_choice",
        "ordering",
        "categorise",
        "spot_the_problem",
        "scenario",
    }
