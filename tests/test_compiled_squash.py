"""The compiled squash of the walk's text (``_ctext.pxi``, its one-byte kind in
``_csquash.pxi``) against ``spaces.squash``: the same string, of the same kind (an
ASCII string stays one), on text of every kind and every white space ``str.split``
knows. Where the extension is not built the tests skip.
"""

from __future__ import annotations

import pytest
from helpers import _cwalk, needs_extension
from hypothesis import given
from hypothesis import strategies as st

from cleaner.spaces import squash

_PIECES = st.sampled_from(
    [
        " ",
        "  ",
        "\t",
        "\n",
        "\r\n",
        "\x0b",
        "\x0c",
        "\x1c",
        "\x1f",
        "\x85",
        "\xa0",
        "a",
        "word",
        "é",
        "ÿ",
        "\x80",
        "\u2003",
        "\u3000",
        "€",
        "😀",
        "_",
    ]
)


@needs_extension
@given(st.lists(_PIECES | st.text(max_size=5), max_size=40).map("".join))
def test_both_squashes_agree(text: str) -> None:
    squashed = _cwalk.squash_twin(text)
    assert squashed == squash(text)
    assert squashed.isascii() == squash(text).isascii()


@needs_extension
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  a \n b  ", "a b"),
        ("\xa0caf\xe9\xa0", "café"),
        ("\xa0plain\x85", "plain"),
        ("x" * 300 + "  y", "x" * 300 + " y"),
        (" \t\n", ""),
    ],
)
def test_the_one_byte_squash_collapses_white_space(text: str, expected: str) -> None:
    squashed = _cwalk.squash_twin(text)
    assert squashed == expected
    assert squashed.isascii() == expected.isascii()
