"""What the three Tisseuse blocks share: compiled content, input checks, i18n, assets.

Content is the builder's compiled JSON (module and path projections, see the
README), stored in a ``Scope.content`` field written as strict JSON in OLX.
Handlers validate every request fully *before* changing a field: the runtime
saves fields even when a handler answers with an error, so a rejected request
must leave nothing half-written.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from importlib import resources
from typing import Any

from web_fragments.fragment import Fragment
from xblock.exceptions import JsonHandlerError
from xblock.fields import Dict

from builder.languages import speech_lang

Json = dict[str, Any]

#: ``XBLOCK_SETTINGS["Tisseuse"]`` holds the blocks' server settings (see catalogue.py).
BLOCK_SETTINGS_KEY = "Tisseuse"
#: Player script and stylesheet, built from builder/player by the builder and
#: committed (the LMS collects ``public/`` files as static assets).
ASSETS = ("public/tisseuse-xblock.css", "public/tisseuse-xblock.js")
#: The longest player state accepted: what SCORM 1.2 stores, far above real use.
MAX_STATE = 4096


def _noop(text: str) -> str:
    """Mark a string for extraction; it is translated where it is shown."""
    return text


class CompiledContent(Dict):
    """A JSON object compiled by the builder, stored and exported as strict JSON.

    XBlock's ``Dict`` reads OLX values with YAML; compiled content is JSON, so
    it is read with the JSON parser (faster, exact) and written compactly with
    sorted keys (stable exports).
    """

    def from_string(self, serialized: str) -> Json:
        try:
            value = json.loads(serialized)
        except ValueError as error:
            raise ValueError(f"compiled content is not valid JSON: {error}") from error
        if not isinstance(value, dict):
            raise TypeError("compiled content must be a JSON object")
        return value

    def to_string(self, value: Json) -> str:
        return json.dumps(
            value, ensure_ascii=False, sort_keys=True, separators=(",", ":")
        )


def reject(status: int, message: str) -> JsonHandlerError:
    """An error answer: ``{"error": message}`` with the HTTP status."""
    return JsonHandlerError(status, message)


def payload(data: Any, required: Iterable[str], optional: Iterable[str] = ()) -> Json:
    """The request body as a dict with exactly the expected keys, or a 400 error.

    An unexpected key is refused rather than ignored: a client that sends a
    ``score`` or ``correct`` learns that the server computes those itself.
    """
    if not isinstance(data, dict):
        raise reject(400, "the request body must be a JSON object")
    required = set(required)
    allowed = required | set(optional)
    extra = sorted(set(data) - allowed)
    if extra:
        raise reject(
            400,
            f"unexpected field '{extra[0]}': only {', '.join(sorted(allowed))} "
            "may be sent (scores are computed by the server)",
        )
    missing = sorted(required - set(data))
    if missing:
        raise reject(400, f"missing field '{missing[0]}'")
    return data


def check_version(data: Json, current: str) -> None:
    """409 when the browser's page shows other content than the server has now."""
    if not isinstance(data.get("version"), str):
        raise reject(400, "'version' must be the content version shown on the page")
    if data["version"] != current:
        raise reject(
            409, "the content has changed since this page was opened: reload the page"
        )


#: Player strings only the blocks use (French, the source language).
XBLOCK_STRINGS = {
    "xblock_failed": _noop(
        "Votre réponse n'a pas pu être enregistrée. Vérifiez la connexion, puis "
        "rechargez la page."
    ),
    "xblock_conflict": _noop(
        "Ce contenu a été ouvert dans une autre fenêtre ou a changé : rechargez la "
        "page pour continuer."
    ),
}


#: Translated, in each catalogue, to the tag of that catalogue's language ("en"
#: in xblocks/translations/en): the language the learner really gets the
#: interface in. Without a catalogue for theirs, the French source: "fr".
UI_LANG_MESSAGE = _noop("fr")


def player_catalogue() -> dict[str, str]:
    """The player's interface strings in French, the source language."""
    text = resources.files("builder.i18n").joinpath("fr.json").read_text("utf-8")
    strings: dict[str, str] = json.loads(text)
    return {**strings, **XBLOCK_STRINGS}


#: What a theme may set on a block: our custom properties, with values made
#: of the characters colours and font lists use (checked again here: the
#: content comes from an imported course).
THEME_PROPERTY = re.compile(r"^--ts-[a-z][a-z-]*$")
THEME_VALUE = re.compile(r"^[A-Za-z0-9#\"', .-]{1,200}$")


