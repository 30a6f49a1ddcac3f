"""The compiled prose values and votes of the prose anchor after the walk
(``frontends/html/_canchor.pxi``: ``anchor_values``, ``anchor_votes``) against
``rules/anchor.py``'s ``prose_value`` and ``prose_votes``: the same floats, bit for bit,
on generated blocks (every kind, texts ending in each truncation mark and closing mark,
white space past ASCII, link densities from none to all) and on every block and
element of every benchmark page as the walk leaves them. Where the extension is not
built the tests skip (the Python arithmetic is the only one).
"""

from __future__ import annotations

import math

import pytest
from benchmark_pages import html_pages as benchmark_html
from helpers import _cwalk, needs_extension
from hypothesis import given
from hypothesis import strategies as st

from cleaner.blocks import Block, BlockKind
from cleaner.config import Config
from cleaner.frontends.html.compiled import forced
from cleaner.frontends.html.parse import parse_html
from cleaner.frontends.html.walk import DROP_SELECTOR, PageWalk, _default_tree_rules
from cleaner.rules.anchor import prose_value, prose_votes
from cleaner.rules.tree import TreePlan

SETS = ("zyte", "cleaneval", "portals", "readability-tests")
_CONFIG = Config()
_ENDINGS = ["", ".", "...", "…", "[…]", "[...]", "(…)", "(...)", "..]", "x)", "!", "。", "”"]
_ENDINGS += ["?", ":", ";", "'", '"', "’", "»", ")", "！", "？", "a", "9", "-"]
_WORDS = st.sampled_from(["the", "a", "council", "voted", "x", "…", "...", "(", "ab.", "é"])
_SPACES = st.sampled_from([" ", "  ", "\t", "\n", "\u00a0", "\u2003", ""])


@st.composite
def _text(draw: st.DrawFn) -> str:
    words = draw(st.lists(_WORDS, max_size=40))
    out = "".join(w + draw(_SPACES) for w in words)
    return out + draw(st.sampled_from(_ENDINGS)) + draw(st.sampled_from(["", " ", "\n ", "\u3000"]))


_BLOCK = st.builds(
    lambda text, kind, density, pruned: Block(
        0, text, kind=kind, link_density=density, pruned=pruned
    ),
    _text(),
    st.sampled_from(list(BlockKind)),
    st.sampled_from([0.0, 0.1, 0.5, 0.999, 1.0, 0]) | st.floats(0.0, 1.0),
    st.booleans(),
)


def _python_values(blocks: list[Block], config: Config) -> list[float]:
    return [0.0 if b.pruned else prose_value(b, config) for b in blocks]


def _same(a: list[float], b: list[float]) -> bool:
    """Equal floats, bit for bit (and of one type)."""
    return len(a) == len(b) and all(
        type(x) is type(y) and (x == y or (math.isnan(x) and math.isnan(y)))
        for x, y in zip(a, b, strict=True)
    )


@needs_extension
@given(st.lists(_BLOCK, max_size=12))
def test_both_values_agree_on_generated_blocks(blocks: list[Block]) -> None:
    assert _same(_cwalk.anchor_values(blocks, _CONFIG), _python_values(blocks, _CONFIG))


@needs_extension
@given(st.lists(_BLOCK, min_size=1, max_size=6), st.sampled_from([1, 2, 3]), st.booleans())
def test_the_values_read_the_config(blocks: list[Block], exponent: int, headings: bool) -> None:
    config = Config(html_prose_link_exponent=exponent, html_heading_paragraph_words=3)
    config = config if headings else _CONFIG
    assert _same(_cwalk.anchor_values(blocks, config), _python_values(blocks, config))


class _Table:
    """What ``prose_votes`` reads of an element table."""

    def __init__(self, parent: list[int], tag: list[str]) -> None:
        self.parent, self.tag = parent, tag


@st.composite
def _votes_case(draw: st.DrawFn) -> tuple[list[float], list[int], _Table]:
    n = draw(st.integers(1, 12))
    parent = [-1] + [draw(st.integers(0, e - 1)) for e in range(1, n)]
    tag = ["body"] + [draw(st.sampled_from(["p", "div", "li"])) for _ in range(1, n)]
    k = draw(st.integers(0, 15))
    owners = [draw(st.integers(0, n - 1)) for _ in range(k)]
    value = st.sampled_from([0.0, 15.0, 120.5, 7.25]) | st.floats(0.0, 1e4)
    values = [draw(value) for _ in range(k)]
    return values, owners, _Table(parent, tag)


@needs_extension
@given(_votes_case(), st.sampled_from([0, 1, 2, 3]), st.sampled_from([0.5, 0.25, 1.0]))
def test_both_votes_agree(
    case: tuple[list[float], list[int], _Table], levels: int, weight: float
) -> None:
    values, owners, el = case
    config = Config(html_anchor_vote_levels=levels, html_anchor_child_weight=weight)
    direct, best = prose_votes(values, owners, el, config)  # type: ignore[arg-type]
    twin, twin_best = _cwalk.anchor_votes(values, owners, el.parent, el.tag, levels, weight)
    assert list(twin) == direct
    assert twin_best == best


@needs_extension
@pytest.mark.parametrize("name", SETS)
def test_both_agree_on_every_benchmark_page(name: str) -> None:
    plan = TreePlan(_default_tree_rules(_CONFIG), _CONFIG)
    differ = []
    for page_id, html in benchmark_html(name):
        body = parse_html(html).body
        if body is None:
            continue
        for node in body.css(DROP_SELECTOR):
            node.decompose()
        with forced("compiled"):
            state = PageWalk(body, plan)
            blocks, owners, el = _cwalk.walk(body, plan, state.judge, state.guard, None)
        values = _python_values(blocks, _CONFIG)
        twin = _cwalk.anchor_values(blocks, _CONFIG)
        direct, best = prose_votes(values, owners, el, _CONFIG)
        twin_direct, twin_best = _cwalk.anchor_votes(
            twin,
            owners,
            el.parent,
            el.tag,
            _CONFIG.html_anchor_vote_levels,
            _CONFIG.html_anchor_child_weight,
        )
        if not _same(twin, values) or list(twin_direct) != direct or twin_best != best:
            differ.append(page_id)
    assert not differ
