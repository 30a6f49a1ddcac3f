"""Phrases compiled to patterns: whole-line matchers, character tries, literal gates.

Rules build their patterns from phrase-file sections through these functions, once per
``Cleaner``. Nothing here knows about rules or blocks: it turns phrase lines (see
``cleaner.phrases``) into ``regex`` patterns and reads the literal text a pattern needs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import regex

from . import phrase_to_pattern
from .literals import required_literals as required_literals  # rules import it from here
from .openings import OPENING_CHARS as OPENING_CHARS  # (tests import it from here)
from .openings import (
    _leading_choices,
    _literal_prefix,
    _opens_with_digit,
    _unescape,
    first_chars,
    pattern_openings,
)
from .trie_search import TwinPattern, twin, twin_syntax

#: Flags for phrase patterns. Phrases are matched against ``Features.folded`` (the
#: block's text after ``str.casefold``), which is faster than a case-insensitive search
#: and gives full Unicode case folding (ß = ss, Σ = σ = ς).
PHRASE_FLAGS = regex.V0
#: What may surround a whole-line phrase: punctuation, symbols, digits, arrows, bullets,
#: at most this many characters on each side (real pages use under a dozen). The bound
#: keeps matching linear: the phrase alternation is tried at no more than this many
#: starting points, however long a run of punctuation the line holds.
EDGE_MAX_CHARS = 20
_EDGE = rf"[\W\d_]{{0,{EDGE_MAX_CHARS}}}"
# A whole-line phrase starts and ends at a word boundary. Without these guards a run of
# digits lets the edge and a phrase's own \d+ trade characters: quadratic backtracking.
_WORD_START = r"(?<![\p{L}\p{N}])"
_WORD_END = r"(?![\p{L}\p{N}])"


def whole_line_pattern(alternation: str | None) -> regex.Pattern[str] | None:
    if alternation is None:
        return None
    return regex.compile(rf"^{_EDGE}{_WORD_START}{alternation}{_WORD_END}{_EDGE}$", PHRASE_FLAGS)


def _whole_line(alternation: str | None) -> TwinPattern | None:
    """``whole_line_pattern`` of ``alternation``, with its ``re`` twin when the
    alternation is of a syntax both engines read alike (``trie_search``): on the text
    ``twin_text`` admits, the edges, the letters and digits the guards look at
    (``[^\\W_]`` is ``[\\p{L}\\p{N}]`` there) and the phrases read alike."""
    pattern = whole_line_pattern(alternation)
    if pattern is None or alternation is None:
        return None
    if not twin_syntax(alternation):
        return TwinPattern(pattern, None)
    return twin(pattern, rf"^{_EDGE}(?<![^\W_]){alternation}(?![^\W_]){_EDGE}$")


def literal_trie(phrases: Iterable[str]) -> str | None:
    """The literal phrases (not ``re:``) of a list as one regex, a trie of characters;
    None when there are none.

    It matches what ``phrases.alternation`` of the same phrases matches, and at a given
    place the same text: phrases sharing a prefix part ways on a character, so only
    a phrase and its own extension can both match there, and the trie, like the
    longest-first alternation, tries the extension first. Matching costs a step per
    character instead of a try per phrase.
    """
    keys, _ = _phrase_keys(phrases, patterns=False)
    return _word_start_groups(keys, {True: [], False: []})


def line_matcher(phrases: Sequence[str]) -> LineMatcher | None:
    """What ``whole_line_pattern`` makes of the alternation of ``phrases`` (one phrase
    and nothing else but edge punctuation, digits and symbols), as a faster matcher.

    One alternation of a few hundred phrases is tried phrase after phrase: some 12 µs
    a short block. Here the literal phrases, and the literal text opening most ``re:``
    phrases, form a trie of characters (the rest of such a pattern hangs off its last
    character); the other ``re:`` phrases follow it. The set of texts matched is the
    same; only which phrase matches may differ, which a whole-line yes-or-no test does
    not see (``literal_trie`` is the one to search with). ``LineMatcher`` then splits
    the trie by its first character.
    """
    keys, others = _phrase_keys(phrases, patterns=True)
    if not any(keys.values()) and not any(others.values()):
        return None
    return LineMatcher(keys, others)


class LineMatcher:
    """Whole-line patterns (``line_matcher``) split by the letter the phrase opens with.

    The ``regex`` engine readies every repetition of a pattern (each ``\\s+`` between
    a phrase's words) on every call, so one trie of 600 phrases costs some 5 µs a line
    even where its first character rules it out. But a phrase opening with a letter
    opens at the line's first letter: the edge before it is punctuation, digits and
    symbols only. So each such letter has a pattern of its phrases alone (with the
    patterns whose opening is not known), and one more pattern holds the phrases
    opening with anything else, tried only when the line opens with an edge. Together
    they match what the whole pattern matches; each call tries a small one.

    Its first characters open the phrase too: a letter whose phrases all open with
    literal text keeps their openings (``OPENING_CHARS`` long), and a line opening
    otherwise costs a set look-up, not a match (most lines, behind the right letter).
    """

    __slots__ = ("_by_first", "_edge_gate", "_edged", "_unknown")

    def __init__(self, keys: dict[bool, list[list[str]]], others: dict[bool, list[str]]) -> None:
        firsts: dict[str, dict[bool, list[list[str]]]] = {}
        edged: dict[bool, list[list[str]]] = {True: [], False: []}
        unknown = {w: list(group) for w, group in others.items()}
        for word_start, group in keys.items():
            for key in group:
                first = _unescape(key[0])
                if len(first) != 1:
                    # (No key opens otherwise; if one did, it could open anywhere.)
                    unknown[word_start].append(trie_pattern([key]))
                elif _LETTER.fullmatch(first):
                    firsts.setdefault(first, {True: [], False: []})[word_start].append(key)
                else:
                    edged[word_start].append(key)
        none: dict[bool, list[list[str]]] = {True: [], False: []}
        #: Phrases opening with an edge character (a digit, punctuation), and the
        #: patterns of no known opening.
        self._edged = _whole_line(_word_start_groups(edged, unknown))
        self._edge_gate = _edge_gate(edged, unknown)
        # At a letter, the patterns of no known opening, less those opening with a digit;
        # at a letter of its own, those that can open with it.
        unknown = {
            w: [p for p in group if not _opens_with_digit(p)] for w, group in unknown.items()
        }
        # (Every ASCII letter has its pattern, None for one that no phrase opens with.)
        letters = {**dict.fromkeys(_ASCII_LETTERS, none), **firsts}
        #: Per letter: its pattern, and when every phrase it holds opens with literal
        #: text, their openings cut at OPENING_CHARS characters, with (as a tuple, for
        #: ``startswith``) the shorter ones: a short phrase, a space or a pattern early on.
        self._by_first: dict[str, _Opening] = {}
        for first, split in letters.items():
            joining = {w: [p for p in g if _may_open_with(p, first)] for w, g in unknown.items()}
            pattern = _whole_line(_word_start_groups(split, joining))
            openings = {_opening(key) for group in split.values() for key in group}
            # The patterns joining a letter keep the gate where their openings are
            # plainly seen (a group of literal choices: 'impressum', 'kontakt' ...).
            joined = [pattern_openings(p) for group in joining.values() for p in group]
            known = None if None in joined else openings.union(*joined)  # type: ignore[arg-type]
            self._by_first[first] = (
                pattern,
                None if known is None else frozenset(o for o in known if len(o) == OPENING_CHARS),
                tuple(sorted(o for o in (known or openings) if len(o) < OPENING_CHARS)),
            )
        self._unknown: _Opening = (
            _whole_line(_word_start_groups(none, unknown)),
            None,
            (),
        )

    def patterns(self) -> tuple[regex.Pattern[str] | re.Pattern[str], ...]:
        """Every pattern it holds, twins too (for the regex-safety tests)."""
        found = [*(e[0] for e in self._by_first.values()), self._edged, self._unknown[0]]
        return tuple(p for t in found if t is not None for p in t.patterns())

    def opening_gate(self) -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
        """What ``match`` needs of a text opening with a letter a-z, for a line gate
        (``rules.gates.opening``): the letters whose phrases open in ways not known,
        and the others' openings and shorter prefixes (a letter no phrase opens with
        is in none of them). A text opening otherwise may match."""
        letters: set[str] = set()
        full: set[str] = set()
        short: set[str] = set()
        for first in _ASCII_LETTERS:
            pattern, openings, prefixes = self._by_first[first]
            if pattern is None:
                continue
            if openings is None:
                letters.add(first)
            else:
                full |= openings
                short.update(prefixes)
        return frozenset(letters), frozenset(full), tuple(sorted(short))

    def edge_gate(self) -> tuple[frozenset[str] | None, int]:
        """What ``match`` needs of the edge of a text not opening with a letter (for
        ``rules.gates.edge_opening``): the characters other than letters its phrases
        open with (digits, when a pattern opens with one; None: not known), and how many
        characters the edge is read for its first letter."""
        gate = self._edge_gate
        if gate is None:
            return None, EDGE_MAX_CHARS + 1
        return gate[0] | (frozenset("0123456789") if gate[1] else frozenset()), EDGE_MAX_CHARS + 1

    def match(self, text: str) -> regex.Match[str] | re.Match[str] | None:
        """A match when ``text`` is one phrase and its edges, else None."""
        first = text[:1]
        entry = self._by_first.get(first)
        if entry is None and first.isascii() and first.isalpha():
            entry = self._unknown  # (a text not casefolded)
        if entry is not None:
            # A letter opens the line: no edge before the phrase, which opens the line.
            pattern, openings, short = entry
            if pattern is None or (
                openings is not None
                and text[:OPENING_CHARS] not in openings
                and not (short and text.startswith(short))
            ):
                return None
            # (TwinPattern.match, inline for printable ASCII: most lines, two calls less.)
            ascii_twin = pattern.ascii
            if ascii_twin is not None and text.isascii() and text.isprintable():
                return ascii_twin.match(text)
            return pattern.match(text)
        # The first letter within an edge's reach, if any: a phrase opening with a
        # letter opens there.
        letter = _LETTER.search(text, 0, EDGE_MAX_CHARS + 1)
        found = None
        if letter is not None:
            at = letter.start()
            pattern, openings, short = self._by_first.get(letter.group(), self._unknown)
            if pattern is not None and (
                openings is None
                or text[at : at + OPENING_CHARS] in openings
                or (short and text.startswith(short, at))
            ):
                found = pattern.match(text)
        if found is None and (letter is None or letter.start() > 0) and self._edged is not None:
            # A phrase not opening with a letter opens in the edge before the first one.
            edge = text[: letter.start() if letter is not None else EDGE_MAX_CHARS + 1]
            gate = self._edge_gate
            if (
                gate is None
                or not gate[0].isdisjoint(edge)
                or (gate[1] and any(map(str.isdecimal, edge)))
            ):
                found = self._edged.match(text)
        return found


def _edge_gate(
    edged: dict[bool, list[list[str]]], unknown: dict[bool, list[str]]
) -> tuple[frozenset[str], bool] | None:
    """What a line's edge must hold for the edged pattern to match: one of the
    characters its phrases open with (other than letters: those the letter's own
    pattern tries), or a digit (True when some pattern opens with one). None when
    some pattern's opening is not known."""
    chars = {_unescape(key[0]) for group in edged.values() for key in group}
    digits = False
    for pattern in (p for group in unknown.values() for p in group):
        if _opens_with_digit(pattern):
            digits = True
            continue
        found = first_chars(pattern)
        if found is None:
            return None
        chars.update(c for c in found if not _LETTER.fullmatch(c))
    return frozenset(chars), digits


