"""RGAA 4.1 criteria, and which of them the automatic audit exercises.

The summaries are ours (short, in French like the report that shows them);
the official wording is in the RGAA 4.1 reference published by DINUM:
https://accessibilite.numerique.gouv.fr/methode/criteres-et-tests/

An automatic check can prove a failure, never full conformity: a criterion
with no failure found still needs a person to judge relevance (an ``alt``
exists, but does it describe the image?). The report says so.
"""

from __future__ import annotations

from dataclasses import dataclass

THEMES: dict[int, str] = {
    1: "Images",
    2: "Cadres",
    3: "Couleurs",
    4: "Multimédia",
    5: "Tableaux",
    6: "Liens",
    7: "Scripts",
    8: "Éléments obligatoires",
    9: "Structuration de l'information",
    10: "Présentation de l'information",
    11: "Formulaires",
    12: "Navigation",
    13: "Consultation",
}

CRITERIA: dict[str, str] = {
    "1.1": "Les images porteuses d'information ont une alternative textuelle",
    "1.2": "Les images décoratives sont ignorées par les aides techniques",
    "1.3": "Les alternatives des images porteuses d'information sont pertinentes",
    "1.4": "Images CAPTCHA ou de test : l'alternative dit leur nature et leur fonction",
    "1.5": "CAPTCHA : un autre moyen d'accéder au contenu ou à la fonction existe",
    "1.6": "Les images porteuses d'information ont si besoin une description détaillée",
    "1.7": "Les descriptions détaillées sont pertinentes",
    "1.8": "Les images texte sont remplacées par du texte mis en forme si possible",
    "1.9": "Les légendes d'images sont reliées à leur image",
    "2.1": "Chaque cadre a un titre",
    "2.2": "Les titres de cadres sont pertinents",
    "3.1": "L'information n'est pas donnée par la couleur seule",
    "3.2": "Le texte est assez contrasté avec son arrière-plan",
    "3.3": "Les composants d'interface et graphiques porteurs d'information sont assez contrastés",
    "4.1": "Les médias préenregistrés ont si besoin une transcription ou une audiodescription",
    "4.2": "Ces transcriptions et audiodescriptions sont pertinentes",
    "4.3": "Les médias synchronisés préenregistrés ont si besoin des sous-titres",
    "4.4": "Les sous-titres sont pertinents",
    "4.5": "Les médias préenregistrés ont si besoin une audiodescription",
    "4.6": "Les audiodescriptions sont pertinentes",
    "4.7": "Chaque média temporel est clairement identifié",
    "4.8": "Les médias non temporels ont si besoin une alternative",
    "4.9": "Cette alternative est pertinente",
    "4.10": "Le son joué automatiquement peut être contrôlé",
    "4.11": "La lecture des médias se contrôle au clavier et au pointeur",
    "4.12": "Les médias non temporels se contrôlent au clavier et au pointeur",
    "4.13": "Les médias sont compatibles avec les aides techniques",
    "5.1": "Les tableaux de données complexes ont un résumé",
    "5.2": "Les résumés de tableaux sont pertinents",
    "5.3": "Les tableaux de mise en forme se lisent dans un ordre logique une fois linéarisés",
    "5.4": "Le titre d'un tableau de données lui est associé",
    "5.5": "Les titres de tableaux de données sont pertinents",
    "5.6": "Les cellules d'en-tête sont déclarées comme telles",
    "5.7": "Les cellules de données sont reliées à leurs en-têtes",
    "5.8": "Les tableaux de mise en forme n'utilisent pas le balisage des tableaux de données",
    "6.1": "Chaque lien est explicite",
    "6.2": "Chaque lien a un intitulé",
    "7.1": "Les scripts sont compatibles avec les aides techniques",
    "7.2": "Les alternatives aux scripts sont pertinentes",
    "7.3": "Les scripts se contrôlent au clavier et avec tout dispositif de pointage",
    "7.4": "Les changements de contexte sont annoncés ou contrôlés par l'utilisateur",
    "7.5": "Les messages de statut sont restitués par les aides techniques",
    "8.1": "Chaque page a un type de document",
    "8.2": "Le code source est valide pour son type de document",
    "8.3": "La langue par défaut est indiquée",
    "8.4": "La langue par défaut est la bonne",
    "8.5": "Chaque page a un titre",
    "8.6": "Les titres de pages sont pertinents",
    "8.7": "Chaque changement de langue est indiqué",
    "8.8": "Les codes de langue de ces changements sont valides et justes",
    "8.9": "Les balises ne servent pas uniquement à la présentation",
    "8.10": "Les changements de sens de lecture sont indiqués",
    "9.1": "L'information est structurée par des titres",
    "9.2": "La structure du document est cohérente (en-tête, navigation, contenu, pied de page)",
    "9.3": "Les listes sont balisées comme des listes",
    "9.4": "Les citations sont balisées comme des citations",
    "10.1": "La présentation passe par des feuilles de styles",
    "10.2": "Le contenu visible reste présent sans feuilles de styles",
    "10.3": "L'information reste compréhensible sans feuilles de styles",
    "10.4": "Le texte reste lisible quand sa taille passe à 200 %",
    "10.5": "Les couleurs de texte et de fond sont déclarées ensemble",
    "10.6": "Les liens dans le texte se distinguent du texte",
    "10.7": "La prise de focus clavier est visible sur chaque élément",
    "10.8": "Les contenus cachés exprès sont ignorés par les aides techniques",
    "10.9": "L'information n'est pas donnée par la forme, la taille ou la position seules",
    "10.10": "L'information donnée par la forme, la taille ou la position l'est aussi autrement",
    "10.11": "Le contenu se lit sans défilement dans deux sens à 320 px de large (256 px de haut)",
    "10.12": "L'espacement du texte peut être augmenté sans perte de contenu",
    "10.13": "Les contenus affichés au survol ou au focus peuvent être masqués et survolés",
    "10.14": "Les contenus révélés par CSS sont atteignables au clavier et au pointeur",
    "11.1": "Chaque champ de formulaire a une étiquette",
    "11.2": "Les étiquettes sont pertinentes",
    "11.3": "Les champs de même fonction ont des étiquettes cohérentes",
    "11.4": "Chaque étiquette est accolée à son champ",
    "11.5": "Les champs de même nature sont regroupés",
    "11.6": "Chaque regroupement de champs a une légende",
    "11.7": "Les légendes de regroupements sont pertinentes",
    "11.8": "Les choix liés d'une liste de sélection sont regroupés",
    "11.9": "Les intitulés de boutons sont pertinents",
    "11.10": "Les contrôles de saisie (champs obligatoires, erreurs) sont pertinents",
    "11.11": "Les erreurs de saisie sont accompagnées d'exemples du format attendu",
    "11.12": "Les données juridiques, financières ou personnelles peuvent être vérifiées avant envoi",
    "11.13": "La finalité des champs sur l'utilisateur peut être identifiée",
    "12.1": "Chaque ensemble de pages a au moins deux systèmes de navigation",
    "12.2": "Menus et barres de navigation restent cohérents d'une page à l'autre",
    "12.3": "Le plan du site est pertinent",
    "12.4": "Le plan du site est atteignable de la même façon depuis chaque page",
    "12.5": "Le moteur de recherche est atteignable de la même façon depuis chaque page",
    "12.6": "Les zones répétées d'une page à l'autre peuvent être atteintes ou évitées",
    "12.7": "Un lien d'évitement ou d'accès rapide au contenu principal existe",
    "12.8": "L'ordre de tabulation est cohérent",
    "12.9": "La navigation ne contient aucun piège au clavier",
    "12.10": "Les raccourcis d'une seule touche peuvent être désactivés ou modifiés",
    "12.11": "Les contenus qui apparaissent au survol, au focus ou à l'activation sont atteignables au clavier",
    "13.1": "L'utilisateur contrôle chaque limite de temps",
    "13.2": "Aucune nouvelle fenêtre ne s'ouvre sans action de l'utilisateur",
    "13.3": "Les documents bureautiques en téléchargement ont une version accessible",
    "13.4": "Cette version accessible donne la même information",
    "13.5": "Les contenus cryptiques ont une alternative",
    "13.6": "Cette alternative est pertinente",
    "13.7": "Les flashs et changements brusques de luminosité sont utilisés correctement",
    "13.8": "Les contenus en mouvement ou clignotants peuvent être contrôlés",
    "13.9": "Le contenu se consulte quelle que soit l'orientation de l'écran",
    "13.10": "Les gestes complexes ont une alternative simple",
    "13.11": "Les actions au pointeur peuvent être annulées",
    "13.12": "Les fonctions déclenchées par un mouvement de l'appareil ont une alternative",
}


