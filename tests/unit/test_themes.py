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
from tests.fonts import write_woff2


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
        "of 2.42:1; text needs 4.5:1 (WCAG AA): make one of them darker or lighter",
        "4:10: error E311: 'muted' #9aa0a6 on 'surface' #ffffff has a contrast of "
        "2.64:1; text needs 4.5:1 (WCAG AA): make one of them darker or lighter",
        "4:10: error E311: 'muted' #9aa0a6 on 'tint' #eef4fa has a contrast of "
        "2.38:1; text needs 4.5:1 (WCAG AA): make one of them darker or lighter",
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
        [name] = [n for n in package.namelist() if n.startswith("assets/logo-")]
        logo = package.read(name).decode("utf-8")
    for page in (web, scorm):
        assert "Fédération des Tilleuls" in page
        assert "--ts-primary: #0b5d50;" in page
        assert "--ts-text: #1b1f24;" in page  # inherited from default
    assert 'aria-label="Fédération des Tilleuls"' in logo
    module = catalogue_copy / "dist" / "web" / "modules" / "t1-transmissions-ciblees"
    link = "Retour à l&#39;espace formation</a>"  # the theme's own wording
    assert link in (module / "index.html").read_text(encoding="utf-8")
    assert '"back_to_catalogue":"Retour à l\'espace formation"' in scorm


# --- wording: a theme's own words for interface messages ------------------------


def test_wording_is_inherited_and_merged_key_by_key(tmp_path: Path) -> None:
    write(
        tmp_path / "base" / "theme.yaml",
        "wording:\n  fr:\n    back_to_catalogue: Retour à l'accueil\n"
        "    kit.index_title: Kit de l'animateur\n",
    )
    write(
        tmp_path / "child" / "theme.yaml",
        "extends: base\nwording:\n  fr:\n    back_to_catalogue: Retour au site\n"
        "  en:\n    back_to_catalogue: Back to our courses\n",
    )
    theme = load_theme(tmp_path, "child")
    assert theme.wording == {
        "fr": {
            "back_to_catalogue": "Retour au site",
            "kit.index_title": "Kit de l'animateur",
        },
        "en": {"back_to_catalogue": "Back to our courses"},
    }


def theme_errors(folder: Path, name: str) -> list[str]:
    with pytest.raises(BuildError) as error:
        load_theme(folder, name)
    return [
        line.split(f"{name}/theme.yaml:", 1)[1] for line in error.value.report.lines()
    ]


def test_an_unknown_wording_key_names_its_line_and_the_closest_keys(
    tmp_path: Path,
) -> None:
    write(
        tmp_path / "typo" / "theme.yaml",
        "wording:\n  fr:\n    back_to_catalog: Retour\n    kit.index_titel: Kit\n",
    )
    assert theme_errors(tmp_path, "typo") == [
        "3:5: error E202: unknown message key 'back_to_catalog' in 'wording': "
        "did you mean 'back_to_catalogue' or 'back_to_path'?",
        "4:5: error E202: unknown message key 'kit.index_titel' in 'wording': "
        "did you mean 'kit.index_title', 'kit.index_intro' or 'kit.kind_guide'?",
    ]


def test_an_override_must_keep_the_placeholders_of_the_original(
    tmp_path: Path,
) -> None:
    write(
        tmp_path / "lost" / "theme.yaml",
        "wording:\n  fr:\n    minutes: environ {m} minutes\n    check: OK {n}\n"
        "    screen_of: Page {n} / {total}\n",
    )
    assert theme_errors(tmp_path, "lost") == [
        "3:14: error E312: 'minutes' must keep exactly the placeholders {n} of the "
        "original '{n} min': they are replaced by numbers or names on the page",
        "4:12: error E312: 'check' takes no {placeholder}: the original is "
        "'Valider'; write plain text",
    ]


def test_wording_for_an_interface_language_that_does_not_exist(
    tmp_path: Path,
) -> None:
    write(tmp_path / "de" / "theme.yaml", "wording:\n  de:\n    check: Prüfen\n")
    assert theme_errors(tmp_path, "de") == [
        "2:3: error E204: there is no interface language 'de' for 'wording': use "
        "fr or en"
    ]


# --- fonts bundled with the theme ------------------------------------------------


def font_theme(folder: Path, fonts: str, family: str = "Lettres") -> Path:
    write(
        folder / "lettres" / "theme.yaml",
        f"font_family: '\"{family}\", Arial, sans-serif'\nfonts:\n{fonts}",
    )
    return folder


def test_a_bundled_font_gets_a_font_face_rule_with_a_relative_url(
    tmp_path: Path,
) -> None:
    write_woff2(tmp_path / "lettres" / "fonts" / "Lettres-Bold.woff2")
    font_theme(
        tmp_path,
        "  - {family: Lettres, file: fonts/Lettres-Bold.woff2, weight: 700}\n",
    )
    theme = load_theme(tmp_path, "lettres")
    assert [f.asset_name for f in theme.fonts] == ["fonts/lettres-700.woff2"]
    assert str(theme.font_faces("../assets/")) == (
        "@font-face {\n"
        '  font-family: "Lettres";\n'
        '  src: url("../assets/fonts/lettres-700.woff2") format("woff2");\n'
        "  font-weight: 700;\n"
        "  font-style: normal;\n"
        "  font-display: swap;\n"
        "}\n"
    )


def test_fonts_from_the_web_outside_the_theme_or_not_woff_are_refused(
    tmp_path: Path,
) -> None:
    write(tmp_path / "elsewhere.woff2", "wOF2")
    write(tmp_path / "lettres" / "renamed.woff2", "\x00\x01\x00\x00 a TrueType file")
    write(tmp_path / "lettres" / "font.ttf", "\x00\x01\x00\x00")
    font_theme(
        tmp_path,
        "  - {family: Lettres, file: 'https://fonts.example.org/lettres.woff2'}\n"
        "  - {family: Lettres, file: ../elsewhere.woff2}\n"
        "  - {family: Lettres, file: renamed.woff2}\n"
        "  - {family: Lettres, file: font.ttf}\n"
        "  - {family: Lettres, file: missing.woff2}\n",
    )
    lines = theme_errors(tmp_path, "lettres")
    assert [line.split(": ", 2)[:2] for line in lines] == [
        ["3:29", "error E313"],
        ["4:29", "error E313"],
        ["5:29", "error E313"],
        ["6:29", "error E313"],
        ["7:29", "error E313"],
    ]
    assert "is a web address" in lines[0]
    assert "is outside the theme folder" in lines[1]
    assert "is not really a WOFF2 file" in lines[2]
    assert "is not a .woff2 or .woff file" in lines[3]
    assert "there is no file 'missing.woff2'" in lines[4]


def test_a_bundled_font_that_font_family_does_not_name_is_an_error(
    tmp_path: Path,
) -> None:
    write_woff2(tmp_path / "lettres" / "lettres.woff2")
    font_theme(tmp_path, "  - {family: Lettres, file: lettres.woff2}\n", "Autre")
    assert theme_errors(tmp_path, "lettres") == [
        "3:14: error E313: the font 'Lettres' is bundled but 'font_family' does not "
        'name it, so no page would use it: write font_family: \'"Lettres", Arial, '
        "sans-serif'"
    ]
