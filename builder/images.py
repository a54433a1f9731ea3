"""Images: every picture a package ships, sized for its place and stripped.

A source image becomes a *rendition* for one display size:

* raster (PNG, JPEG, WebP): EXIF orientation applied, embedded colour profile
  converted to sRGB, then every piece of metadata dropped (EXIF, GPS, XMP,
  ICC, comments, PNG text chunks: pixels are copied into a fresh image);
  resized with Lanczos to the display width and twice that for high-density
  screens (never upscaled); WebP at both densities plus one fallback for
  browsers without WebP (JPEG if opaque, PNG if transparent). When the WebP
  is not smaller than the fallback, the fallback format ships alone.
* SVG: stays vector, cleaned by ``builder.svg`` (refused at ``tisseuse
  check`` if it could run code or call another host).

Renditions are cached on disk by content hash (``ImagePipeline``), so a
rebuild encodes nothing. Same source and settings give the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import PIL
from lxml import etree

from builder.image_cache import ImageCache
from builder.model.module import FIGURE_WIDTH
from builder.raster import (
    DENSITY,
    JPEG_QUALITY,
    MAX_PIXELS,
    MIN_EXTRA_DENSITY,
    RASTER_FORMATS,
    WEBP_QUALITY,
    decode,
    encode_png,
    raster,
    raster_size,
)
from builder.renditions import (
    MIME_TYPES,
    Encoded,
    Fit,
    ImageError,
    Picture,
    Rendition,
    prefix_html,
)
from builder.svg import clean_svg, inspect_svg

__all__ = [
    "FIGURE_WIDTH",
    "LOGO_HEIGHT",
    "MAX_PIXELS",
    "MIME_TYPES",
    "RASTER_FORMATS",
    "Encoded",
    "Fit",
    "ImageError",
    "ImagePipeline",
    "ImageProblem",
    "ImageStats",
    "Picture",
    "Rendition",
    "decode",
    "encode_png",
    "inspect_image",
    "prefix_html",
    "process",
    "raster_size",
]

#: Height of the theme logo in the page header, in CSS pixels (player/tisseuse.css
#: ``.ts-brand img``: 2.25rem).
LOGO_HEIGHT = 36
#: Bump when the output of the same source and settings changes.
PIPELINE_VERSION = 1
IMAGE_SUFFIXES = frozenset({*RASTER_FORMATS, ".svg"})
CACHE_VARIABLE = "TISSEUSE_CACHE_DIR"


@dataclass(frozen=True)
class ImageProblem:
    """Why an image cannot be used. ``line`` is set for problems inside an SVG;
    None means the whole file (reported where the file is named)."""

    code: str
    message: str
    line: int | None = None
    col: int = 1


# --- checks (tisseuse check) -------------------------------------------------------


def inspect_image(path: Path) -> list[ImageProblem]:
    """Every reason ``path`` cannot be used (empty if it can)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return [ImageProblem("E314", f"cannot read this image ({error.strerror})")]
    if path.suffix.lower() == ".svg":
        info = inspect_svg(data)
        return [ImageProblem("E315", p.message, p.line, p.col) for p in info.problems]
    try:
        raster_size(data)
    except ImageError as error:
        return [ImageProblem("E314", str(error))]
    return []


# --- processing ----------------------------------------------------------------------


def process(data: bytes, suffix: str, fit: Fit) -> Rendition:
    """The rendition of a source image (``suffix`` says SVG or raster)."""
    if suffix.lower() == ".svg":
        return _svg(data, fit)
    return raster(data, fit)


def _svg(data: bytes, fit: Fit) -> Rendition:
    info = inspect_svg(data)
    if info.problems or info.width is None or info.height is None:
        problem = info.problems[0] if info.problems else None
        raise ImageError(problem.message if problem else "unusable SVG")
    width, height = fit.display(info.width, info.height)
    cleaned = Encoded(".svg", width, height, clean_svg(data))
    return Rendition(width, height, (cleaned,), None, len(data))


# --- the pipeline: renditions by content hash, cached, counted ---------------------


@dataclass
class ImageStats:
    """What a build did with its images (printed once per build).

    ``output_bytes`` counts what a learner's tablet fetches per image (the
    2× file; a 1× screen fetches less), not every file shipped: the
    packages' sizes are on the targets' own lines.
    """

    images: int = 0
    from_cache: int = 0
    source_bytes: int = 0
    output_bytes: int = 0

    def line(self) -> str | None:
        if not self.images:
            return None
        saved = self.source_bytes - self.output_bytes
        change = (
            f"{size_text(saved)} saved" if saved >= 0 else f"{size_text(-saved)} more"
        )
        return (
            f"images: {self.images} ({self.from_cache} from cache), "
            f"{size_text(self.source_bytes)} → {size_text(self.output_bytes)}, {change}"
        )


