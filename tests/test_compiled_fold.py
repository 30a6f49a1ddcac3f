"""The compiled casefolding of the features (``_cfold.pxi``) against ``str.casefold``:
every code point alone, and generated texts mixing ASCII, accents, characters that
fold to several (``ß``), to another block (``µ`` to ``μ``) or lie past the BMP.

Where the extension is not built the tests skip (Python folds, the only path).
"""

from __future__ import annotations

from helpers import _cwalk, needs_extension
from hypothesis import given
from hypothesis import strategies as st

_CHARS = st.sampled_from(
    ["a", "Z", " ", "\x00", "É", "é", "ß", "µ", "Σ", "ς", "K", "\u0130", "ﬀ", "\u4e00", "😀"]
)


@needs_extension
def test_every_code_point_folds_as_python_folds_it() -> None:
    differ = [c for c in range(0x110000) if _cwalk.fold_text(chr(c)) != chr(c).casefold()]
    assert differ == []


@needs_extension
@given(st.lists(_CHARS | st.text(), max_size=20).map("".join))
def test_texts_fold_as_python_folds_them(text: str) -> None:
    folded = _cwalk.fold_text(text)
    assert folded == text.casefold()
    assert type(folded) is str
