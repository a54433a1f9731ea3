"""Themes: an organisation's name, logo and colours, as CSS custom properties.

``themes/<name>/theme.yaml`` may extend a parent theme and override only what
differs. A theme never holds templates: pages and player read ``--ts-*``
variables, so a colour change is one line of YAML.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Literal

from markupsafe import Markup
from pydantic import Field, Strict, StringConstraints

from builder.diagnostics import BuildError, Location, Report
from builder.icons import check_theme_pictures
from builder.loader.sources import load_model
from builder.model.base import Model, RelativePath, Slug, Text
from builder.theme_fonts import (
    FontFile,
    ThemeFont,
    check_font_files,
    font_faces,
    named_families,
)
from builder.theme_wording import Wording, check_wording, merge_wording
from builder.yamlpos import SourceDoc

Colour = Annotated[str, Strict(), StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]
#: Font names, quotes, commas and spaces only: it goes into CSS as it is.
FontFamily = Annotated[
    str, Strict(), StringConstraints(pattern=r"^[A-Za-z0-9 \"',-]+$", max_length=200)
]
ColourName = Literal[
    "primary",  # header, primary buttons, progress
    "on_primary",  # text on primary
    "text",
    "muted",  # secondary text
    "background",
    "surface",  # cards and screens
    "paper",  # documents in spot-the-problem activities
    "border",
    "tint",  # light backgrounds: selected options, feedback
    "link",
    "focus",
    "good",
    "bad",
]

TEXT_CONTRAST = 4.5
"""WCAG 2.2 AA, 1.4.3: normal-size text."""
UI_CONTRAST = 3.0
"""WCAG 2.2 AA, 1.4.11: focus outlines, control borders, state markers."""

#: Every (foreground, background) pair the stylesheet (player/tisseuse.css)
#: draws text or controls with, and the contrast it needs. A test checks that
#: every text colour the stylesheet uses appears here.
CONTRAST_PAIRS: tuple[tuple[ColourName, ColourName, float], ...] = (
    ("text", "background", TEXT_CONTRAST),
    ("text", "surface", TEXT_CONTRAST),
    ("text", "tint", TEXT_CONTRAST),
    ("text", "paper", TEXT_CONTRAST),
    ("muted", "background", TEXT_CONTRAST),
    ("muted", "surface", TEXT_CONTRAST),
    ("muted", "tint", TEXT_CONTRAST),
    ("link", "background", TEXT_CONTRAST),
    ("link", "surface", TEXT_CONTRAST),
    ("link", "tint", TEXT_CONTRAST),
    ("on_primary", "primary", TEXT_CONTRAST),
    ("primary", "surface", UI_CONTRAST),
    ("primary", "background", UI_CONTRAST),
    ("focus", "background", UI_CONTRAST),
    ("focus", "surface", UI_CONTRAST),
    ("good", "surface", UI_CONTRAST),
    ("good", "tint", UI_CONTRAST),
    ("bad", "surface", UI_CONTRAST),
    ("bad", "tint", UI_CONTRAST),
)

SYSTEM_FONTS = (
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", '
    '"Liberation Sans", Arial, sans-serif'
)


class ThemeFile(Model):
    """``themes/<name>/theme.yaml``."""

    extends: Slug | None = None
    """Parent theme whose values this one overrides."""
    organisation: Text | None = None
    """Name shown in the page header next to the logo."""
    logo: RelativePath | None = None
    """SVG, PNG, JPEG or WebP file in the theme folder."""
    icon: RelativePath | None = None
    """Square PNG, JPEG or WebP (512 px or more) for browser and LMS icons; a theme
    that sets its own logo does not inherit its parent's icon."""
    font_family: FontFamily | None = None
    """A CSS font list, e.g. '"Atkinson Hyperlegible", Arial, sans-serif'."""
    fonts: tuple[FontFile, ...] = ()
    """Font files bundled with every package (WOFF2 or WOFF, in this folder)."""
    colours: dict[ColourName, Colour] = Field(default_factory=dict)
    wording: dict[str, dict[str, Text]] = Field(default_factory=dict)
    """UI language -> message key -> this organisation's own words."""


class Theme(Model):
    """A theme with its parents merged in."""

    name: str
    organisation: str
    logo: Path | None
    font_family: str
    colours: dict[str, str]
    icon: Path | None = None
    fonts: tuple[ThemeFont, ...] = ()
    wording: Wording = Field(default_factory=dict)

    def font_faces(self, prefix: str) -> Markup:
        """``@font-face`` rules for the bundled fonts, at ``<prefix>fonts/...``."""
        return font_faces(self.fonts, prefix)

    def variables(self) -> dict[str, str]:
        """The CSS custom properties the player reads (``--ts-primary``...)."""
        names = {"background": "bg"}
        variables = {
            f"--ts-{names.get(k, k).replace('_', '-')}": v
            for k, v in sorted(self.colours.items())
        }
        variables["--ts-font"] = self.font_family
        return variables

    def css_variables(self) -> Markup:
        """The ``:root`` rule; safe to embed: every value was validated."""
        lines = [f"{k}: {v};" for k, v in self.variables().items()]
        return Markup(":root {\n  " + "\n  ".join(lines) + "\n}\n")


