"""Target ``scorm2004``: SCORM 2004 4th Edition packages.

One single-SCO package per module; per path, a single-SCO package (routing in
the content) and a multi-SCO package whose Simple Sequencing lets the LMS skip
modules the placement quiz showed are mastered.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from builder.model import Catalogue
from builder.targets.base import BuildContext
from builder.targets.scorm import Flavour, build_scorm

SCORM2004 = Flavour(
    name="scorm2004",
    template="scorm/imsmanifest-2004.xml.j2",
    adapter_files=("60-adapter-web.js", "70-scorm.js", "72-scorm2004.js"),
    suspend_limit=64000,
    sequencing=True,
)


class Scorm2004Target:
    name: ClassVar[str] = "scorm2004"
    description: ClassVar[str] = "SCORM 2004 4th Edition packages (zip)"

    def build(self, catalogue: Catalogue, ctx: BuildContext) -> list[Path]:
        return build_scorm(catalogue, ctx, SCORM2004)
