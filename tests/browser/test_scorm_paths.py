"""Path packages (one SCO per job-family path) in the stand-in LMS."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Frame, Page, expect

from builder.audit.learner import Learner
from tests.browser.test_scorm import (
    VERSIONS,
    calls,
    interactions,
    launch,
    stored,
    unload,
)


def runner(learner: Learner) -> Page | Frame:
    return learner.doc


def take_quiz(doc: Page | Frame, right: bool) -> int:
    doc.get_by_text("Où en suis-je ? Faire le questionnaire").first.tap()
    doc.get_by_text("Commencer le questionnaire").tap()
    asked = 0
    while doc.locator(".ts-check").count():
        item, key, options = doc.evaluate(
            """() => { const q = Tisseuse.quiz, id = Tisseuse.placement.nextItem(q.bank, q.answers(), q.state.seed);
                       return [id, q.data.key[id], q.data.content[id].options.map(o => o.id)]; }"""
        )
        chosen = (
            key["correct"]
            if right
            else [o for o in options if o not in key["correct"]][:1]
        )
        for option in chosen:
            doc.locator(f'label[for="ts-q-{item}-{option}"]').tap()
        doc.locator(".ts-check").tap()
        asked += 1
    return asked


def status_of(cmi: dict[str, Any], version: str) -> str:
    return cmi["core"]["lesson_status"] if version == "12" else cmi["completion_status"]


def objectives(cmi: dict[str, Any]) -> list[dict[str, Any]]:
    found = cmi.get("objectives") or {}
    items = found.get("childArray", found) if isinstance(found, dict) else found
    if isinstance(items, dict):
        items = [items[k] for k in sorted(items, key=int)]
    return list(items)


@pytest.mark.parametrize("version", VERSIONS)
def test_a_confident_learner_takes_the_quiz_and_the_path_completes(
    page: Page, lms_catalogue: str, version: str
) -> None:
    learner = launch(page, lms_catalogue, version, "path-soin")
    doc = runner(learner)
    asked = take_quiz(doc, right=True)
    doc.get_by_text("Voir mon parcours").tap()
    expect(doc.locator(".ts-route-optional")).to_have_count(3)
    cmi = stored(page)
    assert status_of(cmi, version) == "completed"  # nothing left to do
    found = {o["id"]: o for o in objectives(cmi)}
    assert set(found) == {
        "ecrits-professionnels",
        "posture-ecran",
        "messagerie",
        "numerique-de-base",
    }
    if version == "12":
        assert {o["status"] for o in found.values()} == {"passed"}
    else:
        assert {o["success_status"] for o in found.values()} == {"passed"}
        assert cmi["success_status"] == "unknown"  # a path has no pass mark
    records = interactions(cmi)
    assert len(records) == asked
    assert all(r["id"].startswith("placement.") for r in records)


@pytest.mark.parametrize("version", VERSIONS)
def test_a_learner_who_skips_the_quiz_plays_modules_in_place_and_resumes(
    page: Page, lms_catalogue: str, version: str
) -> None:
    learner = launch(page, lms_catalogue, version, "path-administratif")
    doc = runner(learner)
    doc.get_by_text("Passer et voir tout le parcours").tap()
    expect(doc.locator(".ts-route-recommended")).to_have_count(3)
    doc.locator("[data-open]").first.tap()
    doc.wait_for_function(
        "() => window.Tisseuse.player && window.Tisseuse.player.module"
    )
    first = learner.module
    learner.play_to_the_end(right=True)
    doc.get_by_text("← Retour au parcours").tap()
    expect(doc.locator(".ts-progress-label")).to_contain_text("1 sur 3")
    cmi = stored(page)
    assert status_of(cmi, version) == "incomplete"
    ids = [r["id"] for r in interactions(cmi)]
    assert ids and all(i.startswith(first["id"] + ".") for i in ids)

    doc.locator("[data-open]").nth(1).tap()
    doc.wait_for_function(
        "(id) => window.Tisseuse.player.module.id !== id", arg=first["id"]
    )
    learner.next()
    learner.next()
    unload(page, learner)
    seed = page.evaluate("window.harness.persisted")
    again = launch(page, lms_catalogue, version, "path-administratif", seed=seed)
    again.doc.wait_for_function(
        "() => window.Tisseuse.player && window.Tisseuse.player.module"
    )
    assert again.state()["index"] == 2  # same module, same screen
    again.doc.get_by_text("← Retour au parcours").tap()
    expect(again.doc.locator(".ts-progress-label")).to_contain_text("1 sur 3")


@pytest.mark.parametrize("version", ["12"])
def test_a_path_state_stays_within_budget_and_nothing_is_called_after_finish(
    page: Page, lms_catalogue: str, version: str
) -> None:
    learner = launch(page, lms_catalogue, version, "path-educatif-social")
    doc = runner(learner)
    take_quiz(doc, right=False)
    doc.get_by_text("Voir mon parcours").tap()
    doc.locator("[data-open]").first.tap()
    doc.wait_for_function(
        "() => window.Tisseuse.player && window.Tisseuse.player.module"
    )
    learner.play_to_the_end(right=False)
    unload(page, learner)
    made = calls(page)
    written = [
        len(c["args"][1])
        for c in made
        if c["method"] == "LMSSetValue" and c["args"][0] == "cmi.suspend_data"
    ]
    assert max(written) <= 4096
    assert page.evaluate("window.harness.rejected") == []
    assert [c for c in made if c["afterFinish"]] == []


SEQUENCED = "path-soin-sequenced"


def test_the_placement_sco_writes_the_global_objectives(
    page: Page, lms_catalogue: str
) -> None:
    learner = launch(page, lms_catalogue, "2004", SEQUENCED, sco="placement.html")
    doc = runner(learner)
    # strong on writing, weak elsewhere
    doc.get_by_text("Où en suis-je ? Faire le questionnaire").first.tap()
    doc.get_by_text("Commencer le questionnaire").tap()
    while doc.locator(".ts-check").count():
        item, competence, key, options = doc.evaluate(
            """() => { const q = Tisseuse.quiz, id = Tisseuse.placement.nextItem(q.bank, q.answers(), q.state.seed);
                       return [id, q.bank.items.find(i => i.id === id).competence, q.data.key[id],
                               q.data.content[id].options.map(o => o.id)]; }"""
        )
        right = competence == "ecrits-professionnels"
        for option in (
            key["correct"]
            if right
            else [o for o in options if o not in key["correct"]][:1]
        ):
            doc.locator(f'label[for="ts-q-{item}-{option}"]').tap()
        doc.locator(".ts-check").tap()
    expect(doc.locator(".ts-route")).to_be_visible()
    assert (
        doc.locator(".ts-route [data-open]").count() == 0
    )  # the LMS menu opens modules
    cmi = stored(page)
    status = {o["id"]: o["success_status"] for o in objectives(cmi)}
    assert status["ecrits-professionnels-mastered"] == "passed"
    assert status["ecrits-professionnels-basics"] == "failed"
    assert status["messagerie-mastered"] == "failed"
    assert status["messagerie-basics"] == "passed"
    assert cmi["completion_status"] == "completed"


def test_a_module_the_lms_should_have_skipped_says_it_is_optional(
    page: Page, lms_catalogue: str
) -> None:
    mastered = [
        {"id": "mastered", "success_status": "passed"},
        {"id": "basics", "success_status": "failed"},
    ]
    learner = launch(
        page,
        lms_catalogue,
        "2004",
        SEQUENCED,
        sco="modules/t1-transmissions-ciblees/index.html",
        objectives=mastered,
    )
    expect(learner.doc.locator(".ts-notice")).to_contain_text(
        "n'est pas nécessaire pour vous"
    )
    learner.next()  # and it still plays
    assert learner.state()["index"] == 1


def test_a_module_without_placement_results_plays_without_notice(
    page: Page, lms_catalogue: str
) -> None:
    learner = launch(
        page,
        lms_catalogue,
        "2004",
        SEQUENCED,
        sco="modules/t1-transmissions-ciblees/index.html",
    )
    expect(learner.doc.locator("#ts-screen-title")).to_be_visible()
    expect(learner.doc.locator(".ts-notice")).to_be_empty()
