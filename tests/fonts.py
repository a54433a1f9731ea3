"""A real WOFF2 font for tests, made at test time from Debian's DejaVu Sans.

No font file is stored in the repository (licences): DejaVu Sans is installed
with the print tools (scripts/ensure-print-tools.sh), and fontTools (a
WeasyPrint dependency) subsets and compresses it in a fraction of a second.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def write_woff2(path: Path, text: str = "Tisseuse") -> Path:
    """A WOFF2 subset of DejaVu Sans holding the glyphs of ``text``, at ``path``."""
    if not DEJAVU.is_file():
        pytest.fail("DejaVu Sans is missing: run 'make test' (it installs it)")
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(DEJAVU)
    options = subset.Options(flavor="woff2")
    options.drop_tables += ["FFTM"]  # FontForge's timestamps: nothing to subset
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    font.flavor = "woff2"
    out = io.BytesIO()
    font.save(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())
    return path
