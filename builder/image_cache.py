"""A folder of processed images, one file per content hash.

An entry is one file: a JSON header line (the key, metadata, and the size and
sha256 of every blob), then the blobs. It is written to a temporary file in
the same folder and renamed into place, so a build that is interrupted leaves
no half-written entry; one that is damaged anyway (disk full, edited by hand)
fails its checksums and is simply made again. The folder holds a .gitignore
that ignores it all.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

Record = tuple[dict[str, Any], list[bytes]]


class ImageCache:
    """Get and put records by key; without a folder, remembers nothing."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path | None:
        if self.folder is None:
            return None
        return self.folder / key[:2] / f"{key}.bin"

    def get(self, key: str) -> Record | None:
        path = self._path(key)
        if path is None:
            return None
        try:
            return _decode(key, path.read_bytes())
        except (OSError, ValueError, KeyError, TypeError):
            return None  # missing or damaged: made again, then replaced

    def put(self, key: str, meta: dict[str, Any], blobs: list[bytes]) -> None:
        path = self._path(key)
        if path is None or self.folder is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# Tisseuse's image cache: safe to delete\n*\n")
            _write_atomically(path, _encode(key, meta, blobs))
        except OSError:
            pass  # a read-only or full disk: the build goes on, uncached


def _encode(key: str, meta: dict[str, Any], blobs: list[bytes]) -> bytes:
    header = {
        "key": key,
        "meta": meta,
        "blobs": [[len(b), hashlib.sha256(b).hexdigest()] for b in blobs],
    }
    return json.dumps(header, sort_keys=True).encode() + b"\n" + b"".join(blobs)


def _decode(key: str, data: bytes) -> Record:
    line, _, body = data.partition(b"\n")
    header = json.loads(line)
    if header["key"] != key:
        raise ValueError("entry of another key")
    blobs, offset = [], 0
    for size, digest in header["blobs"]:
        blob = body[offset : offset + size]
        if len(blob) != size or hashlib.sha256(blob).hexdigest() != digest:
            raise ValueError("damaged entry")
        blobs.append(blob)
        offset += size
    if offset != len(body):
        raise ValueError("trailing bytes")
    return header["meta"], blobs


def _write_atomically(path: Path, data: bytes) -> None:
    handle, name = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        temporary.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
