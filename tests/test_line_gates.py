"""Line gates (``rules/gates.py``) never change a decision, and both twins agree.

A run of line rules on text asks a rule only about the lines its ``line_gate`` admits:
each gate must admit every line its rule finds a reason in (checked on the bundled
sample pages, on every literal phrase of every section dressed as a line, and on
lines made of phrase words and punctuation); the compiled twin
(``_cwalk.line_candidates``) must give what ``gates.candidates`` gives; and a run must
remove what asking every rule about every line removes (the Python path does that).
A gate is consulted: set to admit nothing, its rule removes nothing.
"""

from __future__ import annotations

import functools
from importlib import resources

import pytest
from helpers import _cwalk, needs_extension
from hypothesis import given
from hypothesis import strategies as st
from test_fast_gates import FIRING

import cleaner.config
from cleaner import Cleaner
from cleaner.blocks import Block
from cleaner.frontends.html import compiled
from cleaner.frontends.text import text_to_blocks
from cleaner.phrases import SECTIONS, PhraseBook
from cleaner.rules import gates, runs
from cleaner.rules.base import Document, LineRule
from cleaner.rules.runs import LineRuleRun

BOOK = PhraseBook(cleaner.config.SHIPPED_LANGUAGES)
CLEANER = Cleaner(languages=cleaner.config.SHIPPED_LANGUAGES)
RUNS = [s for s in CLEANER._steps["text"][1] if isinstance(s, LineRuleRun)]
RULES = [rule for run in RUNS for rule in run.rules]


def _document(lines: list[str]) -> Document:
    doc = Document([Block(i, line) for i, line in enumerate(lines)], CLEANER.config, kind="text")
    CLEANER._compute_features(doc, None)
    return doc


def _sample_lines() -> list[str]:
    samples = resources.files("cleaner.samples")
    return [
        block.text
        for path in sorted(samples.iterdir(), key=lambda p: p.name)
        if path.name.endswith(".txt")
        for block in text_to_blocks(path.read_text("utf-8"))
    ]


def _phrase_lines() -> list[str]:
    """Every literal phrase of every section, as a line alone and dressed as pages
    print them: capitalised, upper case, behind a bullet or a number, with a colon."""
    lines = []
    for section in SECTIONS:
        if section == "stopwords":
            continue
        for phrase in BOOK.phrases(section):
            if phrase.startswith("re:"):
                continue
            lines += [
                phrase,
                phrase.capitalize(),
                phrase.upper(),
                f"• {phrase}",
                f"12 {phrase}",
                f"{phrase}:",
                f"({phrase})",
                f"{phrase} 3",
            ]
    return lines


#: Lines of no letter, of numbers, of separators (counter, breadcrumb, timeline).
_BARE = ["***", "—", "• • •", "| |", "...", "1 2 3", "12/03", "0:00 1:02", "› ›", "«1»", "٣٤"]
LINES = [*FIRING.values(), *_BARE, *_sample_lines(), *_phrase_lines()]


def _unsound(doc: Document) -> list[tuple[str, str]]:
    """(rule, line) where the rule finds a reason in a line its gate turns away."""
    wrong = []
    for rule in RULES:
        gate = rule.line_gate()
        bound = rule.words_bound
        ask = rule.for_page(doc).reason_for
        for block in doc.blocks:
            if ask(block, doc) and (
                not gates.admits(gate, block)
                or (bound is not None and block.features.n_words > bound)
            ):
                wrong.append((rule.name, block.text))
    return wrong


def test_every_gate_admits_every_line_its_rule_removes() -> None:
    doc = _document(LINES)
    assert _unsound(doc) == []


def _parts_disagree(doc: Document) -> list[tuple[str, str]]:
    """(rule, line) where the first reason of the rule's parts admitting the line
    (``LineRule.line_parts``) is not its ``reason_for``'s."""
    wrong = []
    for rule in RULES:
        parts = [(gate, getattr(rule, name)) for gate, name in rule.line_parts()]
        ask = rule.for_page(doc).reason_for
        for block in doc.blocks:
            first = next(
                (
                    r
                    for gate, part in parts
                    if gates.admits(gate, block) and (r := part(block, doc))
                ),
                None,
            )
            if first != ask(block, doc):
                wrong.append((rule.name, block.text))
    return wrong


def test_a_rules_parts_give_its_reason() -> None:
    assert _parts_disagree(_document(LINES)) == []
    split = [r.name for r in RULES if len(r.line_parts()) > 1]
    assert {"chrome_phrase", "media_stub", "caption_credit"} <= set(split)


def test_the_gates_turn_most_lines_away() -> None:
    # (What they are for: a rule is asked about few of the sample lines within its bound.)
    doc = _document(_sample_lines())
    asked = within = 0
    for run in RUNS:
        found = gates.candidates(doc.blocks, run._gates, run._bounds)
        asked += sum(bin(mask).count("1") for _, mask in found)
        always = tuple(gates.ALWAYS for _ in run._gates)
        found = gates.candidates(doc.blocks, always, run._bounds)
        within += sum(bin(mask).count("1") for _, mask in found)
    assert asked < within / 4


