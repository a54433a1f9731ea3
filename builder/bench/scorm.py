"""``tisseuse bench scorm``: size and first-load cost of every SCORM package.

For each package: zip size; launched from the stand-in LMS (scorm-again, as in
the tests) in Chromium on a tablet viewport (810x1080, touch) with the CPU
slowed 4x, the requests and bytes of the first page, the time until the first
screen is ready, and the number of SCORM API calls made by then. The last line
is one JSON object with the totals, for scripts and CI logs.

Needs the dev tools (``pip install -e '.[dev]'``, ``npm ci``) and Debian's
Chromium; a measurement, not a test: numbers vary with the machine.
"""

from __future__ import annotations

import gzip
import json
import shutil
import statistics
import tempfile
import threading
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from lxml import etree

from builder.build import run_build
from builder.model import Catalogue
from builder.preview import make_server

HARNESS = Path(__file__).parent / "lms"
CHROMIUM = "/usr/bin/chromium"
VERSION = {"scorm12": "12", "scorm2004": "2004"}


@dataclass(frozen=True)
class Measure:
    package: str
    zip_bytes: int
    requests: int
    page_bytes: int
    page_gzip_bytes: int
    load_ms: float
    api_calls: int

    def line(self) -> str:
        return (
            f"{self.package:<48} zip {self.zip_bytes / 1024:6.1f} KB  first page "
            f"{self.requests:2d} req {self.page_bytes / 1024:5.1f} KB "
            f"({self.page_gzip_bytes / 1024:4.1f} KB gzip)  "
            f"ready {self.load_ms:7.0f} ms  {self.api_calls:2d} API calls"
        )


def find_scorm_again(root: Path) -> Path:
    for folder in (root, Path.cwd(), Path(__file__).resolve().parents[2]):
        candidate = (
            folder / "node_modules" / "scorm-again" / "dist" / "scorm-again.min.js"
        )
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("scorm-again is not installed: run 'npm ci' in the project")


@contextmanager
def served(folder: Path) -> Iterator[str]:
    server = make_server(folder, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def bench_scorm(
    catalogue: Catalogue,
    targets: tuple[str, ...],
    cpu: float,
    echo: Callable[[str], None],
) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright  # dev dependency, loaded on demand

    with tempfile.TemporaryDirectory(prefix="tisseuse-bench-") as tmp:
        site = Path(tmp)
        run_build(catalogue, targets, site / "dist")
        shutil.copytree(HARNESS, site / "lms")
        shutil.copy(
            find_scorm_again(catalogue.root), site / "lms" / "scorm-again.min.js"
        )
        packages = _unzip_all(site, targets)
        measures = []
        with served(site) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM,
                args=[
                    "--no-sandbox",
                    "--disable-background-networking",
                    "--disable-component-update",
                ],
            )
            for package in packages:
                measure = _measure(browser, base, package, cpu)
                echo(measure.line())
                measures.append(measure)
            browser.close()
    return _totals(measures, cpu)


def _unzip_all(site: Path, targets: tuple[str, ...]) -> list[Package]:
    found = []
    for target in targets:
        for package in sorted((site / "dist" / target).glob("*.zip")):
            with zipfile.ZipFile(package) as archive:
                archive.extractall(site / "pkg" / target / package.stem)
                launch = first_launch(archive.read("imsmanifest.xml"))
            found.append(Package(target, package.stem, package.stat().st_size, launch))
    return found


@dataclass(frozen=True)
class Package:
    target: str
    name: str
    zip_bytes: int
    launch: str


def first_launch(manifest: bytes) -> str:
    """The file an LMS opens first: the default organisation's first SCO."""
    root = etree.fromstring(manifest)
    ns = {"cp": root.nsmap[None]}
    default = root.xpath("string(cp:organizations/@default)", namespaces=ns)
    first = root.xpath(
        "string((cp:organizations/cp:organization[@identifier=$org]"
        "//cp:item/@identifierref)[1])",
        namespaces=ns,
        org=default,
    )
    return str(
        root.xpath(
            "string(cp:resources/cp:resource[@identifier=$res]/@href)",
            namespaces=ns,
            res=first,
        )
    )


def _measure(browser: Any, base: str, package: Package, cpu: float) -> Measure:
    target, name = package.target, package.name
    context = browser.new_context(
        viewport={"width": 810, "height": 1080}, has_touch=True
    )
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu})
    prefix = f"{base}/pkg/{target}/{name}/"
    responses: list[Any] = []
    page.on(
        "requestfinished",
        lambda r: responses.append(r) if r.url.startswith(prefix) else None,
    )
    query = urlencode(
        {"version": VERSION[target], "sco": f"{prefix}{package.launch}"[len(base) :]}
    )
    page.goto(f"{base}/lms/harness.html?{query}")
    page.wait_for_function(
        "(document.getElementById('sco') || {}).contentWindow?.Tisseuse"
    )
    frame = next(f for f in page.frames if f.url.startswith(prefix))
    ready_ms = frame.evaluate("Tisseuse.ready.then(() => performance.now())")
    calls = page.evaluate("window.harness.calls.length")
    sizes = [r.sizes() for r in responses]
    size = sum(s["responseBodySize"] + s["responseHeadersSize"] for s in sizes)
    gzipped = sum(
        len(gzip.compress(r.response().body(), mtime=0)) + s["responseHeadersSize"]
        for r, s in zip(responses, sizes, strict=True)
    )
    context.close()
    return Measure(
        f"{target}/{name}",
        package.zip_bytes,
        len(responses),
        size,
        gzipped,
        ready_ms,
        calls,
    )


def _totals(measures: list[Measure], cpu: float) -> dict[str, Any]:
    if not measures:
        return {"packages": 0}
    return {
        "packages": len(measures),
        "cpu_slowdown": cpu,
        "zip_bytes_total": sum(m.zip_bytes for m in measures),
        "zip_bytes_max": max(m.zip_bytes for m in measures),
        "first_page_requests_max": max(m.requests for m in measures),
        "first_page_bytes_max": max(m.page_bytes for m in measures),
        "first_page_gzip_bytes_max": max(m.page_gzip_bytes for m in measures),
        "load_ms_median": round(statistics.median(m.load_ms for m in measures)),
        "load_ms_max": round(max(m.load_ms for m in measures)),
        "api_calls_max": max(m.api_calls for m in measures),
        "largest": asdict(max(measures, key=lambda m: m.zip_bytes)),
    }


def print_totals(totals: dict[str, Any], echo: Callable[[str], None]) -> None:
    echo(json.dumps(totals, sort_keys=True))
