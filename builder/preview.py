"""A local preview server for the web target, bound to 127.0.0.1 only."""

from __future__ import annotations

import errno
import functools
import http.server
import os
import socket
from pathlib import Path
from typing import Any

import click

MIME_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
    ".json": "application/json",
}


class _Handler(http.server.SimpleHTTPRequestHandler):
    def guess_type(self, path: str | os.PathLike[str]) -> str:
        return MIME_TYPES.get(Path(path).suffix.lower()) or super().guess_type(path)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")  # always show the last build
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        return  # quiet: the console is for the URL and errors


def make_server(folder: Path, port: int) -> http.server.ThreadingHTTPServer:
    """A server for ``folder``; if ``port`` is taken, the next free one."""
    handler = functools.partial(_Handler, directory=str(folder))
    for candidate in range(port, port + 20):
        try:
            return http.server.ThreadingHTTPServer(("127.0.0.1", candidate), handler)
        except OSError as exc:
            if exc.errno != errno.EADDRINUSE:
                raise
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    free = sock.getsockname()[1]
    sock.close()
    return http.server.ThreadingHTTPServer(("127.0.0.1", free), handler)


def serve(folder: Path, port: int) -> None:
    if not (folder / "index.html").is_file():
        raise click.ClickException(
            f"{folder} holds no built site: run 'tisseuse build web' first"
        )
    server = make_server(folder, port)
    bound = server.server_address[1]
    click.echo(f"Preview: http://127.0.0.1:{bound}/  (Ctrl+C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("Preview stopped.")
    finally:
        server.server_close()
