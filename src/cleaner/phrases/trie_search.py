"""Phrase tries matched by the standard library's ``re`` where it reads text as ``regex``.

``literal_trie`` gives one pattern of a few hundred literal phrases. ``regex`` searches
it at some 30 µs a line of 80 characters (it readies the trie's every ``\\s+`` at every
place it tries); ``re`` runs the same pattern several times faster. The two engines
differ on what some characters are: ``\\s``, ``\\w`` (so ``\\b`` and ``\\W``) and
``\\d`` read Unicode properties in ``regex`` and the string predicates in ``re``. They
agree on the characters of ``_AGREED`` (ASCII but four separators, the Latin, Greek and
Cyrillic letters but their combining marks, the common punctuation and symbols; not
superscripts, fractions or marks), and a trie is made of nothing else than literal
characters, ``\\s+`` between a phrase's words, ``\\b`` and groups. So on text of those
characters ``re`` finds what ``regex`` would, at the same place; on other text, and for
patterns of any other syntax, ``regex`` matches as before.
"""

from __future__ import annotations

import re

import regex

#: The syntax both engines read alike on ``twin_text``: literal characters, escaped
#: punctuation, the classes ``\\d \\s \\w`` (and their complements) alone or in sets of
#: literal characters and ranges, ``\\b``, groups and lookarounds, alternation, the
#: quantifiers ``? * + {m,n}`` (lazy too), ``. ^ $``. Nothing else: no ``\\p{..}``, no
#: inline flags or named groups, no ``\\A \\Z`` (which differ), no fuzzy matching,
#: no nested sets. (A trie, ``trie_pattern`` of escaped characters, is written in it.)
_TWIN_SYNTAX = regex.compile(
    r"""(?x)(?:
        \\[dDsSwWbB]
      | \\[^\w\s]
      | \[\^?\]?(?:\\[dDsSwW]|\\[^\w\s]|[^\\\[\]])*\]
      | \((?!\?) | \(\?(?::|=|!|<=|<!)
      | [|)]
      | \{\d+(?:,\d*)?\}
      | [?*+.^$]
      | [^\\\[\](){}|?*+.^$]
    )*+\Z"""
)
#: Characters that both engines read alike: white space or not, a word character or
#: not, a letter or digit (``regex``'s ``[\\p{L}\\p{N}]``, ``re``'s ``[^\\W_]``) or not,
#: a decimal digit or not (tests/test_trie_search.py checks each of them).
_AGREED = re.compile(
    "[\\x00-\\x1b\\x20-\\xb1\\xb4-\\xb8\\xba-\\xbb\\xbf-\\u024f\\u0370-\\u0482\\u048a-\\u052f"
    "\\u2000-\\u200b\\u200e-\\u203e\\u2041-\\u2053\\u2055-\\u206f\\u20a0-\\u20cf\\u2100-\\u214f"
    "\\u2190-\\u21ff\\u25a0-\\u2775\\u2794-\\u27bf]*+"
)


#: The flags of a pattern compiled with none but ``PHRASE_FLAGS`` (``regex``'s own
#: defaults): a pattern of other flags (ignoring case, ASCII classes) has no twin.
_PLAIN_FLAGS = regex.compile("").flags


def twin_syntax(source: str) -> bool:
    """Whether ``source`` is written in the syntax ``re`` reads as ``regex`` does on
    ``twin_text`` (``_TWIN_SYNTAX``)."""
    return _TWIN_SYNTAX.match(source) is not None


def twin_text(text: str) -> bool:
    """Whether ``re`` reads ``text`` as ``regex`` does (for a pattern of trie syntax):
    all its characters are of ``_AGREED``."""
    # Printable ASCII is (most lines, and a string knows whether it is ASCII without a
    # scan): one C test instead of a match.
    if text.isascii() and text.isprintable():
        return True
    return _AGREED.fullmatch(text) is not None


class TwinPattern:
    """A ``regex`` pattern, and where there is one, its ``re`` twin: the same matches,
    at the same places, on the text ``twin_text`` admits, which it matches instead."""

    __slots__ = ("ascii", "pattern")

    def __init__(self, pattern: regex.Pattern[str], ascii_source: str | None) -> None:
        self.pattern = pattern
        #: The twin, None for none (``regex`` matches every text).
        self.ascii = re.compile(ascii_source) if ascii_source is not None else None

    def search(self, text: str) -> re.Match[str] | regex.Match[str] | None:
        if self.ascii is not None and twin_text(text):
            return self.ascii.search(text)
        return self.pattern.search(text)

    def match(self, text: str) -> re.Match[str] | regex.Match[str] | None:
        if self.ascii is not None and twin_text(text):
            return self.ascii.match(text)
        return self.pattern.match(text)

    def patterns(self) -> tuple[regex.Pattern[str] | re.Pattern[str], ...]:
        """Both patterns (for the regex-safety tests)."""
        return (self.pattern,) if self.ascii is None else (self.pattern, self.ascii)


def twin(pattern: regex.Pattern[str], source: str | None = None) -> TwinPattern:
    """``pattern`` (of ``PHRASE_FLAGS``) with its twin when its syntax allows one:
    ``re`` compiles ``source``, or the same pattern (``source`` must match what it
    matches on ``twin_text``)."""
    source = pattern.pattern if source is None else source
    if pattern.flags != _PLAIN_FLAGS or not twin_syntax(source):
        return TwinPattern(pattern, None)
    try:
        return TwinPattern(pattern, source)
    except re.error:  # a lookbehind of varying width, which only regex allows
        return TwinPattern(pattern, None)
