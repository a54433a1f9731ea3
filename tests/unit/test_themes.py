"""Themes: inheritance, CSS variables, and errors with a location."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest

from builder.diagnostics import BuildError
from builder.themes import CONTRAST_PAIRS, contrast_ratio, load_theme
from tests.conftest import REPO, run


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_default_theme_defines_every_colour() -> None:
    theme = load_theme(REPO / "themes", "default")
    css = str(theme.css_variables())
    for name in (
        "primary",
        "on-primary",
        "text",
        "bg",
        "surface",
        "focus",
        "good",
        "bad",
    ):
        assert f"--ts-{name}: #" in css
    assert theme.logo is not None and theme.logo.is_file()


def test_a_theme_overrides_only_what_it_names(tmp_path: Path) -> None:
    write(
        tmp_path / "base" / "theme.yaml",
        'colours: {primary: "#111111", text: "#222222"}\n',
    )
    write(
        tmp_path / "child" / "theme.yaml",
        'extends: base\norganisation: Fédération Exemple\ncolours: {primary: "#333333"}\n',
    )
    theme = load_theme(tmp_path, "child")
    assert theme.colours == {"primary": "#333333", "text": "#222222"}
    assert theme.organisation == "Fédération Exemple"


def test_unsafe_font_names_are_rejected(tmp_path: Path) -> None:
    write(
        tmp_path / "bad" / "theme.yaml",
        'font_family: "Arial; } body { display: none"\n',
    )
    with pytest.raises(BuildError) as error:
        load_theme(tmp_path, "bad")
    line = error.value.report.lines()[0]
    assert line.endswith(
        "bad/theme.yaml:1:14: error E206: 'font_family' may hold font names, "
        "quotes, commas, spaces and hyphens only, e.g. '\"Atkinson "
        "Hyperlegible\", Arial, sans-serif' (found 'Arial; } body { "
        "display: none')"
    )


def test_unknown_theme_and_loops_are_errors(tmp_path: Path) -> None:
    with pytest.raises(BuildError):
        load_theme(tmp_path, "absent")
    write(tmp_path / "a" / "theme.yaml", "extends: b\n")
    write(tmp_path / "b" / "theme.yaml", "extends: a\n")
    with pytest.raises(BuildError) as error:
        load_theme(tmp_path, "a")
    assert "loop" in error.value.report.lines()[0]


def test_contrast_ratio_follows_wcag() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21)
    assert contrast_ratio("#1f4e79", "#1f4e79") == pytest.approx(1)
    # The classic threshold grey: #767676 on white is just above 4.5:1.
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#777777", "#ffffff") < 4.5


@pytest.mark.parametrize("name", ["default", "federation-exemple"])
def test_bundled_themes_pass_every_contrast_pair(name: str) -> None:
    theme = load_theme(REPO / "themes", name)
    for fg, bg, needed in CONTRAST_PAIRS:
        assert contrast_ratio(theme.colours[fg], theme.colours[bg]) >= needed


def test_a_low_contrast_colour_fails_with_file_key_and_ratio(tmp_path: Path) -> None:
    shutil.copytree(REPO / "themes" / "default", tmp_path / "default")
    write(
        tmp_path / "pale" / "theme.yaml",
        'extends: default\ncolours:\n  tint: "#eef4fa"\n  muted: "#9aa0a6"\n',
    )
    with pytest.raises(BuildError) as error:
        load_theme(tmp_path, "pale")
    lines = [
        line.split("pale/theme.yaml:", 1)[1] for line in error.value.report.lines()
    ]
    assert lines == [
        "4:10: error E311: 'muted' #9aa0a6 on 'background' #f6f5f1 has a contrast "
        "of 2.42:1; text need 4.5:1 (WCAG AA): make one of them darker or lighter",
        "4:10: error E311: 'muted' #9aa0a6 on 'surface' #ffffff has a contrast of "
        "2.64:1; text need 4.5:1 (WCAG AA): make one of them darker or lighter",
        "4:10: error E311: 'muted' #9aa0a6 on 'tint' #eef4fa has a contrast of "
        "2.38:1; text need 4.5:1 (WCAG AA): make one of them darker or lighter",
    ]


def test_a_parent_colour_made_unreadable_by_a_child_points_at_the_child(
    tmp_path: Path,
) -> None:
    shutil.copytree(REPO / "themes" / "default", tmp_path / "default")
    write(
        tmp_path / "dark" / "theme.yaml",
        'extends: default\ncolours: {surface: "#333333"}\n',
    )
    with pytest.raises(BuildError) as error:
        load_theme(tmp_path, "dark")
    lines = error.value.report.lines()
    assert lines and all("dark/theme.yaml:2:20: error E311:" in line for line in lines)
    assert any("'text' #1b1f24 on 'surface' #333333" in line for line in lines)


def test_every_text_colour_in_the_stylesheet_is_checked() -> None:
    css = (REPO / "builder" / "player" / "tisseuse.css").read_text(encoding="utf-8")
    used = set(re.findall(r"(?<![-\w])color:\s*var\(--ts-([a-z-]+)\)", css))
    names = {"bg": "background"}
    checked = {fg for fg, _, _ in CONTRAST_PAIRS}
    assert used, "the stylesheet sets no text colour from the theme?"
    assert {names.get(u, u).replace("-", "_") for u in used} <= checked


def test_the_example_theme_changes_name_logo_and_colours_everywhere(
    catalogue_copy: Path,
) -> None:
    result = run(
        ["build", "web", "scorm12", "--theme", "federation-exemple", "-q"],
        catalogue_copy,
    )
    assert result.exit_code == 0, result.stderr
    web = (catalogue_copy / "dist" / "web" / "index.html").read_text(encoding="utf-8")
    with zipfile.ZipFile(
        catalogue_copy / "dist" / "scorm12" / "t1-transmissions-ciblees.zip"
    ) as package:
        scorm = package.read("index.html").decode("utf-8")
        logo = package.read("assets/logo.svg").decode("utf-8")
    for page in (web, scorm):
        assert "Fédération des Tilleuls" in page
        assert "--ts-primary: #0b5d50;" in page
        assert "--ts-text: #1b1f24;" in page  # inherited from default
    assert 'aria-label="Fédération des Tilleuls"' in logo
