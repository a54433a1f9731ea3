"""Turn pydantic validation errors into diagnostics an author can act on.

Pydantic reports *where* in the data (``loc``) and *what* (``type``). We map
``loc`` to a line and column through the positions recorded while parsing, and
rewrite the message for a course author: what is wrong, and what to do. The
model's JSON Schema supplies field descriptions and the list of allowed keys.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import cache
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from builder.diagnostics import Location, Report
from builder.yamlpos import KeyPath, SourceDoc

Schema = dict[str, Any]


def report_validation_errors(
    exc: ValidationError, model: type[BaseModel], doc: SourceDoc, report: Report
) -> None:
    schema = _schema(model)
    for error in _without_echoes(exc.errors(include_url=False)):
        data_path = _data_path(doc.data, error["loc"])
        code, message = _describe(error, data_path, schema, doc.data)
        report.error(_locate(error, data_path, doc), code, message)


def _without_echoes(errors: list[ErrorDetails]) -> list[ErrorDetails]:
    """Drop errors that only repeat another one, so each mistake is told once.

    * A list whose entry is invalid is also "too short" (pydantic counts only
      the valid entries): keep the entry's error.
    * A misspelled key is both "unknown" and, under its right name, "missing":
      keep the "unknown key, did you mean" one.
    """
    locs = [tuple(e["loc"]) for e in errors]
    typos = {
        (tuple(e["loc"][:-1]), str(e["loc"][-1]))
        for e in errors
        if e["type"] == "extra_forbidden"
    }

    def echo(error: ErrorDetails) -> bool:
        loc = tuple(error["loc"])
        if error["type"] in ("too_short", "too_long"):
            return any(
                len(other) > len(loc) and other[: len(loc)] == loc for other in locs
            )
        if error["type"] == "missing":
            parent, name = loc[:-1], str(loc[-1])
            return any(
                p == parent and difflib.SequenceMatcher(None, name, key).ratio() >= 0.75
                for p, key in typos
            )
        return False

    return [e for e in errors if not echo(e)]


@cache
def _schema(model: type[BaseModel]) -> Schema:
    return model.model_json_schema()


def _data_path(data: Any, loc: tuple[int | str, ...]) -> KeyPath:
    """Keep the parts of ``loc`` that exist in the data (drop union tags)."""
    path: list[str | int] = []
    current = data
    for part in loc:
        if isinstance(current, dict) and part in current:
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int):
            current = current[part] if 0 <= part < len(current) else None
        elif isinstance(current, dict | list):
            if isinstance(part, str) and part not in _union_tags(current):
                path.append(part)  # a missing key: keep it for the message
            continue
        else:
            continue
        path.append(part)
    return tuple(path)


def _union_tags(value: Any) -> set[str]:
    if isinstance(value, dict) and isinstance(value.get("type"), str):
        return {value["type"]}
    return set()


def _locate(error: ErrorDetails, path: KeyPath, doc: SourceDoc) -> Location:
    if error["type"] == "missing":
        return doc.at(*path[:-1])
    if error["type"] == "extra_forbidden":
        return doc.at(*path, key=True)
    return doc.at(*path)


def _field_name(path: KeyPath) -> str:
    names = [p for p in path if isinstance(p, str)]
    return names[-1] if names else "this file"


def _describe(
    error: ErrorDetails, path: KeyPath, root: Schema, data: Any
) -> tuple[str, str]:
    kind, ctx, value = error["type"], error.get("ctx", {}), error.get("input")
    name = _field_name(path)
    if kind == "missing":
        return "E201", _missing(name, path, root, data)
    if kind == "extra_forbidden":
        return "E202", _unknown_key(name, path, root, data)
    if kind == "union_tag_not_found":
        listing = ", ".join(_tag_list(path, root, data))
        return "E201", f"the key 'type' is missing in '{name}': add it ({listing})"
    if kind == "union_tag_invalid":
        tags = _tag_list(path, root, data)
        return "E204", _not_allowed(str(ctx.get("tag")), "type", tags)
    if kind in _TYPE_WORDS:
        return "E203", _wrong_type(name, kind, value)
    if kind == "literal_error":
        return "E204", _not_allowed(value, name, _literal_choices(ctx))
    if kind == "string_too_short":
        return "E205", f"'{name}' is empty: write the text, or remove the key"
    if kind == "string_pattern_mismatch":
        return "E206", _bad_pattern(name, value, str(ctx.get("pattern", "")))
    if kind == "string_too_long":
        return (
            "E206",
            f"'{name}' is too long: keep it under {ctx['max_length']} characters",
        )
    if kind in ("too_short", "too_long"):
        return "E207", _count(name, kind, ctx)
    if kind in _RANGE_WORDS:
        bound = next(iter(ctx.values()))
        return "E208", f"'{name}' must be {_RANGE_WORDS[kind]} {bound} (found {value})"
    return "E206", f"'{name}': {error['msg']}"


def _missing(name: str, path: KeyPath, root: Schema, data: Any) -> str:
    parent = path[:-1]
    if not parent:
        where = "at the top of the file"
    elif isinstance(parent[-1], int):
        where = f"in this entry of '{_field_name(parent)}'"
    else:
        where = f"in '{parent[-1]}'"
    text = f"the required key '{name}' is missing {where}: add it"
    description = _description(path, root, data)
    return f"{text} ({description})" if description else text


def _unknown_key(name: str, path: KeyPath, root: Schema, data: Any) -> str:
    allowed = sorted(_properties(path[:-1], root, data))
    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    if close:
        return f"unknown key '{name}': did you mean '{close[0]}'?"
    listing = ", ".join(allowed)
    return f"unknown key '{name}': remove it, or use a key allowed here ({listing})"


_TYPE_WORDS = {
    "string_type": "text",
    "int_type": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "tuple_type": "a list (lines starting with '- ')",
    "list_type": "a list (lines starting with '- ')",
    "dict_type": "a mapping of 'key: value' lines",
    "model_type": "a mapping of 'key: value' lines",
    "model_attributes_type": "a mapping of 'key: value' lines",
}

_RANGE_WORDS = {
    "greater_than": "greater than",
    "greater_than_equal": "at least",
    "less_than": "less than",
    "less_than_equal": "at most",
}


def _wrong_type(name: str, kind: str, value: Any) -> str:
    expected = _TYPE_WORDS[kind]
    if value is None:
        return f"'{name}' has no value: write {expected} after the colon"
    text = f"'{name}' must be {expected}, not {_show(value)}"
    if kind == "string_type" and isinstance(value, bool | int | float):
        return f"{text}: put it in quotes to keep it as text"
    if kind in ("int_type", "float_type") and isinstance(value, str):
        return f"{text}: write digits only, without quotes"
    return text


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text '{value}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return repr(value)


def _not_allowed(value: Any, name: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(str(value), choices, n=1, cutoff=0.5)
    hint = f"did you mean '{close[0]}'? " if close else ""
    allowed = ", ".join(choices)
    return f"{_show(value)} is not allowed for '{name}': {hint}use one of {allowed}"


def _literal_choices(ctx: dict[str, Any]) -> list[str]:
    return re.findall(r"'([^']*)'", str(ctx.get("expected", "")))


def _bad_pattern(name: str, value: Any, pattern: str) -> str:
    if pattern.startswith("^[a-z0-9]+"):
        suggestion = slugify(str(value))
        hint = f", e.g. '{suggestion}'" if suggestion else ""
        return (
            f"'{value}' is not a valid id for '{name}': use lowercase letters "
            f"without accents, digits and single hyphens{hint}"
        )
    if pattern.startswith("^https?"):
        return (
            f"'{name}' must be a web address starting with https:// (found '{value}')"
        )
    if pattern.startswith("^#"):
        return (
            f"'{name}' must be a colour written #RRGGBB, e.g. '#1f4e79', not '{value}'"
        )
    if pattern.startswith("^[A-Za-z0-9 "):
        return (
            f"'{name}' may hold font names, quotes, commas, spaces and hyphens only, "
            f"e.g. '\"Atkinson Hyperlegible\", Arial, sans-serif' (found '{value}')"
        )
    if pattern.startswith("^[a-z]{2}"):
        return (
            f"'{name}' must be a language code such as 'fr' or 'fr-FR', not '{value}'"
        )
    return (
        f"'{value}' is not a valid path for '{name}': write it inside the module "
        "folder, with '/' between folders and no spaces, e.g. 'media/poste.svg'"
    )


def _count(name: str, kind: str, ctx: dict[str, Any]) -> str:
    actual = ctx.get("actual_length")
    if kind == "too_short":
        return f"'{name}' needs at least {_entries(ctx['min_length'])} (found {actual})"
    return f"'{name}' holds at most {_entries(ctx['max_length'])} (found {actual})"


def _entries(count: int) -> str:
    return f"{count} {'entry' if count == 1 else 'entries'}"


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:64]


# --- walking the JSON Schema alongside the data path -------------------------


def _resolve(schema: Schema, root: Schema, data: Any = None) -> Schema:
    """Follow references, optional wrappers and (given the data) union tags."""
    while True:
        if "$ref" in schema:
            schema = root["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
        elif "anyOf" in schema:
            options = [s for s in schema["anyOf"] if s.get("type") != "null"]
            if len(options) != 1:
                return schema
            schema = options[0]
        elif "discriminator" in schema and isinstance(data, dict):
            mapping = schema["discriminator"].get("mapping", {})
            if data.get("type") not in mapping:
                return schema
            schema = {"$ref": mapping[data["type"]]}
        else:
            return schema


def _walk(path: KeyPath, root: Schema, data: Any) -> tuple[Schema, Any] | None:
    """The (unresolved) schema of the value at ``path``, and that value."""
    schema: Schema = root
    for part in path:
        resolved = _resolve(schema, root, data)
        if isinstance(part, int):
            if "items" not in resolved:
                return None
            schema = resolved["items"]
        elif part in resolved.get("properties", {}):
            schema = resolved["properties"][part]
        elif isinstance(resolved.get("additionalProperties"), dict):
            schema = resolved["additionalProperties"]
        else:
            return None
        data = _child(data, part)
    return schema, data


def _child(data: Any, part: str | int) -> Any:
    if isinstance(data, dict):
        return data.get(part)
    if isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
        return data[part]
    return None


def _description(path: KeyPath, root: Schema, data: Any) -> str:
    found = _walk(path, root, data)
    return str(found[0].get("description", "")).rstrip(".") if found else ""


def _properties(path: KeyPath, root: Schema, data: Any) -> set[str]:
    found = _walk(path, root, data)
    if found is None:
        return set()
    return set(_resolve(found[0], root, found[1]).get("properties", {}))


def _tag_list(path: KeyPath, root: Schema, data: Any) -> list[str]:
    found = _walk(path, root, data)
    if found is None:
        return []
    resolved = _resolve(found[0], root)  # no data: stop at the union itself
    return sorted(resolved.get("discriminator", {}).get("mapping", {}))
