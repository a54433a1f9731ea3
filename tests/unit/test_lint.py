"""Plain-French measures and the content linter's rules, piece by piece.

The bad-input corpus (content-lint, personal-identifiers) shows the exact
diagnostics an author gets; these tests pin the rules behind them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.lint import MAX_SCREEN_WORDS, MAX_WORDS, estimated_minutes, identifiers
from builder.readability import measure, plain_text, sentences, syllables, words
from tests.conftest import edit, run


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    text = "M. Arnaud est tombé. Voir l'art. L.1110-4 du code. Mme Roux arrive !"
    assert sentences(text) == [
        "M. Arnaud est tombé.",
        "Voir l'art. L.1110-4 du code.",
        "Mme Roux arrive !",
    ]


def test_paragraphs_and_list_items_end_sentences_without_a_full_stop() -> None:
    text = plain_text("Trois gestes :\n\n- annoncer l'écran\n- regarder la personne\n")
    assert sentences(text) == [
        "Trois gestes :",
        "annoncer l'écran",
        "regarder la personne",
    ]


def test_markdown_markup_is_not_counted_as_words() -> None:
    assert words(
        plain_text("Il est **3 h 10**, [voir](https://ex.example) *ici*.")
    ) == [
        "Il",
        "est",
        "3",
        "h",
        "10",
        "voir",
        "ici",
    ]


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("eau", 1),
        ("chute", 1),  # mute final e
        ("personnes", 2),  # mute final -es
        ("hôpital", 3),
        ("infirmière", 3),
        ("l'équipe", 2),  # the elided article is not a syllable of its own
        ("confidentialité", 6),
        ("été", 2),  # a final é is sounded
    ],
)
def test_syllables_are_estimated_from_spelling(word: str, count: int) -> None:
    assert syllables(word) == count


def test_kandel_moles_follows_its_formula() -> None:
    text = "Le chat dort sur le lit. Il fait beau dans la rue ce matin."
    m = measure(text)
    assert (m.words, m.sentences) == (14, 2)
    expected = 207 - 1.015 * (14 / 2) - 73.6 * (m.syllables / 14)
    assert m.kandel_moles == pytest.approx(expected)
    assert m.longest_words == 8


def test_plain_french_reads_easier_than_administrative_french() -> None:
    plain = measure(
        "Vous voyez M. Arnaud par terre. Vous notez l'heure. Vous prévenez "
        "l'infirmière. Vous restez avec lui."
    )
    heavy = measure(
        "La traçabilité informatisée des interventions paramédicales nécessite "
        "impérativement une documentation circonstanciée et contemporaine de "
        "l'événement indésirable, communicable ultérieurement aux autorités."
    )
    assert plain.kandel_moles is not None and heavy.kandel_moles is not None
    assert plain.kandel_moles > 70 > 30 > heavy.kandel_moles


def test_a_text_too_short_gets_no_score() -> None:
    assert measure("Oui.").kandel_moles is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("NIR : 1 52 03 75 116 042 87", [("nir", "1 52 03 75 116 042 87")]),
        ("NIR 2840575116042", [("nir", "2840575116042")]),
        ("né en Corse : 1 84 12 2A 004 123 45", [("nir", "1 84 12 2A 004 123 45")]),
        ("Appelez le 06 71 23 45 67.", [("phone", "06 71 23 45 67")]),
        ("Tél. 04.72.11.22.33", [("phone", "04.72.11.22.33")]),
        ("au +33 6 71 23 45 67", [("phone", "+33 6 71 23 45 67")]),
        ("claire.roux@orange.fr", [("email", "claire.roux@orange.fr")]),
        (
            "secretariat@ch-exemple.mssante.fr",
            [("email", "secretariat@ch-exemple.mssante.fr")],
        ),
    ],
)
def test_realistic_identifiers_are_found(
    text: str, found: list[tuple[str, str]]
) -> None:
    assert list(identifiers(text)) == found


@pytest.mark.parametrize(
    "text",
    [
        "accueil@ehpad.example, a.b@exemple.test, x@example.org, y@soin.example.com",
        "NIR : 1 XX XX XX XXX XXX XX, tél. 06 XX XX XX XX",
        "Le 12/03/2024 à 3 h 10, 1 500 000 personnes, chambre 12, 15 minutes.",
        "Le mot de passe 2024Printemps!",
        "Appelez le 01 99 00 12 34.",  # a block reserved for fiction
        "Code 12345678 du dossier",  # too short for a NIR, not a phone number
    ],
)
def test_fictitious_forms_and_ordinary_numbers_pass(text: str) -> None:
    assert list(identifiers(text)) == []


def test_duration_estimate_counts_reading_and_activities() -> None:
    assert estimated_minutes(240, 4) == pytest.approx(240 / 120 + 4 * 0.75)


def test_answers_count_towards_the_screen_not_its_own_text(minimal: Path) -> None:
    module = minimal / "modules" / "demo" / "module.yaml"
    extra = "".join(
        f"        - id: extra{n}\n          text: {' '.join(['mot'] * 48)}\n"
        "          feedback: Non.\n"
        for n in range(4)
    )
    edit(
        module,
        "          feedback: Non, pas en général.\n",
        "          feedback: Non, pas en général.\n" + extra,
    )
    result = run(["check"], minimal)
    assert result.exit_code == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if "W404" in line]
    assert len(lines) == 1
    assert "'qui' asks for" in lines[0]
    assert f"aim for {MAX_SCREEN_WORDS} at most" in lines[0]
    assert f"aim for {MAX_WORDS}" not in lines[0]


def test_a_spot_the_problem_document_is_not_judged_as_prose(minimal: Path) -> None:
    """A realistic transmission may be badly written on purpose: no W405/W406."""
    module = minimal / "modules" / "demo" / "module.yaml"
    text = module.read_text(encoding="utf-8")
    assert "type: spot_the_problem" in text
    long_segment = " ".join(["transmission"] * 40)
    edit(
        module,
        "      segments:\n",
        f"      segments:\n        - text: {long_segment}\n",
    )
    result = run(["check"], minimal)
    assert result.exit_code == 0, result.stderr
    assert "W405" not in result.stderr
    assert "W406" not in result.stderr


def test_a_closing_quote_after_the_full_stop_stays_with_its_sentence() -> None:
    text = "Il dit : « Une toux à 2 h et à 4 h. » Puis il rassure M. Girard."
    assert sentences(text) == [
        "Il dit : « Une toux à 2 h et à 4 h. »",
        "Puis il rassure M. Girard.",
    ]


def test_scenarios_must_serve_three_families_the_topic_matters_to(
    catalogue_copy: Path,
) -> None:
    # Make t1 matter nothing to enseignement-formation: it no longer counts.
    edit(
        catalogue_copy / "modules" / "families.yaml",
        "priorities: {t4: 2, t2: 2, t1: 1, t3: 1}",
        "priorities: {t4: 2, t2: 2, t3: 1}",
    )
    module = catalogue_copy / "modules" / "t1-transmissions-ciblees" / "module.yaml"
    edit(
        module,
        "families: [soin, services-generaux, educatif-social, medico-technique]\n",
        "families: [soin, medical, enseignement-formation]\n",
    )
    result = run(["check"], catalogue_copy)
    assert result.exit_code == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if "W408" in line]
    assert len(lines) == 1
    assert lines[0].startswith("modules/t1-transmissions-ciblees/module.yaml:10:")
    assert (
        "written for 2 of the job families this topic matters to (aim for 3)"
        in lines[0]
    )
    assert "educatif-social" in lines[0]
    assert "enseignement-formation" not in lines[0]


def test_the_kit_memo_is_a_learner_handout_and_is_linted(minimal: Path) -> None:
    """The référent's parts of the kit are not judged as learner prose; the memo is."""
    module = minimal / "modules" / "demo" / "module.yaml"
    long = " ".join(["mot"] * 30) + "."
    text = module.read_text(encoding="utf-8")
    module.write_text(
        text
        + "kit:\n"
        + "  opening:\n    situation: Une nuit.\n    question: Et vous ?\n"
        + f"  discussion:\n    - {long}\n    - Une autre question ?\n"
        + f"  memo:\n    rules:\n      - {long}\n      - Une règle courte.\n"
        + "    checklist:\n      - Un point.\n      - Un autre point.\n",
        encoding="utf-8",
    )
    result = run(["check"], minimal)
    assert result.exit_code == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if "W405" in line]
    assert len(lines) == 1, result.stderr
    assert "a sentence of 30 words" in lines[0]
    lineno = int(lines[0].split(":")[1])
    assert (
        module.read_text(encoding="utf-8")
        .splitlines()[lineno - 1]
        .strip()
        .startswith("- mot")
    )
    assert "memo" in module.read_text(encoding="utf-8").splitlines()[lineno - 3]
