"""The kit's HTML on a tablet: readable without zoom, large links, accessible.

The PDFs are for paper; the same pages must also work on the shared tablet a
référent carries into the session (Debian's Chromium, tablet viewport).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import summarise
from tests.conftest import ROOTS, copy_project, run
from tests.test_kit_target import add_kit_block

BASE = "https://formation.example.org/tisseuse"
#: One page of each kind (the minimal project, with a full kit block).
PAGES = (
    "index.html",
    "parcours/soin/guide-animation.html",
    "parcours/soin/questionnaire.html",
    "parcours/soin/feuille-de-reponses.html",
    "parcours/soin/grille-de-correction.html",
    "parcours/soin/mon-parcours.html",
    "parcours/soin/regles-locales.html",
    "modules/demo/guide-animation.html",
    "modules/demo/memo.html",
    "modules/demo/fiches-activites.html",
    "equipe/demo.html",
    "equipe/regles-locales.html",
)


@pytest.fixture(scope="module")
def kit_site(
    tmp_path_factory: pytest.TempPathFactory, serve_folder: Callable[[Path], str]
) -> str:
    project = copy_project(ROOTS / "minimal", tmp_path_factory.mktemp("kit-site"))
    add_kit_block(project)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("TISSEUSE_BASE_URL", BASE)
        result = run(["build", "kit", "-q"], project)
    assert result.exit_code == 0, result.stderr
    return serve_folder(project / "dist" / "kit")


@pytest.mark.parametrize("name", PAGES)
def test_kit_page_fits_a_tablet_and_has_no_accessibility_violation(
    page: Page,
    kit_site: str,
    axe: Callable[[], list[dict[str, Any]]],
    requests_seen: list[str],
    name: str,
) -> None:
    page.goto(f"{kit_site}/{name}")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{name} scrolls sideways by {overflow} px"
    size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert size >= 16, f"{name}: body text is {size} px"
    for link in page.locator(".kit-nav a").all():
        box = link.bounding_box()
        assert box is not None and box["height"] >= 44, name
    violations = axe()
    assert not violations, summarise(violations)
    assert all(url.startswith(kit_site) for url in requests_seen), requests_seen
