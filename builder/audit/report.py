"""The audit's reports: one JSON and one HTML file next to each package."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from builder.audit.criteria import (
    APPLIES_IF,
    CRITERIA,
    OWN_CHECKS,
    THEMES,
    criteria_checked,
    theme_of,
)
from builder.render import render

if TYPE_CHECKING:
    from builder.audit.runner import PackageAudit

#: Criterion status, from the audit's point of view.
FAIL = "non conforme"
NO_FAILURE = "aucune erreur détectée"
NOT_APPLICABLE = "non applicable"
MANUAL = "à vérifier à la main"


def criteria_table(audit: PackageAudit) -> list[dict[str, Any]]:
    """One row per RGAA 4.1 criterion: what was checked and what it showed."""
    checked = criteria_checked()
    failing_checks = Counter(f.check for f in audit.failing)
    minor_checks = Counter(f.check for f in audit.findings if not f.failing)
    rows = []
    for criterion, summary in CRITERIA.items():
        theme = theme_of(criterion)
        checks = [c for c in checked.get(criterion, []) if c in audit.applied]
        applies = APPLIES_IF.get(theme)
        if applies is not None and not audit.inventory.get(applies):
            status = NOT_APPLICABLE
        elif any(failing_checks[c] for c in checks):
            status = FAIL
        elif checks:
            status = NO_FAILURE
        else:
            status = MANUAL
        rows.append(
            {
                "criterion": criterion,
                "theme": THEMES[theme],
                "summary": summary,
                "status": status,
                "checks": checks,
                "failures": sum(failing_checks[c] for c in checks),
                "warnings": sum(minor_checks[c] for c in checks),
            }
        )
    return rows


def write_reports(audit: PackageAudit, data: dict[str, Any]) -> tuple[Path, Path]:
    from builder.audit.runner import dumps

    json_path = audit.report_base.with_name(audit.report_base.name + ".audit.json")
    html_path = audit.report_base.with_name(audit.report_base.name + ".audit.html")
    json_path.write_text(dumps(data), encoding="utf-8")
    html_path.write_text(audit_html(data), encoding="utf-8")
    return json_path, html_path


def audit_html(data: dict[str, Any]) -> str:
    rows = data["rgaa"]
    counts = Counter(r["status"] for r in rows)
    own = {c.id: c.title for c in OWN_CHECKS.values()}
    beyond = [
        f for f in data["findings"] if not any(f["check"] in r["checks"] for r in rows)
    ]
    return render(
        "report/audit.html.j2",
        data=data,
        rows=rows,
        counts=counts,
        own=own,
        beyond=beyond,
        statuses=(FAIL, NO_FAILURE, NOT_APPLICABLE, MANUAL),
    )
