"""Re-estimate item parameters from learners' answers (standard library only).

Marginal maximum likelihood by EM (Bock & Aitkin) on the engine's grid, one
competence at a time: the E-step spreads each learner over the ability grid
given their answers; the M-step updates each item's a and b by Fisher scoring,
with the guessing parameter kept fixed (1/k). Weak priors (b around its expert
value, sd 1; a around 1, sd 0.5) keep small samples from producing wild
values. Adaptive logs are fine for MML: which items a learner saw depends only
on their earlier answers (missing at random).

Each item also gets an outfit mean-square (how far its answers stray from the
model; around 1 is good, above 1.3 means the item behaves oddly).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from builder.placement import engine

Bank = dict[str, Any]
Response = tuple[str, str, bool]  # learner, item id, right?

A_BOUNDS = (0.2, 4.0)
B_BOUNDS = (-4.0, 4.0)
PRIOR_B_SD = 1.0
PRIOR_A_SD = 0.5


@dataclass(frozen=True)
class ItemFit:
    item: str
    responses: int
    p_right: float
    a_before: float
    b_before: float
    a: float
    b: float
    outfit: float | None
    flags: tuple[str, ...]


def calibrate(
    bank: Bank, responses: list[Response], *, min_responses: int = 30, cycles: int = 40
) -> list[ItemFit]:
    """Fit every item of ``bank`` that has at least ``min_responses`` answers."""
    items = {i["id"]: dict(i) for i in bank["items"]}
    by_item: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for learner, item_id, right in responses:
        if item_id in items:
            by_item[item_id].append((learner, right))
    fits: list[ItemFit] = []
    for competence in bank["competences"]:
        members = [i for i in items.values() if i["competence"] == competence["id"]]
        fitted = {i["id"] for i in members if len(by_item[i["id"]]) >= min_responses}
        _em(bank, members, fitted, by_item, cycles)
        posteriors = _posteriors(bank, members, by_item)
        for item in members:
            original = next(i for i in bank["items"] if i["id"] == item["id"])
            fits.append(
                _fit(
                    bank,
                    original,
                    item,
                    by_item[item["id"]],
                    posteriors,
                    item["id"] in fitted,
                )
            )
    return fits


def _learner_answers(
    items: list[dict[str, Any]], by_item: dict[str, list[tuple[str, bool]]]
) -> dict[str, list[tuple[dict[str, Any], bool]]]:
    learners: dict[str, list[tuple[dict[str, Any], bool]]] = defaultdict(list)
    for item in items:
        for learner, right in by_item[item["id"]]:
            learners[learner].append((item, right))
    return learners


def _posteriors(
    bank: Bank, items: list[dict[str, Any]], by_item: dict[str, list[tuple[str, bool]]]
) -> dict[str, list[float]]:
    learners = _learner_answers(items, by_item)
    return {
        learner: engine.posterior(
            bank, [i for i, _ in answers], [r for _, r in answers]
        )
        for learner, answers in learners.items()
    }


def _em(
    bank: Bank,
    members: list[dict[str, Any]],
    fitted: set[str],
    by_item: dict[str, list[tuple[str, bool]]],
    cycles: int,
) -> None:
    """Update the ``fitted`` items in place; the others stay as they are."""
    if not fitted:
        return
    grid = engine.grid(bank)
    priors = {i["id"]: (i["a"], i["b"]) for i in members}
    for _ in range(cycles):
        posteriors = _posteriors(bank, members, by_item)
        for item in (i for i in members if i["id"] in fitted):
            n = [0.0] * len(grid)
            r = [0.0] * len(grid)
            for learner, right in by_item[item["id"]]:
                for k, w in enumerate(posteriors[learner]):
                    n[k] += w
                    if right:
                        r[k] += w
            _fisher_scoring(item, grid, n, r, priors[item["id"]])


def _fisher_scoring(
    item: dict[str, Any],
    grid: list[float],
    n: list[float],
    r: list[float],
    prior: tuple[float, float],
    steps: int = 5,
) -> None:
    c = item["c"]
    for _ in range(steps):
        a, b = item["a"], item["b"]
        ga = -(a - prior[0]) / PRIOR_A_SD**2
        gb = -(b - prior[1]) / PRIOR_B_SD**2
        iaa, ibb, iab = 1 / PRIOR_A_SD**2, 1 / PRIOR_B_SD**2, 0.0
        for theta, nk, rk in zip(grid, n, r, strict=True):
            if nk < 1e-12:
                continue
            s = 1 / (1 + math.exp(-a * (theta - b)))
            p = min(max(c + (1 - c) * s, 1e-9), 1 - 1e-9)
            dpa = (1 - c) * s * (1 - s) * (theta - b)
            dpb = -(1 - c) * s * (1 - s) * a
            weight = 1 / (p * (1 - p))
            residual = rk - nk * p
            ga += residual * weight * dpa
            gb += residual * weight * dpb
            iaa += nk * weight * dpa * dpa
            ibb += nk * weight * dpb * dpb
            iab += nk * weight * dpa * dpb
        det = iaa * ibb - iab * iab
        if det <= 1e-12:
            return
        item["a"] = min(max(a + (ibb * ga - iab * gb) / det, A_BOUNDS[0]), A_BOUNDS[1])
        item["b"] = min(max(b + (iaa * gb - iab * ga) / det, B_BOUNDS[0]), B_BOUNDS[1])


def _fit(
    bank: Bank,
    original: dict[str, Any],
    fitted: dict[str, Any],
    answers: list[tuple[str, bool]],
    posteriors: dict[str, list[float]],
    estimated: bool,
) -> ItemFit:
    flags: list[str] = []
    count = len(answers)
    if count == 0:
        flags.append("never asked")
    elif not estimated:
        flags.append("too few answers")
    outfit = None
    if count:
        total = 0.0
        for learner, right in answers:
            theta = engine.eap(bank, posteriors[learner])
            p = engine.probability(theta, fitted)
            total += (int(right) - p) ** 2 / (p * (1 - p))
        outfit = total / count
        if outfit > 1.3 and estimated:
            flags.append("misfit")
    if estimated and fitted["a"] < 0.5:
        flags.append("weak discrimination")
    p_right = sum(r for _, r in answers) / count if count else 0.0
    return ItemFit(
        item=original["id"],
        responses=count,
        p_right=p_right,
        a_before=original["a"],
        b_before=original["b"],
        a=round(fitted["a"], 3),
        b=round(fitted["b"], 3),
        outfit=round(outfit, 3) if outfit is not None else None,
        flags=tuple(flags),
    )
