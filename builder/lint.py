"""Content linter: is each module readable, sized and safe for its learners?

Run by ``tisseuse check`` after the structural checks, on sources that loaded.
Warnings unless stated (``--strict`` makes them errors):

* W404 — a screen's own text (body and prompt) is longer than ``MAX_WORDS``
  words, or, with its activity's answers or document, longer than
  ``MAX_SCREEN_WORDS`` (each step of a scenario is a view of its own);
* W405 — a sentence longer than ``MAX_SENTENCE_WORDS`` words, anywhere the
  learner reads (screens, options, feedback);
* W406 — a screen's prose scores below ``MIN_READING_EASE`` on the
  Kandel–Moles scale (French reading ease, see ``builder.readability``);
* W407 — the declared duration disagrees with the reading and activity time
  the screens need;
* W408 — a module outside the catalogue's shape: 6–15 screens, at least 4
  activities, 5–12 minutes, scenarios for at least 3 of the job families its
  topic matters to (a priority in families.yaml);
* E310 (error) — something shaped like a real personal identifier: a NIR
  (social security number), a French phone number or an e-mail address,
  unless it is visibly fictitious (an ``.example``/``.test``/``.invalid``
  domain, a number from the ranges ARCEP reserves for fiction, X placeholders).

Thresholds are module constants so a reviewer can see and discuss them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from builder.diagnostics import Location, Report
from builder.model import (
    Activity,
    Categorise,
    Family,
    ModuleFile,
    MultipleChoice,
    Ordering,
    PlacementBank,
    Scenario,
    Screen,
    SingleChoice,
    SpotTheProblem,
)
from builder.readability import measure, plain_text, words
from builder.yamlpos import SourceDoc

if TYPE_CHECKING:  # the loader imports this module: no import cycle at run time
    from builder.loader.checks import Sources
    from builder.loader.sources import Loaded

MAX_WORDS = 90
"""Words of a screen's own text (body and prompt)."""
MAX_SCREEN_WORDS = 180
"""Words to read on a screen with its activity's answers or document."""
MAX_SENTENCE_WORDS = 25
MIN_READING_EASE = 50.0
"""Kandel–Moles: below 50 a text is 'difficult'."""
WORDS_PER_MINUTE = 120
"""A slow, careful reader (adult average silent reading is about 200)."""
ACTIVITY_MINUTES = 0.75
"""Answering one activity and reading its feedback."""
SCREENS = (6, 15)
MIN_ACTIVITIES = 4
MIN_FAMILIES = 3
"""Job families (among those the topic matters to) a module's scenarios serve."""
MINUTES = (5, 12)
MIN_PATH_MODULES = 3
"""Used by the coverage report (``tisseuse report content``)."""

KeyPath = tuple[str | int, ...]


@dataclass(frozen=True)
class View:
    """What the learner reads at once: a screen, or one step of a scenario."""

    keys: KeyPath
    """Where it starts in the module file (for the diagnostic's line)."""
    lead: str
    """The screen's own text: body and prompt."""
    answers: str = ""
    """Options, steps, cards or choices, read one at a time as the learner acts."""
    document_words: int = 0
    """Words of a realistic document shown as is (not judged as prose)."""

    @property
    def prose(self) -> str:
        return _join(self.lead, self.answers)


def lint_module(loaded: Loaded[ModuleFile], report: Report) -> None:
    module, doc = loaded.model, loaded.doc
    reading_words = 0
    for index, screen in enumerate(module.screens):
        for view in screen_views(screen, ("screens", index)):
            reading_words += _check_view(doc, screen, view, report)
    for keys, text in learner_texts(doc.data):
        _check_sentences(doc, keys, text, report)
    _check_shape(module, doc, reading_words, report)
    check_identifiers(doc, report)


def _check_view(doc: SourceDoc, screen: Screen, view: View, report: Report) -> int:
    """Warn about one view; return the number of words it asks the learner to read."""
    lead = len(words(view.lead))
    text = measure(view.prose)
    total = text.words + view.document_words
    if lead > MAX_WORDS:
        report.warning(
            doc.at(*view.keys),
            "W404",
            f"the screen '{screen.id}' has {lead} words of text (aim for "
            f"{MAX_WORDS} at most): keep one idea, move the rest to a screen of "
            "its own",
        )
    elif total > MAX_SCREEN_WORDS:
        report.warning(
            doc.at(*view.keys),
            "W404",
            f"the screen '{screen.id}' asks for {total} words of reading with its "
            f"activity (aim for {MAX_SCREEN_WORDS} at most): shorten the text or "
            "the answers, or use fewer answers",
        )
    ease = text.kandel_moles
    if ease is not None and ease < MIN_READING_EASE:
        per_sentence = text.words_per_sentence
        per_word = text.syllables / text.words
        advice = []
        if per_sentence > 15:
            advice.append(f"shorter sentences ({per_sentence:.0f} words on average)")
        if per_word > 1.6 or not advice:
            advice.append(f"shorter, everyday words ({per_word:.1f} syllables a word)")
        report.warning(
            doc.at(*view.keys),
            "W406",
            f"the screen '{screen.id}' is hard to read (Kandel–Moles {ease:.0f}, "
            f"aim for {MIN_READING_EASE:.0f} or more): use {' and '.join(advice)}",
        )
    return total


