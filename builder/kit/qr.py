"""QR codes drawn here (segno, pure Python), inline SVG: no service, no file."""

from __future__ import annotations

from markupsafe import Markup, escape

QUIET_ZONE = 4
"""Modules of white border the QR specification requires around the code."""


def qr_svg(url: str, label: str) -> Markup:
    """An inline SVG QR code for ``url``; ``label`` is its accessible name.

    Error correction level M (15 %) survives a crease or a smudge on paper.
    The size is left to CSS (viewBox only), black on white for any printer.
    """
    import segno  # the [kit] extra; checked by builder.kit.pdf.require()

    code = segno.make_qr(url, error="m", boost_error=False)
    svg: str = code.svg_inline(
        scale=1,
        border=QUIET_ZONE,
        omitsize=True,
        svgclass="kit-qr-code",
        lineclass=None,
        dark="#000",
        light="#fff",
        title=label,
    )
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)
    return Markup(svg)  # segno escapes the title; the label is escaped above
