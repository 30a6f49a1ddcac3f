"""The text path on the compiled twins (``frontends/html/compiled.py``) and on the Python
ones: it takes the compiled features where the compiled walk is used, the Python ones
where it is not (``CLEANER_PURE_PYTHON=1``, no extension), and cleans every page the
same either way. (The features' twins themselves: test_compiled_walk.py.)"""

from __future__ import annotations

import pytest
from helpers import _cwalk, needs_extension
from hypothesis import given
from hypothesis import strategies as st

from cleaner import Cleaner, features
from cleaner.frontends.html import compiled

_CLEANER = Cleaner()
_PAGE = (
    "Home | News | Sport\n\nWe use cookies to improve your experience.\n\n"
    "The council voted on Tuesday to close the old bridge for repairs, which will "
    "take most of the summer and cost more than the town had planned.\n"
    "Residents said the detour would add twenty minutes to their commute.\n\n"
    "Share on Facebook\nShare on Twitter\n© 2024 The Daily Paper\n"
)


def _twins_used(monkeypatch: pytest.MonkeyPatch, path: str) -> list[object]:
    """The ``compiled=`` each ``compute_features`` call got cleaning ``_PAGE`` as text."""
    seen: list[object] = []
    real = features.compute_features

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(kwargs.get("compiled"))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("cleaner.pipeline.compute_features", spy)
    with compiled.forced(path):
        _CLEANER.clean(_PAGE, kind="text")
    return seen


@needs_extension
def test_the_text_path_takes_the_compiled_features(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _twins_used(monkeypatch, "compiled")
    assert seen and all(twins is _cwalk for twins in seen)


def test_the_python_walk_means_python_features_on_text(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _twins_used(monkeypatch, "python")
    assert seen and all(twins is None for twins in seen)


_LINES = st.sampled_from(
    [
        "",
        "Home | News | Sport",
        "We use cookies to improve your experience.",
        "Share on Facebook",
        "© 2024 The Daily Paper",
        "WASHINGTON — The Senate voted on the bill late on Tuesday night, after a long debate.",
        "The council voted to close the old bridge for repairs over the summer months.",
        "Straße und Brücke: die Stadt plant neue Wege für alle Bürger im kommenden Jahr.",
        "漢字かなカナのテキストです。",
        "Photo: Jane Doe/AP",
        "1 of 12",
        "Read more",
    ]
)


@needs_extension
@given(st.lists(_LINES | st.text(max_size=60), min_size=1, max_size=25).map("\n".join))
def test_both_features_clean_a_text_page_the_same(page: str) -> None:
    with compiled.forced("compiled"):
        on_compiled = _CLEANER.clean(page, kind="text")
    with compiled.forced("python"):
        on_python = _CLEANER.clean(page, kind="text")
    assert on_compiled == on_python


_BREAKS = st.sampled_from(
    ["\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\n\n"]
)
_SPACES = st.sampled_from(["  ", " \t ", "\u00a0", "\u3000 x \u3000"])
_PIECES = _LINES | _SPACES | st.text(max_size=20)


@needs_extension
@given(st.lists(st.tuples(_PIECES, _BREAKS), max_size=20))
def test_the_compiled_lines_are_the_python_blocks(parts: list[tuple[str, str]]) -> None:
    """``text_to_blocks``' compiled twin: the lines ``str.splitlines`` gives, stripped
    by ``str.strip``, each block equal to Python's (``gap_before`` too); and the blocks
    of a later pass over some of them, sharing their features."""
    from cleaner.frontends import text

    page = "".join(piece + end for piece, end in parts)
    made = _cwalk.tl_text_blocks(page)
    assert made == text._text_to_blocks(page)
    # A line seen before shares its first copy's string and features, on both twins.
    for blocks in (made, text._text_to_blocks(page)):
        first = {}
        for block in blocks:
            seen = first.setdefault(block.text, block)
            assert block.text is seen.text and block.features is seen.features
        assert len({id(b.features) for b in blocks}) == len(first)
    kept = made[::2]
    again = _cwalk.tl_blocks_again(kept)
    assert again == text._blocks_again(kept)
    assert all(a.features is k.features for a, k in zip(again, kept, strict=True))
