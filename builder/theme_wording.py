"""A theme's ``wording``: its own words for some interface messages.

``wording`` maps a UI language to ``{message key: text}``. Keys are those of
``builder/i18n/<lang>.json`` (player and pages) and, prefixed with ``kit.``,
of ``kit.<lang>.json`` (the kit's own). A child theme's wording is laid over
its parent's key by key. At load, an unknown language or key, or a text whose
``{placeholders}`` differ from the original's, is an error at its line.
"""

from __future__ import annotations

import difflib

from builder.diagnostics import Report
from builder.messages import (
    KIT_PREFIX,
    kit_own_messages,
    placeholders,
    player_messages,
    ui_languages,
    wording_keys,
)
from builder.yamlpos import SourceDoc

Wording = dict[str, dict[str, str]]
"""UI language -> message key -> text."""


def check_wording(wording: Wording, doc: SourceDoc, report: Report) -> None:
    """E204 (language), E202 (key) and E312 (placeholders) for a theme file."""
    known = wording_keys()
    for lang, overrides in wording.items():
        if lang not in ui_languages():
            report.error(
                doc.at("wording", lang, key=True),
                "E204",
                f"there is no interface language '{lang}' for 'wording': use "
                f"{' or '.join(ui_languages())}",
            )
            continue
        for key, text in overrides.items():
            if key not in known:
                report.error(
                    doc.at("wording", lang, key, key=True),
                    "E202",
                    _unknown_key(key, known),
                )
                continue
            original = original_text(lang, key)
            if placeholders(text) != placeholders(original):
                report.error(
                    doc.at("wording", lang, key),
                    "E312",
                    _placeholder_message(key, original),
                )


def original_text(lang: str, key: str) -> str:
    """The catalogue's own text for a wording key (``kit.`` names the kit's)."""
    if key.startswith(KIT_PREFIX):
        return kit_own_messages(lang)[key.removeprefix(KIT_PREFIX)]
    return player_messages(lang)[key]


def _unknown_key(key: str, known: dict[str, str]) -> str:
    head = f"unknown message key '{key}' in 'wording'"
    close = difflib.get_close_matches(key, sorted(known), n=3, cutoff=0.6)
    if close:
        return f"{head}: did you mean {_or(close)}?"
    return (
        f"{head}: the keys are those of builder/i18n/fr.json, and of "
        "builder/i18n/kit.fr.json written with 'kit.' before them"
    )


def _placeholder_message(key: str, original: str) -> str:
    wanted = sorted(placeholders(original))
    if not wanted:
        return (
            f"'{key}' takes no {{placeholder}}: the original is '{original}'; write "
            "plain text"
        )
    names = ", ".join(f"{{{name}}}" for name in wanted)
    return (
        f"'{key}' must keep exactly the placeholders {names} of the original "
        f"'{original}': they are replaced by numbers or names on the page"
    )


def _or(words: list[str]) -> str:
    quoted = [f"'{w}'" for w in words]
    return (
        quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
    )


def merge_wording(chain: list[Wording]) -> Wording:
    """Parents first: each theme's texts replace its parents' key by key."""
    merged: Wording = {}
    for wording in chain:
        for lang, overrides in wording.items():
            merged[lang] = {**merged.get(lang, {}), **overrides}
    return merged


def player_wording(wording: Wording, lang: str) -> dict[str, str]:
    """The overrides of the player's and the pages' catalogue in ``lang``."""
    own = wording.get(lang, {})
    return {k: v for k, v in own.items() if not k.startswith(KIT_PREFIX)}


def kit_wording(wording: Wording, lang: str) -> dict[str, str]:
    """The overrides of the kit's own catalogue in ``lang`` (``kit.`` removed)."""
    own = wording.get(lang, {})
    return {
        k.removeprefix(KIT_PREFIX): v
        for k, v in own.items()
        if k.startswith(KIT_PREFIX)
    }
