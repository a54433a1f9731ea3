"""Checks on one activity's answer key: ids, right answers, feedback, branches.

Each function receives the activity and a ``Here`` that turns a key path
inside the activity into a location in the module file.
"""

from __future__ import annotations

from builder.loader.common import Here, check_unique
from builder.model import (
    Activity,
    Categorise,
    MultipleChoice,
    Option,
    Ordering,
    Scenario,
    SingleChoice,
    SpotTheProblem,
)


def check_options(here: Here, options: tuple[Option, ...], single: bool) -> None:
    check_unique(here, (o.id for o in options), "options", "option")
    right = sum(o.correct for o in options)
    if single and right != 1:
        here.error(
            "E305",
            f"a single-choice question needs exactly one option with 'correct: true' "
            f"(found {right}): mark the right answer, or use type multiple_choice",
            "options",
        )
    elif not single and right == 0:
        here.error(
            "E305",
            "no option is marked 'correct: true': mark every right answer",
            "options",
        )


def check_activity(here: Here, activity: Activity) -> None:
    match activity:
        case SingleChoice() | MultipleChoice():
            check_options(here, activity.options, isinstance(activity, SingleChoice))
        case Ordering():
            check_unique(here, (s.id for s in activity.steps), "steps", "step")
        case Categorise():
            _check_categorise(here, activity)
        case SpotTheProblem():
            _check_spot(here, activity)
        case Scenario():
            _check_scenario(here, activity)


def _check_categorise(here: Here, activity: Categorise) -> None:
    check_unique(here, (c.id for c in activity.categories), "categories", "category")
    check_unique(here, (i.id for i in activity.items), "items", "item")
    known = {c.id for c in activity.categories}
    for index, item in enumerate(activity.items):
        if item.category not in known:
            here.error(
                "E302",
                f"the category '{item.category}' is not one of this activity's "
                f"categories ({', '.join(sorted(known))})",
                "items",
                index,
                "category",
            )


def _check_spot(here: Here, activity: SpotTheProblem) -> None:
    check_unique(here, (s.id for s in activity.segments), "segments", "segment")
    for index, segment in enumerate(activity.segments):
        if segment.id is not None and segment.feedback is None:
            here.error(
                "E309",
                f"the tappable passage '{segment.id}' has no 'feedback': say why it "
                "is, or is not, a problem",
                "segments",
                index,
            )
        if segment.id is None and (segment.problem or segment.feedback is not None):
            here.error(
                "E305",
                "this passage has 'problem' or 'feedback' but no 'id': give it an id "
                "so the learner can tap it",
                "segments",
                index,
            )
    if not any(s.problem for s in activity.segments):
        here.error(
            "E305",
            "no passage is marked 'problem: true': mark what the learner must find",
            "segments",
        )


def _check_scenario(here: Here, activity: Scenario) -> None:
    nodes = {node.id: node for node in activity.nodes}
    check_unique(here, (n.id for n in activity.nodes), "nodes", "node")
    for n_index, node in enumerate(activity.nodes):
        node_here = here.inside("nodes", n_index)
        check_unique(node_here, (c.id for c in node.choices), "choices", "choice")
        if len(node.choices) == 1:
            node_here.error(
                "E306",
                f"the node '{node.id}' offers a single choice: give at least two, "
                "or none to make it an ending",
                "choices",
            )
        for c_index, choice in enumerate(node.choices):
            if choice.next is not None and choice.next not in nodes:
                node_here.error(
                    "E306",
                    f"the choice '{choice.id}' leads to the node '{choice.next}', "
                    f"which does not exist (nodes: {', '.join(nodes)})",
                    "choices",
                    c_index,
                    "next",
                )
    if any(
        c.next is not None and c.next not in nodes
        for n in activity.nodes
        for c in n.choices
    ):
        return  # the graph is not whole; the errors above say why
    _check_scenario_graph(here, activity)


def _check_scenario_graph(here: Here, activity: Scenario) -> None:
    start = activity.nodes[0].id
    edges = {n.id: [c.next for c in n.choices if c.next] for n in activity.nodes}
    cycle = _find_cycle(start, edges)
    if cycle:
        here.error(
            "E306",
            f"the scenario loops ({' -> '.join(cycle)}): every path must reach an "
            "ending",
            "nodes",
        )
        return
    reached = _reachable(start, edges)
    for index, node in enumerate(activity.nodes):
        if node.id not in reached:
            here.error(
                "E306",
                f"no choice leads to the node '{node.id}': link it from a choice "
                "or remove it",
                "nodes",
                index,
            )
    if not _has_right_path(activity):
        here.error(
            "E306",
            "no path through the scenario uses only choices marked 'correct: true': "
            "mark the professional choice at each step",
            "nodes",
        )


def _find_cycle(start: str, edges: dict[str, list[str]]) -> list[str] | None:
    stack: list[str] = []
    done: set[str] = set()

    def visit(node: str) -> list[str] | None:
        if node in stack:
            return [*stack[stack.index(node) :], node]
        if node in done:
            return None
        stack.append(node)
        for nxt in edges.get(node, []):
            found = visit(nxt)
            if found:
                return found
        stack.pop()
        done.add(node)
        return None

    return visit(start)


def _reachable(start: str, edges: dict[str, list[str]]) -> set[str]:
    seen, todo = {start}, [start]
    while todo:
        for nxt in edges.get(todo.pop(), []):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def _has_right_path(activity: Scenario) -> bool:
    nodes = {n.id: n for n in activity.nodes}

    def ok(node_id: str) -> bool:
        node = nodes[node_id]
        if not node.choices:
            return True
        return any(c.correct and (c.next is None or ok(c.next)) for c in node.choices)

    return ok(activity.nodes[0].id)
