"""Shared rendering services: templates, UI strings and player assets.

Targets ask for these; none of them reads templates or assets another way.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup, escape

from builder.messages import DEFAULT_UI_LANG, player_messages, same_language

PLAYER_PACKAGE = "builder.player"

#: Player scripts every browser target ships, in order (see player/90-boot.js).
CORE_SCRIPTS: tuple[str, ...] = (
    "00-core.js",
    "10-state.js",
    "20-evaluate.js",
    "30-widgets.js",
    "31-choice.js",
    "32-ordering.js",
    "33-categorise.js",
    "34-spot.js",
    "35-scenario.js",
    "40-speech.js",
    "50-player.js",
    "51-activity.js",
    "52-summary.js",
)
BOOT_SCRIPT = "90-boot.js"


def strings(lang: str = DEFAULT_UI_LANG) -> dict[str, str]:
    """The player's and the pages' message catalogue for the UI language ``lang``."""
    return player_messages(lang)


def player_asset(name: str) -> str:
    return resources.files(PLAYER_PACKAGE).joinpath(name).read_text("utf-8")


def player_script(adapters: tuple[str, ...]) -> str:
    """One script: the core, the given adapter files, then the boot code."""
    parts = [*CORE_SCRIPTS, *adapters, BOOT_SCRIPT]
    return "\n".join(player_asset(name).rstrip() + "\n" for name in parts)


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("builder", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["json_script"] = json_for_script
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


def json_for_script(value: Any) -> Markup:
    """JSON safe inside <script type="application/json"> (no '</script>' break-out)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    safe = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(safe)  # escaped above for the script context


def format_message(text: str, values: dict[str, Any]) -> str:
    """``text`` with its ``{name}`` placeholders replaced by ``values``."""
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text


def ui_helpers(
    messages: dict[str, str], ui_lang: str, content_lang: str
) -> dict[str, Any]:
    """Template helpers for interface text on a page whose content is in
    ``content_lang`` (the page's ``<html lang>``).

    - ``t(key, **values)``: the message as plain text, for attributes and for
      elements marked with ``ui``;
    - ``ui``: `` lang="en"`` on an element that holds interface text only, when
      the UI language differs from the content's (WCAG 3.1.2, RGAA 8.7), so
      screen readers switch voice; nothing otherwise;
    - ``ui_text(key, **values)``: the message inline among content, in a
      ``<span lang>`` when the languages differ; ``ui_span(text)`` does the
      same for interface text put together in the template.
    """
    differs = not same_language(ui_lang, content_lang)
    marker = Markup(' lang="{}"').format(ui_lang) if differs else Markup("")

    def t(key: str, **values: Any) -> str:
        return format_message(messages[key], values)

    def ui_span(text: str) -> Markup:
        return (
            Markup("<span{}>{}</span>").format(marker, text)
            if differs
            else escape(text)
        )

    return {
        "lang": content_lang,
        "ui_lang": ui_lang,
        "t": t,
        "ui": marker,
        "ui_span": ui_span,
        "ui_text": lambda key, **values: ui_span(t(key, **values)),
    }
