"""``Recurrence`` finds the same labels by its one-lead passes and by its page index.

The first leads a page's headings ask about are looked up one pass each; past
``_SCANS_BEFORE_INDEX`` of them one pass indexes every short line by its lead, so a
long page of many posts costs one pass, not one per heading.
"""

from __future__ import annotations

from helpers import make_doc
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.rules import recurrence
from cleaner.rules.recurrence import Recurrence

PROSE = (
    "The council met on Tuesday and voted to keep the library open for another year, "
    "after a long debate about its budget."
)
_LINE = st.sampled_from(
    [
        PROSE,
        "Comments (3)",
        "Comments (12)",
        "3 Comments",
        "Related posts:",
        "Related stories",
        "Leave a reply",
        "Share this",
        "2024",
        "Posted by Jane",
    ]
)


def _recurrence(lines: list[str]) -> Recurrence:
    doc = make_doc(*lines)
    return Recurrence(doc, doc.prose_chars(), 8, 2)


@settings(max_examples=60, deadline=None)
@given(st.lists(_LINE, min_size=1, max_size=30))
def test_the_index_finds_what_each_lead_pass_finds(lines: list[str]) -> None:
    scans = _recurrence(lines)
    indexed = _recurrence(lines)
    indexed._lines_by_lead = indexed._lead_lines()
    for lead in ("comments", "related", "leave", "share", "posted", "jane", "absent"):
        assert indexed._index(lead) == scans._scan(lead)


def test_past_a_few_leads_one_pass_indexes_the_page() -> None:
    lines = [PROSE, "Comments (3)", PROSE, "Comments (7)", PROSE, "Related posts:"]
    rec = _recurrence(lines)
    leads = ["comments", "related", "leave", "share"]
    for n, lead in enumerate(leads):
        assert rec.after_prose(lines.index("Comments (3)")) is True  # (asks 'comments')
        rec._by_lead.setdefault(lead, rec._index(lead))
        built = rec._lines_by_lead is not None
        assert built == (n + 1 > recurrence._SCANS_BEFORE_INDEX)
    assert rec._lines_by_lead is not None and "comments" in rec._lines_by_lead


def test_a_label_under_each_post_recurs_after_prose() -> None:
    lines = [PROSE, "Comments (3)", PROSE, "Comments (7)", PROSE, "Leave a reply"]
    rec = _recurrence(lines)
    rec._lines_by_lead = rec._lead_lines()
    assert rec._index("comments") == {"comments": [2, 3, 2]}
    assert rec.after_prose(1) is True
    assert rec.after_prose(5) is False  # (once on the page: the page's end)
