"""Diagnostics: every problem found in the sources, with a place and a code.

A diagnostic prints as ``path:line:col: severity CODE: sentence`` (the format
compilers use, so editors and CI logs can jump to the place). Problems are
collected, never raised one at a time: an author fixes a whole file in one go.

Codes are stable; their meaning is listed in ``CODES`` and in the README.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class ExitCode(IntEnum):
    """Process exit codes of the ``tisseuse`` command (documented in the README)."""

    OK = 0
    CONTENT_ERRORS = 1  # sources have errors (or warnings under --strict)
    USAGE = 2  # wrong command line (click's own code)
    INTERNAL = 70  # a bug in Tisseuse (EX_SOFTWARE)


#: Every diagnostic code, with a one-line title. E1 reading, E2 shape, E3 meaning.
CODES: dict[str, str] = {
    "E101": "file is not valid UTF-8",
    "E102": "YAML syntax error",
    "E103": "duplicate key in a mapping",
    "E104": "file is empty",
    "E105": "unsupported YAML feature",
    "E106": "file cannot be read",
    "E201": "required key missing",
    "E202": "unknown key",
    "E203": "wrong type of value",
    "E204": "value not among the allowed ones",
    "E205": "empty text",
    "E206": "malformed identifier or value",
    "E207": "too few or too many entries",
    "E208": "number out of range",
    "E301": "duplicate identifier",
    "E302": "reference to something that does not exist",
    "E303": "media file missing or outside the module folder",
    "E304": "objective not assessed by any activity",
    "E305": "activity answer key is inconsistent",
    "E306": "scenario graph is broken",
    "E307": "module folder has no module.yaml",
    "E308": "required catalogue file missing",
    "E309": "tappable passage without feedback",
    "E310": "realistic personal identifier in content",
    "E311": "theme colours below WCAG AA contrast",
    "E312": "theme wording override with other placeholders than the original",
    "E313": "theme font unusable (web address, outside the theme, not WOFF/WOFF2, "
    "unused)",
    "E314": "image unreadable, damaged, animated or too large",
    "E315": "SVG refused (script, event attribute, external reference, no size…)",
    "E501": "standards kit (XSD files) not found",
    "E502": "package manifest fails its XML schema",
    "E503": "package manifest or contents inconsistent",
    "E504": "saved state could exceed what the LMS stores",
    "E505": "Open edX course fails olxcleaner's check",
    "E506": "olxcleaner not installed (needed to check the Open edX course)",
    "W401": "file or folder ignored",
    "W402": "source declared but never cited",
    "W403": "answer log line skipped",
    "W404": "too many words on one screen",
    "W405": "sentence too long",
    "W406": "screen hard to read (Kandel–Moles)",
    "W407": "duration inconsistent with the screens",
    "W408": "module outside the micro-module shape",
    "W409": "theme with an SVG logo but no raster icon",
    "W601": "kit: no base URL, handouts without QR codes",
    "W602": "kit: module without a kit block",
}


@dataclass(frozen=True, order=True)
class Location:
    """A place in a source file; ``line`` and ``col`` count from 1."""

    path: Path
    line: int = 1
    col: int = 1

    def display(self) -> str:
        return f"{display_path(self.path)}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Diagnostic:
    location: Location
    severity: Severity
    code: str
    message: str

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unknown diagnostic code {self.code}")

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        loc = self.location
        return (display_path(loc.path), loc.line, loc.col, self.code, self.message)

    def format(self, *, strict: bool = False) -> str:
        severity = Severity.ERROR if strict else self.severity
        return f"{self.location.display()}: {severity} {self.code}: {self.message}"


@dataclass
class Report:
    """An append-only collection of diagnostics, printed sorted."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(self, location: Location, code: str, message: str) -> None:
        self.items.append(Diagnostic(location, Severity.ERROR, code, message))

    def warning(self, location: Location, code: str, message: str) -> None:
        self.items.append(Diagnostic(location, Severity.WARNING, code, message))

    def extend(self, other: Iterable[Diagnostic]) -> None:
        self.items.extend(other)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.sorted())

    def __len__(self) -> int:
        return len(self.items)

    def sorted(self) -> list[Diagnostic]:
        unique = {(d.sort_key, d.severity): d for d in self.items}
        return [unique[key] for key in sorted(unique)]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.sorted() if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.sorted() if d.severity is Severity.WARNING]

    def failed(self, *, strict: bool = False) -> bool:
        return bool(self.errors or (strict and self.warnings))

    def lines(self, *, strict: bool = False) -> list[str]:
        return [d.format(strict=strict) for d in self.sorted()]

    def summary(self, *, strict: bool = False) -> str:
        errors, warnings = len(self.errors), len(self.warnings)
        if strict:
            errors, warnings = errors + warnings, 0
        return f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def display_path(path: Path) -> str:
    """The path as an author types it: relative to the working directory if inside."""
    if not path.is_absolute():
        return path.as_posix()
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:  # outside the working directory: keep it whole
        return path.as_posix()


class BuildError(Exception):
    """A failure the user can act on; carries the diagnostics that explain it."""

    def __init__(self, report: Report, message: str = "") -> None:
        super().__init__(message or report.summary())
        self.report = report
