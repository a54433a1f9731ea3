"""SVG images: read safely, refuse what could run or call out, strip the rest.

An SVG is XML and can carry scripts, event handlers, HTML islands and
references to other hosts. Tisseuse packages must never run foreign code nor
make a third-party request, so ``inspect_svg`` lists every such construct
with its line (the author fixes the file and runs ``tisseuse check`` again)
and ``clean_svg`` strips what is merely private or useless in a package:
comments, processing instructions, ``<metadata>`` and the elements and
attributes of editors' own namespaces (Inkscape, Sodipodi, Sketch,
Illustrator...), which often hold names and local file paths.

Parsing never resolves entities, never reads a DTD and never uses the network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
#: Namespaces a browser renders; elements and attributes in any other are dropped.
_KEPT_NAMESPACES = frozenset({SVG_NS, XLINK_NS, XML_NS})
_ANIMATIONS = frozenset({"set", "animate"})
_URL = re.compile(r"url\(\s*(['\"]?)([^'\")]*)\1\s*\)", re.IGNORECASE)
_IMPORT = re.compile(r"@import", re.IGNORECASE)
_SCRIPT_URL = re.compile(r"^\s*(javascript|vbscript)\s*:", re.IGNORECASE)
_EXTERNAL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
#: How many lines above lxml's line a start tag may begin.
_TAG_LINES = 40
_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$")


@dataclass(frozen=True)
class SvgProblem:
    """Why an SVG cannot be used, and where (line and column count from 1)."""

    line: int
    col: int
    message: str


@dataclass(frozen=True)
class SvgInfo:
    """What ``inspect_svg`` found: the intrinsic size (if any) and the problems."""

    width: float | None
    height: float | None
    problems: tuple[SvgProblem, ...]


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def _parse(data: bytes) -> etree._Element:
    return etree.fromstring(data, _parser())


def inspect_svg(data: bytes) -> SvgInfo:
    """The SVG's size and every reason to refuse it (empty when it is safe)."""
    try:
        root = _parse(data)
    except etree.XMLSyntaxError as error:
        line, col = error.position
        return SvgInfo(None, None, (_not_xml(line, col, error.msg),))
    lines = data.decode("utf-8", errors="replace").splitlines()
    problems = _entity_problems(root, lines)
    if root.tag != f"{{{SVG_NS}}}svg":
        problems.append(
            SvgProblem(
                _line(root) or 1,
                1,
                "this file is not an SVG image (its first element must be "
                f'<svg xmlns="{SVG_NS}">): export it again as SVG',
            )
        )
        return SvgInfo(None, None, tuple(problems))
    for element in root.iter():
        if isinstance(element.tag, str):
            problems.extend(_element_problems(element, lines))
    width, height = svg_size(root)
    if width is None or height is None:
        line, col = _find(lines, _line(root), "<svg")
        problems.append(
            SvgProblem(
                line,
                col,
                "the SVG has no size, so the page cannot reserve its place: give "
                'its <svg> element a viewBox, e.g. viewBox="0 0 640 360"',
            )
        )
    return SvgInfo(width, height, tuple(problems))


def clean_svg(data: bytes) -> bytes:
    """The SVG without comments, metadata and editor namespaces (call
    ``inspect_svg`` first: this assumes it found no problem)."""
    root = _parse(data)
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        namespace, local = _split(element.tag)
        parent = element.getparent()
        if parent is not None and (namespace != SVG_NS or local == "metadata"):
            parent.remove(element)
            continue
        for name in list(element.attrib):
            attribute_ns, _ = _split(str(name))
            if attribute_ns is not None and attribute_ns not in _KEPT_NAMESPACES:
                del element.attrib[name]
    etree.cleanup_namespaces(root)
    return etree.tostring(root, encoding="utf-8") + b"\n"


def svg_size(root: etree._Element) -> tuple[float | None, float | None]:
    """Width and height in CSS pixels: the width/height attributes when both are
    plain numbers (or px), else the viewBox."""
    width, height = (_length(root.get(name)) for name in ("width", "height"))
    if width and height:
        return width, height
    box = (root.get("viewBox") or "").replace(",", " ").split()
    try:
        box_width, box_height = float(box[2]), float(box[3])
    except (IndexError, ValueError):
        return None, None
    if box_width <= 0 or box_height <= 0:
        return None, None
    if width:  # one given length: the other follows the viewBox's ratio
        return width, width * box_height / box_width
    if height:
        return height * box_width / box_height, height
    return box_width, box_height


