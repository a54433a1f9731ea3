"""Interface message catalogues: what the player, the pages and the kit say.

``builder/i18n/<lang>.json`` holds the player's and the pages' strings (every
page embeds it for the player), ``builder/i18n/kit.<lang>.json`` the kit's own
strings, laid over the first for the kit. A UI language is available when both
files exist. Standard library only: the Open edX blocks import it too.

The UI language is the language of this interface only; the content keeps its
own (``catalog.yaml`` ``languages``, a module's ``lang``).
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

DEFAULT_UI_LANG = "fr"
"""French first: the catalogues' source language."""
KIT_PREFIX = "kit."
"""How a theme's ``wording`` names a key of the kit's own catalogue."""

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def _read(name: str) -> dict[str, str]:
    text = resources.files("builder.i18n").joinpath(name).read_text("utf-8")
    catalogue: dict[str, str] = json.loads(text)
    return catalogue


@cache
def ui_languages() -> tuple[str, ...]:
    """The UI languages with both catalogues, the default first."""
    names = {p.name for p in resources.files("builder.i18n").iterdir()}
    found = sorted(
        name.removesuffix(".json")
        for name in names
        if name.endswith(".json")
        and not name.startswith(KIT_PREFIX)
        and f"{KIT_PREFIX}{name}" in names
    )
    return tuple(sorted(found, key=lambda lang: lang != DEFAULT_UI_LANG))


@cache
def player_messages(lang: str = DEFAULT_UI_LANG) -> dict[str, str]:
    """The player's and the pages' catalogue for ``lang``."""
    return _read(f"{lang}.json")


@cache
def kit_own_messages(lang: str = DEFAULT_UI_LANG) -> dict[str, str]:
    """The kit's own catalogue for ``lang`` (without the player's strings)."""
    return _read(f"{KIT_PREFIX}{lang}.json")


def wording_keys() -> dict[str, str]:
    """Every key a theme's ``wording`` may override, with its French text."""
    return player_messages() | {
        KIT_PREFIX + key: text for key, text in kit_own_messages().items()
    }


def placeholders(text: str) -> frozenset[str]:
    """The ``{names}`` a message is formatted with."""
    return frozenset(_PLACEHOLDER.findall(text))


def same_language(first: str, second: str) -> bool:
    """True if two language tags share their primary language (``fr``, ``fr-FR``)."""
    return first.split("-")[0].lower() == second.split("-")[0].lower()
