"""Fixtures for the XBlock unit tests: compiled content and a real XBlock runtime.

The runtime is XBlock's own ``ToyRuntime`` machinery with its storage made
per test and every ``publish`` recorded, so a test sees the grade and
completion events the LMS would receive. Handlers are called through the
runtime's dispatch (``runtime.handle``) with real webob requests, as the LMS
and the workbench call them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import webob
from xblock.runtime import KvsFieldData, MemoryIdManager, Runtime
from xblock.test.toy_runtime import ToyRuntime, ToyRuntimeKeyValueStore

from builder.loader import load_catalogue
from builder.targets.openedx import compile_catalogue
from tests.conftest import REPO, ROOTS
from xblocks.olx import module_element, path_element, placement_element, to_string

Json = dict[str, Any]


class RecordingRuntime(ToyRuntime):  # type: ignore[misc]
    """ToyRuntime with its own storage and a record of published events."""

    def __init__(
        self,
        store: ToyRuntimeKeyValueStore,
        ids: MemoryIdManager,
        user_id: str,
        services: dict[str, Any] | None = None,
    ) -> None:
        Runtime.__init__(
            self,
            ids,
            ids,
            services={"field-data": KvsFieldData(store), **(services or {})},
        )
        self.user_id = user_id
        self.events: list[tuple[str, str, Json]] = []

    def publish(self, block: Any, event_type: str, event_data: Json) -> None:
        self.events.append((block.scope_ids.block_type, event_type, event_data))

    def local_resource_url(self, block: Any, uri: str) -> str:
        return f"/resource/{block.scope_ids.block_type}/{uri}"


@dataclass
class Lms:
    """One course's storage, seen by as many learners as a test needs."""

    store: ToyRuntimeKeyValueStore = field(
        default_factory=lambda: ToyRuntimeKeyValueStore({})
    )
    ids: MemoryIdManager = field(default_factory=MemoryIdManager)
    services: dict[str, Any] = field(default_factory=dict)

    def runtime(self, user: str = "alice") -> RecordingRuntime:
        return RecordingRuntime(self.store, self.ids, user, self.services)

    def load(self, olx: str, user: str = "alice") -> Any:
        runtime = self.runtime(user)
        return runtime.get_block(runtime.parse_xml_string(olx))

    def as_learner(self, block: Any, user: str) -> Any:
        """The same block, for another learner."""
        return self.runtime(user).get_block(block.scope_ids.usage_id)


def call(
    block: Any, handler: str, body: Any, raw: bytes | None = None
) -> tuple[int, Json]:
    """POST to a handler through the runtime's dispatch; (status, JSON reply)."""
    data = raw if raw is not None else json.dumps(body).encode()
    request = webob.Request.blank("/", method="POST", body=data)
    request.content_type = "application/json"
    response = block.runtime.handle(block, handler, request)
    return response.status_code, json.loads(response.body.decode())


@pytest.fixture(scope="session")
def compiled() -> dict[str, Json]:
    """The compiled catalogues of the minimal project and of the bundled one."""
    out = {}
    for name, root in {"minimal": ROOTS / "minimal", "catalogue": REPO}.items():
        catalogue, report = load_catalogue(Path(root))
        assert catalogue is not None, report.lines()
        out[name] = compile_catalogue(catalogue)
    return out


@pytest.fixture
def lms() -> Lms:
    return Lms()


@pytest.fixture
def demo(compiled: dict[str, Json]) -> Json:
    return compiled["minimal"]["modules"]["demo"]


@pytest.fixture
def module_block(lms: Lms, demo: Json) -> Any:
    return lms.load(to_string(module_element(demo, "demo")))


@pytest.fixture
def olx() -> Callable[..., str]:
    def build(kind: str, content: Json, modules: Json | None = None) -> str:
        if kind == "module":
            return to_string(module_element(content, "m"))
        if kind == "placement":
            return to_string(placement_element(content, "q", "Où en suis-je ?"))
        return to_string(path_element(content, modules or {}, "p-", "Où en suis-je ?"))

    return build
