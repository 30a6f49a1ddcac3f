"""The language guess reads each stop word's languages as a mask (``features.
stopword_languages``) and counts every language's hits in one pass over the tokens:
the same hits as counting each language's stop words apart, and the compiled twin of
``_page_counts`` the same as the Python one."""

from __future__ import annotations

from collections import Counter

import pytest
from helpers import _cwalk, needs_extension

from cleaner.blocks import Block
from cleaner.config import Config
from cleaner.features import _fill_all, _page_counts, compute_features, stopword_languages
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
    keys, hits, total = _page_counts(features, min_words, stopword_languages(STOPWORDS), 3)
    assert (hits, total) == _hits_apart(features, min_words)
    assert keys[features[0].key] == 2 and keys["home"] == 1


@needs_extension
@pytest.mark.parametrize("min_words", [0, 8, 100])
def test_compiled_page_counts_match_python(min_words: int) -> None:
    features = _features(TEXTS)
    masks = stopword_languages(STOPWORDS)
    assert _cwalk.page_counts(features, min_words, masks, 3) == _page_counts(
        features, min_words, masks, 3
    )


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
