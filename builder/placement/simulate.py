"""``tisseuse bench placement``: how well the quiz routes simulated learners.

Protocol (shared/notes/placement-engine.md §4.1, on the bundled item bank):

* The engine uses the *expert* parameters (a = 1, b from the level, c = 1/k).
  The simulated truth differs as real items would: b_true = b + N(0, 0.35),
  a_true = exp(N(ln 1.3, 0.3)) clipped to [0.6, 2.5], same c.
* Learners: θ ~ N(0, 1) on every competence, each following one of the
  job-family paths in turn (the quiz tests that path's competences only).
  Each learner's answer to every item is drawn once from the true model, so
  all designs see the same answers.
* The true parameters are redrawn in several "worlds" (results vary a lot
  from one draw to the next), and the figures are pooled over all of them.
* Per competence decision we compare three designs:
  - the adaptive quiz (the engine as shipped);
  - (a) the whole bank, scored by IRT (P(θ ≥ cut) ≥ 0.5);
  - (b) a fixed quiz of the same length per competence (the items most
    informative at the cut), scored by the usual "≥ 70 % correct".

Metrics, per competence decision: agreement with the whole-bank decision;
accuracy for learners at least 0.5 logit from the cut; harmful skips (the
module skipped while θ < cut − 0.5); clear masters (θ ≥ cut + 0.5) whose
module is not skipped, the time caution costs; items asked as a share of the
bank.
For the adaptive quiz it also tells how each competence ended: decided
early, at its own item limit, or cut short by the quiz's limit (with the
agreement of each), which is where the disagreements come from.

What-ifs for product decisions, never the shipped figures: ``parameters="true"``
gives the engine the simulated truth (what perfect calibration would reach),
``max_per_competence``, ``quiz_cap``, ``randomesque`` and ``warmup`` replace
the banks' settings, and :func:`reference_bank` is the note's own 4 × 10 bank,
so the engine can be checked against the note's published figures (our
learners' abilities are independent across competences where the note's
correlate at 0.5; that only matters to a correlated prior, which we do not use).
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from builder.model import LEVEL_DIFFICULTY
from builder.placement import engine

Bank = dict[str, Any]


@dataclass
class Tally:
    """Counts for one design."""

    decisions: int = 0
    agree: int = 0
    beyond: int = 0
    beyond_right: int = 0
    harmful: int = 0
    masters: int = 0
    masters_kept: int = 0
    same_route: int = 0
    items: int = 0
    bank: int = 0
    learners: int = 0
    routes: Counter[str] = field(default_factory=Counter)
    endings: Counter[str] = field(default_factory=Counter)
    endings_agree: Counter[str] = field(default_factory=Counter)

    def add(
        self,
        master: bool,
        skip: bool,
        full_master: bool,
        theta: float,
        cut: float,
        route: str = "",
        full_route: str = "",
        ending: str = "",
    ) -> None:
        self.decisions += 1
        self.agree += master == full_master
        if ending:
            self.endings[ending] += 1
            self.endings_agree[ending] += master == full_master
        self.same_route += route == full_route
        self.routes[route] += 1
        if abs(theta - cut) >= 0.5:
            self.beyond += 1
            self.beyond_right += master == (theta >= cut)
        self.harmful += skip and theta < cut - 0.5
        if theta >= cut + 0.5:  # clear masters: do they still get the module?
            self.masters += 1
            self.masters_kept += not skip

    def summary(self) -> dict[str, float]:
        return {
            "agreement": round(self.agree / self.decisions, 4),
            "route_agreement": round(self.same_route / self.decisions, 4),
            "accuracy_beyond_05": round(self.beyond_right / self.beyond, 4),
            "harmful_skips": round(self.harmful / self.decisions, 4),
            "masters_not_skipped": round(self.masters_kept / self.masters, 4),
            "mean_items_pct": round(self.items / self.bank, 4),
        }

    def per_learner(self) -> dict[str, float]:
        """What one learner meets on average: questions, modules made optional."""
        return {
            "questions": round(self.items / self.learners, 2),
            "skipped": round(self.routes["skip"] / self.learners, 3),
            "remediation": round(self.routes["remediation"] / self.learners, 3),
        }

    def ending_summary(self) -> dict[str, dict[str, float]]:
        """Share of the decisions that ended each way, and their agreement."""
        return {
            kind: {
                "share": round(self.endings[kind] / self.decisions, 4),
                "agreement": round(self.endings_agree[kind] / self.endings[kind], 4),
            }
            for kind in ENDINGS
            if self.endings[kind]
        }


DESIGNS = ("adaptive", "whole bank", "fixed 70 %")
ENDINGS = ("decided", "item limit", "quiz limit")
"""How a competence of the adaptive quiz ended: P(mastery) crossed a threshold;
it used its own maximum of items undecided; the whole quiz's maximum stopped
it first (or its bank ran out of families)."""


@dataclass
class Simulation:
    """Learners spread over ``paths`` (one bank each) and several true-item worlds."""

    items: list[dict[str, Any]]
    """Every item of the catalogue (the truth is drawn for all of them)."""
    paths: list[Bank]
    learners: int = 2000
    worlds: int = 10
    seed: int = 2026
    parameters: Literal["expert", "true"] = "expert"
    """What the engine knows: the expert parameters, or the simulated truth."""
    max_per_competence: int | None = None
    quiz_cap: int | None = None
    randomesque: int | None = None
    warmup: float | None = None
    tallies: dict[str, Tally] = field(default_factory=dict)
    asked: Counter[str] = field(default_factory=Counter)
    """How many simulated quizzes asked each item."""

    @property
    def as_shipped(self) -> bool:
        return self.parameters == "expert" and not self.what_ifs

    @property
    def what_ifs(self) -> dict[str, int | float]:
        """The bank settings this run replaces."""
        settings = {
            "max_per_competence": self.max_per_competence,
            "quiz_cap": self.quiz_cap,
            "randomesque": self.randomesque,
            "warmup": self.warmup,
        }
        return {k: v for k, v in settings.items() if v is not None}

    def describe_what_ifs(self) -> list[str]:
        """What this run changes, in words."""
        changes = []
        if self.parameters == "true":
            changes.append("the engine knows the true parameters")
        if self.max_per_competence is not None:
            changes.append(f"at most {self.max_per_competence} items per competence")
        if self.quiz_cap is not None:
            changes.append(f"at most {self.quiz_cap} items per quiz")
        if self.randomesque is not None:
            changes.append(f"next item drawn among the top {self.randomesque}")
        if self.warmup == 0:
            changes.append("no warm-up item")
        elif self.warmup is not None:
            changes.append(f"warm-up item right for {self.warmup:.0%} at the prior")
        return changes

    def run(
        self, echo: Callable[[str], None] | None = None
    ) -> dict[str, dict[str, float]]:
        rnd = random.Random(self.seed)
        self.tallies = {name: Tally() for name in DESIGNS}
        self.asked = Counter()
        per_world = max(1, self.learners // self.worlds)
        paths = [
            what_if(
                p, self.max_per_competence, self.quiz_cap, self.randomesque, self.warmup
            )
            for p in self.paths
        ]
        for world in range(self.worlds):
            truth = true_items(self.items, rnd)
            banks = paths
            if self.parameters == "true":
                banks = [known_truth(p, truth) for p in paths]
            for n in range(per_world):
                self._learner(banks[n % len(banks)], truth, rnd)
            if echo:
                echo(f"  world {world + 1}/{self.worlds}: {per_world} learners")
        return {name: tally.summary() for name, tally in self.tallies.items()}

    def never_asked(self) -> list[dict[str, Any]]:
        """Active items of the tested paths that no simulated quiz asked."""
        tested = {i["id"] for p in self.paths for i in p["items"]}
        return [
            i
            for i in self.items
            if i["id"] in tested and i["status"] == "active" and not self.asked[i["id"]]
        ]

    def _learner(
        self, bank: Bank, truth: dict[str, dict[str, Any]], rnd: random.Random
    ) -> None:
        active = [i for i in bank["items"] if i["status"] == "active"]
        longest = max(c["max_items"] for c in bank["competences"])
        share = bank["max_items"] // len(bank["competences"])
        fixed = fixed_form(bank, max(1, min(longest, share)))
        thetas = {c["id"]: rnd.gauss(0, 1) for c in bank["competences"]}
        responses = {i["id"]: rnd.random() < p_true(truth, i, thetas) for i in active}
        asked = engine.play(bank, rnd.getrandbits(32), lambda i: responses[i["id"]])
        self.asked.update(item for item, _ in asked)
        counts = {
            "adaptive": len(asked),
            "whole bank": len(active),
            "fixed 70 %": sum(len(v) for v in fixed.values()),
        }
        for name, tally in self.tallies.items():
            tally.items += counts[name]
            tally.bank += len(active)
            tally.learners += 1
        for competence in bank["competences"]:
            theta = thetas[competence["id"]]
            self._score(bank, competence, theta, asked, active, responses, fixed)

    def _score(
        self,
        bank: Bank,
        competence: dict[str, Any],
        theta: float,
        asked: list[engine.Answer],
        active: list[dict[str, Any]],
        responses: dict[str, bool],
        fixed: dict[str, list[str]],
    ) -> None:
        cid, cut = competence["id"], competence["cut"]
        whole = [
            (i["id"], responses[i["id"]]) for i in active if i["competence"] == cid
        ]
        full_pm = engine.competence_status(bank, competence, whole)["p_mastery"]
        full_master = full_pm >= 0.5
        full_route = engine.decision(competence, full_pm, len(whole))
        status = engine.competence_status(bank, competence, asked)
        if status["decision"] in ("skip", "remediation"):
            ending = "decided"
        elif status["items"] >= competence["max_items"]:
            ending = "item limit"
        else:
            ending = "quiz limit"
        self.tallies["adaptive"].add(
            status["p_mastery"] >= 0.5,
            status["decision"] == "skip",
            full_master,
            theta,
            cut,
            status["decision"],
            full_route,
            ending,
        )
        self.tallies["whole bank"].add(
            full_master,
            full_route == "skip",
            full_master,
            theta,
            cut,
            full_route,
            full_route,
        )
        rights = [responses[i] for i in fixed[cid]]
        passed = sum(rights) >= 0.7 * len(rights)
        self.tallies["fixed 70 %"].add(
            passed,
            passed,
            full_master,
            theta,
            cut,
            "skip" if passed else "standard",
            full_route,
        )


def true_items(
    items: list[dict[str, Any]], rnd: random.Random
) -> dict[str, dict[str, Any]]:
    """Plausible true parameters around the expert ones."""
    out = {}
    for item in items:
        a = min(2.5, max(0.6, math.exp(rnd.gauss(math.log(1.3), 0.3))))
        out[item["id"]] = {**item, "a": a, "b": item["b"] + rnd.gauss(0, 0.35)}
    return out


def known_truth(bank: Bank, truth: dict[str, dict[str, Any]]) -> Bank:
    """``bank`` with the true a and b: the engine after a perfect calibration."""
    items = [
        {**i, "a": truth[i["id"]]["a"], "b": truth[i["id"]]["b"]} for i in bank["items"]
    ]
    return {**bank, "items": items}


def what_if(
    bank: Bank,
    max_per_competence: int | None = None,
    quiz_cap: int | None = None,
    randomesque: int | None = None,
    warmup: float | None = None,
) -> Bank:
    """``bank`` with other settings (``None`` keeps the bank's own)."""
    out = dict(bank)
    if max_per_competence is not None:
        out["competences"] = [
            {**c, "max_items": max_per_competence} for c in bank["competences"]
        ]
    if quiz_cap is not None:
        out["max_items"] = quiz_cap
    if randomesque is not None:
        out["randomesque"] = randomesque
    if warmup is not None:
        out["warmup"] = warmup
    return out


REFERENCE_LEVELS = (1, 1, 2, 2, 2, 3, 3, 3, 4, 4)


def reference_bank(guessing: float, template: Bank) -> Bank:
    """The reference bank of shared/notes/placement-engine.md §4.1.

    Four competences of ten items (levels 1,1,2,2,2,3,3,3,4,4), expert
    parameters, every item in its own family, one guessing value for all;
    grid, prior and limits as in ``template`` (a catalogue path's bank).
    """
    settings = template["competences"][0]
    competences = [
        {**settings, "id": f"reference-{k + 1}", "title": f"Reference {k + 1}"}
        for k in range(4)
    ]
    items = [
        {
            "id": f"{c['id']}-{n + 1:02d}",
            "competence": c["id"],
            "family": f"{c['id']}-{n + 1:02d}",
            "a": 1.0,
            "b": LEVEL_DIFFICULTY[level],
            "c": guessing,
            "status": "active",
        }
        for c in competences
        for n, level in enumerate(REFERENCE_LEVELS)
    ]
    return {
        **template,
        "competences": competences,
        "items": items,
        "modules": [],
        "basics": {},
    }


def p_true(
    truth: dict[str, dict[str, Any]], item: dict[str, Any], thetas: dict[str, float]
) -> float:
    return engine.probability(thetas[item["competence"]], truth[item["id"]])


def fixed_form(bank: Bank, per_competence: int) -> dict[str, list[str]]:
    """The ``per_competence`` items most informative at each cut, one per family."""
    form: dict[str, list[str]] = {}
    for competence in bank["competences"]:
        pool = [
            i
            for i in bank["items"]
            if i["competence"] == competence["id"] and i["status"] == "active"
        ]
        pool.sort(key=lambda i: (-engine.information(competence["cut"], i), i["id"]))
        chosen: list[str] = []
        families: set[str] = set()
        for item in pool:
            if item["family"] not in families and len(chosen) < per_competence:
                chosen.append(item["id"])
                families.add(item["family"])
        form[competence["id"]] = chosen
    return form


def table(summaries: dict[str, dict[str, float]]) -> list[str]:
    lines = [
        f"{'design':<12}{'agreement':>11}{'same route':>12}{'accuracy ±0.5':>15}"
        f"{'harmful skips':>15}{'masters kept':>14}{'items % bank':>14}"
    ]
    for name, s in summaries.items():
        lines.append(
            f"{name:<12}{s['agreement']:>11.3f}{s['route_agreement']:>12.3f}"
            f"{s['accuracy_beyond_05']:>15.3f}{s['harmful_skips']:>15.4f}"
            f"{s['masters_not_skipped']:>14.3f}{s['mean_items_pct']:>14.3f}"
        )
    return lines


def endings_table(endings: dict[str, dict[str, float]]) -> list[str]:
    """How the adaptive quiz's competence decisions ended."""
    labels = {
        "decided": "decided (P(mastery) crossed the skip or remediation threshold)",
        "item limit": "undecided at the competence's own item limit",
        "quiz limit": "undecided when the whole quiz reached its limit",
    }
    lines = ["how each competence of the adaptive quiz ended:"]
    for kind, figures in endings.items():
        lines.append(
            f"  {figures['share']:>6.1%} {labels[kind]:<64}"
            f"agreement {figures['agreement']:.3f}"
        )
    return lines


def never_asked_table(never: list[dict[str, Any]], total: int) -> list[str]:
    """Items no simulated learner met: they will never collect calibration data."""
    lines = [f"items never asked: {len(never)} of {total}"]
    by_b: dict[float, list[str]] = {}
    for item in never:
        by_b.setdefault(float(item["b"]), []).append(item["id"])
    for b, ids in sorted(by_b.items()):
        lines.append(f"  difficulty {b:+.1f}: {', '.join(sorted(ids))}")
    return lines
