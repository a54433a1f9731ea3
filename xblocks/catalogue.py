"""The compiled catalogue Studio's pickers list (``catalogue.json``).

``tisseuse build openedx`` writes ``catalogue.json`` beside the course
archive: every module projection and every path projection, answer keys
included (see the README for the format). An Open edX operator makes it
readable by the CMS and names it in the Django settings::

    XBLOCK_SETTINGS["Tisseuse"] = {"CATALOGUE": "/openedx/data/tisseuse/catalogue.json"}

It is only needed to *pick* content in Studio: a block keeps a copy of what
was picked (and an imported course carries its content), so the LMS never
reads this file. Standard library only.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

Json = dict[str, Any]

CATALOGUE_SCHEMA = 1


class CatalogueError(ValueError):
    """The configured catalogue is missing or is not a Tisseuse catalogue."""


def catalogue_path(settings: Json | None) -> Path | None:
    value = (settings or {}).get("CATALOGUE")
    return Path(value) if isinstance(value, str) and value else None


def load_catalogue(path: Path) -> Json:
    """The catalogue at ``path`` (re-read when the file changes)."""
    try:
        stamp = path.stat().st_mtime_ns
    except OSError as error:
        raise CatalogueError(
            f"cannot read the Tisseuse catalogue {path}: {error.strerror}"
        ) from error
    return _load(str(path), stamp)


@lru_cache(maxsize=4)
def _load(path: str, stamp: int) -> Json:
    try:
        value = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise CatalogueError(
            f"cannot read the Tisseuse catalogue {path}: {error}"
        ) from error
    if not isinstance(value, dict) or value.get("schema") != CATALOGUE_SCHEMA:
        raise CatalogueError(
            f"{path} is not a Tisseuse catalogue (schema {CATALOGUE_SCHEMA}): "
            "build it with 'tisseuse build openedx'"
        )
    return value


def choices(catalogue: Json, kind: str) -> list[tuple[str, str]]:
    """(id, label) of what a block of ``kind`` can show, in catalogue order."""
    if kind == "module":
        return [(m["id"], m["title"]) for m in catalogue["modules"].values()]
    paths = catalogue["paths"].values()
    if kind == "placement":
        return [(p["id"], p["title"]) for p in paths if p["placement"] is not None]
    return [(p["id"], p["title"]) for p in paths]
