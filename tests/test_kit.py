"""The référent's kit (target ``kit``), built for the bundled catalogue.

The PDFs are checked as a référent gets them: pdftoppm (Debian's
poppler-utils, installed by ``make test``) turns their pages into PNG images,
which give the page counts and the page size, and in which the printed QR
codes are decoded (zxing-cpp). pdftotext, from the same package, says which
words are printed. The paper placement grid is read back from the built page
and applied to answer sheets the way a référent would, then compared with the
placement engine's own decision.
"""

from __future__ import annotations

import itertools
import random
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import zxingcpp
from lxml import html as lxml_html
from PIL import Image

from builder.loader import load_catalogue
from builder.model import Catalogue, LearningPath, PlacementItem
from builder.placement import engine
from builder.placement.bank import placement_data
from tests.conftest import REPO, copy_project, run

BASE = "https://formation.example.org/tisseuse"
LETTERS = "ABCDEFGH"
A4_RATIO = 297 / 210
PATH_DOCS = (
    "guide-animation",
    "questionnaire",
    "feuille-de-reponses",
    "grille-de-correction",
    "mon-parcours",
    "regles-locales",
)
MODULE_DOCS = ("guide-animation", "memo")


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    loaded, report = load_catalogue(REPO)
    assert loaded is not None, report.lines()
    return loaded


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled catalogue's kit, built once for this file (about 40 s)."""
    project = copy_project(REPO, tmp_path_factory.mktemp("kit") / "project")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("TISSEUSE_BASE_URL", BASE)
        result = run(["build", "kit", "-q"], project)
    assert result.exit_code == 0, result.stderr
    return project / "dist" / "kit"


@pytest.fixture(scope="module")
def pages(kit: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    """Every PDF of the kit as PNG pages (10 dpi: enough to count and measure)."""
    out = tmp_path_factory.mktemp("pages")
    found = {}
    for pdf in sorted(kit.rglob("*.pdf")):
        name = pdf.relative_to(kit).with_suffix("").as_posix()
        found[name] = to_png(pdf, out / name.replace("/", "__"), dpi=10)
    return found


def to_png(pdf: Path, prefix: Path, *, dpi: int) -> list[Path]:
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(prefix)],
        check=True,
        capture_output=True,
    )
    return sorted(
        prefix.parent.glob(f"{prefix.name}-*.png"),
        key=lambda p: int(p.stem.rsplit("-", 1)[1]),
    )


def printed_text(pdf: Path) -> str:
    """The words of a PDF, spaces normalised (French no-break spaces included)."""
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return squeeze(text)


def squeeze(text: str) -> str:
    return re.sub(r"[\s\u00a0\u202f]+", " ", text).strip()


def expected_documents(catalogue: Catalogue) -> set[str]:
    names = {f"parcours/{p.id}/{doc}" for p in catalogue.paths for doc in PATH_DOCS}
    for module in catalogue.modules:
        names |= {f"modules/{module.id}/{doc}" for doc in MODULE_DOCS}
        spots = any(a.type == "spot_the_problem" for _, a in module.activities)
        if spots or (module.kit and module.kit.role_play):
            names.add(f"modules/{module.id}/fiches-activites")
        if module.kit and module.kit.team_sheet:
            names.add(f"equipe/{module.id}")
    if any(m.kit and m.kit.local_rules for m in catalogue.modules):
        names.add("equipe/regles-locales")
    return names


def test_every_path_and_module_has_its_documents_in_html_and_pdf(
    kit: Path, catalogue: Catalogue
) -> None:
    expected = expected_documents(catalogue)
    built_pdf = {
        p.relative_to(kit).with_suffix("").as_posix() for p in kit.rglob("*.pdf")
    }
    built_html = {
        p.relative_to(kit).with_suffix("").as_posix() for p in kit.rglob("*.html")
    }
    assert built_pdf == expected
    assert built_html == expected | {"index"}
    index = (kit / "index.html").read_text(encoding="utf-8")
    for name in expected:
        assert f'href="{name}.html"' in index, name
        assert f'href="{name}.pdf"' in index, name


def test_pages_are_a4_portrait_and_handouts_fit_their_pages(
    pages: dict[str, list[Path]], catalogue: Catalogue
) -> None:
    for name, images in pages.items():
        assert images, name
        for image in images:
            with Image.open(image) as png:
                width, height = png.size
            assert abs(height / width - A4_RATIO) < 0.03, (name, width, height)
    for module in catalogue.modules:
        assert len(pages[f"modules/{module.id}/memo"]) == 1, module.id
        assert 3 <= len(pages[f"modules/{module.id}/guide-animation"]) <= 24
    for path in catalogue.paths:
        base = f"parcours/{path.id}"
        assert len(pages[f"{base}/feuille-de-reponses"]) == 1, path.id
        assert len(pages[f"{base}/mon-parcours"]) <= 2, path.id
        assert len(pages[f"{base}/regles-locales"]) <= 3, path.id
        assert 2 <= len(pages[f"{base}/guide-animation"]) <= 8, path.id
    for name, images in pages.items():
        if name.startswith("equipe/") and name != "equipe/regles-locales":
            assert len(images) <= 2, name