def relative_luminance(colour: str) -> float:
    """WCAG 2.2 relative luminance of a ``#rrggbb`` colour."""

    def channel(hex_pair: str) -> float:
        c = int(hex_pair, 16) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio, from 1 (same colour) to 21 (black on white)."""
    light, dark = sorted(
        (relative_luminance(first), relative_luminance(second)), reverse=True
    )
    return (light + 0.05) / (dark + 0.05)


def check_contrast(
    theme: Theme, where: Callable[[str], tuple[int, Location]], report: Report
) -> None:
    """E311 for every pair of CONTRAST_PAIRS below its WCAG AA ratio.

    ``where(colour)`` gives how specific the theme file that set ``colour`` is
    (0: the theme being built, 1: its parent…) and the key's location; the
    diagnostic points at the more specific of the two colours, the one the
    author most likely just changed.
    """
    for fg, bg, needed in CONTRAST_PAIRS:
        if fg not in theme.colours or bg not in theme.colours:
            continue
        ratio = contrast_ratio(theme.colours[fg], theme.colours[bg])
        if ratio >= needed:
            continue
        what = (
            "text needs"
            if needed == TEXT_CONTRAST
            else "controls and focus outlines need"
        )
        report.error(
            min(where(fg), where(bg), key=lambda found: found[0])[1],
            "E311",
            f"'{fg}' {theme.colours[fg]} on '{bg}' {theme.colours[bg]} has a "
            f"contrast of {ratio:.2f}:1; {what} {needed:g}:1 (WCAG AA): "
            "make one of them darker or lighter",
        )


def load_theme(themes_dir: Path, name: str, warnings: Report | None = None) -> Theme:
    """Load ``name`` and its parents; raise BuildError with diagnostics on failure.

    Warnings (e.g. W409) go to ``warnings`` when given.
    """
    report = Report()
    chain: list[tuple[Path, ThemeFile]] = []
    docs: list[SourceDoc] = []
    current: str | None = name
    while current is not None:
        folder = themes_dir / current
        if (
            current in {c[0].name for c in chain}
            or not (folder / "theme.yaml").is_file()
        ):
            referrer = chain[-1][0] / "theme.yaml" if chain else themes_dir / name
            report.error(
                Location(referrer),
                "E302",
                f"there is no theme '{current}' (a folder themes/{current}/ with a "
                "theme.yaml), or the themes extend each other in a loop",
            )
            raise BuildError(report)
        loaded = load_model(folder / "theme.yaml", ThemeFile, report)
        if loaded is None:
            raise BuildError(report)
        chain.append((folder, loaded.model))
        docs.append(loaded.doc)
        check_font_files(folder, loaded.model.fonts, loaded.doc, report)
        check_wording(loaded.model.wording, loaded.doc, report)
        current = loaded.model.extends
    theme = _merge(name, chain)
    _check_fonts_named(chain[0][1], docs[0], theme.font_family, report)

    def set_at(colour: str) -> tuple[int, Location]:
        for depth, doc in enumerate(docs):  # the named theme first, then parents
            if doc.has("colours", colour):
                return depth, doc.at("colours", colour)
        return len(docs), Location(themes_dir / name / "theme.yaml")

    check_contrast(theme, set_at, report)
    check_theme_pictures(
        theme.logo,
        theme.icon,
        lambda key: next(
            (doc.at(key) for doc in docs if doc.has(key)),
            Location(themes_dir / name / "theme.yaml"),
        ),
        report,
    )
    if report.errors:
        raise BuildError(report)
    if warnings is not None:
        warnings.extend(report.warnings)
    return theme


def _check_fonts_named(
    theme_file: ThemeFile, doc: SourceDoc, font_family: str, report: Report
) -> None:
    """E313 for a font the theme bundles but ``font_family`` never names."""
    named = named_families(font_family)
    for index, font in enumerate(theme_file.fonts):
        if font.family.lower() not in named:
            report.error(
                doc.at("fonts", index, "family"),
                "E313",
                f"the font '{font.family}' is bundled but 'font_family' does not "
                "name it, so no page would use it: write font_family: "
                f"'\"{font.family}\", Arial, sans-serif'",
            )


def _merge(name: str, chain: list[tuple[Path, ThemeFile]]) -> Theme:
    colours: dict[str, str] = {}
    organisation, logo, font = "Tisseuse", None, SYSTEM_FONTS
    icon: Path | None = None
    fonts: dict[tuple[str, int, str], ThemeFont] = {}
    for folder, theme in reversed(chain):  # root first, the named theme last
        colours.update({str(k): v for k, v in theme.colours.items()})
        organisation = theme.organisation or organisation
        logo = folder / theme.logo if theme.logo else logo
        icon = folder / theme.icon if theme.icon else None if theme.logo else icon
        font = theme.font_family or font
        for face in theme.fonts:
            key = (face.family.lower(), face.weight, face.style)
            fonts[key] = ThemeFont(
                family=face.family,
                weight=face.weight,
                style=face.style,
                path=folder / face.file,
            )
    return Theme(
        name=name,
        organisation=organisation,
        logo=logo,
        icon=icon,
        font_family=font,
        colours=colours,
        # A parent's font the chosen font_family no longer names is left out.
        fonts=tuple(fonts[k] for k in sorted(fonts) if k[0] in named_families(font)),
        wording=merge_wording([t.wording for _, t in reversed(chain)]),
    )
