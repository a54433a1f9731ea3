"""The kit target on the minimal project: contract, determinism, failures, golden.

Golden files live in tests/golden/kit/minimal/: every HTML page of the kit of
the minimal project with the kit block below added to its module, and a
MANIFEST of their hashes (PDF bytes depend on the fonts installed, so they are
checked by tests/test_kit.py instead). Regenerate with
``pytest tests/test_kit_target.py --update-golden`` and review ``git diff``.
"""

from __future__ import annotations

import hashlib
import html
import http.server
import logging
import shutil
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from builder.kit.pdf import RefusedResource, render_pdf
from tests.conftest import GOLDEN, REPO, edit, run, tree_files

BASE = "https://formation.example.org/tisseuse"
MISSING = (
    "tisseuse: target kit needs WeasyPrint and segno, which the base install "
    "leaves out: pip install 'tisseuse[kit]'"
)

KIT_BLOCK = """kit:
  opening:
    situation: |
      Il est 7 h. La fille de M. Arnaud appelle le service.
      Elle veut savoir comment s'est passée la nuit.
    question: Que lui dites-vous, et que ne dites-vous pas ?
  discussion:
    - Qui appelle le plus souvent pour avoir des nouvelles ?
    - Que dit notre établissement sur les informations données au téléphone ?
  objections:
    - objection: C'est sa fille, elle a le droit de savoir.
      answer: >-
        Les proches n'ont pas, en général, accès au dossier. Proposez de
        transmettre un message, ou de passer par l'infirmière.
  role_play:
    situation: Un appel de la fille de M. Arnaud, à 7 h.
    minutes: 10
    roles:
      - name: La fille
        brief: Vous êtes inquiète. Vous insistez pour avoir des détails.
      - name: L'aide-soignante
        brief: Vous restez polie. Vous ne lisez pas la note au téléphone.
      - name: L'observateur
        brief: Vous remplissez la grille, sans intervenir.
    rounds:
      - Premier tour de 3 minutes.
      - On change les rôles.
    observe:
      - Reste polie et calme.
      - Ne lit pas la note.
      - Propose de transmettre un message.
  memo:
    rules:
      - Écrivez ce que vous avez vu, avec l'heure.
      - Ne donnez pas d'information au téléphone sans savoir qui appelle.
    checklist:
      - J'ai écrit l'heure.
      - J'ai écrit ce que j'ai vu, pas ce que je pense.
  local_rules:
    - question: Qui peut donner des nouvelles aux familles ?
      example: "Par exemple : l'infirmière de jour, ou le cadre."
  team_sheet:
    kind: checklist
    title: Relire une transmission
    intro: À utiliser à deux, en fin de service.
    parts:
      - title: Les faits
        prompts:
          - L'heure est écrite.
          - Les mots de la personne sont entre guillemets.
"""


def add_kit_block(project: Path) -> None:
    edit(
        project / "modules" / "demo" / "module.yaml",
        "sources:\n  - id: csp\n",
        KIT_BLOCK + "sources:\n  - id: csp\n",
    )


