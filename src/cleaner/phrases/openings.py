"""What a phrase's pattern opens with: its literal text, its leading choices, a digit.

``compile`` reads this to build tries and whole-line matchers; rules read
``openings`` to turn away, on its first character, a line that no phrase of a
section can open (a set look-up instead of a pattern's match, which costs the ``regex``
engine a few thousand instructions even where it fails at once).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

import regex

from . import phrase_to_pattern
from .literals import _skip_set, _Unsupported

#: How many of a line's first characters (from its first letter) are compared with
#: the openings of phrases before a pattern is tried (``LineMatcher``, ``Openings``).
OPENING_CHARS = 3


class Openings:
    """The literal text the phrases of a section open with, cut at ``OPENING_CHARS``
    characters (``openings``): a line opening with a letter matches their ``^\\W*``
    alternation only when it opens with one of them (the phrase would open right
    there, a letter being a word character), so a line that does not is turned away
    by a set look-up, not a match. A line opening otherwise is always admitted."""

    __slots__ = ("full", "short")

    def __init__(self, openings: Iterable[str]) -> None:
        found = set(openings)
        self.full = frozenset(o for o in found if len(o) == OPENING_CHARS)
        #: The shorter ones (a short word, a space or a pattern early on), for startswith.
        self.short = tuple(sorted(o for o in found if len(o) < OPENING_CHARS))

    def admits(self, text: str) -> bool:
        return (
            not text[:1].isalpha()
            or text[:OPENING_CHARS] in self.full
            or text.startswith(self.short)
        )


def openings(phrases: Iterable[str]) -> Openings | None:
    """The ``Openings`` of phrases, or None when some phrase's opening is not known (a
    class, an optional or repeated start, an alternation)."""
    found: set[str] = set()
    for phrase in phrases:
        if not phrase.startswith("re:"):
            words = phrase.casefold().split()
            found.add(words[0][:OPENING_CHARS] if words else "")
            continue
        pattern = phrase_to_pattern(phrase)
        # (A non-capturing group of choices opens as a capturing one does.)
        plain = "(" + pattern[3:] if pattern.startswith("(?:") else pattern
        for branch in _leading_choices(plain) or (pattern,):
            split = _literal_prefix(branch)
            if split is None:
                return None
            found.add("".join(map(_unescape, split[0][:OPENING_CHARS])))
    return Openings(found)


def _unescape(piece: str) -> str:
    """The character an escaped trie piece stands for ('\\-' -> '-'; '\\s+' stays)."""
    if len(piece) == 2 and piece[0] == "\\" and not piece[1].isalnum():
        return piece[1]
    return piece


#: How a pattern opens when every match of it starts with a digit.
_DIGIT_OPENINGS = ("\\d", "(?<!\\d)\\d")
#: Characters with a meaning in a pattern, and the ones that repeat what precedes them.
_REGEX_META = frozenset(".^$*+?{}[]\\|()")
_QUANTIFIERS = frozenset("*+?{")
_BACKREFERENCE = regex.compile(r"\\\d|\(\?P=")


def _literal_prefix(pattern: str) -> tuple[list[str], str] | None:
    """The literal characters opening a pattern (as escaped pieces) and the rest of it:
    ``posted:?`` -> ``p o s t e d`` and ``:?``. None when it opens with no literal text,
    or when splitting could change it: an alternation at its top level (the prefix
    would belong to the first branch only) or a backreference."""
    if _BACKREFERENCE.search(pattern):
        return None
    if not _one_branch(pattern):
        return None
    pieces: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            escaped = pattern[i + 1 : i + 2]
            if not escaped or escaped.isalnum() or escaped == "_":
                break  # a class (\d, \s ...) or an escape with arguments
            char, j = escaped, i + 2
        elif c in _REGEX_META:
            break
        else:
            char, j = c, i + 1
        if j < n and pattern[j] in _QUANTIFIERS:
            break  # the character is repeated or optional: it belongs to the rest
        pieces.append(regex.escape(char))
        i = j
    return (pieces, pattern[i:]) if pieces else None


def _leading_choices(pattern: str) -> list[str] | None:
    """A pattern opening with a group of literal choices, as one pattern per choice:
    ``(related|see also)\\s*:.*`` -> ``related\\s*:.*``, ``see also\\s*:.*``; an
    optional group also gives the pattern without it. The choices then join the trie
    (which picks a branch by its first character) instead of being tried one by one on
    every line. None when the pattern opens otherwise, or when splitting could change
    it: nested groups or sets in the choices, a repeated group, a backreference."""
    if not pattern.startswith("(") or pattern.startswith("(?") or _BACKREFERENCE.search(pattern):
        return None
    close = pattern.find(")")
    body = pattern[1:close]
    if close < 0 or any(c in body for c in "([") or body.endswith("\\") or "\\\\" in body:
        return None
    if not _one_branch(pattern):
        return None
    rest = pattern[close + 1 :]
    optional = rest.startswith("?")
    if optional:
        rest = rest[1:]
    if rest[:1] in ("?", "*", "+", "{"):
        return None  # a repeated group, or a lazy or possessive optional one
    choices = regex.split(r"(?<!\\)\|", body)
    if not all(choices) or (optional and not rest):
        return None
    return [choice + rest for choice in choices] + ([rest] if optional else [])


def _opens_with_digit(pattern: str) -> bool:
    """Whether every match of ``pattern`` starts with a digit (as far as cheaply seen)."""
    if not pattern.startswith(_DIGIT_OPENINGS):
        return False
    return _one_branch(pattern)


def _one_branch(pattern: str) -> bool:
    """Whether ``pattern`` has no alternation at its top level (and is simple enough to
    tell): only then does what opens it open every match."""
    try:
        return not _has_top_level_bar(pattern)
    except _Unsupported:
        return False


def _structure(pattern: str) -> Iterator[tuple[int, str]]:
    """Each character of ``pattern`` that can be a group or a bar, with its index:
    escapes and character sets are passed over whole."""
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
        elif c == "[":
            i = _skip_set(pattern, i)
        else:
            yield i, c
            i += 1


def _has_top_level_bar(pattern: str) -> bool:
    depth = 0
    for _, c in _structure(pattern):
        depth += (c == "(") - (c == ")")
        if c == "|" and depth == 0:
            return True
    return False


def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can open with, when plainly seen: a
    literal character, a set of them (ranges included), or a group of choices each
    opening so; None otherwise (a class such as ``\\d``, an optional or repeated
    opening, a negated set, an inline flag)."""
    try:
        return _first_chars(pattern)
    except _Unsupported:
        return None


