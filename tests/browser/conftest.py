"""Browser fixtures: Debian's Chromium driven by Playwright, tablet viewport.

Playwright never downloads a browser here: it drives /usr/bin/chromium (the
test command installs it when missing). Background networking is off so the
browser itself makes no request that could hide or fake one of ours.
"""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from tests.conftest import REPO, ROOTS, copy_project, run

CHROMIUM = "/usr/bin/chromium"
TABLET = {"width": 810, "height": 1080}
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(
    browser_type_launch_args: dict[str, Any],
) -> dict[str, Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: run 'make test' (it installs it)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_context_args,
        "viewport": TABLET,
        "has_touch": True,
        "locale": "fr-FR",
        "service_workers": "block",
    }


@pytest.fixture(scope="session")
def sites(
    tmp_path_factory: pytest.TempPathFactory, serve_folder: Callable[[Path], str]
) -> dict[str, str]:
    """The web target of the bundled catalogue and of the minimal project, served."""
    urls = {}
    for name, source in {"catalogue": REPO, "minimal": ROOTS / "minimal"}.items():
        project = copy_project(source, tmp_path_factory.mktemp(name))
        result = run(["build", "web", "-q"], project)
        assert result.exit_code == 0, result.stderr
        urls[name] = serve_folder(project / "dist" / "web")
    return urls


@pytest.fixture
def requests_seen(page: Page) -> Iterator[list[str]]:
    """Every URL the page requests (documents, scripts, images, fetches...)."""
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    yield seen


@pytest.fixture
def axe(page: Page) -> Callable[[], list[dict[str, Any]]]:
    """Run axe-core on the current page; returns the violations."""
    if not AXE.is_file():
        pytest.fail("axe-core is missing: run 'make test' (it runs npm ci)")
    source = AXE.read_text(encoding="utf-8")

    def check() -> list[dict[str, Any]]:
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            # evaluate() is not subject to the page's Content-Security-Policy,
            # which (rightly) refuses injected <script> tags.
            page.evaluate(source)
        result: list[dict[str, Any]] = page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        )
        return result

    return check


def summarise(violations: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + ", ".join(str(n["target"]) for n in v["nodes"][:3])
        for v in violations
    )


# --- the stand-in LMS (scorm-again) and the packages it hosts ------------------

TARGET = {"12": "scorm12", "2004": "scorm2004"}
HARNESS = REPO / "builder" / "bench" / "lms"
SCORM_AGAIN = REPO / "node_modules" / "scorm-again" / "dist" / "scorm-again.min.js"


@pytest.fixture(scope="session")
def lms_site(
    tmp_path_factory: pytest.TempPathFactory, serve_folder: Callable[[Path], str]
) -> tuple[Path, str]:
    """A served folder holding lms/ (the stand-in LMS); packages are added on demand."""
    if not SCORM_AGAIN.is_file():
        pytest.fail("scorm-again is missing: run 'make test' (it runs npm ci)")
    site = tmp_path_factory.mktemp("lms-site")
    shutil.copytree(HARNESS, site / "lms")
    shutil.copy(SCORM_AGAIN, site / "lms" / "scorm-again.min.js")
    return site, serve_folder(site)


def add_packages(site: Path, source: Path, tmp: Path) -> None:
    """Build a project's SCORM packages and unzip them as an LMS would."""
    project = copy_project(source, tmp)
    result = run(["build", "scorm12", "scorm2004", "-q"], project)
    assert result.exit_code == 0, result.stderr
    for target in TARGET.values():
        for package in (project / "dist" / target).glob("*.zip"):
            with zipfile.ZipFile(package) as archive:
                archive.extractall(site / "pkg" / target / package.stem)


@pytest.fixture(scope="session")
def lms(lms_site: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory) -> str:
    """The stand-in LMS with the minimal project's packages."""
    add_packages(lms_site[0], ROOTS / "minimal", tmp_path_factory.mktemp("minimal"))
    return lms_site[1]


@pytest.fixture(scope="session")
def lms_catalogue(
    lms: str, lms_site: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory
) -> str:
    """The stand-in LMS with the bundled catalogue's packages too."""
    add_packages(lms_site[0], REPO, tmp_path_factory.mktemp("catalogue"))
    return lms
