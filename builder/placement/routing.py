"""From placement decisions to a learner's path (same rules as the JS port).

Per competence:

* ``skip`` (P(mastery) ≥ 0.90): its basic and standard modules become optional
  (reason ``mastered``); the learner can still open them.
* ``remediation`` (≤ 0.10): its basic module(s) come first, then the rest
  (reasons ``remediation`` and ``after-basics``).
* ``standard`` (undecided): the path's modules as listed (``consolidate``).
* ``untested``: the path's modules as listed (``job``).

Weak digital basics (``remediation`` on the basics competence) put the basics
modules at the very start (``basics-first``). Advanced modules stay in the
path (``next-step`` once the standard level is mastered). Reason codes are
turned into plain French by the interface's message catalogue.
"""

from __future__ import annotations

from typing import Any

Module = dict[str, Any]  # {"id", "competence", "level"}


def route(
    path_modules: list[Module],
    basics: dict[str, list[str]],
    decisions: dict[str, str],
    basics_competence: str,
) -> list[dict[str, str]]:
    """The modules in order, each with status (recommended/optional) and reason."""
    steps: list[dict[str, str]] = []
    placed: set[str] = set()

    def add(module_id: str, status: str, reason: str) -> None:
        if module_id not in placed:
            placed.add(module_id)
            steps.append({"module": module_id, "status": status, "reason": reason})

    if decisions.get(basics_competence) == "remediation":
        for module_id in basics.get(basics_competence, []):
            add(module_id, "recommended", "basics-first")
    for module in path_modules:
        verdict = decisions.get(module["competence"], "untested")
        level = module["level"]
        if level == "advanced":
            add(
                module["id"], "recommended", "next-step" if verdict == "skip" else "job"
            )
        elif verdict == "skip":
            add(module["id"], "optional", "mastered")
        elif verdict == "remediation":
            for basic in basics.get(module["competence"], []):
                add(basic, "recommended", "remediation")
            add(
                module["id"],
                "recommended",
                "remediation" if level == "basic" else "after-basics",
            )
        else:
            add(
                module["id"],
                "recommended",
                "consolidate" if verdict == "standard" else "job",
            )
    return steps