_WORDS = sorted(
    {
        w
        for section in ("chrome", "notice", "media_stub", "counter_nouns")
        for p in BOOK.phrases(section)
        if not p.startswith("re:")
        for w in p.split()
    }
)[:400]


@given(
    st.lists(
        st.lists(
            st.sampled_from([*_WORDS, ":", "|", "/", "©", "(AP Photo)", "12", "»", "—", "é"]),
            min_size=1,
            max_size=8,
        ).map(" ".join),
        min_size=1,
        max_size=12,
    )
)
def test_gates_admit_what_their_rules_remove_on_made_lines(lines: list[str]) -> None:
    doc = _document(lines)
    assert _unsound(doc) == []
    assert _parts_disagree(doc) == []


def _removals(doc: Document) -> list[object]:
    return [block.removal for block in doc.blocks]


@pytest.mark.parametrize("run", RUNS, ids=repr)
def test_a_run_removes_what_asking_every_rule_about_every_line_removes(run) -> None:
    gated = _document(LINES)
    run.apply(gated)
    every = _document(LINES)
    asks = [(rule, rule.for_page(every).reason_for) for rule in run.rules]
    for block in every.blocks:
        for rule, ask in asks:
            if reason := ask(block, every):
                rule.remove(block, reason)
                break
    assert _removals(gated) == _removals(every)


@needs_extension
def test_a_gate_is_consulted() -> None:
    rule = next(r for r in RULES if r.name == "chrome_phrase")

    class Shut(type(rule)):  # type: ignore[misc]
        def line_gate(self) -> gates.Gate:
            return gates.NEVER

        def line_parts(self) -> tuple[tuple[gates.Gate, str], ...]:
            return ((gates.NEVER, "reason_for"),)

    shut = Shut(CLEANER.config, BOOK).for_kind("text")
    for asked, removed in ((rule, True), (shut, False)):
        doc = _document([FIRING["chrome_phrase"]])
        with compiled.forced("compiled"):  # (the Python path asks every line)
            LineRuleRun((asked,)).apply(doc)
        assert (doc.blocks[0].removal is not None) is removed


def test_a_rule_without_a_gate_is_asked_about_every_line() -> None:
    assert LineRule.line_gate(RULES[0]) == gates.ALWAYS
    doc = _document(["one", "two words"])
    assert gates.candidates(doc.blocks, (gates.ALWAYS, gates.NEVER), (-1, -1)) == [
        (0, 1),
        (1, 1),
    ]


# -- the compiled twin ---------------------------------------------------------------


def _both(doc: Document) -> None:
    for run in RUNS:
        python = gates.candidates(doc.blocks, run._gates, run._bounds)
        compiled = _cwalk.line_candidates(doc.blocks, run._gates, run._bounds)
        assert compiled == python, run
        # All the runs' gates looked at in one pass (``PageGates``), this run's picked.
        assert run._page is RUNS[0]._page
        assert run._page.candidates(doc, _cwalk, run._shift, len(run._parts)) == python, run
    assert doc.line_gates is not None and doc.line_gates[0] is RUNS[0]._page


@needs_extension
def test_the_page_gates_read_each_need_from_the_merged_lookups() -> None:
    # Word sets and openings from the merged look-ups, each need its own bit: a line
    # holding one set's word, or opening as one need says, is admitted by that gate.
    sets = (gates.tokens_any({"alpha"}), gates.tokens_any({"beta", "alpha"}))
    opens = (gates.opening("q"), gates.opening((), {"zed"}), gates.opening((), (), ("ya",)))
    gate_list = tuple((alt,) for alt in sets + opens)
    plan = _cwalk.line_gate_plan(gate_list, (-1,) * len(gate_list))
    doc = _document(["alpha one", "beta two", "quick", "zeds", "yak", "other", "7 up"])
    masks = _cwalk.line_gate_masks(plan, doc.blocks)
    found = dict(_cwalk.line_gate_pick(doc.blocks, masks, 0, len(gate_list)))
    assert found == {0: 0b11, 1: 0b10, 2: 0b100, 3: 0b1000, 4: 0b10000, 6: 0b11100}
    assert found == dict(gates.candidates(doc.blocks, gate_list, (-1,) * len(gate_list)))


@needs_extension
def test_the_compiled_candidates_are_the_python_ones() -> None:
    doc = _document(LINES)
    # Removed and pruned blocks are nobody's candidates, on either side.
    doc.blocks[0].remove("x", "y", "z")
    doc.blocks[1].pruned = True
    _both(doc)


@needs_extension
@given(st.lists(st.text(max_size=40) | st.sampled_from(LINES[:200]), min_size=1, max_size=20))
def test_the_compiled_candidates_are_the_python_ones_on_any_text(lines: list[str]) -> None:
    lines = [line.strip() for line in lines if line.strip()] or ["x"]
    _both(_document(lines))


