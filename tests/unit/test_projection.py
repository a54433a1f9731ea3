"""The module projection: public part, answer key, display order.

Images in the projection are tested in tests/unit/test_images.py."""

from __future__ import annotations

from builder.loader import load_catalogue
from builder.projection import display_order, project_module, public_part
from tests.conftest import ROOTS


def minimal_projection() -> dict:
    catalogue, report = load_catalogue(ROOTS / "minimal")
    assert catalogue is not None, report.lines()
    return project_module(catalogue, catalogue.modules_by_id["demo"])


def keys_of(value: object) -> set[str]:
    if isinstance(value, dict):
        return set(value) | set().union(*(keys_of(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(keys_of(v) for v in value)) if value else set()
    return set()


def test_public_part_holds_no_answer_or_feedback() -> None:
    projection = minimal_projection()
    public = public_part(projection)
    assert not keys_of(public) & {
        "key",
        "correct",
        "feedback",
        "problem",
        "answer",
        "order",
    }
    for text in ("Donnez l'heure", "Étiquette", "Non, pas en général"):
        assert text not in repr(public), text
    assert "Donnez l'heure" in repr(projection["key"])


def test_key_holds_right_answers_and_every_feedback() -> None:
    key = minimal_projection()["key"]
    assert key["qui"] == {
        "correct": ["equipe"],
        "feedback": {"equipe": "Oui.", "famille": "Non, pas en général."},
    }
    assert key["ordre"]["order"] == ["cible", "donnees", "actions"]
    assert key["tri"]["answer"] == {"sol": "fait", "agressif": "jugement"}
    assert key["brouillon"]["problems"] == ["nuit"]
    assert key["histoire"]["nodes"]["debut"]["correct"] == ["refuser"]


def test_ordering_steps_are_never_shown_in_the_right_order() -> None:
    screens = {s["id"]: s for s in minimal_projection()["screens"]}
    shown = [s["id"] for s in screens["ordre"]["activity"]["steps"]]
    assert sorted(shown) == ["actions", "cible", "donnees"]
    assert shown != ["cible", "donnees", "actions"]


def test_display_order_is_stable_and_a_true_shuffle() -> None:
    ids = ["a", "b", "c", "d"]
    assert display_order("m/s", ids) == display_order("m/s", ids)
    assert sorted(display_order("m/s", ids)) == ids
    for seed in range(50):
        assert display_order(f"seed-{seed}", ids) != ids
    assert display_order("x", ["only"]) == ["only"]


def test_version_changes_with_content_only() -> None:
    first, second = minimal_projection(), minimal_projection()
    assert first["version"] == second["version"]
    assert len(first["version"]) == 12


def test_markdown_body_and_french_spacing() -> None:
    screens = minimal_projection()["screens"]
    assert screens[0]["html"] == "<p>Il est <strong>3 h 10</strong>. Une chute.</p>"
    assert screens[1]["title"] == "Qui lit\u202f?"
