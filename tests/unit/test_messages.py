"""The interface message catalogues (builder/i18n): complete, consistent, used."""

from __future__ import annotations

import re

import pytest

from builder.messages import (
    DEFAULT_UI_LANG,
    kit_own_messages,
    placeholders,
    player_messages,
    ui_languages,
)
from tests.conftest import REPO

CATALOGUES = {"player": player_messages, "kit": kit_own_messages}
OTHERS = [lang for lang in ui_languages() if lang != DEFAULT_UI_LANG]
PLAYER = REPO / "builder" / "player"
TEMPLATES = REPO / "builder" / "templates"
#: Keys put together at run time from a prefix ("level_" + m.level...).
PREFIXES = (
    "level_",
    "decision_",
    "reason_",
    "kind_",
    "copies_",
    "moment_",
    "how_",
    "next_",
    "path_next_",
    "cell_",
)


def test_french_and_english_are_available() -> None:
    assert ui_languages() == ("fr", "en")


@pytest.mark.parametrize("lang", OTHERS)
@pytest.mark.parametrize("name", sorted(CATALOGUES))
def test_every_catalogue_has_the_french_keys(name: str, lang: str) -> None:
    french, other = CATALOGUES[name](DEFAULT_UI_LANG), CATALOGUES[name](lang)
    assert sorted(set(french) - set(other)) == [], f"missing in {name} {lang}"
    assert sorted(set(other) - set(french)) == [], f"not in French ({name} {lang})"


@pytest.mark.parametrize("lang", OTHERS)
@pytest.mark.parametrize("name", sorted(CATALOGUES))
def test_every_message_keeps_the_french_placeholders(name: str, lang: str) -> None:
    french, other = CATALOGUES[name](DEFAULT_UI_LANG), CATALOGUES[name](lang)
    differing = {
        key: (sorted(placeholders(french[key])), sorted(placeholders(other[key])))
        for key in sorted(set(french) & set(other))
        if placeholders(french[key]) != placeholders(other[key])
    }
    assert differing == {}, f"{name} {lang}: key -> (French, {lang}) placeholders"


@pytest.mark.parametrize("lang", ui_languages())
@pytest.mark.parametrize("name", sorted(CATALOGUES))
def test_no_message_is_empty(name: str, lang: str) -> None:
    empty = [k for k, v in CATALOGUES[name](lang).items() if not v.strip(" ")]
    assert empty == [], f"{name} {lang}: empty messages"


def used_keys() -> dict[str, set[str]]:
    """Keys the player's scripts and the templates ask for, literally."""
    scripts = "\n".join(p.read_text("utf-8") for p in sorted(PLAYER.glob("*.js")))
    pages = "\n".join(
        p.read_text("utf-8")
        for folder in ("web", "scorm")
        for p in sorted((TEMPLATES / folder).glob("*.j2"))
    )
    kit = "\n".join(
        p.read_text("utf-8") for p in sorted((TEMPLATES / "kit").glob("*.j2"))
    )
    call = r"""\b(?:t|ui_text)\(\s*["']([a-z0-9_]+)["']"""
    player = set(re.findall(r'T\.t\("([a-z0-9_]+)"', scripts))
    player |= set(re.findall(call, pages))
    return {
        "player": {k for k in player if not k.endswith("_")},
        "kit": {k for k in re.findall(call, kit) if not k.endswith("_")},
    }


def test_every_key_the_player_and_pages_ask_for_exists() -> None:
    used = used_keys()
    known = set(player_messages())
    assert sorted(used["player"] - known) == []
    assert sorted(used["kit"] - known - set(kit_own_messages())) == []


def test_no_message_is_left_unused() -> None:
    used = used_keys()
    code = "\n".join(
        p.read_text("utf-8")
        for pattern in ("*.py", "*.js")
        for p in sorted((REPO / "builder").rglob(pattern))
    )
    quoted = set(re.findall(r'"([a-z0-9_]+)"', code))
    everything = used["player"] | used["kit"] | quoted
    unused = [
        key
        for key in sorted(set(player_messages()) | set(kit_own_messages()))
        if key not in everything and not key.startswith(PREFIXES)
    ]
    assert unused == []
