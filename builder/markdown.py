"""Markdown to HTML for screen bodies, with French typography.

Authors write CommonMark without raw HTML. The renderer adds the no-break
spaces French typography puts before ``: ; ! ?`` and inside « guillemets », so
a line never starts with a lone colon on a narrow tablet screen.
"""

from __future__ import annotations

import re
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

NBSP = "\u00a0"
NNBSP = "\u202f"  # narrow no-break space

_BEFORE_HIGH_PUNCT = re.compile(r"[ \u00a0]+([;!?])")
_BEFORE_COLON = re.compile(r"[ \u00a0\u202f]+:")
_AFTER_OPEN_QUOTE = re.compile(r"«[ \u00a0\u202f]*")
_BEFORE_CLOSE_QUOTE = re.compile(r"[ \u00a0\u202f]*»")


def french_spacing(text: str) -> str:
    """Use no-break spaces where French typography requires them."""
    text = _BEFORE_HIGH_PUNCT.sub(NNBSP + r"\1", text)
    text = _BEFORE_COLON.sub(NBSP + ":", text)
    text = _AFTER_OPEN_QUOTE.sub("«" + NBSP, text)
    return _BEFORE_CLOSE_QUOTE.sub(NBSP + "»", text)


def _french_text_rule(state: StateCore) -> None:
    for block in state.tokens:
        for token in block.children or ():
            if token.type == "text":
                token.content = french_spacing(token.content)


@cache
def _renderer() -> MarkdownIt:
    md = MarkdownIt(
        "commonmark", {"html": False, "linkify": False, "typographer": False}
    )
    md.disable(["image", "html_block", "html_inline"])
    md.core.ruler.push("french_spacing", _french_text_rule)
    md.core.ruler.push("external_links", _external_links_rule)
    return md


def _external_links_rule(state: StateCore) -> None:
    """Open web links in a new tab without telling the site where we came from."""
    for block in state.tokens:
        for token in block.children or ():
            href = str(token.attrGet("href") or "")
            if token.type == "link_open" and href.startswith(("http://", "https://")):
                token.attrSet("rel", "noopener noreferrer")
                token.attrSet("target", "_blank")


def render_markdown(text: str) -> str:
    """Render a Markdown field to an HTML fragment (no raw HTML passes through)."""
    html: str = _renderer().render(text)
    return html.strip()


def render_inline(text: str) -> str:
    """Render one line of Markdown without a wrapping paragraph."""
    html: str = _renderer().renderInline(text)
    return html.strip()
