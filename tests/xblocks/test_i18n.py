"""Translations the Open edX way: gettext catalogues in xblocks/translations.

The LMS's i18n service loads ``xblocks/translations/<lang>/LC_MESSAGES/text.mo``
for the learner's language; here a service built the same way from the
package's files stands in for it. Message ids are French (French first).
"""

from __future__ import annotations

import gettext
import io
import re
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from builder.messages import placeholders, player_messages
from builder.render import CORE_SCRIPTS, player_asset
from builder.targets.openedx_assets import XBLOCK_SCRIPTS
from tests.conftest import REPO
from tests.xblocks.conftest import Lms
from tests.xblocks.test_module_block import view_data
from xblocks.base import UI_LANG_MESSAGE, XBLOCK_STRINGS, player_catalogue
from xblocks.olx import module_element, to_string

Json = dict[str, Any]
LOCALES = REPO / "xblocks" / "translations"
PREFIXED = ("decision_", "reason_", "level_")


def compiled_mo(po: Path) -> bytes:
    with po.open("rb") as source:
        catalogue = read_po(source)
    out = io.BytesIO()
    write_mo(out, catalogue)
    return out.getvalue()


def test_compiled_catalogues_are_current(update_golden: bool) -> None:
    for po in sorted(LOCALES.glob("*/LC_MESSAGES/text.po")):
        mo = po.with_suffix(".mo")
        if update_golden:
            mo.write_bytes(compiled_mo(po))
        assert mo.read_bytes() == compiled_mo(po), (
            f"{mo} is stale: run pytest --update-golden"
        )


def used_keys() -> set[str]:
    """Player strings the blocks' script can show."""
    source = "\n".join(player_asset(n) for n in (*CORE_SCRIPTS, *XBLOCK_SCRIPTS))
    keys = {
        k for k in re.findall(r'T\.t\("([a-z_0-9]+)"', source) if not k.endswith("_")
    }
    keys |= set(XBLOCK_STRINGS)
    return keys | {k for k in player_catalogue() if k.startswith(PREFIXED)}


def test_every_string_the_blocks_show_has_an_english_translation() -> None:
    with (LOCALES / "en" / "LC_MESSAGES" / "text.po").open("rb") as source:
        english = read_po(source)
    french = player_catalogue()
    untranslated = sorted(
        k
        for k in used_keys()
        if french[k] not in english or not english[french[k]].string
    )
    assert untranslated == [], untranslated


def test_an_english_speaking_learner_gets_the_english_player(demo: Json) -> None:
    class I18n:
        translations = gettext.translation("text", localedir=LOCALES, languages=["en"])

        def gettext(self, text: str) -> str:
            return self.translations.gettext(text)

    lms = Lms(services={"i18n": I18n()})
    block = lms.load(to_string(module_element(demo, "m")))
    strings = view_data(block)["strings"]
    assert strings["check"] == "Check" and strings["placement_title"] == "Where am I?"
    french = Lms().load(to_string(module_element(demo, "m")))
    assert view_data(french)["strings"]["check"] == "Valider"


def synced_po(po: Path) -> bytes:
    """The catalogue with the player's English taken from builder/i18n/en.json.

    The player's English is written once, in the builder's catalogue; the
    blocks' gettext catalogue carries the same texts under the French ids, and
    translates UI_LANG_MESSAGE to its own language tag.
    """
    with po.open("rb") as source:
        catalogue = read_po(source)
    french, english = player_messages("fr"), player_messages("en")
    for key in sorted(french):
        flags = ("python-brace-format",) if placeholders(french[key]) else ()
        catalogue.add(french[key], auto_comments=[f"player: {key}"], flags=flags)
        catalogue[french[key]].string = english[key]  # add() keeps an old text
    catalogue.add(
        UI_LANG_MESSAGE, "en", auto_comments=["the language tag of this catalogue"]
    )
    out = io.BytesIO()
    write_po(out, catalogue, width=88)
    lines = out.getvalue().decode("utf-8").splitlines(keepends=True)
    generated = (
        "Report-Msgid-Bugs-To",
        "Last-Translator",
        "Language-Team",
        "Generated",
    )
    kept = [
        line for line in lines if not line.startswith(tuple(f'"{g}' for g in generated))
    ]
    return "".join(kept).encode("utf-8")


def test_the_blocks_speak_the_builders_english(update_golden: bool) -> None:
    po = LOCALES / "en" / "LC_MESSAGES" / "text.po"
    expected = synced_po(po)
    if update_golden:
        po.write_bytes(expected)
    assert po.read_bytes() == expected, (
        f"{po} differs from builder/i18n/en.json: run pytest --update-golden"
    )


def test_the_blocks_tell_the_player_which_language_the_learner_gets(
    demo: Json,
) -> None:
    class I18n:
        translations = gettext.translation("text", localedir=LOCALES, languages=["en"])

        def gettext(self, text: str) -> str:
            return self.translations.gettext(text)

    english = view_data(
        Lms(services={"i18n": I18n()}).load(to_string(module_element(demo, "m")))
    )
    french = view_data(Lms().load(to_string(module_element(demo, "m"))))
    assert (english["uiLang"], english["uiSpeechLang"]) == ("en", "en-GB")
    assert (english["contentLang"], english["speechLang"]) == ("fr", "fr-FR")
    assert (french["uiLang"], french["contentLang"]) == ("fr", "fr")
