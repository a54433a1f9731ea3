"""Measure one state of a page: axe-core and Tisseuse's own checks.

:class:`Auditor` opens a :class:`Document` (a web page, or a SCO launched by
the stand-in LMS), lets its walker bring it through its states, and at each
state runs axe-core and our checks in portrait and landscape, at 320 CSS px,
with 200 % text and with wider text spacing. Identical states (same markup
and styles, e.g. a module in its SCORM 1.2 and 2004 packages) are measured
once: the evidence is cached by a fingerprint of the page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from builder.audit.criteria import FAILING_IMPACTS, OWN_CHECKS

AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")
#: The axe-core rules whose result can change with the viewport alone: in the
#: second orientation only these run again (the markup is the same).
AXE_LAYOUT_RULES = (
    "color-contrast",
    "target-size",
    "css-orientation-lock",
    "scrollable-region-focusable",
    "link-in-text-block",
)
PORTRAIT = {"width": 810, "height": 1080}
LANDSCAPE = {"width": 1080, "height": 810}
NARROW = {"width": 320, "height": 640}
MIN_TARGET = 44
DEFAULT_FONT_PX = 16
PAGE_JS = Path(__file__).with_name("page.js")


#: The placement quiz draws its seed from crypto.getRandomValues: fixed here,
#: every run asks the same questions (reproducible reports; the same quiz in
#: two packages is measured once).
FIXED_RANDOM = """
(() => {
  let state = 2026;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
  if (window.crypto) {
    window.crypto.getRandomValues = (array) => {
      for (let i = 0; i < array.length; i++) array[i] = next();
      return array;
    };
  }
  Math.random = () => next() / 4294967296;
})();
"""


@dataclass(frozen=True)
class Finding:
    check: str
    """``axe:<rule id>`` or one of :data:`OWN_CHECKS`."""
    impact: str
    summary: str
    nodes: tuple[str, ...]
    viewport: str
    state: str = ""
    help_url: str | None = None

    @property
    def failing(self) -> bool:
        return self.impact in FAILING_IMPACTS

    def as_json(self) -> dict[str, Any]:
        return {
            "check": self.check,
            "impact": self.impact,
            "summary": self.summary,
            "nodes": list(self.nodes),
            "viewport": self.viewport,
            "state": self.state,
            "help_url": self.help_url,
        }


@dataclass
class Evidence:
    """What one state showed: reusable for an identical state elsewhere."""

    findings: list[Finding] = field(default_factory=list)
    to_review: list[Finding] = field(default_factory=list)
    applied: set[str] = field(default_factory=set)
    """Checks that had something to check (axe passes/violations, our own)."""
    inventory: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class StateResult:
    label: str
    evidence: Evidence
    reused: bool
    is_state: bool = True
    """False for what concerns the whole document (its network requests)."""


@dataclass(frozen=True)
class Document:
    """One page to open, and the walker that takes it through its states."""

    label: str
    url: str
    walker: Callable[[Any, dict[str, str]], Iterator[str]]
    popup: bool = False
    """True for a SCO: the stand-in LMS opens it in a window of its own."""


class Auditor:
    """One browser, one cache of identical states, many packages."""

    def __init__(
        self, browser: Any, axe_source: str, cache: MutableMapping[str, Evidence]
    ) -> None:
        self.browser = browser
        self.axe_source = axe_source
        self.page_js = PAGE_JS.read_text(encoding="utf-8")
        self.cache = cache
        """Fingerprint -> evidence; shared by every worker of a pool."""
        self._cdp: dict[int, Any] = {}
        """One DevTools session per open page (text size)."""

    def audit_document(self, base: str, document: Document) -> list[StateResult]:
        context = self.browser.new_context(
            viewport=PORTRAIT, has_touch=True, locale="fr-FR", reduced_motion="reduce"
        )
        context.add_init_script(FIXED_RANDOM)
        requested: list[str] = []
        context.on("request", lambda request: requested.append(request.url))
        try:
            page = context.new_page()
            if document.popup:
                page.goto(base + document.url)
                with context.expect_page() as opened:
                    page.locator("#launch").click()
                page = opened.value
                page.set_viewport_size(PORTRAIT)
            else:
                page.goto(base + document.url)
            page.wait_for_load_state("load")
            if page.evaluate("Boolean(window.Tisseuse && Tisseuse.ready)"):
                page.evaluate("Tisseuse.ready")
            strings = page.evaluate(
                "(() => { const c = document.getElementById('tisseuse-config');"
                " return c ? JSON.parse(c.textContent).strings || {} : {}; })()"
            )
            results = []
            for state in document.walker(page, strings):
                label = f"{document.label} — {state}" if state else document.label
                evidence, reused = self.audit_state(page)
                results.append(StateResult(label, evidence, reused))
            results.append(_requests(document, base, requested))
            return results
        finally:
            self._cdp.clear()
            context.close()

    def audit_state(self, page: Any) -> tuple[Evidence, bool]:
        page.evaluate(self.page_js)
        key: str = page.evaluate("__tsAudit.fingerprint()")
        if key in self.cache:
            return self.cache[key], True
        evidence = Evidence()
        evidence.inventory = page.evaluate("__tsAudit.inventory()")
        doctype = evidence.inventory.pop("doctype")
        evidence.applied.add("doctype")
        if not doctype:
            evidence.findings.append(_own("doctype", "no <!doctype html>", (), "-"))
        for name, size in (("portrait", PORTRAIT), ("landscape", LANDSCAPE)):
            page.set_viewport_size(size)
            self._axe(page, name, evidence, full=name == "portrait")
            self._targets(page, name, evidence)
            self._overflow(page, name, "orientation", evidence)
            if name == "portrait":
                self._keyboard(page, name, evidence)
        page.set_viewport_size(NARROW)
        self._overflow(page, "320 px", "reflow-320", evidence)
        page.set_viewport_size(PORTRAIT)
        self._text_zoom(page, evidence)
        page.evaluate("__tsAudit.textSpacing(true)")
        self._overflow(page, "portrait", "text-spacing", evidence)
        page.evaluate("__tsAudit.textSpacing(false)")
        self.cache[key] = evidence
        return evidence, False

    # --- the checks ---------------------------------------------------------

    def _axe(self, page: Any, viewport: str, evidence: Evidence, full: bool) -> None:
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.evaluate(self.axe_source)
        only = (
            {"type": "tag", "values": list(AXE_TAGS)}
            if full
            else {"type": "rule", "values": list(AXE_LAYOUT_RULES)}
        )
        result = page.evaluate(
            "async (only) => { const r = await axe.run(document, {runOnly: only,"
            " resultTypes: ['violations', 'incomplete']});"
            " return {violations: r.violations, incomplete: r.incomplete,"
            " applied: r.passes.concat(r.violations, r.incomplete).map(x => x.id)}; }",
            only,
        )
        evidence.applied |= {f"axe:{rule}" for rule in result["applied"]}
        for violation in result["violations"]:
            evidence.findings.append(_axe_finding(violation, viewport))
        for incomplete in result["incomplete"]:
            evidence.to_review.append(_axe_finding(incomplete, viewport))

    def _targets(self, page: Any, viewport: str, evidence: Evidence) -> None:
        evidence.applied.add("target-size-44")
        small = page.evaluate("(min) => __tsAudit.smallTargets(min)", MIN_TARGET)
        if small:
            nodes = tuple(f"{s['node']} ({s['width']}x{s['height']})" for s in small)
            evidence.findings.append(
                _own(
                    "target-size-44",
                    f"{len(small)} target(s) under 44 px",
                    nodes,
                    viewport,
                )
            )

    def _overflow(
        self, page: Any, viewport: str, check: str, evidence: Evidence
    ) -> None:
        evidence.applied.add(check)
        result = page.evaluate("__tsAudit.overflow()")
        problems = []
        if result["scrollWidth"] > result["clientWidth"] + 1:
            problems.append(
                f"the page scrolls sideways ({result['scrollWidth']} px of content "
                f"in {result['clientWidth']} px)"
            )
        if result["clipped"]:
            problems.append(f"{len(result['clipped'])} box(es) clip their text")
        if problems:
            nodes = tuple(result["wide"]) + tuple(result["clipped"])
            evidence.findings.append(_own(check, "; ".join(problems), nodes, viewport))

    def _text_zoom(self, page: Any, evidence: Evidence) -> None:
        """Double the browser's default font size, as a user's setting would."""
        before = page.evaluate("__tsAudit.textSize()")
        cdp = self._cdp.get(id(page))
        if cdp is None:
            cdp = self._cdp[id(page)] = page.context.new_cdp_session(page)
        try:
            sizes = {"standard": 2 * DEFAULT_FONT_PX, "fixed": 26}
            cdp.send("Page.setFontSizes", {"fontSizes": sizes})
            after = page.evaluate("__tsAudit.textSize()")
            self._overflow(page, "portrait, text 200 %", "text-200", evidence)
            if before and after < 1.9 * before:
                evidence.findings.append(
                    _own(
                        "text-200",
                        f"text did not grow with the user's font size "
                        f"({before:.0f} px -> {after:.0f} px)",
                        (),
                        "portrait, text 200 %",
                    )
                )
        finally:
            cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 16, "fixed": 13}})

    def _keyboard(self, page: Any, viewport: str, evidence: Evidence) -> None:
        """Tab through the page: every control reached, each with visible focus."""
        evidence.applied |= {"keyboard-reach", "keyboard-trap", "focus-visible"}
        wanted = page.evaluate("__tsAudit.keyboardTargets()")
        page.evaluate("__tsAudit.startFocusLog()")
        # one full cycle, and a few more: leaving the page and coming back
        presses = len(wanted) + 4
        for _ in range(presses):
            page.keyboard.press("Tab")
        log = page.evaluate("__tsAudit.focusLog")
        reached = {entry["id"] for entry in log}
        invisible: list[str] = []
        for entry in log:
            if not entry["visibleChange"] and entry["node"] not in invisible:
                invisible.append(entry["node"])
        # Leaving the page at the end of a cycle moves no focus inside it; a
        # trap moves none at all, press after press.
        stuck = len(log) < len(wanted) // 2
        unreached = [w["node"] for w in wanted if not reached & set(w["ids"])]
        if unreached:
            evidence.findings.append(
                _own(
                    "keyboard-reach",
                    f"{len(unreached)} control(s) cannot be reached with Tab",
                    tuple(unreached),
                    viewport,
                )
            )
        if stuck and len(wanted) > 1:
            evidence.findings.append(
                _own("keyboard-trap", "focus stayed on one control", (), viewport)
            )
        if invisible:
            evidence.findings.append(
                _own(
                    "focus-visible",
                    f"{len(invisible)} control(s) look the same with and without focus",
                    tuple(invisible),
                    viewport,
                )
            )
        page.evaluate("document.activeElement && document.activeElement.blur()")


def _requests(document: Document, base: str, requested: list[str]) -> StateResult:
    """Health-sector privacy and offline tablets: nothing but the package."""
    outside = sorted(
        {url for url in requested if not url.startswith((base + "/", "data:", "blob:"))}
    )
    evidence = Evidence(applied={"local-only"})
    if outside:
        evidence.findings.append(
            _own(
                "local-only",
                f"{len(outside)} request(s) to another host",
                tuple(outside),
                "-",
            )
        )
    return StateResult(document.label, evidence, reused=False, is_state=False)


def _own(check: str, summary: str, nodes: tuple[str, ...], viewport: str) -> Finding:
    return Finding(check, OWN_CHECKS[check].impact, summary, nodes[:20], viewport)


def _axe_finding(result: dict[str, Any], viewport: str) -> Finding:
    nodes = tuple(
        " ".join(str(t) for t in node["target"])
        + (
            f" — {node['failureSummary'].splitlines()[-1].strip()}"
            if node.get("failureSummary")
            else ""
        )
        for node in result["nodes"][:10]
    )
    return Finding(
        f"axe:{result['id']}",
        result.get("impact") or "minor",
        result["help"],
        nodes,
        viewport,
        help_url=result.get("helpUrl"),
    )
