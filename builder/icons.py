"""Theme pictures: the header logo, browser icons and the Open edX course card.

* logo: SVG (cleaned) or raster, sized for the header (``images.LOGO_HEIGHT``);
* favicon: the SVG logo itself, else a 32×32 PNG;
* ``apple-touch-icon``: 180×180 opaque PNG (home screens of tablets);
* course card: 756×450 PNG (Studio's course image is 378×225; twice that).

Raster icons come from the theme's ``icon`` (a square PNG, JPEG or WebP of at
least 512 px). Pillow cannot draw an SVG, so a theme without an icon gets
icons drawn here from its primary colour and its organisation's initials
(deterministic), and a warning (W409) suggesting an icon if it has an SVG logo.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PIL import Image, ImageDraw, ImageFont

from builder.diagnostics import Location, Report
from builder.images import (
    RASTER_FORMATS,
    Encoded,
    ImageError,
    ImagePipeline,
    Picture,
    Rendition,
    decode,
    encode_png,
    inspect_image,
    raster_size,
)

if TYPE_CHECKING:
    from builder.themes import Theme

FAVICON = 32
TOUCH_ICON = 180
COURSE_CARD = (756, 450)
MIN_ICON = 512
_SMALL_WORDS = frozenset(
    {"a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les"}
)


@dataclass(frozen=True)
class Icon:
    """A ``<link rel=...>`` and its file (``data`` None: a file shipped anyway)."""

    rel: str
    name: str
    type: str
    sizes: str | None
    data: bytes | None


@dataclass(frozen=True)
class ThemePictures:
    logo: Picture | None
    favicon: Icon
    touch_icon: Icon

    def files(self, *, home_screen: bool) -> dict[str, bytes]:
        """Files for ``assets/``; ``home_screen``: also the tablet home-screen icon."""
        files = dict(self.logo.files) if self.logo else {}
        for icon in self.icons(home_screen=home_screen):
            if icon.data is not None:
                files[icon.name] = icon.data
        return files

    def icons(self, *, home_screen: bool) -> list[Icon]:
        return [self.favicon, self.touch_icon] if home_screen else [self.favicon]


def theme_pictures(images: ImagePipeline, theme: Theme) -> ThemePictures:
    logo = images.logo(theme.logo) if theme.logo else None
    if logo is not None and theme.logo is not None and theme.logo.suffix == ".svg":
        svg = logo.rendition.files[0]
        favicon = Icon("icon", logo.name(svg), "image/svg+xml", None, None)
    else:
        data = _square(images, theme, FAVICON, opaque=False)
        favicon = Icon("icon", "icon-32.png", "image/png", "32x32", data)
    touch = _square(images, theme, TOUCH_ICON, opaque=True)
    touch_icon = Icon(
        "apple-touch-icon", "apple-touch-icon.png", "image/png", None, touch
    )
    return ThemePictures(logo, favicon, touch_icon)


def course_card(images: ImagePipeline, theme: Theme) -> tuple[str, bytes]:
    """The Open edX course image: the icon centred on the primary colour."""
    width, height = COURSE_CARD
    source = theme.icon.read_bytes() if theme.icon else b""
    settings = _settings(theme, "card", width, height)

    def make() -> Image.Image:
        card = Image.new("RGB", COURSE_CARD, _primary(theme))
        if not source:
            return _draw_initials(card, theme, height * 0.4)
        side = round(height * 0.6)
        alpha, icon = decode(source)
        icon = icon.resize((side, side), Image.Resampling.LANCZOS)
        corner = ((width - side) // 2, (height - side) // 2)
        card.paste(icon, corner, icon if alpha else None)
        return card

    return "course-image.png", _png(images, source, settings, make)


def initials(organisation: str) -> str:
    """Up to two capital initials, small words and accents left out."""
    plain = unicodedata.normalize("NFKD", organisation).encode("ascii", "ignore")
    words = [
        w
        for w in re.split(r"[^A-Za-z0-9]+", plain.decode())
        if w and w.lower() not in _SMALL_WORDS
    ]
    return "".join(w[0].upper() for w in words[:2]) or "T"


def _square(images: ImagePipeline, theme: Theme, size: int, *, opaque: bool) -> bytes:
    source = theme.icon.read_bytes() if theme.icon else b""
    settings = _settings(theme, "icon", size, opaque)

    def make() -> Image.Image:
        if not source:
            return _draw_initials(
                Image.new("RGB", (size, size), _primary(theme)), theme, size * 0.5
            )
        alpha, icon = decode(source)
        icon = icon.resize((size, size), Image.Resampling.LANCZOS)
        if not (alpha and opaque):
            return icon
        flat = Image.new("RGB", icon.size, theme.colours.get("surface", "#ffffff"))
        flat.paste(icon, (0, 0), icon)
        return flat

    return _png(images, source, settings, make)


def _settings(theme: Theme, kind: str, *values: Any) -> dict[str, Any]:
    colours = [theme.colours.get(k) for k in ("primary", "on_primary", "surface")]
    return {
        "kind": kind,
        "values": list(values),
        "colours": colours,
        "initials": initials(theme.organisation),
    }


def _png(
    images: ImagePipeline,
    source: bytes,
    settings: dict[str, Any],
    make: Callable[[], Image.Image],
) -> bytes:
    def rendition() -> Rendition:
        image = make()
        encoded = Encoded(".png", image.width, image.height, encode_png(image))
        return Rendition(image.width, image.height, (encoded,), None, len(source))

    made = images.render(source, settings, rendition, counted=bool(source))
    return made.files[0].data


def _primary(theme: Theme) -> str:
    return theme.colours.get("primary", "#1f4e79")


def _draw_initials(image: Image.Image, theme: Theme, size: float) -> Image.Image:
    text = initials(theme.organisation)
    font = ImageFont.load_default(size * (1 if len(text) == 1 else 0.8))
    centre = (image.width / 2, image.height / 2)
    colour = theme.colours.get("on_primary", "#ffffff")
    bold = max(1, round(size / 40))  # the built-in font is light: thicken it
    ImageDraw.Draw(image).text(
        centre,
        text,
        fill=colour,
        font=font,
        anchor="mm",
        stroke_width=bold,
        stroke_fill=colour,
    )
    return image


# --- checks (theme loading) ---------------------------------------------------------


def check_theme_pictures(
    logo: Path | None,
    icon: Path | None,
    where: Callable[[str], Location],
    report: Report,
) -> None:
    """Errors for an unusable logo or icon; W409 for an SVG logo without icon."""
    for key, path in (("logo", logo), ("icon", icon)):
        if path is not None:
            _check_file(key, path, where(key), report)
    if icon is not None and icon.is_file():
        _check_icon(icon, where("icon"), report)
    if logo is not None and logo.suffix.lower() == ".svg" and icon is None:
        report.warning(
            where("logo"),
            "W409",
            "the logo is an SVG and the theme has no 'icon': browser, home-screen "
            "and Open edX icons are drawn from the organisation's initials; add "
            f"'icon:' with a square PNG of {MIN_ICON} pixels or more",
        )


def _check_file(key: str, path: Path, at: Location, report: Report) -> None:
    if not path.is_file():
        report.error(
            at,
            "E303",
            f"the file '{path.name}' does not exist in the theme folder: check the "
            "name (capitals count) or add the file",
        )
        return
    for problem in inspect_image(path):
        place = (
            at if problem.line is None else Location(path, problem.line, problem.col)
        )
        prefix = f"{key} '{path.name}': " if problem.line is None else ""
        report.error(place, problem.code, prefix + problem.message)


def _check_icon(icon: Path, at: Location, report: Report) -> None:
    if icon.suffix.lower() not in RASTER_FORMATS:
        report.error(
            at,
            "E314",
            "the icon must be a PNG, JPEG or WebP image (an SVG cannot be turned "
            "into app icons here): export your logo as a square PNG",
        )
        return
    try:
        width, height = raster_size(icon.read_bytes())
    except ImageError:
        return  # already reported by _check_file
    if width != height or width < MIN_ICON:
        report.error(
            at,
            "E314",
            f"the icon is {width}×{height} pixels: it must be square and at least "
            f"{MIN_ICON}×{MIN_ICON} (browsers and LMSs cut it to a square)",
        )
