"""An English interface around French content, as a learner's browser shows it."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import summarise
from tests.browser.test_player import open_module
from tests.conftest import ROOTS, copy_project, run

SPEECH = """window.__spoken = [];
Object.defineProperty(window, 'speechSynthesis', {configurable: true, value: {
  speak(u) { window.__spoken.push({text: u.text, lang: u.lang}); },
  cancel() {}, getVoices() { return []; } }});"""


@pytest.fixture(scope="module")
def english_site(
    tmp_path_factory: pytest.TempPathFactory, serve_folder: Callable[[Path], str]
) -> str:
    project = copy_project(ROOTS / "minimal", tmp_path_factory.mktemp("english"))
    result = run(["build", "web", "--lang", "en", "-q"], project)
    assert result.exit_code == 0, result.stderr
    return serve_folder(project / "dist" / "web")


def lang_of(page: Page, selector: str) -> str:
    """The language an element is in: its own lang, or its nearest ancestor's."""
    lang: str = page.locator(selector).first.evaluate(
        "el => el.closest('[lang]').getAttribute('lang')"
    )
    return lang


def test_english_controls_french_content_right_voices_and_no_axe_violation(
    page: Page, english_site: str, axe: Callable[[], list[dict[str, Any]]]
) -> None:
    page.add_init_script(SPEECH)
    learner = open_module(page, english_site, "demo")
    expect(page.locator("[data-tisseuse-player]")).to_have_attribute("lang", "fr")
    for control, text in (
        (".ts-next", "Next"),
        (".ts-listen", "Listen"),
        ("#ts-progress-label", "Screen 1 of 7"),
    ):
        expect(page.locator(control)).to_have_text(text)
        assert lang_of(page, control) == "en", control
    assert lang_of(page, "#ts-screen-title") == "fr"
    learner.next()
    learner.next()  # a multiple-choice screen: French prompt, English hint
    screen = learner.module["screens"][2]
    assert lang_of(page, ".ts-hint") == "en"
    assert lang_of(page, "legend.ts-prompt") == "fr"
    page.locator(".ts-listen").tap()
    spoken: list[dict[str, str]] = page.evaluate("window.__spoken")
    voices = {u["text"]: u["lang"] for u in spoken}
    assert voices["There may be more than one right answer."] == "en-GB"
    assert voices[" ".join(screen["activity"]["prompt"].split())] == "fr-FR"
    learner.answer(screen, right=False)
    feedback = page.locator(".ts-feedback-title")
    expect(feedback).to_have_text(re.compile("Not quite."))
    assert lang_of(page, ".ts-feedback-title") == "en"
    assert lang_of(page, ".ts-mark-label") == "en"  # "Your choice: ..." labels
    assert lang_of(page, ".ts-mark") == "fr"  # the module's own feedback
    expect(page.locator(".ts-retry")).to_have_text("Try again")
    violations = axe()
    assert violations == [], summarise(violations)
