"""List-shaped articles keep their lists (issue 15, item 4).

The pages under ``fixtures/text-lists/`` were written for this project: in each language
a numbered listicle with short items and links, a recipe with its ingredients, a review
with a specification list, a table, a calendar of events and a league table, as an
innerText dump prints them (a table's cells joined by tabs), between a site menu and a
footer. Each page must keep its prose and every item of its list, and lose the menu and
the footer (its ``bar``); the gold format is that of ``src/cleaner/samples/`` (see its
README), scored by ``tests/goldscore.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from goldscore import FixtureSuite, validate_gold
from helpers import expected_failures

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "text-lists"
SUITE = FixtureSuite(FIXTURES)
NAMES = SUITE.names
KINDS = ("listicle", "recipe", "specs", "table", "calendar", "standings")

#: Pages that miss their bar today, and why. Strict: they must fail.
BELOW_BAR: dict[str, str] = {}


def test_every_kind_of_list_in_three_languages() -> None:
    assert SUITE.missing_pages(KINDS) == []


@pytest.mark.parametrize("name", NAMES)
def test_gold_is_well_formed(name: str) -> None:
    assert validate_gold(*SUITE.page(name)) == []


@pytest.mark.parametrize("name", expected_failures(NAMES, BELOW_BAR))
def test_list_kept_and_page_chrome_removed(name: str) -> None:
    report = SUITE.report(name)
    assert report.invariants_ok
    assert report.bar_failures(SUITE.page(name)[1]["bar"]) == [], report.summary()
