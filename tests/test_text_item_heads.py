"""The first item's head taken back into the main run, on the text path
(``rules/item_heads.py``): a listing's first title, before its first teaser, is the
run's when its other items show a title at the same depth. Hand-built blocks; every
parameter pinned from both sides."""

from __future__ import annotations

from helpers import make_doc, make_rule

from cleaner.rules.quality import MainContentRun

NAV = ["Home", "News", "Garden", "Recipes", "Events", "Subscribe"]
TEASERS = [
    "An October sowing gives plants that flower before the blackfly arrive, as long as "
    "the soil drains well over the winter and the mice are kept away from the seed.",
    "Shredding the leaves and keeping the bags damp turns them into a crumbly mulch by "
    "the next autumn, and the worms do most of the work for you in the meantime.",
    "Summer and autumn varieties fruit on different wood, and pruning the wrong canes "
    "costs you a whole season of berries, so it pays to label the rows when you plant.",
    "A short pipe between the two barrels doubles the store of water from one shed roof "
    "for a few pounds, and it takes an afternoon with a drill and a tap to fit it.",
    "Field beans and crimson clover protect the bare soil through the winter and feed "
    "the next crop when they are dug in, which saves a good deal of compost in spring.",
]
TITLES = [
    "Sowing broad beans in autumn",
    "Leaf mould in a year",
    "Which raspberry canes to cut",
    "Linking two rain barrels",
    "Green manure for empty beds",
]
AUTHORS = ["Ruth Okafor", "Tom Haddad", "Ada Lindgren", "Sam Price", "Lena Moor"]


def _kept(items: list[str], **params: object) -> list[str]:
    doc = make_doc(*items)
    make_rule(MainContentRun, **params).apply(doc)
    return [b.text for b in doc.blocks if b.removal is None]


def _listing(n: int, heads: list[list[str]] | None = None) -> list[str]:
    page = list(NAV)
    for k in range(n):
        page += heads[k] if heads else [TITLES[k]]
        page.append(TEASERS[k])
    return page


def test_the_first_title_joins_the_run() -> None:
    page = _listing(4)
    assert _kept(page) == page[len(NAV) :]
    # Without the step the first title, a heading before the first teaser, stays out.
    assert _kept(page, item_head_max_depth=0)[0] == TEASERS[0]


def test_an_article_s_title_stays_out() -> None:
    # Paragraphs one after the other: no item shows a head.
    page = [*NAV, "Sowing broad beans in autumn", *TEASERS]
    assert _kept(page)[0] == TEASERS[0]


def test_a_lead_paragraph_is_no_item() -> None:
    # Two paragraphs before the first sub-heading, one under each after: the title
    # heads the page, not an item.
    page = [*NAV, "A year on the plot", TEASERS[0], TEASERS[1]]
    for k in (2, 3, 4):
        page += [TITLES[k], TEASERS[k]]
    assert _kept(page)[0] == TEASERS[0]


def test_item_head_min_items() -> None:
    page = _listing(4)  # three items after the first teaser
    assert _kept(page, item_head_min_items=3)[0] == TITLES[0]
    assert _kept(page, item_head_min_items=4)[0] == TEASERS[0]


def test_item_head_share() -> None:
    # The last item's line is a sentence, no head: three of four items show one.
    heads = [[TITLES[0]], [TITLES[1]], [TITLES[2]], [TITLES[3]], ["Read the full story."]]
    page = _listing(5, heads)
    assert _kept(page, item_head_share=0.75)[0] == TITLES[0]
    assert _kept(page, item_head_share=0.76)[0] == TEASERS[0]


def test_item_gap_slack() -> None:
    # One item has a date line above its title: three lines from the teaser before.
    heads = [[TITLES[0]], [TITLES[1]], [TITLES[2]], ["12.10.2025", TITLES[3]]]
    page = _listing(4, heads)
    assert _kept(page, item_gap_slack=1)[0] == TITLES[0]
    assert _kept(page, item_gap_slack=0)[0] == TEASERS[0]


def test_item_head_max_depth() -> None:
    # Each item: a 'Reserve' line under the teaser before, its title, its author.
    heads = [[TITLES[0], AUTHORS[0]]]
    heads += [["Reserve", TITLES[k], AUTHORS[k]] for k in (1, 2, 3, 4)]
    page = _listing(5, heads)
    kept = _kept(page, item_head_max_depth=3)
    # Two lines deep: the title and the author; 'Reserve', the same under every item,
    # is no head.
    assert kept[:3] == [TITLES[0], AUTHORS[0], TEASERS[0]]
    assert _kept(page, item_head_max_depth=1)[:2] == [AUTHORS[0], TEASERS[0]]


def test_the_line_after_an_item_is_its_own() -> None:
    # A price line under each teaser, then the next title: two lines deep is the item
    # before's price, and the line before the run is not taken for a head.
    heads = [["Showing 1-5 of 54", TITLES[0]]]
    heads += [[f"From {40 + k} a night", TITLES[k]] for k in (1, 2, 3, 4)]
    page = _listing(5, heads)
    assert _kept(page)[0] == TITLES[0]
