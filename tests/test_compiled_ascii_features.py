"""The compiled features of an ASCII text come from one pass over its bytes (its words,
digits and capitals) and its tokens from the key's bytes: the same features as
``features._fill`` gives, on ASCII texts of every kind of character."""

from __future__ import annotations

import string

from helpers import _cwalk, needs_extension
from hypothesis import given
from hypothesis import strategies as st

from cleaner.blocks import Block, Features
from cleaner.features import _fill

_ASCII = st.text(alphabet=st.characters(max_codepoint=127), max_size=80)
_WORDY = st.lists(
    st.sampled_from(["A", "b", "Zz", "9", "x1", "DE", ".", " ", "  ", "-", "'", "\t", "é"])
    | st.text(alphabet=string.ascii_letters + string.digits, max_size=6),
    max_size=20,
).map("".join)


def _both(text: str) -> tuple[Features, Features]:
    compiled = Block(0, text)
    _cwalk.fill_all([compiled], 8, 2, 3, None)
    python = Features()
    _fill(text, python, 8, 2, 3, None)
    return compiled.features, python


@needs_extension
@given(_ASCII | _WORDY)
def test_ascii_texts_have_the_python_features(text: str) -> None:
    compiled, python = _both(text)
    assert compiled == python


@needs_extension
def test_a_single_word_is_its_own_token_and_key() -> None:
    compiled, python = _both("Word")
    assert compiled == python and compiled.tokens[0] is compiled.key
    compiled, _ = _both("a b c")
    # One-character words are the interpreter's shared strings, as split gives them.
    assert compiled.tokens == ("a", "b", "c") and compiled.tokens[0] is chr(97)