def _length(value: str | None) -> float | None:
    match = _LENGTH.match(value or "")
    number = float(match.group(1)) if match else 0.0
    return number if number > 0 else None


def _line(element: etree._Element) -> int | None:
    """The line lxml recorded for ``element`` (where its start tag ends)."""
    line = element.sourceline
    return line if isinstance(line, int) else None


def _split(name: str) -> tuple[str | None, str]:
    if name.startswith("{"):
        namespace, local = name[1:].split("}", 1)
        return namespace, local
    return None, name


def _not_xml(line: int, col: int, message: str) -> SvgProblem:
    return SvgProblem(
        line,
        max(col, 1),
        f"this SVG is not well-formed XML ({message}): open it in your drawing "
        "program and export it again as plain SVG",
    )


def _entity_problems(root: etree._Element, lines: list[str]) -> list[SvgProblem]:
    dtd = root.getroottree().docinfo.internalDTD
    # iterentities() is missing from lxml-stubs
    if dtd is None or not list(getattr(dtd, "iterentities")()):  # noqa: B009
        return []
    line = next((i for i, text in enumerate(lines, 1) if "<!ENTITY" in text), 1)
    return [
        SvgProblem(
            line,
            _column(lines, line, "<!ENTITY"),
            "this SVG declares XML entities, which Tisseuse does not read: export "
            "it again as plain SVG (without a DOCTYPE)",
        )
    ]


def _element_problems(element: etree._Element, lines: list[str]) -> list[SvgProblem]:
    _, local = _split(element.tag)
    problems: list[SvgProblem] = []

    def refuse(needle: str, message: str) -> None:
        line, col = _find(lines, _line(element), needle)
        problems.append(SvgProblem(line, col, message))

    if local == "script":
        refuse(
            "<" + local,
            "the SVG contains a <script>: remove it (images must not run code)",
        )
    elif local == "foreignObject":
        refuse(
            "<" + local,
            "the SVG contains a <foreignObject> (HTML inside the image): remove it, "
            "and write the text as SVG <text> or in the screen's body",
        )
    elif local == "style":
        for problem in _css_problems(element.text or ""):
            refuse("<" + local, problem)
    for key, text in element.attrib.items():
        _, attribute = _split(str(key))
        value = str(text)
        if attribute.lower().startswith("on"):
            refuse(
                attribute,
                f"the SVG has an event attribute '{attribute}' (code run on a "
                "click or a load): remove it",
            )
        elif attribute == "href":
            refused = _reference_problem(value)
            if refused:
                refuse("href", refused)
        elif local in _ANIMATIONS and attribute == "attributeName" and "href" in value:
            refuse(attribute, "the SVG animates a link (href): remove this animation")
        elif _SCRIPT_URL.match(value):
            refuse(attribute, f"the attribute '{attribute}' holds a script: remove it")
        else:
            for problem in _css_problems(value):
                refuse(attribute, problem)
    return problems


def _css_problems(text: str) -> list[str]:
    problems = [_reference_problem(url.group(2)) or "" for url in _URL.finditer(text)]
    if _IMPORT.search(text):
        problems.append(
            "the SVG's style uses @import, which loads another file: copy the "
            "rules into the SVG or remove them"
        )
    return [p for p in problems if p]


def _reference_problem(target: str) -> str | None:
    """Why a reference (href or url()) is refused, or None if it stays inside."""
    target = target.strip()
    if target.startswith("#") or target.lower().startswith("data:image/"):
        return None
    if _EXTERNAL.match(target):
        return (
            f"the SVG refers to '{target[:60]}', on another host or scheme: a "
            "package must never call another site; embed the resource or remove "
            "the reference"
        )
    return (
        f"the SVG refers to the file '{target[:60]}', which the package will not "
        "hold: embed it in the SVG or remove the reference"
    )


def _column(lines: list[str], line: int | None, needle: str) -> int:
    """Where ``needle`` starts on ``line`` (1 when it cannot be found there)."""
    if line is None or not 1 <= line <= len(lines):
        return 1
    return lines[line - 1].find(needle) + 1 or 1


def _find(lines: list[str], line: int | None, needle: str) -> tuple[int, int]:
    """Line and column of ``needle`` at or above ``line``.

    lxml gives the line where an element's start tag ends; its name or an
    attribute may be on an earlier line of the same tag.
    """
    last = min(line or 1, len(lines))
    for number in range(last, max(last - _TAG_LINES, 0), -1):
        col = lines[number - 1].find(needle)
        if col >= 0:
            return number, col + 1
    return line or 1, 1
