"""The compiled test for a tag under an element (``frontends/html/_cfirst.pxi``)
against the selector engine it stands for (``rules/descendants.py``): for every element
of generated markup and of every benchmark page, whether it or an element under it is a
heading, a ``<figcaption>`` or a ``<header>``, as ``css_first`` of the type selectors
answers it. Where the extension is not built the tests skip (the query is the only
path).
"""

from __future__ import annotations

import pytest
from benchmark_pages import html_pages as benchmark_html
from helpers import _cwalk, needs_extension, nested_markup
from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from cleaner.frontends.html.parse import parse_html
from cleaner.rules.descendants import holds_tag

SETS = ("zyte", "cleaneval", "portals", "readability-tests")
# The questions the tree rules ask (``rules/markup.py``), and one with a case.
QUESTIONS = (
    (frozenset({"h1", "h2", "h3", "h4", "h5", "h6"}), "h1, h2, h3, h4, h5, h6"),
    (frozenset({"figcaption"}), "figcaption"),
    (frozenset({"header"}), "header"),
)
_TAGS = st.sampled_from(
    [
        "div",
        "header",
        "H2",
        "h6",
        "x:h1",
        "svg:h1",
        "svg",
        "math",
        "figcaption",
        "FigCaption",
        "template",
        "span",
        "foreignObject",
        "figure",
        "table",
        "td",
        "article",
    ]
)


def _answers(tree: LexborHTMLParser) -> list[tuple[bool, bool]]:
    """For every element of the tree and every question: the twin's and the query's."""
    root = tree.root
    if root is None:
        return []
    return [
        (_cwalk.first_has(node, tags), node.css_first(selector) is not None)
        for node in root.traverse()
        for tags, selector in QUESTIONS
    ]


def _markup() -> st.SearchStrategy[str]:
    return nested_markup(_TAGS, st.sampled_from(["word", " ", ""]), max_leaves=25)


@needs_extension
@given(st.lists(_markup(), min_size=1, max_size=4).map("".join))
def test_both_answers_agree_on_generated_markup(body: str) -> None:
    answers = _answers(LexborHTMLParser(f"<html><body>{body}</body></html>"))
    assert all(twin == query for twin, query in answers)


@needs_extension
@pytest.mark.parametrize("name", SETS)
def test_both_answers_agree_on_every_benchmark_page(name: str) -> None:
    differ = [
        page_id
        for page_id, html in benchmark_html(name)
        if any(twin != query for twin, query in _answers(parse_html(html)))
    ]
    assert not differ


@needs_extension
def test_the_twin_counts_the_element_itself_and_stops_at_its_subtree() -> None:
    tree = LexborHTMLParser(
        "<div><header><p>x</p></header><h2>t</h2><figcaption></figcaption></div>"
    )
    header, h2, figcaption = (
        tree.css_first("header"),
        tree.css_first("h2"),
        tree.css_first("figcaption"),
    )
    headings, _ = QUESTIONS[0]
    assert not _cwalk.first_has(header, headings)  # (the h2 after it is not inside)
    assert _cwalk.first_has(h2, headings)
    assert _cwalk.first_has(figcaption, frozenset({"figcaption"}))
    assert _cwalk.first_has(tree.css_first("div"), headings)


def test_the_rules_question_answers_alike_on_both_paths() -> None:
    tree = LexborHTMLParser("<header><div><h3>t</h3></div></header><header>no</header>")
    titled, untitled = tree.css("header")
    tags, selector = QUESTIONS[0]
    assert holds_tag(titled, tags, selector)
    assert not holds_tag(untitled, tags, selector)
