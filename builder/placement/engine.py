"""Adaptive placement: one IRT scale per competence, computerised classification.

Pure standard library, so the Open edX blocks can import it. The same
algorithm runs in the browser (``builder/player/80-placement.js``); both are
tested from one JSON corpus of cases and a randomised differential test.

Model (shared/notes/placement-engine.md §3.2):

* 2PL with a fixed guessing parameter: P(θ) = c + (1 − c) / (1 + e^(−a(θ − b))),
  c = 1/k for a k-option single choice, 0 for an all-or-nothing multi-select.
* Ability: EAP on a fixed grid (−4…4 step 0.1) with a normal prior.
* Next item: most Fisher information at the current estimate, drawn at random
  among the top few (exposure control), never two items of one family, the
  first item of a competence an easy one (warm-up).
* A competence stops when P(θ ≥ cut) ≥ skip or ≤ remediation threshold, with
  at least ``min_items`` and at most ``max_items``; the quiz stops at
  ``max_items`` in all. Competences take turns.

The state is only the list of (item id, right?) and a seed: everything is
recomputed by replaying it, so the state is small enough for SCORM 1.2.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from builder.placement.rng import Mulberry32

Bank = dict[str, Any]
Answer = tuple[str, bool]

WARMUP_P = 0.7  # the first item of a competence: P(right) at the prior mean
# (a bank's optional "warmup" replaces it; 0 asks the most informative first)
EPSILON = 1e-9


def grid(bank: Bank) -> list[float]:
    spec = bank["grid"]
    count = round((spec["max"] - spec["min"]) / spec["step"]) + 1
    return [spec["min"] + spec["step"] * i for i in range(count)]


def probability(theta: float, item: dict[str, Any]) -> float:
    a, b, c = float(item["a"]), float(item["b"]), float(item["c"])
    return c + (1 - c) / (1 + math.exp(-a * (theta - b)))


def information(theta: float, item: dict[str, Any]) -> float:
    p = probability(theta, item)
    q = 1 - p
    a, c = float(item["a"]), float(item["c"])
    if c == 0:
        return a * a * p * q
    ratio = (p - c) / (1 - c)
    return a * a * (q / p) * ratio * ratio


def _normalise(weights: list[float]) -> list[float]:
    total = 0.0
    for w in weights:
        total += w
    return [w / total for w in weights]


def prior(bank: Bank) -> list[float]:
    mean, sd = bank["prior"]["mean"], bank["prior"]["sd"]
    weights = []
    for t in grid(bank):
        z = (t - mean) / sd
        weights.append(math.exp(-0.5 * z * z))
    return _normalise(weights)


def posterior(
    bank: Bank, items: Sequence[dict[str, Any]], rights: Sequence[bool]
) -> list[float]:
    post = prior(bank)
    thetas = grid(bank)
    for item, right in zip(items, rights, strict=True):
        weights = []
        for k, t in enumerate(thetas):
            p = probability(t, item)
            weights.append(post[k] * (p if right else 1 - p))
        post = _normalise(weights)
    return post


def eap(bank: Bank, post: list[float]) -> float:
    total = 0.0
    for t, w in zip(grid(bank), post, strict=True):
        total += t * w
    return total


def spread(bank: Bank, post: list[float]) -> float:
    mean = eap(bank, post)
    total = 0.0
    for t, w in zip(grid(bank), post, strict=True):
        total += (t - mean) * (t - mean) * w
    return math.sqrt(total)


def p_mastery(bank: Bank, post: list[float], cut: float) -> float:
    total = 0.0
    for t, w in zip(grid(bank), post, strict=True):
        if t >= cut - EPSILON:
            total += w
    return total


# --- the quiz -----------------------------------------------------------------


def _items(bank: Bank) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in bank["items"]}


def competence_status(
    bank: Bank, competence: dict[str, Any], answers: Sequence[Answer]
) -> dict[str, Any]:
    """Estimate, P(mastery), whether the competence is finished, and its decision."""
    items = _items(bank)
    asked = [
        (items[i], r) for i, r in answers if items[i]["competence"] == competence["id"]
    ]
    post = posterior(bank, [i for i, _ in asked], [r for _, r in asked])
    pm = p_mastery(bank, post, competence["cut"])
    count = len(asked)
    decided = pm >= competence["skip"] or pm <= competence["remediation"]
    left = _candidates(bank, competence, answers)
    done = (
        count >= competence["max_items"]
        or not left
        or (count >= competence["min_items"] and decided)
    )
    return {
        "competence": competence["id"],
        "items": count,
        "eap": eap(bank, post),
        "sd": spread(bank, post),
        "p_mastery": pm,
        "done": done,
        "decision": decision(competence, pm, count),
    }


def decision(competence: dict[str, Any], pm: float, count: int) -> str:
    if count == 0:
        return "untested"
    if pm >= competence["skip"]:
        return "skip"
    if pm <= competence["remediation"]:
        return "remediation"
    return "standard"


def _candidates(
    bank: Bank, competence: dict[str, Any], answers: Sequence[Answer]
) -> list[dict[str, Any]]:
    items = _items(bank)
    asked = {i for i, _ in answers}
    families = {items[i]["family"] for i in asked}
    return [
        item
        for item in bank["items"]
        if item["competence"] == competence["id"]
        and item["status"] == "active"
        and item["id"] not in asked
        and item["family"] not in families
    ]


def _next_competence(bank: Bank, answers: Sequence[Answer]) -> dict[str, Any] | None:
    order: list[dict[str, Any]] = bank["competences"]
    open_ = [c for c in order if not competence_status(bank, c, answers)["done"]]
    if not open_:
        return None
    if not answers:
        return open_[0]
    last = _items(bank)[answers[-1][0]]["competence"]
    ids = [c["id"] for c in order]
    start = ids.index(last) + 1
    for step in range(len(order)):  # turn by turn, after the last competence asked
        candidate = order[(start + step) % len(order)]
        if candidate in open_:
            return candidate
    return open_[0]  # pragma: no cover - open_ is not empty


def next_item(bank: Bank, answers: Sequence[Answer], seed: int) -> str | None:
    """The id of the next item to ask, or None when the quiz is over."""
    if len(answers) >= bank["max_items"]:
        return None
    competence = _next_competence(bank, answers)
    if competence is None:
        return None
    candidates = _candidates(bank, competence, answers)
    items = _items(bank)
    rights = [
        (items[i], r) for i, r in answers if items[i]["competence"] == competence["id"]
    ]
    if not rights:  # warm-up: start with an item most learners get right
        warmup = bank.get("warmup")
        threshold = WARMUP_P if warmup is None else float(warmup)
        easy = [
            i for i in candidates if probability(bank["prior"]["mean"], i) >= threshold
        ]
        candidates = easy or candidates
    post = posterior(bank, [i for i, _ in rights], [r for _, r in rights])
    theta = eap(bank, post)
    ranked = sorted(
        candidates, key=lambda i: (-math.floor(information(theta, i) * 1e12), i["id"])
    )
    top = ranked[: max(1, bank["randomesque"])]
    rng = Mulberry32(seed)
    for _ in answers:  # one draw per item already chosen: replays are exact
        rng.next()
    return str(top[rng.below(len(top))]["id"])


def results(bank: Bank, answers: Sequence[Answer]) -> list[dict[str, Any]]:
    """Every competence's status, in the bank's order."""
    return [competence_status(bank, c, answers) for c in bank["competences"]]


def decisions(bank: Bank, answers: Sequence[Answer]) -> dict[str, str]:
    return {r["competence"]: r["decision"] for r in results(bank, answers)}


def play(
    bank: Bank, seed: int, respond: Callable[[dict[str, Any]], bool]
) -> list[Answer]:
    """Run a whole quiz, asking ``respond(item)`` for each answer."""
    answers: list[Answer] = []
    items = _items(bank)
    while (item_id := next_item(bank, answers, seed)) is not None:
        answers.append((item_id, respond(items[item_id])))
    return answers