def theme_style(content: Json | None) -> str:
    """The theme's custom properties as an inline style, or ''."""
    theme = (content or {}).get("theme")
    variables = theme.get("variables") if isinstance(theme, dict) else None
    if not isinstance(variables, dict):
        return ""
    return "; ".join(
        f"{name}: {value}"
        for name, value in sorted(variables.items())
        if isinstance(name, str)
        and isinstance(value, str)
        and THEME_PROPERTY.match(name)
        and THEME_VALUE.match(value)
    )


def data_script(value: Any) -> str:
    """JSON inside ``<script type="application/json">``, safe from break-out."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" data-tisseuse-data>{text}</script>'


def escape(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
    )


class TisseuseBlockMixin:
    """Services, translations and page assets shared by the Tisseuse blocks.

    The i18n service translates with the package's own catalogues
    (``xblocks/translations/<lang>/LC_MESSAGES/text.mo``), the player's
    strings included: their French text is the message id.
    """

    block_settings_key = BLOCK_SETTINGS_KEY
    runtime: Any
    scope_ids: Any

    def _(self, text: str) -> str:
        service = self.runtime.service(self, "i18n")
        translated: str = service.gettext(text) if service else text
        return translated

    def player_strings(self) -> dict[str, str]:
        return {key: self._(text) for key, text in player_catalogue().items()}

    def player_languages(self, content_lang: str) -> Json:
        """The player's strings and languages: the interface in the learner's
        language (the LMS's, when a catalogue has it), the content in its own;
        the player marks interface text with ``lang`` where they differ."""
        ui_lang = self._(UI_LANG_MESSAGE)
        return {
            "contentLang": content_lang,
            "speechLang": speech_lang(content_lang),
            "uiLang": ui_lang,
            "uiSpeechLang": speech_lang(ui_lang),
            "strings": self.player_strings(),
        }

    def fragment(
        self, kind: str, html: str, data: Json, init: str, content: Json | None = None
    ) -> Fragment:
        """A view: our markup, the data for the script, the shared assets.

        ``content`` (the block's module or path) may carry the theme it was
        built with: its colours and font become custom properties on the
        block's root, over the shared stylesheet's defaults.
        """
        style = theme_style(content)
        frag = Fragment(
            f'<div class="tisseuse-xblock" data-tisseuse-block="{kind}"'
            + (f' style="{escape(style)}"' if style else "")
            + f">{data_script(data)}{html}</div>"
        )
        for asset in ASSETS:
            url = self.runtime.local_resource_url(self, asset)
            if asset.endswith(".css"):
                frag.add_css_url(url)
            else:
                frag.add_javascript_url(url)
        frag.initialize_js(init)
        return frag

    def notice_fragment(self, kind: str, message: str) -> Fragment:
        """A plain message (no script): e.g. no content chosen yet in Studio."""
        return Fragment(
            f'<div class="tisseuse-xblock" data-tisseuse-block="{kind}">'
            f'<p class="ts-notice">{escape(message)}</p></div>'
        )

    def tisseuse_parent(self) -> Any:
        """The Tisseuse path this block sits in, or None."""
        parent = self.get_parent()  # type: ignore[attr-defined]
        return parent if getattr(parent, "is_tisseuse_path", False) else None

    def notify_parent(self) -> None:
        """Let the enclosing path recompute and publish its grade and completion.

        Our own fields are saved first: the path reads them from storage.
        """
        parent = self.tisseuse_parent()
        if parent is not None:
            self.save()  # type: ignore[attr-defined]
            parent.refresh_progress(publish=True)
            parent.save()

    def publish_changes(self, reported: Json, completion: float, grade: Any) -> Json:
        """Publish completion and grade when they changed; the new record of both.

        ``grade`` is ``(value, max_value)`` or None when there is none yet.
        """
        record = dict(reported)
        if completion != reported.get("completion", 0.0):
            self.emit_completion(completion)  # type: ignore[attr-defined]
            record["completion"] = completion
        if grade is not None and list(grade) != reported.get("grade"):
            value, maximum = grade
            self.runtime.publish(self, "grade", {"value": value, "max_value": maximum})
            record["grade"] = [value, maximum]
        return record
