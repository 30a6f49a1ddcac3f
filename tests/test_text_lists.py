"""List-shaped articles on the text path (issue 15, item 4): the shapes of list lines
(``rules/lists.py``) and the parameters of the main run that keep them, each pinned from
both sides on hand-built blocks; and the menu rule leaving the run's lists alone."""

from __future__ import annotations

import pytest
from helpers import make_doc, make_rule

from cleaner.blocks import Removal
from cleaner.rules.lists import (
    LIST_LINES,
    filled,
    line_shape,
    numbered_lines,
    record_lines,
    shaped_lines,
)
from cleaner.rules.navigation import MenuRun
from cleaner.rules.quality import MainContentRun


def _sentence(n_words: int, word: str = "lorem") -> str:
    return " ".join([word] * n_words) + "."


# -- the shape of one line ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shape"),
    [
        ("Alpha\t10\t7\t21", "table"),
        ("Montag\t18:00\tProbe im Saal", "table"),
        ("THU 1/18/2007 New York NY - Tonic", "date"),
        ("2024-05-03 Choir rehearsal", "date"),
        ("03.05.2024 Probe im Saal", "date"),
        ("• two eggs, beaten", "bullet"),
        ("- lightweight aluminium frame", "bullet"),
        ("▪ garantie de deux ans", "bullet"),
        ("200 g Mehl", "quantity"),
        ("2 cups of milk", "quantity"),
        ("½ lemon, juiced", "quantity"),
        ("1-2 cloves of garlic", "quantity"),
        ("Weight: 1.2 kg", "field"),
        ("Temps de cuisson : 20 min", "field"),  # French spacing: a space before the colon
        ("Prep time: 20 minutes", "field"),
        ("Fee: $95", "field"),
    ],
)
def test_list_shapes(text: str, shape: str | None) -> None:
    assert line_shape(text, 3) == shape


@pytest.mark.parametrize(
    "text",
    [
        "Home",
        "-5 °C at night",  # a dash without a space: a number, no item
        "*Update: the store reopened",  # a star glued to its word: a footnote mark
        "Address: ________________",  # a form's blank
        "http://example.org/page",
        "The minister of finance said: we will not give in.",  # a sentence, a long label
        "2024",
        "Posted on Thursday 1/18/2007",  # a date after more than a short word
        "Tab\t",  # one cell
    ],
)
def test_lines_of_no_list_shape(text: str) -> None:
    assert line_shape(text, 3) is None


def test_field_max_words() -> None:
    assert line_shape("Country of origin: Italy", 3) == "field"
    assert line_shape("Country of origin: Italy", 2) is None


# -- stretches of shaped lines --------------------------------------------------------------


def _fields(n: int) -> list[str]:
    return [f"Label{i}: value {i}" for i in range(n)]


def test_shaped_lines_min_items() -> None:
    assert shaped_lines(_fields(4), 4, 1, 3, 0.5) == {0, 1, 2, 3}
    assert shaped_lines(_fields(3), 4, 1, 3, 0.5) == set()


def test_shaped_lines_max_gap() -> None:
    def found(gap: int) -> int:
        lines: list[str] = []
        for field in _fields(4):
            lines += [field, *["Some heading"] * gap]
        return len(shaped_lines(lines, 4, 1, 3, 0.5))

    assert found(1) == 4
    assert found(2) == 0


def test_shapes_do_not_mix() -> None:
    # Two fields and two bullets are two short stretches, no list.
    lines = ["Weight: 2 kg", "Colour: red", "• wooden handle", "• steel blade"]
    assert shaped_lines(lines, 4, 1, 3, 0.5) == set()


def test_min_distinct_share() -> None:
    # Items that all open alike are a widget printed under each heading.
    same = ["- Select a link - one", "- Select a link - two"] * 2
    assert shaped_lines(same, 4, 1, 3, 0.5) == set()
    half = ["- Select a link - one", "- Other entry here"] * 2  # two openings of four
    assert shaped_lines(half, 4, 1, 3, 0.5) == {0, 1, 2, 3}
    assert shaped_lines(half, 4, 1, 3, 0.51) == set()


