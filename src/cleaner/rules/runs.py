"""Runs of line rules on text: one pass over the blocks for several line rules.

Split from ``base`` (a ``LineRule`` alone on text runs as a run of one): how the
pipeline applies consecutive line rules, each asked only about lines of no more words
than its ``words_bound``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from operator import itemgetter
from typing import Any

from ..blocks import Block, Removal
from .base import Document, LineRule, Rule

#: Word counts with a list of line rules of their own in a ``LineRuleRun`` (0 to this;
#: longer lines share one: the rules bound by no fewer words, or by none).
WORDS_BOUND_TIERS = 80
#: A line not judged yet on the page (no answer looked up: one dict access a line).
_UNSEEN: Any = object()


class LineRuleRun:
    """Line rules that follow each other in the pipeline, run on text in one pass over
    the blocks (``LineRule.apply`` of each in turn, without a pass per rule).

    On text a line rule's answer depends on the line alone (``LineRule``), so a line is
    removed by the first of these rules that has a reason for it, with that reason,
    whichever way round the loops go; each rule still decides with its ``reason_for``.
    A line printed again gets its first copy's answer, looked up, not redone (a page of
    one line repeated 200,000 times costs one judgement). Where the compiled walk is
    used, a rule is asked only about the lines its gate admits (``gates``): on most
    lines no rule is asked at all.
    """

    __slots__ = (
        "_bounds",
        "_gated",
        "_gates",
        "_groups",
        "_page",
        "_parts",
        "_shift",
        "_tiers",
        "_twins",
        "rules",
    )

    def __init__(self, rules: tuple[LineRule, ...], parts: bool = True) -> None:
        from ..frontends.html.compiled import compiled_features  # (it imports rules)

        self.rules = rules
        # Looked up here, once, not by an import statement a page (one costs about as
        # much as asking a rule about a line).
        self._twins = compiled_features
        # What a compiled run asks: each rule's parts (``LineRule.line_parts``; with
        # ``parts`` off, its gate and ``reason_for``), as (rule's position, method's
        # name), with their gates and words bounds (-1: none), for ``line_candidates``
        # (``gates.candidates``' compiled twin): a bit of a mask a part.
        found = [
            (i, part)
            for i, rule in enumerate(rules)
            for part in (rule.line_parts() if parts else ((rule.line_gate(), "reason_for"),))
        ]
        self._parts = tuple((i, name) for i, (_, name) in found)
        self._gates = tuple(gate for _, (gate, _) in found)
        bounds = tuple(-1 if b is None else b for b in (r.words_bound for r in rules))
        self._bounds = tuple(bounds[i] for i, _ in found)
        self._gated = tuple(type(r).line_gate is not LineRule.line_gate for r in rules)
        # The gates of all the kind's runs, looked at in one pass a page (``PageGates``,
        # set by ``run_steps``), and this run's first bit in their masks.
        self._page: PageGates | None = None
        self._shift = 0
        # Per word count up to WORDS_BOUND_TIERS, and past it: the rules whose
        # words_bound it is within, in order, as one of a few groups of positions
        # (the word counts from one distinct bound to the next share one).
        past = WORDS_BOUND_TIERS + 1
        bounds = [past if b is None else min(b, past) for b in (r.words_bound for r in rules)]
        groups: list[tuple[int, ...]] = []
        tiers: list[int] = []
        for edge in sorted({*bounds, past}):
            groups.append(tuple(i for i, b in enumerate(bounds) if b >= edge))
            tiers += [len(groups) - 1] * (edge + 1 - len(tiers))
        self._groups = tuple(groups)
        self._tiers = itemgetter(*tiers)

    def apply(self, doc: Document) -> None:
        if doc.lines_judged:
            return  # as each rule would (LineRule.apply)
        twins = self._twins()
        blocks = doc.blocks
        if twins is None:
            # In Python, each rule's own gates in ``reason_for`` cost less than looking
            # at the gates first: every rule within its bound is asked about each line.
            asks = [(rule, rule.for_page(doc).reason_for) for rule in self.rules]
            tiers = self._tiers([[asks[i] for i in group] for group in self._groups])
            last = len(tiers) - 1
            self._judge(
                doc,
                (
                    (block, tiers[n if (n := block.features.n_words) < last else last])
                    for block in blocks
                    if block.removal is None and not block.pruned
                ),
            )
            return
        # The compiled look at every line's facts: the lines some rule's gate admits,
        # each with the rules to ask (a bit each). No other line can be removed here.
        page = self._page
        if page is not None:
            # Judged off the page's masks, with no list of the lines first.
            masks = page.masks(doc, twins)
            width = len(self._parts)
            asks = functools.partial(self._asks, doc)
            twins.lj_judge_masks(blocks, masks, self._shift, width, asks, doc, _removed)
            return
        found = twins.line_candidates(blocks, self._gates, self._bounds)
        if not found:
            return
        asks = self._asks(doc)
        by_mask = {
            mask: [ask for r, ask in enumerate(asks) if mask >> r & 1]
            for mask in {mask for _, mask in found}
        }
        self._judge(doc, ((blocks[i], by_mask[mask]) for i, mask in found))

    def _asks(self, doc: Document) -> list[tuple[LineRule, Any]]:
        """Each part (``_parts``) with its rule and what to ask about a line of ``doc``.

        A rule with a gate of its own is asked as it is, not as set up for the page
        (``for_page``): the same answers, and its gate looked at each line for what
        setting it up would look for in the whole page's text."""
        asked = [
            rule if gated else rule.for_page(doc)
            for rule, gated in zip(self.rules, self._gated, strict=True)
        ]
        return [(self.rules[i], getattr(asked[i], name)) for i, name in self._parts]

    @staticmethod
    def _judge(doc: Document, lines: Iterable[tuple[Block, list[tuple[LineRule, Any]]]]) -> None:
        """Remove each of ``lines`` that one of its rules to ask has a reason for: the
        first of them that has (a line printed again gets its first copy's answer)."""
        answers: dict[str, Removal | tuple[LineRule, str] | None] = {}
        seen = answers.get
        for block, ask in lines:
            text = block.text
            answer = seen(text, _UNSEEN)
            if answer is _UNSEEN:
                answer = None
                for rule, reason_for in ask:
                    reason = reason_for(block, doc)
                    if reason:
                        answer = _removed(rule, block, reason)
                        break
                answers[text] = answer
            elif answer is None:
                pass
            elif type(answer) is tuple:
                answer[0].remove(block, answer[1])
            else:
                block.removal = answer

    @staticmethod
    def joins(rule: Rule) -> bool:
        """Whether ``rule`` runs in such a pass: a line rule as set up for text, with
        ``LineRule``'s own ``apply``."""
        return isinstance(rule, LineRule) and rule.by_text and type(rule).apply is LineRule.apply

    def __repr__(self) -> str:
        return f"<LineRuleRun {[rule.name for rule in self.rules]}>"