def screen_views(screen: Screen, keys: KeyPath) -> Iterator[View]:
    body = plain_text(screen.body) if screen.body else ""
    activity = screen.activity
    if activity is None:
        yield View((*keys, "body"), body)
    elif isinstance(activity, Scenario):
        yield View(keys, _join(body, activity.prompt))
        for n, node in enumerate(activity.nodes):
            yield View(
                (*keys, "activity", "nodes", n),
                plain_text(node.text),
                _join(*(c.text for c in node.choices)),
            )
    elif isinstance(activity, SpotTheProblem):
        document = [activity.document.title or ""] + [
            f"{s.label or ''} {s.text}" for s in activity.segments
        ]
        yield View(
            keys,
            _join(body, activity.prompt),
            document_words=sum(len(words(line)) for line in document),
        )
    else:
        yield View(keys, _join(body, activity.prompt), _join(*_choices(activity)))


def _choices(activity: Activity) -> list[str]:
    if isinstance(activity, SingleChoice | MultipleChoice):
        return [o.text for o in activity.options]
    if isinstance(activity, Ordering):
        return [s.text for s in activity.steps]
    if isinstance(activity, Categorise):
        return [c.label for c in activity.categories] + [i.text for i in activity.items]
    return []


def _join(*parts: str) -> str:
    return "\n".join(p for p in parts if p)


# Keys whose text the learner reads; a spot-the-problem document's segments are
# realistic documents (with deliberate faults) and are not judged as prose.
_PROSE_KEYS = frozenset(
    {
        "body",
        "prompt",
        "text",
        "feedback",
        "correct",
        "incorrect",
        "situation",
        "title",
        "caption",
        "label",
        "summary",
    }
)


