"""Start a real xblock-sdk workbench (Django dev server) for the browser tests.

A fresh temporary folder holds its database and event log; it listens on a
free port of 127.0.0.1, is waited for (then warmed up with one patient
request: it builds every scenario on the first one), and is stopped at the
end. Its scenarios are the blocks' ``workbench_scenarios()``, built from the
compiled catalogue the settings name.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.conftest import REPO

Json = dict[str, Any]


@dataclass(frozen=True)
class Workbench:
    url: str
    var: Path

    def events(self, student: str) -> list[Json]:
        """Every event the runtime published while serving ``student``."""
        log = self.var / "events.jsonl"
        if not log.exists():
            return []
        lines = log.read_text(encoding="utf-8").splitlines()
        return [e for e in map(json.loads, lines) if e["student"] == student]

    def user_state(self, student: str, usage_id: str) -> Json:
        """The learner's stored fields of one block, as the database holds them."""
        with sqlite3.connect(self.var / "workbench.db") as db:
            rows = db.execute(
                "SELECT state FROM workbench_xblockstate"
                " WHERE scope = 'usage' AND scope_id = ? AND user_id = ?",
                (usage_id, student),
            ).fetchall()
        state: Json = {}
        for (text,) in rows:
            state.update(json.loads(text))
        return state


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def running_workbench(var: Path, catalogue: Path) -> Iterator[Workbench]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.xblocks.workbench_settings",
        "TISSEUSE_WB_VAR": str(var),
        "TISSEUSE_WB_CATALOGUE": str(catalogue),
        "EXCLUDE_SAMPLE_XBLOCKS": "yes",
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
        "PYTHONWARNINGS": "ignore",
    }
    django = [sys.executable, "-m", "django"]
    migrated = subprocess.run(
        [*django, "migrate", "--run-syncdb", "--noinput"],
        cwd=var,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if migrated.returncode:
        raise RuntimeError(f"workbench migrate failed:\n{migrated.stderr}")
    port = _free_port()
    log = (var / "server.log").open("w")
    server = subprocess.Popen(
        [*django, "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=var,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_for(port, server, var)
        url = f"http://127.0.0.1:{port}"
        with urllib.request.urlopen(
            url + "/", timeout=300
        ) as first:  # builds the scenarios
            first.read()
        yield Workbench(url, var)
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def _wait_for(port: int, server: subprocess.Popen[bytes], var: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(
                "the workbench stopped:\n" + (var / "server.log").read_text()
            )
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the workbench did not start within 120 s")
