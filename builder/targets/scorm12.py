"""Target ``scorm12``: SCORM 1.2 packages, one per module and one per path.

Each package is one SCO that keeps its state in ``cmi.suspend_data`` (checked
at build time against the 4096-character limit) and reports status, score,
interactions and session time in the formats Moodle enforces.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from builder.model import Catalogue
from builder.state_budget import SCORM12_SUSPEND_LIMIT
from builder.targets.base import BuildContext
from builder.targets.scorm import Flavour, build_scorm

SCORM12 = Flavour(
    name="scorm12",
    template="scorm/imsmanifest-12.xml.j2",
    adapter_files=("60-adapter-web.js", "70-scorm.js", "71-scorm12.js"),
    suspend_limit=SCORM12_SUSPEND_LIMIT,
)


class Scorm12Target:
    name: ClassVar[str] = "scorm12"
    description: ClassVar[str] = "SCORM 1.2 packages (zip), one per module and per path"

    def build(self, catalogue: Catalogue, ctx: BuildContext) -> list[Path]:
        return build_scorm(catalogue, ctx, SCORM12)
