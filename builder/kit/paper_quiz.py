"""The paper placement quiz: a fixed short form per path, scored by hand.

Sessions without tablets still need the "Où en suis-je ?" quiz. The paper
version is built from the same bank and decided by the same engine
(``builder.placement.engine``), so paper and screen cannot disagree:

* **The form.** For each competence the path tests, the items most
  informative at the competence's cut (``engine.information``), one per item
  family, active items only, as many as the engine would ask at most for that
  competence within the quiz's overall limit. They are printed easiest first,
  as the adaptive quiz starts with an easy item.
* **The decision.** An answer sheet becomes the engine's answers (a blank or
  a wrong answer counts as wrong; a multiple-choice item is right only with
  exactly the right boxes ticked) and ``engine.decisions`` decides.
* **The grid a référent applies by hand.** Every item gets a small whole
  number of points such that the total alone gives the engine's decision for
  every one of the 2^n ways of answering the form; the grid is then a table of
  point ranges -> decision. Equal points are tried first (then the grid is a
  number-correct table); the search proves the grid exact before it is used.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from builder.model import Catalogue, LearningPath, PlacementItem
from builder.placement import engine
from builder.placement.bank import placement_data

DECISIONS = ("remediation", "standard", "skip")
"""The engine's decisions for a tested competence, weakest first."""
MAX_POINTS = 4
"""Largest number of points one item may carry on the grid."""
LETTERS = "ABCDEFGH"

Bank = dict[str, Any]


@dataclass(frozen=True)
class PaperOption:
    letter: str
    id: str
    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class PaperItem:
    number: int
    """Question number on the booklet and the answer sheet (from 1)."""
    item: PlacementItem
    competence: str
    points: int
    options: tuple[PaperOption, ...]

    @property
    def id(self) -> str:
        return self.item.id

    @property
    def key(self) -> frozenset[str]:
        """The letters to tick, exactly."""
        return frozenset(o.letter for o in self.options if o.correct)

    @property
    def several(self) -> bool:
        return self.item.type == "multiple_choice"


@dataclass(frozen=True)
class Band:
    decision: str
    low: int | None
    """Fewest points giving this decision; None if no answer sheet can reach it."""
    high: int | None


@dataclass(frozen=True)
class PaperCompetence:
    id: str
    title: str
    items: tuple[PaperItem, ...]
    bands: tuple[Band, ...]
    """One band per decision, weakest first."""

    @property
    def max_points(self) -> int:
        return sum(i.points for i in self.items)

    def decision_for(self, points: int) -> str:
        """The grid, applied as a référent does: find the row holding ``points``."""
        for band in self.bands:
            low, high = band.low, band.high
            if low is not None and high is not None and low <= points <= high:
                return band.decision
        raise ValueError(f"{points} points is outside the grid of {self.id}")


@dataclass(frozen=True)
class PaperQuiz:
    path: LearningPath
    bank: Bank
    """The engine's data for this path (``placement_data(...)["engine"]``)."""
    competences: tuple[PaperCompetence, ...]

    @property
    def items(self) -> tuple[PaperItem, ...]:
        return tuple(i for c in self.competences for i in c.items)

    def answers(self, marks: Mapping[int, Iterable[str]]) -> list[engine.Answer]:
        """An answer sheet (question number -> letters ticked) as engine answers."""
        return [
            (item.id, frozenset(marks.get(item.number, ())) == item.key)
            for item in self.items
        ]

    def engine_decisions(self, marks: Mapping[int, Iterable[str]]) -> dict[str, str]:
        """What the placement engine decides for this answer sheet."""
        return engine.decisions(self.bank, self.answers(marks))

    def grid_decisions(self, marks: Mapping[int, Iterable[str]]) -> dict[str, str]:
        """What the printed grid gives: points of the right answers, then the row."""
        rights = dict(self.answers(marks))
        return {
            c.id: c.decision_for(sum(i.points for i in c.items if rights[i.id]))
            for c in self.competences
        }


def paper_quiz(catalogue: Catalogue, path: LearningPath) -> PaperQuiz | None:
    """The path's paper form and grid, or None if the path tests nothing."""
    data = placement_data(catalogue, path)
    bank: Bank = data["engine"]
    if not bank["competences"]:
        return None
    by_id = {i.id: i for b in catalogue.placement for i in b.items}
    competences: list[PaperCompetence] = []
    number = 1
    for competence in bank["competences"]:
        length = form_length(bank, competence)
        form, points = exact_points(
            bank, competence, choose_form(bank, competence, length)
        )
        items = []
        for parameters, weight in sorted(
            zip(form, points, strict=True), key=lambda p: (p[0]["b"], p[0]["id"])
        ):
            item = by_id[parameters["id"]]
            items.append(
                PaperItem(number, item, competence["id"], weight, _options(item))
            )
            number += 1
        competences.append(
            PaperCompetence(
                competence["id"],
                competence["title"],
                tuple(items),
                _bands(bank, competence, form, points),
            )
        )
    return PaperQuiz(path, bank, tuple(competences))


