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
from itertools import chain
from operator import attrgetter
from types import SimpleNamespace
from typing import Any

import regex

from .blocks import Block, Features
from .config import Config
from .language import guess_language, stopword_languages
from .spaces import single_spaces


def _separator_table() -> str:
    """Every punctuation, symbol, control, format and separator character → a space.

    After ``translate`` with this table, ``split()`` yields the words (letters, digits
    and combining marks). Built from the Basic Multilingual Plane and the emoji planes;
    one ``regex`` scan over the candidate characters instead of a Python loop.

    A string indexed by code point rather than a dict: ``translate`` looks characters
    up twice as fast by index, and a code point past the end (the planes above the
    emoji) is left as it is, as a missing dict key would be. Same size as the dict.
    """
    separator = regex.compile(r"[\p{P}\p{S}\p{C}\p{Z}]")
    every = "".join(map(chr, range(0x1FB00)))
    return (
        separator.sub(" ", every[:0x10000])
        + every[0x10000:0x1F000]  # planes left as they are
        + separator.sub(" ", every[0x1F000:])
    )


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
#: An ASCII digit: ``findall`` counts them in one C-level scan (ten ``str.count`` calls,
#: one per digit, cost twice as much on a short line).
_DIGIT = re.compile("[0-9]")
#: Blocks this long get their words without a string per word (``_long_block_words``);
#: shorter ones take the faster plain split. Either way the features are the same.
_LONG_BLOCK_CHARS = 1 << 16
#: Pages of at least this many characters (in blocks with features) share one string
#: per distinct word among their blocks' tokens (``compute_features``).
_SHARED_WORDS_MIN_CHARS = 100_000
#: Characters of the key split at once on that path.
_TOKEN_CHUNK_CHARS = 1 << 16


#: A block's text (the page's characters summed in C, not a Python step a block).
_TEXT = attrgetter("text")


def words_of(text: str) -> list[str]:
    """The words of ``text``: runs of letters, digits and marks."""
    if text.isascii():
        return text.translate(_TO_SPACE).split()
    # (A Latin text's accents and curly quotes would cost a table look-up a character.)
    return _words_mostly_ascii(text)


def unspaced_tokens(text: str, per_word: int) -> int:
    """Word-equivalents ``text`` holds beyond its words, for its characters of scripts
    written without spaces (CJK, Thai): one per ``per_word`` of them."""
    return len(_UNSPACED.findall(text)) // per_word if not text.isascii() else 0


def duplicate_key(text: str) -> str:
    """Casefolded words separated by single spaces: equal keys mean repeated text."""
    return " ".join(words_of(text.casefold()))


def compute_features(
    blocks: Sequence[Block],
    stopwords: Mapping[str, frozenset[str]],
    config: Config,
    *,
    reuse_language: str | None = None,
    languages_of: Mapping[str, int] | None = None,
    compiled: Any = None,
) -> str | None:
    """Fill ``block.features`` for every block not yet removed; return the page's language.

    The language is the one whose stop words occur most often, or None when too few
    occur (a page in a language without a phrase file must not be judged by another
    language's list). When it equals ``reuse_language``, blocks whose features are
    already filled keep them (a later pass over the same blocks); page-level counts
    (repeats, language) are always redone. ``languages_of``: ``stopword_languages(
    stopwords)``, when the caller holds it (else built here). ``compiled``: the
    C twins of ``_fill_all``, ``_page_counts`` and ``_set_page_counts`` (the HTML path's
    ``compiled.compiled_features()``), or None for these.
    """
    twins = compiled if compiled is not None else _PYTHON_TWINS
    # Blocks the front-end already removed (pruned subtrees, outside the main container)
    # get no features: no rule looks at them, and they are often half of an HTML page.
    live = [b for b in blocks if b.removal is None]
    # One string per distinct word of the page, shared by every block's tokens: a
    # word's own string costs about 50 bytes, several times its characters. (On a page
    # of a few thousand words that is little memory, and the look-up per word costs a
    # tenth of the features' time: long pages only.)
    distinct: dict[str, str] | None = (
        {} if sum(map(len, map(_TEXT, live))) >= _SHARED_WORDS_MIN_CHARS else None
    )
    twins.fill_all(
        live,
        config.title_opening_words,
        config.unspaced_chars_per_word,
        config.joiner_max_chars,
        distinct,
    )
    del distinct  # before the page-level counts below hold their own
    features = [b.features for b in live]
    # The language is read from the longer blocks: menus and link lists hold few stop
    # words and would dilute the share of a page that is mostly navigation.
    languages = sorted(stopwords)  # (bit i of a word's mask: the i-th of them)
    keys, hits, total, held = twins.page_counts(
        features,
        config.language_min_block_words,
        stopword_languages(stopwords) if languages_of is None else languages_of,
        len(languages),
    )
    language = guess_language(
        hits, total, languages, config.language_min_hits, config.language_min_share
    )
    lang_stopwords = stopwords.get(language, frozenset()) if language else frozenset()
    at = languages.index(language) if language else -1
    twins.set_page_counts(live, keys, lang_stopwords, language != reuse_language, held, at)
    return language


