"""``tisseuse audit``: plan the documents of every package, run the browsers.

Web pages are independent tasks; a SCORM package is one task, grouped with the
same package in the other SCORM version so that one worker's browser sees
both (their states are mostly identical and measured once). With ``jobs`` > 1
a pool of processes, each with its own Chromium, shares one cache of evidence.
"""

from __future__ import annotations

import json
import multiprocessing
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, MutableMapping
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from fnmatch import fnmatchcase as fnmatch
from pathlib import Path
from typing import Any

from builder.audit.measure import (
    AXE_TAGS,
    LANDSCAPE,
    NARROW,
    PORTRAIT,
    Auditor,
    Document,
    Evidence,
    Finding,
    StateResult,
)
from builder.audit.walkers import scorm_documents, web_documents
from builder.bench.scorm import HARNESS, served


class AuditSetupError(Exception):
    """Something the audit needs is missing; the message says how to get it."""


@dataclass
class PackageAudit:
    target: str
    name: str
    """``web``, or the package's file name."""
    report_base: Path
    """Reports are written as ``<base>.audit.html`` and ``.audit.json``."""
    states: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    to_review: list[Finding] = field(default_factory=list)
    applied: set[str] = field(default_factory=set)
    inventory: Counter[str] = field(default_factory=Counter)
    reused: int = 0
    seconds: float = 0.0

    @property
    def failing(self) -> list[Finding]:
        return [f for f in self.findings if f.failing]

    def add(self, state: str, evidence: Evidence, reused: bool, is_state: bool) -> None:
        if is_state:
            self.states.append(state)
        self.findings += [replace(f, state=state) for f in evidence.findings]
        self.to_review += [replace(f, state=state) for f in evidence.to_review]
        self.applied |= evidence.applied
        self.inventory.update(evidence.inventory)
        self.reused += reused


# --- tools the audit needs ------------------------------------------------------


def find_node_file(root: Path, relative: str, package: str) -> Path:
    for folder in (root, Path.cwd(), Path(__file__).resolve().parents[2]):
        candidate = folder / "node_modules" / relative
        if candidate.is_file():
            return candidate
    raise AuditSetupError(
        f"{package} is not installed: run 'npm ci' in the project "
        f"(or 'npm install {package}' next to your catalogue)"
    )


def load_playwright() -> Any:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        raise AuditSetupError(
            "the audit drives Chromium with Playwright: "
            "pip install 'tisseuse[audit]' (browsers come from Debian: "
            "apt-get install chromium)"
        ) from error
    return sync_playwright


# --- orchestration -----------------------------------------------------------------


def audit_dist(
    dist: Path,
    targets: tuple[str, ...],
    catalogue_root: Path,
    chromium: str,
    echo: Callable[[str], None],
    only: tuple[str, ...] = (),
    jobs: int = 1,
) -> list[PackageAudit]:
    """Audit the built packages of ``targets`` in ``dist``; nothing is written."""
    missing = [t for t in targets if not (dist / t).is_dir()]
    if missing:
        raise AuditSetupError(
            f"nothing built for {', '.join(missing)} in {dist}: run "
            f"'tisseuse build {' '.join(missing)}' first"
        )
    if not Path(chromium).is_file():
        raise AuditSetupError(
            f"Chromium not found at {chromium}: apt-get install chromium, "
            "or give its path with --chromium"
        )
    axe = find_node_file(catalogue_root, "axe-core/axe.min.js", "axe-core")
    scorm_again = find_node_file(
        catalogue_root, "scorm-again/dist/scorm-again.min.js", "scorm-again"
    )
    load_playwright()  # fail early, with the install hint
    axe_source = axe.read_text(encoding="utf-8")
    with ExitStack() as stack:
        site = Path(
            stack.enter_context(tempfile.TemporaryDirectory(prefix="tisseuse-audit-"))
        )
        shutil.copytree(HARNESS, site / "lms")
        shutil.copy(scorm_again, site / "lms" / "scorm-again.min.js")
        audits, tasks = _plan(dist, targets, site, only)
        base = stack.enter_context(served(site))
        remaining = Counter(task.package for task in tasks)
        found: dict[tuple[int, int], list[StateResult]] = {}
        for task, results, seconds in _run(tasks, base, chromium, axe_source, jobs):
            for order, states in zip(task.orders, results, strict=True):
                found[(task.package, order)] = states
            audit = audits[task.package]
            audit.seconds += seconds
            remaining[task.package] -= 1
            if remaining[task.package] == 0:
                orders = sorted(o for p, o in found if p == task.package)
                for order in orders:
                    for state in found[(task.package, order)]:
                        audit.add(
                            state.label, state.evidence, state.reused, state.is_state
                        )
                echo(summary_line(audit))
    return audits


@dataclass(frozen=True)
class Task:
    """Documents one worker audits in a row (sharing its cache of states)."""

    package: int
    orders: tuple[int, ...]
    documents: tuple[Document, ...]
    group: str
    """Tasks of one group run in a row on one worker."""