def _opening(key: Sequence[str]) -> str:
    """The literal text a trie key opens with, at most ``OPENING_CHARS`` characters:
    its pieces up to the first that is no single character (a space run, a pattern)."""
    chars = []
    for piece in key[:OPENING_CHARS]:
        char = _unescape(piece)
        if len(char) != 1:
            break
        chars.append(char)
    return "".join(chars)


def _may_open_with(pattern: str, char: str) -> bool:
    """Whether some match of ``pattern`` opens with ``char`` (``regex``'s partial
    matching: ``char`` is where a match could begin); True when not known."""
    try:
        return regex.compile(pattern, PHRASE_FLAGS).match(char, partial=True) is not None
    except regex.error:
        return True


#: What a ``LineMatcher`` holds per letter: a pattern (None: no phrase opens with the
#: letter), the openings of its phrases (None: not known) and the shorter ones.
_Opening = tuple["TwinPattern | None", "frozenset[str] | None", tuple[str, ...]]
#: The lower-case ASCII letters (each has its pattern in a ``LineMatcher``).
_ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyz"
#: A character no edge of a whole line holds (the complement of what ``_EDGE`` repeats).
_LETTER = regex.compile(r"[^\W\d_]", PHRASE_FLAGS)


def _phrase_keys(
    phrases: Iterable[str], *, patterns: bool
) -> tuple[dict[bool, list[list[str]]], dict[bool, list[str]]]:
    """Trie keys (lists of regex pieces) of the phrases, and the ``re:`` patterns that
    cannot join the trie; each by whether the phrase starts with a letter or digit
    (those go behind a word boundary, as in ``phrases.alternation``)."""
    keys: dict[bool, list[list[str]]] = {True: [], False: []}
    others: dict[bool, list[str]] = {True: [], False: []}
    for phrase in phrases:
        if phrase.startswith("re:"):
            if not patterns:
                continue
            pattern = phrase_to_pattern(phrase)
            word_start = pattern[:1].isalnum()
            for branch in _leading_choices(pattern) or (pattern,):
                split = _literal_prefix(branch)
                if split is None:
                    others[word_start].append(branch)
                else:
                    pieces, rest = split
                    keys[word_start].append([*pieces, f"(?:{rest})"] if rest else pieces)
            continue
        units: list[str] = []
        for word in phrase.split():
            if units:
                units.append(r"\s+")
            units.extend(regex.escape(c) for c in word.casefold())
        if units:
            keys[phrase[:1].isalnum()].append(units)
    return keys, others


