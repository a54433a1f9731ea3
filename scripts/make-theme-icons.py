"""Draw the raster icons of the bundled themes (themes/*/icon.png).

Pillow cannot read SVG, so each theme's logo is redrawn here as a square,
full-bleed mark in the theme's colours, on the logo's own 64-unit grid:
drawn four times too large, then reduced (smooth edges). Run it from the
repository root after changing a logo; the output is deterministic:

    .venv/bin/python scripts/make-theme-icons.py
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw

SIZE = 512
SUPERSAMPLE = 4
GRID = 64  # the logos' viewBox
Point = tuple[float, float]


def scale(point: Point) -> Point:
    factor = SIZE * SUPERSAMPLE / GRID
    return point[0] * factor, point[1] * factor


def cubic(p0: Point, p1: Point, p2: Point, p3: Point, steps: int = 48) -> list[Point]:
    def at(t: float) -> Point:
        u = 1 - t
        return (
            u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
            u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
        )

    return [at(i / steps) for i in range(steps + 1)]


def stroke(
    draw: ImageDraw.ImageDraw, points: list[Point], width: float, fill: str
) -> None:
    """A line with round caps and joins, ``width`` in grid units."""
    pixels = [scale(p) for p in points]
    thickness = width * SIZE * SUPERSAMPLE / GRID
    draw.line(pixels, fill=fill, width=round(thickness), joint="curve")
    for x, y in (pixels[0], pixels[-1]):
        r = thickness / 2
        draw.ellipse((x - r, y - r, x + r, y + r), fill=fill)


def default_mark(draw: ImageDraw.ImageDraw) -> None:
    """themes/default/logo.svg: a T over two orange threads, on the primary blue."""
    stroke(draw, [(14, 20), (50, 20)], 7, "#ffffff")
    stroke(draw, [(32, 20), (32, 50)], 7, "#ffffff")
    for y in (36, 46):
        wave = cubic((16, y), (24, y - 8), (40, y + 8), (48, y))
        stroke(draw, wave, 5, "#e0893a")


def federation_mark(draw: ImageDraw.ImageDraw) -> None:
    """themes/federation-exemple/logo.svg: a lime leaf and its veins."""
    left = cubic((32, 12), (23, 20), (18, 28), (18, 36))
    bottom = [
        (32 - 14 * math.cos(a), 36 + 14 * math.sin(a))
        for a in (math.pi * i / 48 for i in range(49))
    ]
    right = cubic((46, 36), (46, 28), (41, 20), (32, 12))
    draw.polygon([scale(p) for p in left + bottom + right], fill="#e7f3f0")
    for vein in ([(32, 22), (32, 52)], [(32, 34), (25, 28)], [(32, 40), (39, 34)]):
        stroke(draw, vein, 3, "#0b5d50")


def icon(background: str, mark: Callable[[ImageDraw.ImageDraw], None]) -> Image.Image:
    big = Image.new("RGB", (SIZE * SUPERSAMPLE, SIZE * SUPERSAMPLE), background)
    mark(ImageDraw.Draw(big))
    return big.resize((SIZE, SIZE), Image.Resampling.LANCZOS)


def main() -> None:
    themes = Path(__file__).resolve().parents[1] / "themes"
    for name, background, mark in (
        ("default", "#1f4e79", default_mark),
        ("federation-exemple", "#0b5d50", federation_mark),
    ):
        target = themes / name / "icon.png"
        icon(background, mark).save(target, "PNG", optimize=True)
        print(f"wrote {target} ({target.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
