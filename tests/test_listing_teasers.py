"""Listings whose teasers are all link text (a teaser linking to its story), and listings
whose items do not share a class: recognised as listings, their teasers kept; a menu, a
tag cloud or an article's related box of such items is no listing and goes.

Hand-built pages pin ``GuessPageType``'s linked teaser (``teaser_min_words``, a sentence's
end), the grouping of items by tag alone, ``LinkDense.item_teaser_min_words`` and the
container of a listing whose prose anchor lands beside its items.
"""

from __future__ import annotations

from typing import Any

from cleaner import Cleaner, Result
from cleaner.rules.html import LinkDense
from cleaner.rules.page_type import GuessPageType

#: A teaser; "{n}" is the item's own word (the same teaser twice is a duplicate).
LINKED = "A linked teaser sentence telling the reader what {n} is about."
WORDS = ("Alpha", "Bravo", "Charlie", "Delta", "Echo")
CLASSES = ("lead", "", "odd", "", "odd")


def item(n: int, teaser: str = LINKED, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return (
        f'<div{attr}><h3><a href="/s/{n}">Story number {n}</a></h3>'
        f'<p><a href="/s/{n}">{teaser.format(n=WORDS[n])}</a></p>'
        f'<a href="/s/{n}">Read more</a></div>'
    )


def page(teaser: str = LINKED, classes: tuple[str, ...] = CLASSES) -> str:
    items = "".join(item(n, teaser, c) for n, c in enumerate(classes))
    return (
        "<html><body><div id='menu'><a href='/'>Home</a> | <a href='/news'>News</a></div>"
        f"<div id='content'><h1>Reviews</h1>{items}</div>"
        "<div id='footer'><a href='/contact'>Contact us</a> | <a href='/terms'>Terms</a></div>"
        "</body></html>"
    )


def run(html: str, rule: str = GuessPageType.name, **params: Any) -> Result:
    cleaner = Cleaner(rule_params={rule: params}) if params else Cleaner()
    return cleaner.explain(html)


def decision(result: Result, start: str) -> Any:
    return next(b for b in result.blocks if b.text.startswith(start))


def test_linked_teasers_make_a_listing_whose_items_stay() -> None:
    result = run(page())
    assert result.page_type == "listing"
    teasers = [decision(result, LINKED.format(n=w)) for w in WORDS]
    assert all(b.kept for b in teasers)
    assert all(decision(result, f"Story number {n}").kept for n in range(len(CLASSES)))
    # What is not a title or a teaser still goes: a 'Read more' link, the footer.
    more = [b for b in result.blocks if b.text == "Read more"]
    assert more and not any(b.kept for b in more)
    assert not decision(result, "Contact us").kept


def test_linked_teaser_needs_teaser_min_words() -> None:
    eight = "{n} two three four five six seven eight."
    assert run(page(eight)).page_type == "listing"
    assert run(page("{n} two three four five six seven.")).page_type != "listing"
    assert run(page(eight), teaser_min_words=9).page_type != "listing"


def test_linked_teaser_ends_as_a_sentence() -> None:
    # A menu's or a tag cloud's entries are names, no sentences, however many words.
    names = "{n} Gardening Cooking Travel Books Music Film Theatre Local history"
    assert run(page(names)).page_type != "listing"
    assert run(page(names + ".")).page_type == "listing"
    assert run(page(LINKED.replace(".", "..."))).page_type == "listing"


def test_items_of_mixed_classes_group_by_tag() -> None:
    # Same page, same items: with one class each, or with no class on every other one.
    assert run(page(classes=("story",) * 5)).page_type == "listing"
    assert run(page(classes=("lead", "", "odd", "", "odd"))).page_type == "listing"
    # Grouped by tag, the items still need min_items of them.
    assert run(page(classes=("lead", "", "odd"))).page_type == "listing"
    assert run(page(classes=("lead", "", "odd")), min_items=4).page_type != "listing"


def test_menu_of_mixed_classes_is_no_listing() -> None:
    links = "".join(
        f'<div class="{c}"><a href="/{n}">Section {n}</a></div>'
        for n, c in enumerate(("first", "", "odd", "", "last"))
    )
    text = "Some words of text here. " * 3
    html = f"<html><body><div id='nav'>{links}</div><p>{text}</p></body></html>"
    result = run(html)
    assert result.page_type != "listing"
    assert not decision(result, "Section 0").kept


def test_item_teaser_min_words_pins_link_dense() -> None:
    # (An exclamation: eight linked words ending in a full stop are a sentence of the
    # text, which link_dense keeps anywhere, sentence_min_words.)
    eight = "{n} two three four five six seven eight!"
    kept = run(page(eight))
    assert decision(kept, eight.format(n="Alpha")).kept
    # The page is still a listing (its guess reads teaser_min_words), but link_dense now
    # wants nine words for a teaser of the items: the eight-word linked teaser goes.
    gone = run(page(eight), LinkDense.name, item_teaser_min_words=9)
    assert gone.page_type == "listing"
    block = decision(gone, eight.format(n="Alpha"))
    assert block.rule == "link_dense" and "100% of its text is link text" in block.reason


def test_related_box_of_linked_teasers_goes_from_an_article() -> None:
    prose = "The council met again on Tuesday to discuss the harbour budget at length. " * 8
    related = "".join(item(n) for n in range(3))
    html = (
        f"<html><body><div id='content'><h1>Harbour budget</h1><p>{prose}</p>"
        f"<p>{prose}</p><div class='more'>{related}</div></div></body></html>"
    )
    result = run(html)
    assert result.page_type == "article"
    assert decision(result, "The council met").kept
    assert not any(b.kept for b in result.blocks if "linked teaser" in b.text)
    assert not decision(result, "Story number 0").kept


def test_listing_container_is_its_items_when_the_anchor_lands_beside_them() -> None:
    # The only non-link line sits in the footer: the prose anchor lands there, yet the
    # listing's items are its content.
    html = page().replace("Terms</a>", "Terms</a> Published by the Weekly Almanac team")
    result = run(html)
    assert result.page_type == "listing"
    assert decision(result, LINKED.format(n="Alpha")).kept
    footer = decision(result, "Contact us")
    assert not footer.kept and footer.rule == "outside_main_container"


def test_listing_marked_up_as_a_list() -> None:
    items = "".join(
        f'<li><h3><a href="/s/{n}">Story number {n}</a></h3>'
        f'<p><a href="/s/{n}">{LINKED.format(n=w)}</a></p></li>'
        for n, w in enumerate(WORDS)
    )
    html = f"<html><body><div id='content'><h1>Reviews</h1><ul>{items}</ul></div></body></html>"
    result = run(html)
    assert result.page_type == "listing"
    assert all(decision(result, LINKED.format(n=w)).kept for w in WORDS)
