"""``tisseuse calibrate``: answer logs in, better item parameters out.

Logs are JSON lines, one answer per line, as LMSs and LRSs export them:

* SCORM-style: ``{"learner": "u1", "id": "placement.ms-001", "result": "correct"}``
  (``learner``/``learner_id``/``user``/``student_id``; ``result`` correct,
  wrong or incorrect, or ``"correct": true``);
* xAPI: ``{"actor": {"account": {"name": "u1"}}, "object": {"id":
  ".../placement.ms-001"}, "result": {"success": true}}``.

Answers to other interactions (module activities) are ignored. Parameters
are written back into ``modules/placement/*.yaml`` by editing the item's lines
only (comments and layout stay as they are), and the file is re-validated
before it is replaced.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from builder.diagnostics import Location, Report
from builder.loader.validate import report_validation_errors
from builder.model import PlacementBank
from builder.placement.calibrate import ItemFit, Response
from builder.yamlpos import parse_yaml

_ITEM = re.compile(r"(?:^|[./#:])(?:placement\.)?([a-z0-9]+(?:-[a-z0-9]+)*)$")


def read_logs(paths: Iterable[Path], known: set[str], report: Report) -> list[Response]:
    """Answers to known placement items; unreadable lines are reported, not fatal."""
    answers: list[Response] = []
    for path in paths:
        for number, line in enumerate(
            path.read_text(encoding="utf-8").splitlines(), start=1
        ):
            if not line.strip():
                continue
            try:
                parsed = _parse(json.loads(line), known)
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                report.warning(Location(path, number), "W403", f"line skipped: {exc}")
                continue
            if parsed is not None:
                answers.append(parsed)
    return answers


def _parse(record: dict[str, Any], known: set[str]) -> Response | None:
    if "actor" in record:  # xAPI statement
        actor = record["actor"]
        learner = (
            actor.get("account", {}).get("name") or actor.get("mbox") or actor["name"]
        )
        target = str(record["object"]["id"])
        right = bool(record["result"]["success"])
    else:
        learner = next(
            str(record[k])
            for k in ("learner", "learner_id", "user", "student_id")
            if k in record
        )
        target = str(record["id"])
        right = (
            record["correct"] if "correct" in record else record["result"] == "correct"
        )
        if "correct" not in record and record["result"] not in (
            "correct",
            "wrong",
            "incorrect",
        ):
            raise ValueError(f"unknown result {record['result']!r}")
    match = _ITEM.search(target.split("@")[0])
    item = match.group(1) if match else target
    return (str(learner), item, bool(right)) if item in known else None


@dataclass(frozen=True)
class Edit:
    item_index: int
    fit: ItemFit
    date: str


def write_back(path: Path, edits: list[Edit], report: Report) -> bool:
    """Rewrite the items' a, b and calibration lines; False (reported) on failure."""
    text = path.read_text(encoding="utf-8")
    doc = parse_yaml(path, text, report)
    if doc is None:
        return False
    lines = text.splitlines(keepends=True)
    for edit in sorted(
        edits, key=lambda e: -e.item_index
    ):  # bottom-up: line numbers hold
        lines = _edit_item(doc, lines, edit)
    new_text = "".join(lines)
    check = Report()
    new_doc = parse_yaml(path, new_text, check)
    if new_doc is not None:
        try:
            PlacementBank.model_validate(new_doc.data)
        except Exception as exc:  # pydantic ValidationError
            report_validation_errors(exc, PlacementBank, new_doc, check)  # type: ignore[arg-type]
    if check.errors:
        report.extend(check.items)
        return False
    path.write_text(new_text, encoding="utf-8")
    return True


def _edit_item(doc: Any, lines: list[str], edit: Edit) -> list[str]:
    i = edit.item_index
    item = doc.data["items"][i]
    keys = sorted((doc.spots[("items", i, k)].key_line, k) for k in item)
    end = _item_end(doc, i, len(lines))
    remove: set[int] = set()
    for position, (line, key) in enumerate(keys):
        if key in ("a", "b", "calibration"):
            stop = keys[position + 1][0] if position + 1 < len(keys) else end
            remove.update(range(line - 1, stop - 1))
    level = doc.spots[("items", i, "level")]
    indent = " " * (level.key_col - 1)
    fit = edit.fit
    record = f'{{source: data, responses: {fit.responses}, date: "{edit.date}"}}'
    new = [
        f"{indent}a: {fit.a}\n",
        f"{indent}b: {fit.b}\n",
        f"{indent}calibration: {record}\n",
    ]
    out: list[str] = []
    for number, content in enumerate(lines):
        if number not in remove:
            out.append(content)
        if number == level.key_line - 1:
            out.extend(new)
    return out


def _item_end(doc: Any, index: int, total: int) -> int:
    """The line (1-based) where the next item starts, or past the end of the file."""
    if index + 1 < len(doc.data["items"]):
        return int(doc.spots[("items", index + 1)].line)
    return total + 1


def report_lines(fits: list[ItemFit]) -> list[str]:
    head = f"{'item':<10}{'answers':>8}{'% right':>9}{'a':>13}{'b':>15}{'outfit':>8}"
    lines = [head + "  flags"]
    for f in fits:
        outfit = f"{f.outfit:.2f}" if f.outfit is not None else "-"
        lines.append(
            f"{f.item:<10}{f.responses:>8}{f.p_right * 100:>8.0f}%"
            f"{f.a_before:>6.2f}→{f.a:<6.2f}{f.b_before:>7.2f}→{f.b:<7.2f}{outfit:>8}  "
            + ", ".join(f.flags)
        )
    return lines
