"""A repeat standing inside the main run on text (rules/run_copies.py): a reply's quote
of an earlier post and an interview's recurring question come back; a pull quote, a
caption among credits and a link line stay out; each Param pinned from both sides on
hand-built blocks."""

from __future__ import annotations

from helpers import PROSE, make_doc, make_rule

from cleaner.blocks import Removal
from cleaner.rules.run_copies import CopyInRun

DATE = "05-06-2005, 05:49 PM"
LATER = "05-06-2005, 06:02 PM"
REPEAT = Removal("exact_duplicate", "duplicates", "repeats block 0")
CREDIT = Removal("media_label", "media", "photo credit")


def restored(*items: str | tuple[str, Removal], **params: object) -> list[int]:
    """The indexes of the blocks the rule keeps again, on a page of ``items`` (a pair:
    a block removed, by the given removal, before the rule)."""
    rule = make_rule(CopyInRun, **params)
    texts = [item[0] if isinstance(item, tuple) else item for item in items]
    doc = make_doc(*texts, config=rule.config)
    for block, item in zip(doc.blocks, items, strict=True):
        if isinstance(item, tuple):
            block.removal = item[1]
    before = {b.index for b in doc.blocks if b.removal is not None}
    rule.apply(doc)
    return sorted(i for i in before if doc.blocks[i].removal is None)


def test_quote_under_a_post_header_comes_back() -> None:
    page = (PROSE[0], "Bailey", DATE, (PROSE[0], REPEAT), PROSE[2])
    assert restored(*page) == [3]


def test_quote_of_several_paragraphs_comes_back_whole() -> None:
    page = (PROSE[0], PROSE[1], LATER, DATE, (PROSE[0], REPEAT), (PROSE[1], REPEAT), PROSE[2])
    assert restored(*page) == [4, 5]


def test_pull_quote_after_a_paragraph_stays_out() -> None:
    # Printed twice, right after a paragraph: a pull quote.
    assert restored(PROSE[0], PROSE[1], (PROSE[0], REPEAT), PROSE[2]) == []


def test_refrain_min_repeats() -> None:
    question = "What made you start cooking for a living, and who taught you?"
    page = (question, PROSE[0], (question, REPEAT), PROSE[1], (question, REPEAT), PROSE[2])
    assert restored(*page, refrain_min_repeats=3) == [2, 4]
    assert restored(*page, refrain_min_repeats=4) == []


def test_copy_beside_a_removed_block_stays_out() -> None:
    # A caption's copy next to its photo credit.
    page = (PROSE[0], DATE, (PROSE[0], REPEAT), ("Photo: Meg Kinnard, AP", CREDIT), PROSE[2])
    assert restored(*page) == []


def test_copy_ending_the_page_stays_out() -> None:
    assert restored(PROSE[0], DATE, (PROSE[0], REPEAT)) == []


def test_link_line_stays_out() -> None:
    line = "Continue reading the main story"
    assert restored(line, PROSE[0], DATE, (line, REPEAT), PROSE[1]) == []


def test_max_words() -> None:
    n = make_doc(PROSE[1]).blocks[0].features.n_words
    page = (PROSE[1], DATE, (PROSE[1], REPEAT), PROSE[2])
    assert restored(*page, max_words=n) == [2]
    assert restored(*page, max_words=n - 1) == []


def test_copy_under_a_heading_stays_out() -> None:
    # A heading holds no date or time: no post's header, the paragraph printed again.
    page = (PROSE[0], "Immediate criticism", (PROSE[0], REPEAT), PROSE[2])
    assert restored(*page) == []


def test_caption_printed_again_right_after_itself_stays_out() -> None:
    caption = "Protesters gather outside the parliament building on 12 May."
    page = (PROSE[0], caption, (caption, REPEAT), (caption, REPEAT), PROSE[1])
    assert restored(*page, refrain_min_repeats=3) == []
