"""The kit's derived parts, without rendering: plan, paper form, routes, next steps."""

from __future__ import annotations

import itertools

import pytest

from builder.kit import paper_quiz
from builder.kit.next_steps import next_steps
from builder.kit.plan import session_plan
from builder.kit.routes import summary_rows
from builder.loader import load_catalogue
from builder.model import LEVELS, Catalogue
from builder.placement import engine
from builder.placement.bank import placement_data
from tests.conftest import REPO


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    loaded, report = load_catalogue(REPO)
    assert loaded is not None, report.lines()
    return loaded


def test_session_plan_is_contiguous_and_spreads_the_module_over_its_screens(
    catalogue: Catalogue,
) -> None:
    for module in catalogue.modules:
        plan = session_plan(module)
        assert plan[0].start == 0 and plan[0].kind == "opening"
        assert plan[-1].kind == "close"
        for before, after in itertools.pairwise(plan):
            assert before.end == after.start, module.id
        (part,) = [m for m in plan if m.kind == "module"]
        assert part.minutes == module.duration_minutes
        minutes = [slot.minute for slot in part.screens]
        assert [slot.number for slot in part.screens] == list(
            range(1, len(module.screens) + 1)
        )
        assert minutes[0] == part.start
        assert minutes == sorted(minutes) and minutes[-1] < part.end, module.id
        spots = sum(a.type == "spot_the_problem" for _, a in module.activities)
        assert any(m.kind == "sheets" for m in plan) == bool(spots)
        role_play = bool(module.kit and module.kit.role_play)
        assert any(m.kind == "role_play" for m in plan) == role_play


def test_paper_form_takes_the_most_informative_items_at_the_cut(
    catalogue: Catalogue,
) -> None:
    for path in catalogue.paths:
        bank = placement_data(catalogue, path)["engine"]
        for competence in bank["competences"]:
            length = paper_quiz.form_length(bank, competence)
            form = paper_quiz.choose_form(bank, competence, length)
            assert len(form) == length
            assert len({i["family"] for i in form}) == len(form)
            chosen = {i["id"] for i in form}
            weakest = min(engine.information(competence["cut"], i) for i in form)
            for item in bank["items"]:
                eligible = (
                    item["competence"] == competence["id"]
                    and item["status"] == "active"
                    and item["id"] not in chosen
                    and item["family"] not in {i["family"] for i in form}
                )
                if eligible:  # anything left out is no more informative
                    assert engine.information(competence["cut"], item) <= weakest


def test_form_length_keeps_the_engines_limits(catalogue: Catalogue) -> None:
    for path in catalogue.paths:
        bank = placement_data(catalogue, path)["engine"]
        total = sum(paper_quiz.form_length(bank, c) for c in bank["competences"])
        assert total <= bank["max_items"]
        for competence in bank["competences"]:
            assert paper_quiz.form_length(bank, competence) <= competence["max_items"]


def test_points_are_refused_when_no_total_can_reproduce_the_decisions() -> None:
    # Item 1 right alone gives 'skip' but both right give 'standard': a higher
    # total would give a weaker decision, so no points can print this grid.
    outcomes = {
        (False, False): "remediation",
        (True, False): "skip",
        (False, True): "remediation",
        (True, True): "standard",
    }
    assert paper_quiz._points_for(outcomes, 2) is None
    fine = {
        (False, False): "remediation",
        (True, False): "standard",
        (False, True): "remediation",
        (True, True): "skip",
    }
    assert paper_quiz._points_for(fine, 2) == (2, 1)


def test_grid_and_engine_agree_through_the_paper_quiz_api(catalogue: Catalogue) -> None:
    path = catalogue.paths[0]
    quiz = paper_quiz.paper_quiz(catalogue, path)
    assert quiz is not None
    for competence in quiz.competences:
        for rights in itertools.product((True, False), repeat=len(competence.items)):
            marks = {i.number: i.key for i in quiz.items}
            for item, right in zip(competence.items, rights, strict=True):
                if not right:
                    marks[item.number] = frozenset()
            assert quiz.grid_decisions(marks) == quiz.engine_decisions(marks)


def test_summary_sheet_says_what_routing_does_per_decision(
    catalogue: Catalogue,
) -> None:
    for path in catalogue.paths:
        quiz = paper_quiz.paper_quiz(catalogue, path)
        assert quiz is not None
        rows = summary_rows(catalogue, path, quiz)
        assert {m.id for m in catalogue.path_modules(path)} <= {
            r.module.id for r in rows
        }
        for row in rows:
            if row.competence is None:
                assert row.cells == ("recommended",)
                continue
            skip, standard, remediation = (
                row.cells[paper_quiz.DECISIONS.index(d)]
                for d in ("skip", "standard", "remediation")
            )
            assert remediation == "recommended", (path.id, row.module.id)
            if row.module.id in path.modules and row.module.level != "advanced":
                assert skip == "optional" and standard == "recommended"
            if row.module.id not in path.modules:  # a basic module, added on need
                assert skip is None and standard is None


def test_next_steps_follow_paths_and_levels(catalogue: Catalogue) -> None:
    for module in catalogue.modules:
        for suggestion in next_steps(catalogue, module):
            other = suggestion.module
            assert other.id != module.id
            if suggestion.reason == "in_path":
                for path in suggestion.paths:
                    here = path.modules.index(module.id)
                    assert path.modules[here + 1] == other.id
            elif suggestion.reason in ("easier", "further"):
                assert other.topic == module.topic
                lower = LEVELS.index(other.level) < LEVELS.index(module.level)
                assert lower == (suggestion.reason == "easier")
            else:
                assert suggestion.reason == "basics"
                assert other.level == "basic"
