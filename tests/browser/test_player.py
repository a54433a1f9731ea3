"""The player in Chromium on a tablet viewport, as learners meet it."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from builder.audit.learner import Learner
from tests.conftest import REPO

CATALOGUE_MODULES = sorted(
    p.parent.name for p in (REPO / "modules").glob("*/module.yaml")
)


def open_module(page: Page, base: str, module: str) -> Learner:
    page.goto(f"{base}/modules/{module}/index.html")
    page.wait_for_function("window.Tisseuse && window.Tisseuse.ready")
    page.evaluate("Tisseuse.ready.then(() => true)")
    return Learner(page, "touch")


@pytest.mark.parametrize("module", CATALOGUE_MODULES)
def test_touch_learner_finishes_each_module(
    page: Page, sites: dict[str, str], module: str
) -> None:
    learner = open_module(page, sites["catalogue"], module)
    learner.play_to_the_end(right=True)
    summary = page.locator(".ts-summary")
    expect(summary).to_contain_text("Vous avez vu tous les écrans du module.")
    expect(summary).to_contain_text("Résultat : 100 %")
    expect(summary).to_contain_text("Bravo, vous avez atteint le seuil de réussite")
    progress = page.evaluate("Tisseuse.player.progressOf()")
    assert progress["completed"] is True
    assert progress["passed"] is True
    assert progress["score"]["raw"] == 100
    page.goto(f"{sites['catalogue']}/index.html")
    expect(page.locator(f'[data-progress-module="{module}"]')).to_have_text("Terminé")


def test_keyboard_learner_finishes_every_activity_type(
    page: Page, sites: dict[str, str]
) -> None:
    learner = open_module(page, sites["minimal"], "demo")
    learner.mode = "keyboard"
    types = {s["activity"]["type"] for s in learner.module["screens"] if s["activity"]}
    assert len(types) == 6
    learner.play_to_the_end(right=True)
    expect(page.locator(".ts-summary")).to_contain_text("Résultat : 100 %")


def test_keyboard_learner_finishes_a_catalogue_module(
    page: Page, sites: dict[str, str]
) -> None:
    learner = open_module(page, sites["catalogue"], "t1-transmissions-ciblees")
    learner.mode = "keyboard"
    learner.play_to_the_end(right=True)
    expect(page.locator(".ts-summary")).to_contain_text("Résultat : 100 %")


def test_wrong_answers_get_feedback_and_a_lower_score(
    page: Page, sites: dict[str, str]
) -> None:
    learner = open_module(page, sites["minimal"], "demo")
    learner.play_to_the_end(right=False)
    progress = page.evaluate("Tisseuse.player.progressOf()")
    assert progress["score"]["raw"] == 0
    assert progress["passed"] is False
    expect(page.locator(".ts-summary")).to_contain_text(
        "Le seuil de réussite est de 50 %"
    )
    page.locator(".ts-activity-list button").first.tap()
    expect(page.locator(".ts-feedback-bad")).to_contain_text(
        "Ce n'est pas tout à fait ça."
    )
    expect(page.locator(".ts-mark-bad").first).to_be_visible()


def test_every_option_shows_its_feedback_after_checking(
    page: Page, sites: dict[str, str]
) -> None:
    learner = open_module(page, sites["minimal"], "demo")
    learner.next()
    learner.answer(learner.module["screens"][1], right=True)
    marks = page.locator('[data-screen="qui"] .ts-mark')
    expect(marks).to_have_count(2)
    expect(marks.nth(0)).to_contain_text("Oui.")
    expect(marks.nth(1)).to_contain_text("Non, pas en général.")
    assert page.evaluate("document.activeElement.textContent") == "Réessayer"
    page.locator(".ts-retry").tap()
    expect(marks).to_have_count(0)
    expect(page.locator('[data-screen="qui"] input:checked')).to_have_count(0)


def test_reload_resumes_on_the_same_screen_with_the_same_answers(
    page: Page, sites: dict[str, str]
) -> None:
    learner = open_module(page, sites["minimal"], "demo")
    screens = learner.module["screens"]
    learner.next()
    learner.answer(screens[1], right=False)
    learner.next()
    learner.answer(screens[2], right=True)
    learner.next()
    learner.next()
    before = learner.state()
    assert before["index"] == 4

    page.reload()
    page.evaluate("Tisseuse.ready.then(() => true)")
    assert learner.heading() == screens[4]["title"]
    expect(page.locator(".ts-notice")).to_contain_text(
        "Vous reprenez là où vous vous étiez arrêté."
    )
    assert learner.state()["answers"] == before["answers"]
    for _ in range(3):
        page.locator(".ts-prev").tap()
    assert learner.heading() == screens[1]["title"]
    expect(page.locator("#ts-qui-famille")).to_be_checked()
    expect(page.locator(".ts-feedback-bad")).to_be_visible()
    expect(page.locator(".ts-retry")).to_be_visible()


def test_start_over_clears_the_saved_state(page: Page, sites: dict[str, str]) -> None:
    learner = open_module(page, sites["minimal"], "demo")
    learner.next()
    learner.answer(learner.module["screens"][1])
    learner.next()
    page.reload()
    page.evaluate("Tisseuse.ready.then(() => true)")
    page.locator(".ts-notice button").tap()
    assert learner.heading() == learner.module["screens"][0]["title"]
    assert learner.state()["answers"] == {}
    page.reload()
    page.evaluate("Tisseuse.ready.then(() => true)")
    assert learner.state()["index"] == 0


def test_an_updated_module_restarts_with_a_notice(
    page: Page, sites: dict[str, str]
) -> None:
    learner = open_module(page, sites["minimal"], "demo")
    learner.next()
    learner.next()
    page.evaluate(
        """() => { for (const k of Object.keys(localStorage)) {
             if (!k.endsWith(':progress')) localStorage.setItem(k,
               localStorage.getItem(k).replace(/^1\\|[0-9a-f]{6}/, '1|000000')); } }"""
    )
    page.reload()
    page.evaluate("Tisseuse.ready.then(() => true)")
    assert learner.state()["index"] == 0
    expect(page.locator(".ts-notice")).to_contain_text("Ce module a été mis à jour")


def test_state_survives_encoding_for_every_activity_type(
    page: Page, sites: dict[str, str]
) -> None:
    learner = open_module(page, sites["minimal"], "demo")
    learner.play_to_the_end(right=True)
    result = page.evaluate(
        """() => {
          const m = Tisseuse.player.module, s = Tisseuse.player.state;
          const text = Tisseuse.state.encode(m, s);
          const back = Tisseuse.state.decode(m, text);
          return {text, same: JSON.stringify(back.state.answers) === JSON.stringify(s.answers)
                  && JSON.stringify(back.state.interactions) === JSON.stringify(s.interactions),
                  reason: back.reason, atEnd: back.state.atEnd,
                  garbage: Tisseuse.state.decode(m, 'nonsense').reason};
        }"""
    )
    assert result["same"] and result["reason"] is None and result["atEnd"]
    assert result["garbage"] == "invalid"
    assert re.fullmatch(
        r"1\|[0-9a-f]{6}\|e\|[0-9a-f]+\|[0-9a-z:.,_]+\|[0-9a-z.]+", result["text"]
    )
    assert len(result["text"]) < 80


def test_focus_moves_to_each_new_screen(page: Page, sites: dict[str, str]) -> None:
    learner = open_module(page, sites["minimal"], "demo")
    learner.next()
    assert page.evaluate("document.activeElement.id") == "ts-screen-title"
    assert page.evaluate("document.activeElement.textContent") == "Qui lit\u202f?"


def test_read_aloud_speaks_the_screen_in_french(
    page: Page, sites: dict[str, str]
) -> None:
    page.add_init_script(
        """window.__spoken = []; window.__cancels = 0;
        Object.defineProperty(window, 'speechSynthesis', {configurable: true, value: {
          speak(u) { window.__spoken.push({text: u.text, lang: u.lang}); },
          cancel() { window.__cancels += 1; }, getVoices() { return []; } }});"""
    )
    open_module(page, sites["minimal"], "demo")
    listen = page.locator(".ts-listen")
    expect(listen).to_have_text(re.compile("Écouter"))
    listen.tap()
    expect(listen).to_have_attribute("aria-pressed", "true")
    spoken: list[dict[str, str]] = page.evaluate("window.__spoken")
    assert {u["lang"] for u in spoken} == {"fr-FR"}
    text = " ".join(u["text"] for u in spoken)
    assert text.startswith("Une situation.")
    assert "Il est 3 h 10." in text
    assert "Un schéma gris" not in text  # alt text of an image is not read twice
    listen.tap()
    expect(listen).to_have_attribute("aria-pressed", "false")
    assert page.evaluate("window.__cancels") >= 1


def test_without_speech_synthesis_the_button_says_why(
    page: Page, sites: dict[str, str]
) -> None:
    page.add_init_script(
        "delete window.speechSynthesis; window.speechSynthesis = undefined;"
    )
    open_module(page, sites["minimal"], "demo")
    listen = page.locator(".ts-listen")
    expect(listen).to_be_disabled()
    expect(listen).to_have_attribute("title", re.compile("pas disponible"))


def test_blocked_storage_still_plays_and_warns(
    page: Page, sites: dict[str, str]
) -> None:
    page.add_init_script(
        "Storage.prototype.setItem = function () { throw new Error('QuotaExceededError'); };"
    )
    learner = open_module(page, sites["minimal"], "demo")
    learner.next()
    expect(page.locator(".ts-notice")).to_contain_text(
        "ne peut pas enregistrer votre progression"
    )
    learner.answer(learner.module["screens"][1])
    expect(page.locator(".ts-feedback-good")).to_be_visible()


def visit_every_screen(
    page: Page, learner: Learner, check: Callable[[str], None]
) -> None:
    for index, screen in enumerate(learner.module["screens"]):
        check(f"screen {index} ({screen['id']})")
        if screen["activity"]:
            learner.answer(screen, right=False)
            check(f"screen {index} ({screen['id']}) with feedback")
        learner.next()
    check("summary")


def test_player_controls_are_large_touch_targets(
    page: Page, sites: dict[str, str]
) -> None:
    learner = open_module(page, sites["minimal"], "demo")
    small: list[str] = []

    def check(where: str) -> None:
        found = page.evaluate(
            """() => [...document.querySelectorAll(
                  '.ts-player button, .ts-player .ts-option-label, .ts-player a, .ts-header a')]
                .filter(el => el.offsetParent !== null)
                .map(el => [el.textContent.trim().slice(0, 30), el.getBoundingClientRect()])
                .filter(([, r]) => r.width < 44 || r.height < 44)
                .map(([t, r]) => `${t} ${Math.round(r.width)}x${Math.round(r.height)}`)"""
        )
        small.extend(f"{where}: {item}" for item in found)

    visit_every_screen(page, learner, check)
    assert small == []


@pytest.mark.parametrize(
    "viewport",
    [
        {"width": 810, "height": 1080},
        {"width": 1080, "height": 810},
        {"width": 768, "height": 1024},
        {"width": 1366, "height": 1024},
    ],
    ids=["portrait-810", "landscape-1080", "portrait-768", "landscape-1366"],
)
def test_no_horizontal_scrolling_in_either_orientation(
    page: Page, sites: dict[str, str], viewport: dict[str, int]
) -> None:
    page.set_viewport_size(viewport)
    learner = open_module(page, sites["catalogue"], "t2-messagerie-securisee")
    overflow: list[str] = []

    def check(where: str) -> None:
        if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
            overflow.append(where)

    visit_every_screen(page, learner, check)
    page.goto(f"{sites['catalogue']}/index.html")
    check("home")
    assert overflow == []


def test_reduced_motion_is_respected(page: Page, sites: dict[str, str]) -> None:
    page.emulate_media(reduced_motion="reduce")
    open_module(page, sites["minimal"], "demo")
    duration = page.evaluate(
        "getComputedStyle(document.querySelector('.ts-progress-fill')).transitionDuration"
    )
    assert duration == "0s"


def test_page_has_landmarks_and_a_skip_link(page: Page, sites: dict[str, str]) -> None:
    open_module(page, sites["minimal"], "demo")
    for selector in ("header.ts-header", "main#main", "nav.ts-nav", "footer.ts-footer"):
        expect(page.locator(selector)).to_have_count(1)
    page.keyboard.press("Tab")
    skip = page.locator(".ts-skip")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_a_reflection_activity_has_no_wrong_answer(
    page: Page, sites: dict[str, str]
) -> None:
    learner = open_module(page, sites["catalogue"], "t4-ecran-dans-la-relation")
    screens = learner.module["screens"]
    index = next(
        i
        for i, s in enumerate(screens)
        if s["activity"] and not s["activity"]["scored"]
    )
    page.evaluate(f"Tisseuse.player.show({index})")
    before = page.evaluate("Tisseuse.player.progressOf().score")
    page.locator(f'[data-screen="{screens[index]["id"]}"] .ts-option-label').first.tap()
    page.locator(".ts-check").tap()
    feedback = page.locator(".ts-feedback")
    expect(feedback).to_have_class(re.compile("ts-feedback-neutral"))
    expect(feedback).not_to_contain_text("pas tout à fait")
    expect(page.locator(".ts-mark")).to_have_count(
        1
    )  # only the chosen idea is commented
    expect(page.locator(".ts-mark-bad")).to_have_count(0)
    assert page.evaluate("Tisseuse.player.progressOf().score") == before
