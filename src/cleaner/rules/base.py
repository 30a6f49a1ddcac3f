"""What a rule is, and the per-document state rules share.

A rule is a small object with a ``name``, a ``family`` and patterns compiled once in
``__init__``. ``apply`` looks at block features and marks blocks removed, each with a
reason a person can read. Rules never change text and keep no state between documents.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from ..blocks import Block, Removal
from ..config import Config
from ..inputs import KINDS
from ..phrases import PhraseBook
from ..spaces import squash
from .gates import ALWAYS, Gate
from .params import Param, declared_params

if TYPE_CHECKING:
    from .tree import Elements


#: Characters of a page joined at once by ``Document.present``.
PRESENT_PIECE_CHARS = 1 << 16


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
    #: HTML only: the page's block-level elements (``Block.element`` indexes them).
    elements: Elements | None = None
    #: Text only: every block is a line that an earlier pass over the same page, under
    #: the same language, kept (``Cleaner`` runs again on its own output): each line
    #: rule has already judged each of these lines and let it stay.
    lines_judged: bool = False
    #: The page's casefolded text, by ``present``'s word bound, once joined in one
    #: piece (a short page; a long one is never held whole). Per document.
    _page_texts: dict[int | None, str] = field(default_factory=dict, init=False, repr=False)
    #: What the gates of all the page's runs of line rules admit, found in one pass by
    #: the first run (``runs.PageGates``), with the ``PageGates`` it is of (and on
    #: HTML, the blocks they were looked at for).
    line_gates: tuple[object, ...] | None = field(default=None, init=False, repr=False)
    #: ``prose_chars``, once worked out, with the language it was worked out under.
    _prose: tuple[str | None, list[int]] | None = field(default=None, init=False, repr=False)

    def present(self, literals: tuple[str, ...], max_words: int | None = None) -> tuple[str, ...]:
        """Those of ``literals`` that occur in the casefolded text of some block of at
        most ``max_words`` words (None: any block): a rule whose gate asks a line of no
        more words "does it hold one of these?" need ask about no other on this page
        (``Rule.for_page``). A scan per literal, in pieces of whole blocks (a copy of a
        long page would raise its peak memory); the long blocks, which such a rule
        never matches, are not scanned."""
        page = self._page_texts.get(max_words)
        if page is not None:
            return tuple(filter(page.__contains__, literals))
        texts = [
            b.features.folded
            for b in self.blocks
            if max_words is None or b.features.n_words <= max_words
        ]
        if texts and sum(map(len, texts)) - len(texts[-1]) < PRESENT_PIECE_CHARS:
            # One piece (the loop below would close it at the last text only): joined
            # at once, without a step a block.
            page = self._page_texts[max_words] = "\n".join(texts)
            return tuple(filter(page.__contains__, literals))
        missing = list(literals)
        found: set[str] = set()
        piece: list[str] = []
        size = 0
        for i, text in enumerate(texts):
            piece.append(text)
            size += len(text)
            if size >= PRESENT_PIECE_CHARS or i == len(texts) - 1:
                joined = "\n".join(piece)
                if len(piece) == len(texts):
                    # The whole text in one piece: the rules asking next (several a
                    # page) test this text, not a join of their own.
                    self._page_texts[max_words] = joined
                found.update(x for x in missing if x in joined)
                missing = [x for x in missing if x not in found]
                piece, size = [], 0
                if not missing:
                    break
        return tuple(x for x in literals if x in found)

    def prose_chars(self) -> list[int]:
        """Per block, by position: its characters when it is prose (``is_prose``), else
        0. Worked out once a document (several rules read it), so not to be changed: a
        rule reading it runs after the features and the language are set."""
        held = self._prose
        if held is None or held[0] != self.language:
            min_words = self.config.prose_min_words
            is_prose = self.is_prose
            # (The word count first: is_prose's own first test rules most lines out.)
            chars = [
                b.features.n_chars if b.features.n_tokens >= min_words and is_prose(b) else 0
                for b in self.blocks
            ]
            held = self._prose = (self.language, chars)
        return held[1]

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


class Rule:
    """Base class: subclasses set ``name``, ``family``, ``description`` and ``apply``.

    A rule also declares what it applies to and what it reads: the pipeline keeps one
    rule list per input kind, so a rule never asks ``doc.kind`` whether to run, and it
    names the rules whose marks it reads by class, never by a name string.
    """

    name: ClassVar[str] = ""
    family: ClassVar[str] = ""
    description: ClassVar[str] = ""
    #: The input kinds ("text", "html") the pipeline runs this rule on.
    kinds: ClassVar[frozenset[str]] = frozenset(KINDS)
    #: Rules whose marks this one reads: they must come earlier in the pipeline order.
    #: One that is disabled (or does not apply to the kind) simply leaves no marks.
    requires: ClassVar[tuple[type[Rule], ...]] = ()
    #: False for rules that read no block features (the HTML tree rules): they run
    #: before the pipeline computes features, which it does right before the first rule
    #: that reads them.
    uses_features: ClassVar[bool] = True

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

    def for_kind(self, kind: str) -> Rule:
        """The rule as it runs on input of ``kind``: itself, or, for a rule that works
        differently on each kind, a copy set up for it (so that the choice is made once,
        when the pipeline is built, not on every page)."""
        return self

    def for_page(self, doc: Document) -> Rule:
        """The rule as it judges the lines of ``doc``: itself, or a copy for this page
        alone whose literal gates keep only the literals the page holds
        (``Document.present``): the same answers, fewer substring tests a line."""
        return self

    def narrowed(
        self, doc: Document, gates: tuple[tuple[str, str], ...], max_words: int | None = None
    ) -> Rule:
        """``for_page`` for a rule whose literal gates are the attributes named first in
        ``gates``, each guarding the matcher named second: itself when the page holds
        every literal, else a copy whose gates keep those the page holds, and whose
        matchers with no literal left are off (no line of the page can match them).
        ``max_words``: the rule matches no block of more words (its literals are looked
        for in the shorter ones only)."""
        changed: dict[str, object] = {}
        for gate_name, matcher_name in gates:
            gate = getattr(self, gate_name)
            if not gate:
                continue  # no gate: the matcher is always tried
            present = doc.present(gate, max_words)
            if present != gate:
                changed[gate_name] = present
                if not present:
                    changed[matcher_name] = None
        if not changed:
            return self
        rule = copy.copy(self)
        for name, value in changed.items():
            setattr(rule, name, value)
        return rule

    def apply(self, doc: Document) -> None:
        raise NotImplementedError

    def remove(self, block: Block, reason: str) -> bool:
        return block.remove(self.name, self.family, reason)

    def remove_all(self, blocks: Iterable[Block], reason: str) -> None:
        """Mark each of ``blocks`` not yet removed, all for one reason. They share one
        (immutable) ``Removal``: a run of 100,000 lines costs one, not 100,000."""
        removal = Removal(self.name, self.family, reason)
        for block in blocks:
            if block.removal is None:
                block.removal = removal

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.family}/{self.name}>"


class LineRule(Rule):
    """A rule that judges each kept block on its own: subclasses define ``reason_for``.

    On text input the answer depends on the block's text alone: blocks with the same
    text get the same answer (asked once per page).
    """

    #: Whether blocks with the same text get the first one's answer (set for text).
    by_text: bool = False

    @property
    def words_bound(self) -> int | None:
        """The most words (``Features.n_words``) a block can have for ``reason_for`` to
        find a reason in it (None: any number): a run of line rules does not ask the
        rule about longer ones (``LineRuleRun``)."""
        return None

    def for_kind(self, kind: str) -> Rule:
        if kind != "text":
            return self
        rule = copy.copy(self)
        rule.by_text = True
        return rule

    def apply(self, doc: Document) -> None:
        # A plain loop over the list (no generator, one attribute look-up): this runs
        # for every kept block under every line rule.
        if self.by_text and doc.lines_judged:
            # The answer depends on the line alone, and this rule let each of these
            # lines stay in the earlier pass: it would let them stay again.
            return
        if self.by_text:
            # On text a block is its line and nothing else (no markup, no link density):
            # a line printed again gets its first copy's answer (``LineRuleRun``).
            from .runs import LineRuleRun  # (runs imports this module)

            LineRuleRun((self,)).apply(doc)
            return
        reason_for = self.for_page(doc).reason_for
        for block in doc.blocks:
            if block.removal is None and not block.pruned:
                reason = reason_for(block, doc)
                if reason:
                    self.remove(block, reason)

    def reason_for(self, block: Block, doc: Document) -> str | None:
        raise NotImplementedError

    def line_gate(self) -> Gate:
        """What every line ``reason_for`` finds a reason in shows (``gates``), on HTML
        too: a run of line rules asks the rule about no other block. ALWAYS: any."""
        return ALWAYS

    def line_parts(self) -> tuple[tuple[Gate, str], ...]:
        """``reason_for`` in parts, each a gate and the name of a method judging a
        line as ``reason_for`` does (its reason or None), for a run on text: a line's
        answer is the first reason of the parts whose gates admit it, which is
        ``reason_for``'s (tests/test_line_gates.py). A rule trying several matchers
        then tries on a line only those its gate's alternatives let through. One
        part: ``line_gate`` and ``reason_for``."""
        return ((self.line_gate(), "reason_for"),)


def bound_by(attribute: str) -> property:
    """A ``words_bound`` read from the attribute (a Param) that ``reason_for`` tests
    first, turning away a block of more words than it holds."""
    return property(lambda rule: getattr(rule, attribute))


#: How much of a block a reason quotes (display only, no decision).
QUOTE_MAX_CHARS = 40


def _quote(text: str, limit: int = QUOTE_MAX_CHARS) -> str:
    text = squash(text)
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


quote = _quote
