"""A small seeded random generator that JavaScript can reproduce bit for bit.

``mulberry32`` (a 32-bit generator by Tommy Ettinger, public domain) and the
32-bit FNV-1a hash for turning a text seed into a number. Both are written with
explicit 32-bit wrap-around so that ``builder/player/80-placement.js`` gives the
same numbers in the same order.
"""

from __future__ import annotations

MASK = 0xFFFFFFFF


def _imul(a: int, b: int) -> int:
    """32-bit multiplication with wrap-around (JavaScript's Math.imul)."""
    return (a * b) & MASK


class Mulberry32:
    def __init__(self, seed: int) -> None:
        self.state = seed & MASK

    def next(self) -> float:
        """A float in [0, 1)."""
        self.state = (self.state + 0x6D2B79F5) & MASK
        t = self.state
        t = _imul(t ^ (t >> 15), t | 1)
        t = (t + _imul(t ^ (t >> 7), t | 61)) & MASK ^ t
        return ((t ^ (t >> 14)) & MASK) / 4294967296

    def below(self, count: int) -> int:
        """An integer in [0, count)."""
        return int(self.next() * count)


def fnv1a(text: str) -> int:
    """32-bit FNV-1a hash of the UTF-8 bytes of ``text``."""
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value = _imul(value ^ byte, 0x01000193)
    return value
