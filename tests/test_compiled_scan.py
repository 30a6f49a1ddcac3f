"""The compiled pass before the walk (``frontends/html/_cmarks.pxi``, used through
``prescan.py``) against the queries it stands for: the same declaring elements and
declared kinds, dropped elements, paragraphs with their text lengths and main-content
markers (``prescan.scan_signature``), on generated markup, on generated pages and on
every benchmark page of every set; and the HTML path's output the same with and
without it.

Where the extension is not built the tests skip (the queries are the only path).
"""

from __future__ import annotations

import pytest
from benchmark_pages import html_pages as benchmark_html
from helpers import _cwalk, needs_extension
from hypothesis import given
from hypothesis import strategies as st
from test_compiled_find import SETS, _markup

from cleaner.frontends.html.prescan import scan_signature
from cleaner.testing.strategies import html_pages


def _agree(page: str) -> bool:
    compiled = scan_signature(page, _cwalk)
    assert compiled is not None  # (the probe agreed with this selectolax)
    return compiled == scan_signature(page, None)


@needs_extension
@given(_markup(), st.lists(_markup(), min_size=1, max_size=5).map("".join))
def test_the_scan_and_the_queries_agree_on_generated_markup(head: str, body: str) -> None:
    assert _agree(f"<html><head>{head}</head><body>{body}</body></html>")


@needs_extension
@given(html_pages())
def test_the_scan_and_the_queries_agree_on_generated_pages(page: object) -> None:
    assert _agree(page.raw)  # type: ignore[attr-defined]


@needs_extension
@pytest.mark.parametrize("name", SETS)
def test_the_scan_and_the_queries_agree_on_every_benchmark_page(name: str) -> None:
    assert not [page_id for page_id, html in benchmark_html(name) if not _agree(html)]


@needs_extension
def test_the_scan_reads_markers_as_the_engine_matches_them() -> None:
    # Each marker once per selector it matches; a role or itemprop on a <p>; local
    # names in any namespace; values case-sensitively, words at HTML white space.
    page = (
        '<html itemtype="https://schema.org/Article"><head>'
        '<script type="application/LD+JSON">{"@type": "Product"}</script>'
        '<meta property="og:type" content="article"></head>'
        '<body role="main"><article role="article" itemprop="articleBody">'
        '<p role="main">' + "word " * 30 + "</p></article>"
        '<div role="Main"></div><div itemprop="a\x0barticleBody"></div>'
        '<div itemprop="a\x0carticleBody"></div><math xlink:role="main"></math>'
        '<svg><script xlink:type="application/ld+json">{}</script></svg>'
        '<p>short <script>var x = "' + "y" * 300 + '";</script></p></body></html>'
    )
    assert _agree(page)
    signature = scan_signature(page, _cwalk)
    assert signature is not None
    declared, declares, dropped, paragraphs, lengths, marked = signature
    assert declared == ("product", "article")
    # (The engine matches the SVG script's xlink:type too; ``declared_names`` reads "type".)
    assert sorted(tag for tag, _ in declares) == ["html", "meta", "script"]
    assert [tag for tag, _ in dropped] == ["svg", "script", "script"]
    assert [tag for tag, _ in paragraphs] == ["p"] and lengths == [150]
    assert [tag for tag, _ in marked] == ["body", *["article"] * 3, "p", "div", "math"]
