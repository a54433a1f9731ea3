"""Record the workbench runtime's ``publish`` calls as JSON lines.

The workbench's ``publish`` only logs, in two records: "XBlock event <type>
for <block type> (usage_id=<id>):" then the event data itself. This logging
handler pairs them (per thread: the dev server is threaded) and writes one
line per event, with the learner of the request (the ``?student=`` the
workbench uses), kept by a small middleware.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from typing import Any

_current = threading.local()


class StudentMiddleware:
    def __init__(self, get_response: Callable[[Any], Any]) -> None:
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        _current.student = request.GET.get("student", "")
        return self.get_response(request)


class PublishLog(logging.Handler):
    def __init__(self, path: str) -> None:
        super().__init__(logging.INFO)
        self.path = path
        self.lock_file = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        if isinstance(record.msg, str) and record.msg.startswith("XBlock event"):
            _current.pending = record.args
            return
        pending = getattr(_current, "pending", None)
        if pending is None or not isinstance(record.msg, dict):
            return
        _current.pending = None
        event, block_type, usage_id = pending
        line = {
            "student": getattr(_current, "student", ""),
            "event": event,
            "block_type": block_type,
            "usage_id": str(usage_id),
            "data": record.msg,
        }
        with self.lock_file, open(self.path, "a", encoding="utf-8") as out:
            out.write(json.dumps(line) + "\n")
