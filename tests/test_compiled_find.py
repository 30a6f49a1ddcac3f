"""The compiled element finder (``frontends/html/_cfind.pxi``) against the selector
engine: the same elements dropped before the walk (``walk.DROP_SELECTOR``), on
generated markup, on generated pages and on every benchmark page of every set
(``compiled.find_signature``). And the compiled count of control characters
(``_cscan.pxi``) against ``decoding``'s.

Where the extension is not built the tests skip (the queries are the only path).
"""

from __future__ import annotations

import pytest
from benchmark_pages import html_pages as benchmark_html
from helpers import _cwalk, needs_extension, nested_markup
from hypothesis import given
from hypothesis import strategies as st

from cleaner.decoding import _control_count, binary_text_kind
from cleaner.frontends.html import compiled
from cleaner.frontends.html.walk import DROP_SELECTOR, DROP_TAGS
from cleaner.testing.strategies import html_pages

SETS = ("zyte", "cleaneval", "portals", "readability-tests")

# Every dropped tag and every declaring element, in other cases, with prefixes, in SVG
# and MathML, inside templates, with value-less and repeated attributes.
_TAGS = st.sampled_from(
    [
        *DROP_TAGS,
        "SCRIPT",
        "Style",
        "x:script",
        "svg:style",
        "div",
        "p",
        "span",
        "math",
        "meta",
        "body",
        "head",
        "foreignObject",
        "table",
        "td",
        "option",
        "main",
        "article",
        "Article",
    ]
)
_ATTRS = st.sampled_from(
    [
        "",
        ' type="application/ld+json"',
        ' type="application/LD+JSON"',
        ' type="text/javascript"',
        ' property="og:type" content="article"',
        ' property="OG:TYPE" content="product"',
        ' property="og:type"',
        ' itemtype="https://schema.org/Product"',
        ' ITEMTYPE="http://schema.org/NewsArticle/"',
        " itemtype",
        ' itemscope itemtype="https://schema.org/QAPage https://schema.org/Product"',
        ' itemtype="a" itemtype="b"',
        ' xlink:itemtype="x"',
        ' data-itemtype="x"',
        ' class="c" id="i"',
        ' shadowrootmode="open"',
        ' role="main"',
        ' role="Main"',
        ' role="article" itemprop="articleBody"',
        ' role="banner"',
        " role",
        ' itemprop="articleBody"',
        ' itemprop="blogPost\tarticleBody\n"',
        ' itemprop="articlebody x"',
        ' itemprop="a\u00a0articleBody"',
        ' itemprop="a\x0barticleBody"',
        ' itemprop="a\x0carticleBody"',
        " itemprop",
    ]
)
_TEXT = st.sampled_from(
    ["word", " ", '{"@type": "Article"}', '[{"@type": ["Product", "Thing"]}]', "{bad json", ""]
)


def _markup() -> st.SearchStrategy[str]:
    return nested_markup(_TAGS, _TEXT, attrs=_ATTRS, max_leaves=30)


def _agree(page: str) -> bool:
    return compiled.find_signature(page, _cwalk) == compiled.find_signature(page, None)


@needs_extension
@given(_markup(), st.lists(_markup(), min_size=1, max_size=5).map("".join))
def test_both_finders_agree_on_generated_markup(head: str, body: str) -> None:
    assert _agree(f"<html><head>{head}</head><body>{body}</body></html>")


@needs_extension
@given(html_pages())
def test_both_finders_agree_on_generated_pages(page: object) -> None:
    assert _agree(page.raw)  # type: ignore[attr-defined]


@needs_extension
@pytest.mark.parametrize("name", SETS)
def test_both_finders_agree_on_every_benchmark_page(name: str) -> None:
    assert not [page_id for page_id, html in benchmark_html(name) if not _agree(html)]


@needs_extension
def test_the_finder_includes_its_root_and_skips_template_contents() -> None:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(
        "<body><svg><style></style></svg><div><template><script></script></template>"
        "</div><x:script></x:script><SCRIPT></SCRIPT></body>"
    )
    dropped = _cwalk.find_elements(tree.body, frozenset(DROP_TAGS))
    assert [n.mem_id for n in dropped] == [n.mem_id for n in tree.body.css(DROP_SELECTOR)]
    assert [n.tag for n in dropped] == ["svg", "style", "template", "script"]
    svg = tree.css_first("svg")
    assert [n.tag for n in _cwalk.find_elements(svg, frozenset({"svg"}))] == ["svg"]


@needs_extension
@given(st.lists(st.text() | st.sampled_from(["\x00", "\x1b", "\x7f", "\x85", "é", "\ud800", "😀"])))
def test_both_control_counts_agree(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _cwalk.control_count(text) == _control_count(text)
    assert binary_text_kind(text, _cwalk.control_count) == binary_text_kind(text)


# Runs of a character, up to past the sixteen that ``_cruns.pxi`` reads at once, in a
# text of each width (a character past Latin-1, past the BMP), controls among them.
_RUNS = st.lists(
    st.tuples(
        st.sampled_from(["a", "<", "\x00", "\x1b", "\x1f", "\x7f", "\t", "\x80", "é", "€", "😀"]),
        st.integers(0, 40),
    ),
    max_size=12,
).map(lambda runs: "".join(char * count for char, count in runs))


@needs_extension
@given(_RUNS)
def test_long_runs_are_encoded_and_counted_as_python_does(text: str) -> None:
    assert _cwalk.utf8(text) == text.encode("utf-8")
    assert _cwalk.control_count(text) == _control_count(text)
    assert _cwalk.utf8(text + "a" * 20 + "\ud800") is None  # (after a run, still found)
