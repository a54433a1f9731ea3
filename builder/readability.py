"""Plain-French measures: words, sentences, syllables and Kandel–Moles readability.

Kandel & Moles (1958) adapted Flesch's reading-ease formula to French:

    L = 207 − 1.015 × (words per sentence) − 73.6 × (syllables per word)

Higher is easier: above 70 reads easily, 60–70 is ordinary prose, below 50
is hard for a tired or unsure reader. Syllables are counted from spelling (groups
of vowels, a final mute "e" dropped), which is what the formula was
calibrated on; the counts are estimates, good enough to rank screens and
point an author at the hard ones, not to grade a text to the decimal.

A "sentence" ends at . ! ? … or at the end of a paragraph or list item (bullets
often carry no full stop), but not after common abbreviations (M., Mme, art.,
n°…) or a lone capital initial.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from markdown_it import MarkdownIt

_WORD = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿŒœÆæ]+(?:['’\-][0-9A-Za-zÀ-ÖØ-öø-ÿŒœÆæ]+)*")
_VOWELS = re.compile(r"[aeiouyàâäéèêëîïôöûùüÿœæ]+")
_END = re.compile(r"(?<=[.!?…])((?:\s?[»\"”)])*)\s+")
_ABBREVIATIONS = frozenset(
    {
        "m",
        "mme",
        "mmes",
        "mlle",
        "dr",
        "pr",
        "me",
        "art",
        "cf",
        "p",
        "ex",
        "etc",
        "n°",
        "no",
        "vol",
        "éd",
        "coll",
        "env",
        "av",
        "bd",
        "tél",
        "st",
        "ste",
    }
)


@cache
def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False})


def plain_text(markdown: str) -> str:
    """The words of a Markdown text, one block (paragraph, list item) per line."""
    blocks: list[str] = []
    for token in _markdown().parse(markdown):
        if token.type != "inline":
            continue
        parts = []
        for child in token.children or ():
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append(" ")
        blocks.append("".join(parts).strip())
    return "\n".join(block for block in blocks if block)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def sentences(text: str) -> list[str]:
    """Sentences of a plain text (blocks on separate lines end sentences)."""
    found: list[str] = []
    for block in text.splitlines():
        start = 0
        for match in _END.finditer(block):
            before = block[start : match.start()].rstrip('»"”) ')
            last = re.split(r"['’]", before.rsplit(" ", 1)[-1].rstrip("."))[-1]
            if last.lower() in _ABBREVIATIONS or (len(last) == 1 and last.isupper()):
                continue  # "M. Arnaud", "l'art. L.1110-4", an initial "J. Roux"
            found.append(block[start : match.end(1)].strip())
            start = match.end()
        rest = block[start:].strip()
        if rest:
            found.append(rest)
    return [s for s in found if words(s)]


def syllables(word: str) -> int:
    """Spoken syllables of a French word, estimated from its spelling."""
    lower = word.lower().replace("’", "'").split("'")[-1]
    if lower.isdigit():
        return max(1, len(lower))  # "2024" is read as several syllables
    groups = _VOWELS.findall(lower)
    count = len(groups)
    if count > 1 and re.search(r"[^aeiouyàâäéèêëîïôöûùüÿ]es?$", lower):
        count -= 1  # mute final e: "table", "personnes"
    return max(1, count)


@dataclass(frozen=True)
class Measure:
    words: int
    sentences: int
    syllables: int
    longest_sentence: str
    longest_words: int

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def kandel_moles(self) -> float | None:
        """Reading ease (higher is easier); None for a text too short to score."""
        if self.words < 12 or not self.sentences:
            return None
        return (
            207 - 1.015 * self.words_per_sentence - 73.6 * (self.syllables / self.words)
        )


def measure(text: str) -> Measure:
    """Measures of a plain text (use ``plain_text`` first for Markdown)."""
    found = sentences(text)
    counts = [len(words(s)) for s in found]
    all_words = words(text)
    longest = max(range(len(found)), key=counts.__getitem__, default=None)
    return Measure(
        words=len(all_words),
        sentences=len(found),
        syllables=sum(syllables(w) for w in all_words),
        longest_sentence=found[longest] if longest is not None else "",
        longest_words=counts[longest] if longest is not None else 0,
    )
