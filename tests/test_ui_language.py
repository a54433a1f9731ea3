"""The interface language (``--lang``) and a theme's wording and fonts, built.

One build of the minimal project serves the tests here: English interface,
French content, and a theme (``lettres``) with its own English wording and a
bundled WOFF2 font made at test time (tests/fonts.py).
"""

from __future__ import annotations

import json
import re
import tarfile
import zipfile
from pathlib import Path

import pytest
from lxml import etree, html

from builder.standards import reference_errors
from tests.conftest import ROOTS, copy_project, run, tree_files
from tests.fonts import write_woff2

THEME = """\
extends: default
font_family: '"Lettres", Arial, sans-serif'
fonts:
  - {family: Lettres, file: lettres.woff2}
wording:
  en:
    back_to_catalogue: Back to our courses
"""
FONT = "assets/fonts/lettres-400.woff2"
TARGETS = ("web", "scorm12", "scorm2004", "kit", "openedx")


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """dist/ of the minimal project, built with --lang en and the lettres theme."""
    project = copy_project(ROOTS / "minimal", tmp_path_factory.mktemp("english"))
    (project / "themes" / "lettres").mkdir(parents=True)
    (project / "themes" / "lettres" / "theme.yaml").write_text(THEME, "utf-8")
    write_woff2(project / "themes" / "lettres" / "lettres.woff2")
    args = ["build", *TARGETS, "--lang", "en", "--theme", "lettres", "-q"]
    result = run(args, project)
    assert result.exit_code == 0, result.stderr
    return project / "dist"


def config(page: str) -> dict[str, object]:
    found = re.search(r'id="tisseuse-config">(.*?)</script>', page, re.S)
    assert found, "no player configuration in the page"
    data: dict[str, object] = json.loads(found.group(1))
    return data


def test_web_pages_speak_english_around_french_content(english: Path) -> None:
    page = (english / "web" / "modules" / "demo" / "index.html").read_text("utf-8")
    tree = html.fromstring(page)
    assert tree.get("lang") == "fr"  # the content's language
    assert tree.xpath("//h1")[0].text_content() == "Module de démonstration"
    skip = tree.xpath('//a[@class="ts-skip"]')[0]
    assert (skip.text_content(), skip.get("lang")) == ("Skip to content", "en")
    back = tree.xpath('//a[@class="ts-header-link"]')[0]
    assert (back.text_content(), back.get("lang")) == ("Back to our courses", "en")
    meta = tree.xpath('//p[@class="ts-meta"]/span[@lang="en"]/text()')
    assert meta == ["Basic level", "5 min"]
    settings = config(page)
    assert (settings["uiLang"], settings["contentLang"]) == ("en", "fr")
    assert (settings["uiSpeechLang"], settings["speechLang"]) == ("en-GB", "fr-FR")
    strings = settings["strings"]
    assert isinstance(strings, dict)
    assert (strings["check"], strings["back_to_catalogue"]) == (
        "Check",
        "Back to our courses",
    )


def test_a_scorm_package_speaks_english_and_keeps_french_content(
    english: Path,
) -> None:
    with zipfile.ZipFile(english / "scorm12" / "demo.zip") as package:
        page = package.read("index.html").decode("utf-8")
        manifest = package.read("imsmanifest.xml")
    assert html.fromstring(page).get("lang") == "fr"
    assert config(page)["uiLang"] == "en"
    assert "Module de démonstration" in page
    assert "Module de démonstration" in manifest.decode("utf-8")  # its metadata too


def test_the_open_edx_course_names_its_parts_in_english(english: Path) -> None:
    with tarfile.open(english / "openedx" / "course.tar.gz") as archive:
        grading = archive.extractfile("course/policies/course/grading_policy.json")
        vertical = archive.extractfile("course/vertical/unit-soin.xml")
        assert grading is not None and vertical is not None
        policy = json.loads(grading.read())
        unit = etree.fromstring(vertical.read())
    assert policy["GRADER"][0]["type"] == "Path"
    quiz = unit.xpath("//tisseuse_placement")[0]
    assert quiz.get("display_name") == "Where am I?"
    compiled = json.loads((english / "openedx" / "catalogue.json").read_text("utf-8"))
    assert compiled["modules"]["demo"]["title"] == "Module de démonstration"


def test_the_kit_gives_its_instructions_in_english(english: Path) -> None:
    guide = (english / "kit" / "modules" / "demo" / "guide-animation.html").read_text(
        "utf-8"
    )
    tree = html.fromstring(guide)
    assert tree.get("lang") == "fr"
    headings = {h.text_content(): h.get("lang") for h in tree.xpath("//h2")}
    assert headings["Minute-by-minute plan"] == "en"
    assert headings["Answer keys"] == "en"


