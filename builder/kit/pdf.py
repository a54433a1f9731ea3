"""PDF rendering with WeasyPrint, local files only.

WeasyPrint and segno are the ``[kit]`` extra: the base install (what an Open
edX Python environment gets) stays light. ``require`` turns their absence into
one clear line instead of a traceback.

The URL fetcher refuses everything but files inside the kit's own folder: no
network request can leave a build, and a page that refers to anything else
fails the build instead of printing with a hole.
"""

from __future__ import annotations

import mimetypes
import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from builder.diagnostics import BuildError, Report

INSTALL_HINT = "pip install 'tisseuse[kit]'"
MISSING = (
    "target kit needs WeasyPrint and segno, which the base install leaves out: "
    f"{INSTALL_HINT}"
)


def missing() -> str | None:
    """Why the kit cannot be built here (the [kit] extra is absent), or None."""
    try:
        import segno  # noqa: F401
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:  # OSError: Pango missing on the system
        return f"{MISSING} ({exc.__class__.__name__}: {exc})"
    return None


def require() -> None:
    """Raise a one-line BuildError if the [kit] extra is not installed."""
    reason = missing()
    if reason is not None:
        raise BuildError(Report(), reason)


class RefusedResource(Exception):
    """A page referred to something that is not a file inside the kit."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.url = url


def local_path(url: str, root: Path) -> Path:
    """The file ``url`` names, if it is a ``file:`` URL inside ``root``."""
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        raise RefusedResource(url)
    path = Path(url2pathname(unquote(parts.path))).resolve()
    if not path.is_relative_to(root.resolve()) or not path.is_file():
        raise RefusedResource(url)
    return path


def _fetcher(root: Path, refused: list[str]) -> Any:
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalOnly(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            try:
                path = local_path(url, root)
            except RefusedResource:
                refused.append(url)
                raise
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(
                path.as_uri(), path.read_bytes(), {"Content-Type": kind}
            )

    return LocalOnly(fail_on_errors=True)


def render_pdf(html: str, page: Path, root: Path) -> bytes:
    """The PDF of ``html`` (the page written at ``page``, inside ``root``).

    Raises RefusedResource if the page refers to anything outside ``root``.
    """
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError

    refused: list[str] = []
    document = HTML(
        string=html, base_url=page.as_uri(), url_fetcher=_fetcher(root, refused)
    )
    try:
        pdf: bytes = document.write_pdf()
    except FatalURLFetchingError as exc:
        raise RefusedResource(refused[0] if refused else str(exc)) from exc
    if refused:  # a fetch WeasyPrint chose to survive is still a refusal
        raise RefusedResource(refused[0])
    return pdf


#: Below this many pages, starting worker processes costs more than it saves.
PARALLEL_FROM = 8
MAX_WORKERS = 4


def workers() -> int:
    """Processes to render with: the CPUs this process may use, at most four."""
    try:
        available = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        available = os.cpu_count() or 1
    return max(1, min(MAX_WORKERS, available))


def render_all(pages: Sequence[tuple[str, Path]], root: Path) -> list[bytes]:
    """The PDF of each (html, page) in order, rendered on every CPU available.

    Each PDF depends only on its own page, so the result is the same whatever
    the number of processes. Processes are spawned, not forked: a fork of a
    process running threads (a test server, a browser driver) may deadlock.
    """
    count = min(workers(), len(pages))
    if count < 2 or len(pages) < PARALLEL_FROM:
        return [render_pdf(html, page, root) for html, page in pages]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        futures = [pool.submit(render_pdf, html, page, root) for html, page in pages]
        return [future.result() for future in futures]
