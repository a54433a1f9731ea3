"""Workbench scenarios, built from the compiled catalogue the settings name.

The xblock-sdk workbench lists a block's ``workbench_scenarios()``. Ours come
from ``XBLOCK_SETTINGS["Tisseuse"]["CATALOGUE"]`` (see catalogue.py) through
the same OLX functions as the ``openedx`` target, so the workbench plays what
a course import would get. Without a catalogue there are no scenarios.
"""

from __future__ import annotations

from typing import Any

from xblocks.base import BLOCK_SETTINGS_KEY, player_catalogue
from xblocks.catalogue import catalogue_path, load_catalogue
from xblocks.olx import module_element, path_element, placement_element, to_string

Json = dict[str, Any]


def _catalogue() -> Json | None:
    try:
        from django.conf import settings
    except ImportError:  # pragma: no cover - the workbench always has Django
        return None
    bucket = getattr(settings, "XBLOCK_SETTINGS", {}).get(BLOCK_SETTINGS_KEY)
    path = catalogue_path(bucket)
    return load_catalogue(path) if path is not None else None


def module_scenarios() -> list[tuple[str, str]]:
    catalogue = _catalogue() or {"modules": {}}
    return [
        (f"Tisseuse module {mid}", to_string(module_element(module, f"module-{mid}")))
        for mid, module in catalogue["modules"].items()
    ]


def placement_scenarios() -> list[tuple[str, str]]:
    catalogue = _catalogue() or {"paths": {}}
    name = player_catalogue()["placement_title"]
    return [
        (
            f"Tisseuse placement {pid}",
            to_string(placement_element(path, f"placement-{pid}", name)),
        )
        for pid, path in catalogue["paths"].items()
        if path["placement"] is not None
    ]


def path_scenarios() -> list[tuple[str, str]]:
    catalogue = _catalogue() or {"paths": {}}
    name = player_catalogue()["placement_title"]
    return [
        (
            f"Tisseuse path {pid}",
            to_string(path_element(path, catalogue["modules"], f"{pid}-", name)),
        )
        for pid, path in catalogue["paths"].items()
    ]
