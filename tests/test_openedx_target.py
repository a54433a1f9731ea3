"""The ``openedx`` target: course archive, compiled catalogue, player assets.

Golden files live in tests/golden/openedx/minimal/: MANIFEST (sha256 of the
archive's members and of catalogue.json) and each member of the archive as
text, so a change shows up as a readable diff. Regenerate with
``pytest --update-golden`` and review ``git diff``.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sys
import tarfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from builder.targets.openedx import olx_errors
from builder.targets.openedx_assets import scope_css, xblock_script, xblock_stylesheet
from builder.themes import load_theme
from tests.conftest import GOLDEN, REPO, ROOTS, copy_project, run
from tests.xblocks.conftest import Lms
from xblocks.olx import BLOCK_TAGS, OPTION_NS

Json = dict[str, Any]
PUBLIC = REPO / "xblocks" / "public"


def build(source: Path, tmp: Path) -> Path:
    project = copy_project(source, tmp / "project")
    result = run(["build", "openedx", "-q"], project)
    assert result.exit_code == 0, result.stderr
    return project / "dist" / "openedx"


def members(archive: Path) -> dict[str, bytes]:
    with tarfile.open(archive) as tar:
        return {
            m.name: tar.extractfile(m).read()  # type: ignore[union-attr]
            for m in tar.getmembers()
            if m.isfile()
        }


def manifest(files: dict[str, bytes]) -> str:
    return "".join(
        f"{hashlib.sha256(d).hexdigest()}  {len(d):>7}  {n}\n"
        for n, d in sorted(files.items())
    )


def test_openedx_output_matches_golden(tmp_path: Path, update_golden: bool) -> None:
    out = build(ROOTS / "minimal", tmp_path)
    files = members(out / "course.tar.gz")
    catalogue = json.loads((out / "catalogue.json").read_text(encoding="utf-8"))
    readable = {
        name: data.decode()
        for name, data in files.items()
        if not name.endswith((".svg", ".png"))  # images: in MANIFEST only
    }
    readable["catalogue.json"] = (
        json.dumps(catalogue, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    )
    everything = {**files, "catalogue.json": (out / "catalogue.json").read_bytes()}
    folder = GOLDEN / "openedx" / "minimal"
    if update_golden:
        shutil.rmtree(folder, ignore_errors=True)
        for name, text in readable.items():
            (folder / "files" / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / "files" / name).write_text(text, encoding="utf-8")
        (folder / "MANIFEST").write_text(manifest(everything), encoding="utf-8")
    for name, text in readable.items():
        assert text == (folder / "files" / name).read_text(encoding="utf-8"), (
            f"{name} differs from golden"
        )
    assert manifest(everything) == (folder / "MANIFEST").read_text(encoding="utf-8")


def test_rebuilding_gives_identical_bytes(tmp_path: Path) -> None:
    first = build(ROOTS / "minimal", tmp_path / "a")
    second = build(ROOTS / "minimal", tmp_path / "b")
    for name in ("course.tar.gz", "catalogue.json"):
        assert (first / name).read_bytes() == (second / name).read_bytes()


def test_one_chapter_per_path_and_olxcleaner_accepts_the_bundled_course(
    tmp_path: Path,
) -> None:
    out = build(REPO, tmp_path)
    course = tmp_path / "extracted"
    with tarfile.open(out / "course.tar.gz") as tar:
        tar.extractall(course, filter="data")
    catalogue = json.loads((out / "catalogue.json").read_text(encoding="utf-8"))
    chapters = sorted(p.stem for p in (course / "course" / "chapter").glob("*.xml"))
    assert chapters == sorted(f"ch-{p}" for p in catalogue["paths"])
    assert olx_errors(course / "course") == []


def test_olxcleaner_really_checks_the_course(tmp_path: Path) -> None:
    """The build-time check is not a formality: a dangling reference fails it."""
    out = build(ROOTS / "minimal", tmp_path)
    course = tmp_path / "extracted"
    with tarfile.open(out / "course.tar.gz") as tar:
        tar.extractall(course, filter="data")
    (course / "course" / "vertical" / "unit-soin.xml").unlink()
    errors = olx_errors(course / "course")
    assert errors and any("unit-soin" in e for e in errors)


def test_the_blocks_import_the_course_olx_as_compiled(tmp_path: Path) -> None:
    """Parse each path block of the archive with the XBlock runtime, as an import does."""
    out = build(ROOTS / "minimal", tmp_path)
    catalogue = json.loads((out / "catalogue.json").read_text(encoding="utf-8"))
    vertical = etree.fromstring(
        members(out / "course.tar.gz")["course/vertical/unit-soin.xml"]
    )
    element = vertical[0]
    assert element.tag == "tisseuse_path"
    block = Lms().load(etree.tostring(element, encoding="unicode"))
    assert block.path["id"] == "soin" and block.path["placement"] == {
        "version": catalogue["paths"]["soin"]["placement"]["version"]
    }
    quiz = block.placement_child()
    assert quiz.path == catalogue["paths"]["soin"]
    modules = block.module_children()
    assert modules["demo"].module == catalogue["modules"]["demo"]
    assert modules["demo"].grading == "ungraded"
    tags = {
        el.tag
        for el in element.iter()
        if isinstance(el.tag, str) and not el.tag.startswith(f"{{{OPTION_NS}}}")
    }
    assert tags <= set(BLOCK_TAGS)


def test_images_are_inlined_and_no_answer_key_is_lost(tmp_path: Path) -> None:
    catalogue = json.loads(
        (build(ROOTS / "minimal", tmp_path) / "catalogue.json").read_text(
            encoding="utf-8"
        )
    )
    demo = catalogue["modules"]["demo"]
    images = [s["image"]["src"] for s in demo["screens"] if s["image"]]
    assert images and all(
        src.startswith("data:image/svg+xml;base64,") for src in images
    )
    assert set(demo["key"]) == {s["id"] for s in demo["screens"] if s["activity"]}


# --- the assets the blocks serve (committed, checked here) ----------------------


def test_xblock_assets_are_current(update_golden: bool) -> None:
    theme = load_theme(REPO / "themes", "default")
    expected = {
        "tisseuse-xblock.js": xblock_script(),
        "tisseuse-xblock.css": xblock_stylesheet(theme),
    }
    if update_golden:
        for name, data in expected.items():
            (PUBLIC / name).write_bytes(data)
    for name, data in expected.items():
        assert (PUBLIC / name).read_bytes() == data, (
            f"xblocks/public/{name} is stale: run pytest --update-golden"
        )


@pytest.mark.parametrize(
    ("css", "scoped"),
    [
        ("body{margin:0}", ".s{margin:0}"),
        ("h1,.ts-a{x:1}", ".s h1,.s .ts-a{x:1}"),
        ("@media (min-width:1px){a{x:1}}", "@media (min-width:1px){.s a{x:1}}"),
        ("@keyframes k{from{x:0}to{x:1}}", "@keyframes k{from{x:0}to{x:1}}"),
        (":root{--a:1}html{y:2}", ".s{--a:1}.s{y:2}"),
    ],
)
def test_the_stylesheet_is_scoped_to_the_block(css: str, scoped: str) -> None:
    assert scope_css(css, ".s") == scoped


def test_the_scoped_stylesheet_styles_no_page_element() -> None:
    css = (PUBLIC / "tisseuse-xblock.css").read_text(encoding="utf-8")
    selectors = re.findall(r"(?:^|[{}])([^{}@]+)\{", css)
    assert selectors
    for group in selectors:
        for selector in group.split(","):
            assert selector.startswith((".tisseuse-xblock", "from", "to")), selector


def test_without_olxcleaner_build_openedx_says_how_to_install_and_writes_nothing(
    minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "olxcleaner", None)  # import fails
    result = run(["build", "openedx", "-q"], minimal)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "tisseuse: target openedx needs olxcleaner to check the course it writes, "
        "which the base install leaves out: pip install 'tisseuse[openedx]'; "
        "nothing written."
    ]
    assert not (minimal / "dist").exists()


def test_a_theme_reaches_the_course_card_and_every_block(tmp_path: Path) -> None:
    """Colours and font on each block's root, the name on the course card, and
    learners' progress kept: the theme is not part of a module's version."""
    project = copy_project(REPO, tmp_path / "project")
    for name, extra in (("plain", []), ("themed", ["--theme", "federation-exemple"])):
        out = str(tmp_path / name)
        result = run(["build", "openedx", "-q", "--out", out, *extra], project)
        assert result.exit_code == 0, result.stderr
    plain, themed = (
        json.loads((tmp_path / n / "openedx" / "catalogue.json").read_text("utf-8"))
        for n in ("plain", "themed")
    )
    module = themed["modules"]["t1-transmissions-ciblees"]
    assert module["theme"]["variables"]["--ts-primary"] == "#0b5d50"
    assert plain["modules"]["t1-transmissions-ciblees"]["theme"]["name"] == "default"
    for kind in ("modules", "paths"):
        for key, item in themed[kind].items():
            assert item["version"] == plain[kind][key]["version"], key
    files = members(tmp_path / "themed" / "openedx" / "course.tar.gz")
    policy = json.loads(files["course/policies/course/policy.json"])
    assert policy["course/course"]["display_organization"] == "Fédération des Tilleuls"
    vertical = etree.fromstring(files["course/vertical/unit-soin.xml"])
    path = Lms().load(etree.tostring(vertical[0], encoding="unicode"))
    for block in (path, path.placement_child(), *path.module_children().values()):
        html = block.runtime.render(block, "student_view").body_html()
        root = re.search(r'<div class="tisseuse-xblock"[^>]*>', html)
        assert root and "--ts-primary: #0b5d50" in root.group(0), html[:200]