def _first_chars(pattern: str) -> frozenset[str] | None:
    if pattern.startswith("(") and (pattern.startswith("(?:") or not pattern.startswith("(?")):
        bounds = _group_bounds(pattern)
        found = [_first_chars(pattern[a + 1 : b]) for a, b in itertools.pairwise(bounds)]
        if None in found or _optional(pattern, bounds[-1] + 1):
            return None
        return frozenset().union(*found)  # type: ignore[arg-type]
    if pattern.startswith("["):
        end = _skip_set(pattern, 0)
        body = pattern[1 : end - 1]
        if body[:1] == "^" or "\\" in body or _optional(pattern, end):
            return None
        chars = set(regex.sub(r"(.)-(.)", "", body))
        for range_ in regex.finditer(r"(.)-(.)", body):
            low, high = map(ord, range_.groups())
            if high - low >= 128:
                return None
            chars.update(map(chr, range(low, high + 1)))
        return frozenset(chars)
    split = _literal_prefix(pattern)
    if split is None:
        return None
    return frozenset(_unescape(split[0][0]))


def pattern_openings(pattern: str) -> frozenset[str] | None:
    """The texts a match of ``pattern`` can open with, each cut at ``OPENING_CHARS``
    characters or where its literal text ends (a class, a repetition, a group): a
    match opens with one of them. None when not plainly seen (an optional or repeated
    opening, a class, a lookaround, an inline flag, an alternation at the top level, a
    backreference). A group of choices gives each choice's openings:
    ``(impressum|daten(schutz)?)(\\s*[|]\\s*impressum)+`` -> ``imp``, ``dat``."""
    try:
        return _pattern_openings(pattern)
    except _Unsupported:
        return None


def _pattern_openings(pattern: str) -> frozenset[str] | None:
    if _BACKREFERENCE.search(pattern) or not _one_branch(pattern):
        return None
    if pattern.startswith("(") and (pattern.startswith("(?:") or not pattern.startswith("(?")):
        bounds = _group_bounds(pattern)
        if _optional(pattern, bounds[-1] + 1):
            return None
        found = [_pattern_openings(pattern[a + 1 : b]) for a, b in itertools.pairwise(bounds)]
        if None in found:
            return None
        return frozenset().union(*found)  # type: ignore[arg-type]
    split = _literal_prefix(pattern)
    if split is None:
        return None
    chars = []
    for piece in split[0][:OPENING_CHARS]:
        chars.append(_unescape(piece))
    return frozenset({"".join(chars)})


def _group_bounds(pattern: str) -> list[int]:
    """The bounds of the choices of the group ``pattern`` opens with: the index before
    its body ('(' or '(?:'), each top-level bar, and its closing ')'. Each choice lies
    between two bounds."""
    depth, bars = 0, []
    for i, c in _structure(pattern):  # to the group's end, noting the bars between its choices
        depth += (c == "(") - (c == ")")
        if c == "|" and depth == 1:
            bars.append(i)
        if depth == 0:
            return [2 if pattern.startswith("(?:") else 0, *bars, i]
    raise _Unsupported


def _optional(pattern: str, at: int) -> bool:
    """Whether what ends before ``at`` may be left out (``?``, ``*``, ``{0``)."""
    return pattern.startswith(("?", "*", "{0", "{,"), at)
