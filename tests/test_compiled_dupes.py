"""The compiled twin of ``contained_duplicate``'s anchors (``_cdupes.pxi``'s
``cd_anchors``) gives what the Python one gives (``duplicates.py_anchors``): each
block's first rarest word and its place, or None."""

from __future__ import annotations

from helpers import _cwalk, needs_extension
from hypothesis import given
from hypothesis import strategies as st

from cleaner.rules.duplicates import py_anchors

_WORDS = st.sampled_from(["the", "a", "cat", "sat", "on", "mat", "été", "東京", "x" * 40, ""])


@needs_extension
@given(
    st.lists(st.lists(_WORDS, max_size=8).map(tuple), max_size=30),
    st.sampled_from([0, 1, 2, 3, 64]),
)
def test_anchors_agree(words: list[tuple[str, ...]], most: int) -> None:
    assert _cwalk.cd_anchors(words, most) == py_anchors(words, most)


@needs_extension
def test_anchors_by_hand() -> None:
    # Equal words made separately (not the same string) count together.
    again = "".join(["m", "at"])
    words = [("the", "mat"), ("on", "the", again), ("on", "the"), ()]
    expected = [("mat", 1), ("on", 0), ("on", 0), None]
    assert py_anchors(words, 64) == expected
    assert _cwalk.cd_anchors(words, 64) == expected
    # A word found once leaves its block without an anchor; so does one found too often.
    assert py_anchors([("a", "b"), ("a",)], 64) == [None, ("a", 0)]
    assert _cwalk.cd_anchors([("a", "b"), ("a",)], 64) == [None, ("a", 0)]
    assert py_anchors([("a",), ("a",)], 1) == [None, None]
    assert _cwalk.cd_anchors([("a",), ("a",)], 1) == [None, None]
