"""Corrupting any bundled module makes check and build fail at the exact place.

Each corruption is computed from the module's own text, so the test keeps
working as the content changes, and the expected line and column are derived
independently of the code under test.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import REPO, run

MODULES = sorted(p.parent.name for p in (REPO / "modules").glob("*/module.yaml"))

Corruption = Callable[[Path], tuple[int, int, str]]


def _line_of(text: str, pattern: str) -> tuple[int, re.Match[str]]:
    for number, line in enumerate(text.splitlines(), start=1):
        match = re.match(pattern, line)
        if match:
            return number, match
    raise AssertionError(f"no line matches {pattern!r}")


def bad_indentation(path: Path) -> tuple[int, int, str]:
    """Dedent the title of the second screen by one space."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    titles = [i for i, line in enumerate(lines) if line.startswith("    title: ")]
    index = titles[1]
    lines[index] = lines[index][1:]
    path.write_text("".join(lines), encoding="utf-8")
    return index + 1, 4, "E102"


def wrong_type(path: Path) -> tuple[int, int, str]:
    """Write the duration as text."""
    text = path.read_text(encoding="utf-8")
    number, match = _line_of(text, r"^duration_minutes: (\d+)$")
    path.write_text(
        text.replace(match.group(0), "duration_minutes: dix"), encoding="utf-8"
    )
    return number, len("duration_minutes: ") + 1, "E203"


def dangling_reference(path: Path) -> tuple[int, int, str]:
    """Point the module at a job family that does not exist."""
    text = path.read_text(encoding="utf-8")
    number, match = _line_of(text, r"^families: \[(.*)\]$")
    path.write_text(
        text.replace(match.group(0), "families: [plombiers]"), encoding="utf-8"
    )
    return number, len("families: [") + 1, "E302"


def invalid_utf8(path: Path) -> tuple[int, int, str]:
    """Save the first 'é' as Latin-1 (one byte, 0xE9)."""
    data = path.read_bytes()
    offset = data.index("é".encode())
    path.write_bytes(data[:offset] + b"\xe9" + data[offset + 2 :])
    before = data[:offset].decode("utf-8")
    line = before.count("\n") + 1
    col = len(before) - (before.rfind("\n") + 1) + 1
    return line, col, "E101"


CORRUPTIONS: dict[str, Corruption] = {
    "bad-indentation": bad_indentation,
    "wrong-type": wrong_type,
    "dangling-reference": dangling_reference,
    "invalid-utf8": invalid_utf8,
}


def test_the_bundled_catalogue_has_four_topics_covered() -> None:
    assert len(MODULES) >= 4


@pytest.mark.parametrize("module", MODULES)
@pytest.mark.parametrize("corruption", sorted(CORRUPTIONS))
def test_corruption_is_reported_at_its_place(
    catalogue_copy: Path, module: str, corruption: str
) -> None:
    path = catalogue_copy / "modules" / module / "module.yaml"
    line, col, code = CORRUPTIONS[corruption](path)
    expected = f"modules/{module}/module.yaml:{line}:{col}: error {code}: "

    checked = run(["check"], catalogue_copy)
    assert checked.exit_code == 1
    assert expected in checked.stderr, checked.stderr
    assert checked.stderr.rstrip().endswith("nothing written.")

    built = run(["build"], catalogue_copy)
    assert built.exit_code == 1
    assert built.stderr == checked.stderr
    assert not (catalogue_copy / "dist").exists()
