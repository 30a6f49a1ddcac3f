"""The compiled test of a BRANCHES need (``_ctext3branch.pxi``) answers as the gate's own
``BranchGate.holds``, and the rules gated by it remove what they removed without it."""

from __future__ import annotations

import pytest
from helpers import _cwalk, needs_extension
from hypothesis import given
from hypothesis import strategies as st
from test_line_gates import RULES

from cleaner.phrases.literals import BranchGate, branch_gate
from cleaner.rules import gates

#: Every BRANCHES need of the shipped text runs' gates.
SHIPPED = [
    arg
    for rule in RULES
    for gate, _ in rule.line_parts()
    for alternative in gate
    for op, arg in alternative
    if op == gates.BRANCHES
]
LINES = [
    "",
    "the mayor at the council meeting. (ap photo/jane doe)",
    "photo: reuters",
    "(photo by jane doe)",
    "image credit: jane doe",
    "foto: © jane doe",
    "sign up for our free daily newsletter",
    "© 2024 the paper. all rights reserved.",
    "cookies help us: see our policy (cookies)",
    "a line of prose with a colon: nothing else at all",
    "фото: иван",
    "“the mayor,” she said. (ap photo/jane doe)",
    "🙂 photo: reuters",
    "crédit photo : jeanne",
]


def test_the_shipped_rules_use_it() -> None:
    names = {
        rule.name
        for rule in RULES
        for gate, _ in rule.line_parts()
        for alt in gate
        for op, _ in alt
        if op == gates.BRANCHES
    }
    assert names == {"caption_credit", "notice"}


@needs_extension
@pytest.mark.parametrize("line", LINES)
def test_shipped_gates(line: str) -> None:
    for gate in SHIPPED:
        assert _cwalk.ct3b_holds(gate, line) == gate.holds(line), line


_STRINGS = st.text(alphabet="ab(:/ ©ж", min_size=0, max_size=3)


@needs_extension
@given(
    st.lists(
        st.lists(st.lists(_STRINGS, min_size=1, max_size=3), min_size=0, max_size=3),
        min_size=0,
        max_size=4,
    ),
    st.text(alphabet="ab(:/ ©жx", max_size=20),
)
def test_made_up_gates(branches: list[list[list[str]]], line: str) -> None:
    gate = BranchGate(tuple(tuple(tuple(choice) for choice in b) for b in branches))
    assert _cwalk.ct3b_holds(gate, line) == gate.holds(line)


def test_a_pattern_beyond_the_reader_has_no_need() -> None:
    assert gates.branches(branch_gate(r"(?i)x")) == ()
    assert gates.branches(None) == ()
