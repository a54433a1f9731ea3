"""The targets registry: one module per output format, one line per target here."""

from __future__ import annotations

from builder.targets.base import BuildContext, Target
from builder.targets.kit import KitTarget
from builder.targets.openedx import OpenEdxTarget
from builder.targets.scorm12 import Scorm12Target
from builder.targets.scorm2004 import Scorm2004Target
from builder.targets.web import WebTarget

TARGETS: dict[str, type[Target]] = {
    target.name: target
    for target in (
        WebTarget,
        Scorm12Target,
        Scorm2004Target,
        KitTarget,
        OpenEdxTarget,
    )
}

__all__ = ["TARGETS", "BuildContext", "Target"]