def test_the_theme_font_travels_in_every_package(english: Path) -> None:
    font = (english / "web" / FONT).read_bytes()
    assert font[:4] == b"wOF2"
    page = (english / "web" / "modules" / "demo" / "index.html").read_text("utf-8")
    assert 'src: url("../../assets/fonts/lettres-400.woff2") format("woff2");' in page
    assert "font-display: swap;" in page
    assert '--ts-font: "Lettres", Arial, sans-serif;' in page
    for target in ("scorm12", "scorm2004"):
        for package in sorted((english / target).glob("*.zip")):
            with zipfile.ZipFile(package) as archive:
                members = {n: archive.read(n) for n in archive.namelist()}
            assert members[FONT] == font, package.name
            manifest = members["imsmanifest.xml"]
            assert reference_errors(manifest, members) == [], package.name
            assert f'href="{FONT}"'.encode() in manifest, package.name
    kit = tree_files(english / "kit")
    assert kit["fonts/lettres-400.woff2"] == font
    memo = kit["modules/demo/memo.html"].decode("utf-8")
    assert 'url("../../fonts/lettres-400.woff2")' in memo


def test_an_unknown_interface_language_is_a_usage_error(minimal: Path) -> None:
    result = run(["build", "web", "--lang", "de"], minimal)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "Error: there is no interface language 'de' for --lang: use fr or en; "
        "nothing written."
    ]
    assert not (minimal / "dist").exists()
    assert run(["preview", "--lang", "xx", "--no-build"], minimal).exit_code == 2


# --- lang attributes on every static page -----------------------------------------

OPEN, CLOSE = "\u27e6", "\u27e7"  # ⟦ ⟧: around every interface message
MARKED = re.compile(f"{OPEN}[^{CLOSE}]*{CLOSE}")
WORD = re.compile(r"[^\W\d_]{2,}")
SKIPPED = {"script", "style", "title", "head"}


def marked(catalogue: dict[str, str]) -> dict[str, str]:
    return {key: f"{OPEN}{text}{CLOSE}" for key, text in catalogue.items()}


def misplaced(page: str) -> list[str]:
    """Interface text outside lang="en", or content inside it."""
    problems = []
    for element in html.fromstring(page).iter():
        if not isinstance(element.tag, str) or element.tag in SKIPPED:
            continue
        for text, owner in (
            (element.text, element),
            (element.tail, element.getparent()),
        ):
            if not text or owner is None or owner.tag in SKIPPED:
                continue
            lang = owner.xpath("ancestor-or-self::*[@lang][1]/@lang")[0]
            if MARKED.search(text) and lang != "en":
                problems.append(f"interface text in lang={lang}: {text.strip()!r}")
            if WORD.search(MARKED.sub(" ", text)) and lang != "fr":
                problems.append(f"content in lang={lang}: {text.strip()!r}")
        for name in ("aria-label", "title", "alt"):
            value = element.get(name, "")
            if (
                MARKED.fullmatch(value)
                and element.xpath("ancestor-or-self::*[@lang][1]/@lang")[0] != "en"
            ):
                problems.append(f"{name}={value!r} outside lang=en")
    return problems


def test_interface_text_carries_its_own_lang_on_every_static_page(
    minimal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """WCAG 3.1.2 (RGAA 8.7): every interface message the web pages and the kit
    print sits in an element whose language is the interface's, and no content
    does. Every message is wrapped in ⟦ ⟧ to be found in the output."""
    from builder import messages
    from builder.kit import pages as kit_pages
    from builder.kit.documents import gather
    from builder.loader import load_catalogue
    from builder.render import render
    from builder.targets import pages
    from builder.targets.base import BuildContext
    from builder.targets.web import WebTarget
    from builder.themes import load_theme

    monkeypatch.setattr(
        pages, "strings", lambda lang: marked(messages.player_messages(lang))
    )
    monkeypatch.setattr(
        kit_pages, "strings", lambda lang: marked(messages.player_messages(lang))
    )
    monkeypatch.setattr(
        kit_pages,
        "kit_own_messages",
        lambda lang: marked(messages.kit_own_messages(lang)),
    )
    catalogue, _ = load_catalogue(minimal)
    assert catalogue is not None
    theme = load_theme(minimal / "themes", "default")
    written = WebTarget().build(catalogue, BuildContext(tmp_path / "web", theme, "en"))
    found = {
        p.name: misplaced(p.read_text("utf-8")) for p in written if p.suffix == ".html"
    }
    kit = kit_pages.KitPages(catalogue, theme, "en", None)
    documents = gather(catalogue, kit.strings)
    for doc in documents.documents:
        found[doc.slug] = misplaced(kit.render(doc))
    found["kit index"] = misplaced(
        render("kit/index.html.j2", **kit.context(kit=documents))
    )
    assert len(found) > 10
    assert {page: problems for page, problems in found.items() if problems} == {}