@dataclass(frozen=True)
class Check:
    """One of our own measurements (axe-core rules come from axe itself)."""

    id: str
    title: str
    criteria: tuple[str, ...]
    impact: str
    """Impact of a failure, on axe-core's scale: a serious one fails the audit."""


OWN_CHECKS: dict[str, Check] = {
    c.id: c
    for c in (
        Check("doctype", "La page déclare <!doctype html>", ("8.1",), "serious"),
        Check(
            "keyboard-reach",
            "Chaque commande est atteinte avec la touche Tab",
            ("7.3", "12.8"),
            "critical",
        ),
        Check(
            "keyboard-trap",
            "La touche Tab ne reste jamais bloquée sur une commande",
            ("12.9",),
            "critical",
        ),
        Check(
            "focus-visible",
            "Chaque commande change d'aspect quand elle a le focus clavier",
            ("10.7",),
            "serious",
        ),
        Check(
            "reflow-320",
            "Pas de défilement horizontal à 320 px CSS de large",
            ("10.11",),
            "serious",
        ),
        Check(
            "text-200",
            "Le texte passe à 200 % sans défilement horizontal ni texte coupé",
            ("10.4",),
            "serious",
        ),
        Check(
            "text-spacing",
            "Un espacement plus grand des lignes, lettres et mots ne coupe aucun texte",
            ("10.12",),
            "serious",
        ),
        Check(
            "orientation",
            "Sur tablette, en portrait comme en paysage, tout tient dans la largeur",
            ("13.9",),
            "serious",
        ),
        Check(
            "local-only",
            "Aucune requête vers un autre site (vie privée, tablettes hors ligne)",
            (),
            "critical",
        ),
        Check(
            "target-size-44",
            "Les zones à toucher font au moins 44 × 44 px CSS (WCAG 2.5.5, tablettes)",
            (),
            "serious",
        ),
    )
}

