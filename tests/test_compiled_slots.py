"""The compiled walk's blocks made slot by slot (``_cnew.pxi``) and the text of the
elements it prunes read off Lexbor's nodes (``_csubtext.pxi``): the same blocks as
the Python walk makes, on pages built to reach each way of the text's collection (the
equality tests in test_compiled_walk.py run both on generated and benchmark pages)."""

from __future__ import annotations

import pytest
from helpers import _cwalk, needs_extension
from hypothesis import given
from hypothesis import strategies as st

from cleaner.blocks import Block, BlockKind
from cleaner.rules.tree import element_label


def _blocks_of(page: str, walk: object) -> list[Block]:
    """The blocks ``walk`` (None: the Python walk) makes of ``page``."""
    from cleaner.config import Config
    from cleaner.frontends.html.parse import parse_html
    from cleaner.frontends.html.walk import PageWalk, _default_tree_rules, _walk
    from cleaner.rules.tree import TreePlan

    config = Config()
    plan = TreePlan(_default_tree_rules(config), config)
    body = parse_html(page).body
    state = PageWalk(body, plan, _cwalk if walk else None)
    blocks, _, _ = (walk or _walk)(body, plan, state.judge, state.guard, None)
    return blocks


@needs_extension
def test_blocks_are_made_slot_by_slot_here() -> None:
    # (Else the classes are called: the same blocks, but not the path measured.)
    assert _cwalk.slots_usable()


# A pruned element (hidden) whose text runs over nested text nodes, a comment, a
# <template> (its content is no child), empty and blank nodes, and characters past
# ASCII; one long enough to outgrow the collection's first buffer, met before any text
# (the walk knows no text node yet: selectolax reads it); blank and inline ones.
_PAGES = [
    "<p>An article paragraph long enough to be prose, with words.</p>"
    "<div hidden><a href='/'>Home</a> | <!-- c --><b>Ne<i>ws</i></b><span></span>"
    "<template><p>hidden</p></template> \u00e9t\u00e9 \u2013 \U0001f600"
    " <ul><li> Sport</li></ul></div>",
    "<div aria-hidden=true>"
    + "".join(f"<a href='/{i}'>Link number {i} \u00fc</a>\n" for i in range(300))
    + "</div>",
    "<div><p>Before <span hidden>  </span>and <span hidden>a<b> b</b></span> after.</p></div>",
]


@needs_extension
@pytest.mark.parametrize("body", _PAGES)
def test_pruned_text_is_the_python_walks(body: str) -> None:
    page = f"<html><body>{body}</body></html>"
    fast = _blocks_of(page, _cwalk.walk)
    slow = _blocks_of(page, None)
    assert fast == slow
    assert any(b.removal is not None for b in slow)


@needs_extension
def test_made_blocks_are_those_the_class_makes() -> None:
    page = "<html><body><h2>A heading</h2><ul><li>An item</li></ul><p>Prose.</p></body></html>"
    fast = _blocks_of(page, _cwalk.walk)
    assert [type(b) for b in fast] == [Block] * 3
    assert [b.kind for b in fast] == [BlockKind.HEADING, BlockKind.LIST_ITEM, BlockKind.PARAGRAPH]
    assert fast == _blocks_of(page, None)
    # Each block holds features of its own (the default factory's, not one shared).
    assert len({id(b.features) for b in fast}) == 3


def _finished(page: str, twins: object) -> tuple[object, ...]:
    """What ``finish_blocks`` makes of the compiled walk's blocks of ``page``, with the
    compiled loop (``twins``) or the Python one (None)."""
    from cleaner.config import Config
    from cleaner.frontends.html.blocks import finish_blocks
    from cleaner.frontends.html.parse import parse_html
    from cleaner.frontends.html.walk import PageWalk, _default_tree_rules
    from cleaner.rules.tree import TreePlan

    config = Config()
    plan = TreePlan(_default_tree_rules(config), config)
    body = parse_html(page).body
    state = PageWalk(body, plan, _cwalk)
    blocks, owners, el = _cwalk.walk(body, plan, state.judge, state.guard, None)
    kept = finish_blocks(blocks, owners, el, state.guard.protected, config, twins)
    rows = [(b.index, b.element, b.path, b.text, b.removal) for b in kept]
    return rows, el.prose, el.anchor


@needs_extension
def test_the_compiled_finish_is_the_python_one() -> None:
    prose = "A paragraph of prose, long enough to count as the article's own text. " * 3
    page = (
        "<html><body><div id=main class='post body'><h1>Title</h1>"
        f"<p>{prose}</p><p>{prose}<br>{prose}</p><section><p>{prose}</p>"
        "<ul><li>one</li><li>two</li></ul></section></div>"
        "<div class=sidebar><p>Side text</p><nav><a href=/>Home</a></nav></div>"
        "text in the body</body></html>"
    )
    fast = _finished(page, _cwalk)
    assert fast == _finished(page, None)
    rows, prose_values, _ = fast
    assert {path for _, _, path, _, _ in rows} >= {"body", "div#main.post.body > p"}
    assert any(prose_values)


_NAMES = st.sampled_from(["", " ", "main", " post ", "a b c", "x\u00a0y", "\u3000", "Ünï"])


@needs_extension
@given(
    st.sampled_from(["div", "p", "section"]),
    st.none()
    | st.dictionaries(
        st.sampled_from(["id", "class", "role"]), st.none() | _NAMES | st.text(max_size=12)
    ),
)
def test_the_compiled_label_is_element_label(tag: str, attrs: dict[str, str] | None) -> None:
    assert _cwalk.finish_label(tag, attrs) == element_label(tag, attrs)


@needs_extension
def test_the_features_twins_read_a_subclass_through_its_attributes() -> None:
    # ``_cslot.pxi`` reads a Block's and a Features' fields off their slots; an object
    # of a subclass takes getattr and setattr: the same counts either way.
    from cleaner.blocks import Features

    class Marked(Features):
        __slots__ = ()

    def counted(kind: type) -> list[tuple[int, float]]:
        blocks = [Block(i, t) for i, t in enumerate(["the cat and the dog", "x y", "x y"])]
        for block in blocks:
            block.features = kind()
        _cwalk.fill_all(blocks, 8, 2, 3, None)
        keys, _, _, _ = _cwalk.page_counts([b.features for b in blocks], 0, {"the": 1}, 1)
        _cwalk.set_page_counts(blocks, keys, frozenset({"the", "and"}), True)
        return [(b.features.repeats, b.features.stopword_ratio) for b in blocks]

    assert counted(Marked) == counted(Features) == [(1, 0.6), (2, 0.0), (2, 0.0)]