def test_activity_sheets_have_one_page_per_sheet(
    pages: dict[str, list[Path]], catalogue: Catalogue
) -> None:
    for module in catalogue.modules:
        name = f"modules/{module.id}/fiches-activites"
        if name not in pages:
            continue
        spots = sum(a.type == "spot_the_problem" for _, a in module.activities)
        role_play = 2 if module.kit and module.kit.role_play else 0  # cards, grid
        sheets = spots + role_play  # each starts a page and takes at most two
        assert sheets <= len(pages[name]) <= 2 * sheets, name


def test_each_module_guide_prints_the_module_and_every_answer_key(
    kit: Path, catalogue: Catalogue
) -> None:
    for module in catalogue.modules:
        text = printed_text(kit / "modules" / module.id / "guide-animation.pdf")
        assert squeeze(module.title) in text, module.id
        keys = text.split("Corrigés", 1)
        assert len(keys) == 2, f"{module.id}: no answer keys"
        for number, screen in enumerate(module.screens, start=1):
            if screen.activity is not None:
                assert f"Écran {number} — {squeeze(screen.title)}" in keys[1], (
                    module.id,
                    screen.id,
                )
        for _, activity in module.activities:
            if activity.type == "spot_the_problem":
                numbers = [
                    str(n)
                    for n, s in enumerate(
                        (s for s in activity.segments if s.id), start=1
                    )
                    if s.problem
                ]
                assert f"problème : {', '.join(numbers)}." in keys[1], module.id


def test_each_path_guide_and_grid_print_every_module_and_question(
    kit: Path, catalogue: Catalogue
) -> None:
    for path in catalogue.paths:
        guide = printed_text(kit / "parcours" / path.id / "guide-animation.pdf")
        for module in catalogue.path_modules(path):
            assert squeeze(module.title) in guide, (path.id, module.id)
        grid = parse_grid(kit / "parcours" / path.id / "grille-de-correction.html")
        text = printed_text(kit / "parcours" / path.id / "grille-de-correction.pdf")
        for row in grid.rows:
            letters = " et ".join(sorted(row.key))
            assert f"Question {row.number} — réponse {letters}" in text


def test_memos_and_path_sheets_carry_qr_codes_to_the_online_version(
    kit: Path, catalogue: Catalogue, tmp_path: Path
) -> None:
    for module in catalogue.modules:
        (image,) = to_png(
            kit / "modules" / module.id / "memo.pdf", tmp_path / module.id, dpi=110
        )
        assert decoded(image) == [f"{BASE}/modules/{module.id}/index.html"]
    for path in catalogue.paths:
        images = to_png(
            kit / "parcours" / path.id / "mon-parcours.pdf", tmp_path / path.id, dpi=110
        )
        codes = [text for image in images for text in decoded(image)]
        assert codes == [f"{BASE}/paths/{path.id}.html"]


def decoded(image: Path) -> list[str]:
    with Image.open(image) as png:
        return [r.text for r in zxingcpp.read_barcodes(png)]


# --- the paper placement grid -------------------------------------------------


class Row:
    def __init__(self, element: lxml_html.HtmlElement) -> None:
        self.number = int(element.get("data-question"))
        self.item = element.get("data-item")
        self.key = frozenset(element.get("data-key"))
        self.points = int(element.get("data-points"))
        cells = [squeeze(c.text_content()) for c in element.findall("td")]
        assert cells[0].startswith(" et ".join(sorted(self.key))), cells
        assert cells[1] == f"{self.points} pt", cells


class Grid:
    """The scoring grid as printed: per competence, its questions and its bands."""

    def __init__(self, page: Path) -> None:
        tree = lxml_html.fromstring(page.read_bytes())
        self.competences: dict[str, list[Row]] = {}
        self.bands: dict[str, list[tuple[int, int, str]]] = {}
        for section in tree.xpath("//section[@data-competence]"):
            competence = section.get("data-competence")
            self.competences[competence] = [
                Row(tr) for tr in section.xpath(".//tr[@data-question]")
            ]
            self.bands[competence] = [
                (
                    int(tr.get("data-low")),
                    int(tr.get("data-high")),
                    tr.get("data-decision"),
                )
                for tr in section.xpath(".//tr[@data-decision][@data-low]")
            ]

    @property
    def rows(self) -> list[Row]:
        return [row for rows in self.competences.values() for row in rows]

    def decide(self, marks: dict[int, frozenset[str]]) -> dict[str, str]:
        """What a référent reads: points of the right questions, then the band."""
        decisions = {}
        for competence, rows in self.competences.items():
            total = sum(r.points for r in rows if marks.get(r.number) == r.key)
            (decision,) = [
                d for low, high, d in self.bands[competence] if low <= total <= high
            ]
            decisions[competence] = decision
        return decisions


