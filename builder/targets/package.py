"""Deterministic zip packages: same sources, same bytes.

Members are written in a fixed order (the manifest first, then by path), all
with one timestamp (``SOURCE_DATE_EPOCH`` if set, else 1980-01-01, the zip
epoch), the same permissions and the same compression level.
"""

from __future__ import annotations

import os
import time
import zipfile
from collections.abc import Mapping
from pathlib import Path

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def _timestamp() -> tuple[int, int, int, int, int, int]:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return ZIP_EPOCH
    moment = time.gmtime(max(int(epoch), 315532800))  # not before 1980
    return moment[:6]


def member_order(name: str) -> tuple[int, str]:
    return (0 if name == "imsmanifest.xml" else 1, name)


def write_zip(path: Path, members: Mapping[str, bytes]) -> Path:
    """Write ``members`` (archive name -> bytes) to ``path`` reproducibly."""
    path.parent.mkdir(parents=True, exist_ok=True)
    stamp = _timestamp()
    with zipfile.ZipFile(path, "w") as archive:
        for name in sorted(members, key=member_order):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever machine builds it
            info.external_attr = 0o100644 << 16
            archive.writestr(info, members[name], compresslevel=9)
    return path
