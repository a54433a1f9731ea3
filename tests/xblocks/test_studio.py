"""Studio: an author picks a module or a path from the compiled catalogue."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.xblocks.conftest import Lms, call
from xblocks.olx import path_content

Json = dict[str, Any]


class Settings:
    """The runtime's settings service, reading XBLOCK_SETTINGS as the LMS does."""

    def __init__(self, buckets: Json) -> None:
        self.buckets = buckets

    def get_settings_bucket(self, block: Any, default: Json | None = None) -> Json:
        return self.buckets.get(block.block_settings_key, default or {})


@pytest.fixture
def studio(tmp_path: Path, compiled: dict[str, Json]) -> Lms:
    path = tmp_path / "catalogue.json"
    path.write_text(json.dumps(compiled["catalogue"]), encoding="utf-8")
    return Lms(services={"settings": Settings({"Tisseuse": {"CATALOGUE": str(path)}})})


def test_the_edit_view_lists_the_compiled_modules(
    studio: Lms, compiled: dict[str, Json]
) -> None:
    block = studio.load("<tisseuse_module/>")
    html = block.runtime.render(block, "studio_view").body_html()
    for module in compiled["catalogue"]["modules"].values():
        assert f'<option value="{module["id"]}">' in html


def test_picking_a_module_copies_its_projection(
    studio: Lms, compiled: dict[str, Json]
) -> None:
    block = studio.load("<tisseuse_module/>")
    module = compiled["catalogue"]["modules"]["t1-transmissions-ciblees"]
    status, reply = call(
        block,
        "studio_submit",
        {
            "display_name": "Transmissions",
            "choice": module["id"],
            "grading": "graded",
            "weight": "2",
        },
    )
    assert (status, reply) == (200, {"result": "success"})
    assert block.module == module and block.grading == "graded" and block.weight == 2.0


def test_picking_a_path_fills_the_quiz_and_the_container(
    studio: Lms, compiled: dict[str, Json]
) -> None:
    path = compiled["catalogue"]["paths"]["soin"]
    quiz = studio.load("<tisseuse_placement/>")
    assert (
        call(
            quiz, "studio_submit", {"display_name": "Où en suis-je ?", "choice": "soin"}
        )[0]
        == 200
    )
    assert quiz.path == path
    container = studio.load("<tisseuse_path/>")
    assert (
        call(
            container,
            "studio_submit",
            {"display_name": "Parcours", "choice": "soin", "weight": "1"},
        )[0]
        == 200
    )
    assert container.path == path_content(path) and "engine" not in json.dumps(
        container.path
    )


def test_every_problem_is_reported_and_nothing_saved(studio: Lms) -> None:
    block = studio.load("<tisseuse_module/>")
    status, reply = call(
        block,
        "studio_submit",
        {
            "display_name": " ",
            "choice": "inconnu",
            "grading": "parfois",
            "weight": "-1",
        },
    )
    assert status == 400
    for part in ("vide", "auto, graded ou ungraded", "positif ou nul", "inconnu"):
        assert part in reply["error"]
    assert (
        block.module == {}
        and block.display_name == "Micro-module"
        and block.weight == 1.0
    )


def test_without_a_catalogue_studio_says_how_to_configure_one(
    compiled: dict[str, Json],
) -> None:
    block = Lms().load("<tisseuse_module/>")
    html = block.runtime.render(block, "studio_view").body_html()
    assert "XBLOCK_SETTINGS" in html
    status, reply = call(
        block,
        "studio_submit",
        {"display_name": "M", "choice": "t1-transmissions-ciblees"},
    )
    assert status == 400 and "XBLOCK_SETTINGS" in reply["error"]
    assert (
        call(block, "studio_submit", {"display_name": "Renommé", "choice": ""})[0]
        == 200
    )
    assert block.display_name == "Renommé"


def test_an_empty_block_asks_for_content_instead_of_failing() -> None:
    block = Lms().load("<tisseuse_module/>")
    html = block.runtime.render(block, "student_view").body_html()
    assert "choisissez-en un dans Studio" in html
    status, reply = call(
        block, "answer", {"seq": 1, "screen": "x", "answer": "y", "version": "v"}
    )
    assert status == 409 and "pick one in Studio" in reply["error"]