def _removed(rule: LineRule, block: Block, reason: str) -> Removal | tuple[LineRule, str]:
    """Remove ``block`` (kept) for ``reason``; what a later copy of its line gets: the
    same ``Removal`` (immutable: lines of one answer share one, as ``remove_all``'s
    do), or where the rule marks blocks its own way, the rule and the reason."""
    rule.remove(block, reason)
    if type(rule).remove is Rule.remove and block.removal is not None:
        return block.removal
    return (rule, reason)


class PageGates:
    """The gates of every ``LineRuleRun`` of a kind's steps, looked at for all of a
    page's lines in one compiled pass, by the first run on the page (``_ctext3.pxi``):
    a line's words are scanned once, its opening looked up once, for every gate. Each
    run then picks the lines still kept that one of its rules is to be asked about:
    what ``line_candidates`` finds for its gates, since a line's facts do not change
    between the runs (its features and text are set before the first)."""

    __slots__ = ("_bounds", "_gates", "_plan")

    def __init__(self, runs: Iterable[LineRuleRun]) -> None:
        self._gates = tuple(g for run in runs for g in run._gates)
        self._bounds = tuple(b for run in runs for b in run._bounds)
        self._plan: Any = None  # (built once, by the first page: a compiled object)

    def masks(self, doc: Document, twins: Any) -> bytearray:
        """What the gates admit of each of the page's blocks (``line_gate_masks``),
        looked at once a page."""
        held = doc.line_gates
        if held is None or held[0] is not self:
            if self._plan is None:
                self._plan = twins.line_gate_plan(self._gates, self._bounds)
            held = doc.line_gates = (self, twins.line_gate_masks(self._plan, doc.blocks))
        return held[1]  # type: ignore[return-value]

    def candidates(
        self, doc: Document, twins: Any, shift: int, width: int
    ) -> list[tuple[int, int]]:
        """``line_candidates`` for the run of rules ``shift`` to ``shift + width - 1``."""
        return twins.line_gate_pick(doc.blocks, self.masks(doc, twins), shift, width)  # type: ignore[no-any-return]

    def kept_candidates(
        self, doc: Document, twins: Any, shift: int, width: int
    ) -> list[tuple[Block, int]]:
        """``candidates`` on HTML, as (block, mask): the gates are looked at only for
        the blocks kept when the first run asks (no rule brings a removed block back
        before the last run, and a pruned one stays pruned), in one pass for every run
        of the page's steps (two on HTML, a rule between them)."""
        held = doc.line_gates
        if held is None or held[0] is not self:
            if self._plan is None:
                self._plan = twins.line_gate_plan(self._gates, self._bounds)
            kept = [b for b in doc.blocks if b.removal is None and not b.pruned]
            held = doc.line_gates = (self, twins.line_gate_masks(self._plan, kept), kept)
        kept = held[2]
        return [(kept[i], mask) for i, mask in twins.line_gate_pick(kept, held[1], shift, width)]


