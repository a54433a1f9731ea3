"""The three blocks in a real xblock-sdk workbench, driven in Debian's Chromium.

A learner takes the placement quiz of a path, opens the module it
recommends, answers, reloads the page and resumes; the test then reads what
the workbench stored (its database) and what the runtime published (grade,
completion), as an LMS would receive them.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from playwright.sync_api import Page, expect

from builder.audit.learner import Learner
from tests.conftest import REPO, copy_project, run
from tests.xblocks.workbench import Workbench, running_workbench

Json = dict[str, Any]
T = TypeVar("T")


@pytest.fixture(scope="module")
def catalogue_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(REPO, tmp_path_factory.mktemp("openedx"))
    result = run(["build", "openedx", "-q"], project)
    assert result.exit_code == 0, result.stderr
    return project / "dist" / "openedx" / "catalogue.json"


@pytest.fixture(scope="module")
def workbench(
    tmp_path_factory: pytest.TempPathFactory, catalogue_file: Path
) -> Iterator[Workbench]:
    with running_workbench(
        tmp_path_factory.mktemp("workbench"), catalogue_file
    ) as bench:
        yield bench


@pytest.fixture(scope="module")
def compiled(catalogue_file: Path) -> Json:
    import json

    data: Json = json.loads(catalogue_file.read_text(encoding="utf-8"))
    return data


class BlockLearner(Learner):
    """The shared learner, reading the answer key from the compiled catalogue
    (the page never holds it)."""

    def __init__(self, page: Page, module: Json) -> None:
        super().__init__(page, "touch")
        self._module = module

    @property
    def module(self) -> Json:
        return self._module


def eventually[T](
    read: Callable[[], T], done: Callable[[T], bool], seconds: float = 10
) -> T:
    """Poll ``read()`` until ``done`` holds: saves are sent in the background."""
    deadline = time.monotonic() + seconds
    value = read()
    while not done(value) and time.monotonic() < deadline:
        time.sleep(0.1)
        value = read()
    assert done(value), value
    return value


def scenario(compiled: Json, kind: str, item: str) -> str:
    ids = list(compiled["paths" if kind != "module" else "modules"])
    if kind == "placement":
        ids = [p for p in ids if compiled["paths"][p]["placement"] is not None]
    return f"tisseuse_{kind}.{ids.index(item)}"


def take_quiz_wrongly(page: Page, bank: Json) -> int:
    """Answer every question the server asks with a wrong option."""
    page.get_by_role("button", name="Commencer le questionnaire").click()
    asked = 0
    while True:
        activity = page.locator(".ts-activity[data-item]")
        heading = page.locator(".ts-screen-title:visible").first
        expect(heading).to_have_text(re.compile(r"^(Question \d+|Votre résultat)$"))
        if heading.inner_text() == "Votre résultat":
            return asked
        item = activity.get_attribute("data-item")
        assert item is not None
        expect(page.get_by_text(f"Question {asked + 1}", exact=True)).to_be_visible()
        content, key = bank["content"][item], bank["key"][item]
        wrong = next(
            o["id"] for o in content["options"] if o["id"] not in key["correct"]
        )
        page.locator(f'label[for="ts-q-{item}-{wrong}"]').click()
        page.locator(".ts-activity .ts-check").click()
        asked += 1
        expect(page.locator(f'.ts-activity[data-item="{item}"]')).to_have_count(0)


def test_placement_then_recommended_module_resumes_and_is_reported(
    page: Page, workbench: Workbench, compiled: Json
) -> None:
    student = "learner-path"
    path = compiled["paths"]["soin"]
    bank = path["placement"]
    url = f"{workbench.url}/scenario/{scenario(compiled, 'path', 'soin')}/?student={student}"
    posts: list[str] = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    page.goto(url)

    page.locator('[data-open="placement"]').click()
    asked = take_quiz_wrongly(page, bank)
    assert asked >= 2
    decisions = page.locator(".ts-results li")
    assert {
        decisions.nth(i).get_attribute("data-decision")
        for i in range(decisions.count())
    } == {"remediation"}
    page.get_by_role("button", name="Voir mon parcours").click()

    first = page.locator(".ts-steps li").first
    module_id = first.get_attribute("data-module")
    assert module_id is not None
    expect(first.locator(".ts-reason")).to_have_text(re.compile(r"\S"))
    first.locator(f'[data-open="{module_id}"]').click()
    module = compiled["modules"][module_id]
    learner = BlockLearner(page, module)
    slot = page.locator(f'.ts-path-slot[data-slot="{module_id}"]')
    expect(slot).to_be_visible()
    usage = slot.locator("[data-usage]").first.get_attribute("data-usage")
    assert usage is not None

    target = next(
        i
        for i, s in enumerate(module["screens"])
        if s["activity"] and s["activity"]["scored"]
    )
    for _ in range(target):
        learner.next()
    screen = module["screens"][target]
    expect(page.locator("#ts-screen-title")).to_have_text(screen["title"])
    learner.answer(screen, right=True)
    expect(
        page.locator(f'[data-screen="{screen["id"]}"] .ts-feedback-good')
    ).to_be_visible()

    stored = workbench.user_state(student, usage)
    assert stored["answers"] and screen["id"] in stored["answers"]
    assert stored["seq"] == 1
    assert stored["state"].startswith("1|" + module["version"][:6] + "|")

    answer_posts = len([u for u in posts if "/answer/" in u])
    page.reload()
    expect(page.locator(f'.ts-path-slot[data-slot="{module_id}"]')).to_be_visible()
    expect(page.locator("#ts-screen-title")).to_have_text(screen["title"])
    expect(
        page.get_by_text("Vous reprenez là où vous vous étiez arrêté.")
    ).to_be_visible()
    expect(
        page.locator(f'[data-screen="{screen["id"]}"] .ts-feedback-good')
    ).to_be_visible()
    assert (
        len([u for u in posts if "/answer/" in u]) == answer_posts
    )  # restored, not re-sent

    for index in range(target, len(module["screens"])):
        current = module["screens"][index]
        # Look at the screen before acting, as a learner does: Next waits for
        # the server's evaluation of the previous answer first.
        learner.expect_heading(current["title"], f"screen {index}")
        if index > target and current["activity"]:
            learner.answer(current, right=True)
            # and reads the feedback before moving on (it scrolls into view)
            expect(
                page.locator(f'[data-screen="{current["id"]}"] .ts-feedback-good')
            ).to_be_visible()
        learner.next()
    expect(page.locator("#ts-screen-title")).to_have_text("Bilan du module")
    stored = eventually(
        lambda: workbench.user_state(student, usage),
        lambda s: len(s["seen"]) == len(module["screens"]),
    )
    assert set(stored["answers"]) == {
        s["id"] for s in module["screens"] if s["activity"]
    }, (stored["state"], stored["seq"], list(stored["answers"]))

    events = eventually(  # the path publishes right after the module's own save
        lambda: workbench.events(student),
        lambda found: any(
            e["event"] == "grade" and e["data"]["value"] > 0 for e in found
        ),
    )
    module_events = [e for e in events if e["usage_id"] == usage]
    assert {"completion": 1.0} in [
        e["data"] for e in module_events if e["event"] == "completion"
    ]
    assert not [
        e for e in module_events if e["event"] == "grade"
    ]  # ungraded inside a path
    path_events = [e for e in events if e["block_type"] == "tisseuse_path"]
    grades = [e["data"] for e in path_events if e["event"] == "grade"]
    completions = [
        e["data"]["completion"] for e in path_events if e["event"] == "completion"
    ]
    assert grades and grades[-1]["max_value"] == 1.0 and grades[-1]["value"] > 0
    assert completions and 0 < completions[-1] < 1

    page.get_by_role("button", name="← Retour au parcours").click()
    expect(page.locator(f'.ts-steps [data-open="{module_id}"]')).to_contain_text(
        "Terminé"
    )


def test_a_standalone_module_publishes_its_own_grade_and_completion(
    page: Page, workbench: Workbench, compiled: Json
) -> None:
    student = "learner-module"
    module_id = next(iter(compiled["modules"]))
    module = compiled["modules"][module_id]
    page.goto(
        f"{workbench.url}/scenario/{scenario(compiled, 'module', module_id)}/?student={student}"
    )
    learner = BlockLearner(page, module)
    learner.play_to_the_end(right=True)
    usage = page.locator("[data-usage]").first.get_attribute("data-usage")
    events = eventually(
        lambda: [e for e in workbench.events(student) if e["usage_id"] == usage],
        lambda found: {"completion": 1.0} in [e["data"] for e in found],
    )
    scored = sum(
        1 for s in module["screens"] if s["activity"] and s["activity"]["scored"]
    )
    assert [e["data"] for e in events if e["event"] == "grade"][-1] == {
        "value": scored,
        "max_value": scored,
    }
    assert [e["data"] for e in events if e["event"] == "completion"][-1] == {
        "completion": 1.0
    }
    expect(page.locator(".ts-score-value")).to_contain_text("100")


SLOW_ANSWERS = """
(() => {
  const send = window.fetch.bind(window);
  window.fetch = (url, options) =>
    /\\/answer\\/?(\\?|$)/.test(String(url))
      ? new Promise((wait) => setTimeout(wait, 1500)).then(() => send(url, options))
      : send(url, options);
})();
"""


def test_a_quick_learner_on_a_slow_network_gets_the_score_the_server_grades(
    page: Page, workbench: Workbench, compiled: Json
) -> None:
    """Every answer takes 1.5 s to reach the server, and the learner taps Next
    right after Check: the player waits for each evaluation, so the summary
    shows the grade the server records, not one answer short."""
    page.add_init_script(SLOW_ANSWERS)
    student = "learner-slow-network"
    module_id = next(iter(compiled["modules"]))
    module = compiled["modules"][module_id]
    page.goto(
        f"{workbench.url}/scenario/{scenario(compiled, 'module', module_id)}/?student={student}"
    )
    BlockLearner(page, module).play_to_the_end(right=True)
    usage = page.locator("[data-usage]").first.get_attribute("data-usage")
    scored = sum(
        1 for s in module["screens"] if s["activity"] and s["activity"]["scored"]
    )
    eventually(
        lambda: [e for e in workbench.events(student) if e["usage_id"] == usage],
        lambda found: (
            {"value": scored, "max_value": scored}
            in [e["data"] for e in found if e["event"] == "grade"]
        ),
    )
    expect(page.locator(".ts-score-value")).to_contain_text(
        f"100 % ({scored} bonnes réponses sur {scored})"
    )
