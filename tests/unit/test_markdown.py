"""Markdown rendering: no raw HTML, safe external links, French typography."""

from __future__ import annotations

from builder.markdown import NBSP, NNBSP, french_spacing, render_markdown


def test_raw_html_is_not_passed_through() -> None:
    html = render_markdown("Bonjour <script>alert(1)</script> **vous**")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<strong>vous</strong>" in html


def test_images_are_not_rendered_from_markdown() -> None:
    html = render_markdown("![chat](https://example.invalid/chat.png)")
    assert "<img" not in html


def test_external_links_open_safely() -> None:
    html = render_markdown("[CNIL](https://www.cnil.fr/)")
    assert 'rel="noopener noreferrer"' in html
    assert 'target="_blank"' in html


def test_french_spacing() -> None:
    assert french_spacing("Cible : le sujet") == f"Cible{NBSP}: le sujet"
    assert french_spacing("Vraiment ?") == f"Vraiment{NNBSP}?"
    assert french_spacing("« J'ai glissé »") == f"«{NBSP}J'ai glissé{NBSP}»"
    assert french_spacing("3:10 et https://a.fr/?x=1") == "3:10 et https://a.fr/?x=1"


def test_lists_and_emphasis() -> None:
    html = render_markdown("- un\n- *deux*\n")
    assert html == "<ul>\n<li>un</li>\n<li><em>deux</em></li>\n</ul>"
