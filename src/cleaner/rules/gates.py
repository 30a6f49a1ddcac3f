"""Line gates: what a line must show for a line rule to find a reason in it.

A line rule may declare (``LineRule.line_gate``) a condition that every line it finds a
reason in meets: a word of a set among its words, a colon in it, an opening that some
phrase of its section opens with ... A run of line rules on text (``LineRuleRun``)
looks at every line's facts for all its rules at once, before asking any rule (the
compiled twin, ``_clines.pxi``, or ``candidates`` here), and asks each rule only about
the lines its gate admits: on a page of prose most lines open no phrase and hold no
rule's word, and asking costs a Python call per rule and line.

A gate only says where no reason can be: the decision stays in the rule's
``reason_for``, which tests again whatever its gate tested. A gate that admits too much
costs a call; one that admits too little would change the output, and the tests check
each rule's gate on the lines the rule removes (tests/test_line_gates.py).

A gate is a tuple of alternatives (any may admit the line; none: no line is admitted);
an alternative is a tuple of needs (all must hold; none: every line). A need is an
operation number and its argument, built by the functions below.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..phrases.openings import OPENING_CHARS, Openings

if TYPE_CHECKING:
    from ..blocks import Block
    from ..phrases.compile import LineMatcher
    from ..phrases.literals import BranchGate

#: The operations (the compiled twin reads the same numbers).
TOKENS_ANY = 0  # some word of the line is in the set
TOKENS_ALL = 1  # the line has words, all in the set
FOLDED_HOLDS = 2  # the casefolded text holds one of the strings
TEXT_HOLDS = 3  # the text holds one of the strings
OPENS = 4  # a line opening with a letter a-z opens as given (``opening``)
MAX_CHARS = 5  # the text has at most this many characters
NO_SENTENCE_END = 6  # the line ends no sentence
MAY_HOLD_DIGIT = 7  # the line holds an ASCII digit, or is not all ASCII
EDGE_OPENS = 8  # a line opening otherwise than a-z opens past its edge as given
BRANCHES = 9  # the casefolded text holds what some branch of a pattern requires

Need = tuple[int, Any]
Alternative = tuple[Need, ...]
Gate = tuple[Alternative, ...]

#: Every line (the default: a rule without a gate is asked about every line).
ALWAYS: Gate = ((),)
#: No line (a rule with nothing to match on this configuration).
NEVER: Gate = ()

_ASCII_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")


def tokens_any(words: Iterable[str]) -> tuple[Need, ...]:
    return ((TOKENS_ANY, frozenset(words)),)


def tokens_all(words: Iterable[str]) -> tuple[Need, ...]:
    return ((TOKENS_ALL, frozenset(words)),)


#: Strings at least this many are looked for in one scan of a line (``Strings``).
SCAN_MIN_STRINGS = 4


@dataclass(frozen=True)
class Strings:
    """The strings a need looks for, and for the compiled twin, when they are several,
    tables for one scan of a line of one-byte characters (most lines): a scan a string
    sets up its search each time, which for a dozen strings on a short line costs more
    than the search. Built once, with the rule."""

    all: tuple[str, ...]
    #: A byte each: 1 for the one-character strings (of one-byte characters).
    single: bytes = b""
    #: A bit for each first two bytes some longer string (of one-byte characters) opens
    #: with, and those strings by them (the bytes as ``first << 8 | second``).
    pairs: bytes = b""
    by_pair: Mapping[int, tuple[bytes, ...]] = field(default_factory=dict)


def strings(literals: Sequence[str]) -> Strings:
    found = tuple(literals)
    if len(found) < SCAN_MIN_STRINGS:
        return Strings(found)
    single = bytearray(256)
    pairs = bytearray(65536 // 8)
    by_pair: dict[int, list[bytes]] = {}
    for literal in found:
        if not literal or max(map(ord, literal)) >= 256:
            continue  # (wider characters: in no line of one-byte ones; '': the scan says)
        data = literal.encode("latin-1")
        if len(data) == 1:
            single[data[0]] = 1
            continue
        pair = data[0] << 8 | data[1]
        pairs[pair >> 3] |= 1 << (pair & 7)
        by_pair.setdefault(pair, []).append(data)
    return Strings(found, bytes(single), bytes(pairs), {k: tuple(v) for k, v in by_pair.items()})


def folded_holds(literals: Sequence[str] | None) -> tuple[Need, ...]:
    """The casefolded text holds one of ``literals`` (None: no need)."""
    return () if literals is None else ((FOLDED_HOLDS, strings(literals)),)


def text_holds(literals: Sequence[str]) -> tuple[Need, ...]:
    return ((TEXT_HOLDS, strings(literals)),)


def branches(gate: BranchGate | None) -> tuple[Need, ...]:
    """``holds_branch``: the casefolded text holds a string of each choice of some
    branch of ``gate`` (None: no need). Tested after the needs for strings (its own
    test reads more strings), so that on lines they turn away it is never tested."""
    return () if gate is None else ((BRANCHES, gate),)


def max_chars(limit: int) -> tuple[Need, ...]:
    return ((MAX_CHARS, limit),)


def no_sentence_end() -> tuple[Need, ...]:
    return ((NO_SENTENCE_END, None),)


def may_hold_digit() -> tuple[Need, ...]:
    return ((MAY_HOLD_DIGIT, None),)


def opening(
    letters: Iterable[str] = (), full: Iterable[str] = (), short: Iterable[str] = ()
) -> tuple[Need, ...]:
    """A casefolded line opening with a letter a-z opens with one of ``letters``, one
    of the ``full`` openings (its first ``OPENING_CHARS`` characters) or one of the
    ``short`` prefixes; a line opening with anything else is admitted."""
    return ((OPENS, (frozenset(letters) & _ASCII_LOWER, frozenset(full), tuple(sorted(short)))),)


def edge_opening(
    letters: Iterable[str],
    full: Iterable[str],
    short: Iterable[str],
    edge: Iterable[str] | None,
    reach: int = -1,
) -> tuple[Need, ...]:
    """For a pattern whose phrases open after an edge of characters other than letters
    (``^\\W*``, a whole line's edge), what a casefolded line not opening with a-z shows
    (one that does is admitted: ``opening`` is for it): read from its start over ASCII
    characters other than a-z, ``reach`` of them at most (-1: all), it passes one of
    ``edge`` (the characters other than a-z its phrases open with), or comes to a letter
    a-z opening there as ``opening(letters, full, short)`` says; one character past
    ASCII admits it (what it is, a letter or not, is not looked at). None: no need."""
    if edge is None:
        return ()
    ascii_edge = frozenset(c for c in edge if c.isascii())
    found = (frozenset(letters) & _ASCII_LOWER, frozenset(full), tuple(sorted(short)))
    return ((EDGE_OPENS, (*found, ascii_edge, reach)),)


def openings_edge(found: Openings | None) -> tuple[Need, ...]:
    """``edge_opening`` of the openings of a ``^\\W*`` alternation (None: no need)."""
    if found is None or "" in found.short:
        return ()
    firsts = {o[0] for o in (*found.full, *found.short) if o[0] not in _ASCII_LOWER}
    return edge_opening((), found.full, found.short, firsts)


def matcher_edge(matcher: LineMatcher | None) -> tuple[Need, ...]:
    """What ``LineMatcher.match`` needs of a line not opening with a-z (``edge_opening``;
    no matcher: no need)."""
    if matcher is None:
        return ()
    return edge_opening(*matcher.opening_gate(), *matcher.edge_gate())


def opens(found: Openings | None) -> tuple[Need, ...]:
    """``Openings.admits`` (None: no need)."""
    return () if found is None else opening((), found.full, found.short)


def matcher_opens(matcher: LineMatcher | None) -> tuple[Need, ...] | None:
    """What ``LineMatcher.match`` needs of a line's opening; None for no matcher (it
    matches nothing)."""
    if matcher is None:
        return None
    return opening(*matcher.opening_gate())


def admits(gate: Gate, block: Block) -> bool:
    """Whether ``gate`` admits ``block`` (features filled)."""
    return any(all(_holds(op, arg, block) for op, arg in alt) for alt in gate)


def _holds(op: int, arg: Any, block: Block) -> bool:
    f = block.features
    if op == TOKENS_ANY:
        return not arg.isdisjoint(f.tokens)
    if op == TOKENS_ALL:
        return bool(f.tokens) and arg.issuperset(f.tokens)
    if op == FOLDED_HOLDS:
        return any(map(f.folded.__contains__, arg.all))
    if op == TEXT_HOLDS:
        return any(map(block.text.__contains__, arg.all))
    if op == OPENS:
        folded = f.folded
        letters, full, short = arg
        first = folded[:1]
        return (
            first not in _ASCII_LOWER
            or first in letters
            or folded[:OPENING_CHARS] in full
            or folded.startswith(short)
        )
    if op == MAX_CHARS:
        return f.n_chars <= arg
    if op == NO_SENTENCE_END:
        return not f.ends_sentence
    if op == MAY_HOLD_DIGIT:
        return bool(f.digit_ratio) or not block.text.isascii()
    if op == EDGE_OPENS:
        return _edge_opens(f.folded, *arg)
    if op == BRANCHES:
        return bool(arg.holds(f.folded))
    raise ValueError(f"unknown gate operation {op}")


def _edge_opens(
    folded: str,
    letters: frozenset[str],
    full: frozenset[str],
    short: tuple[str, ...],
    edge: frozenset[str],
    reach: int,
) -> bool:
    if folded[:1] in _ASCII_LOWER and folded:
        return True
    for at, c in enumerate(folded if reach < 0 else folded[:reach]):
        if not c.isascii() or c in edge:
            return True
        if c in _ASCII_LOWER:
            return (
                c in letters
                or folded[at : at + OPENING_CHARS] in full
                or folded.startswith(short, at)
            )
    return False


def candidates(
    blocks: Sequence[Block], gates: Sequence[Gate], bounds: Sequence[int]
) -> list[tuple[int, int]]:
    """The kept blocks (not removed, not pruned) that some gate admits, as (position,
    mask): bit ``r`` of the mask is set when ``gates[r]`` admits the block and its
    words are no more than ``bounds[r]`` (-1: any number). The compiled twin is
    ``_cwalk.line_candidates``."""
    found = []
    for i, block in enumerate(blocks):
        if block.removal is not None or block.pruned:
            continue
        n = block.features.n_words
        mask = 0
        for r, gate in enumerate(gates):
            if (bounds[r] < 0 or n <= bounds[r]) and admits(gate, block):
                mask |= 1 << r
        if mask:
            found.append((i, mask))
    return found
