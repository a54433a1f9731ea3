"""SVG images: size, what is refused (with its place) and what is stripped."""

from __future__ import annotations

import pytest
from lxml import etree

from builder.svg import SVG_NS, clean_svg, inspect_svg
from tests.conftest import ROOTS

SCHEMA = ROOTS / "images" / "modules" / "photos" / "media" / "schema.svg"


def svg(body: str, attributes: str = 'viewBox="0 0 100 50"') -> bytes:
    return f'<svg xmlns="{SVG_NS}" {attributes}>\n{body}\n</svg>\n'.encode()


@pytest.mark.parametrize(
    ("attributes", "size"),
    [
        ('viewBox="0 0 320 180"', (320, 180)),
        ('width="64px" height="32" viewBox="0 0 1 1"', (64, 32)),
        ('width="200" viewBox="0,0,100,50"', (200, 100)),
        ('width="50%" height="10cm" viewBox="0 0 30 20"', (30, 20)),
    ],
)
def test_size_comes_from_width_and_height_else_the_viewbox(
    attributes: str, size: tuple[int, int]
) -> None:
    info = inspect_svg(svg("", attributes))
    assert (info.width, info.height) == size
    assert info.problems == ()


@pytest.mark.parametrize(
    ("body", "line", "col", "words"),
    [
        ("<script>alert(1)</script>", 2, 1, "<script>"),
        ('<rect width="1" height="1"\n   onclick="go()"/>', 3, 4, "'onclick'"),
        (
            '<foreignObject width="9"><p xmlns="http://www.w3.org/1999/xhtml"/></foreignObject>',
            2,
            1,
            "<foreignObject>",
        ),
        ('<image href="https://tracker.example/p.png"/>', 2, 8, "another host"),
        ('<image href="//tracker.example/p.png"/>', 2, 8, "another host"),
        (
            '<use xmlns:x="http://www.w3.org/1999/xlink" x:href="photo.png"/>',
            2,
            47,
            "the file 'photo.png'",
        ),
        ("<rect style=\"fill: url('http://x.example/f#a')\"/>", 2, 7, "another host"),
        ('<style>@import "theme.css";</style>', 2, 1, "@import"),
        ('<a href="javascript:alert(1)"><text>x</text></a>', 2, 4, "another host"),
        ('<animate attributeName="href" to="#b"/>', 2, 10, "animates a link"),
        ('<rect fill="javascript:go()"/>', 2, 7, "holds a script"),
    ],
)
def test_what_could_run_or_call_out_is_refused_at_its_place(
    body: str, line: int, col: int, words: str
) -> None:
    problems = inspect_svg(svg(body)).problems
    assert [(p.line, p.col) for p in problems] == [(line, col)], problems
    assert words in problems[0].message


def test_internal_references_and_embedded_images_are_fine() -> None:
    body = (
        '<defs><linearGradient id="g"/></defs><rect fill="url(#g)"/>'
        '<use href="#g"/><image href="data:image/png;base64,iVBORw0KGgo="/>'
    )
    assert inspect_svg(svg(body)).problems == ()


@pytest.mark.parametrize(
    ("data", "line", "words"),
    [
        (b"<svg><rect></svg>", 1, "not well-formed XML"),
        (b'<svg viewBox="0 0 1 1"/>', 1, "not an SVG image"),
        (svg("", 'width="100%"'), 1, "has no size"),
        (
            b'<!DOCTYPE svg [\n<!ENTITY big "ha">\n]>\n' + svg("<text>&big;</text>"),
            2,
            "declares XML entities",
        ),
    ],
)
def test_unusable_files_say_why(data: bytes, line: int, words: str) -> None:
    problems = inspect_svg(data).problems
    assert problems and problems[0].line == line
    assert words in problems[0].message


def test_cleaning_keeps_the_drawing_and_drops_editor_data() -> None:
    source = SCHEMA.read_bytes()
    assert inspect_svg(source).problems == ()
    cleaned = clean_svg(source)
    for private in (b"Marie", b"\\Users\\", b"inkscape", b"sodipodi", b"<!--", b"<?"):
        assert private in source
        assert private not in cleaned, private
    root = etree.fromstring(cleaned)
    assert root.tag == f"{{{SVG_NS}}}svg"
    assert root.find(f"{{{SVG_NS}}}metadata") is None
    local = [etree.QName(e).localname for e in root.iter()]
    assert local == [
        "svg",
        "defs",
        "linearGradient",
        "stop",
        "stop",
        "rect",
        "g",
        "circle",
        "use",
    ]
    assert b'xlink:href="#point"' in cleaned  # a reference the drawing needs
    assert (inspect_svg(cleaned).width, inspect_svg(cleaned).height) == (480, 270)
