"""Text features of blocks, shared by the HTML and text paths.

Computed once per document in one pass over the blocks. The work per block is a few
C-level string operations (``casefold``, ``translate``, ``split``, ``count``), because
this runs for every block of every page; the tables and patterns below are built once at
import time (constants, not caches: nothing here depends on a document).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence

import regex

from .blocks import Block, Features


def _separator_table() -> dict[int, str]:
    """Every punctuation, symbol, control, format and separator character → a space.

    After ``translate`` with this table, ``split()`` yields the words (letters, digits
    and combining marks). Built from the Basic Multilingual Plane and the emoji planes;
    one ``regex`` scan over the candidate characters instead of a Python loop.
    """
    candidates = "".join(map(chr, [*range(0x10000), *range(0x1F000, 0x1FB00)]))
    found = regex.findall(r"[\p{P}\p{S}\p{C}\p{Z}]", candidates)
    return dict.fromkeys(map(ord, found), " ")


_TO_SPACE = _separator_table()
# Sentence-final punctuation; closing quotes and brackets after it are passed over.
_TERMINALS = frozenset(".!?…。！？؟।;:")
_CLOSERS = "\"'”’»)]}›" + "".join(
    c for c in map(chr, range(0x2000, 0x3100)) if unicodedata.category(c) in ("Pf", "Pe")
)
_TRAILING = _CLOSERS + " \t\r\n\u00a0\u200b"
# Scripts written without spaces: a character carries roughly half a word. Explicit
# ranges (CJK ideographs, kana, Thai, Lao, Myanmar, Khmer) keep this a fast scan.
_UNSPACED = re.compile(
    "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]"
)
_DIGITS = "0123456789"


def words_of(text: str) -> list[str]:
    """The words of ``text``: runs of letters, digits and marks."""
    return text.translate(_TO_SPACE).split()


def duplicate_key(text: str) -> str:
    """Casefolded words separated by single spaces: equal keys mean repeated text."""
    return " ".join(words_of(text.casefold()))


def compute_features(
    blocks: Sequence[Block],
    stopwords: Mapping[str, frozenset[str]],
    min_hits: int,
    min_share: float,
    *,
    reuse_language: str | None = None,
) -> str | None:
    """Fill ``block.features`` for every block not yet removed; return the page's language.

    The language is the one whose stop words occur most often, or None when too few
    occur (a page in a language without a phrase file must not be judged by another
    language's list). When it equals ``reuse_language``, blocks whose features are
    already filled keep them (a later pass over the same blocks); page-level counts
    (repeats, language) are always redone.
    """
    # Blocks the front-end already removed (pruned subtrees, outside the main container)
    # get no features: no rule looks at them, and they are often half of an HTML page.
    live = [b for b in blocks if b.removal is None]
    words: Counter[str] = Counter()
    keys: Counter[str] = Counter()
    for block in live:
        f = block.features
        if not f.folded:
            _fill(block.text, f)
        words.update(f.tokens)
        keys[f.key] += 1
    language = _guess_language(words, stopwords, min_hits, min_share)
    lang_stopwords = stopwords.get(language, frozenset()) if language else frozenset()
    refill = language != reuse_language
    for block in live:
        f = block.features
        f.repeats = keys[f.key]
        if refill or f.stopword_ratio < 0:
            f.stopword_ratio = (
                sum(map(lang_stopwords.__contains__, f.tokens)) / f.n_words if f.n_words else 0.0
            )
    return language


def _guess_language(
    words: Counter[str], stopwords: Mapping[str, frozenset[str]], min_hits: int, min_share: float
) -> str | None:
    total = sum(words.values())
    best: tuple[int, str] | None = None
    # Sorted languages so that ties resolve the same way on every run.
    for lang in sorted(stopwords):
        hits = sum(words[w] for w in stopwords[lang].intersection(words))
        if hits >= min_hits and hits >= min_share * total and (best is None or hits > best[0]):
            best = (hits, lang)
    return best[1] if best else None


def _fill(text: str, f: Features) -> None:
    words = text.translate(_TO_SPACE).split()
    key = " ".join(words).casefold()
    tokens = key.split()
    n_words = len(tokens)
    n_chars = len(text)
    f.folded = text.casefold()
    f.tokens = tuple(tokens)
    f.key = key
    f.n_chars = n_chars
    f.n_words = n_words
    f.n_tokens = n_words + (len(_UNSPACED.findall(text)) // 2 if not text.isascii() else 0)
    f.ends_sentence = text.rstrip(_TRAILING)[-1:] in _TERMINALS
    f.letter_ratio = sum(map(len, tokens)) / n_chars if n_chars else 0.0
    # Ten C-level counts beat a per-character loop; ASCII digits are what matters here
    # (dates, prices, scores, archive lists).
    f.digit_ratio = sum(map(text.count, _DIGITS)) / n_chars if n_chars else 0.0
    # Capitalisation only matters for short lines and for how a block opens: the first
    # 40 words. Title-case or all-capitals words are the capitalised ones.
    opening = words[:40]
    if opening:
        capitalised = sum(map(str.istitle, opening)) + sum(map(str.isupper, opening))
        f.title_ratio = capitalised / len(opening)
    f.headline_prefix = _capitalised_prefix(opening)
    f.stopword_ratio = -1.0  # filled per page, once the language is known


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
