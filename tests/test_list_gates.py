"""The list steps' gates (``list_shapes.LIST_GATES``) never change what the steps find.

Where the compiled walk is used, the main run's list steps look only at the lines
their gate admits; each gate must admit every line its step takes, and a step given
the admitted positions (``at``) must find what it finds looking at every line.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_line_gates import LINES, _document

from cleaner.rules import gates
from cleaner.rules.list_shapes import (
    _FIELD,
    _FIELD_REACH,
    _LEADING_NUMBER,
    LIST_GATES,
    line_shape,
    numbered_lines,
    record_lines,
    shaped_lines,
)

SHAPED = [
    "1. First item",
    "• Bullet item",
    "- dash item",
    "* star item",
    "½ Zitrone",
    "200 g flour",
    "THU 1/18/2007 New York",
    "03.05.2024 Probe",
    "Weight: 1.2 kg",
    "cell one\tcell two",
    "١٢ عنصر",
    "Вес: 2 кг",
]


def _steps(text: str) -> tuple[bool, bool, bool]:
    """Whether each step finds something in the line: a shape, a number, a field."""
    field = text.find(":", 0, _FIELD_REACH) > 0 and _FIELD.match(text) is not None
    return line_shape(text, 3) is not None, _LEADING_NUMBER.match(text) is not None, field


def test_each_gate_admits_every_line_its_step_takes() -> None:
    doc = _document([*LINES, *SHAPED])
    seen = [0, 0, 0]
    for block in doc.blocks:
        for r, taken in enumerate(_steps(block.text)):
            if taken:
                seen[r] += 1
                assert gates.admits(LIST_GATES[r], block), (r, block.text)
    assert all(seen)  # (the test sees lines of each step)


def test_the_gates_turn_prose_away() -> None:
    doc = _document(["The council voted on Tuesday.", "Supporters said so", "quiet"])
    assert not any(gates.admits(g, b) for g in LIST_GATES for b in doc.blocks)


_LINE = st.sampled_from(
    ["Prose line here", "1. one", "2. two", "3 three", "4) four", "x: y", "- a"]
)


@given(st.lists(_LINE, max_size=30), st.integers(1, 4), st.integers(0, 3))
def test_a_step_given_the_admitted_lines_finds_what_it_finds_on_all(
    lines: list[str], min_items: int, gap: int
) -> None:
    doc = _document(lines or ["x"])
    texts = [b.text for b in doc.blocks]
    at = [[i for i, b in enumerate(doc.blocks) if gates.admits(gate, b)] for gate in LIST_GATES]
    assert numbered_lines(texts, min_items, gap, at[1]) == numbered_lines(texts, min_items, gap)
    assert shaped_lines(texts, min_items, gap, 3, 0.5, at[0]) == shaped_lines(
        texts, min_items, gap, 3, 0.5
    )
    assert record_lines(texts, min_items, gap + 1, 3, at[2]) == record_lines(
        texts, min_items, gap + 1, 3
    )


@pytest.mark.parametrize(
    ("at", "found"),
    [(None, {0, 2, 4}), ([0, 2, 4], {0, 2, 4}), ([0, 4], set())],
)
def test_numbered_lines_read_only_the_positions_given(at, found) -> None:
    texts = ["1. a", "text", "2. b", "text", "3. c"]
    assert numbered_lines(texts, 3, 1, at) == found
    assert re.match(r"\d", texts[0])
