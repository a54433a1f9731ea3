"""Shared fixtures: project copies, the CLI, golden files, a local web server."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from builder.cli import cli

REPO = Path(__file__).resolve().parents[1]
ROOTS = REPO / "tests" / "roots"
GOLDEN = REPO / "tests" / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite golden files from the current output (review `git diff` after).",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def copy_project(source: Path, dest: Path) -> Path:
    """Copy a project's modules/ and themes/ (nothing else) to ``dest``."""
    for part in ("modules", "themes"):
        if (source / part).is_dir():
            shutil.copytree(source / part, dest / part)
    return dest


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """A fresh copy of tests/roots/minimal: every activity type, all catalogue files."""
    return copy_project(ROOTS / "minimal", tmp_path / "project")


@pytest.fixture
def catalogue_copy(tmp_path: Path) -> Path:
    """A fresh copy of the bundled catalogue (the repository's modules/ and themes/)."""
    return copy_project(REPO, tmp_path / "project")


def edit(path: Path, old: str, new: str) -> None:
    """Replace ``old`` (which must occur exactly once) by ``new`` in a text file."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def run(args: list[str], cwd: Path) -> Result:
    """Run the tisseuse CLI in ``cwd`` (diagnostic paths are relative to it)."""
    previous = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(cli, args, catch_exceptions=False)
    finally:
        os.chdir(previous)


def tree_files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="session")
def serve_folder() -> Iterator[object]:
    """Serve folders over HTTP on 127.0.0.1; returns a function folder -> base URL."""
    from builder.preview import make_server

    servers = []

    def start(folder: Path) -> str:
        server = make_server(folder, 0)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()
