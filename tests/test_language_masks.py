"""The language guess reads each stop word's languages as a mask (``features.
stopword_languages``) and counts every language's hits in one pass over the tokens:
the same hits as counting each language's stop words apart, and the compiled twin of
``_page_counts`` the same as the Python one."""

from __future__ import annotations

from collections import Counter

import pytest
from helpers import _cwalk, needs_extension

from cleaner.blocks import Block, Features
from cleaner.config import Config
from cleaner.features import (
    _PYTHON_TWINS,
    _fill_all,
    _page_counts,
    compute_features,
    stopword_languages,
)
from cleaner.phrases import PhraseBook

STOPWORDS = {
    "en": frozenset({"the", "and", "of", "a"}),
    "fr": frozenset({"de", "la", "et", "a"}),
    "de": frozenset({"der", "und", "die", "a"}),
}
TEXTS = [
    "The cat and the dog of the house sat on a mat all day long.",
    "Le chat de la maison et le chien a la porte du jardin.",
    "Der Hund und die Katze der Nachbarn schlafen a la maison.",
    "Home",
    "Contact the team",
    "The cat and the dog of the house sat on a mat all day long.",
]


def _features(texts: list[str]) -> list[object]:
    blocks = [Block(i, t) for i, t in enumerate(texts)]
    _fill_all(blocks, 8, 2, 3, None)
    return [b.features for b in blocks]


def test_masks_set_a_bit_per_sorted_language() -> None:
    masks = stopword_languages(STOPWORDS)
    # Sorted: de (bit 0), en (bit 1), fr (bit 2).
    assert masks["der"] == 1 and masks["the"] == 2 and masks["la"] == 4
    assert masks["a"] == 7
    assert set(masks) == frozenset().union(*STOPWORDS.values())


def _hits_apart(features: list[object], min_words: int) -> tuple[list[int], int]:
    """Each language's hits counted apart, as the guess counted them before masks."""
    longer = [f for f in features if f.n_words >= min_words] or features
    words = Counter(t for f in longer for t in f.tokens)
    hits = [sum(words[w] for w in STOPWORDS[lang]) for lang in sorted(STOPWORDS)]
    return hits, sum(len(f.tokens) for f in longer)


@pytest.mark.parametrize("min_words", [0, 8, 100])
def test_one_pass_counts_each_languages_hits(min_words: int) -> None:
    features = _features(TEXTS)
    keys, hits, total, _ = _page_counts(features, min_words, stopword_languages(STOPWORDS), 3)
    assert (hits, total) == _hits_apart(features, min_words)
    assert keys[features[0].key] == 2 and keys["home"] == 1


@needs_extension
@pytest.mark.parametrize("min_words", [0, 8, 100])
def test_compiled_page_counts_match_python(min_words: int) -> None:
    features = _features(TEXTS)
    masks = stopword_languages(STOPWORDS)
    assert (
        _cwalk.page_counts(features, min_words, masks, 3)[:3]
        == _page_counts(features, min_words, masks, 3)[:3]
    )


def _ratios(texts: list[str], twins: object, min_words: int, lang: str) -> list[float]:
    blocks = [Block(i, t) for i, t in enumerate(texts)]
    _fill_all(blocks, 8, 2, 3, None)
    features = [b.features for b in blocks]
    keys, _, _, held = twins.page_counts(features, min_words, stopword_languages(STOPWORDS), 3)
    at = sorted(STOPWORDS).index(lang)
    twins.set_page_counts(blocks, keys, STOPWORDS[lang], True, held, at)
    return [b.features.stopword_ratio for b in blocks]


@needs_extension
@pytest.mark.parametrize("min_words", [0, 8, 100])
@pytest.mark.parametrize("lang", sorted(STOPWORDS))
def test_held_hits_give_the_ratios_counting_gives(min_words: int, lang: str) -> None:
    # The compiled page_counts holds the longer blocks' hits; the Python twin holds none.
    assert _ratios(TEXTS, _cwalk, min_words, lang) == _ratios(TEXTS, _PYTHON_TWINS, min_words, lang)


@needs_extension
def test_a_block_of_more_hits_than_held_is_counted_again() -> None:
    many = ("the",) * 70_000 + ("cat",) * 10_000
    blocks = [Block(0, "x"), Block(1, "y")]
    blocks[0].features = Features(n_words=len(many), tokens=many, key="k", folded="k")
    blocks[1].features = Features(n_words=10, tokens=("the",) * 3 + ("x",) * 7, key="y")
    features = [b.features for b in blocks]
    keys, hits, _, held = _cwalk.page_counts(features, 8, {"the": 1}, 1)
    assert hits == [70_003]
    _cwalk.set_page_counts(blocks, keys, frozenset({"the"}), True, held, 0)
    assert blocks[0].features.stopword_ratio == 70_000 / 80_000
    assert blocks[1].features.stopword_ratio == 0.3


def test_the_guess_is_the_language_with_most_hits() -> None:
    book = PhraseBook(["en", "fr", "de"])
    for text, lang in [(TEXTS[0], "en"), (TEXTS[1], "fr"), (TEXTS[2], "de")]:
        blocks = [Block(0, f"{text} {text}")]
        found = compute_features(blocks, book.stopwords, Config(), compiled=None)
        assert found == lang
        blocks = [Block(0, f"{text} {text}")]
        given = compute_features(
            blocks, book.stopwords, Config(), languages_of=book.stopword_languages
        )
        assert given == lang
