"""Long blocks get their words without a string per word (issue 17, peak memory): the
same features and the same squashed text as the plain split gives short ones."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner import features, spaces
from cleaner.blocks import Features
from cleaner.frontends.text import blocks_again, text_to_blocks
from cleaner.render import render_text
from cleaner.spaces import WHITE_SPACE, squash, words_up_to

PIECES = [
    "word", "Ünïcode", "İstanbul", "ß", "ﬁ", "Ǆ", "中文字", "e\u0301", "12", "x",
    " ", "  ", "\n\n", "\t", "\u00a0", "\u3000", "\u2028", "\x1c", ",", "—", "-", "'s",
]  # fmt: skip


def test_white_space_is_what_str_split_splits_at() -> None:
    every = (chr(c) for c in range(0x110000))
    assert "".join(c for c in every if c.isspace() and c != " ") == WHITE_SPACE


@pytest.mark.parametrize("seed", range(40))
def test_long_blocks_get_the_features_short_ones_would(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 6000)))
    plain, lean = Features(), Features()
    monkeypatch.setattr(features, "_LONG_BLOCK_CHARS", 1 << 40)
    monkeypatch.setattr(spaces, "LONG_TEXT_CHARS", 1 << 40)
    features._fill(text, plain, 8, 2, 3)
    expected = " ".join(text.split())
    assert squash(text) == expected
    monkeypatch.setattr(features, "_LONG_BLOCK_CHARS", 0)
    monkeypatch.setattr(spaces, "LONG_TEXT_CHARS", 0)
    monkeypatch.setattr(features, "_TOKEN_CHUNK_CHARS", rng.choice([1, 7, 100, 1 << 16]))
    features._fill(text, lean, 8, 2, 3)
    assert lean == plain
    assert squash(text) == expected


def test_a_long_block_shares_one_string_per_distinct_word() -> None:
    f = Features()
    features._fill("word and more words, " * 20_000, f, 8, 2, 3)
    assert f.n_words == 80_000 and len({id(t) for t in f.tokens}) == 4


@pytest.mark.parametrize("seed", range(20))
@pytest.mark.parametrize("long_path", [False, True])
def test_words_up_to_counts_as_split_does_and_stops_past_the_cap(
    seed: int, long_path: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spaces, "LONG_TEXT_CHARS", 0 if long_path else 1 << 40)
    rng = random.Random(seed)
    text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 400)))
    words = len(text.split())
    for cap in (0, 1, words - 1, words, words + 1, 50):
        if cap >= 0:
            assert words_up_to(text, cap) == min(words, cap + 1)


def test_words_up_to_makes_no_list_of_a_long_text() -> None:
    # A 10 MB text would need ~100 MB as a list of words; the count stops at the cap.
    import tracemalloc

    text = "word " * 2_000_000
    tracemalloc.start()
    try:
        assert words_up_to(text, 25) == 26
        assert tracemalloc.get_traced_memory()[1] < 100_000
    finally:
        tracemalloc.stop()


@given(st.lists(st.sampled_from([*PIECES, "\r\n", "\r", "\x85", "\u2029", "A."])).map("".join))
def test_the_second_pass_blocks_are_what_the_rendered_page_would_give(text: str) -> None:
    # The settling pass builds its blocks from the kept ones without rendering the page:
    # the same texts, gaps and indexes as cleaning the rendered text would read.
    kept = text_to_blocks(text)
    again = blocks_again(kept)
    expected = text_to_blocks(render_text(kept))
    assert [(b.index, b.text, b.gap_before) for b in again] == [
        (b.index, b.text, b.gap_before) for b in expected
    ]
    assert all(a.text is k.text for a, k in zip(again, kept, strict=True))
