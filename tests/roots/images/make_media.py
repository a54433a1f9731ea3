"""Write the image fixtures of this test project (deterministic; run from anywhere).

    .venv/bin/python tests/roots/images/make_media.py

Good sources, as a phone or a drawing program would save them:

* ``photo.jpg``: 2400×1600 as stored, EXIF orientation 6 (shown 1600×2400),
  EXIF with a maker and GPS position, a JPEG comment, and an ICC profile whose
  red and blue primaries are swapped (so converting to sRGB is visible: the
  stored pure red corner must come out blue, top right once turned upright);
* ``pictogramme.png``: transparent PNG with text chunks (tEXt, iTXt, zTXt) and
  an eXIf chunk;
* ``schema.svg``: Inkscape-style SVG with comments, a processing instruction,
  ``<metadata>``, sodipodi and inkscape elements and attributes;
* ``themes/default/logo.png``: a raster logo (wider than tall).

Bad sources, referenced only by tests: ``bad/script.svg``,
``bad/external.svg``, ``bad/truncated.jpg``, ``bad/bomb.png`` (64 million
pixels).
"""

from __future__ import annotations

import io
import struct
from pathlib import Path

from PIL import Image, ImageDraw, PngImagePlugin

HERE = Path(__file__).resolve().parent
MEDIA = HERE / "modules" / "photos" / "media"

#: sRGB's primaries adapted to D50, as ICC profiles store them.
RED, GREEN, BLUE = (
    (0.4361, 0.2225, 0.0139),
    (0.3851, 0.7169, 0.0971),
    (0.1431, 0.0606, 0.7141),
)


def swapped_profile() -> bytes:
    """A minimal ICC v2 RGB display profile with red and blue primaries swapped."""

    def s15(value: float) -> bytes:
        return struct.pack(">i", round(value * 65536))

    def xyz(values: tuple[float, float, float]) -> bytes:
        return b"XYZ \0\0\0\0" + b"".join(s15(v) for v in values)

    gamma = b"curv\0\0\0\0" + struct.pack(">IH", 1, 0x0233) + b"\0\0"  # 2.2
    text = b"Swapped primaries\0"
    desc = b"desc\0\0\0\0" + struct.pack(">I", len(text)) + text + b"\0" * 79
    tags = [
        (b"desc", desc),
        (b"wtpt", xyz((0.9642, 1.0, 0.8249))),
        (b"rXYZ", xyz(BLUE)),
        (b"gXYZ", xyz(GREEN)),
        (b"bXYZ", xyz(RED)),
        (b"rTRC", gamma),
        (b"gTRC", gamma),
        (b"bTRC", gamma),
    ]
    table_size = 4 + 12 * len(tags)
    offset, entries, body = 128 + table_size, b"", b""
    for signature, data in tags:
        data += b"\0" * (-len(data) % 4)
        entries += signature + struct.pack(">II", offset + len(body), len(data))
        body += data
    size = 128 + table_size + len(body)
    header = (
        struct.pack(">I", size)
        + b"\0\0\0\0"
        + bytes([2, 0x10, 0, 0])
        + b"mntrRGB XYZ "
        + b"\0" * 12
        + b"acsp"
        + b"\0" * 24
        + b"\0\0\0\0"
        + s15(0.9642)
        + s15(1.0)
        + s15(0.8249)
        + b"\0" * 48
    )
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + entries + body


def gps_exif(orientation: int | None) -> Image.Exif:
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    exif[0x010F] = "TisseusePhone"  # Make
    exif[0x0132] = "2024:03:01 03:10:00"  # DateTime
    exif[0x8825] = {1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 3.0)}
    return exif


def photo() -> bytes:
    """A smooth scene with shapes (kept small for the repository); stored sideways."""
    width, height = 2400, 1600
    image = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    draw = ImageDraw.Draw(image)
    for i in range(0, width, 120):
        colour = (60 + i % 150, 120, 200 - i % 120)
        draw.ellipse(
            (i, 300 + (i * 7) % 700, i + 260, 560 + (i * 7) % 700), fill=colour
        )
    draw.rectangle((0, 0, 200, 200), fill=(255, 0, 0))  # the ICC witness
    buffer = io.BytesIO()
    image.save(
        buffer,
        "JPEG",
        quality=85,
        exif=gps_exif(6),
        icc_profile=swapped_profile(),
        comment=b"Photo de Marie, service de nuit",
    )
    return buffer.getvalue()


