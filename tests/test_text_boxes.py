"""Articles interrupted by a box keep both halves (issue 15, item 3).

The pages under ``fixtures/text-boxes/`` were written for this project: one local news
article per language, printed six times, each time with a different box inside it (a
related-links list, a newsletter sign-up, a video player's leftovers, an ad slot, a pull
quote, an image caption with its credit), between a site menu and a footer. Each page
must keep all five paragraphs and lose the box (its ``bar``); the gold format is that of
``src/cleaner/samples/`` (see its README), scored by ``tests/goldscore.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from goldscore import FixtureSuite, validate_gold
from helpers import expected_failures

from cleaner import clean_article

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "text-boxes"
SUITE = FixtureSuite(FIXTURES)
NAMES = SUITE.names
KINDS = ("related", "newsletter", "player", "ad", "pullquote", "credit")

#: Pages that miss their bar today, and why. Strict: they must fail.
BELOW_BAR: dict[str, str] = {}

T1 = (
    "The city council approved the new budget on Tuesday after a long debate about the "
    "funding of public schools and parks."
)
T2 = (
    "Several members argued that the plan would raise taxes for families who already "
    "struggle with the cost of living in the area."
)
T3 = (
    "The mayor said that the budget would be reviewed again in the spring when the new "
    "figures from the state become available."
)
T4 = (
    "Residents who want to comment on the plan can attend the public hearing that will "
    "be held next month at the town hall."
)


def test_the_smallest_interrupted_article_keeps_both_halves() -> None:
    page = "\n\n".join([T1, T2, "Related articles", "Other story one", T3, T4])
    assert clean_article(page) == "\n\n".join([T1, T2, T3, T4])


def test_a_box_at_the_end_still_ends_the_article() -> None:
    # A teaser list after the article goes: summaries that alternate with titles are
    # no resumed article.
    teasers = [
        "Related articles",
        "Other story one",
        T3.replace("mayor", "governor"),
        "Other story two",
        T1.replace("city", "county"),
    ]
    article = [T1, T2, T3, T4]
    assert clean_article("\n\n".join([*article, *teasers])) == "\n\n".join(article)


def test_every_kind_of_box_in_three_languages() -> None:
    assert SUITE.missing_pages(KINDS) == []


@pytest.mark.parametrize("name", NAMES)
def test_gold_is_well_formed(name: str) -> None:
    assert validate_gold(*SUITE.page(name)) == []


@pytest.mark.parametrize("name", NAMES)
def test_both_halves_kept_in_order(name: str) -> None:
    report = SUITE.report(name)
    assert report.invariants_ok
    assert report.missing == [], report.summary()


@pytest.mark.parametrize(
    "name",
    expected_failures(NAMES, BELOW_BAR),
)
def test_box_removed(name: str) -> None:
    report = SUITE.report(name)
    assert report.bar_failures(SUITE.page(name)[1]["bar"]) == [], report.summary()
