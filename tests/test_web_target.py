"""The web target: golden output, determinism, and self-contained pages.

Golden files live in tests/golden/web/<project>/:
  MANIFEST   sha256, size and path of every output file (byte-exact check)
  pages/     each HTML page, with its embedded JSON pretty-printed, so that a
             change shows up as a readable diff in review
Regenerate with ``pytest --update-golden`` and review ``git diff``.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import GOLDEN, REPO, ROOTS, copy_project, run, tree_files

PROJECTS = {"minimal": ROOTS / "minimal", "catalogue": REPO}
_JSON_BLOCK = re.compile(
    r'(<script type="application/json" id="[^"]+">)(.*?)(</script>)', re.S
)


def build_web(source: Path, tmp: Path) -> Path:
    project = copy_project(source, tmp / "project")
    result = run(["build", "web", "-q"], project)
    assert result.exit_code == 0, result.stderr
    return project / "dist" / "web"


def manifest(files: dict[str, bytes]) -> str:
    return "".join(
        f"{hashlib.sha256(data).hexdigest()}  {len(data):>7}  {name}\n"
        for name, data in sorted(files.items())
    )


def readable(html: str) -> str:
    def pretty(match: re.Match[str]) -> str:
        data = json.loads(match.group(2))
        body = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
        return f"{match.group(1)}\n{body}\n{match.group(3)}"

    return _JSON_BLOCK.sub(pretty, html)


def write_golden(folder: Path, files: dict[str, bytes]) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "pages").mkdir(parents=True)
    (folder / "MANIFEST").write_text(manifest(files), encoding="utf-8")
    for name, data in files.items():
        if name.endswith(".html"):
            page = folder / "pages" / name
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(readable(data.decode()), encoding="utf-8")


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_web_output_matches_golden(
    name: str, tmp_path: Path, update_golden: bool
) -> None:
    files = tree_files(build_web(PROJECTS[name], tmp_path))
    folder = GOLDEN / "web" / name
    if update_golden:
        write_golden(folder, files)
    for page, data in files.items():  # readable diff first
        if page.endswith(".html"):
            expected = (folder / "pages" / page).read_text(encoding="utf-8")
            assert readable(data.decode()) == expected, f"{page} differs from golden"
    assert manifest(files) == (folder / "MANIFEST").read_text(encoding="utf-8")


def test_building_twice_gives_identical_bytes(tmp_path: Path) -> None:
    first = tree_files(build_web(REPO, tmp_path / "a"))
    second = tree_files(build_web(REPO, tmp_path / "b"))
    assert first == second


def test_a_rebuild_replaces_the_previous_output(minimal: Path) -> None:
    stale = minimal / "dist" / "web" / "modules" / "removed" / "index.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("old", encoding="utf-8")
    assert run(["build", "web", "-q"], minimal).exit_code == 0
    assert not stale.exists()
    assert (minimal / "dist" / "web" / "modules" / "demo" / "index.html").is_file()


def test_pages_load_nothing_from_another_host(tmp_path: Path) -> None:
    web = build_web(REPO, tmp_path)
    for page in web.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for tag, attr, url in re.findall(
            r"<(\w+)[^>]*?\b(src|href)=\"([^\"]*)\"", html
        ):
            if tag == "a":
                continue  # a link the learner may follow, not a request
            assert not re.match(r"^(https?:)?//", url), f"{page}: <{tag} {attr}={url}>"
        assert "Content-Security-Policy" in html
    script = (web / "assets" / "tisseuse.js").read_text(encoding="utf-8")
    assert not re.search(r"\b(fetch|XMLHttpRequest|sendBeacon|WebSocket)\b", script)


def test_only_images_in_use_are_copied(minimal: Path) -> None:
    unused = minimal / "modules" / "demo" / "media" / "unused.svg"
    unused.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    assert run(["build", "web", "-q"], minimal).exit_code == 0
    media = minimal / "dist" / "web" / "modules" / "demo" / "media"
    assert sorted(p.name for p in media.iterdir()) == ["schema-e9276f76.svg"]
