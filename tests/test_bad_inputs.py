"""The bad-input corpus: each case breaks the minimal project in a known way.

A case is ``tests/bad_inputs/<name>.yaml`` (the edits) and ``<name>.expected``
(the exact output of ``tisseuse check``). For every case we also check that
``tisseuse build`` fails the same way, exits 1 and leaves the output folder as
it was. ``pytest --update-golden`` rewrites the .expected files; review the diff.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import REPO, edit, run, tree_files

CORPUS = Path(__file__).parent / "bad_inputs"
CASES = sorted(p.stem for p in CORPUS.glob("*.yaml"))


def apply(root: Path, edits: list[dict[str, Any]]) -> None:
    for change in edits:
        if "delete" in change:
            (root / change["delete"]).unlink()
            continue
        path = root / change["file"]
        if "write" in change:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(change["write"], encoding="utf-8")
        elif "copy" in change:  # a binary file from the repository
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes((REPO / change["copy"]).read_bytes())
        elif "replace_bytes" in change:
            old = change["replace_bytes"]
            data = path.read_bytes()
            assert data.count(old.encode()) == 1
            path.write_bytes(data.replace(old.encode(), old.encode("latin-1")))
        else:
            edit(path, change["replace"], change["with"])


@pytest.fixture(params=CASES)
def case(
    request: pytest.FixtureRequest, minimal: Path
) -> tuple[str, dict[str, Any], Path]:
    name = request.param
    spec = yaml.safe_load((CORPUS / f"{name}.yaml").read_text(encoding="utf-8"))
    apply(minimal, spec["edits"])
    return name, spec, minimal


def test_check_prints_the_expected_diagnostics(
    case: tuple[str, dict[str, Any], Path], update_golden: bool
) -> None:
    name, spec, root = case
    args = ["check", "--strict"] if spec.get("strict") else ["check"]
    result = run(args, root)
    expected_file = CORPUS / f"{name}.expected"
    if update_golden:
        expected_file.write_text(result.stderr, encoding="utf-8")
    assert result.exit_code == 1
    assert result.stderr == expected_file.read_text(encoding="utf-8")
    for line in result.stderr.splitlines()[:-1]:
        assert line.split(":")[0].startswith("modules/"), line  # path:line:col first


def test_build_fails_the_same_way_and_writes_nothing(
    case: tuple[str, dict[str, Any], Path],
) -> None:
    name, spec, root = case
    marker = root / "dist" / "web" / "index.html"
    marker.parent.mkdir(parents=True)
    marker.write_text("previous build", encoding="utf-8")
    before = tree_files(root / "dist")
    args = ["build", "--strict"] if spec.get("strict") else ["build"]
    result = run(args, root)
    assert result.exit_code == 1
    assert result.stderr == (CORPUS / f"{name}.expected").read_text(encoding="utf-8")
    assert tree_files(root / "dist") == before
    leftovers = [p.name for p in root.iterdir() if p.name.startswith(".dist-staging")]
    assert leftovers == []


def test_warning_alone_does_not_fail_without_strict(minimal: Path) -> None:
    spec = yaml.safe_load((CORPUS / "warning-unused-source.yaml").read_text("utf-8"))
    apply(minimal, spec["edits"])
    result = run(["check"], minimal)
    assert result.exit_code == 0
    assert "warning W402" in result.stderr


def test_every_case_is_documented() -> None:
    for name in CASES:
        spec = yaml.safe_load((CORPUS / f"{name}.yaml").read_text(encoding="utf-8"))
        assert spec.get("description"), name
        assert (CORPUS / f"{name}.expected").is_file(), (
            f"run pytest --update-golden ({name})"
        )


def test_minimal_project_is_valid(minimal: Path) -> None:
    result = run(["check", "--strict"], minimal)
    assert result.exit_code == 0, result.stderr
    shutil.rmtree(minimal / "dist", ignore_errors=True)
