"""'Où en suis-je ?' in the web preview, on a tablet, by touch."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from playwright.sync_api import Page, expect

from tests.browser.conftest import summarise


def take_quiz(page: Page, base: str, path: str, right: Callable[[str], bool]) -> int:
    """Answer every question by tapping; ``right(competence)`` says how."""
    page.goto(f"{base}/paths/{path}.html")
    page.get_by_text("Où en suis-je ? Faire le questionnaire").tap()
    page.get_by_text("Commencer le questionnaire").tap()
    asked = 0
    while page.locator(".ts-check").count():
        item, competence, key, options = page.evaluate(
            """() => { const q = Tisseuse.quiz, id = Tisseuse.placement.nextItem(q.bank, q.answers(), q.state.seed);
                       const item = q.bank.items.find(i => i.id === id);
                       return [id, item.competence, q.data.key[id], q.data.content[id].options.map(o => o.id)]; }"""
        )
        chosen = (
            key["correct"]
            if right(competence)
            else [o for o in options if o not in key["correct"]][:1]
        )
        for option in chosen:
            page.locator(f'label[for="ts-q-{item}-{option}"]').tap()
        page.locator(".ts-check").tap()
        asked += 1
    return asked


def open_my_path(page: Page) -> None:
    """From the results, go to the path page and wait for the personal route."""
    page.get_by_text("Voir mon parcours").tap()
    page.wait_for_url("**/paths/*.html")
    expect(page.locator("h2", has_text="Votre parcours personnalisé")).to_be_visible()


def route_on_page(page: Page) -> dict[str, str]:
    steps = page.locator(".ts-route-step")
    return {
        steps.nth(i).get_attribute("data-module") or "": (
            steps.nth(i).get_attribute("class") or ""
        )
        for i in range(steps.count())
    }


def test_a_confident_learner_lands_on_a_path_that_skips_what_they_master(
    page: Page, sites: dict[str, str]
) -> None:
    asked = take_quiz(page, sites["catalogue"], "soin", lambda competence: True)
    assert 8 <= asked <= 24
    expect(page.locator(".ts-results")).to_contain_text(
        "vous maîtrisez déjà l'essentiel"
    )
    open_my_path(page)
    route = route_on_page(page)
    assert route and all("ts-route-optional" in c for c in route.values())
    expect(page.locator(".ts-route-step").first).to_contain_text(
        "ce module est facultatif"
    )
    page.locator(".ts-route-step a").first.tap()  # a skipped module still opens
    expect(page.locator(".ts-player")).to_be_visible()


def test_a_mixed_learner_gets_the_basics_first_where_they_struggle(
    page: Page, sites: dict[str, str]
) -> None:
    take_quiz(page, sites["catalogue"], "soin", lambda c: c == "ecrits-professionnels")
    open_my_path(page)
    route = route_on_page(page)
    assert "ts-route-optional" in route["t1-transmissions-ciblees"]  # mastered
    assert "ts-route-recommended" in route["t2-messagerie-securisee"]
    modules = list(route)
    assert modules.index("t2-destinataires-hameconnage") < modules.index(
        "t2-messagerie-securisee"
    )
    assert modules[0].startswith("t0-")  # weak digital basics: basics first


def test_the_quiz_resumes_after_a_reload(page: Page, sites: dict[str, str]) -> None:
    page.goto(f"{sites['catalogue']}/placement/administratif.html")
    page.get_by_text("Commencer le questionnaire").tap()
    for _ in range(3):
        page.locator(".ts-option-label").first.tap()
        page.locator(".ts-check").tap()
    page.reload()
    expect(page.locator(".ts-progress-label")).to_have_text("Question 4 sur 24 au plus")


def test_every_answer_is_explained_at_the_end(
    page: Page, sites: dict[str, str]
) -> None:
    asked = take_quiz(
        page, sites["catalogue"], "administratif", lambda c: c != "messagerie"
    )
    page.locator(".ts-details summary").tap()
    review = page.locator(".ts-review > li")
    expect(review).to_have_count(asked)
    first = review.first
    assert first.locator(".ts-mark").count() == first.locator(".ts-option").count()


def test_axe_finds_no_violation_in_the_quiz(
    page: Page, sites: dict[str, str], axe: Callable[[], list[dict[str, Any]]]
) -> None:
    page.goto(f"{sites['catalogue']}/placement/educatif-social.html")
    assert axe() == [], summarise(axe())
    page.get_by_text("Commencer le questionnaire").tap()
    violations = axe()
    assert violations == [], summarise(violations)
    take_quiz(
        page, sites["catalogue"], "educatif-social", lambda c: c == "posture-ecran"
    )
    page.locator(".ts-details summary").tap()
    violations = axe()
    assert violations == [], summarise(violations)
    open_my_path(page)
    violations = axe()
    assert violations == [], summarise(violations)