def _fill_all(
    live: Sequence[Block],
    opening: int,
    per_word: int,
    joiner: int,
    distinct: dict[str, str] | None,
) -> None:
    """The features of each block of ``live`` not filled yet (``_fill``)."""
    # A text seen earlier on the page shares its features (a line printed many times):
    # they depend on the text alone, the page-level ones (repeats, stop words) on its
    # key and words, and only ``compute_features`` ever sets them.
    first: dict[str, Features] = {}
    for block in live:
        f = block.features
        if not f.folded:
            seen = first.get(block.text)
            if seen is None:
                _fill(block.text, f, opening, per_word, joiner, distinct)
                first[block.text] = f
            else:
                block.features = seen


def _page_counts(
    features: Sequence[Features], min_words: int, languages_of: Mapping[str, int], n_languages: int
) -> tuple[Mapping[str, int], list[int], int, None]:
    """How many blocks hold each key; per language (by its bit in ``languages_of``'s
    masks), how many of the tokens of the blocks of at least ``min_words`` words (all
    of them when none is that long) are its stop words, and how many tokens those hold."""
    keys = Counter(f.key for f in features)
    longer = [f for f in features if f.n_words >= min_words] or features
    # Only stop words are counted, in one C-level pass: far fewer than all the words.
    words = chain.from_iterable(f.tokens for f in longer)
    total = sum(len(f.tokens) for f in longer)
    hits = [0] * n_languages
    for word, n in Counter(filter(languages_of.__contains__, words)).items():
        mask = languages_of[word]
        for i in range(n_languages):
            if mask >> i & 1:
                hits[i] += n
    return keys, hits, total, None


def _set_page_counts(
    live: Sequence[Block],
    keys: Mapping[str, int],
    stopwords: frozenset[str],
    refill: bool,
    held: object = None,
    language: int = -1,
) -> None:
    """Each block's repeats, and its stop-word ratio where ``refill`` or not set yet.
    (``held`` and ``language``: the compiled twins' hits per block, kept by their
    ``page_counts``, and the language's place among them; here always counted again.)"""
    for block in live:
        f = block.features
        f.repeats = keys[f.key]
        if refill or f.stopword_ratio < 0:
            hits = sum(map(stopwords.__contains__, f.tokens)) if f.n_words else 0
            f.stopword_ratio = hits / f.n_words if hits else 0.0


#: The Python twins ``compute_features`` uses when given no compiled ones.
_PYTHON_TWINS = SimpleNamespace(
    fill_all=_fill_all, page_counts=_page_counts, set_page_counts=_set_page_counts
)


def _fill(
    text: str,
    f: Features,
    opening_words: int,
    per_word: int,
    joiner: int,
    distinct: dict[str, str] | None = None,
) -> None:
    ascii_text = text.isascii()
    if len(text) >= _LONG_BLOCK_CHARS:
        words, key, tokens = _long_block_words(
            text, opening_words, {} if distinct is None else distinct
        )
        digits = len(_DIGIT.findall(key))
    else:
        if ascii_text:
            # ASCII text through the byte table: no look-up per character (_ASCII_TO_SPACE).
            spaced = text.encode("ascii").translate(_ASCII_TO_SPACE)
            words = spaced.decode("ascii").split()
            key = " ".join(words).lower()  # (casefold is lower on ASCII)
            # ASCII digits survive the table: the bytes lost deleting them are the digits.
            digits = len(spaced) - len(spaced.translate(None, _ASCII_DIGITS))
        else:
            words = _words_mostly_ascii(text)
            key = " ".join(words).casefold()
            # Nothing casefolds to an ASCII digit: the key holds the text's, and is shorter.
            digits = len(_DIGIT.findall(key))
        parts = key.split()
        # One string per distinct word of the page when the caller shares them.
        tokens = tuple(parts if distinct is None else map(distinct.setdefault, parts, parts))
    n_words = len(tokens)
    n_chars = len(text)
    folded = text.casefold()
    # Equal strings are shared (a short line without punctuation often has its key for
    # its casefolded text): a page of many short lines holds three strings a line.
    f.folded = text if folded == text else key if folded == key else folded
    f.tokens = tokens
    f.key = key
    f.n_chars = n_chars
    f.n_words = n_words
    f.n_tokens = n_words if ascii_text else n_words + unspaced_tokens(text, per_word)
    f.ends_sentence = text.rstrip(_TRAILING)[-1:] in _TERMINALS
    # The key is the words joined by single spaces (casefolding never makes white
    # space), so its length less the spaces is the letters' count.
    f.letter_ratio = (len(key) - n_words + 1) / n_chars if n_words else 0.0
    # ASCII digits are what matters here (dates, prices, scores, archive lists). (0.0
    # and 1.0 are written as constants: one float object for every block.)
    f.digit_ratio = digits / n_chars if digits else 0.0
    # Capitalisation only matters for short lines and for how a block opens: the first
    # words (Config.title_opening_words). Title-case or all-capitals words are the
    # capitalised ones.
    opening = words[:opening_words]
    if opening:
        capitalised = sum(map(str.istitle, opening)) + sum(map(str.isupper, opening))
        f.title_ratio = (
            0.0
            if not capitalised
            else 1.0
            if capitalised == len(opening)
            else capitalised / len(opening)
        )
        # A dateline opens with two capitals, or a capital and '.', "'" or a space
        # (checked here on ASCII text, where the pattern's \p{Lu} is A-Z).
        # Its dash and the space after it come first: most lines hold neither, and a
        # pattern match costs a dozen scans for a dash.
        dateline = (
            _DATELINE.match(text)
            if (not ascii_text or ("A" <= text[0] <= "Z" and text[1:][:1] in _DATELINE_SECOND))
            and ("- " in text or "— " in text or "– " in text)
            else None
        )
        if dateline is not None:
            # A wire story's dateline ('HANOI, Vietnam (AP) — U.S. Defense Secretary
            # ...') is no headline: the capitalised words are counted after it.
            opening = text[dateline.end() :].translate(_TO_SPACE).split(None, opening_words)
    f.headline_prefix = _capitalised_prefix(opening[:opening_words], joiner)
    f.stopword_ratio = -1.0  # filled per page, once the language is known


