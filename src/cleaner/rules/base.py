"""What a rule is, and the per-document state rules share.

A rule is a small object with a ``name``, a ``family`` and patterns compiled once in
``__init__``. ``apply`` looks at block features and marks blocks removed, each with a
reason a person can read. Rules never change text and keep no state between documents.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

import regex

from ..blocks import Block
from ..config import Config
from ..phrases import PhraseBook, phrase_to_pattern
from .params import Param, declared_params

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


@dataclass
class Document:
    """One page on its way through the pipeline. Built per call, never shared."""

    blocks: list[Block]
    config: Config
    language: str | None = None
    stopwords: frozenset[str] = frozenset()
    kind: str = "text"
    url: str | None = None
    #: Positions (in ``blocks``) of the first and last block of the main content run,
    #: set by the quality rule that finds it.
    main_run: tuple[int, int] | None = None
    notes: dict[str, object] = field(default_factory=dict)

    def kept(self) -> Iterator[Block]:
        return (b for b in self.blocks if b.removal is None)

    def is_prose(self, block: Block) -> bool:
        """Sentence-like text of some length: what articles are made of."""
        f = block.features
        cfg = self.config
        if f.n_tokens < cfg.prose_min_words:
            return False
        if not f.ends_sentence:
            # A long line without sentence punctuation: prose only if it reads like
            # sentences (not a tag cloud, an archive list or a table row).
            if f.n_tokens < cfg.prose_long_words or f.digit_ratio > cfg.prose_max_digit_ratio:
                return False
            if self.language is not None and f.stopword_ratio < cfg.prose_min_stopword_ratio:
                return False
        elif (
            self.language is not None
            and f.stopword_ratio < cfg.prose_min_stopword_ratio * cfg.sentence_stopword_share
        ):
            return False
        # A teaser: a Title-Case headline glued to its summary.
        return f.headline_prefix < cfg.teaser_min_headline_words

    def prose_chars(self) -> int:
        return sum(b.features.n_chars for b in self.blocks if self.is_prose(b))


class Rule:
    """Base class: subclasses set ``name``, ``family``, ``description`` and ``apply``."""

    name: ClassVar[str] = ""
    family: ClassVar[str] = ""
    description: ClassVar[str] = ""

    def __init__(self, config: Config, phrases: PhraseBook) -> None:
        self.config = config
        # Each declared Param becomes a plain attribute: the default, or the override
        # Config.rule_params names for this rule (checked when the Config was built).
        overrides = config.rule_params.get(self.name, {})
        for name, param in self.parameters().items():
            setattr(self, name, overrides.get(name, param.default))

    @classmethod
    def parameters(cls) -> dict[str, Param]:
        """The thresholds this rule declares (name -> ``Param``), for the catalogue."""
        return declared_params(cls)

    def apply(self, doc: Document) -> None:
        raise NotImplementedError

    def remove(self, block: Block, reason: str) -> bool:
        return block.remove(self.name, self.family, reason)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.family}/{self.name}>"


class LineRule(Rule):
    """A rule that judges each kept block on its own: subclasses define ``reason_for``."""

    def apply(self, doc: Document) -> None:
        # A plain loop over the list (no generator, one attribute look-up): this runs
        # for every kept block under every line rule.
        reason_for = self.reason_for
        for block in doc.blocks:
            if block.removal is None and not block.pruned:
                reason = reason_for(block, doc)
                if reason:
                    self.remove(block, reason)

    def reason_for(self, block: Block, doc: Document) -> str | None:
        raise NotImplementedError


def whole_line_pattern(alternation: str | None) -> regex.Pattern[str] | None:
    if alternation is None:
        return None
    return regex.compile(rf"^{_EDGE}{_WORD_START}{alternation}{_WORD_END}{_EDGE}$", PHRASE_FLAGS)


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


def line_matcher(phrases: Sequence[str]) -> regex.Pattern[str] | None:
    """What ``whole_line_pattern`` makes of the alternation of ``phrases`` (one phrase
    and nothing else but edge punctuation, digits and symbols), as a faster pattern.

    One alternation of a few hundred phrases is tried phrase after phrase: some 12 µs
    a short block. Here the literal phrases, and the literal text opening most ``re:``
    phrases, form a trie of characters (the rest of such a pattern hangs off its last
    character); the other ``re:`` phrases follow it. The set of texts matched is the
    same; only which phrase matches may differ, which a whole-line yes-or-no test does
    not see (``literal_trie`` is the one to search with).
    """
    keys, others = _phrase_keys(phrases, patterns=True)
    return whole_line_pattern(_word_start_groups(keys, others))


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
            split = _literal_prefix(pattern)
            if split is None:
                others[word_start].append(pattern)
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
        parts.extend(others[word_start])
        if parts:
            groups.append((r"\b" if word_start else "") + "(?:" + "|".join(parts) + ")")
    return "(?:" + "|".join(groups) + ")" if groups else None


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
    try:
        if _has_top_level_bar(pattern):
            return None
    except _Unsupported:
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


def _has_top_level_bar(pattern: str) -> bool:
    depth, i = 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _skip_set(pattern, i)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False


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


class WholeLinePhraseRule(LineRule):
    """Removes a short block that is nothing but one phrase of a phrase-file section."""

    section: ClassVar[str] = ""
    #: What the reason says the phrase is, e.g. "an accessibility link".
    what: ClassVar[str] = ""

    def __init__(self, config: Config, phrases: PhraseBook) -> None:
        super().__init__(config, phrases)
        self.matcher = line_matcher(phrases.phrases(self.section))
        self.max_words = config.chrome_max_words

    def reason_for(self, block: Block, doc: Document) -> str | None:
        if self.matcher is None or block.features.n_words > self.max_words:
            return None
        if self.matcher.match(block.features.folded):
            return f"the whole block is {self.what} ({_quote(block.text)})"
        return None


#: How much of a block a reason quotes (display only, no decision).
QUOTE_MAX_CHARS = 40


def _quote(text: str, limit: int = QUOTE_MAX_CHARS) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


quote = _quote


# -- literal gates ---------------------------------------------------------------------
#
# A phrase pattern searched in every short block costs a regex scan per block, though
# almost no block matches. Most patterns cannot match without some literal text
# ("cookies", "©", "copyright"): a plain substring test on it rules out nearly every
# block first. ``required_literals`` reads that text off the pattern. It understands a
# small, common subset of the syntax and answers None beyond it, so a gate built from
# it never turns a match into a miss: None means "no gate, always search".


class _Unsupported(Exception):
    """Pattern syntax the reader does not model."""


#: Escapes that stand for a class of characters or a position, never for literal text.
_CLASS_ESCAPES = frozenset("sSdDwWbBAZ")


def required_literals(pattern: str) -> tuple[str, ...] | None:
    """Strings of which every match of ``pattern`` contains at least one, or None.

    For a case-sensitive pattern (``PHRASE_FLAGS``): ``(website|site)\\s+uses\\s+cookies``
    gives ``("cookies",)``, ``(sd|hd)`` gives ``("sd", "hd")``. None when some match
    needs no literal text or the syntax is beyond this reader (inline flags, escapes
    with arguments, nested sets, fuzzy matching).
    """
    try:
        found, end = _alternation_literals(pattern, 0)
    except _Unsupported:
        return None
    if end != len(pattern):
        return None  # an unbalanced ")"
    return found


def _alternation_literals(pattern: str, i: int) -> tuple[tuple[str, ...] | None, int]:
    """Branches from ``i`` to the ``)`` or end closing them: the union of each branch's
    best choice, None if some branch has none."""
    union: list[str] = []
    complete = True
    while True:
        best, i = _sequence_literals(pattern, i)
        if best is None:
            complete = False
        else:
            union.extend(best)
        if i < len(pattern) and pattern[i] == "|":
            i += 1
            continue
        return (tuple(dict.fromkeys(union)) if complete else None), i


def _sequence_literals(pattern: str, i: int) -> tuple[tuple[str, ...] | None, int]:
    """One branch from ``i``: its most selective requirement (the choice whose shortest
    string is longest) and where the branch ends."""
    choices: list[tuple[str, ...]] = []
    run: list[str] = []

    def end_run() -> None:
        if run:
            choices.append(("".join(run),))
            run.clear()

    n = len(pattern)
    while i < n:
        c = pattern[i]
        if c in "|)":
            break
        if c == "(":
            group, i = _group_literals(pattern, i)
            end_run()
            at_least, i = _quantifier(pattern, i)
            if group is not None and at_least >= 1:
                choices.append(group)
            continue
        if c == "[":
            i = _skip_set(pattern, i)
            end_run()
            _, i = _quantifier(pattern, i)
            continue
        if c in ".^$":
            end_run()
            _, i = _quantifier(pattern, i + 1)
            continue
        if c in "*+?{":
            raise _Unsupported  # a quantifier with nothing to repeat, or a literal "{"
        if c == "\\":
            if i + 1 >= n:
                raise _Unsupported
            escaped = pattern[i + 1]
            if escaped.isalnum() or escaped == "_":
                if escaped not in _CLASS_ESCAPES:
                    raise _Unsupported  # \p{..}, \x41, \1, \N{..}: not modelled
                end_run()
                _, i = _quantifier(pattern, i + 2)
                continue
            char, i = escaped, i + 2
        else:
            char, i = c, i + 1
        if i < n and pattern[i] in "*+?{":
            # A repeated or optional character: not part of a contiguous run.
            end_run()
            _, i = _quantifier(pattern, i)
            continue
        run.append(char)
    end_run()
    if not choices:
        return None, i
    return max(choices, key=lambda strings: (min(map(len, strings)), -len(strings))), i


def _group_literals(pattern: str, i: int) -> tuple[tuple[str, ...] | None, int]:
    """The group opening at ``i``: what it requires (None for a lookaround: it consumes
    nothing) and the index after its ``)``."""
    if pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
        start = i + (4 if pattern[i + 2] == "<" else 3)
        _, end = _alternation_literals(pattern, start)
        return None, _close(pattern, end)
    if pattern.startswith("(?:", i):
        start = i + 3
    elif pattern.startswith("(?P<", i) or pattern.startswith("(?<", i):
        start = pattern.find(">", i) + 1
        if start == 0:
            raise _Unsupported
    elif pattern.startswith("(?", i):
        raise _Unsupported  # inline flags, atomic groups, conditionals, comments
    else:
        start = i + 1
    found, end = _alternation_literals(pattern, start)
    return found, _close(pattern, end)


def _close(pattern: str, i: int) -> int:
    if i >= len(pattern) or pattern[i] != ")":
        raise _Unsupported
    return i + 1


def _skip_set(pattern: str, i: int) -> int:
    """The index after the character set opening at ``i``."""
    j = i + 1
    if pattern.startswith("^", j):
        j += 1
    if pattern.startswith("]", j):
        j += 1  # a "]" right after "[" or "[^" is literal
    while j < len(pattern):
        c = pattern[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            raise _Unsupported  # nested sets, POSIX classes
        if c == "]":
            return j + 1
        j += 1
    raise _Unsupported


_QUANTIFIER_BRACES = regex.compile(r"\{(\d*)(?:,(\d*))?\}")


def _quantifier(pattern: str, i: int) -> tuple[int, int]:
    """The quantifier at ``i``, if any: the fewest repeats it allows (1 without one) and
    the index after it (and after a lazy "?" or possessive "+")."""
    if i >= len(pattern) or pattern[i] not in "*+?{":
        return 1, i
    c = pattern[i]
    if c == "{":
        m = _QUANTIFIER_BRACES.match(pattern, i)
        if m is None:
            raise _Unsupported  # fuzzy matching "{e<=1}" or a literal "{"
        at_least, i = int(m.group(1) or 0), m.end()
    else:
        at_least, i = (1 if c == "+" else 0), i + 1
    if i < len(pattern) and pattern[i] in "?+":
        i += 1
    return at_least, i