#: Rules (their parts) at most in the runs sharing one ``PageGates`` (the bits of a mask).
PAGE_GATES_MAX_RULES = 62


class BlockRuleRun:
    """Line rules that follow each other in the pipeline, run on HTML in one pass over
    the blocks: each kept block asked by each rule in turn (within its words bound, as
    ``LineRuleRun``), not each rule asking every block in turn.

    On HTML a line rule's answer may read more than the line (its link density, its
    element: a number in a table's cell), so no answer is looked up by text; but it
    reads that block alone, never another block's mark (``LineRule``: each block on its
    own), and the page's literals a rule keeps for the page (``for_page``) are read
    from every block, marked or not. So a block is removed by the first of these rules
    with a reason for it, with that reason, whichever way round the loops go.
    """

    __slots__ = ("_tiered", "rules")

    def __init__(self, rules: tuple[LineRule, ...]) -> None:
        self.rules = rules
        # (The same rules by words bound as on text: the tiers are ``LineRuleRun``'s; a
        # bit of a mask a rule, each asked with its ``reason_for``.)
        self._tiered = LineRuleRun(rules, parts=False)

    def apply(self, doc: Document) -> None:
        tiered = self._tiered
        twins = tiered._twins()
        if twins is not None:
            # As on text: the rules' gates read the block's features alone, which an
            # answer on HTML needs too (the rest only turns a reason away), so a block
            # no gate admits has no reason here; the others ask only the rules admitting.
            page = tiered._page
            if page is not None:
                found = page.kept_candidates(doc, twins, tiered._shift, len(self.rules))
            else:
                blocks = doc.blocks
                found = [
                    (blocks[i], mask)
                    for i, mask in twins.line_candidates(blocks, tiered._gates, tiered._bounds)
                ]
            if found:
                gated = [
                    (rule, (rule if own else rule.for_page(doc)).reason_for)
                    for rule, own in zip(self.rules, tiered._gated, strict=True)
                ]
                for block, mask in found:
                    for r, (rule, reason_for) in enumerate(gated):
                        if mask >> r & 1 and (reason := reason_for(block, doc)):
                            rule.remove(block, reason)
                            break
            return
        asks = [(rule, rule.for_page(doc).reason_for) for rule in self.rules]
        tiers = tiered._tiers([[asks[i] for i in group] for group in tiered._groups])
        last = len(tiers) - 1
        for block in doc.blocks:
            if block.removal is None and not block.pruned:
                n = block.features.n_words
                for rule, reason_for in tiers[n if n < last else last]:
                    reason = reason_for(block, doc)
                    if reason:
                        rule.remove(block, reason)
                        break

    @staticmethod
    def joins(rule: Rule) -> bool:
        """Whether ``rule`` runs in such a pass: a line rule as set up for HTML, with
        ``LineRule``'s own ``apply``."""
        return (
            isinstance(rule, LineRule) and not rule.by_text and type(rule).apply is LineRule.apply
        )

    def __repr__(self) -> str:
        return f"<BlockRuleRun {[rule.name for rule in self.rules]}>"


def run_steps(rules: tuple[Rule, ...]) -> tuple[Rule | LineRuleRun | BlockRuleRun, ...]:
    """``rules`` as the pipeline applies them: each run of line rules set up for text
    (one alone too: its tiers are built here, once) as one ``LineRuleRun``, each run of
    line rules set up for HTML as one ``BlockRuleRun``, every other rule as it is."""
    steps: list[Rule | LineRuleRun | BlockRuleRun] = []
    run: list[LineRule] = []
    for rule in (*rules, None):
        # (A kind's rules are all set up for it: a run never mixes text and HTML.)
        if isinstance(rule, LineRule) and (LineRuleRun.joins(rule) or BlockRuleRun.joins(rule)):
            run.append(rule)
            continue
        if run:
            steps.append((LineRuleRun if run[0].by_text else BlockRuleRun)(tuple(run)))
        run = []
        if rule is not None:
            steps.append(rule)
    text_runs = [s for s in steps if isinstance(s, LineRuleRun)]
    # On HTML, each BlockRuleRun's gates are its tiered twin's (a LineRuleRun of its own).
    html_runs = [s._tiered for s in steps if isinstance(s, BlockRuleRun)]
    for runs in (text_runs, html_runs):
        if runs and sum(len(run._parts) for run in runs) <= PAGE_GATES_MAX_RULES:
            page = PageGates(runs)
            shift = 0
            for run in runs:
                run._page, run._shift = page, shift
                shift += len(run._parts)
    return tuple(steps)
