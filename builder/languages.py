"""Language tags shared by the builder and the Open edX blocks (stdlib only)."""

from __future__ import annotations

#: Content language -> the voice the browser's speech synthesis should use.
SPEECH_LANG: dict[str, str] = {"fr": "fr-FR", "en": "en-GB"}


def speech_lang(lang: str) -> str:
    """The speech-synthesis voice tag for content in ``lang`` (``lang`` if unknown)."""
    return SPEECH_LANG.get(lang, lang)
