"""`tisseuse bench scorm` measures every package it builds, whatever its launch file.

Run in a subprocess: the benchmark drives its own Chromium through Playwright's
sync API, which cannot nest inside the session pytest-playwright holds open.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def test_bench_scorm_measures_every_package_including_sequenced(
    minimal: Path,
) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from builder.cli import main; main()",
            *("bench", "scorm", "--root", str(minimal), "--cpu", "1"),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    measured = sorted(line.split()[0] for line in lines[:-1] if "API calls" in line)
    assert measured == [
        "scorm12/demo",
        "scorm12/path-soin",
        "scorm2004/demo",
        "scorm2004/path-soin",
        "scorm2004/path-soin-sequenced",
    ]
    totals = json.loads(lines[-1])
    assert totals["packages"] == 5
    # Each launch file really loaded and talked to the LMS: Initialize, reads, writes.
    assert 3 <= totals["api_calls_max"] <= 12
    assert totals["first_page_requests_max"] <= 6
