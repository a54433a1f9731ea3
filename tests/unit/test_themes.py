"""Themes: inheritance, CSS variables, and errors with a location."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.diagnostics import BuildError
from builder.themes import load_theme
from tests.conftest import REPO


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