def test_numbered_lines_count_up() -> None:
    assert numbered_lines(["1. Eggs", "2. Milk", "3. Flour", "4. Salt"], 4, 3) == {0, 1, 2, 3}
    assert numbered_lines(["1. Eggs", "1. Milk", "1. Flour", "1. Salt"], 4, 3) == set()


# -- the main run keeps the lists next to its prose ------------------------------------------

INGREDIENTS = ["200 g flour", "2 eggs, beaten", "250 ml milk", "1 pinch of salt"]


def _kept(doc) -> list[str]:
    return [b.text for b in doc.blocks if b.removal is None]


def test_list_after_the_run_is_kept() -> None:
    doc = make_doc(_sentence(40), *INGREDIENTS, "Home")
    make_rule(MainContentRun).apply(doc)
    assert _kept(doc) == [_sentence(40), *INGREDIENTS]
    assert doc.notes[LIST_LINES] == frozenset({1, 2, 3, 4})


def test_three_lines_of_a_shape_are_no_list() -> None:
    doc = make_doc(_sentence(40), *INGREDIENTS[:3], "Home")
    make_rule(MainContentRun).apply(doc)
    assert _kept(doc) == [_sentence(40)]


def test_list_between_two_stretches_of_prose_joins_them() -> None:
    # Twelve menu-like lines would cost the run more than the second paragraph brings;
    # as a list (table rows) they cost nothing.
    rows = [f"Team {c}\t{n}\t{n + 2}" for n, c in enumerate("ABCDEFGHIJKL")]
    doc = make_doc(_sentence(40), *rows, _sentence(20, "ipsum"))
    make_rule(MainContentRun).apply(doc)
    assert len(_kept(doc)) == 14


def test_list_bridge_lines() -> None:
    # One heading between the run and the list ('Ingredients') is bridged, two are not.
    def kept(headings: int) -> int:
        lines = [_sentence(40), *[f"Heading {i}" for i in range(headings)], *INGREDIENTS]
        doc = make_doc(*lines)
        make_rule(MainContentRun).apply(doc)
        return sum(b.removal is None for b in doc.blocks[1 + headings :])

    assert kept(1) == 4
    assert kept(2) == 0
    doc = make_doc(_sentence(40), "Heading one", "Heading two", *INGREDIENTS)
    make_rule(MainContentRun, list_bridge_lines=2).apply(doc)
    assert len(_kept(doc)) == 7


def test_list_before_the_run_is_kept() -> None:
    # Over the heading between them; the list's own heading before it is no bridge.
    doc = make_doc("Home", "Ingredients", *INGREDIENTS, "Method", _sentence(40))
    make_rule(MainContentRun).apply(doc)
    assert _kept(doc) == [*INGREDIENTS, "Method", _sentence(40)]


# -- the menu rule and the run's lists --------------------------------------------------------

SPECS = ["Weight: 1.2 Kg", "Colour: Matt Black", "Battery: 12 Hours", "Screen: 13 Inch"]


def test_menu_rule_leaves_the_runs_list_alone() -> None:
    doc = make_doc(_sentence(40), *SPECS)
    make_rule(MainContentRun).apply(doc)
    make_rule(MenuRun).apply(doc)
    assert _kept(doc) == [_sentence(40), *SPECS]


def test_menu_rule_still_removes_a_menu_in_the_run() -> None:
    menu = ["Home Page", "World News", "Sport Pages", "Culture Desk"]
    doc = make_doc(_sentence(40), *menu, _sentence(40, "ipsum"))
    make_rule(MainContentRun).apply(doc)
    make_rule(MenuRun).apply(doc)
    assert _kept(doc) == [_sentence(40), _sentence(40, "ipsum")]


