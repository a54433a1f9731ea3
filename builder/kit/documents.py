"""Every document of the kit: where it goes, its template and what it shows.

Gather first, write after (as every target does): this module decides the
whole list from the catalogue, so the index and the documents agree, and the
target only renders and writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from builder.kit.next_steps import next_steps, path_extras
from builder.kit.paper_quiz import paper_quiz
from builder.kit.plan import session_plan, spot_activities, total_minutes
from builder.kit.routes import summary_rows
from builder.model import Catalogue, LearningPath, Module
from builder.model.kit import LocalRule

#: Who a document is for, and how many copies a session needs.
COPIES = {
    "guide": "copies_one",
    "memo": "copies_each",
    "sheets": "copies_pairs",
    "quiz": "copies_each_reuse",
    "answers": "copies_each",
    "grid": "copies_one",
    "summary": "copies_each",
    "local_rules": "copies_team",
    "team_sheet": "copies_team",
}


@dataclass(frozen=True)
class Document:
    slug: str
    """Path inside the kit without extension, e.g. 'modules/t1-x/memo'."""
    kind: str
    """guide, memo, sheets, quiz, answers, grid, summary, local_rules, team_sheet."""
    template: str
    title: str
    context: dict[str, Any] = field(default_factory=dict, compare=False)
    title_in_interface: bool = False
    """The title is the kit's own words (UI language), not a module's or path's."""

    @property
    def folder_depth(self) -> int:
        return self.slug.count("/")

    @property
    def copies(self) -> str:
        return COPIES[self.kind]


@dataclass(frozen=True)
class LocalRules:
    """Local rules to settle, grouped by module, for a path or the whole kit."""

    groups: tuple[tuple[Module, tuple[LocalRule, ...]], ...]


@dataclass(frozen=True)
class KitDocuments:
    documents: tuple[Document, ...]
    path_documents: dict[str, tuple[Document, ...]]
    module_documents: dict[str, tuple[Document, ...]]
    team_documents: tuple[Document, ...]


def gather(catalogue: Catalogue, strings: dict[str, str]) -> KitDocuments:
    modules = {m.id: module_documents(catalogue, m) for m in catalogue.modules}
    paths = {p.id: path_documents(catalogue, p) for p in catalogue.paths}
    team = team_documents(catalogue, strings)
    everything = (
        *(d for p in catalogue.paths for d in paths[p.id]),
        *(d for m in catalogue.modules for d in modules[m.id]),
        *team,
    )
    return KitDocuments(everything, paths, modules, team)


def module_documents(catalogue: Catalogue, module: Module) -> tuple[Document, ...]:
    base = f"modules/{module.id}"
    plan = session_plan(module)
    context = {
        "module": module,
        "topic": catalogue.topics_by_id[module.topic],
        "families": [catalogue.families_by_id[f] for f in module.families],
        "paths": catalogue.paths_with(module),
        "plan": plan,
        "session_minutes": total_minutes(plan),
        "spots": spot_activities(module),
        "next": next_steps(catalogue, module),
    }
    docs = [
        Document(
            f"{base}/guide-animation",
            "guide",
            "kit/module-guide.html.j2",
            module.title,
            context,
        ),
        Document(f"{base}/memo", "memo", "kit/memo.html.j2", module.title, context),
    ]
    if context["spots"] or (module.kit and module.kit.role_play):
        docs.append(
            Document(
                f"{base}/fiches-activites",
                "sheets",
                "kit/sheets.html.j2",
                module.title,
                context,
            )
        )
    return tuple(docs)


def path_documents(catalogue: Catalogue, path: LearningPath) -> tuple[Document, ...]:
    base = f"parcours/{path.id}"
    quiz = paper_quiz(catalogue, path)
    modules = catalogue.path_modules(path)
    context: dict[str, Any] = {
        "path": path,
        "family": catalogue.families_by_id[path.family],
        "modules": modules,
        "minutes": catalogue.path_minutes(path),
        "plans": {m.id: total_minutes(session_plan(m)) for m in modules},
        "quiz": quiz,
        "extras": path_extras(catalogue, path),
        "rules": local_rules(modules),
        "rows": summary_rows(catalogue, path, quiz) if quiz else (),
    }
    docs = [
        Document(
            f"{base}/guide-animation",
            "guide",
            "kit/path-guide.html.j2",
            path.title,
            context,
        ),
    ]
    if quiz is not None:
        docs += _quiz_documents(base, path, context)
    docs.append(
        Document(
            f"{base}/regles-locales",
            "local_rules",
            "kit/local-rules.html.j2",
            path.title,
            context,
        )
    )
    return tuple(docs)


def _quiz_documents(
    base: str, path: LearningPath, context: dict[str, Any]
) -> list[Document]:
    return [
        Document(
            f"{base}/questionnaire",
            "quiz",
            "kit/quiz-booklet.html.j2",
            path.title,
            context,
        ),
        Document(
            f"{base}/feuille-de-reponses",
            "answers",
            "kit/quiz-answer-sheet.html.j2",
            path.title,
            context,
        ),
        Document(
            f"{base}/grille-de-correction",
            "grid",
            "kit/quiz-grid.html.j2",
            path.title,
            context,
        ),
        Document(
            f"{base}/mon-parcours",
            "summary",
            "kit/path-summary.html.j2",
            path.title,
            context,
        ),
    ]


def team_documents(
    catalogue: Catalogue, strings: dict[str, str]
) -> tuple[Document, ...]:
    docs = []
    for module in catalogue.modules:
        sheet = module.kit.team_sheet if module.kit else None
        if sheet is not None:
            docs.append(
                Document(
                    f"equipe/{module.id}",
                    "team_sheet",
                    "kit/team-sheet.html.j2",
                    sheet.title,
                    {"sheet": sheet, "module": module},
                )
            )
    rules = local_rules(catalogue.modules)
    if rules.groups:
        docs.append(
            Document(
                "equipe/regles-locales",
                "local_rules",
                "kit/local-rules.html.j2",
                strings["all_modules_rules"],
                {"rules": rules, "path": None},
                title_in_interface=True,
            )
        )
    return tuple(docs)


def local_rules(modules: tuple[Module, ...]) -> LocalRules:
    groups = tuple(
        (m, m.kit.local_rules) for m in modules if m.kit and m.kit.local_rules
    )
    return LocalRules(groups)
