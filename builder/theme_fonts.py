"""Font files a theme bundles: checked at load, shipped with every package.

A theme lists WOFF2 or WOFF files of its own folder under ``fonts:``; every
browser target and the kit copy them next to their stylesheet and declare
them with ``@font-face`` rules whose URLs are relative, so no page ever asks
another host for a font. ``font_family`` then names the family first.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal

from markupsafe import Markup
from pydantic import Field, Strict, StringConstraints

from builder.diagnostics import Report
from builder.model.base import Model, RelativePath
from builder.yamlpos import SourceDoc

#: One family name, as CSS quotes it: letters, digits, spaces and hyphens.
FontName = Annotated[
    str,
    Strict(),
    StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9 -]*$", max_length=100),
]
FontWeight = Annotated[int, Strict(), Field(ge=100, le=900)]

#: File suffix -> (the first four bytes of such a file, the CSS format name).
FONT_FORMATS: dict[str, tuple[bytes, str]] = {
    ".woff2": (b"wOF2", "woff2"),
    ".woff": (b"wOFF", "woff"),
}
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


class FontFile(Model):
    """One ``fonts:`` entry of ``theme.yaml``."""

    family: FontName
    """The family name ``font_family`` uses, e.g. 'Atkinson Hyperlegible'."""
    file: RelativePath
    """A .woff2 (or .woff) file in the theme folder."""
    weight: FontWeight = 400
    """100 to 900: 400 is regular, 700 bold."""
    style: Literal["normal", "italic"] = "normal"


class ThemeFont(Model):
    """A checked font file of a merged theme."""

    family: str
    weight: int
    style: str
    path: Path

    @property
    def asset_name(self) -> str:
        """Its name in a package's assets: one per face, whatever the source name."""
        slug = re.sub(r"[^a-z0-9]+", "-", self.family.lower()).strip("-")
        italic = "-italic" if self.style == "italic" else ""
        return f"fonts/{slug}-{self.weight}{italic}{self.path.suffix.lower()}"

    def font_face(self, prefix: str) -> str:
        """The ``@font-face`` rule, its URL relative to the page (``prefix``)."""
        kind = FONT_FORMATS[self.path.suffix.lower()][1]
        return (
            "@font-face {\n"
            f'  font-family: "{self.family}";\n'
            f'  src: url("{prefix}{self.asset_name}") format("{kind}");\n'
            f"  font-weight: {self.weight};\n"
            f"  font-style: {self.style};\n"
            "  font-display: swap;\n"
            "}\n"
        )


def font_faces(fonts: tuple[ThemeFont, ...], prefix: str) -> Markup:
    """Every ``@font-face`` rule; safe to embed: every value was validated."""
    return Markup("".join(font.font_face(prefix) for font in fonts))


def font_files(fonts: tuple[ThemeFont, ...]) -> dict[str, bytes]:
    """Asset name -> bytes, for the targets to write beside their stylesheet."""
    return {font.asset_name: font.path.read_bytes() for font in fonts}


def check_font_files(
    folder: Path, fonts: tuple[FontFile, ...], doc: SourceDoc, report: Report
) -> None:
    """E313 for a font that is a web address, outside ``folder``, or not WOFF/WOFF2."""
    for index, font in enumerate(fonts):
        problem = _font_file_problem(folder, font.file)
        if problem:
            report.error(doc.at("fonts", index, "file"), "E313", problem)


def _font_file_problem(folder: Path, name: str) -> str | None:
    if _SCHEME.match(name):
        return (
            f"'{name}' is a web address: a theme's fonts travel inside the packages "
            "and are never fetched from another site; put the .woff2 file (check "
            "its licence) in the theme folder and give its name"
        )
    path = (folder / name).resolve()
    if not path.is_relative_to(folder.resolve()):
        return (
            f"'{name}' is outside the theme folder: copy the font into {folder.name}/"
        )
    expected = FONT_FORMATS.get(path.suffix.lower())
    if expected is None:
        return f"'{name}' is not a .woff2 or .woff file: convert the font to WOFF2"
    if not path.is_file():
        return f"there is no file '{name}' in the theme folder {folder.name}/"
    with path.open("rb") as stream:
        head = stream.read(4)
    if head != expected[0]:
        return (
            f"'{name}' is not really a {expected[1].upper()} file (it starts with "
            f"{head!r}): convert the font to WOFF2 rather than renaming the file"
        )
    return None


def named_families(font_family: str) -> set[str]:
    """The family names of a CSS font list, lowercased, without quotes."""
    return {part.strip().strip("\"'").lower() for part in font_family.split(",")}
