"""``tisseuse list``: a summary of the catalogue, as data and as text."""

from __future__ import annotations

from typing import Any

from builder.model import Catalogue


def summarise(catalogue: Catalogue) -> dict[str, Any]:
    """Modules, paths and placement item counts, in a stable JSON-ready shape."""
    return {
        "catalogue": {
            "title": catalogue.meta.title,
            "languages": list(catalogue.meta.languages),
            "default_theme": catalogue.meta.default_theme,
        },
        "modules": [
            {
                "id": m.id,
                "title": m.title,
                "topic": m.topic,
                "level": m.level,
                "families": list(m.families),
                "competences": list(m.competences),
                "duration_minutes": m.duration_minutes,
                "screens": len(m.screens),
                "activities": len(m.activities),
                "mastery_score": m.mastery_score,
                "review": list(m.review),
            }
            for m in catalogue.modules
        ],
        "paths": [
            {
                "id": p.id,
                "family": p.family,
                "title": p.title,
                "modules": list(p.modules),
                "duration_minutes": catalogue.path_minutes(p),
                "placement": list(p.placement),
            }
            for p in catalogue.paths
        ],
        "placement": {
            c.id: sum(
                1
                for bank in catalogue.placement
                if bank.competence == c.id
                for item in bank.items
                if item.status == "active"
            )
            for c in catalogue.competences
        },
    }


def summary_text(data: dict[str, Any]) -> str:
    lines = [data["catalogue"]["title"], "", f"Modules ({len(data['modules'])}):"]
    for m in data["modules"]:
        minutes = f"{m['duration_minutes']:>3} min"
        lines.append(
            f"  {m['id']:<32} {m['topic']:<4} {m['level']:<9} {minutes}"
            f"  {m['activities']} activities  {', '.join(m['families'])}"
        )
    lines += ["", f"Paths ({len(data['paths'])}):"]
    for p in data["paths"]:
        lines.append(
            f"  {p['id']:<24} {len(p['modules'])} modules, {p['duration_minutes']} min"
        )
    lines += ["", "Placement items (active) per competence:"]
    for competence, count in data["placement"].items():
        lines.append(f"  {competence:<24} {count}")
    return "\n".join(lines)
