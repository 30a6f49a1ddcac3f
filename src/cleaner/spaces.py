"""White space collapsed as ``" ".join(text.split())`` does, without a string per word
for long texts. A light module: the front-ends, rules and results use it, and it imports
nothing heavy (``features`` builds a large table at import)."""

from __future__ import annotations

import re

#: Texts this long are squashed without a list of their words; shorter ones take the
#: faster split. Either way the result is the same.
LONG_TEXT_CHARS = 1 << 16
#: What ``str.split`` splits at (``str.isspace``), the plain space aside (a test checks
#: it against every code point).
WHITE_SPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)

#: A run of non-white-space: ``str.split``'s words (``\\s`` is ``str.isspace``).
_WORD = re.compile(r"\S+")


def words_up_to(text: str, cap: int) -> int:
    """``len(text.split())`` when that is at most ``cap``, else ``cap + 1``.

    For comparing a block's word count with a bound before features exist: a long text
    is counted without a list of its words, and the count stops past ``cap``.
    """
    if len(text) < LONG_TEXT_CHARS:
        # (At most ``cap`` splits: a text of more words leaves ``cap + 1`` pieces, the
        # last one the rest of it, and no list of all its words is made.)
        return min(len(text.split(None, max(cap, 0))), cap + 1)
    count = 0
    for _ in _WORD.finditer(text):
        count += 1
        if count > cap:
            break
    return count


def squash(text: str) -> str:
    """``" ".join(text.split())``: white space runs as single spaces, none at the ends.

    A long text is squashed without a list of its words: a word's own string costs
    about 50 bytes, ten times its characters.
    """
    if len(text) < LONG_TEXT_CHARS:
        return " ".join(text.split())
    for space in WHITE_SPACE:
        if space in text:
            text = text.replace(space, " ")
    return single_spaces(text)


def single_spaces(text: str) -> str:
    """``text`` (white space all plain spaces) with runs of spaces as one, none at the
    ends. ``str.replace`` halves every run at each pass; a pattern's ``sub`` would make
    two strings a word (no better than a split), this makes none."""
    while "  " in text:
        text = text.replace("  ", " ")
    return text.strip(" ")