@needs_extension
def test_every_operation_is_compared() -> None:
    ops = {op for run in RUNS for gate in run._gates for alt in gate for op, _ in alt}
    assert ops == set(range(10))


def test_an_edge_opening_reads_the_edge_to_its_first_letter() -> None:
    need = gates.edge_opening((), {"pho"}, (), {"(", "é"}, 5)
    lines = ["photo", "— photo", "12 photo", "12 image", "(image", "image", "123456 photo", "é"]
    doc = _document(lines)
    admitted = [b.text for b in doc.blocks if gates.admits((need,), b)]
    # (A line opening a-z is the opening's to judge; past ASCII, any character admits.)
    assert admitted == ["photo", "— photo", "12 photo", "(image", "image", "é"]
    if _cwalk is not None:
        found = _cwalk.line_candidates(doc.blocks, ((need,),), (-1,))
        assert [doc.blocks[i].text for i, _ in found] == admitted
    assert gates.edge_opening((), (), (), None) == ()


@needs_extension
@given(
    st.lists(
        st.text(st.sampled_from("abx ©üжc.:—"), min_size=1, max_size=12).map(str.strip),
        min_size=1,
        max_size=10,
    )
)
def test_the_compiled_scan_for_several_strings_finds_what_in_finds(lines: list[str]) -> None:
    # One-byte lines take the scan (a byte table, then pairs), others ``in``; strings
    # of one character, of two, longer, of wider characters, with a space.
    found = ("ab", "x", "©", "über", "ж", "a b", "c.:", "bb c", "жc", "—a", "a—ж")
    gate = (gates.folded_holds(found),)
    text_gate = (gates.text_holds(found),)
    doc = _document([line for line in lines if line] or ["x"])
    for g in (gate, text_gate):
        python = gates.candidates(doc.blocks, (g,), (-1,))
        assert _cwalk.line_candidates(doc.blocks, (g,), (-1,)) == python
        # The page gates' own scan of two-byte lines ('ж' makes one), the strings by
        # their first two characters.
        masks = _cwalk.line_gate_masks(_cwalk.line_gate_plan((g,), (-1,)), doc.blocks)
        assert _cwalk.line_gate_pick(doc.blocks, masks, 0, 1) == python


def test_the_counter_gate_asks_about_no_short_word_without_a_digit() -> None:
    # A bare line ('12/03', '· · ·') has no letter: a short line opening with a-z and
    # holding no digit is neither a counter nor bare.
    rule = next(r for r in RULES if r.name == "counter")
    doc = _document(["shares", "12/03", "views 12", "· · ·", "12K views"])
    admitted = [i for i, _ in gates.candidates(doc.blocks, (rule.line_gate(),), (-1,))]
    assert admitted == [1, 2, 3, 4]
    removed = [i for i, b in enumerate(doc.blocks) if rule.reason_for(b, doc)]
    assert set(removed) <= set(admitted) and 0 not in removed


@needs_extension
def test_judging_off_the_masks_removes_what_judging_the_picked_lines_does() -> None:
    """``_cwalk.lj_judge_masks`` (a run's lines judged straight off the page's masks)
    against its reference: the lines ``gates.candidates`` picks, each asked by the
    rules of its mask's bits (``LineRuleRun._judge``); some lines removed before, some
    printed twice."""
    lines = _sample_lines() + _phrase_lines()
    lines += lines[::5]
    removed_any = False
    for run in RUNS:
        on_masks, on_list = _document(lines), _document(lines)
        for doc in (on_masks, on_list):
            for block in doc.blocks[::7]:
                block.remove("earlier", "spy", "removed before the run")
        masks = run._page.masks(on_masks, _cwalk)
        width = len(run._parts)
        asks_on_masks = functools.partial(run._asks, on_masks)
        _cwalk.lj_judge_masks(
            on_masks.blocks, masks, run._shift, width, asks_on_masks, on_masks, runs._removed
        )
        asks = run._asks(on_list)
        found = gates.candidates(on_list.blocks, run._gates, run._bounds)
        LineRuleRun._judge(
            on_list,
            ((on_list.blocks[i], [a for r, a in enumerate(asks) if m >> r & 1]) for i, m in found),
        )
        assert [b.removal for b in on_masks.blocks] == [b.removal for b in on_list.blocks], run
        # The copies of a line removed here share its first copy's Removal, on both.
        for doc in (on_masks, on_list):
            first: dict[str, Block] = {}
            for block in doc.blocks:
                if block.removal is not None and block.removal.rule != "earlier":
                    assert block.removal is first.setdefault(block.text, block).removal
        removed_any |= any(b.removal and b.removal.rule != "earlier" for b in on_list.blocks)
    assert removed_any
    with pytest.raises(ValueError, match="masks"):
        _cwalk.lj_judge_masks([], masks, 0, 1, list, on_masks, runs._removed)
