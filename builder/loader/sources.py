"""Read one source file: bytes -> text -> positioned YAML -> validated model."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from builder.diagnostics import Location, Report
from builder.loader.validate import report_validation_errors
from builder.yamlpos import SourceDoc, parse_yaml

_BOM = "\ufeff"


@dataclass(frozen=True)
class Loaded[M: BaseModel]:
    """A validated model and the parsed document it came from (for locations)."""

    model: M
    doc: SourceDoc


def read_text(path: Path, report: Report) -> str | None:
    """The file as text, or None after reporting why it cannot be read."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        report.error(Location(path), "E106", f"cannot read this file ({exc.strerror})")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _position_of_byte(raw, exc.start)
        report.error(
            Location(path, line, col),
            "E101",
            f"byte 0x{raw[exc.start]:02X} is not valid UTF-8 (the file was probably "
            "saved as Latin-1 or Windows-1252): save it again as UTF-8 in your editor",
        )
        return None
    return text.removeprefix(_BOM)


def _position_of_byte(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    line = raw.count(b"\n", 0, offset) + 1
    col = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, col


def load_model[M: BaseModel](
    path: Path,
    model: type[M],
    report: Report,
) -> Loaded[M] | None:
    """Read, parse and validate ``path`` as ``model``; None if anything is wrong."""
    text = read_text(path, report)
    if text is None:
        return None
    doc = parse_yaml(path, text, report)
    if doc is None:
        return None
    if not isinstance(doc.data, dict):
        report.error(
            doc.at(),
            "E203",
            "this file must hold a mapping of 'key: value' lines at its top level",
        )
        return None
    try:
        return Loaded(model.model_validate(doc.data), doc)
    except ValidationError as exc:
        report_validation_errors(exc, model, doc, report)
        return None
