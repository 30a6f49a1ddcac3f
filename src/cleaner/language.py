"""The page's language, read from its stop words (``features.compute_features``).

Each stop word's languages are one mask (``stopword_languages``, built once with the
phrase book): the page's tokens are looked up once each, and every language's hits
counted in that one pass, not a pass per language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def stopword_languages(stopwords: Mapping[str, frozenset[str]]) -> dict[str, int]:
    """Each stop word of ``stopwords`` → the languages whose list holds it, as a mask:
    bit i for the i-th language of ``sorted(stopwords)``. (A token's languages in one
    look-up: the guess counts every language's hits in one pass over the tokens.)"""
    masks: dict[str, int] = {}
    for i, lang in enumerate(sorted(stopwords)):
        for word in stopwords[lang]:
            masks[word] = masks.get(word, 0) | 1 << i
    return masks


def guess_language(
    hits: Sequence[int],
    total: int,
    languages: Sequence[str],
    min_hits: int,
    min_share: float,
) -> str | None:
    """The language of a page whose longer blocks hold ``total`` words, ``hits[i]`` of
    them stop words of ``languages[i]``."""
    best: tuple[int, str] | None = None
    # Sorted languages so that ties resolve the same way on every run.
    for lang, n in zip(languages, hits, strict=True):
        if n >= min_hits and n >= min_share * total and (best is None or n > best[0]):
            best = (n, lang)
    return best[1] if best else None
