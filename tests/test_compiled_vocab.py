"""The compiled vocabulary matching (``frontends/html/_cvocab.pxi``, ``VocabularyTwin``)
against ``ElementJudge``'s: the same verdict (rank, rule, reason, weak) for a class
attribute and for one name or id, on generated names made of the vocabularies' own
tokens (so that entries, their exclusions, exact and weak entries are met) in every
case and spelling, with non-ASCII names and white space among them. Whole pages: the
walk's equality tests (test_compiled_walk.py) run the compiled walk with the twin.

Where the extension is not built the tests skip (the Python matching is the only one).
"""

from __future__ import annotations

import pytest
from helpers import _cwalk, needs_extension
from hypothesis import given
from hypothesis import strategies as st

from cleaner.config import Config
from cleaner.frontends.html.walk import _default_tree_rules
from cleaner.rules.elements import ElementJudge
from cleaner.rules.tree import TreePlan

_PLAN = TreePlan(_default_tree_rules(Config()), Config())


def _vocabulary_words() -> list[str]:
    """Every token the tree rules' vocabularies name: entries, and the words that
    exclude a match before, after or anywhere in a name."""
    words: set[str] = set()
    for rule in _PLAN.vocab_rules:
        for entries in rule.entries.values():
            for entry in entries:
                words.update(entry)
        words.update(rule._not_after, rule._not_before, rule._unless)
    return sorted(words)


_WORD = st.sampled_from(_vocabulary_words()) | st.sampled_from(
    ["post", "x", "a1", "123", "top", "é", "straße", "İd", "ǅ", ""]
)
_SPELLING = st.sampled_from([str.lower, str.upper, str.capitalize, str.title])
_SEPARATOR = st.sampled_from(["-", "_", ":", ".", "", "--", "-_"])
_SPACE = st.sampled_from([" ", "  ", "\t", "\n", "\x1c", "\u00a0", "\u2003"])


@st.composite
def _name(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.tuples(_WORD, _SPELLING), min_size=1, max_size=5))
    parts = [spell(word) for word, spell in words]
    return "".join(p + draw(_SEPARATOR) for p in parts[:-1]) + parts[-1]


@st.composite
def _classes(draw: st.DrawFn) -> str:
    names = draw(st.lists(_name(), min_size=1, max_size=4))
    out = draw(_SPACE | st.just(""))
    for name in names:
        out += name + draw(_SPACE)
    return out


def _judges() -> tuple[ElementJudge, ElementJudge]:
    return ElementJudge(_PLAN), ElementJudge(_PLAN, _cwalk)


@needs_extension
@given(st.lists(_classes(), min_size=1, max_size=6))
def test_both_match_class_attributes_alike(attributes: list[str]) -> None:
    # One judge for the list: verdicts per name met before are shared, as on a page.
    python, twin = _judges()
    for classes in attributes:
        expected = python._match_classes(classes)
        assert twin._matcher._match_classes(classes) == expected, classes


@needs_extension
@given(_name() | _classes())
def test_both_match_one_name_alike(name: str) -> None:
    python, twin = _judges()
    assert twin._matcher._match_name(name) == python._match_name(name), name


@needs_extension
@pytest.mark.parametrize(
    "classes",
    [
        "share-bar",
        "shareBar top",
        "SHARE",
        "social-share",
        "post share-buttons",
        "comments-area",
        "été share",
        "sidebar\u00a0widget",
        "anchor anchorWithStickyNavbar",
        "hasSearch-navbar navbarWithSearch",
        "tablet_D(n)--noRightRail",
        "Été-hasSideBar",
        "",
        "   ",
    ],
)
def test_both_match_known_names_alike(classes: str) -> None:
    python, twin = _judges()
    assert twin._matcher._match_classes(classes) == python._match_classes(classes)
    for name in classes.split():
        assert twin._matcher._match_name(name) == python._match_name(name)


_IDS = st.sampled_from(["", "post-12", "post-\u0663", "x\u00b2"]) | _name()
_WATCHED = st.sampled_from(
    ["", " hidden", ' aria-hidden="true"', ' style="display:none"', ' role="navigation"']
)
_INSIDE = st.sampled_from(
    ["", "<h2>Share this story with a friend</h2>", "A caption of a few words.", "word " * 60]
)


@needs_extension
@given(_classes(), _IDS, _WATCHED, _INSIDE, st.sampled_from(["div", "span", "section"]))
def test_both_judges_alike(classes: str, ident: str, watched: str, inside: str, tag: str) -> None:
    """The compiled walk's ``judge``: watched attributes, ids with digits (ASCII or
    not), a heading's slug and a weak name's text read off a parsed element."""
    from selectolax.lexbor import LexborHTMLParser

    quote = classes.replace('"', "")
    tree = LexborHTMLParser(f'<body><{tag} class="{quote}" id="{ident}"{watched}>{inside}')
    node = tree.body.child
    python, twin = _judges()
    for _ in range(2):  # (the second time from the verdicts kept)
        for given_node in (node, None):
            expected = python.judge(node.tag, node.attributes, given_node)
            assert twin._matcher.judge(node.tag, node.attributes, given_node) == expected
