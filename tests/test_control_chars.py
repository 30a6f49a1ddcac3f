"""Control characters in text: a few do not make it binary, and cleaning stays idempotent.

A str dense with control characters is binary data and cleans to "" (see
test_properties). A short text with a stray one is text: its cleaned output, shorter
still, must not count as binary when it is cleaned again (issue 15, item 8).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import clean_article
from cleaner.decoding import (
    BINARY_CONTROL_SHARE,
    BINARY_MIN_CONTROL_CHARS,
    binary_text_kind,
    dense_controls,
)

# C0 controls and DEL the binary check counts (not tab, newline, form feed, CR, ESC).
CONTROLS = [
    chr(c) for c in (*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F)
]


def test_the_issue_cases_are_idempotent() -> None:
    for raw in ("\x08a\x0c\nNo media source currently available", "ir para o conteúdo\nA\x1a\n"):
        once = clean_article(raw, kind="text")
        assert once, raw  # a stray control character does not make a line binary
        assert clean_article(once, kind="text") == once


def test_fewer_control_characters_than_the_minimum_are_never_binary() -> None:
    n = BINARY_MIN_CONTROL_CHARS
    assert not dense_controls("\x01" * (n - 1))  # all control, but too few
    assert dense_controls("\x01" * n)
    assert binary_text_kind("\x01" * n) is not None
    assert binary_text_kind("\x01" * (n - 1)) is None


def test_enough_control_characters_are_binary_above_the_share_only() -> None:
    n = BINARY_MIN_CONTROL_CHARS
    at_share = int(n / BINARY_CONTROL_SHARE)  # n controls are exactly the share of this
    assert not dense_controls("\x02" * n + "a" * (at_share - n))
    assert dense_controls("\x02" * n + "a" * (at_share - n - 1))
    assert dense_controls(b"\x02" * n + b"a" * (at_share - n - 1))  # bytes alike
    assert dense_controls(b"\x00\x01\x02binary")  # but bytes need no minimum
    assert not dense_controls("\x00\x01\x02binary")


_LINES = st.sampled_from(
    [
        "No media source currently available",
        "ir para o conteúdo",
        "Skip to main content",
        "Advertisement",
        "0:00 / 3:18",
        "Watch on YouTube",
        "A",
        "a",
        "The council voted on Tuesday to extend the program for another year.",
        "Die Regierung kritisierte am Dienstag den neuen Haushalt in einer langen Rede.",
        "",
    ]
) | st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@st.composite
def _with_controls(draw: st.DrawFn) -> str:
    """Lines with control characters put anywhere, a few or many."""
    text = "\n".join(draw(st.lists(_LINES, max_size=12)))
    for _ in range(draw(st.integers(0, 24))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(CONTROLS)) + text[at:]
    return text


@settings(max_examples=200)
@given(_with_controls(), st.sampled_from([None, "text"]))
def test_cleaning_text_with_control_characters_is_idempotent(raw: str, kind: str | None) -> None:
    once = clean_article(raw, kind=kind)
    assert clean_article(once, kind=kind) == once


def test_a_kept_part_dense_with_control_characters_is_binary_once_alone() -> None:
    # The input reads as text (the chrome lines dilute the controls), the kept paragraph
    # alone would not: the first call must already give what the second gives.
    prose = (
        "The council voted on Tuesday to extend the program for another year, and the "
        "mayor said the vote was a victory."
    )
    dense = "".join(c + ("\x01" if i % 7 == 0 else "") for i, c in enumerate(prose))
    chrome = ["Skip to main content", "Advertisement", "Share this article"] * 8
    raw = "\n".join([*chrome, dense, *chrome])
    assert binary_text_kind(raw) is None and binary_text_kind(dense) is not None
    once = clean_article(raw, kind="text")
    assert once == clean_article(once, kind="text") == ""
    assert clean_article("\n".join([*chrome, prose, *chrome]), kind="text") == prose