def _plan(
    dist: Path, targets: tuple[str, ...], site: Path, only: tuple[str, ...]
) -> tuple[list[PackageAudit], list[Task]]:
    """Every package to audit, and the tasks that cover their documents.

    Web pages are independent tasks; a SCORM package is one task, and the
    same package in both SCORM versions goes with it (mostly identical
    states, measured once by the same worker's cache).
    """
    audits: list[PackageAudit] = []
    tasks: list[Task] = []
    by_stem: dict[str, list[Task]] = {}
    for target in targets:
        if target == "web":
            shutil.copytree(dist / "web", site / "web")
            documents = [
                d
                for d in web_documents(site / "web", "/web")
                if not only or "web" in only or any(fnmatch(d.label, o) for o in only)
            ]
            if documents:
                audits.append(PackageAudit("web", "web", dist / "web"))
                tasks += [
                    Task(len(audits) - 1, (n,), (d,), f"web/{d.label}")
                    for n, d in enumerate(documents)
                ]
            continue
        for package in sorted((dist / target).glob("*.zip")):
            if only and not any(fnmatch(package.stem, o) for o in only):
                continue
            audits.append(PackageAudit(target, package.name, package.with_suffix("")))
            documents = scorm_documents(target, package, site)
            stem = package.stem.removesuffix("-sequenced")
            task = Task(
                len(audits) - 1,
                tuple(range(len(documents))),
                tuple(documents),
                f"scorm/{stem}",
            )
            by_stem.setdefault(stem, []).append(task)
    tasks += [t for group in by_stem.values() for t in group]
    return audits, tasks


_WORKER: dict[str, Any] = {}


def _start_worker(
    chromium: str, axe_source: str, cache: MutableMapping[str, Evidence]
) -> None:
    playwright = load_playwright()().start()
    browser = playwright.chromium.launch(
        executable_path=chromium,
        args=["--no-sandbox", "--disable-background-networking"],
    )
    _WORKER.update(playwright=playwright, browser=browser)
    _WORKER["auditor"] = Auditor(browser, axe_source, cache)


def _stop_worker() -> None:
    if _WORKER:
        _WORKER.pop("browser").close()
        _WORKER.pop("playwright").stop()
        _WORKER.clear()


def _run_task(base: str, task: Task) -> tuple[Task, list[list[StateResult]], float]:
    started = time.monotonic()
    auditor: Auditor = _WORKER["auditor"]
    results = [auditor.audit_document(base, d) for d in task.documents]
    return task, results, time.monotonic() - started


def _run(
    tasks: list[Task], base: str, chromium: str, axe_source: str, jobs: int
) -> Iterator[tuple[Task, list[list[StateResult]], float]]:
    """Run the tasks in this process (jobs=1) or in a pool of browsers."""
    if jobs <= 1 or len(tasks) <= 1:
        _start_worker(chromium, axe_source, {})
        try:
            for task in tasks:
                yield _run_task(base, task)
        finally:
            _stop_worker()
        return
    groups: dict[str, list[Task]] = {}
    for task in tasks:
        groups.setdefault(task.group, []).append(task)
    context = multiprocessing.get_context("spawn")
    with (
        context.Manager() as manager,
        ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=context,
            initializer=_start_worker,
            initargs=(chromium, axe_source, manager.dict()),
        ) as pool,
    ):
        futures = [pool.submit(_run_group, base, g) for g in groups.values()]
        for future in as_completed(futures):
            yield from future.result()


def _run_group(
    base: str, group: list[Task]
) -> list[tuple[Task, list[list[StateResult]], float]]:
    return [_run_task(base, task) for task in group]


def summary_line(audit: PackageAudit) -> str:
    failing = audit.failing
    verdict = "FAIL" if failing else "pass"
    checks = Counter(f.check for f in failing)
    worst = ", ".join(f"{check} x{n}" for check, n in checks.most_common(3))
    return (
        f"{verdict}  {audit.target}/{audit.name}: {len(audit.states)} states "
        f"({audit.reused} identical to one already audited), "
        f"{len(failing)} serious/critical, {len(audit.findings) - len(failing)} minor, "
        f"{len(audit.to_review)} to review, {audit.seconds:.1f} s"
        + (f"  [{worst}]" if worst else "")
    )


def as_json(audit: PackageAudit) -> dict[str, Any]:
    from builder.audit.report import criteria_table

    return {
        "target": audit.target,
        "package": audit.name,
        "passed": not audit.failing,
        "states": audit.states,
        "identical_states_reused": audit.reused,
        "viewports": {"portrait": PORTRAIT, "landscape": LANDSCAPE, "narrow": NARROW},
        "axe_tags": list(AXE_TAGS),
        "checks_applied": sorted(audit.applied),
        "findings": [f.as_json() for f in audit.findings],
        "to_review": [f.as_json() for f in audit.to_review],
        "rgaa": criteria_table(audit),
        "inventory": dict(sorted(audit.inventory.items())),
    }


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
