"""Walkers: the states a learner goes through in each kind of document.

A walker receives the open page and the interface strings of its build, and
yields a label each time the page shows a new state to measure: each screen,
each activity after a (wrong) answer, the summary, the placement quiz from
its introduction to the personal route. Controls are found by role and by
the build's own strings, so an English build walks the same way.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from lxml import etree

from builder.audit.measure import Document

SCORM_VERSION = {"scorm12": "12", "scorm2004": "2004"}
#: A quiz never asks more than this (bank caps are lower): a walker guard.
MAX_QUESTIONS = 60


def walk_page(page: Any, strings: dict[str, str]) -> Iterator[str]:
    yield ""


def walk_module(page: Any, strings: dict[str, str]) -> Iterator[str]:
    """Every screen; each activity again after a (wrong) answer; the summary."""
    from builder.audit.learner import Learner

    learner = Learner(page, "touch")
    page.wait_for_selector("#ts-screen-title")
    screens = learner.module["screens"]
    for index, screen in enumerate(screens):
        label = f"screen {index + 1}/{len(screens)} «{screen['title']}»"
        yield label
        if screen["activity"]:
            learner.answer(screen, right=False)
            yield f"{label}, after a wrong answer"
        learner.next()
    yield "summary"


def walk_quiz(page: Any, strings: dict[str, str]) -> Iterator[str]:
    """The quiz from its introduction to its results (first option each time)."""
    yield "quiz introduction"
    page.get_by_role("button", name=strings["placement_start"]).tap()
    for number in range(1, MAX_QUESTIONS + 1):
        if not page.locator(".ts-check").count():
            break
        yield f"quiz question {number}"
        page.locator(".ts-activity label").first.tap()
        page.locator(".ts-check").tap()
    yield "quiz results"
    review = page.locator("details summary")
    if review.count():
        review.first.tap()
        yield "quiz results, answers reviewed"


def walk_path_sco(page: Any, strings: dict[str, str]) -> Iterator[str]:
    """A path SCO: route, quiz, personal route, then its first module in place.

    The other modules run the same player inside the same page; their screens
    are audited in their own module packages.
    """
    yield "path"
    cta = page.get_by_role("button", name=strings["placement_cta"])
    if cta.count():
        cta.tap()
        yield from walk_quiz(page, strings)
        page.get_by_role("button", name=strings["see_my_path"]).tap()
        yield "personal route"
    opener = page.locator("[data-open]")
    if opener.count():
        opener.first.tap()
        yield from (f"first module, {s}" for s in walk_module(page, strings))


def walk_sco(page: Any, strings: dict[str, str]) -> Iterator[str]:
    """A SCO is either a whole path (quiz and route) or one module."""
    if page.locator("[data-tisseuse-path]").count():
        yield from walk_path_sco(page, strings)
    else:
        yield from walk_module(page, strings)


def walk_web_path(page: Any, strings: dict[str, str]) -> Iterator[str]:
    """A path page, its placement quiz, and the personal route it ends on."""
    yield "path"
    cta = page.get_by_role("link", name=strings["placement_cta"])
    if cta.count():
        cta.tap()
        # the quiz page is ready when its start button shows (no in-page
        # polling: the pages' Content-Security-Policy forbids eval, rightly)
        page.get_by_role("button", name=strings["placement_start"]).wait_for()
        yield from walk_quiz(page, strings)
        page.get_by_role("link", name=strings["see_my_path"]).tap()
        page.wait_for_selector(".ts-route-step")
        yield "personal route"


# --- which documents each target has ----------------------------------------------


def web_documents(site: Path, prefix: str) -> list[Document]:
    documents = []
    for html in sorted(site.rglob("*.html")):
        relative = html.relative_to(site).as_posix()
        if relative.startswith("placement/"):
            continue  # reached from its path page, as a learner reaches it
        walker = walk_page
        if relative.startswith("modules/"):
            walker = walk_module
        elif relative.startswith("paths/"):
            walker = walk_web_path
        documents.append(Document(relative, f"{prefix}/{relative}", walker))
    return documents


def sco_launches(manifest: bytes) -> list[str]:
    """Every SCO an LMS can launch, in the order of the default organisation."""
    root = etree.fromstring(manifest)
    ns = {"cp": root.nsmap[None]}
    default = root.xpath("string(cp:organizations/@default)", namespaces=ns)
    refs = root.xpath(
        "cp:organizations/cp:organization[@identifier=$org]//cp:item/@identifierref",
        namespaces=ns,
        org=default,
    )
    assert isinstance(refs, list)
    hrefs: list[str] = []
    for ref in refs:
        href = str(
            root.xpath(
                "string(cp:resources/cp:resource[@identifier=$res]/@href)",
                namespaces=ns,
                res=str(ref),
            )
        )
        if href and href not in hrefs:
            hrefs.append(href)
    return hrefs


def scorm_documents(target: str, package: Path, site: Path) -> list[Document]:
    folder = site / "pkg" / target / package.stem
    with zipfile.ZipFile(package) as archive:
        archive.extractall(folder)
        launches = sco_launches(archive.read("imsmanifest.xml"))
    documents = []
    for launch in launches:
        query = urlencode(
            {
                "version": SCORM_VERSION[target],
                "sco": f"/pkg/{target}/{package.stem}/{launch}",
                "mode": "popup",
            }
        )
        documents.append(
            Document(
                launch,
                f"/lms/harness.html?{query}",
                walk_sco,
                popup=True,
            )
        )
    return documents
