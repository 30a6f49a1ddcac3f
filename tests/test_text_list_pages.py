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

from functools import cache
from pathlib import Path

import pytest
from goldscore import load, score, validate_gold
from helpers import expected_failures

from cleaner import Result, clean_and_explain

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "text-lists"
NAMES = sorted(p.name[: -len(".gold.json")] for p in FIXTURES.glob("*.gold.json"))
KINDS = ("listicle", "recipe", "specs", "table", "calendar", "standings")

#: Pages that miss their bar today, and why. Strict: they must fail.
BELOW_BAR: dict[str, str] = {}


def test_every_kind_of_list_in_three_languages() -> None:
    languages = {name.split("-", 1)[0] for name in NAMES}
    assert len(languages) >= 3
    assert {f"{lang}-{kind}" for lang in languages for kind in KINDS} <= set(NAMES)


@cache
def _page(name: str) -> tuple[str, dict]:
    return load(FIXTURES / f"{name}.gold.json")


@cache
def _cleaned(name: str) -> Result:
    return clean_and_explain(_page(name)[0])


@pytest.mark.parametrize("name", NAMES)
def test_gold_is_well_formed(name: str) -> None:
    raw, gold = _page(name)
    assert validate_gold(raw, gold) == []


@pytest.mark.parametrize("name", expected_failures(NAMES, BELOW_BAR))
def test_list_kept_and_page_chrome_removed(name: str) -> None:
    raw, gold = _page(name)
    report = score(_cleaned(name).text, raw, gold, name)
    assert report.invariants_ok
    assert report.bar_failures(gold["bar"]) == [], report.summary()
