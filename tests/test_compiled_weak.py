"""The compiled judge's own answers (``frontends/html/_cweak.pxi``) against the Python
they stand for: a subtree's words counted off Lexbor's nodes against
``words_up_to(node.text(separator=" "), cap)``, and ``VocabularyTwin.judge`` once it
knows the page's text nodes (the walk's: the watched attributes' twins, a weak name's
word count, a heading's slug) against ``ElementJudge.judge``, on generated markup and on
every element of every benchmark page. Where the extension is not built the tests skip.
"""

from __future__ import annotations

from typing import Any

import pytest
from benchmark_pages import html_pages as benchmark_html
from helpers import _cwalk, needs_extension, nested_markup
from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from cleaner import Cleaner
from cleaner.frontends.html.parse import parse_html
from cleaner.rules.elements import ElementJudge
from cleaner.rules.tree import TreePlan
from cleaner.spaces import words_up_to

SETS = ("zyte", "cleaneval", "portals", "readability-tests")
_CLEANER = Cleaner()
_PLAN = TreePlan(_CLEANER.rules, _CLEANER.config)

# Every white space character of ``str.isspace`` past ASCII, their neighbours, and
# malformed UTF-8's stand-ins (the parser's replacement character).
_SPACES = " \t\n\x0b\x0c\r\x1c\x1f\x85\xa0\u1680\u2000\u200a\u200b\u2028\u2029\u202f\u205f\u3000"
_TEXT = st.text(alphabet=st.sampled_from(_SPACES + "ab.é€\ufffd\u2027\u2030\u3001"), max_size=12)
_TAGS = st.sampled_from(["div", "span", "p", "b", "figure"])
_CAPS = st.sampled_from([-1, 0, 1, 2, 3, 5, 50])


def _text_node(node: Any) -> Any:
    for sub in node.traverse(include_text=True):
        if sub.tag == "-text":
            return sub
    return None


def _counts(markup: str, cap: int) -> list[tuple[Any, Any]]:
    """Both counts of each element's words (under a negative bound, whether the count
    is within it: never, by either, which differ in how far they count)."""
    body = LexborHTMLParser(f"<body>{markup}").body
    out = []
    for node in body.traverse():
        twin = _cwalk.subtree_words(node, cap)
        python = words_up_to(node.text(separator=" "), cap)
        out.append((twin, python) if cap >= 0 else (twin <= cap, python <= cap))
    return out


@needs_extension
@given(nested_markup(_TAGS, _TEXT), _CAPS)
def test_words_agree_on_generated_markup(markup: str, cap: int) -> None:
    for twin, python in _counts(markup, cap):
        assert twin == python, markup


@needs_extension
@pytest.mark.parametrize(
    "markup",
    [
        "<div>one two<span>three</span>four</div>",
        "<div>a\u3000b\u00a0c\u2009d\u200be</div>",
        "<p>" + "word " * 60 + "</p>",
        "<p></p>",
        "<p> \n </p>",
    ],
)
def test_words_agree_on_hand_built_markup(markup: str) -> None:
    for cap in (-2, 0, 3, 50):
        for twin, python in _counts(markup, cap):
            assert twin == python, (markup, cap)


def _judges(tree: Any) -> tuple[ElementJudge, ElementJudge]:
    """The Python judge and the twin's, told the page's text nodes as the walk is."""
    python, twin = ElementJudge(_PLAN), ElementJudge(_PLAN, _cwalk)
    text = _text_node(tree.root)
    if text is not None:
        twin._matcher.met_text(text)
    return python, twin


def _agree(tree: Any, label: str) -> int:
    """Judge every element with attributes both ways (twice: once from the verdicts
    kept); the number of verdicts that were not None."""
    python, twin = _judges(tree)
    hits = 0
    for _ in range(2):
        for node in tree.body.traverse():
            attrs = node.attributes
            if not attrs or node.tag in (None, "body"):
                continue
            expected = python.judge(node.tag, attrs, node)
            assert twin._matcher.judge(node.tag, attrs, node) == expected, (label, node.html)
            hits += expected is not None
    return hits


_NAMES = st.sampled_from(
    ["image", "date", "post-meta", "gallery", "photo-credit", "byline", "share", "x", "caption"]
)
_WATCHED = st.sampled_from(
    [
        "",
        " hidden",
        ' aria-hidden=" TRUE "',
        ' aria-hidden="false"',
        ' style="DISPLAY : None"',
        ' style="overflow:hidden"',
        ' style="visibility:\u00a0hidden"',
        ' style="color:red"',
        ' style="display:nonе"',
        ' role=" Navigation"',
        ' role="main"',
        " role",
        " style",
    ]
)
_IDS = st.sampled_from(
    ["", ' id="post-meta"', ' id="sharing-with-a-single-developer"', ' id="date-12"']
)
_ATTRS = st.builds(lambda c, w, i: f' class="{c}"{w}{i}', _NAMES, _WATCHED, _IDS)
_WORDS = st.sampled_from(["word ", "two words ", "word " * 30, "\u3000", "Sharing with a "])


@needs_extension
@given(nested_markup(st.sampled_from(["div", "figure", "h2", "span"]), _WORDS, attrs=_ATTRS))
def test_judges_agree_on_generated_markup(markup: str) -> None:
    _agree(LexborHTMLParser(f"<body>{markup}"), markup)


@needs_extension
@pytest.mark.parametrize("name", SETS)
def test_judges_agree_on_every_benchmark_page(name: str) -> None:
    hits = 0
    for page_id, page in benchmark_html(name):
        tree = parse_html(page)
        if tree.body is not None:
            hits += _agree(tree, page_id)
    assert hits  # (the pages do meet the rules)
