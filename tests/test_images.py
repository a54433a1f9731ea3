"""The image pipeline on a real build of tests/roots/images (every target).

The project holds what authors really add: a phone photo (sideways, EXIF with
GPS, a comment, a colour profile), a transparent PNG with text chunks, an
Inkscape SVG, and a raster theme logo (see tests/roots/images/make_media.py).
The outputs are read back with Pillow and grepped byte by byte.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import struct
import tarfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

import builder.raster
from builder.standards import reference_errors
from tests.conftest import ROOTS, copy_project, run, tree_files

SOURCE = ROOTS / "images"
MEDIA = SOURCE / "modules" / "photos" / "media"


def named(source: str) -> str:
    """Output files are named after their source and its content hash."""
    digest = hashlib.sha256((MEDIA / source).read_bytes()).hexdigest()[:8]
    return f"{source.rsplit('.', 1)[0]}-{digest}"


PHOTO, PICTO, SCHEMA = named("photo.jpg"), named("pictogramme.png"), named("schema.svg")
TARGETS = ("web", "scorm12", "scorm2004", "openedx", "kit")
#: Bytes that must never leave the author's machine.
PRIVATE = (
    b"TisseusePhone",  # EXIF maker
    b"2024:03:01",  # EXIF date
    b"Marie",  # JPEG comment, PNG text, SVG metadata
    b"\\Users\\",  # the author's Windows folder, in PNG text and SVG attributes
    b"Swapped primaries",  # the ICC profile's description
    b"acsp",  # any ICC profile's signature
    b"Exif",
    b"ICC_PROFILE",
    b"sodipodi",
    b"inkscape",
)


class Built:
    def __init__(self, project: Path, stderr: str, encodes: int) -> None:
        self.project, self.stderr, self.encodes = project, stderr, encodes
        self.dist = project / "dist"

    def media(self, target: str = "web") -> dict[str, bytes]:
        folder = self.dist / target / "modules" / "photos" / "media"
        return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}

    def zip(self, name: str) -> dict[str, bytes]:
        with zipfile.ZipFile(self.dist / name) as archive:
            return {n: archive.read(n) for n in archive.namelist()}


def build(project: Path, *targets: str) -> Built:
    """Build with every encode counted (the cache must make rebuilds encode nothing)."""
    calls: list[str] = []
    encode = builder.raster._encode

    def counted(image: Image.Image, suffix: str, lossless: bool) -> bytes:
        calls.append(suffix)
        return encode(image, suffix, lossless)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(builder.raster, "_encode", counted)
        result = run(["build", *targets], project)
    assert result.exit_code == 0, result.stderr
    return Built(project, result.stderr, len(calls))


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(copy_project(SOURCE, tmp_path_factory.mktemp("images")), *TARGETS)


def chunks(data: bytes) -> list[bytes]:
    """Chunk names of a PNG or WebP file."""
    names, png = [], data.startswith(b"\x89PNG")
    offset = 8 if png else 12
    while offset + 8 <= len(data):
        if png:
            size, name = struct.unpack(">I4s", data[offset : offset + 8])
            offset += 12 + size
        else:
            name, size = struct.unpack("<4sI", data[offset : offset + 8])
            offset += 8 + size + (size & 1)
        names.append(name)
    return names


def assert_private_free(data: bytes, name: str) -> None:
    for secret in PRIVATE:
        assert secret not in data, f"{secret!r} left in {name}"
    image = Image.open(io.BytesIO(data))
    assert not set(image.info) & {"exif", "icc_profile", "comment", "xmp"}, name
    assert not image.getexif(), name


def test_the_photo_is_upright_in_srgb_resized_and_stripped(built: Built) -> None:
    media = built.media()
    photos = {n: d for n, d in media.items() if n.startswith("photo-")}
    sizes = {
        n.split("-")[-1]: Image.open(io.BytesIO(d)).size for n, d in photos.items()
    }
    assert sizes == {  # shown 1600×2400 (EXIF 6) in a 640 px column: 1× and 2×
        "640.webp": (640, 960),
        "1280.webp": (1280, 1920),
        "1280.jpg": (1280, 1920),
    }
    for name, data in photos.items():
        assert_private_free(data, name)
        pixels = Image.open(io.BytesIO(data)).convert("RGB")
        red, green, blue = pixels.getpixel((pixels.width - 5, 5))  # type: ignore[misc]
        assert blue > 200 and red < 60 and green < 60, (name, red, green, blue)
        if name.endswith(".webp"):
            assert set(chunks(data)) <= {b"VP8 ", b"VP8L", b"VP8X", b"ALPH"}, name
    source = (MEDIA / "photo.jpg").read_bytes()
    webp, jpeg = photos[f"{PHOTO}-1280.webp"], photos[f"{PHOTO}-1280.jpg"]
    assert len(webp) < len(jpeg) < len(source)


def test_the_transparent_png_keeps_its_alpha_and_loses_its_text(built: Built) -> None:
    media = built.media()
    pictos = {n: d for n, d in media.items() if n.startswith("pictogramme-")}
    assert sorted(pictos) == [  # width: 320 in module.yaml, 2× capped at 600
        f"{PICTO}-600.png",  # the fallback, transparent: PNG
        f"{PICTO}-600.webp",  # alone: a 320 px lossless WebP of this flat drawing
    ]  # (resampled edges, more colours) would weigh more than the 600 px one
    for name, data in pictos.items():
        assert_private_free(data, name)
        image = Image.open(io.BytesIO(data)).convert("RGBA")
        assert image.getpixel((0, 0))[3] == 0, name  # type: ignore[index]
    png = pictos[f"{PICTO}-600.png"]
    assert set(chunks(png)) <= {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"}
    assert b"tEXt" in (MEDIA / "pictogramme.png").read_bytes()


def test_the_svg_is_cleaned_and_every_file_is_only_what_is_used(built: Built) -> None:
    media = built.media()
    assert len(media) == 6  # 3 photo files, 2 pictogram files, 1 SVG
    svg = media[f"{SCHEMA}.svg"]
    for secret in PRIVATE:
        assert secret not in svg
    assert svg.startswith(b"<svg ") and b"<circle" in svg


def projection(html: str, script_id: str = "tisseuse-module") -> dict:
    found = re.search(rf'id="{script_id}">(.*?)</script>', html, re.S)
    assert found is not None
    return json.loads(found.group(1))


def test_the_page_gets_sizes_formats_and_densities(built: Built) -> None:
    page = (built.dist / "web" / "modules" / "photos" / "index.html").read_text("utf-8")
    images = [s["image"] for s in projection(page)["screens"] if s["image"]]
    photo, picto, schema = images
    assert (photo["width"], photo["height"]) == (640, 960)
    assert photo["src"] == f"media/{PHOTO}-1280.jpg"
    assert photo["srcset"] is None
    assert photo["sources"] == [
        {
            "type": "image/webp",
            "srcset": f"media/{PHOTO}-640.webp 1x, media/{PHOTO}-1280.webp 2x",
        }
    ]
    assert (picto["width"], picto["height"]) == (320, 213)
    assert picto["sources"][0]["srcset"] == f"media/{PICTO}-600.webp 1.88x"
    assert schema == {
        "src": f"media/{SCHEMA}.svg",
        "srcset": None,
        "sources": [],
        "width": 480,
        "height": 270,
        "alt": "Deux ronds bleus.",
        "caption": None,
    }
    header = re.search(r"<header.*?</header>", page, re.S)
    assert header is not None
    assert '<source type="image/webp" srcset="../../assets/logo-' in header.group(0)
    assert 'alt="" width="90" height="36"' in header.group(0)  # 300×120 logo, 36 high


def test_icons_are_drawn_when_the_theme_has_no_icon(built: Built) -> None:
    home = (built.dist / "web" / "index.html").read_text("utf-8")
    assert (
        '<link rel="icon" href="assets/icon-32.png" type="image/png" sizes="32x32">'
        in home
    )
    assert '<link rel="apple-touch-icon" href="assets/apple-touch-icon.png"' in home
    assets = built.dist / "web" / "assets"
    for name, size in (("icon-32.png", 32), ("apple-touch-icon.png", 180)):
        icon = Image.open(assets / name).convert("RGB")
        assert icon.size == (size, size)
        assert icon.getpixel((1, 1)) == (31, 78, 121)  # the primary colour
        assert (255, 255, 255) in {
            c for _, c in icon.getcolors(size * size)
        }  # initials
    assert "W409" not in built.stderr  # a raster logo: nothing to suggest


def test_scorm_packages_ship_and_list_exactly_the_processed_files(built: Built) -> None:
    for target in ("scorm12", "scorm2004"):
        members = built.zip(f"{target}/photos.zip")
        media = {n for n in members if n.startswith("media/")}
        assert media == {f"media/{n}" for n in built.media()}
        assert reference_errors(members["imsmanifest.xml"], members) == []
        assert "assets/apple-touch-icon.png" not in members  # for home screens only
        page = members["index.html"].decode()
        assert 'type="image/png" sizes="32x32"' in page
        path = built.zip(f"{target}/path-soin.zip")
        assert {n for n in path if "/media/" in n} == {
            f"modules/photos/media/{n}" for n in built.media()
        }
        script = path["modules/photos.js"].decode()
        assert (
            f'"srcset":"modules/photos/media/{PHOTO}-640.webp 1x, modules/photos/media/{PHOTO}-1280.webp 2x"'
            in script
        )
        assert reference_errors(path["imsmanifest.xml"], path) == []


def test_open_edx_inlines_one_light_file_and_gets_a_png_course_card(
    built: Built,
) -> None:
    compiled = json.loads(
        (built.dist / "openedx" / "catalogue.json").read_text("utf-8")
    )
    screens = compiled["modules"]["photos"]["screens"]
    photo = screens[0]["image"]
    assert photo["src"].startswith("data:image/webp;base64,")
    assert (photo["srcset"], photo["sources"]) == (None, [])
    inlined = base64.b64decode(photo["src"].split(",", 1)[1])
    assert inlined == built.media()[f"{PHOTO}-640.webp"]
    assert screens[2]["image"]["src"].startswith("data:image/svg+xml;base64,")
    with tarfile.open(built.dist / "openedx" / "course.tar.gz") as tar:
        card = tar.extractfile("course/static/course-image.png")
        assert card is not None
        assert Image.open(card).size == (756, 450)
        policy = tar.extractfile("course/policies/course/policy.json")
        assert policy is not None
        assert json.load(policy)["course/course"]["course_image"] == "course-image.png"


def test_the_kit_prints_the_universal_file(built: Built) -> None:
    media = built.media("kit")
    assert sorted(media) == [
        f"{PHOTO}-1280.jpg",
        f"{PICTO}-600.png",
        f"{SCHEMA}.svg",
    ]
    memo = (built.dist / "kit" / "modules" / "photos" / "memo.html").read_text("utf-8")
    assert f'src="media/{PHOTO}-1280.jpg"' in memo
    assert 'width="640" height="960"' in memo
    assert (built.dist / "kit" / "modules" / "photos" / "memo.pdf").stat().st_size > 0


def test_the_build_says_how_many_bytes_it_saved(built: Built) -> None:
    line = next(ln for ln in built.stderr.splitlines() if ln.startswith("images:"))
    match = re.fullmatch(
        r"images: (\d+) \((\d+) from cache\), ([\d.]+) KB → ([\d.]+) KB, ([\d.]+) KB saved",
        line,
    )
    assert match is not None, line
    count, cached, before, after, saved = match.groups()
    assert (count, cached) == ("4", "0")  # photo, pictogram, schema, logo
    assert float(before) - float(after) == pytest.approx(float(saved), abs=0.11)
    assert built.encodes > 0


@pytest.fixture
def rebuilt(built: Built, tmp_path: Path) -> Iterator[tuple[Built, Built]]:
    """A second build of the same project (cached), and one of a copy (cache empty)."""
    again = build(built.project, "web", "scorm12")
    fresh = build(copy_project(SOURCE, tmp_path / "fresh"), "web", "scorm12")
    yield again, fresh


def test_a_rebuild_encodes_nothing_and_gives_the_same_bytes(
    built: Built, rebuilt: tuple[Built, Built]
) -> None:
    again, fresh = rebuilt
    assert again.encodes == 0
    assert "images: 4 (4 from cache)" in again.stderr
    assert fresh.encodes > 0  # a fresh cache really encodes...
    for target in ("web", "scorm12"):
        first = tree_files(built.dist / target)
        assert tree_files(again.dist / target) == first
        assert tree_files(fresh.dist / target) == first  # ...to the very same bytes
    cache = built.project / ".cache" / "tisseuse" / "images"
    assert (cache / ".gitignore").read_text().splitlines()[-1] == "*"
    assert not list(cache.rglob(".tmp-*"))
