"""The compiled twins of the walk's questions about a matched element
(``frontends/html/_cguard.pxi``) against the Python they stand for: ``in_sentence``
(``visible.py``), ``PruneGuard.allows`` (``rules/prune.py``) and ``walk_path``
(``blocks.py``), on generated markup, on hand-built cases and on every element of every
benchmark page that could ask; and the twin of ``prune_deferred`` (``_cdefer.pxi``) on
the walk's blocks of every benchmark page. Where the extension is not built the tests skip (the
Python is the only path).
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
from cleaner.frontends.html.blocks import walk_path
from cleaner.frontends.html.parse import parse_html
from cleaner.frontends.html.prescan import page_guard
from cleaner.frontends.html.visible import in_sentence
from cleaner.frontends.html.walk import DROP_SELECTOR, PageWalk, tag_kind
from cleaner.rules.anchor import find_anchor
from cleaner.rules.elements import ElementJudge
from cleaner.rules.prune import prune_deferred
from cleaner.rules.tree import TreePlan, TreeRule

SETS = ("zyte", "cleaneval", "portals", "readability-tests")
_CLEANER = Cleaner()
_PLAN = TreePlan(_CLEANER.rules, _CLEANER.config)
_JUDGE = ElementJudge(_PLAN, None)


class _Rule:
    """A tree rule's flags and guard thresholds, set by hand."""

    def __init__(self, **facts: Any) -> None:
        self.shown = True
        self.links_shown = False
        self.may_spare = False
        self.immediate = False
        self.max_share = 0.5
        self.guard_min_chars = 10
        self.__dict__.update(facts)

    def spares(self, node: Any) -> bool:
        return node.tag == "header"


_SENTENCE_RULES = (_Rule(), _Rule(shown=False), _Rule(shown=False, links_shown=True))

_TAGS = st.sampled_from(
    ["a", "span", "b", "em", "div", "p", "br", "my-tag", "x:y", "li", "img", "button"]
)
_ATTRS = st.sampled_from(["", ' class="share"', ' class="byline"', " hidden", ' id="x"'])
_TEXT = st.sampled_from(["word", " ", "", " | ", "&nbsp;·", "3", "é", "…", "<!-- c -->"])


def _markup() -> st.SearchStrategy[str]:
    return nested_markup(_TAGS, _TEXT, attrs=_ATTRS, max_leaves=20)


def _sentence_answers(tree: LexborHTMLParser) -> list[tuple[bool, bool]]:
    """For every element and hand-built rule: the twin's answer and the Python's."""
    root = tree.root
    if root is None:
        return []
    return [
        (_cwalk.guard_in_sentence(node, rule, _JUDGE), in_sentence(node, rule, _JUDGE))
        for node in root.traverse()
        if node.tag not in (None, "html", "head", "body")
        for rule in _SENTENCE_RULES
    ]


@needs_extension
@given(st.lists(_markup(), min_size=1, max_size=3).map("".join))
def test_in_sentence_agrees_on_generated_markup(body: str) -> None:
    answers = _sentence_answers(LexborHTMLParser(f"<html><body>{body}</body></html>"))
    assert all(twin == python for twin, python in answers)


@needs_extension
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('Read <a id="t" href="/x">the player</a> now', True),
        (' | <a id="t" href="/b">two</a> · ', False),
        ('<div>before</div><a id="t" href="/x">link</a>', False),
        ('<span>see <b><a id="t" href="/x">this</a></b></span>', True),
        ('<a href="/a" class="share">Share</a><a id="t" href="/b">Tweet</a>', False),
        ('<a href="/a">Headline</a> <a id="t" href="/b">date</a>', True),
        ('<a id="t" href="/x">alone</a><br>words', False),
        ('<a id="t" href="/x">x</a><!-- note -->é', True),
    ],
)
def test_in_sentence_hand_built(body: str, expected: bool) -> None:
    tree = LexborHTMLParser(f"<html><body>{body}</body></html>")
    node = tree.css_first("#t")
    assert in_sentence(node, _SENTENCE_RULES[0], _JUDGE) is expected
    assert _cwalk.guard_in_sentence(node, _SENTENCE_RULES[0], _JUDGE) is expected


def _guard_of(page: str) -> tuple[Any, Any]:
    tree = parse_html(page)
    body = tree.body
    for node in body.css(DROP_SELECTOR):
        node.decompose()
    return body, page_guard(body, _PLAN, _JUDGE, None)


_GUARD_RULES = (
    _Rule(),
    _Rule(immediate=True),
    _Rule(max_share=1.0),
    _Rule(may_spare=True, guard_min_chars=0, max_share=0.01),
)
_TEXTS = ("", "short", "x" * 400, "y" * 40_000)
_PAGE = (
    "<html><body><header><h1>Title</h1></header><main><article><header>By</header>"
    "<p>" + "Prose of the article. " * 30 + "</p></article></main>"
    "<aside><p>Aside text here.</p></aside><footer>Foot</footer></body></html>"
)


@needs_extension
@pytest.mark.parametrize("chain", [None, "anchor"])
def test_allows_agrees_on_a_hand_built_page(chain: str | None) -> None:
    body, guard = _guard_of(_PAGE)
    if chain is None:
        guard.anchor_chain = None
    else:
        guard.anchor_chain = {node.mem_id for node in body.css("main, article, p")}
    answers = [
        (_cwalk.guard_allows(guard, rule, node, text), guard.allows(rule, node, text))
        for node in body.traverse()
        for rule in _GUARD_RULES
        for text in _TEXTS
    ]
    assert answers and all(twin == python for twin, python in answers)
    assert {python for _, python in answers} == {True, False}