def _word_start_groups(
    keys: dict[bool, list[list[str]]], others: dict[bool, list[str]]
) -> str | None:
    groups = []
    for word_start in (True, False):
        parts = [trie_pattern(keys[word_start])] if keys[word_start] else []
        # Patterns opening with a digit ("\\d+ min read", "\\d+\\s*h ago") behind one
        # look at the first character: on a line of words they cost one test, not one each.
        digits = [p for p in others[word_start] if _opens_with_digit(p)]
        if len(digits) > 1:
            parts.append(r"(?=\d)(?:" + "|".join(digits) + ")")
            digits_set = set(digits)
            parts.extend(p for p in others[word_start] if p not in digits_set)
        else:
            parts.extend(others[word_start])
        if parts:
            groups.append((r"\b" if word_start else "") + "(?:" + "|".join(parts) + ")")
    return "(?:" + "|".join(groups) + ")" if groups else None


def trie_pattern(keys: Iterable[Sequence[str]]) -> str:
    """A regex matching any of ``keys`` (each a sequence of regex pieces, such as escaped
    characters), with shared prefixes merged: ``ab``, ``ac`` -> ``a(?:b|c)``. Where a
    key ends inside another, the longer one is tried first."""
    end = ""  # marks where a key ends (no piece is empty)
    root: dict[str, Any] = {}
    for key in keys:
        node = root
        for piece in key:
            node = node.setdefault(piece, {})
        node[end] = {}
    # Post-order without recursion, so that long phrases cannot exhaust the stack.
    out: dict[int, str] = {}
    stack: list[tuple[dict[str, Any], bool]] = [(root, False)]
    while stack:
        node, expanded = stack.pop()
        if not expanded:
            stack.append((node, True))
            stack.extend((child, False) for piece, child in node.items() if piece)
            continue
        branches = [piece + out.pop(id(child)) for piece, child in node.items() if piece]
        if end in node:
            branches.append("")
        if len(branches) == 1:
            out[id(node)] = branches[0]
        else:
            out[id(node)] = "(?:" + "|".join(branches) + ")"
    return out[id(root)] if root else "(?!)"
