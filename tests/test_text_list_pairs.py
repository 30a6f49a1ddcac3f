"""A specification list printed as term and value lines (``rules/list_pairs.py``), and a
list's heading ending in a colon, on the text path: the main run takes them in after a
product's description. Hand-built blocks; every parameter pinned from both sides."""

from __future__ import annotations

from helpers import make_doc, make_rule

from cleaner.rules.list_pairs import pair_lines
from cleaner.rules.quality import MainContentRun

DESCRIPTION = [
    "Cast in one piece in a small foundry, this casserole keeps the heat for a long time "
    "and gives it back evenly, which is what a slow stew on the back of the stove needs.",
    "The sanded enamel inside needs no seasoning and takes metal spoons, and the lid has "
    "small studs underneath that send the steam back down onto the food as it cooks.",
]
PAIRS = [
    "Diameter",
    "24 cm",
    "Capacity",
    "4.2 litres",
    "Material",
    "Enamelled cast iron, steel knob",
    "Weight",
    "4.9 kg with the lid",
]
FOOTER = ["Contact us", "Privacy", "Delivery", "Returns"]


def _pairs(lines: list[str], min_pairs: int = 4) -> set[int]:
    return pair_lines(make_doc(*lines).blocks, min_pairs, 3, 12, 0.5)


def _kept(items: list[str], **params: object) -> list[str]:
    doc = make_doc(*items)
    make_rule(MainContentRun, **params).apply(doc)
    return [b.text for b in doc.blocks if b.removal is None]


def _page(pairs: list[str], heading: str = "Specifications") -> list[str]:
    return ["Shop", "Kitchen", "Pans", *DESCRIPTION, heading, *pairs, *FOOTER]


def test_a_specification_list_stays_with_the_description() -> None:
    page = _page(PAIRS)
    assert _kept(page) == [*DESCRIPTION, "Specifications", *PAIRS]


def test_a_menu_alternating_short_and_long_entries_is_no_list() -> None:
    menu = ["Pans", "Cast iron pans", "Knives", "Chef's knives", "Baking", "Baking tins"]
    assert _pairs(menu, 3) == set()
    assert _kept(_page(menu)) == DESCRIPTION


def test_terms_and_values_shapes() -> None:
    # A term with a colon, a digit or a sentence for a value breaks the pairs.
    assert _pairs(PAIRS) == set(range(8))
    assert _pairs(["Weight:", *PAIRS[1:]]) == set()
    assert _pairs([*PAIRS[:7], "4.9 kg with the lid."]) == set()
    assert _pairs(["Size 2", *PAIRS[1:]]) == set()


def test_list_min_items_counts_pairs() -> None:
    page = _page(PAIRS)  # four pairs
    assert _kept(page, list_min_items=4)[-1] == PAIRS[-1]
    assert _kept(page, list_min_items=5) == DESCRIPTION


def test_field_max_words_bounds_the_term() -> None:
    pairs = ["Net weight of pot", "4.9 kg", *PAIRS[2:]]  # a term of four words
    assert _kept(_page(pairs), field_max_words=4)[-1] == PAIRS[-1]
    assert _kept(_page(pairs), field_max_words=3) == DESCRIPTION


def test_pair_value_max_words() -> None:
    long = "Enamelled cast iron with a knob of brushed steel that stays cool"  # 12 words
    pairs = [*PAIRS[:5], long, *PAIRS[6:]]
    assert _kept(_page(pairs), pair_value_max_words=12)[-1] == PAIRS[-1]
    assert _kept(_page(pairs), pair_value_max_words=11) == DESCRIPTION


def test_pair_min_number_share() -> None:
    # Two of the four values hold a number.
    pairs = [*PAIRS[:6], "Colour", "Cherry red and slate grey"]
    assert _kept(_page(pairs), pair_min_number_share=0.5)[-1] == pairs[-1]
    assert _kept(_page(pairs), pair_min_number_share=0.51) == DESCRIPTION


def test_a_list_heading_may_end_in_a_colon() -> None:
    fields = ["Diameter: 24 cm", "Capacity: 4.2 litres", "Weight: 4.9 kg", "Lid: cast iron"]
    page = ["Shop", *DESCRIPTION, "Technical data:", *fields, *FOOTER]
    assert _kept(page) == [*DESCRIPTION, "Technical data:", *fields]
    # Only the colon: a line ending in a full stop is no heading.
    page = ["Shop", *DESCRIPTION, "Technical data.", *fields, *FOOTER]
    assert _kept(page) == DESCRIPTION