def test_menu_rule_removes_fields_the_run_did_not_take() -> None:
    # Without the run's note the spec lines read as a menu.
    doc = make_doc(_sentence(40), *SPECS)
    make_rule(MenuRun).apply(doc)
    assert _kept(doc) == [_sentence(40)]


# -- the run's parameters, through the rule ---------------------------------------------------


def _kept_after_run(lines: list[str], **params: object) -> int:
    doc = make_doc(_sentence(40), *lines)
    make_rule(MainContentRun, **params).apply(doc)
    return sum(b.removal is None for b in doc.blocks[1:])


def test_run_field_max_words() -> None:
    firsts = ("Country", "Region", "Town", "Port")
    three = [f"{w} of origin: Italy" for w in firsts]
    four = [f"{w} of the origin: Italy" for w in firsts]
    assert _kept_after_run(three) == 4
    assert _kept_after_run(four) == 0
    assert _kept_after_run(four, field_max_words=4) == 4


def test_run_shape_max_gap() -> None:
    def lines(gap: int) -> list[str]:
        out: list[str] = []
        for i, field in enumerate(SPECS):
            out += [field, *[f"Part {i}{n}" for n in range(gap)]] if i < 3 else [field]
        return out

    assert _kept_after_run(lines(1)) == 7
    assert _kept_after_run(lines(2)) == 0


def test_run_list_min_distinct_share() -> None:
    half = ["- Select a link - one", "- Other entry here"] * 2
    same = ["- Select a link - one", "- Select a link - two"] * 2
    assert _kept_after_run(half) == 4
    assert _kept_after_run(same) == 0


def test_list_after_a_page_box_heading_is_the_boxs() -> None:
    # A contact block's fields after the article, under a removed 'Contact' heading, stay
    # out; under a heading no box rule removed ('Specifications') they are taken in.
    fields = ["Phone: 0123 456", "Fax: 0123 457", "Email: office at example", "Hours: 9 to 5"]

    def kept(rule: str, family: str) -> int:
        doc = make_doc(_sentence(40), "Contact", *fields)
        doc.blocks[1].removal = Removal(rule, family, "hand-marked")
        make_rule(MainContentRun).apply(doc)
        return sum(b.removal is None for b in doc.blocks[2:])

    assert kept("chrome_phrase", "navigation") == 0
    assert kept("trailer_zone", "trailers") == 0
    assert kept("exact_duplicate", "duplicates") == 4


#: Thirteen Title-Case words: no prose, no heading (a line of page chrome, cost 60).
CHROME = "Partners Sponsors Friends Shop Tickets Tours Press Jobs Legal Help Imprint Cookies Map"


def test_list_item_score() -> None:
    # The run (40 words: 180) and a numbered list behind a line of chrome (60): ten items
    # scoring 6 each only make up for the chrome line, eleven draw the run over it.
    def kept(n_items: int, **params: object) -> int:
        chrome = CHROME
        items = [f"{i} Artist {i} - Song title {i}" for i in range(1, n_items + 1)]
        doc = make_doc(_sentence(40), chrome, *items)
        make_rule(MainContentRun, **params).apply(doc)
        return sum(b.removal is None for b in doc.blocks[2:])

    assert kept(11) == 11
    assert kept(10) == 0
    assert kept(11, list_item_score=0.6) == 0


def test_shaped_lines_score_nothing() -> None:
    # Eleven bullets (a menu's shape) behind the same chrome line stay out.
    chrome = CHROME
    bullets = [f"• Section {c}" for c in "ABCDEFGHIJK"]
    doc = make_doc(_sentence(40), chrome, *bullets)
    make_rule(MainContentRun).apply(doc)
    assert _kept(doc) == [_sentence(40)]


# -- repeated records ------------------------------------------------------------------------


