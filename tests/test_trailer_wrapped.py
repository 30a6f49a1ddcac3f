"""A trailer heading's phrase on a line that goes on with a hard-wrapped sentence heads
nothing (``TrailerZone.wrapped_min_chars``, ``wrapped_max_chars``): on a <pre> page
'... shorter, accumulate' / 'more ne and' / 'impurities.' is one sentence, not the
'More ...' heading of a related list."""

from __future__ import annotations

import pytest
from helpers import make_doc, make_rule, prose

from cleaner.rules.trailers import TrailerZone
from cleaner.rules.wrapped import breaks_off_sentence


def wrapped_line(n_chars: int, last_word: str = "accumulate") -> str:
    """A line of exactly ``n_chars`` characters ending on ``last_word``, no sentence end."""
    head = ("lorem " * n_chars)[: n_chars - len(last_word) - 1].rstrip()
    return head + " " * (n_chars - len(head) - len(last_word)) + last_word


def heading_cut(line: str, heading: str = "more stories", kind: str = "text") -> bool:
    above = [prose(300), prose(300, "ipsum")]
    doc = make_doc(*above, line, heading, "Link one", prose(100, "amet"), kind=kind)
    make_rule(TrailerZone, doc.config, kind=kind).apply(doc)
    return doc.blocks[len(above) + 1].removal is not None


def test_wrapped_line_helper_is_exact() -> None:
    assert len(wrapped_line(40)) == 40 and wrapped_line(40).endswith(" accumulate")
    assert len(wrapped_line(101)) == 101


def test_a_heading_phrase_after_a_broken_off_line_cuts_nothing() -> None:
    assert not heading_cut(wrapped_line(60))


def test_wrapped_min_chars() -> None:
    assert not heading_cut(wrapped_line(40))
    assert heading_cut(wrapped_line(39))


def test_wrapped_max_chars() -> None:
    assert not heading_cut(wrapped_line(100))
    assert heading_cut(wrapped_line(101))


@pytest.mark.parametrize(
    "line",
    [
        "LAURIE OAKES IS THE NINE NETWORK POLITICAL EDITOR",  # a byline in capitals
        wrapped_line(59) + ".",  # a sentence ends
        wrapped_line(60, "Delhi"),  # ends on a capitalised word
    ],
)
def test_a_line_that_breaks_off_nothing_leaves_the_heading(line: str) -> None:
    assert heading_cut(line)


def test_a_capitalised_heading_does_not_go_on_with_the_sentence() -> None:
    assert heading_cut(wrapped_line(60), heading="More stories")


def test_breaks_off_sentence_reads_both_lines() -> None:
    doc = make_doc(wrapped_line(60), "more ne and", "More stories", wrapped_line(60, "Delhi"))
    line, lower, upper, capital = doc.blocks
    assert breaks_off_sentence(line, lower, 40, 100)
    assert not breaks_off_sentence(line, upper, 40, 100)
    assert not breaks_off_sentence(capital, lower, 40, 100)
    assert not breaks_off_sentence(line, lower, 61, 100)


def test_on_html_a_wrapped_paragraph_is_one_block_so_no_line_is_told() -> None:
    assert heading_cut(wrapped_line(60), kind="html")