@needs_extension
def test_path_agrees() -> None:
    rows = [
        (None, -1, 0, "body", 0, 0, None, None),
        (None, 0, 0, "div", 0, 1, None, {"id": " main ", "class": "a b c d e"}),
        (None, 1, 0, "section", 0, 2, None, {}),
        (None, 2, 0, "ul", 0, 3, None, {"class": "  "}),
    ]
    for owner in range(len(rows)):
        for own in ("p", "a#x.y"):
            labels: dict[int, str] = {}
            twin_labels: dict[int, str] = {}
            python = walk_path(rows, labels, owner, own)
            assert _cwalk.guard_path(rows, twin_labels, owner, own) == python
            assert twin_labels == labels


def _page_elements(page: str) -> tuple[Any, list[Any]]:
    body, guard = _guard_of(page)
    return guard, [node for node in body.traverse() if node.tag not in (None, "body")]


@needs_extension
@pytest.mark.parametrize("name", SETS)
def test_twins_agree_on_every_benchmark_page(name: str) -> None:
    """Every element of every page: whether it is words of its line, for each kind of
    rule; and the guard, for each tree rule of the pipeline, with the element's text
    and a short one."""
    rules = [r for r in _CLEANER.rules if isinstance(r, TreeRule)]
    for page_id, page in benchmark_html(name):
        guard, nodes = _page_elements(page)
        for node in nodes:
            for rule in _SENTENCE_RULES:
                python = in_sentence(node, rule, _JUDGE)
                assert _cwalk.guard_in_sentence(node, rule, _JUDGE) == python, page_id
        for node in nodes[::7]:  # (the guard reads no more of a node than its id)
            text = node.text(separator=" ")
            for rule in rules:
                for t in (text, "x"):
                    python = guard.allows(rule, node, t)
                    assert _cwalk.guard_allows(guard, rule, node, t) == python, page_id


def _deferred_inputs(page: str) -> tuple[Any, ...] | None:
    """What ``finish_blocks`` hands ``prune_deferred`` for ``page`` (the compiled walk's
    blocks), or None for a page without a body."""
    tree = parse_html(page)
    body = tree.body
    if body is None:
        return None
    for node in body.css(DROP_SELECTOR):
        node.decompose()
    walk = PageWalk(body, _PLAN, compiled=_cwalk)
    blocks, owners, el = _cwalk.walk(body, _PLAN, walk.judge, walk.guard, None)
    _, keep, values = find_anchor(blocks, owners, el, _PLAN.config)
    return blocks, owners, values, el, keep, walk.guard.protected


@needs_extension
@pytest.mark.parametrize("name", SETS)
def test_deferred_prunings_agree_on_every_benchmark_page(name: str) -> None:
    pruned = 0
    for page_id, page in benchmark_html(name):
        inputs = _deferred_inputs(page)
        if inputs is None:
            continue
        python = prune_deferred(*inputs)
        twin = _cwalk.defer_prune(*inputs)
        assert twin == python, page_id
        pruned += python[0] != inputs[0]
    # (The zyte pages have deferred prunings; some sets have none: each page's prose
    # anchor is found before their walk.)
    assert pruned or name != "zyte"


@needs_extension
def test_deferred_prunings_agree_on_a_hand_built_page() -> None:
    page = (
        "<html><body><div class='sidebar'><p>Links one two three.</p><p>More links.</p>"
        "</div><div class='content'>"
        + "<p>"
        + "Prose of the article. " * 20
        + "</p>" * 3
        + "</div><div class='comments'><p>First comment here.</p><p>Second one.</p></div>"
        "</body></html>"
    )
    inputs = _deferred_inputs(page)
    assert inputs is not None
    assert _cwalk.defer_prune(*inputs) == prune_deferred(*inputs)


@needs_extension
@pytest.mark.parametrize(
    "tag",
    [
        *(None, "-text", "-comment", "br", "div", "p", "span", "a", "pre", "ul", "li"),
        *("script", "my-card", "x:y", "-x", "9-a", "ü-a", "svg", "custom", "button", ""),
    ],
)
def test_tag_kind_agrees(tag: str | None) -> None:
    assert _cwalk.guard_kind(tag) == tag_kind(tag)


@needs_extension
@pytest.mark.parametrize("name", SETS)
def test_body_chars_agree_on_every_benchmark_page(name: str) -> None:
    """The length of the body's squashed text the guard compares shares with: read by
    the twins of the walk (and kept in the guard), and by the guard itself."""
    for page_id, page in benchmark_html(name):
        body, twin_guard = _guard_of(page)
        _, python_guard = _guard_of(page)
        text_id = _cwalk.text_tag_id(body)
        chars = _cwalk.guard_body_chars(twin_guard, body, text_id)
        assert chars == python_guard.body_chars(), page_id
        assert twin_guard.body_chars() == chars  # (kept where the guard keeps it)
        rule = _Rule(max_share=0.01, guard_min_chars=0)
        node = body.child or body
        python_guard.anchor_chain = None
        for text in _TEXTS:
            _, fresh = _guard_of(page)
            fresh.anchor_chain = None
            twin = _cwalk.guard_allows(fresh, rule, node, text, text_id)
            assert twin == python_guard.allows(rule, node, text), page_id