def parse_grid(page: Path) -> Grid:
    return Grid(page)


def right_letters(item: PlacementItem) -> frozenset[str]:
    return frozenset(LETTERS[i] for i, o in enumerate(item.options) if o.correct)


class Engine:
    """The placement engine for one path, fed from the bank's own answer key."""

    def __init__(self, catalogue: Catalogue, path: LearningPath) -> None:
        self.bank = placement_data(catalogue, path)["engine"]
        self.items = {i.id: i for bank in catalogue.placement for i in bank.items}

    def decide(self, grid: Grid, marks: dict[int, frozenset[str]]) -> dict[str, str]:
        answers = [
            (row.item, marks.get(row.number) == right_letters(self.items[row.item]))
            for row in grid.rows
        ]
        return engine.decisions(self.bank, answers)


def test_printed_key_is_the_banks_key_and_each_item_is_on_one_form(
    kit: Path, catalogue: Catalogue
) -> None:
    items = {i.id: i for bank in catalogue.placement for i in bank.items}
    for path in catalogue.paths:
        grid = parse_grid(kit / "parcours" / path.id / "grille-de-correction.html")
        assert [r.number for r in grid.rows] == list(range(1, len(grid.rows) + 1))
        assert set(grid.competences) == set(path.placement)
        for row in grid.rows:
            assert row.key == right_letters(items[row.item]), (path.id, row.item)
        for rows in grid.competences.values():  # never two items of one family
            families = [items[r.item].family for r in rows]
            assert len(families) == len(set(families)), path.id


def test_paper_grid_gives_the_engines_decision_for_every_way_of_answering(
    kit: Path, catalogue: Catalogue
) -> None:
    """Each competence of each form, all 2^n right/wrong patterns, the others right."""
    for path in catalogue.paths:
        grid = parse_grid(kit / "parcours" / path.id / "grille-de-correction.html")
        placement = Engine(catalogue, path)
        all_right = {r.number: r.key for r in grid.rows}
        for rows in grid.competences.values():
            for rights in itertools.product((True, False), repeat=len(rows)):
                marks = dict(all_right)
                for row, right in zip(rows, rights, strict=True):
                    if not right:
                        marks[row.number] = frozenset({wrong_letter(row)})
                assert grid.decide(marks) == placement.decide(grid, marks), (
                    path.id,
                    rights,
                )


def wrong_letter(row: Row) -> str:
    return next(letter for letter in LETTERS if letter not in row.key)


def sample_sheets(grid: Grid, seed: int) -> Iterator[dict[int, frozenset[str]]]:
    """Answer sheets as learners fill them: one box, several, none, the right ones."""
    rng = random.Random(seed)
    for _ in range(25):
        sheet = {}
        for row in grid.rows:
            choice = rng.random()
            if choice < 0.5:
                sheet[row.number] = row.key
            elif choice < 0.9:
                sheet[row.number] = frozenset({rng.choice(LETTERS[:4])})
            elif choice < 0.95:
                sheet[row.number] = frozenset(rng.sample(LETTERS[:4], 2))
        yield sheet


def test_paper_grid_and_engine_agree_on_sample_answer_sheets(
    kit: Path, catalogue: Catalogue
) -> None:
    seen: set[str] = set()
    for index, path in enumerate(catalogue.paths):
        grid = parse_grid(kit / "parcours" / path.id / "grille-de-correction.html")
        placement = Engine(catalogue, path)
        for sheet in sample_sheets(grid, seed=index):
            decisions = grid.decide(sheet)
            assert decisions == placement.decide(grid, sheet)
            seen |= set(decisions.values())
    assert seen == {"skip", "standard", "remediation"}  # the samples reach all three


def test_answer_sheet_has_a_box_per_option_and_question(
    kit: Path, catalogue: Catalogue
) -> None:
    items = {i.id: i for bank in catalogue.placement for i in bank.items}
    for path in catalogue.paths:
        grid = parse_grid(kit / "parcours" / path.id / "grille-de-correction.html")
        sheet = lxml_html.fromstring(
            (kit / "parcours" / path.id / "feuille-de-reponses.html").read_bytes()
        )
        for row in grid.rows:
            (tr,) = sheet.xpath(f"//tr[@data-question='{row.number}']")
            boxes = tr.xpath(".//span[@class='kit-tick']")
            assert len(boxes) == len(items[row.item].options), (path.id, row.number)
