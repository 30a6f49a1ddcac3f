"""Text features of blocks, shared by the HTML and text paths.

Computed once per document, in one pass over the blocks, with patterns compiled at
import time (they are constants, not caches: nothing here depends on a document).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

import regex

from .blocks import Block, Features

# Runs of letters/digits/marks in scripts written with spaces between words.
_WORD = regex.compile(r"[\p{L}\p{N}\p{M}]+(?:['’][\p{L}]+)*")
# Scripts written without spaces: a character carries roughly half a word.
_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")
# Sentence-final punctuation, optionally followed by closing quotes or brackets.
_SENTENCE_END = regex.compile(r"[.!?…。！？؟।;:][\"'”’»)\]\p{Pf}\p{Pe}]*\s*$")
_KEY_JUNK = regex.compile(r"[^\p{L}\p{N}]+")
_SPACES = regex.compile(r"\s+")


def duplicate_key(text: str) -> str:
    """Casefolded letters and digits separated by single spaces: equal keys mean repeats."""
    return _KEY_JUNK.sub(" ", text.casefold()).strip()


def words_of(text: str) -> list[str]:
    return _WORD.findall(text)


def guess_language(
    blocks: Sequence[Block],
    stopwords: Mapping[str, frozenset[str]],
    min_hits: int,
    min_share: float,
) -> str | None:
    """The language whose stop words occur most often on the page, or None.

    None also when the winner's stop words are too rare a share of the page's words:
    a page in a language without a phrase file must not be judged by another's list.
    """
    counts = Counter(words_of("\n".join(b.text for b in blocks).casefold()))
    total = sum(counts.values())
    best: tuple[int, str] | None = None
    # Sorted languages so that ties resolve the same way on every run.
    for lang in sorted(stopwords):
        hits = sum(counts[w] for w in stopwords[lang].intersection(counts))
        if hits >= min_hits and hits >= min_share * total and (best is None or hits > best[0]):
            best = (hits, lang)
    return best[1] if best else None


def compute_features(
    blocks: Sequence[Block], stopwords: frozenset[str], *, reuse: bool = False
) -> None:
    """Fill ``block.features`` for every block; ``stopwords`` is the page language's list.

    With ``reuse``, blocks whose features are already filled keep them (a later pass
    over the same blocks in the same language); only page-level counts are redone.
    """
    keys: Counter[str] = Counter()
    for block in blocks:
        f = block.features
        if not (reuse and f.folded):
            _fill(block.text, f, stopwords)
        keys[f.key] += 1
    for block in blocks:
        block.features.repeats = keys[block.features.key]


def _fill(text: str, f: Features, stopwords: frozenset[str]) -> None:
    words = _WORD.findall(text)
    n_words = len(words)
    n_chars = len(text)
    f.n_chars = n_chars
    f.n_words = n_words
    # Only non-ASCII text can hold scripts written without spaces.
    unspaced = 0 if text.isascii() else len(_UNSPACED.findall(text))
    f.n_tokens = n_words + unspaced // 2
    f.ends_sentence = bool(_SENTENCE_END.search(text))
    f.letter_ratio = sum(map(len, words)) / n_chars if n_chars else 0.0
    # Ten C-level counts beat a per-character loop; ASCII digits are what matters here
    # (dates, prices, scores, archive lists).
    f.digit_ratio = sum(map(text.count, "0123456789")) / n_chars if n_chars else 0.0
    if n_words:
        f.title_ratio = sum(w[0].isupper() for w in words) / n_words
        if stopwords:
            f.stopword_ratio = sum(w.lower() in stopwords for w in words) / n_words
    f.headline_prefix = _capitalised_prefix(words)
    f.folded = folded = text.casefold()
    f.key = _KEY_JUNK.sub(" ", folded).strip()


def _capitalised_prefix(words: Sequence[str]) -> int:
    """How many capitalised words open the block (digits and short lower-case joiners
    such as "of", "a", "to" are passed over without counting).

    A teaser line glues a Title-Case headline to its summary; prose rarely opens with
    eight capitalised words.
    """
    count = 0
    for word in words:
        first = word[0]
        if first.isupper():
            count += 1
        elif first.isdigit() or (len(word) <= 3 and word.islower()):
            continue
        else:
            break
    return count