#: axe-core rule id -> RGAA 4.1 criteria it gives evidence for. Rules not
#: listed still run and count; the report shows them under "other WCAG rules".
AXE_RULES: dict[str, tuple[str, ...]] = {
    "image-alt": ("1.1",),
    "input-image-alt": ("1.1",),
    "area-alt": ("1.1",),
    "role-img-alt": ("1.1",),
    "svg-img-alt": ("1.1",),
    "object-alt": ("1.1",),
    "presentation-role-conflict": ("1.2",),
    "frame-title": ("2.1",),
    "frame-title-unique": ("2.2",),
    "color-contrast": ("3.2",),
    "td-headers-attr": ("5.7",),
    "th-has-data-cells": ("5.6",),
    "link-name": ("6.2",),
    "aria-allowed-attr": ("7.1",),
    "aria-allowed-role": ("7.1",),
    "aria-command-name": ("7.1",),
    "aria-conditional-attr": ("7.1",),
    "aria-deprecated-role": ("7.1",),
    "aria-dialog-name": ("7.1",),
    "aria-input-field-name": ("7.1", "11.1"),
    "aria-meter-name": ("7.1",),
    "aria-progressbar-name": ("7.1",),
    "aria-prohibited-attr": ("7.1",),
    "aria-required-attr": ("7.1",),
    "aria-required-children": ("7.1",),
    "aria-required-parent": ("7.1",),
    "aria-roles": ("7.1",),
    "aria-toggle-field-name": ("7.1",),
    "aria-tooltip-name": ("7.1",),
    "aria-valid-attr": ("7.1",),
    "aria-valid-attr-value": ("7.1",),
    "nested-interactive": ("7.1",),
    "scrollable-region-focusable": ("7.3",),
    "duplicate-id-aria": ("8.2",),
    "html-has-lang": ("8.3",),
    "html-lang-valid": ("8.4",),
    "html-xml-lang-mismatch": ("8.4",),
    "document-title": ("8.5",),
    "valid-lang": ("8.8",),
    "empty-heading": ("9.1",),
    "heading-order": ("9.1",),
    "page-has-heading-one": ("9.1",),
    "landmark-one-main": ("9.2",),
    "landmark-no-duplicate-main": ("9.2",),
    "landmark-banner-is-top-level": ("9.2",),
    "landmark-contentinfo-is-top-level": ("9.2",),
    "landmark-main-is-top-level": ("9.2",),
    "landmark-unique": ("9.2",),
    "list": ("9.3",),
    "listitem": ("9.3",),
    "definition-list": ("9.3",),
    "dlitem": ("9.3",),
    "meta-viewport": ("10.4",),
    "link-in-text-block": ("10.6",),
    "aria-hidden-focus": ("10.8",),
    "label": ("11.1",),
    "select-name": ("11.1",),
    "form-field-multiple-labels": ("11.1",),
    "button-name": ("11.9",),
    "input-button-name": ("11.9",),
    "autocomplete-valid": ("11.13",),
    "region": ("12.6",),
    "bypass": ("12.7",),
    "skip-link": ("12.7",),
    "tabindex": ("12.8",),
    "meta-refresh": ("13.1",),
    "blink": ("13.8",),
    "marquee": ("13.8",),
    "css-orientation-lock": ("13.9",),
}

#: Themes whose criteria only apply when such elements exist (page inventory).
APPLIES_IF: dict[int, str] = {2: "frames", 4: "media", 5: "tables"}

FAILING_IMPACTS = frozenset({"serious", "critical"})


def criteria_checked() -> dict[str, list[str]]:
    """Criterion -> the checks (``axe:<rule>`` or our own ids) that exercise it."""
    checked: dict[str, list[str]] = {}
    for rule, criteria in AXE_RULES.items():
        for criterion in criteria:
            checked.setdefault(criterion, []).append(f"axe:{rule}")
    for check in OWN_CHECKS.values():
        for criterion in check.criteria:
            checked.setdefault(criterion, []).append(check.id)
    return checked


def theme_of(criterion: str) -> int:
    return int(criterion.split(".")[0])
