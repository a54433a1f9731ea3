"""The placement engine (standard library only: importable by the XBlocks).

``engine`` asks and scores; ``routing`` turns decisions into a path; ``rng``
makes the random draws reproducible in Python and JavaScript. Building a bank
from the catalogue (``builder.placement.bank``) needs the content model and
is not imported here.
"""

from builder.placement.engine import decisions, next_item, results
from builder.placement.rng import fnv1a
from builder.placement.routing import route

__all__ = ["decisions", "fnv1a", "next_item", "results", "route"]
