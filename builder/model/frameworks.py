"""Reference frameworks our competences are mapped to.

* DigComp 2.2 (European Commission JRC, Vuorikari, Kluzer & Punie, 2022):
  5 areas, 21 competences.
* CléA Numérique (Certif'Pro, 2018): 4 domains.
"""

from __future__ import annotations

from typing import Literal

DIGCOMP_2_2: dict[str, str] = {
    "1.1": "Browsing, searching and filtering data, information and digital content",
    "1.2": "Evaluating data, information and digital content",
    "1.3": "Managing data, information and digital content",
    "2.1": "Interacting through digital technologies",
    "2.2": "Sharing through digital technologies",
    "2.3": "Engaging in citizenship through digital technologies",
    "2.4": "Collaborating through digital technologies",
    "2.5": "Netiquette",
    "2.6": "Managing digital identity",
    "3.1": "Developing digital content",
    "3.2": "Integrating and re-elaborating digital content",
    "3.3": "Copyright and licences",
    "3.4": "Programming",
    "4.1": "Protecting devices",
    "4.2": "Protecting personal data and privacy",
    "4.3": "Protecting health and well-being",
    "4.4": "Protecting the environment",
    "5.1": "Solving technical problems",
    "5.2": "Identifying needs and technological responses",
    "5.3": "Creatively using digital technologies",
    "5.4": "Identifying digital competence gaps",
}

CLEA_NUMERIQUE: dict[str, str] = {
    "D1": "Identifier son environnement et utiliser les outils associés",
    "D2": "Acquérir et exploiter de l'information dans un environnement "
    "professionnel numérisé",
    "D3": "Interagir en mode collaboratif",
    "D4": "Appliquer les règles et bonnes pratiques de la sécurité numérique",
}

DigCompCode = Literal[
    "1.1", "1.2", "1.3",
    "2.1", "2.2", "2.3", "2.4", "2.5", "2.6",
    "3.1", "3.2", "3.3", "3.4",
    "4.1", "4.2", "4.3", "4.4",
    "5.1", "5.2", "5.3", "5.4",
]  # fmt: skip
CleaCode = Literal["D1", "D2", "D3", "D4"]

assert set(DigCompCode.__args__) == set(DIGCOMP_2_2)  # type: ignore[attr-defined]
assert set(CleaCode.__args__) == set(CLEA_NUMERIQUE)  # type: ignore[attr-defined]
