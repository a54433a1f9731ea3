"""The OLX of the Tisseuse blocks, built from compiled content.

One function per block type turns the builder's compiled JSON into the
element Open edX imports (and Studio exports): the block's tag, its settings
as attributes and its compiled content as an ``<option:...>`` child holding
strict JSON (read back by ``CompiledContent``). The builder's ``openedx``
target and the workbench scenarios both use these, so what the tests load is
what a course import gets.

Pure XBlocks are written inline in their vertical (never as pointer tags:
XBlock's ``parse_xml`` does not follow them).
"""

from __future__ import annotations

import json
from typing import Any

from lxml import etree

Json = dict[str, Any]

OPTION_NS = "http://code.edx.org/xblock/option"
FAMILY = "xblock.v1"

#: Entry point names (the OLX tags), in the order a path holds them.
MODULE_TAG = "tisseuse_module"
PLACEMENT_TAG = "tisseuse_placement"
PATH_TAG = "tisseuse_path"
BLOCK_TAGS = (PATH_TAG, PLACEMENT_TAG, MODULE_TAG)


def _json(value: Json) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _block(tag: str, url_name: str, attributes: dict[str, str]) -> etree._Element:
    element = etree.Element(tag, nsmap={"option": OPTION_NS})
    element.set("url_name", url_name)
    element.set("xblock-family", FAMILY)
    for name, value in sorted(attributes.items()):
        element.set(name, value)
    return element


def _option(element: etree._Element, field: str, value: Json) -> None:
    child = etree.SubElement(element, f"{{{OPTION_NS}}}{field}")
    child.text = _json(value)


def module_element(
    module: Json, url_name: str, grading: str | None = None
) -> etree._Element:
    """A micro-module block; ``grading`` is left to the block's default if None."""
    attributes = {"display_name": module["title"]}
    if grading is not None:
        attributes["grading"] = grading
    element = _block(MODULE_TAG, url_name, attributes)
    _option(element, "module", module)
    return element


def placement_element(path: Json, url_name: str, display_name: str) -> etree._Element:
    """A placement quiz block: the whole path projection, bank included."""
    element = _block(PLACEMENT_TAG, url_name, {"display_name": display_name})
    _option(element, "path", path)
    return element


def path_element(
    path: Json, modules: dict[str, Json], prefix: str, placement_name: str
) -> etree._Element:
    """A path container: its placement quiz (if any), then one block per module.

    The path's own copy of the projection leaves the item bank out (its
    placement child holds it). Modules inside a path are ungraded: the path
    publishes the grade (the LMS's grading cannot see which modules a learner
    was recommended).
    """
    element = _block(PATH_TAG, f"{prefix}path", {"display_name": path["title"]})
    _option(element, "path", path_content(path))
    if path["placement"] is not None:
        element.append(placement_element(path, f"{prefix}placement", placement_name))
    for entry in path["modules"]:
        element.append(
            module_element(modules[entry["id"]], f"{prefix}{entry['id']}", "ungraded")
        )
    return element


def path_content(path: Json) -> Json:
    """What the path container stores: the projection without the item bank."""
    placement = path["placement"]
    summary = None if placement is None else {"version": placement["version"]}
    return {**path, "placement": summary}


def to_string(element: etree._Element) -> str:
    return etree.tostring(element, encoding="unicode")