def learner_texts(data: Any, keys: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    """Every learner-facing string of a source file, with its key path."""
    if isinstance(data, dict):
        if data.get("type") == "spot_the_problem":
            for index, segment in enumerate(data.get("segments") or ()):
                if isinstance(segment, dict) and isinstance(
                    segment.get("feedback"), str
                ):
                    path = (*keys, "segments", index, "feedback")
                    yield path, segment["feedback"]
            data = {k: v for k, v in data.items() if k != "segments"}
        for key, value in data.items():
            if key in _PROSE_KEYS and isinstance(value, str):
                yield (*keys, key), value
            elif key == "kit" and isinstance(value, dict) and "memo" in value:
                # The rest of the kit is for the référent; the memo is a
                # learner handout, so its rules and checklist are prose too.
                yield from _all_strings(value["memo"], (*keys, key, "memo"))
            elif key not in ("sources", "review", "facilitator_notes", "kit"):
                yield from learner_texts(value, (*keys, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from learner_texts(value, (*keys, index))


def _check_sentences(doc: SourceDoc, keys: KeyPath, text: str, report: Report) -> None:
    found = measure(plain_text(text) if keys[-1] in ("body", "text") else text)
    if found.longest_words > MAX_SENTENCE_WORDS:
        start = " ".join(found.longest_sentence.split()[:6])
        report.warning(
            doc.at(*keys),
            "W405",
            f"a sentence of {found.longest_words} words (aim for "
            f"{MAX_SENTENCE_WORDS} at most) starts « {start}… »: cut it in two",
        )


def _check_shape(
    module: ModuleFile, doc: SourceDoc, reading_words: int, report: Report
) -> None:
    screens = len(module.screens)
    activities = sum(1 for s in module.screens if s.activity is not None)
    low, high = SCREENS
    if not low <= screens <= high:
        report.warning(
            doc.at("screens", key=True),
            "W408",
            f"{screens} screens: a micro-module has {low} to {high}; split it or "
            "merge it with another",
        )
    if activities < MIN_ACTIVITIES:
        report.warning(
            doc.at("screens", key=True),
            "W408",
            f"{activities} activities: a micro-module has at least "
            f"{MIN_ACTIVITIES}, so the learner practises, not only reads",
        )
    declared = module.duration_minutes
    if not MINUTES[0] <= declared <= MINUTES[1]:
        report.warning(
            doc.at("duration_minutes"),
            "W408",
            f"{declared} minutes: a micro-module lasts {MINUTES[0]} to {MINUTES[1]}",
        )
    estimate = estimated_minutes(reading_words, activities)
    if not estimate / 2 <= declared <= estimate * 2:
        report.warning(
            doc.at("duration_minutes"),
            "W407",
            f"'duration_minutes' is {declared}, but the screens need about "
            f"{max(1, round(estimate))} min ({reading_words} words to read, "
            f"{activities} activities): correct the duration",
        )


def estimated_minutes(reading_words: int, activities: int) -> float:
    return reading_words / WORDS_PER_MINUTE + activities * ACTIVITY_MINUTES


# ---------------------------------------------------------------- identifiers

_NIR = re.compile(
    r"(?<![\dA-Za-z])[12][ .]?\d{2}[ .]?(?:0[1-9]|1[0-2]|[2-9]\d)[ .]?"
    r"(?:\d{2}|2[AB])[ .]?\d{3}[ .]?\d{3}(?:[ .]?\d{2})?(?![\dA-Za-z])"
)
_PHONE = re.compile(r"(?<![\d+])(?:\+33[ .]?|0033[ .]?|0)[1-9](?:[ .-]?\d{2}){4}(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
_FICTION_DOMAINS = (".example", ".test", ".invalid", ".localhost")
_RESERVED_DOMAINS = frozenset({"example.com", "example.org", "example.net"})
# Number blocks the French numbering plan reserves for fiction (films, books,
# training material), as commonly cited: 01 99 00, 02 61 91, 03 53 01,
# 04 65 71, 05 36 49, 06 39 98. TO VERIFY against ARCEP's numbering plan
# decision before relying on it; X placeholders are always safe.
_FICTION_PHONE_PREFIXES = ("0199", "0261", "0353", "0465", "0536", "0639")


_FIX = {
    "email": "use an address on a .example domain (e.g. accueil@ehpad.example)",
    "nir": "write it with X placeholders (1 XX XX XX XXX XXX XX)",
    "phone": "use X placeholders (06 XX XX XX XX) or a number reserved for fiction",
}
_KIND = {
    "email": "an e-mail address",
    "nir": "a social security number (NIR)",
    "phone": "a phone number",
}


def identifiers(text: str) -> Iterator[tuple[str, str]]:
    """(kind, text) of every realistic personal identifier in ``text``.

    Kinds: ``email``, ``nir``, ``phone``.
    """
    for match in _EMAIL.finditer(text):
        domain = match.group(1).lower()
        if domain in _RESERVED_DOMAINS or domain.endswith(_FICTION_DOMAINS):
            continue
        if any(domain.endswith("." + d) for d in _RESERVED_DOMAINS):
            continue
        yield "email", match.group(0)
    for match in _NIR.finditer(text):
        yield "nir", match.group(0)
    for match in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        national = "0" + digits[-9:]
        if national.startswith(_FICTION_PHONE_PREFIXES):
            continue
        if _NIR.search(match.group(0)):
            continue
        yield "phone", match.group(0)


def check_identifiers(doc: SourceDoc, report: Report) -> None:
    """E310 for every identifier-shaped string anywhere in the file."""
    for keys, text in _all_strings(doc.data):
        for kind, found in identifiers(text):
            report.error(
                _exact(doc, keys, found),
                "E310",
                f"« {found} » looks like {_KIND[kind]}: content must be "
                f"fictitious; {_FIX[kind]}",
            )


def _all_strings(data: Any, keys: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(data, str):
        yield keys, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _all_strings(value, (*keys, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _all_strings(value, (*keys, index))


def _exact(doc: SourceDoc, keys: KeyPath, found: str) -> Location:
    """The line and column of ``found`` in the file, at or after its value."""
    start = doc.at(*keys)
    try:
        lines = doc.path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return start
    for number in range(start.line - 1, len(lines)):
        col = lines[number].find(found)
        if col >= 0:
            return Location(doc.path, number + 1, col + 1)
    return start


# ---------------------------------------------------------------- catalogue


def lint_sources(src: Sources, report: Report) -> None:
    """Lint every source that loaded (the structural checks have run)."""
    for _, loaded in sorted(src.modules.items()):
        if loaded is not None:
            lint_module(loaded, report)
    if src.families is not None:
        for _, loaded in sorted(src.modules.items()):
            if loaded is not None:
                _check_families(loaded, src.families.model.families, report)
    for bank in src.placement:
        lint_placement(bank, report)


def _check_families(
    loaded: Loaded[ModuleFile], families: tuple[Family, ...], report: Report
) -> None:
    """Scenarios for at least three of the job families the topic matters to."""
    module = loaded.model
    matters = {f.id for f in families if f.priorities.get(module.topic, 0) >= 1}
    written = matters & set(module.families)
    needed = min(MIN_FAMILIES, len(matters))
    if len(written) < needed:
        missing = ", ".join(sorted(matters - written))
        report.warning(
            loaded.doc.at("families"),
            "W408",
            f"the scenarios are written for {len(written)} of the job families "
            f"this topic matters to (aim for {needed}): add situations from "
            f"{missing}",
        )


def lint_placement(loaded: Loaded[PlacementBank], report: Report) -> None:
    for keys, text in learner_texts(loaded.doc.data):
        _check_sentences(loaded.doc, keys, text, report)
    check_identifiers(loaded.doc, report)
