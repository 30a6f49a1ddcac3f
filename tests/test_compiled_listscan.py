"""The compiled twin of the main run's scan of list lines (``_clistscan.pxi``) gives
what ``list_shapes.py_list_scan`` gives, and that scan what the list steps read: each
line's shape as ``line_shape`` says, every line that opens with a number, and every
line whose first colon opens a field."""

from __future__ import annotations

from helpers import _cwalk, needs_extension
from hypothesis import given
from hypothesis import strategies as st

from cleaner.rules import list_shapes
from cleaner.rules.list_shapes import (
    _FIELD_REACH,
    _LEADING_NUMBER,
    line_shape,
    list_scan,
    numbered_lines,
    py_list_scan,
    record_lines,
    shaped_lines,
)

_PIECES = st.sampled_from(
    [
        "1. ",
        "12) ",
        "2024-05-03 ",
        "03.05.2024 ",
        "THU 1/18/2007 ",
        "Thu., ",
        "•",
        "• ",
        "- ",
        "-5 °C",
        "* ",
        "*Update",
        "½ ",
        "¼",
        "200 g ",
        "2 cups ",
        "3 to 4 ",
        "١٢ ",
        "٣",
        "Weight: ",
        "Prep time: ",
        "Country of origin: ",
        ":",
        "Address: __",
        "\t",
        " \t",
        "Вес: ",
        "кг",
        "Zitrone",
        "flour",
        "the",
        "_x",
        "(",
        "  ",
        "a",
        "Z",
        "é",
        "“",
        "’",
        ", ",
        ". ",
        "9",
        "0",
        "x" * 30,
        "\u00b2",
        "\u2153",
    ]
)
_TEXTS = st.lists(st.lists(_PIECES, max_size=6).map("".join), max_size=30)


@needs_extension
@given(_TEXTS, st.integers(0, 4))
def test_list_scan_twin(texts: list[str], field_max_words: int) -> None:
    expected = py_list_scan(texts, field_max_words)
    assert list_scan(texts, field_max_words) == expected
    assert (
        _cwalk.ls_list_scan(
            texts,
            field_max_words,
            list_shapes.SHAPES,
            (
                list_shapes._DATE.match,
                list_shapes._BULLET.match,
                list_shapes._QUANTITY.match,
                list_shapes._FIELD.match,
            ),
            "".join(sorted(list_shapes._BULLET_SIGNS)),
            "".join(sorted(list_shapes._FRACTIONS)),
            list_shapes._DATE_REACH,
            _FIELD_REACH,
            list_shapes._NUMBER_REACH,
        )
        == expected
    )


@given(_TEXTS, st.integers(0, 4), st.integers(1, 4), st.integers(0, 3))
def test_list_scan_finds_what_the_steps_read(
    texts: list[str], field_max_words: int, min_items: int, gap: int
) -> None:
    shapes, numbers, colons = py_list_scan(texts, field_max_words)
    assert shapes == [(i, s) for i, t in enumerate(texts) if (s := line_shape(t, field_max_words))]
    assert {i for i, t in enumerate(texts) if _LEADING_NUMBER.match(t)} <= set(numbers)
    assert colons == [i for i, t in enumerate(texts) if t.find(":", 0, _FIELD_REACH) > 0]
    assert numbered_lines(texts, min_items, gap, numbers) == numbered_lines(texts, min_items, gap)
    assert shaped_lines(texts, min_items, gap, field_max_words, 0.5, shapes=shapes) == (
        shaped_lines(texts, min_items, gap, field_max_words, 0.5)
    )
    assert record_lines(texts, min_items, gap + 1, field_max_words, colons) == record_lines(
        texts, min_items, gap + 1, field_max_words
    )