def _records(n: int, period: int) -> list[str]:
    """``n`` directory entries of ``period`` lines, each opening with its 'Location:'."""
    out: list[str] = []
    for i in range(n):
        entry = [f"Location: Town {i}", f"Builder number {i}", f"www.builder{i}.example"]
        entry += [f"Works on roofs and walls since {1990 + i}"] * (period - len(entry))
        out += entry[:period]
    return out


def test_record_lines() -> None:
    lines = _records(4, 5)
    assert record_lines(lines, 4, 8, 3) == set(range(16))  # first to last record's label
    assert record_lines(lines[:15], 4, 8, 3) == set()  # three records


def test_record_max_period() -> None:
    def kept(period: int) -> int:
        doc = make_doc(_sentence(40), *_records(4, period))
        make_rule(MainContentRun).apply(doc)
        return sum(b.removal is None for b in doc.blocks[1:])

    # Records eight lines apart cost nothing up to the last one's label; nine apart do not.
    assert kept(8) >= 25
    assert kept(9) == 0


def test_run_list_max_gap() -> None:
    # Numbered items with three lines of text under each are a listicle; with four lines
    # under each they are no list.
    def lines(gap: int) -> list[str]:
        out: list[str] = []
        for i in range(1, 5):
            out += [f"{i}. Item number {i}", *[f"Some Text {i}{n}" for n in range(gap)]]
        return out

    assert _kept_after_run(lines(3)) == 16
    assert _kept_after_run(lines(4)) == 0


def test_filled_takes_the_last_items_text_too() -> None:
    # Items at 0, 3, 7: two and three lines under them; the last one gets two as well.
    assert filled({0, 3, 7}, 3, 20) == set(range(10))
    assert filled({0, 3, 7}, 3, 9) == set(range(9))  # not past the page's end
    # A lone position makes no stretch: nothing under it.
    assert filled({5}, 3, 20) == {5}
    # Two stretches: each gets its own tail.
    assert filled({0, 1, 2, 10, 12}, 3, 20) == {0, 1, 2, 10, 11, 12, 13}


#: Feature bullets as innerText prints them: sentence case, function words, no bullet.
BULLETS = [
    "Two pockets on the belt for a phone",
    "Front access with a zip to the main compartment",
    "Rain cover stored in the base of the pack",
    "Back panel made of a tensioned mesh",
    "Loops for the poles on each of the sides",
    "Room for a water bladder in the back",
    "Whistle on the buckle of the chest strap",
]
#: A product's description: prose.
DESCRIPTION = (
    "This pack is made for trips of two or three days in the hills, when you have to carry "
    "a sleeping bag, spare clothes and food, and it keeps its shape when it is only half "
    "full because the frame of the back is stiff enough to hold the load close to you."
)


def _product(*lines: str, **params: object) -> list[str]:
    doc = make_doc(*lines)
    make_rule(MainContentRun, **params).apply(doc)
    return _kept(doc)


def test_list_bridge_items() -> None:
    # The run reaches the specification list over the feature bullets and its heading.
    def kept(bullets: int, **params: object) -> list[str]:
        return _product(DESCRIPTION, *BULLETS[:bullets], "Specifications", *SPECS, **params)

    assert kept(6) == [DESCRIPTION, *BULLETS[:6], "Specifications", *SPECS]
    assert kept(7) == [DESCRIPTION]
    assert kept(7, list_bridge_items=7)[-1] == SPECS[-1]
    assert kept(2, list_bridge_items=1) == [DESCRIPTION]
    # Title-Case menu entries are no items.
    menu = ["Home And Garden For You", "Sport And Leisure For All", "Toys For The Kids"]
    assert _product(DESCRIPTION, *menu, "Specifications", *SPECS) == [DESCRIPTION]


def test_list_bridge_items_forward_only() -> None:
    # Before the run, item-like lines are a home page's teaser headlines: not crossed.
    assert _product(*SPECS, *BULLETS[:2], DESCRIPTION) == [DESCRIPTION]
