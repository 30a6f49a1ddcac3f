"""Long blocks get their words without a string per word (issue 17, peak memory): the
same features and the same squashed text as the plain split gives short ones."""

from __future__ import annotations

import random

import pytest

from cleaner import features, spaces
from cleaner.blocks import Features
from cleaner.spaces import WHITE_SPACE, squash

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
