"""Images as a learner's tablet meets them (tests/roots/images, web target).

The first screen's picture loads at once (lazy loading there would delay the
page's main image); pictures of later screens load lazily. Every picture's box
is reserved by its width and height before the file arrives, so nothing moves
when it does. A low-density screen fetches the 1× WebP, not the 2× nor the JPEG.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.conftest import ROOTS, copy_project, run

#: Records each figure image as it enters the page, and again once loaded.
WATCH = """
window.__images = [];
function box(img) { var r = img.getBoundingClientRect(); return [r.width, r.height]; }
new MutationObserver(function (records) {
  records.forEach(function (record) {
    record.addedNodes.forEach(function (node) {
      if (!node.querySelectorAll) return;
      node.querySelectorAll(".ts-figure img").forEach(function (img) {
        var seen = {loading: img.loading, complete: img.complete, before: box(img),
                    picture: img.parentNode.tagName.toLowerCase()};
        window.__images.push(seen);
        img.addEventListener("load", function () {
          seen.after = box(img);
          seen.current = img.currentSrc.split("/").pop();
        });
      });
    });
  });
}).observe(document, {childList: true, subtree: true});
"""


@pytest.fixture(scope="session")
def images_site(
    tmp_path_factory: pytest.TempPathFactory, serve_folder: Callable[[Path], str]
) -> str:
    project = copy_project(ROOTS / "images", tmp_path_factory.mktemp("images-web"))
    result = run(["build", "web", "-q"], project)
    assert result.exit_code == 0, result.stderr
    return serve_folder(project / "dist" / "web")


def loaded(page: Page, count: int) -> dict[str, object]:
    page.wait_for_function(  # a function, not a string: the page's CSP forbids eval
        "(n) => window.__images.length === n && !!window.__images[n - 1].after",
        arg=count,
    )
    seen: dict[str, object] = page.evaluate("(n) => window.__images[n - 1]", count)
    return seen


def test_first_image_eager_later_ones_lazy_and_no_box_moves(
    page: Page, images_site: str
) -> None:
    page.add_init_script(WATCH)
    page.goto(f"{images_site}/modules/photos/index.html")
    first = loaded(page, 1)
    assert first["loading"] == "eager"
    assert first["complete"] is False  # measured before the file arrived...
    assert first["before"] == first["after"] == [640, 960]  # ...and after
    assert first["picture"] == "picture"
    assert str(first["current"]).endswith("-640.webp")  # 1× screen: 1× WebP
    page.locator(".ts-next").click()
    second = loaded(page, 2)
    assert second["loading"] == "lazy"
    assert second["before"] == second["after"] == [320, 213]
    page.locator(".ts-next").click()
    third = loaded(page, 3)
    assert third["loading"] == "lazy"
    assert third["picture"] == "figure"  # an SVG: one format, no <picture>
    assert third["before"] == third["after"] == [480, 270]
    img = page.locator(".ts-figure img")
    assert (img.get_attribute("width"), img.get_attribute("height")) == ("480", "270")