def size_text(size: int) -> str:
    """As the build's target lines print sizes (KB of 1024 bytes)."""
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1048576:.2f} MB"


def default_cache_dir(root: Path) -> Path:
    """``$TISSEUSE_CACHE_DIR/images``, else ``<root>/.cache/tisseuse/images``."""
    base = os.environ.get(CACHE_VARIABLE, "").strip()
    return (Path(base) if base else root / ".cache" / "tisseuse") / "images"


class ImagePipeline:
    """Renditions for one build: remembered in memory, cached on disk, counted.

    Without ``cache_dir`` nothing is written to disk (tests, one-off projections).
    """

    def __init__(self, cache_dir: Path | None = None) -> None:
        self._cache = ImageCache(cache_dir)
        self._memo: dict[str, Rendition] = {}
        self.stats = ImageStats()

    def figure(self, path: Path, src: str, width: int | None = None) -> Picture:
        """A module image at ``src`` (relative to the module folder)."""
        fit = Fit(width=width or FIGURE_WIDTH, exact=width is not None)
        return self._picture(path, src, fit, "figure")

    def logo(self, path: Path, name: str = "logo") -> Picture:
        """The theme logo, sized for the page header."""
        return self._picture(path, name, Fit(height=LOGO_HEIGHT), "logo")

    def _picture(self, path: Path, src: str, fit: Fit, kind: str) -> Picture:
        data = path.read_bytes()
        suffix = path.suffix.lower()
        settings = {"kind": kind, "fit": [fit.width, fit.height, fit.exact]}
        rendition = self.render(data, settings, lambda: process(data, suffix, fit))
        digest = hashlib.sha256(data).hexdigest()[:8]
        return Picture(
            rendition, f"{url_safe(str(PurePosixPath(src).with_suffix('')))}-{digest}"
        )

    def render(
        self,
        source: bytes,
        settings: dict[str, Any],
        make: Callable[[], Rendition],
        *,
        counted: bool = True,
    ) -> Rendition:
        """The rendition ``make`` gives for ``source`` and ``settings``, made at
        most once per content hash (memory, then disk)."""
        key = cache_key(source, settings)
        if key in self._memo:
            return self._memo[key]
        rendition = _from_record(self._cache.get(key))
        cached = rendition is not None
        if rendition is None:
            rendition = make()
            self._cache.put(key, *_to_record(rendition))
        self._memo[key] = rendition
        if counted:
            self.stats.images += 1
            self.stats.from_cache += cached
            self.stats.source_bytes += rendition.source_size
            self.stats.output_bytes += rendition.shown_size
        return rendition


def url_safe(path: str) -> str:
    """``path`` with only unaccented letters, digits, ``. _ - /``: names that
    survive every LMS, zip tool and ``srcset`` (where a comma splits)."""
    plain = unicodedata.normalize("NFKD", path).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9._/-]+", "-", plain)


def cache_key(source: bytes, settings: dict[str, Any]) -> str:
    """sha256 of the source and of everything that shapes the output."""
    everything = {
        **settings,
        "pipeline": PIPELINE_VERSION,
        "pillow": PIL.__version__,
        "lxml": etree.LXML_VERSION,
        "quality": [WEBP_QUALITY, JPEG_QUALITY],
        "density": [DENSITY, MIN_EXTRA_DENSITY],
    }
    digest = hashlib.sha256(json.dumps(everything, sort_keys=True).encode())
    digest.update(b"\0")
    digest.update(source)
    return digest.hexdigest()


def _to_record(rendition: Rendition) -> tuple[dict[str, Any], list[bytes]]:
    files = [*rendition.files, *([rendition.fallback] if rendition.fallback else [])]
    meta = {
        "width": rendition.width,
        "height": rendition.height,
        "source_size": rendition.source_size,
        "files": [[f.suffix, f.width, f.height] for f in files],
        "fallback": rendition.fallback is not None,
    }
    return meta, [f.data for f in files]


def _from_record(record: tuple[dict[str, Any], list[bytes]] | None) -> Rendition | None:
    if record is None:
        return None
    meta, blobs = record
    try:
        files = tuple(
            Encoded(str(s), int(w), int(h), data)
            for (s, w, h), data in zip(meta["files"], blobs, strict=True)
        )
        fallback = files[-1] if meta["fallback"] else None
        main = files[:-1] if fallback else files
        if not main:
            return None
        return Rendition(
            int(meta["width"]),
            int(meta["height"]),
            main,
            fallback,
            int(meta["source_size"]),
        )
    except (KeyError, TypeError, ValueError):
        return None