def form_length(bank: Bank, competence: dict[str, Any]) -> int:
    """The most items the engine asks for this competence, within its total."""
    per_quiz = int(bank["max_items"]) // len(bank["competences"])
    return max(1, min(int(competence["max_items"]), per_quiz))


def choose_form(
    bank: Bank, competence: dict[str, Any], length: int
) -> list[dict[str, Any]]:
    """The most informative items at the cut, one per family, best first."""
    candidates = [
        i
        for i in bank["items"]
        if i["competence"] == competence["id"] and i["status"] == "active"
    ]
    ranked = sorted(
        candidates,
        key=lambda i: (-engine.information(competence["cut"], i), i["id"]),
    )
    form: list[dict[str, Any]] = []
    families: set[str] = set()
    for item in ranked:
        if item["family"] not in families and len(form) < length:
            form.append(item)
            families.add(item["family"])
    return form


def exact_points(
    bank: Bank, competence: dict[str, Any], form: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], tuple[int, ...]]:
    """The form (shortened if it must be) and points that reproduce the engine.

    A form always has such points once it is short enough: with one item,
    one point does. Dropping the least informative item is the fallback.
    """
    while form:
        outcomes = _engine_outcomes(bank, competence, tuple(i["id"] for i in form))
        points = _points_for(outcomes, len(form))
        if points is not None:
            return form, points
        form = form[:-1]
    raise ValueError(f"no active item to ask for {competence['id']}")


def _engine_outcomes(
    bank: Bank, competence: dict[str, Any], ids: Sequence[str]
) -> dict[tuple[bool, ...], str]:
    """The engine's decision for every way of answering the form."""
    return {
        rights: engine.competence_status(
            bank, competence, list(zip(ids, rights, strict=True))
        )["decision"]
        for rights in itertools.product((False, True), repeat=len(ids))
    }


def _points_for(
    outcomes: dict[tuple[bool, ...], str], size: int
) -> tuple[int, ...] | None:
    """Smallest whole points (max, then total, then order) that decide exactly."""
    for largest in range(1, MAX_POINTS + 1):
        vectors = [
            v
            for v in itertools.product(range(1, largest + 1), repeat=size)
            if max(v) == largest
        ]
        for points in sorted(vectors, key=lambda v: (sum(v), v)):
            if _decides(outcomes, points):
                return points
    return None


def _decides(outcomes: dict[tuple[bool, ...], str], points: tuple[int, ...]) -> bool:
    """True if the total alone gives the decision, weakest decisions lowest."""
    by_total: dict[int, str] = {}
    for rights, decision in outcomes.items():
        total = sum(p for p, right in zip(points, rights, strict=True) if right)
        if by_total.setdefault(total, decision) != decision:
            return False
    ranks = [DECISIONS.index(by_total[t]) for t in sorted(by_total)]
    return all(a <= b for a, b in itertools.pairwise(ranks))


def _bands(
    bank: Bank,
    competence: dict[str, Any],
    form: list[dict[str, Any]],
    points: tuple[int, ...],
) -> tuple[Band, ...]:
    outcomes = _engine_outcomes(bank, competence, [i["id"] for i in form])
    totals: dict[str, list[int]] = {d: [] for d in DECISIONS}
    for rights, decision in outcomes.items():
        totals[decision].append(
            sum(p for p, right in zip(points, rights, strict=True) if right)
        )
    reached = [d for d in DECISIONS if totals[d]]
    bands = {}
    for index, decision in enumerate(reached):
        # Up to the next row's first total: no total falls between two rows.
        following = reached[index + 1] if index + 1 < len(reached) else None
        high = min(totals[following]) - 1 if following else max(totals[decision])
        bands[decision] = Band(decision, min(totals[decision]), high)
    return tuple(bands.get(d, Band(d, None, None)) for d in DECISIONS)


def _options(item: PlacementItem) -> tuple[PaperOption, ...]:
    return tuple(
        PaperOption(LETTERS[index], o.id, o.text, o.correct, o.feedback)
        for index, o in enumerate(item.options)
    )


def minutes(quiz: PaperQuiz) -> int:
    """About how long the paper quiz takes: half a minute per question, rounded up."""
    return max(5, math.ceil(len(quiz.items) / 2))
