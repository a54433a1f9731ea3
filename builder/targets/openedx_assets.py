"""The player script and stylesheet the Open edX blocks serve (``xblocks/public/``).

They are the builder's own player files, minified like every target's, with
the XBlock adapter instead of a page boot script. The stylesheet is scoped to
``.tisseuse-xblock``: inside an LMS page the player must not restyle the
page's ``html``, ``body``, headings or links. The theme's colours come first,
as custom properties of the block.

The files are committed (an LMS collects a block's ``public/`` folder as
static files at deployment); a test fails when they are stale and
``pytest --update-golden`` rewrites them.
"""

from __future__ import annotations

import re

import rcssmin
import rjsmin

from builder.render import CORE_SCRIPTS, player_asset
from builder.themes import Theme

#: Player parts for the blocks, after the core (no boot script: the XBlock
#: runtime calls each block's init function).
XBLOCK_SCRIPTS = (
    "73-xblock.js",
    "74-xblock-placement.js",
    "75-xblock-path.js",
    "81-quiz.js",
)
SCOPE = ".tisseuse-xblock"
_PAGE_SELECTORS = {":root", "html", "body"}


def xblock_script() -> bytes:
    source = "\n".join(
        player_asset(n).rstrip() + "\n" for n in (*CORE_SCRIPTS, *XBLOCK_SCRIPTS)
    )
    script: str = rjsmin.jsmin(source)
    return script.encode() + b"\n"


def xblock_stylesheet(theme: Theme) -> bytes:
    css: str = rcssmin.cssmin(str(theme.css_variables()) + player_asset("tisseuse.css"))
    return scope_css(css, SCOPE).encode() + b"\n"


def scope_css(css: str, scope: str) -> str:
    """Prefix every selector of minified ``css`` with ``scope``.

    ``:root``, ``html`` and ``body`` become the scope itself; rules inside
    ``@media`` and ``@supports`` are scoped too; ``@keyframes`` are left as
    they are.
    """
    out: list[str] = []
    position = 0
    while position < len(css):
        brace = css.index("{", position)
        head = css[position:brace].strip()
        end = _block_end(css, brace)
        body = css[brace + 1 : end]
        if head.startswith(("@media", "@supports")):
            out.append(f"{head}{{{scope_css(body, scope)}}}")
        elif head.startswith("@"):
            out.append(f"{head}{{{body}}}")
        else:
            out.append(f"{_scope_selectors(head, scope)}{{{body}}}")
        position = end + 1
    return "".join(out)


def _block_end(css: str, brace: int) -> int:
    depth = 0
    for index in range(brace, len(css)):
        if css[index] == "{":
            depth += 1
        elif css[index] == "}":
            depth -= 1
            if depth == 0:
                return index
    raise ValueError("unbalanced braces in the player stylesheet")


def _scope_selectors(selectors: str, scope: str) -> str:
    scoped = []
    for selector in _split(selectors):
        selector = selector.strip()
        if selector in _PAGE_SELECTORS:
            scoped.append(scope)
        else:
            scoped.append(f"{scope} {selector}")
    return ",".join(dict.fromkeys(scoped))


def _split(selectors: str) -> list[str]:
    """Split a selector list on top-level commas (not inside ``:is(...)``)."""
    return re.split(r",(?![^(]*\))", selectors)
