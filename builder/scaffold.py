"""``tisseuse new module``: a starting point that already passes the checks."""

from __future__ import annotations

import re
from pathlib import Path

from builder.loader import MODULE_FILE
from builder.model import Catalogue

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

TEMPLATE = """\
# yaml-language-server: $schema=../_schemas/module.schema.json
# A new module. Replace every text, keep the structure, run 'tisseuse check'.
# Authoring guide: see the README, section "Authoring".
title: {title}
summary: >-
  Deux phrases qui disent à qui sert ce module et ce que l'on saura faire.
topic: {topic}
level: {level}
duration_minutes: 6
families: [{family}]
competences: [{competence}]

objectives:
  - id: objectif-1
    text: Un verbe d'action, puis ce que la personne saura faire.

screens:
  - id: situation
    title: Une situation de travail
    body: |
      Commencez par une situation vécue au travail, jamais par un logiciel.

      Une idée par écran. Des phrases courtes.

  - id: question-1
    title: Une première question
    activity:
      type: single_choice
      objectives: [objectif-1]
      prompt: La question, telle que la personne la lit ?
      options:
        - id: bonne
          text: La bonne réponse.
          correct: true
          feedback: >-
            Pourquoi c'est la bonne réponse.
        - id: autre
          text: Une erreur fréquente.
          feedback: >-
            Pourquoi ce n'est pas la bonne réponse, et quoi faire à la place.

  - id: question-2
    title: Plusieurs bonnes réponses
    activity:
      type: multiple_choice
      objectives: [objectif-1]
      prompt: Une question où il faut toucher toutes les bonnes réponses ?
      options:
        - id: juste-1
          text: Une bonne réponse.
          correct: true
          feedback: Pourquoi c'est juste.
        - id: juste-2
          text: Une autre bonne réponse.
          correct: true
          feedback: Pourquoi c'est juste aussi.
        - id: piege
          text: Un piège fréquent.
          feedback: Pourquoi c'est un piège.

  - id: dans-l-ordre
    title: Dans quel ordre ?
    activity:
      type: ordering
      objectives: [objectif-1]
      prompt: Touchez les étapes dans l'ordre.
      steps:                 # written in the right order; shown shuffled
        - id: etape-1
          text: La première étape.
        - id: etape-2
          text: La deuxième étape.
        - id: etape-3
          text: La troisième étape.
      feedback:
        correct: Pourquoi cet ordre.
        incorrect: Ce qui doit venir d'abord, et pourquoi.

  - id: trier
    title: Trier
    activity:
      type: categorise
      objectives: [objectif-1]
      prompt: Pour chaque carte, touchez la bonne catégorie.
      categories:
        - id: oui
          label: Oui
        - id: non
          label: Non
      items:
        - id: carte-1
          text: Une situation où c'est oui.
          category: oui
          feedback: Pourquoi c'est oui.
        - id: carte-2
          text: Une situation où c'est non.
          category: non
          feedback: Pourquoi c'est non.

  - id: a-retenir
    title: À retenir
    body: |
      - Le premier point à retenir.
      - Le deuxième point à retenir.
"""


class ScaffoldError(Exception):
    pass


def scaffold_module(
    catalogue: Catalogue, slug: str, *, title: str | None, level: str
) -> Path:
    if not _SLUG.match(slug):
        raise ScaffoldError(
            f"'{slug}' is not a valid module id: use lowercase letters without "
            "accents, digits and single hyphens, e.g. t2-mots-de-passe"
        )
    folder = catalogue.root / "modules" / slug
    if folder.exists():
        raise ScaffoldError(f"modules/{slug} already exists: choose another id")
    topic = catalogue.meta.topics[0]
    text = TEMPLATE.format(
        title=title or "Titre du module",
        topic=topic.id,
        level=level,
        family=catalogue.families[0].id,
        competence=topic.competence,
    )
    folder.mkdir(parents=True)
    path = folder / MODULE_FILE
    path.write_text(text, encoding="utf-8")
    return path
