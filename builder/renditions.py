"""What the image pipeline produces: files of a picture for one display size.

A ``Rendition`` holds the encoded files of one source image for one display
box (``Fit``); a ``Picture`` places it at a path and says what an ``<img>``
or a ``<picture>`` needs. Pure data: ``builder.raster`` and ``builder.svg``
make renditions, ``builder.images`` caches them.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

MIME_TYPES = {
    ".webp": "image/webp",
    ".jpg": "image/jpeg",
    ".png": "image/png",
    ".svg": "image/svg+xml",
}


class ImageError(Exception):
    """A source image Tisseuse cannot use (the message says what to do)."""


@dataclass(frozen=True)
class Fit:
    """The display box: ``width`` wide or ``height`` tall, in CSS pixels.

    Rasters are never upscaled; an SVG takes the box exactly when ``exact``
    (the author asked for that width), else at most its own size.
    """

    width: int | None = None
    height: int | None = None
    exact: bool = False

    def display(self, width: float, height: float) -> tuple[int, int]:
        if self.width is not None:
            shown = self.width if self.exact else min(self.width, width)
            return max(round(shown), 1), max(round(shown * height / width), 1)
        assert self.height is not None
        shown = self.height if self.exact else min(self.height, height)
        return max(round(shown * width / height), 1), max(round(shown), 1)


@dataclass(frozen=True)
class Encoded:
    """One file of a rendition."""

    suffix: str
    width: int
    height: int
    data: bytes


@dataclass(frozen=True)
class Rendition:
    """A source image made ready for one display size."""

    width: int
    height: int
    """Display size in CSS pixels (the page reserves this box)."""
    files: tuple[Encoded, ...]
    """The main format, by increasing width (1×, then 2× if worth it)."""
    fallback: Encoded | None
    """One file for browsers without WebP; None if the main format is universal."""
    source_size: int

    @property
    def shown_size(self) -> int:
        """Bytes a tablet with a high-density screen fetches: the largest main file."""
        return len(self.files[-1].data)


@dataclass(frozen=True)
class Picture:
    """A rendition placed at ``base``: a path without suffix, media/photo-1a2b3c4d."""

    rendition: Rendition
    base: str

    def name(self, encoded: Encoded) -> str:
        if encoded.suffix == ".svg":
            return f"{self.base}{encoded.suffix}"
        return f"{self.base}-{encoded.width}{encoded.suffix}"

    @property
    def files(self) -> dict[str, bytes]:
        shipped = self.rendition.files
        if self.rendition.fallback is not None:
            shipped = (*shipped, self.rendition.fallback)
        return {self.name(f): f.data for f in shipped}

    @property
    def print_file(self) -> Encoded:
        """The file for print and for the simplest readers: universal, sharpest."""
        return self.rendition.fallback or self.rendition.files[-1]

    def print_html(self) -> dict[str, Any]:
        """An ``<img>`` of ``print_file`` (PDF renderers, old browsers)."""
        rendition = self.rendition
        src = self.name(self.print_file)
        return {"src": src, "width": rendition.width, "height": rendition.height}

    def inline(self) -> dict[str, Any]:
        """The lightest main file (1×) as a data URI, for a document that must
        hold its images."""
        encoded = self.rendition.files[0]
        data = base64.b64encode(encoded.data).decode("ascii")
        uri = f"data:{MIME_TYPES[encoded.suffix]};base64,{data}"
        return {"src": uri, "srcset": None, "sources": []}

    def html(self) -> dict[str, Any]:
        """What an ``<img>`` (in a ``<picture>`` if ``sources``) needs."""
        rendition = self.rendition
        srcset = ", ".join(
            f"{self.name(f)} {f.width / rendition.width:.3g}x" for f in rendition.files
        )
        if rendition.fallback is not None:
            src, own, sources = self.name(rendition.fallback), None, [srcset]
        else:
            own = srcset if len(rendition.files) > 1 else None
            src, sources = self.name(rendition.files[0]), []
        main_type = MIME_TYPES[rendition.files[0].suffix]
        return {
            "src": src,
            "srcset": own,
            "sources": [{"type": main_type, "srcset": s} for s in sources],
            "width": rendition.width,
            "height": rendition.height,
        }


def prefix_html(image: dict[str, Any], prefix: str) -> dict[str, Any]:
    """``Picture.html()`` with every file name prefixed (another folder)."""

    def srcset(value: str | None) -> str | None:
        if value is None:
            return None
        return ", ".join(prefix + part.strip() for part in value.split(","))

    return {
        **image,
        "src": prefix + image["src"],
        "srcset": srcset(image["srcset"]),
        "sources": [
            {**s, "srcset": srcset(s["srcset"])} for s in image.get("sources", [])
        ],
    }
