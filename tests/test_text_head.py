"""The dateline and byline in the main run's head (rules/article_head.py): each Param
pinned from both sides on hand-built blocks."""

from __future__ import annotations

import pytest
from helpers import PROSE, make_doc, make_rule

from cleaner.rules.article_head import HeadDateline
from cleaner.rules.quality import MainContentRun


def removed(*texts: str, **params: object) -> list[str]:
    """The lines the dateline rule removes from a page of ``texts`` whose main run the
    run rule found first."""
    rule = make_rule(HeadDateline, **params)
    doc = make_doc(*texts, config=rule.config)
    make_rule(MainContentRun, config=rule.config).apply(doc)
    rule.apply(doc)
    return [b.text for b in doc.blocks if b.removal is not None and b.removal.rule == rule.name]


DATE = "Published Monday, November 18, 2019 8:22 AM EST"
BY = "By Jane Doe"


@pytest.mark.parametrize(
    "line",
    [
        DATE,
        "Nov. 19, 2019 8:03 am ET",
        "By HNN Staff | November 18, 2019 at 2:26 PM HST - Updated November 18 at 4:46 PM",
        "Veröffentlicht am 18. November 2019 um 8:22 Uhr",
        "Publié le 18 novembre 2019 à 8h22",
        "18/11/2019",
        BY,
        "by Jeff Foust",
        "Von Erika Mustermann",
    ],
)
def test_head_line_removed(line: str) -> None:
    assert removed(PROSE[0], line, PROSE[1], PROSE[2]) == [line]


@pytest.mark.parametrize(
    "line",
    [
        "— Jane Doe (@janedoe) November 18, 2019",  # a tweet's signature
        "The vote was held on November 18, 2019.",  # a sentence
        "Zoning board meeting, November 18, 2019, in Springfield town hall",  # more words
        "By the way",  # no name
    ],
)
def test_head_line_kept(line: str) -> None:
    assert removed(PROSE[0], line, PROSE[1], PROSE[2]) == []


def test_head_paragraphs() -> None:
    # Above the second paragraph: the head; below it: the body.
    assert removed(PROSE[0], DATE, PROSE[1], PROSE[2]) == [DATE]
    assert removed(PROSE[0], PROSE[1], DATE, PROSE[2]) == []
    assert removed(PROSE[0], PROSE[1], DATE, PROSE[2], head_paragraphs=3) == [DATE]


def test_max_dated_lines() -> None:
    dates = ["May 2, 2005", "May 3, 2005"]
    assert removed(PROSE[0], DATE, PROSE[1], *dates[:1], PROSE[2]) == [DATE]
    assert removed(PROSE[0], DATE, PROSE[1], *dates, PROSE[2]) == []  # three: a blog's
    assert removed(PROSE[0], DATE, PROSE[1], *dates, PROSE[2], max_dated_lines=3) == [DATE]


def test_max_words() -> None:
    # Twenty words with the date, then twenty-one.
    line = "Published " + "on " * 14 + "November 18, 2019 8:22"
    assert removed(PROSE[0], line, PROSE[1], PROSE[2]) == [line]
    longer = "Published " + "on " * 15 + "November 18, 2019 8:22"
    assert removed(PROSE[0], longer, PROSE[1], PROSE[2]) == []
    assert removed(PROSE[0], longer, PROSE[1], PROSE[2], max_words=21) == [longer]


def test_max_other_words() -> None:
    three = "Jane Doe Reporter, November 18, 2019"
    four = "Jane Doe Senior Reporter, November 18, 2019"
    assert removed(PROSE[0], three, PROSE[1], PROSE[2]) == [three]
    assert removed(PROSE[0], four, PROSE[1], PROSE[2]) == []
    assert removed(PROSE[0], four, PROSE[1], PROSE[2], max_other_words=4) == [four]


def test_byline_max_words() -> None:
    eight = "By Jane Doe | Special to the Daily Times"  # '|' is no word
    nine = "By Jane Doe | Special to the Daily Times Herald"
    assert removed(PROSE[0], eight, PROSE[1], PROSE[2]) == [eight]
    assert removed(PROSE[0], nine, PROSE[1], PROSE[2]) == []
    assert removed(PROSE[0], nine, PROSE[1], PROSE[2], byline_max_words=9) == [nine]
