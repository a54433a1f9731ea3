"""The module projection: the JSON contract between the builder and every player.

A projection has two halves:

* ``public``: what the learner sees (titles, HTML bodies, prompts, options in
  display order). Safe to send to a browser that must not learn the answers.
* ``key``: per screen id, the right answers and the feedback of every option.
  Web and SCORM players embed it and evaluate locally; a server-side runtime
  (Open edX) keeps it and evaluates answers itself.

The format is versioned (``PROJECTION_SCHEMA``) and documented in the README;
``version`` is a hash of the content, so a player can tell that the module a
saved state refers to has changed.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from builder.images import ImagePipeline
from builder.markdown import french_spacing, render_markdown
from builder.model import (
    Activity,
    Catalogue,
    Categorise,
    Image,
    Module,
    MultipleChoice,
    Ordering,
    Scenario,
    Screen,
    SingleChoice,
    SpotTheProblem,
)

PROJECTION_SCHEMA = 1

Json = dict[str, Any]


def project_module(
    catalogue: Catalogue, module: Module, images: ImagePipeline | None = None
) -> Json:
    """The full projection of ``module`` (public part, key and version).

    Image file names and sizes come from ``images`` (a build's pipeline; by
    default one without disk cache).
    """
    images = images or ImagePipeline()
    folder = catalogue.module_dir(module)
    topic = catalogue.topics_by_id[module.topic]
    public: Json = {
        "schema": PROJECTION_SCHEMA,
        "id": module.id,
        "title": _text(module.title),
        "summary": _text(module.summary),
        "lang": catalogue.module_language(module),
        "topic": {"id": topic.id, "title": _text(topic.title)},
        "level": module.level,
        "duration_minutes": module.duration_minutes,
        "mastery_score": module.mastery_score,
        "objectives": [{"id": o.id, "text": _text(o.text)} for o in module.objectives],
        "sources": [_source(s) for s in module.sources],
        "screens": [_screen(module, s, folder, images) for s in module.screens],
    }
    key = {s.id: _key(s.activity) for s in module.screens if s.activity is not None}
    version = content_hash({"public": public, "key": key})
    return {**public, "version": version, "key": key}


def public_part(projection: Json) -> Json:
    """The projection without its answer key (for server-side evaluation)."""
    return {k: v for k, v in projection.items() if k != "key"}


def content_hash(value: Any) -> str:
    canonical = json.dumps(
        value, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(canonical.encode()).hexdigest()[:12]


def _text(value: str) -> str:
    return french_spacing(value)


def _source(source: Any) -> Json:
    return {
        "id": source.id,
        "title": _text(source.title),
        "url": source.url,
        "publisher": source.publisher,
    }


def _screen(
    module: Module, screen: Screen, folder: Path, images: ImagePipeline
) -> Json:
    return {
        "id": screen.id,
        "title": _text(screen.title),
        "html": render_markdown(screen.body) if screen.body else None,
        "image": _image(screen.image, folder, images) if screen.image else None,
        "sources": list(screen.sources),
        "activity": _activity(module, screen, screen.activity)
        if screen.activity
        else None,
    }


def _image(image: Image, folder: Path, images: ImagePipeline) -> Json:
    """``src`` (fallback or only file), ``srcset``, ``sources`` (``<picture>``
    formats: ``type`` and ``srcset``), display ``width`` and ``height``."""
    picture = images.figure(folder / image.src, image.src, image.width)
    return {
        **picture.html(),
        "alt": _text(image.alt),
        "caption": _text(image.caption) if image.caption else None,
    }


def _activity(module: Module, screen: Screen, activity: Activity) -> Json:
    base: Json = {
        "type": activity.type,
        "prompt": _text(activity.prompt),
        "objectives": list(activity.objectives),
        "scored": activity.scored,
    }
    match activity:
        case SingleChoice() | MultipleChoice():
            base["options"] = [
                {"id": o.id, "text": _text(o.text)} for o in activity.options
            ]
        case Ordering():
            steps = display_order(
                f"{module.id}/{screen.id}", [s.id for s in activity.steps]
            )
            texts = {s.id: _text(s.text) for s in activity.steps}
            base["steps"] = [{"id": sid, "text": texts[sid]} for sid in steps]
        case Categorise():
            base["categories"] = [
                {"id": c.id, "label": _text(c.label)} for c in activity.categories
            ]
            base["items"] = [
                {"id": i.id, "text": _text(i.text)} for i in activity.items
            ]
        case SpotTheProblem():
            base["document"] = {
                "kind": activity.document.kind,
                "title": _text(activity.document.title)
                if activity.document.title
                else None,
            }
            base["segments"] = [
                {
                    "id": s.id,
                    "text": _text(s.text),
                    "label": _text(s.label) if s.label else None,
                }
                for s in activity.segments
            ]
        case Scenario():
            base["nodes"] = [
                {
                    "id": n.id,
                    "html": render_markdown(n.text),
                    "choices": [
                        {"id": c.id, "text": _text(c.text), "next": c.next}
                        for c in n.choices
                    ],
                }
                for n in activity.nodes
            ]
    return base


def _key(activity: Activity) -> Json:
    match activity:
        case SingleChoice() | MultipleChoice():
            return {
                "correct": [o.id for o in activity.options if o.correct],
                "feedback": {o.id: _text(o.feedback) for o in activity.options},
            }
        case Ordering():
            return {
                "order": [s.id for s in activity.steps],
                "feedback": {
                    "correct": _text(activity.feedback.correct),
                    "incorrect": _text(activity.feedback.incorrect),
                },
            }
        case Categorise():
            return {
                "answer": {i.id: i.category for i in activity.items},
                "feedback": {i.id: _text(i.feedback) for i in activity.items},
            }
        case SpotTheProblem():
            tappable = [s for s in activity.segments if s.id is not None]
            return {
                "problems": [s.id for s in tappable if s.problem],
                "feedback": {s.id: _text(s.feedback or "") for s in tappable},
            }
        case Scenario():
            return {
                "nodes": {
                    n.id: {
                        "correct": [c.id for c in n.choices if c.correct],
                        "feedback": {c.id: _text(c.feedback) for c in n.choices},
                    }
                    for n in activity.nodes
                }
            }
    raise TypeError(f"no key for {type(activity).__name__}")  # pragma: no cover


def display_order(seed: str, ids: list[str]) -> list[str]:
    """A stable shuffle of ``ids`` that is never the original order (when possible)."""
    shuffled = sorted(
        ids, key=lambda i: hashlib.sha256(f"{seed}/{i}".encode()).digest()
    )
    if shuffled == ids and len(ids) > 1:
        shuffled = shuffled[1:] + shuffled[:1]
    return shuffled