def pictogram() -> bytes:
    image = Image.new("RGBA", (600, 400), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((40, 40, 560, 360), radius=40, fill=(31, 78, 121, 255))
    draw.ellipse((220, 120, 380, 280), fill=(224, 137, 58, 230))
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Marie Exemple")
    info.add_itxt("Comment", r"Dessiné sur C:\Users\marie\Bureau")
    info.add_text("Software", "TisseusePhone", zip=True)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", pnginfo=info, exif=gps_exif(None))
    return buffer.getvalue()


def logo() -> bytes:
    image = Image.new("RGBA", (300, 120), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, 299, 119), radius=24, fill=(255, 255, 255, 255))
    draw.ellipse((20, 20, 100, 100), fill=(31, 78, 121, 255))
    draw.rectangle((120, 45, 280, 75), fill=(224, 137, 58, 255))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def bomb() -> bytes:
    """64 million pixels in a few kilobytes (a decompression bomb, in small)."""
    buffer = io.BytesIO()
    Image.new("1", (8000, 8000)).save(buffer, "PNG")
    return buffer.getvalue()


SCHEMA = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape (http://www.inkscape.org/) by Marie Exemple -->
<?xml-stylesheet href="editor.css" type="text/css"?>
<svg
   xmlns="http://www.w3.org/2000/svg"
   xmlns:xlink="http://www.w3.org/1999/xlink"
   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
   xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
   xmlns:dc="http://purl.org/dc/elements/1.1/"
   width="480" height="270" viewBox="0 0 480 270"
   sodipodi:docname="C:\\Users\\marie\\Bureau\\schema.svg"
   inkscape:version="1.3">
  <sodipodi:namedview id="view" inkscape:zoom="1.5" inkscape:window-width="1920"/>
  <metadata>
    <rdf:RDF><dc:creator>Marie Exemple</dc:creator></rdf:RDF>
  </metadata>
  <defs>
    <linearGradient id="fond"><stop offset="0" stop-color="#eaf1f8"/><stop offset="1" stop-color="#ffffff"/></linearGradient>
  </defs>
  <!-- calque de travail -->
  <rect width="480" height="270" fill="url(#fond)" inkscape:label="Fond"/>
  <g inkscape:groupmode="layer" inkscape:label="Calque 1">
    <circle id="point" cx="120" cy="135" r="60" fill="#1f4e79"/>
    <use xlink:href="#point" x="240"/>
  </g>
</svg>
"""

SCRIPT = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
  <rect width="100" height="100" fill="#eee"
        onload="alert('loaded')"/>
  <script>alert('hello')</script>
</svg>
"""

EXTERNAL = """<svg xmlns="http://www.w3.org/2000/svg"
     xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 100">
  <image xlink:href="https://tracker.example/pixel.png" width="10" height="10"/>
  <rect width="100" height="100" style="fill: url(https://cdn.example/p.svg#a)"/>
</svg>
"""


def main() -> None:
    (MEDIA / "bad").mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    Image.linear_gradient("L").resize((400, 300)).save(buffer, "JPEG")
    small = buffer.getvalue()
    files = {
        MEDIA / "photo.jpg": photo(),
        MEDIA / "pictogramme.png": pictogram(),
        MEDIA / "schema.svg": SCHEMA.encode(),
        MEDIA / "bad" / "script.svg": SCRIPT.encode(),
        MEDIA / "bad" / "external.svg": EXTERNAL.encode(),
        MEDIA / "bad" / "truncated.jpg": small[: len(small) // 2],
        MEDIA / "bad" / "bomb.png": bomb(),
        HERE / "themes" / "default" / "logo.png": logo(),
    }
    for path, data in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote {path.relative_to(HERE)} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
