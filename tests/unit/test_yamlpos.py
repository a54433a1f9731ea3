"""The positioned YAML reader: YAML 1.2 scalars, positions, friendly syntax errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.diagnostics import Report
from builder.yamlpos import parse_yaml

F = Path("f.yaml")


def parse(text: str) -> tuple[object, list[str]]:
    report = Report()
    doc = parse_yaml(F, text, report)
    return (doc.data if doc else None), report.lines()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a: non", "non"),
        ("a: no", "no"),  # YAML 1.1 would say False
        ("a: oui", "oui"),
        ("a: on", "on"),
        ("a: 2024-01-01", "2024-01-01"),  # YAML 1.1 would make a date
        ("a: 1:30", "1:30"),  # YAML 1.1 would make 90 (sexagesimal)
        ("a: true", True),
        ("a: False", False),
        ("a: ~", None),
        ("a:", None),
        ("a: 12", 12),
        ("a: -0.5", -0.5),
        ("a: '12'", "12"),
        ('a: "true"', "true"),
        ("a: |\n  x\n", "x\n"),
    ],
)
def test_scalars_follow_yaml_1_2_core_schema(text: str, value: object) -> None:
    data, problems = parse(text)
    assert problems == []
    assert data == {"a": value}


def test_positions_of_values_and_keys() -> None:
    report = Report()
    doc = parse_yaml(F, "a:\n  - x: 1\n    y: two\n", report)
    assert doc is not None
    assert doc.at("a", 0, "y").display() == "f.yaml:3:8"
    assert doc.at("a", 0, "y", key=True).display() == "f.yaml:3:5"
    # an unknown path falls back to the nearest known parent
    assert doc.at("a", 0, "missing").display() == "f.yaml:2:5"


def test_duplicate_key_is_an_error_not_an_overwrite() -> None:
    data, problems = parse("a: 1\nb: 2\na: 3\n")
    assert data is None
    assert problems == [
        "f.yaml:3:1: error E103: the key 'a' appears twice in this mapping "
        "(first at line 1): keep only one"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "a:\n\tb: 1\n",
            "f.yaml:2:1: error E102: a tab is used for indentation: indent with "
            "spaces only (YAML: while scanning for the next token found character "
            "'\\t' that cannot start any token)",
        ),
        (
            "a:\n  b: 1\n c: 2\n",
            "f.yaml:3:2: error E102: this line is not aligned with the lines above "
            "it: check its indentation (YAML: while parsing a block mapping expected "
            "<block end>, but found '<block mapping start>')",
        ),
        (
            "# only a comment\n",
            "f.yaml:1:1: error E104: this file is empty: write its content, or "
            "delete the file",
        ),
        (
            'a: "open\nb: 2\n',
            "f.yaml:3:1: error E102: a quotation mark or bracket is opened and never "
            "closed (YAML: while scanning a quoted scalar found unexpected end of "
            "stream)",
        ),
        (
            "a: b\x07c\n",
            "f.yaml:1:5: error E102: the character U+0007 is not allowed in a YAML "
            "file: delete it (it is often an invisible control character pasted "
            "from another program)",
        ),
        (
            "a: !!binary abc\n",
            "f.yaml:1:4: error E105: the tag 'tag:yaml.org,2002:binary' is not "
            "supported in Tisseuse sources: write the value out plainly",
        ),
    ],
)
def test_syntax_errors_are_located_and_explained(text: str, expected: str) -> None:
    data, problems = parse(text)
    assert data is None
    assert problems == [expected]


def test_every_unquoted_french_colon_is_reported_at_once() -> None:
    text = 'a: Bien : un fait\nb: ok\nc: Non : pas ça\nd: "Oui : ok"\ne: >-\n  x : y\n'
    _, problems = parse(text)
    assert [p.split(": error")[0] for p in problems] == ["f.yaml:1:9", "f.yaml:3:8"]
    assert "put the whole text in double quotes" in problems[1]
