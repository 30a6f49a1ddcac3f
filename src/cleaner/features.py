"""Text features of blocks, shared by the HTML and text paths.

Computed once per document, in one pass over the blocks, with patterns compiled at
import time (they are constants, not caches: nothing here depends on a document).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

import regex

from .blocks import Block

# Runs of letters/digits/marks in scripts written with spaces between words.
_WORD = regex.compile(r"[\p{L}\p{N}\p{M}]+(?:['’][\p{L}]+)*")
# Scripts written without spaces: a character carries roughly half a word.
_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")
_LETTER = regex.compile(r"\p{L}")
_DIGIT = regex.compile(r"\p{N}")
_UPPER = regex.compile(r"\p{Lu}")
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
    blocks: Sequence[Block], stopwords: Mapping[str, frozenset[str]], min_hits: int
) -> str | None:
    """The language whose stop words occur most often on the page, or None."""
    counts: Counter[str] = Counter()
    for block in blocks:
        for word in words_of(block.text.casefold()):
            for lang, words in stopwords.items():
                if word in words:
                    counts[lang] += 1
    if not counts:
        return None
    # Sort for a deterministic winner when counts tie.
    lang, hits = max(sorted(counts.items()), key=lambda item: item[1])
    return lang if hits >= min_hits else None


def compute_features(blocks: Sequence[Block], stopwords: frozenset[str]) -> None:
    """Fill ``block.features`` for every block; ``stopwords`` is the page language's list."""
    keys: Counter[str] = Counter()
    for block in blocks:
        text = block.text
        f = block.features
        words = words_of(text)
        n_chars = len(text)
        unspaced = len(_UNSPACED.findall(text))
        letters = len(_LETTER.findall(text))
        f.n_chars = n_chars
        f.n_words = len(words)
        f.n_tokens = len(words) + unspaced // 2 if unspaced else len(words)
        f.ends_sentence = bool(_SENTENCE_END.search(text))
        f.letter_ratio = letters / n_chars if n_chars else 0.0
        f.digit_ratio = len(_DIGIT.findall(text)) / n_chars if n_chars else 0.0
        f.upper_ratio = len(_UPPER.findall(text)) / letters if letters else 0.0
        alpha = [w for w in words if w[0].isalpha()]
        f.title_ratio = sum(w[0].isupper() for w in alpha) / len(alpha) if alpha else 0.0
        f.stopword_ratio = (
            sum(w.casefold() in stopwords for w in words) / len(words) if words else 0.0
        )
        f.key = duplicate_key(text)
        keys[f.key] += 1
    for block in blocks:
        block.features.repeats = keys[block.features.key]


def collapse_spaces(text: str) -> str:
    return _SPACES.sub(" ", text).strip()
