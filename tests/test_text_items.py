"""The main run widened to a rival run of the same items, on the text path
(``rules/repeated_items.py``): a listing or a blog's front page cut in two by a box
keeps its items on both sides. Hand-built blocks; every parameter pinned from both
sides; and a blog front page written for this project (``fixtures/text-items/``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from goldscore import FixtureSuite, validate_gold
from helpers import make_doc, make_rule

from cleaner.rules.quality import MainContentRun
from cleaner.rules.repeated_items import item_sizes

POSTS = [
    "The first frost arrived three weeks before the date on the calendar and it caught "
    "the last of the runner beans still hanging on the canes.",
    "Saving tomato seed is easy as long as you let the pulp ferment for a few days in a "
    "jar so that the coating around each seed breaks down.",
    "We finally laid the path of reclaimed bricks that we had talked about since spring, "
    "and the plot looks twice as tidy as it did before.",
    "The leeks loved the wet weeks of late summer and the thickest of them are now as "
    "wide as a broom handle, more than in any year before.",
    "After a damp August the slugs had a feast on the young lettuces and by the time we "
    "noticed there was little left but a row of stalks.",
    "The old plum tree at the corner of the plot gave more fruit than we could eat, so we "
    "filled crates and left them by the gate for all.",
]
#: A box of short lines between the third post and the fourth: it costs the run more
#: than the three posts past it bring.
BOX = [f"Visit garden {n} today." for n in range(10)]


def _item(i: int) -> list[str]:
    return [f"Post number {i}", f"Posted on {i} May 2024", POSTS[i]]


def _front(items: int = 3) -> list[str]:
    """Three posts, the box, ``items`` posts more, a pager line."""
    first = [line for i in range(3) for line in _item(i)]
    last = [line for i in range(3, 3 + items) for line in _item(i)]
    return [*first, *BOX, *last, "Older posts"]


def _kept(page: list[str], **params: object) -> list[str]:
    doc = make_doc(*page)
    make_rule(MainContentRun, **params).apply(doc)
    return [b.text for b in doc.blocks if b.removal is None]


def test_the_run_widens_to_the_posts_past_a_box() -> None:
    kept = _kept(_front())
    assert all(post in kept for post in POSTS)
    # The box between is kept with them: the run is one stretch of the page.
    assert BOX[0] in kept
    # Without the step, the run keeps the three posts after the box alone.
    alone = _kept(_front(), item_rival_min_items=0)
    assert POSTS[0] not in alone
    assert POSTS[5] in alone


def test_the_reason_names_the_widened_run() -> None:
    doc = make_doc(*_front())
    make_rule(MainContentRun).apply(doc)
    removed = [b for b in doc.blocks if b.removal is not None]
    # From the first post's paragraph (block 2) to the last (block 27).
    assert removed[0].removal is not None
    assert removed[0].removal.reason == "before the main content run (blocks 2-27)"
    assert doc.main_run == (2, 27)


def test_an_article_beside_items_does_not_widen() -> None:
    # The kept run is one stretch of paragraphs: an article, not items.
    article = [POSTS[3], POSTS[4], POSTS[5], POSTS[1]]
    page = [line for i in range(3) for line in _item(i)] + BOX + article
    assert POSTS[0] not in _kept(page)


def test_item_rival_min_items() -> None:
    assert POSTS[0] in _kept(_front(), item_rival_min_items=3)
    assert POSTS[0] not in _kept(_front(), item_rival_min_items=4)


def test_item_rival_share() -> None:
    # The rival (the posts before the box) scores 258 of the kept run's 282: 0.915.
    assert POSTS[0] in _kept(_front(), item_rival_share=0.91)
    assert POSTS[0] not in _kept(_front(), item_rival_share=0.92)


def test_item_size_ratio() -> None:
    # The rival's items: a median of 136 prose characters; the run's: 133 (1.023).
    assert POSTS[0] in _kept(_front(), item_size_ratio=1.03)
    assert POSTS[0] not in _kept(_front(), item_size_ratio=1.02)


def test_item_sizes() -> None:
    doc = make_doc("Title", POSTS[0], POSTS[1], "Posted on 2 May", POSTS[2], "Reply")
    chars = doc.prose_chars()
    kept = doc.blocks
    assert item_sizes(chars, kept, 0, 5) == [
        len(POSTS[0]) + len(POSTS[1]),
        len(POSTS[2]),
    ]
    assert item_sizes(chars, kept, 2, 2) == [len(POSTS[1])]


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "text-items"
SUITE = FixtureSuite(FIXTURES)


@pytest.mark.parametrize("name", SUITE.names)
def test_gold_is_well_formed(name: str) -> None:
    assert validate_gold(*SUITE.page(name)) == []


@pytest.mark.parametrize("name", SUITE.names)
def test_every_post_kept_and_page_chrome_removed(name: str) -> None:
    report = SUITE.report(name)
    assert report.invariants_ok
    assert report.bar_failures(SUITE.page(name)[1]["bar"]) == [], report.summary()
