"""The JavaScript placement engine gives the Python engine's results.

The shared corpus (tests/placement/cases.json) and 300 generated cases run in
Chromium through the engine shipped in the web target's script.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Page

from tests.placement.driver import load_cases, random_cases, run_case
from tests.test_placement_corpus import same_outcome

DRIVER = (Path(__file__).parents[1] / "placement" / "driver.js").read_text(
    encoding="utf-8"
)


def run_in_browser(
    page: Page, base: str, cases: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    page.goto(f"{base}/index.html")
    page.wait_for_function("window.Tisseuse && window.Tisseuse.placement")
    outcomes: list[dict[str, Any]] = page.evaluate(DRIVER, cases)
    return outcomes


def test_the_shared_corpus_passes_in_the_browser(
    page: Page, sites: dict[str, str]
) -> None:
    cases = load_cases()
    for case, outcome in zip(
        cases, run_in_browser(page, sites["minimal"], cases), strict=True
    ):
        same_outcome(outcome, case["expected"], case["name"])


def test_random_cases_agree_between_python_and_javascript(
    page: Page, sites: dict[str, str]
) -> None:
    cases = random_cases(300, seed=20261122)
    outcomes = run_in_browser(page, sites["minimal"], cases)
    for case, outcome in zip(cases, outcomes, strict=True):
        same_outcome(outcome, run_case(case), case["name"])
    asked = sum(len(o["asked"]) for o in outcomes)
    assert asked > 1000  # the cases really exercise the engine


def test_the_random_generators_agree(page: Page, sites: dict[str, str]) -> None:
    from builder.placement.rng import Mulberry32, fnv1a

    page.goto(f"{sites['minimal']}/index.html")
    page.wait_for_function("window.Tisseuse && window.Tisseuse.placement")
    for seed in (0, 1, 42, 2**31, 2**32 - 1):
        python = Mulberry32(seed)
        expected = [python.next() for _ in range(50)]
        got = page.evaluate(
            "(s) => { const r = new Tisseuse.placement.Mulberry32(s); return Array.from({length: 50}, () => r.next()); }",
            seed,
        )
        assert got == expected
    texts = ["", "a", "foobar", "apprenante-é", "learner-k"]
    assert page.evaluate("(t) => t.map(Tisseuse.placement.fnv1a)", texts) == [
        fnv1a(t) for t in texts
    ]
