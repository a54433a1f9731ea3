"""Raster images with Pillow: checked, turned upright, in sRGB, resized, stripped.

``raster`` makes the rendition of a PNG, JPEG or WebP source (see
``builder.images`` for the rules); ``raster_size`` is the check ``tisseuse
check`` runs (the whole file decoded, at low resolution).
"""

from __future__ import annotations

import io
import struct
import warnings
from dataclasses import replace

from PIL import Image, ImageCms, ImageFile, ImageOps, UnidentifiedImageError

from builder.renditions import Encoded, Fit, ImageError, Rendition

#: High-density screens (most tablets) get twice the pixels.
DENSITY = 2
#: A second density is worth shipping only if it adds this much detail.
MIN_EXTRA_DENSITY = 1.25
#: Larger sources are refused (decompression bombs, and memory on modest machines).
MAX_PIXELS = 50_000_000
WEBP_QUALITY = 80
JPEG_QUALITY = 82
RASTER_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP"}
_FORMATS = ("PNG", "JPEG", "WEBP")


def raster_size(data: bytes) -> tuple[int, int]:
    """Width and height as shown (EXIF orientation applied), after decoding the
    whole file at low resolution (a damaged file fails here)."""
    image = _open(data)
    width, height = image.size
    image.draft(None, (max(width // 8, 1), max(height // 8, 1)))
    _load(image)
    orientation = image.getexif().get(0x0112, 1)
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def _open(data: bytes) -> Image.Image:
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=_FORMATS)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _too_large() from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
            raise ImageError(
                "this file cannot be read as a PNG, JPEG or WebP image (it may be "
                "damaged, or of another type renamed): export it again from your "
                "photo or drawing program"
            ) from error
    if image.width * image.height > MAX_PIXELS:
        raise _too_large()
    # MPO: a phone's JPEG with extra frames (previews, depth); the first is the photo
    if getattr(image, "is_animated", False) and image.format != "MPO":
        raise ImageError(
            "this image is animated: Tisseuse shows still images only; export the "
            "frame you want as PNG or JPEG"
        )
    return image


def _too_large() -> ImageError:
    return ImageError(
        f"this image has more than {MAX_PIXELS // 1_000_000} million pixels: "
        "resize it (2000 pixels wide is plenty) before adding it"
    )


def _load(image: Image.Image) -> None:
    # WeasyPrint (the kit) lets Pillow pad cut-short files, for the whole process
    previous, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
    try:
        image.load()
    except (OSError, SyntaxError, ValueError) as error:
        raise ImageError(
            "this image is damaged or cut short (the file may not have been copied "
            "completely): copy it again or export it again"
        ) from error
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = previous


def decode(data: bytes) -> tuple[bool, Image.Image]:
    """Whether a raster source is transparent, and its upright sRGB pixels."""
    alpha, image, profile = _decode(_open(data), None)
    return alpha, _srgb(image, profile, alpha)


def encode_png(image: Image.Image) -> bytes:
    """``image`` as a PNG holding pixels only."""
    return _encode(_clean(image), ".png", lossless=True)


def _decode(
    image: Image.Image, width: int | None
) -> tuple[bool, Image.Image, bytes | None]:
    """Whether the image is transparent, its upright pixels in a mode Pillow
    resizes, and its colour profile. ``width``: the widest output needed (a
    JPEG then decodes at a lower scale when it can)."""
    if width is not None:
        full_width, full_height = _oriented(image)
        height = round(width * full_height / full_width)
        image.draft(None, _stored((width, height), image))
    _load(image)
    profile = image.info.get("icc_profile")
    upright = ImageOps.exif_transpose(image)
    alpha = _has_alpha(upright)
    if upright.mode in ("I", "I;16", "I;16B", "I;16L"):  # 16-bit grey: to 8 bits
        upright = upright.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    if alpha and upright.mode != "RGBA":
        upright = upright.convert("RGBA")
    elif upright.mode not in ("RGB", "RGBA", "L", "CMYK"):
        upright = upright.convert("RGB")
    return alpha, upright, profile if isinstance(profile, bytes) else None


def raster(data: bytes, fit: Fit) -> Rendition:
    image = _open(data)
    lossless = _is_lossless(image.format, data)
    width, height = _oriented(image)
    shown = replace(fit, exact=False).display(width, height)  # never upscaled
    widths = _pixel_widths(shown[0], width)
    alpha, upright, profile = _decode(image, widths[-1])
    sizes = [(w, max(round(w * upright.height / upright.width), 1)) for w in widths]
    largest = _resize(upright, sizes[-1])  # the smaller ones from it: faster
    scaled = [*(_resize(largest, size) for size in sizes[:-1]), largest]
    resized = [_clean(_srgb(im, profile, alpha)) for im in scaled]  # fewer pixels
    webp = _densities([_encoded(im, ".webp", lossless) for im in resized])
    fallback_suffix = ".png" if alpha else ".jpg"
    fallback = _encoded(resized[-1], fallback_suffix, lossless)
    if len(webp[-1].data) < len(fallback.data):
        return Rendition(*shown, webp, fallback, len(data))
    alone = [_encoded(im, fallback_suffix, lossless) for im in resized[:-1]]
    return Rendition(*shown, _densities([*alone, fallback]), None, len(data))


def _densities(files: list[Encoded]) -> tuple[Encoded, ...]:
    """The files worth offering: a 1× file no lighter than the 2× one (flat
    drawings resampled gain colours) would cost low-density screens more."""
    if len(files) > 1 and len(files[0].data) >= len(files[-1].data):
        return (files[-1],)
    return tuple(files)


def _oriented(image: Image.Image) -> tuple[int, int]:
    turned = image.getexif().get(0x0112, 1) in (5, 6, 7, 8)
    return (image.height, image.width) if turned else image.size


def _stored(size: tuple[int, int], image: Image.Image) -> tuple[int, int]:
    """A displayed size in the file's own orientation (for JPEG draft decoding)."""
    turned = image.getexif().get(0x0112, 1) in (5, 6, 7, 8)
    width, height = (size[1], size[0]) if turned else size
    return max(width, 1), max(height, 1)


def _pixel_widths(shown: int, source: int) -> list[int]:
    """The widths to encode: 1× and 2× (never above the source's own width)."""
    high = min(shown * DENSITY, source)
    if high >= shown * MIN_EXTRA_DENSITY:
        return [shown, high]
    return [high]


def _is_lossless(kind: str | None, data: bytes) -> bool:
    """PNG and lossless WebP sources (drawings, screenshots) stay lossless."""
    if kind == "PNG":
        return True
    return kind == "WEBP" and b"VP8L" in _riff_chunks(data)


def _riff_chunks(data: bytes) -> set[bytes]:
    chunks, offset = set(), 12
    while offset + 8 <= len(data):
        name, size = (
            data[offset : offset + 4],
            struct.unpack("<I", data[offset + 4 : offset + 8])[0],
        )
        chunks.add(name)
        offset += 8 + size + (size & 1)
    return chunks


_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _srgb(image: Image.Image, profile: bytes | None, alpha: bool) -> Image.Image:
    """``image`` (described by ``profile``) in sRGB, as RGB or RGBA."""
    mode = "RGBA" if alpha else "RGB"
    if profile:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            converted = ImageCms.profileToProfile(image, source, _SRGB, outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            converted = None  # an unusable profile: read the numbers as sRGB
        if converted is not None:
            return converted
    return image.convert(mode)


def _has_alpha(image: Image.Image) -> bool:
    if "transparency" in image.info:
        return True
    if "A" not in image.getbands():
        return False
    low = image.getchannel("A").getextrema()[0]
    return isinstance(low, int | float) and low < 255


def _resize(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def _clean(image: Image.Image) -> Image.Image:
    """The pixels of ``image`` in a fresh image: no metadata at all."""
    return Image.frombytes(image.mode, image.size, image.tobytes())


def _encoded(image: Image.Image, suffix: str, lossless: bool) -> Encoded:
    return Encoded(suffix, image.width, image.height, _encode(image, suffix, lossless))


def _encode(image: Image.Image, suffix: str, lossless: bool) -> bytes:
    buffer = io.BytesIO()
    if suffix == ".webp":
        image.save(
            buffer,
            "WEBP",
            quality=WEBP_QUALITY,
            lossless=lossless,
            method=6,
            exact=False,
        )
    elif suffix == ".jpg":
        image.save(
            buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True
        )
    else:
        image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
