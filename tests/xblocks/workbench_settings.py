"""Django settings for the xblock-sdk workbench the browser tests start.

The workbench's own settings, with everything it writes kept in one temporary
folder (``TISSEUSE_WB_VAR``), our compiled catalogue named as an Open edX
operator would (``XBLOCK_SETTINGS``), and the runtime's ``publish`` calls
(grade, completion) written to ``events.jsonl`` with the learner they
concern, so a test can check what an LMS would have received.
"""

from __future__ import annotations

import os
from pathlib import Path

from workbench.settings import *  # noqa: F403
from workbench.settings import DJFS, MIDDLEWARE

VAR = Path(os.environ["TISSEUSE_WB_VAR"])

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(VAR / "workbench.db"),
    }
}
DJFS = {**DJFS, "directory_root": str(VAR / "djpyfs")}
XBLOCK_SETTINGS = {"Tisseuse": {"CATALOGUE": os.environ["TISSEUSE_WB_CATALOGUE"]}}
MIDDLEWARE = [*MIDDLEWARE, "tests.xblocks.workbench_events.StudentMiddleware"]
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {
        "publish": {
            "class": "tests.xblocks.workbench_events.PublishLog",
            "path": str(VAR / "events.jsonl"),
        },
        "console": {"class": "logging.StreamHandler", "level": "WARNING"},
    },
    "loggers": {
        "workbench.runtime": {
            "handlers": ["publish"],
            "level": "INFO",
            "propagate": False,
        },
        "django": {"handlers": ["console"], "level": "WARNING"},
    },
}
