"""SCORM packages in Chromium, with scorm-again (npm) as the LMS.

The packages are unzipped as an LMS would, and launched from a stand-in LMS
page (tests/browser/lms/) in an iframe or a pop-up. Assertions read what the
LMS stored: a snapshot of the data model at each successful commit.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Frame, Page, expect

from builder.audit.learner import Learner
from builder.loader import load_catalogue
from builder.projection import project_module
from builder.state_budget import worst_case_state
from tests.conftest import REPO, ROOTS

VERSIONS = ["12", "2004"]
# mod/scorm/datamodels/scorm_12.js: CMITimespan as Moodle validates it
MOODLE_TIMESPAN = r"([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?"
TARGET = {"12": "scorm12", "2004": "scorm2004"}

HARNESS = REPO / "builder" / "bench" / "lms"
SCORM_AGAIN = REPO / "node_modules" / "scorm-again" / "dist" / "scorm-again.min.js"
CATALOGUE_MODULES = sorted(
    p.parent.name for p in (REPO / "modules").glob("*/module.yaml")
)


def launch(
    page: Page,
    lms: str,
    version: str,
    package: str,
    *,
    mode: str = "iframe",
    delay: int = 0,
    seed: dict[str, Any] | None = None,
    sco: str = "index.html",
    objectives: list[dict[str, str]] | None = None,
) -> Learner:
    query = {
        "version": version,
        "sco": f"/pkg/{TARGET[version]}/{package}/{sco}",
        "mode": mode,
    }
    if objectives:
        query["objectives"] = json.dumps(objectives)
    if delay:
        query["delay"] = str(delay)
    if seed:
        query["seed"] = json.dumps(seed)
    page.goto(f"{lms}/lms/harness.html?{urlencode(query)}")
    doc: Page | Frame
    if mode == "popup":
        with page.expect_popup() as popup:
            page.locator("#launch").click()
        doc = popup.value
    else:
        page.wait_for_function("document.getElementById('sco') !== null")
        doc = next(f for f in _wait_frames(page) if "/pkg/" in f.url)
    doc.wait_for_function("() => window.Tisseuse && window.Tisseuse.ready")
    doc.evaluate("Tisseuse.ready.then(() => true)")
    return Learner(page, "touch", doc)


def _wait_frames(page: Page) -> Iterator[Frame]:
    page.wait_for_function(
        "document.getElementById('sco').contentWindow.Tisseuse !== undefined"
    )
    yield from page.frames


def unload(page: Page, learner: Learner) -> None:
    """Leave the SCO as a learner does: close the pop-up or leave the page."""
    if learner.doc is not page and isinstance(learner.doc, Page):
        learner.doc.evaluate("window.close()")
    else:
        page.evaluate("document.getElementById('sco').src = 'about:blank'")
    page.wait_for_function("window.harness.finished === true")


def stored(page: Page) -> dict[str, Any]:
    persisted: dict[str, Any] = page.evaluate("window.harness.persisted")
    assert persisted is not None, "the LMS stored nothing"
    return persisted["cmi"]


def calls(page: Page) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = page.evaluate("window.harness.calls")
    return result


def interactions(cmi: dict[str, Any]) -> list[dict[str, Any]]:
    found = cmi.get("interactions") or {}
    items = found.get("childArray", found) if isinstance(found, dict) else found
    if isinstance(items, dict):
        items = [items[k] for k in sorted(items, key=int)]
    return list(items)


def seconds(timespan: str) -> float:
    hours, minutes, rest = timespan.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(rest)


def projection_of(project: Path, module: str) -> dict[str, Any]:
    catalogue, report = load_catalogue(project)
    assert catalogue is not None, report.lines()
    return project_module(catalogue, catalogue.modules_by_id[module])


@pytest.mark.parametrize("version", VERSIONS)
def test_finished_module_reports_status_score_interactions_and_time(
    page: Page, lms: str, version: str
) -> None:
    learner = launch(page, lms, version, "demo")
    answered = [s for s in learner.module["screens"] if s["activity"]]
    learner.play_to_the_end(right=True)
    unload(page, learner)
    cmi = stored(page)
    records = interactions(cmi)
    assert [r["id"] for r in records] == [s["id"] for s in answered]
    if version == "12":
        core = cmi["core"]
        assert core["lesson_status"] == "passed"  # mastery 50, every answer right
        assert core["score"] == {"raw": "100", "min": "0", "max": "100"} | {
            k: v for k, v in core["score"].items() if k not in ("raw", "min", "max")
        }
        assert core["exit"] == "suspend"
        sent = [
            c["args"][1]
            for c in calls(page)
            if c["args"][:1] == ["cmi.core.session_time"]
        ]
        assert sent and all(
            re.fullmatch(r"\d{4}:\d{2}:\d{2}\.\d{2}", t) for t in sent
        ), sent
        assert re.fullmatch(
            MOODLE_TIMESPAN, core["session_time"]
        )  # what Moodle accepts
        assert seconds(core["session_time"]) == pytest.approx(
            seconds(sent[-1]), abs=0.01
        )
        assert [r["type"] for r in records] == [
            "choice",
            "choice",
            "sequencing",
            "matching",
            "choice",
            "performance",
        ]
        assert {r["result"] for r in records} == {"correct"}
        assert all(re.fullmatch(MOODLE_TIMESPAN, r["latency"]) for r in records)
        assert records[0]["student_response"] == "a"
        assert records[3]["student_response"] == "a.a,b.b"
    else:
        assert cmi["completion_status"] == "completed"
        assert cmi["success_status"] == "passed"
        assert cmi["score"]["scaled"] == "1"
        assert cmi["score"]["raw"] == "100"
        assert cmi["exit"] == "suspend"
        assert re.fullmatch(r"PT(\d+H)?(\d+M)?[\d.]+S", cmi["session_time"])
        assert [r["type"] for r in records] == [
            "choice",
            "choice",
            "sequencing",
            "matching",
            "choice",
            "other",
        ]
        assert {r["result"] for r in records} == {"correct"}
        assert records[0]["learner_response"] == "equipe"
        assert records[2]["learner_response"] == "cible[,]donnees[,]actions"
        assert records[0]["description"] == "Qui peut lire la note\u202f?"
    assert cmi["suspend_data"].startswith("1|")


@pytest.mark.parametrize("version", VERSIONS)
def test_displayed_score_equals_stored_score(
    page: Page, lms: str, version: str
) -> None:
    learner = launch(page, lms, version, "demo")
    screens = learner.module["screens"]
    for index, screen in enumerate(screens):
        if screen["activity"]:
            learner.answer(screen, right=index > 2)  # the first two activities wrong
        learner.next()
    shown = learner.doc.locator(".ts-score-value").inner_text()
    assert "67 %" in shown  # 4 right out of 6
    page.wait_for_function("window.harness.persisted !== null")
    cmi = stored(page)
    raw = cmi["core"]["score"]["raw"] if version == "12" else cmi["score"]["raw"]
    assert raw == "67"
    if version == "2004":
        assert cmi["score"]["scaled"] == "0.67"


@pytest.mark.parametrize("version", VERSIONS)
def test_a_mastery_module_stores_no_score_before_it_is_completed(
    page: Page, lms: str, version: str
) -> None:
    learner = launch(page, lms, version, "demo")
    learner.next()
    learner.answer(learner.module["screens"][1], right=True)
    cmi = stored(page)
    if version == "12":
        assert cmi["core"]["lesson_status"] == "incomplete"
        assert cmi["core"]["score"]["raw"] == ""
    else:
        assert cmi["completion_status"] == "incomplete"
        assert cmi["success_status"] == "unknown"
        assert cmi["score"]["raw"] == ""
    assert len(interactions(cmi)) == 1


@pytest.mark.parametrize("version", VERSIONS)
def test_relaunch_resumes_on_the_same_screen_with_the_same_answers(
    page: Page, lms: str, version: str
) -> None:
    learner = launch(page, lms, version, "demo")
    screens = learner.module["screens"]
    learner.next()
    learner.answer(screens[1], right=False)
    learner.next()
    learner.answer(screens[2], right=True)
    learner.next()
    learner.next()
    before = learner.state()
    unload(page, learner)
    seed = page.evaluate("window.harness.persisted")

    again = launch(page, lms, version, "demo", seed=seed)
    assert again.heading() == screens[4]["title"]
    assert again.state()["answers"] == before["answers"]
    expect(again.doc.locator(".ts-notice")).to_contain_text("Vous reprenez")
    for _ in range(3):
        again.doc.locator(".ts-prev").tap()
    expect(again.doc.locator("#ts-qui-famille")).to_be_checked()
    expect(again.doc.locator(".ts-feedback-bad")).to_be_visible()


@pytest.mark.parametrize("version", VERSIONS)
def test_a_commit_refused_at_unload_loses_nothing_already_committed(
    page: Page, lms: str, version: str
) -> None:
    learner = launch(page, lms, version, "demo")
    screens = learner.module["screens"]
    learner.next()
    learner.answer(screens[1], right=True)
    learner.next()
    learner.answer(screens[2], right=True)
    committed = stored(page)
    page.evaluate("window.harness.refuseCommits = true")
    unload(page, learner)
    refused = [c for c in calls(page) if c["result"] == "false"]
    assert refused, "the LMS refused nothing: the test did not exercise a refusal"
    cmi = stored(page)
    assert cmi["suspend_data"] == committed["suspend_data"]
    assert len(interactions(cmi)) == 2

    again = launch(
        page, lms, version, "demo", seed=page.evaluate("window.harness.persisted")
    )
    assert set(again.state()["answers"]) == {"qui", "faits"}


@pytest.mark.parametrize("version", VERSIONS)
def test_nothing_is_called_after_finish(page: Page, lms: str, version: str) -> None:
    learner = launch(page, lms, version, "demo")
    learner.play_to_the_end(right=False)
    unload(page, learner)
    made = calls(page)
    finish = "LMSFinish" if version == "12" else "Terminate"
    assert [c["method"] for c in made].count(finish) == 1
    assert [c for c in made if c["afterFinish"]] == []


@pytest.mark.parametrize("version", VERSIONS)
def test_an_api_that_appears_two_seconds_late_is_found(
    page: Page, lms: str, version: str
) -> None:
    learner = launch(page, lms, version, "demo", delay=2000)
    made = calls(page)
    assert made[0]["method"] in ("LMSInitialize", "Initialize")
    assert made[0]["result"] == "true"
    assert page.evaluate("window.harness.calls[0].at - window.harness.installedAt") >= 0
    expect(learner.doc.locator(".ts-notice")).not_to_contain_text("Aucune plateforme")


@pytest.mark.parametrize("version", VERSIONS)
def test_a_popup_finds_the_api_through_its_opener(
    page: Page, lms: str, version: str
) -> None:
    learner = launch(page, lms, version, "demo", mode="popup")
    learner.play_to_the_end(right=True)
    unload(page, learner)
    cmi = stored(page)
    status = cmi["core"]["lesson_status"] if version == "12" else cmi["success_status"]
    assert status == "passed"


@pytest.mark.parametrize("version", VERSIONS)
def test_first_load_makes_few_api_calls(
    page: Page, lms_catalogue: str, version: str
) -> None:
    launch(page, lms_catalogue, version, "t1-transmissions-ciblees")
    assert len(calls(page)) <= 12, [
        c["method"] + " " + str(c["args"]) for c in calls(page)
    ]


@pytest.mark.parametrize("version", VERSIONS)
def test_without_an_lms_the_module_runs_standalone_and_says_so(
    page: Page, lms: str, version: str
) -> None:
    page.goto(f"{lms}/pkg/{TARGET[version]}/demo/index.html")
    notice = page.locator(".ts-notice")
    expect(notice).to_contain_text("Aucune plateforme de formation", timeout=10000)
    learner = Learner(page, "touch")
    learner.next()
    page.reload()
    page.evaluate("Tisseuse.ready.then(() => true)")
    assert learner.state()["index"] == 1


@pytest.mark.parametrize("version", ["12"])
@pytest.mark.parametrize("module", CATALOGUE_MODULES)
def test_suspend_data_stays_within_the_scorm12_budget(
    page: Page, lms_catalogue: str, version: str, module: str
) -> None:
    learner = launch(page, lms_catalogue, version, module)
    learner.play_to_the_end(right=False)
    learner.doc.locator(".ts-activity-list button").first.tap()
    unload(page, learner)
    written = [
        len(c["args"][1])
        for c in calls(page)
        if c["method"] == "LMSSetValue" and c["args"][0] == "cmi.suspend_data"
    ]
    assert page.evaluate("window.harness.rejected") == []
    assert max(written) <= worst_case_state(projection_of(REPO, module)) <= 4096


@pytest.mark.parametrize("module", ["demo"])
def test_the_python_budget_is_the_true_worst_case(
    page: Page, lms: str, module: str
) -> None:
    """Build the longest possible state in the browser: its length is the budget."""
    learner = launch(page, lms, "2004", module)
    longest = learner.doc.evaluate(
        """() => {
          const m = Tisseuse.player.module, s = Tisseuse.state.empty(m);
          s.seen = s.seen.map(() => true); s.index = m.screens.length - 1;
          for (const screen of m.screens) {
            const a = screen.activity; if (!a) continue;
            const all = (list) => list.filter(x => x.id).map(x => x.id);
            if (a.type === 'single_choice') s.answers[screen.id] = a.options[a.options.length - 1].id;
            if (a.type === 'multiple_choice') s.answers[screen.id] = all(a.options);
            if (a.type === 'ordering') s.answers[screen.id] = all(a.steps);
            if (a.type === 'spot_the_problem') s.answers[screen.id] = all(a.segments);
            if (a.type === 'categorise') s.answers[screen.id] = Object.fromEntries(
                a.items.map(i => [i.id, a.categories[a.categories.length - 1].id]));
            if (a.type === 'scenario') {
              let best = [], walk = (node, path) => { if (!node.choices.length) { if (path.join('.').length > best.join('.').length) best = path; return; }
                node.choices.forEach((c, i) => { const next = m.screens.find(x => x.id === screen.id).activity.nodes.find(n => n.id === c.next);
                  if (next) walk(next, path.concat(c.id)); else if (path.concat(c.id).join('.').length > best.join('.').length) best = path.concat(c.id); }); };
              walk(a.nodes[0], []); s.answers[screen.id] = best;
            }
            s.interactions.push(screen.id);
          }
          return Tisseuse.state.encode(m, s).length;
        }"""
    )
    assert longest == worst_case_state(projection_of(ROOTS / "minimal", module))
