"""The learner's summary sheet: what each placement decision means for each module.

The sheet is a table a référent fills in with the learner: one row per module
the path may propose, one column per decision of that module's theme. Every
cell is asked of the routing rules themselves (``builder.placement.routing``),
one competence at a time, so the paper sheet says what the online path does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from builder.kit.paper_quiz import DECISIONS, PaperQuiz
from builder.model import Catalogue, LearningPath, Module
from builder.placement.routing import route


@dataclass(frozen=True)
class SummaryRow:
    module: Module
    competence: str | None
    """The tested competence that decides for this module; None if untested."""
    cells: tuple[str | None, ...]
    """Per decision (weakest first): 'recommended', 'optional', or None if the
    module is not in the route; a single cell when the competence is untested."""


def summary_rows(
    catalogue: Catalogue, path: LearningPath, quiz: PaperQuiz
) -> tuple[SummaryRow, ...]:
    bank = quiz.bank
    tested = [c.id for c in quiz.competences]
    competence_of = _competence_of(bank)

    def statuses(decisions: dict[str, str]) -> dict[str, str]:
        steps = route(
            bank["modules"], bank["basics"], decisions, bank["basics_competence"]
        )
        return {s["module"]: s["status"] for s in steps}

    widest = route(
        bank["modules"],
        bank["basics"],
        dict.fromkeys(tested, "remediation"),
        bank["basics_competence"],
    )
    rows = []
    for module_id in [s["module"] for s in widest]:
        competence = competence_of[module_id]
        module = catalogue.modules_by_id[module_id]
        if competence not in tested:
            rows.append(SummaryRow(module, None, (statuses({}).get(module_id),)))
            continue
        cells = tuple(statuses({competence: d}).get(module_id) for d in DECISIONS)
        rows.append(SummaryRow(module, competence, cells))
    return tuple(rows)


def _competence_of(bank: dict[str, Any]) -> dict[str, str]:
    found: dict[str, str] = {}
    for module in bank["modules"]:
        found[module["id"]] = module["competence"]
    for competence, ids in bank["basics"].items():
        for module_id in ids:
            found.setdefault(module_id, competence)
    return found
