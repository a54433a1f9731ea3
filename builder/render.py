"""Shared rendering services: templates, UI strings and player assets.

Targets ask for these; none of them reads templates or assets another way.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup

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


@cache
def strings(lang: str = "fr") -> dict[str, str]:
    """The UI message catalogue for ``lang``."""
    text = resources.files("builder.i18n").joinpath(f"{lang}.json").read_text("utf-8")
    catalogue: dict[str, str] = json.loads(text)
    return catalogue


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
