"""Read YAML source files into plain Python data plus the position of every node.

Why not ``yaml.safe_load``: authors need ``file:line:col`` for every problem,
including problems found later by the model and the cross-checks. We therefore
compose the node graph ourselves and keep a map from *key path* (a tuple such
as ``("screens", 2, "activity", "options", 0, "feedback")``) to the place of the
value and of its key.

Two deliberate departures from PyYAML's defaults, both to protect French
authors:

* Scalars follow the YAML 1.2 core schema: ``non``, ``oui``, ``no``, ``on``
  and ``2024-01-01`` stay text; only ``true``/``false``, ``null``/``~``, and
  plain numbers are typed. (PyYAML's YAML 1.1 turns ``no`` into ``False``.)
* A key repeated in one mapping is an error, not a silent overwrite.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from builder.diagnostics import Location, Report

KeyPath = tuple[str | int, ...]

_STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"

# YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution)
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")


class _PlainResolver(BaseResolver):
    """A resolver with no implicit rules: every untagged scalar is a string node."""

    yaml_implicit_resolvers: dict[Any, Any] = {}  # noqa: RUF012 (PyYAML API)


class _Loader(Reader, Scanner, Parser, Composer, SafeConstructor, _PlainResolver):
    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        _PlainResolver.__init__(self)


@dataclass(frozen=True)
class Spot:
    """Where a value (and, for mapping entries, its key) starts in the file."""

    line: int
    col: int
    key_line: int
    key_col: int


@dataclass
class SourceDoc:
    """One parsed file: its data and where each part of it came from."""

    path: Path
    data: Any
    spots: dict[KeyPath, Spot] = field(default_factory=dict)

    def at(self, *keys: str | int, key: bool = False) -> Location:
        """Location of the value at ``keys`` (or of its key), or its nearest parent."""
        path: KeyPath = tuple(keys)
        while path not in self.spots and path:
            path = path[:-1]
        spot = self.spots.get(path)
        if spot is None:
            return Location(self.path, 1, 1)
        if key:
            return Location(self.path, spot.key_line, spot.key_col)
        return Location(self.path, spot.line, spot.col)

    def has(self, *keys: str | int) -> bool:
        return tuple(keys) in self.spots


def parse_yaml(path: Path, text: str, report: Report) -> SourceDoc | None:
    """Parse ``text`` (the content of ``path``); report problems, None on error."""
    loader = None
    try:
        loader = _Loader(text)
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        report.error(Location(path, line, col), "E102", _explain_yaml_error(exc))
        if exc.problem == "mapping values are not allowed here":
            _report_other_colons(path, text, line, report)
        return None
    except yaml.reader.ReaderError as exc:
        line, col = _line_col(text, exc.position)
        report.error(
            Location(path, line, col),
            "E102",
            f"the character U+{exc.character:04X} is not allowed in a YAML file: "
            "delete it (it is often an invisible control character pasted from "
            "another program)",
        )
        return None
    finally:
        if loader is not None:
            loader.dispose()
    if root is None:
        report.error(
            Location(path, 1, 1),
            "E104",
            "this file is empty: write its content, or delete the file",
        )
        return None
    doc = SourceDoc(path=path, data=None)
    before = len(report)
    doc.data = _convert(root, (), doc, report, key_spot=(1, 1))
    return None if len(report) > before and _has_errors_for(report, path) else doc


def _has_errors_for(report: Report, path: Path) -> bool:
    return any(d.location.path == path for d in report.errors)


def _convert(
    node: Node,
    path: KeyPath,
    doc: SourceDoc,
    report: Report,
    key_spot: tuple[int, int],
) -> Any:
    line, col = node.start_mark.line + 1, node.start_mark.column + 1
    doc.spots[path] = Spot(line, col, *key_spot)
    if isinstance(node, ScalarNode):
        return _scalar(node, doc, report)
    if isinstance(node, SequenceNode):
        if node.tag != _SEQ_TAG:
            _unsupported_tag(node, doc, report)
        return [
            _convert(item, (*path, i), doc, report, _start(item))
            for i, item in enumerate(node.value)
        ]
    if isinstance(node, MappingNode):
        if node.tag != _MAP_TAG:
            _unsupported_tag(node, doc, report)
        return _mapping(node, path, doc, report)
    raise TypeError(f"unexpected YAML node {node!r}")  # pragma: no cover


def _start(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _mapping(
    node: MappingNode, path: KeyPath, doc: SourceDoc, report: Report
) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            _unsupported(key_node, doc, report, "merge keys ('<<')")
            continue
        if not isinstance(key_node, ScalarNode):
            _unsupported(key_node, doc, report, "a list or mapping used as a key")
            continue
        key = str(key_node.value)
        if key in result:
            first = doc.spots[(*path, key)]
            report.error(
                Location(doc.path, *_start(key_node)),
                "E103",
                f"the key '{key}' appears twice in this mapping (first at line "
                f"{first.key_line}): keep only one",
            )
            continue
        result[key] = _convert(
            value_node, (*path, key), doc, report, key_spot=_start(key_node)
        )
    return result


def _scalar(node: ScalarNode, doc: SourceDoc, report: Report) -> Any:
    value: str = node.value
    if node.tag != _STR_TAG:
        _unsupported_tag(node, doc, report)
        return value
    if node.style is not None:  # quoted or block scalar: always text
        return value
    if _NULL.match(value):
        return None
    if _BOOL.match(value):
        return value.lower() == "true"
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    return value


def _unsupported_tag(node: Node, doc: SourceDoc, report: Report) -> None:
    _unsupported(node, doc, report, f"the tag '{node.tag}'")


def _unsupported(node: Node, doc: SourceDoc, report: Report, what: str) -> None:
    report.error(
        Location(doc.path, *_start(node)),
        "E105",
        f"{what} is not supported in Tisseuse sources: write the value out plainly",
    )


# A plain (unquoted) value that itself holds ': ', as French typography writes
# it: "feedback: Bien : c'est un fait". YAML stops at the first one; we point
# at all of them so the author can fix the file in one go.
_COLON_IN_VALUE = re.compile(
    r"^(\s*(?:- )?[\w-]+: +)(?![\"'|>&*!\[{])\S[^#\n]*?(:)(?= |$)"
)


def _report_other_colons(path: Path, text: str, first: int, report: Report) -> None:
    for number, line in enumerate(text.splitlines(), start=1):
        match = _COLON_IN_VALUE.match(line)
        if match and number != first:
            report.error(
                Location(path, number, match.start(2) + 1),
                "E102",
                "this text contains ': ', which YAML reads as a new key: put the "
                "whole text in double quotes, or start it on the next line after '>-'",
            )


def _line_col(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    line = before.count("\n") + 1
    return line, offset - (before.rfind("\n") + 1) + 1


_HINTS: list[tuple[str, str]] = [
    (
        "found character '\\t'",
        "a tab is used for indentation: indent with spaces only",
    ),
    (
        "mapping values are not allowed here",
        "a ':' appears where YAML does not expect one: check the indentation of "
        "this line, or put the text in double quotes if it contains ': '",
    ),
    (
        "expected <block end>, but found",
        "this line is not aligned with the lines above it: check its indentation",
    ),
    (
        "did not find expected key",
        "this line is not aligned with the keys above it: check its indentation",
    ),
    (
        "did not find expected '-' indicator",
        "this list item is not aligned with the items above it: check its indentation",
    ),
    (
        "found unexpected end of stream",
        "a quotation mark or bracket is opened and never closed",
    ),
    (
        "found undefined alias",
        "an alias '*name' refers to an anchor '&name' that is not defined",
    ),
    (
        "but found another document",
        "a file holds one document only: remove the '---' or '...' line",
    ),
    (
        "could not find expected ':'",
        "a key is not followed by ':', or a quoted text runs over several lines",
    ),
]


def _explain_yaml_error(exc: yaml.MarkedYAMLError) -> str:
    raw = " ".join(part for part in (exc.context, exc.problem) if part)
    for needle, hint in _HINTS:
        if needle in raw:
            return f"{hint} (YAML: {raw})"
    return f"the file is not valid YAML: {raw}"
