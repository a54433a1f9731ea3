"""Themes: an organisation's name, logo and colours, as CSS custom properties.

``themes/<name>/theme.yaml`` may extend a parent theme and override only what
differs. A theme never holds templates: pages and player read ``--ts-*``
variables, so a colour change is one line of YAML.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from markupsafe import Markup
from pydantic import Field, Strict, StringConstraints

from builder.diagnostics import BuildError, Location, Report
from builder.loader.sources import load_model
from builder.model.base import Model, RelativePath, Slug, Text

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
    """SVG or PNG file in the theme folder."""
    font_family: FontFamily | None = None
    """A CSS font list, e.g. '"Atkinson Hyperlegible", Arial, sans-serif'."""
    colours: dict[ColourName, Colour] = Field(default_factory=dict)


class Theme(Model):
    """A theme with its parents merged in."""

    name: str
    organisation: str
    logo: Path | None
    font_family: str
    colours: dict[str, str]

    def css_variables(self) -> Markup:
        """The ``:root`` rule; safe to embed: every value was validated."""
        names = {"background": "bg"}
        lines = [
            f"--ts-{names.get(k, k).replace('_', '-')}: {v};"
            for k, v in sorted(self.colours.items())
        ]
        lines.append(f"--ts-font: {self.font_family};")
        return Markup(":root {\n  " + "\n  ".join(lines) + "\n}\n")


def load_theme(themes_dir: Path, name: str) -> Theme:
    """Load ``name`` and its parents; raise BuildError with diagnostics on failure."""
    report = Report()
    chain: list[tuple[Path, ThemeFile]] = []
    current: str | None = name
    while current is not None:
        folder = themes_dir / current
        if (
            current in {c[0].name for c in chain}
            or not (folder / "theme.yaml").is_file()
        ):
            where = chain[-1][0] / "theme.yaml" if chain else themes_dir / name
            report.error(
                Location(where),
                "E302",
                f"there is no theme '{current}' (a folder themes/{current}/ with a "
                "theme.yaml), or the themes extend each other in a loop",
            )
            raise BuildError(report)
        loaded = load_model(folder / "theme.yaml", ThemeFile, report)
        if loaded is None:
            raise BuildError(report)
        chain.append((folder, loaded.model))
        current = loaded.model.extends
    return _merge(name, chain)


def _merge(name: str, chain: list[tuple[Path, ThemeFile]]) -> Theme:
    colours: dict[str, str] = {}
    organisation, logo, font = "Tisseuse", None, SYSTEM_FONTS
    for folder, theme in reversed(chain):  # root first, the named theme last
        colours.update({str(k): v for k, v in theme.colours.items()})
        organisation = theme.organisation or organisation
        logo = folder / theme.logo if theme.logo else logo
        font = theme.font_family or font
    return Theme(
        name=name,
        organisation=organisation,
        logo=logo,
        font_family=font,
        colours=colours,
    )
