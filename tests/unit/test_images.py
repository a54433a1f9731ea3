"""The image pipeline's rules: sizes, formats, checks, cache, icons, constants."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PIL import Image

import builder.raster
from builder.diagnostics import BuildError, Report
from builder.icons import initials
from builder.images import (
    FIGURE_WIDTH,
    LOGO_HEIGHT,
    MAX_PIXELS,
    Fit,
    ImagePipeline,
    ImageStats,
    Picture,
    inspect_image,
    process,
)
from builder.render import player_asset
from builder.themes import load_theme
from tests.conftest import REPO, ROOTS, run

BAD = ROOTS / "images" / "modules" / "photos" / "media" / "bad"


def png(width: int, height: int, colour: tuple[int, ...] = (200, 40, 40)) -> bytes:
    buffer = io.BytesIO()
    mode = "RGBA" if len(colour) == 4 else "RGB"
    Image.new(mode, (width, height), colour).save(buffer, "PNG")
    return buffer.getvalue()


def gradient(width: int, height: int) -> bytes:
    """A picture with detail: its 1× file is lighter than its 2× one."""
    buffer = io.BytesIO()
    Image.linear_gradient("L").resize((width, height)).convert("RGB").save(
        buffer, "PNG"
    )
    return buffer.getvalue()


def widths(data: bytes, fit: Fit) -> tuple[tuple[int, int], list[int]]:
    rendition = process(data, ".png", fit)
    return (rendition.width, rendition.height), [f.width for f in rendition.files]


@pytest.mark.parametrize(
    ("source", "fit", "shown", "files"),
    [
        ((2000, 1000), Fit(width=640), (640, 320), [640, 1280]),  # 1× and 2×
        ((1000, 500), Fit(width=640), (640, 320), [640, 1000]),  # 2× capped
        ((700, 350), Fit(width=640), (640, 320), [700]),  # too little to add
        ((300, 150), Fit(width=640), (300, 150), [300]),  # never upscaled
        ((300, 150), Fit(width=640, exact=True), (300, 150), [300]),
        ((900, 300), Fit(height=LOGO_HEIGHT), (108, 36), [108, 216]),  # a logo
    ],
)
def test_display_size_and_pixel_widths(
    source: tuple[int, int], fit: Fit, shown: tuple[int, int], files: list[int]
) -> None:
    assert widths(gradient(*source), fit) == (shown, files)


def test_the_fallback_ships_alone_when_webp_is_not_smaller(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    encode = builder.raster._encode

    def heavy_webp(image: Image.Image, suffix: str, lossless: bool) -> bytes:
        data = encode(image, suffix, lossless)
        return data + b"\0" * 100_000 if suffix == ".webp" else data

    monkeypatch.setattr(builder.raster, "_encode", heavy_webp)
    rendition = process(png(1400, 700), ".png", Fit(width=640))
    assert rendition.fallback is None
    assert [(f.suffix, f.width) for f in rendition.files] == [
        (".jpg", 640),
        (".jpg", 1280),
    ]
    html = Picture(rendition, "media/a-1").html()
    assert html["sources"] == []
    assert html["srcset"] == "media/a-1-640.jpg 1x, media/a-1-1280.jpg 2x"
    assert html["src"] == "media/a-1-640.jpg"


def animated_webp() -> bytes:
    frames = [Image.new("RGB", (20, 20), c) for c in ("red", "blue")]
    buffer = io.BytesIO()
    frames[0].save(buffer, "WEBP", save_all=True, append_images=frames[1:])
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        (
            "bomb.png",
            (BAD / "bomb.png").read_bytes(),
            f"more than {MAX_PIXELS // 1_000_000} million pixels",
        ),
        ("truncated.jpg", (BAD / "truncated.jpg").read_bytes(), "damaged or cut short"),
        (
            "notes.png",
            b"Compte rendu de la reunion",
            "cannot be read as a PNG, JPEG or WebP",
        ),
        ("anim.webp", animated_webp(), "animated"),
    ],
)
def test_unusable_rasters_are_refused_with_a_reason(
    tmp_path: Path, name: str, data: bytes, words: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    [problem] = inspect_image(path)
    assert (problem.code, problem.line) == ("E314", None)
    assert words in problem.message


def test_output_names_are_safe_in_urls_and_srcset(tmp_path: Path) -> None:
    source = tmp_path / "Schéma, v2.png"
    source.write_bytes(gradient(900, 600))
    picture = ImagePipeline().figure(source, "media/Schéma, v2.png")
    assert picture.base.startswith("media/Schema-v2-")
    assert all(re.fullmatch(r"[A-Za-z0-9._/-]+", name) for name in picture.files)


def test_a_damaged_cache_entry_is_made_again(tmp_path: Path) -> None:
    source = tmp_path / "a.png"
    source.write_bytes(png(900, 600))
    cache = tmp_path / "cache"
    first = ImagePipeline(cache).figure(source, "media/a.png")
    [entry] = list(cache.rglob("*.bin"))
    assert (cache / ".gitignore").is_file()
    again = ImagePipeline(cache)
    assert again.figure(source, "media/a.png").files == first.files
    assert (again.stats.images, again.stats.from_cache) == (1, 1)
    entry.write_bytes(entry.read_bytes()[:-10])  # e.g. a full disk mid-write
    repaired = ImagePipeline(cache)
    assert repaired.figure(source, "media/a.png").files == first.files
    assert repaired.stats.from_cache == 0
    assert ImagePipeline(cache).figure(source, "media/a.png").files == first.files
    assert not list(cache.rglob(".tmp-*"))


def test_the_cache_key_follows_the_source_and_the_settings(tmp_path: Path) -> None:
    source = tmp_path / "a.png"
    source.write_bytes(png(900, 600))
    pipeline = ImagePipeline(tmp_path / "cache")
    pipeline.figure(source, "media/a.png")
    pipeline.figure(source, "media/a.png")  # same: remembered
    pipeline.figure(source, "media/a.png", width=320)  # another size
    source.write_bytes(png(900, 600, (10, 10, 10)))
    pipeline.figure(source, "media/a.png")  # another content
    assert pipeline.stats.images == 3
    assert len(list((tmp_path / "cache").rglob("*.bin"))) == 3


def test_the_stats_line_says_what_was_saved_or_added() -> None:
    saved = ImageStats(
        images=14, from_cache=12, source_bytes=3_565_158, output_bytes=421_888
    )
    assert (
        saved.line() == "images: 14 (12 from cache), 3.40 MB → 412.0 KB, 3.00 MB saved"
    )
    added = ImageStats(images=1, from_cache=0, source_bytes=1024, output_bytes=3072)
    assert added.line() == "images: 1 (0 from cache), 1.0 KB → 3.0 KB, 2.0 KB more"
    assert ImageStats().line() is None


@pytest.mark.parametrize(
    ("organisation", "letters"),
    [
        ("Fédération des Tilleuls", "FT"),
        ("Tisseuse", "T"),
        ("l'Association d'aide à domicile", "AA"),
        ("Établissement", "E"),
        ("—", "T"),
    ],
)
def test_initials_for_drawn_icons(organisation: str, letters: str) -> None:
    assert initials(organisation) == letters


def css_rule(selector: str) -> str:
    css = player_asset("tisseuse.css")
    found = re.search(rf"(?m)^{re.escape(selector)} \{{([^}}]*)\}}", css)
    assert found, selector
    return found.group(1)


def test_the_sizes_images_are_made_for_are_the_stylesheet_s() -> None:
    rem = 16  # px: the browsers' default, which the player keeps
    figure = re.search(r"max-width: ([\d.]+)rem;", css_rule(".ts-figure"))
    assert figure and float(figure.group(1)) * rem == FIGURE_WIDTH
    logo = re.search(r"\bheight: ([\d.]+)rem;", css_rule(".ts-brand img"))
    assert logo and float(logo.group(1)) * rem == LOGO_HEIGHT
    assert "height: auto" in css_rule("img")  # the reserved box scales


# --- theme pictures --------------------------------------------------------------


def theme(tmp_path: Path, yaml: str, files: dict[str, bytes]) -> Path:
    folder = tmp_path / "themes" / "t"
    folder.mkdir(parents=True)
    (folder / "theme.yaml").write_text(yaml, encoding="utf-8")
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return tmp_path / "themes"


@pytest.mark.parametrize(
    ("yaml", "files", "line"),
    [
        (
            "logo: l.svg\nicon: i.png\n",
            {"l.svg": b"<svg/>", "i.png": png(512, 512)},
            "themes/t/l.svg:1:1: error E315: this file is not an SVG image",
        ),
        (
            "icon: i.png\n",
            {"i.png": png(600, 400)},
            "themes/t/theme.yaml:1:7: error E314: the icon is 600×400 pixels: it must be square",
        ),
        (
            "icon: i.png\n",
            {"i.png": png(256, 256)},
            "themes/t/theme.yaml:1:7: error E314: the icon is 256×256 pixels",
        ),
        (
            "icon: i.svg\n",
            {"i.svg": b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>'},
            "themes/t/theme.yaml:1:7: error E314: the icon must be a PNG, JPEG or WebP",
        ),
        (
            "logo: logo.png\n",
            {},
            "themes/t/theme.yaml:1:7: error E303: the file 'logo.png' does not exist",
        ),
        (
            "logo: l.png\n",
            {"l.png": b"GIF89a"},
            "themes/t/theme.yaml:1:7: error E314: logo 'l.png': this file cannot be read",
        ),
    ],
)
def test_unusable_theme_pictures_fail_at_their_place(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    yaml: str,
    files: dict[str, bytes],
    line: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(BuildError) as error:
        load_theme(theme(tmp_path, yaml, files), "t")
    assert error.value.report.lines()[0].startswith(line)


def test_an_svg_logo_without_icon_is_a_warning_and_a_child_logo_drops_the_icon(
    tmp_path: Path,
) -> None:
    themes = theme(
        tmp_path,
        "logo: logo.svg\n",
        {"logo.svg": (REPO / "themes" / "default" / "logo.svg").read_bytes()},
    )
    warnings = Report()
    loaded = load_theme(themes, "t", warnings)
    assert loaded.icon is None
    assert [d.code for d in warnings] == ["W409"]
    child = load_theme(REPO / "themes", "federation-exemple")
    assert child.icon == REPO / "themes" / "federation-exemple" / "icon.png"
    parent_icon = tmp_path / "child"
    parent_icon.mkdir()
    (parent_icon / "theme.yaml").write_text("extends: default\nlogo: logo.svg\n")
    (parent_icon / "logo.svg").write_bytes(
        (REPO / "themes" / "default" / "logo.svg").read_bytes()
    )
    (tmp_path / "default").symlink_to(REPO / "themes" / "default")
    assert load_theme(tmp_path, "child").icon is None  # not the parent's


def test_check_prints_the_missing_icon_warning(minimal: Path) -> None:
    folder = minimal / "themes" / "default"
    (folder / "logo.svg").write_bytes(
        (REPO / "themes" / "default" / "logo.svg").read_bytes()
    )
    text = (folder / "theme.yaml").read_text(encoding="utf-8")
    (folder / "theme.yaml").write_text("logo: logo.svg\n" + text, encoding="utf-8")
    result = run(["check"], minimal)
    assert result.exit_code == 0
    assert result.stderr.startswith(
        "themes/default/theme.yaml:1:7: warning W409: the logo is an SVG and the theme has no 'icon'"
    )
    assert run(["check", "--strict"], minimal).exit_code == 1
