"""JSON Schemas of the source files, generated from the model.

Editors that speak JSON Schema (VS Code with the YAML extension, JetBrains
IDEs) use them for completion, hover help and red squiggles; each source file
names its schema on its first line (``# yaml-language-server: $schema=...``).
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from builder.model import (
    CatalogFile,
    CompetencesFile,
    FamiliesFile,
    ModuleFile,
    PathsFile,
    PlacementBank,
)

SCHEMAS: dict[str, type[BaseModel]] = {
    "catalog": CatalogFile,
    "competences": CompetencesFile,
    "families": FamiliesFile,
    "paths": PathsFile,
    "module": ModuleFile,
    "placement": PlacementBank,
}


def schema_text(model: type[BaseModel], name: str) -> str:
    schema = model.model_json_schema()
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://tisseuse.invalid/schemas/{name}.schema.json",
        **schema,
    }
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMAS.items():
        path = folder / f"{name}.schema.json"
        path.write_text(schema_text(model, name), encoding="utf-8")
        written.append(path)
    return written