def page(path: Path) -> str:
    """A built page's text as a reader sees it (entities and no-break spaces plain)."""
    text = html.unescape(path.read_text(encoding="utf-8"))
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def build_kit(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TISSEUSE_BASE_URL", BASE)
    result = run(["build", "kit", "-q"], project)
    assert result.exit_code == 0, result.stderr
    return project / "dist" / "kit"


# --- without the [kit] extra ----------------------------------------------------


def test_without_the_extra_build_kit_is_one_line_saying_how_to_install(
    minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import fails
    result = run(["build", "kit", "-q"], minimal)
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith(MISSING), line
    assert line.endswith("; nothing written."), line
    assert not (minimal / "dist").exists()
    verbose = run(["build", "kit"], minimal)  # checked before anything is built
    assert verbose.stderr.splitlines() == [line]


def test_without_the_extra_the_default_build_skips_the_kit_and_says_why(
    minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A base install can still build every other target with plain 'build'."""
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    result = run(["build"], minimal)
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    skipped = [line for line in result.stderr.splitlines() if "skipping" in line]
    assert len(skipped) == 1
    assert skipped[0].startswith("tisseuse: skipping kit (dist/kit left as it was): ")
    assert skipped[0].split(": ", 2)[2].startswith(MISSING.removeprefix("tisseuse: "))
    assert not (minimal / "dist" / "kit").exists()
    assert (minimal / "dist" / "web" / "index.html").is_file()
    assert (minimal / "dist" / "scorm12" / "demo.zip").is_file()


# --- what the target writes ---------------------------------------------------


def test_building_twice_gives_identical_bytes(
    minimal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_kit_block(minimal)
    first = tree_files(build_kit(minimal, monkeypatch))
    shutil.rmtree(minimal / "dist")
    second = tree_files(build_kit(minimal, monkeypatch))
    assert first == second
    assert any(name.endswith(".pdf") for name in first)


def test_kit_block_reaches_guide_memo_sheets_and_team_templates(
    minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_kit_block(minimal)
    kit = build_kit(minimal, monkeypatch)
    guide = page(kit / "modules" / "demo" / "guide-animation.html")
    assert "La fille de M. Arnaud appelle le service." in guide
    assert "C'est sa fille, elle a le droit de savoir." in guide
    assert "Qui appelle le plus souvent" in guide
    sheets = page(kit / "modules" / "demo" / "fiches-activites.html")
    assert sheets.count('class="kit-role"') == 3
    assert "Propose de transmettre un message." in sheets
    memo = page(kit / "modules" / "demo" / "memo.html")
    assert "J'ai écrit l'heure." in memo
    assert f"{BASE}/modules/demo/index.html" in memo
    team = page(kit / "equipe" / "demo.html")
    assert "Relire une transmission" in team
    rules = page(kit / "equipe" / "regles-locales.html")
    assert "Qui peut donner des nouvelles aux familles ?" in rules


def test_weasyprint_has_nothing_to_complain_about(
    minimal: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """No CSS it ignores, no image it cannot load, no layout problem it reports."""
    add_kit_block(minimal)
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        build_kit(minimal, monkeypatch)
    assert [r.getMessage() for r in caplog.records] == []


def test_without_base_url_a_warning_and_no_qr_code(minimal: Path) -> None:
    result = run(["build", "kit"], minimal)
    assert result.exit_code == 0, result.stderr
    assert "modules/catalog.yaml:1:1: warning W601: no 'base_url'" in result.stderr
    assert "modules/demo/module.yaml:1:1: warning W602: no 'kit' block" in result.stderr
    memo = (minimal / "dist" / "kit" / "modules" / "demo" / "memo.html").read_text()
    assert "<svg" not in memo


def test_catalogue_base_url_is_used_and_the_environment_overrides_it(
    minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit(
        minimal / "modules" / "catalog.yaml",
        "default_theme: default\n",
        "default_theme: default\nbase_url: https://catalogue.example.org/\n",
    )
    assert run(["build", "kit", "-q"], minimal).exit_code == 0
    memo = minimal / "dist" / "kit" / "modules" / "demo" / "memo.html"
    assert "https://catalogue.example.org/modules/demo/index.html" in memo.read_text()
    build_kit(minimal, monkeypatch)
    assert f"{BASE}/modules/demo/index.html" in memo.read_text()


def test_a_malformed_base_url_is_one_line(
    minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TISSEUSE_BASE_URL", "formation.example.org")
    result = run(["build", "kit", "-q"], minimal)
    assert result.exit_code == 1
    assert result.stderr == (
        "tisseuse: TISSEUSE_BASE_URL must be an http:// or https:// address, not "
        "'formation.example.org'; nothing written.\n"
    )


# --- no network, no file outside the kit -----------------------------------------


class _Counting(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/svg+xml")
        self.end_headers()
        self.wfile.write(
            b'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'
        )

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def counting_server() -> Iterator[tuple[str, list[str]]]:
    _Counting.requests = []
    server = http.server.HTTPServer(("127.0.0.1", 0), _Counting)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Counting.requests
    server.shutdown()
    server.server_close()


def page_with(src: str) -> str:
    return f'<!doctype html><html lang="fr"><body><p>Mémo</p><img src="{src}" alt=""></body></html>'


@pytest.mark.parametrize("kind", ["http", "stylesheet", "outside", "data"])
def test_pdf_rendering_refuses_everything_but_the_kits_own_files(
    tmp_path: Path, counting_server: tuple[str, list[str]], kind: str
) -> None:
    server, requests = counting_server
    root = tmp_path / "kit"
    root.mkdir()
    outside = tmp_path / "secret.svg"
    outside.write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    source = {
        "http": page_with(f"{server}/logo.svg"),
        "stylesheet": f'<link rel="stylesheet" href="{server}/kit.css"><p>Mémo</p>',
        "outside": page_with(outside.as_uri()),
        "data": page_with(
            "data:image/svg+xml,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%2F%3E"
        ),
    }[kind]
    with pytest.raises(RefusedResource):
        render_pdf(source, root / "memo.html", root)
    assert requests == []


def test_pdf_rendering_uses_images_inside_the_kit(tmp_path: Path) -> None:
    (tmp_path / "media").mkdir()
    image = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
    (tmp_path / "media" / "a.svg").write_text(image, encoding="utf-8")
    with_image = render_pdf(page_with("media/a.svg"), tmp_path / "memo.html", tmp_path)
    without = render_pdf(
        page_with("media/a.svg").replace("<img", "<span"),
        tmp_path / "memo.html",
        tmp_path,
    )
    assert with_image.startswith(b"%PDF-") and with_image != without


# --- golden HTML ----------------------------------------------------------------


def manifest(files: dict[str, bytes]) -> str:
    return "".join(
        f"{hashlib.sha256(data).hexdigest()}  {len(data):>7}  {name}\n"
        for name, data in sorted(files.items())
    )


def test_kit_html_matches_golden(
    minimal: Path, monkeypatch: pytest.MonkeyPatch, update_golden: bool
) -> None:
    add_kit_block(minimal)
    kit = build_kit(minimal, monkeypatch)
    files = {k: v for k, v in tree_files(kit).items() if not k.endswith(".pdf")}
    folder = GOLDEN / "kit" / "minimal"
    if update_golden:
        shutil.rmtree(folder, ignore_errors=True)
        for name, data in files.items():
            (folder / "pages" / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / "pages" / name).write_bytes(data)
        (folder / "MANIFEST").write_text(manifest(files), encoding="utf-8")
    for name, data in files.items():  # readable diff first
        expected = (folder / "pages" / name).read_bytes()
        assert data.decode() == expected.decode(), f"{name} differs from golden"
    assert manifest(files) == (folder / "MANIFEST").read_text(encoding="utf-8")


def test_the_command_line_base_url_wins_over_environment_and_catalogue(
    minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit(
        minimal / "modules" / "catalog.yaml",
        "default_theme: default\n",
        "default_theme: default\nbase_url: https://catalogue.example.org/\n",
    )
    monkeypatch.setenv("TISSEUSE_BASE_URL", BASE)
    cli_url = "https://formation.example.net/tisseuse/"
    result = run(["build", "kit", "-q", "--base-url", cli_url], minimal)
    assert result.exit_code == 0, result.stderr
    memo = minimal / "dist" / "kit" / "modules" / "demo" / "memo.html"
    text = memo.read_text(encoding="utf-8")
    assert "https://formation.example.net/tisseuse/modules/demo/index.html" in text
    assert BASE not in text and "catalogue.example.org" not in text
    bad = run(["build", "kit", "-q", "--base-url", "formation.example.net"], minimal)
    assert bad.exit_code == 1
    assert bad.stderr == (
        "tisseuse: --base-url must be an http:// or https:// address, not "
        "'formation.example.net'; nothing written.\n"
    )


def test_the_theme_logo_and_name_are_printed_on_every_document(
    minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(REPO / "themes" / "federation-exemple", minimal / "themes" / "fed")
    monkeypatch.setenv("TISSEUSE_BASE_URL", BASE)
    result = run(["build", "kit", "--theme", "fed", "-q"], minimal)
    assert result.exit_code == 0, result.stderr
    kit = minimal / "dist" / "kit"
    [logo] = (kit / "assets").glob("logo-*.svg")
    index = page(kit / "index.html")
    assert f'<img class="kit-logo" src="assets/{logo.name}"' in index
    assert "Fédération des Tilleuls" in index
    memo = page(kit / "modules" / "demo" / "memo.html")
    assert f'class="kit-doc-logo" src="../../assets/{logo.name}"' in memo
    assert f'background: url("../../assets/{logo.name}")' in memo  # page 2 onwards
    assert '@top-left { content: "Fédération des Tilleuls"' in memo
    assert "--ts-primary: #0b5d50;" in memo
