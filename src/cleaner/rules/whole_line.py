"""The rule removing a short line that is one phrase of a section, whole.

Split from ``base``: several rules are this one on their own sections
(``accessibility_link``, ``media_stub``, ``chrome_phrase``).
"""

from __future__ import annotations

from typing import ClassVar

from ..blocks import Block
from ..config import Config
from ..phrases import PhraseBook, alternation, phrase_to_pattern
from ..phrases.compile import line_matcher, required_literals
from ..phrases.openings import _opens_with_digit
from .base import Document, LineRule, Rule, _quote, bound_by
from .gates import Gate, folded_holds, matcher_edge, matcher_opens, opening, tokens_any


class WholeLinePhraseRule(LineRule):
    """Removes a short block that is nothing but one phrase of a phrase-file section."""

    words_bound = bound_by("max_words")

    section: ClassVar[str] = ""
    #: What the reason says the phrase is, e.g. "an accessibility link".
    what: ClassVar[str] = ""

    def __init__(self, config: Config, phrases: PhraseBook) -> None:
        super().__init__(config, phrases)
        section = phrases.phrases(self.section)
        # A line that is a literal phrase holds that phrase's longest word: a set test on
        # the block's words spares the trie on almost every block (its cost grows with
        # the lists). The ``re:`` phrases have no such word and are always tried.
        _, self.triggers, _ = phrases.gated_patterns(self.section)
        self.literal = line_matcher([p for p in section if not p.startswith("re:")])
        patterns = [p for p in section if p.startswith("re:")]
        # A phrase opening with a run of any characters ('.{0,60}(opens|will open) in a
        # new window') is tried at every length of that run on every short line: apart,
        # behind a substring test on the literal text its matches hold, it is tried on
        # almost none. (Without such text it stays with the others.)
        scanning = [p for p in patterns if phrase_to_pattern(p).startswith(".")]
        gate = required_literals(alternation(scanning) or "") if scanning else None
        self.scanning_gate: tuple[str, ...] = gate or ()
        self.scanning = line_matcher(scanning) if gate else None
        rest = [p for p in patterns if not gate or p not in scanning]
        self.patterns = line_matcher(rest)
        # Text every match of those holds (None: not known), for the line gate (their
        # openings alone admit many lines of prose: 'the', 'you'); apart for those
        # opening with a digit, on lines opening otherwise than a-z ('p' of '720p').
        digit = [p for p in rest if _opens_with_digit(phrase_to_pattern(p))]
        self.pattern_gates: tuple[tuple[bool, tuple[str, ...] | None], ...] = tuple(
            (group is digit, required_literals(alternation(group) or ""))
            for group in (digit, [p for p in rest if p not in digit])
            if group
        )
        self.max_words = config.chrome_max_words

    def for_page(self, doc: Document) -> Rule:
        return self.narrowed(doc, (("scanning_gate", "scanning"),), self.max_words)

    def line_gate(self) -> Gate:
        return tuple(alternative for gate, _ in self.line_parts() for alternative in gate)

    def line_parts(self) -> tuple[tuple[Gate, str], ...]:
        # A matcher each: a line one of them admits is not tried against the others
        # (on most such lines, the costliest of them would fail: chrome's patterns).
        found: list[tuple[Gate, str]] = []
        literal = matcher_opens(self.literal)
        if literal is not None:
            literal += matcher_edge(self.literal)
            found.append(((tokens_any(self.triggers) + literal,), "_literal_reason"))
        patterns = matcher_opens(self.patterns)
        if patterns is not None:
            edge = matcher_edge(self.patterns)
            gate = tuple(
                (opening() if digits else patterns) + edge + folded_holds(literals)
                for digits, literals in self.pattern_gates
            )
            found.append((gate, "_patterns_reason"))
        if self.scanning is not None:
            found.append(((folded_holds(self.scanning_gate),), "_scanning_reason"))
        return tuple(found)

    def _literal_reason(self, block: Block, doc: Document) -> str | None:
        f = block.features
        if (
            f.n_words <= self.max_words
            and self.literal is not None
            and not self.triggers.isdisjoint(f.tokens)
            and self.literal.match(f.folded)
        ):
            return f"the whole block is {self.what} ({_quote(block.text)})"
        return None

    def _patterns_reason(self, block: Block, doc: Document) -> str | None:
        f = block.features
        if (
            f.n_words <= self.max_words
            and self.patterns is not None
            and self.patterns.match(f.folded)
        ):
            return f"the whole block is {self.what} ({_quote(block.text)})"
        return None

    def _scanning_reason(self, block: Block, doc: Document) -> str | None:
        f = block.features
        folded = f.folded
        if (
            f.n_words <= self.max_words
            and self.scanning is not None
            and any(map(folded.__contains__, self.scanning_gate))
            and self.scanning.match(folded)
        ):
            return f"the whole block is {self.what} ({_quote(block.text)})"
        return None

    def reason_for(self, block: Block, doc: Document) -> str | None:
        f = block.features
        if f.n_words > self.max_words:
            return None
        folded = f.folded
        if (
            (
                self.literal is not None
                and not self.triggers.isdisjoint(f.tokens)
                and self.literal.match(folded)
            )
            or (self.patterns is not None and self.patterns.match(folded))
            or (
                self.scanning is not None
                and any(map(folded.__contains__, self.scanning_gate))
                and self.scanning.match(folded)
            )
        ):
            return f"the whole block is {self.what} ({_quote(block.text)})"
        return None
