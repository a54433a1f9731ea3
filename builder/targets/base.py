"""What every target is given and must provide."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar, Protocol

from builder.diagnostics import Report
from builder.images import ImagePipeline
from builder.messages import DEFAULT_UI_LANG
from builder.model import Catalogue
from builder.themes import Theme


@dataclass(frozen=True)
class BuildContext:
    """Everything a target needs besides the catalogue."""

    out: Path
    """This target's own output folder (a staging folder, swapped in on success)."""
    theme: Theme
    ui_lang: str = DEFAULT_UI_LANG
    """Language of the interface (``--lang``): buttons, labels, the kit's
    instructions. The content keeps its own language (catalog.yaml, a module's
    ``lang``)."""
    base_url: str | None = None
    """Where the web version is published (``--base-url``), for links and QR codes."""
    report: Report = field(default_factory=Report)
    """Targets add problems here; any error aborts the build and writes nothing."""
    images: ImagePipeline = field(default_factory=ImagePipeline)
    """Processed images, shared by every target of a build (cached on disk)."""


class Target(Protocol):
    name: ClassVar[str]
    """CLI name and output subfolder."""
    description: ClassVar[str]

    def build(self, catalogue: Catalogue, ctx: BuildContext) -> list[Path]:
        """Write the target's files under ``ctx.out``; return them."""
        ...


def missing_requirements(target: type[Target]) -> str | None:
    """Why ``target`` cannot run with what is installed, or None.

    A target that needs an optional extra defines a static ``missing()``
    returning a one-line reason with the pip command to run.
    """
    check = getattr(target, "missing", None)
    return check() if callable(check) else None


def write_text(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
    return path


def write_bytes(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
