"""Helpers shared by the checks: locations inside a file, ids and references."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from builder.diagnostics import Location, Report


@dataclass(frozen=True)
class Here:
    """Reports problems at key paths relative to one part of a file."""

    locate: Callable[..., Location]
    report: Report

    def error(self, code: str, message: str, *keys: str | int) -> None:
        self.report.error(self.locate(*keys), code, message)

    def warning(self, code: str, message: str, *keys: str | int) -> None:
        self.report.warning(self.locate(*keys), code, message)

    def inside(self, *prefix: str | int) -> Here:
        """A ``Here`` for the part at ``prefix`` (e.g. one screen)."""
        return Here(lambda *keys: self.locate(*prefix, *keys), self.report)


@dataclass(frozen=True)
class Known:
    """Ids that references may use; None when the defining file failed to load."""

    topics: frozenset[str] | None
    competences: frozenset[str] | None
    families: frozenset[str] | None
    modules: frozenset[str]


def check_unique(here: Here, ids: Iterable[str | None], field: str, what: str) -> None:
    """E301 for every id already used earlier in the same list."""
    seen: set[str] = set()
    for index, ident in enumerate(ids):
        if ident is None:
            continue
        if ident in seen:
            here.error(
                "E301",
                f"the {what} id '{ident}' is used twice: give each {what} its own id",
                field,
                index,
                "id",
            )
        seen.add(ident)


def check_references(
    here: Here,
    refs: Iterable[str],
    known: frozenset[str] | None,
    what: str,
    field: str,
    *,
    single: bool = False,
    where: str = "",
) -> None:
    """E302 for every reference to an id missing from ``known``.

    ``single`` says ``field`` holds one id rather than a list of ids; ``where``
    completes the sentence ("in this module").
    """
    if known is None:
        return
    for index, ref in enumerate(refs):
        if ref not in known:
            keys: tuple[str | int, ...] = (field,) if single else (field, index)
            here.error("E302", unknown_message(ref, known, what, where), *keys)


def unknown_message(ref: str, known: frozenset[str], what: str, where: str = "") -> str:
    head = f"there is no {what} '{ref}'{' ' + where if where else ''}"
    close = difflib.get_close_matches(ref, sorted(known), n=1, cutoff=0.75)
    if close:
        return f"{head}: did you mean '{close[0]}'?"
    if not known:
        return f"{head}, and none is defined yet"
    if len(known) <= 12:
        return f"{head}: use one of {', '.join(sorted(known))}"
    return f"{head}: check the spelling of the id"