#: ``_TO_SPACE`` for ASCII, as a byte table (bytes.translate reads it by index).
_ASCII_TO_SPACE = _TO_SPACE[:128].encode("ascii") + bytes(range(128, 256))
_ASCII_DIGITS = b"0123456789"
#: What may follow a dateline's opening capital: a capital, '.', "'" or a space (and
#: the end of the text: the pattern decides).
_DATELINE_SECOND = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ.' ") | {""}


def _words_mostly_ascii(text: str) -> list[str]:
    """``words_of(text)`` for a text that is not all ASCII, faster when most of it is
    (accents, curly quotes and dashes in Latin text): its ASCII separators go through
    the byte table, and only the pieces left holding other characters through
    ``_TO_SPACE``, whose look-ups cost a dict access per character."""
    data = text.encode("utf-8", "surrogatepass").translate(_ASCII_TO_SPACE)
    words: list[str] = []
    for piece in data.decode("utf-8", "surrogatepass").split():
        # A piece of letters and digits only is a word as it is (an accented or a
        # Cyrillic word): one C scan, not a table look-up a character. (Marks are not
        # isalnum: such a piece takes the table, which keeps them.)
        if piece.isascii() or piece.isalnum():
            words.append(piece)
        else:
            words += piece.translate(_TO_SPACE).split()
    return words


def _long_block_words(
    text: str, opening_words: int, distinct: dict[str, str]
) -> tuple[list[str], str, tuple[str, ...]]:
    """The opening words, the key and the tokens of a long block, as ``_fill`` makes
    them for a short one, without a list of every word: a word's own string costs
    about 50 bytes, so a list of them (and a tuple of their casefolded copies) would
    cost 25 times the text's bytes. The tokens share one string per distinct word.
    """
    spaced = text.translate(_TO_SPACE)
    # After the translation every white space character is a plain space (they are
    # all separators or controls): runs of spaces collapse to the key's single ones.
    key = single_spaces(spaced).casefold()
    words = spaced.split(None, opening_words)[:opening_words]
    del spaced
    tokens: list[str] = []
    start = 0
    while start < len(key):
        # Chunks end at a space, so no word is cut; each chunk's words go through the
        # dict at once and only the shared strings stay.
        end = key.find(" ", start + _TOKEN_CHUNK_CHARS)
        end = len(key) if end < 0 else end
        chunk = key[start:end].split()
        tokens += map(distinct.setdefault, chunk, chunk)
        start = end + 1
    return words, key, tuple(tokens)


#: A news dateline opening a block: a place in capitals, its region and the agency in
#: brackets if any, then a dash ('WASHINGTON —', 'HANOI, Vietnam (AP) —', 'NEW YORK
#: (Reuters) -'). Words, not character counts, bound it: no backtracking blow-up.
_DATELINE = regex.compile(
    r"\p{Lu}[\p{Lu}.'’ ]*\p{Lu}\.?"
    r"(?:, \p{Lu}[\w.]*(?: \p{Lu}[\w.]*)*)?"
    r" ?(?:\(\p{Lu}[\w.]*(?: \p{Lu}[\w.]*)*\))?"
    r" ?(?:—|–|--?) "
)


def _capitalised_prefix(words: Sequence[str], joiner: int) -> int:
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
        elif first.isdigit() or (len(word) <= joiner and word.islower()):
            continue
        else:
            break
    return count
