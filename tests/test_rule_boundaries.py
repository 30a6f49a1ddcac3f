"""Each threshold pinned from both sides, in jusText's style.

Rules are called directly on hand-built blocks and documents (no ``Cleaner.explain``
round trip): for every ``Param`` a rule declares and every ``Config`` threshold the
rules and features use, one case just inside the bound and one just outside, asserting
the decision. ``python benchmarks/mutants.py`` checks that changing any of them tenfold
fails a test here.
"""

from __future__ import annotations

import pytest
from helpers import make_doc, make_rule, prose, reason, removed, words

from cleaner.blocks import Block, Removal
from cleaner.rules.duplicates import ContainedDuplicate, ExactDuplicate
from cleaner.rules.media import MediaLabel, MediaTitle, PlayerTimeline
from cleaner.rules.navigation import (
    Breadcrumb,
    ChromePhrase,
    Counter,
    MenuRun,
    RelatedLink,
    ShareBar,
)

# -- block features (Config) -----------------------------------------------------------


def _language(*texts: str) -> str | None:
    return make_doc(*texts).language


def test_language_min_hits() -> None:
    # Five stop-word hits name the language, four do not.
    assert _language("the the the the the qzx qzy qzw") == "en"
    assert _language("the the the the qzv qzx qzy qzw") is None


def test_language_min_share() -> None:
    # Six hits are enough among 50 words (12 %), not among 51.
    assert _language("the " * 6 + words(44, "qzx")) == "en"
    assert _language("the " * 6 + words(45, "qzx")) is None


def test_language_min_block_words() -> None:
    # Blocks of eight words vote for the language; shorter ones only when no block has
    # eight. German stop words in seven-word lines lose to one English paragraph.
    english = "the the the the the of and qzx"
    german = [f"der die das und der die q{i}" for i in range(3)]
    assert _language(english, *german) == "en"
    german8 = [f"der die das und der die das q{i}" for i in range(3)]
    assert _language(english, *german8) == "de"


def test_title_opening_words() -> None:
    # Capitalisation is read from the first 40 words: 36 capitalised of them.
    text = " ".join(["Word"] * 36 + ["word"] * 44)
    assert make_doc(text).blocks[0].features.title_ratio == 36 / 40


def test_unspaced_chars_per_word() -> None:
    # Nine CJK characters without spaces: one word plus 9 // 2 word-equivalents.
    assert make_doc("日本語日本語日本語").blocks[0].features.n_tokens == 1 + 4


def test_joiner_max_chars() -> None:
    # Lower-case words of up to three letters are passed over, "andy" ends the prefix.
    assert make_doc("Big Cat and Dog Win").blocks[0].features.headline_prefix == 4
    assert make_doc("Big Cat andy Dog Win").blocks[0].features.headline_prefix == 2


@pytest.mark.parametrize(
    ("text", "prefix"),
    [
        # A wire dateline is no headline: the capitalised words after it count ('U.S.'
        # is two words).
        ("HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper said on Monday.", 6),
        ("NEW YORK (Reuters) - Oil prices fell on Tuesday.", 1),
        ("BUFFALO, N.Y. — Hours before the game it rained.", 1),
        # Without a dash it is no dateline: every capitalised word counts.
        ("HANOI Vietnam AP U.S. Defense Secretary Mark Esper said on Monday.", 9),
        # A Title-Case headline before a dash is no dateline either.
        ("Big Cat Dog Win — Big Cat Dog Win Again today.", 9),
    ],
)
def test_headline_prefix_after_a_dateline(text: str, prefix: int) -> None:
    assert make_doc(text).blocks[0].features.headline_prefix == prefix


# -- what prose is (Document.is_prose, Config) -----------------------------------------


def _is_prose(text: str, language: str | None = None, **features: object) -> bool:
    doc = make_doc(text)
    doc.language = language
    block = doc.blocks[0]
    for name, value in features.items():
        setattr(block.features, name, value)
    return doc.is_prose(block)


def test_prose_min_words() -> None:
    assert _is_prose(words(7) + " word.", headline_prefix=0)
    assert not _is_prose(words(6) + " word.")


def test_prose_long_words() -> None:
    # Without sentence punctuation a line needs 25 words.
    assert _is_prose(words(25))
    assert not _is_prose(words(24))


def test_prose_max_digit_ratio() -> None:
    assert _is_prose(words(25), digit_ratio=0.1)
    assert not _is_prose(words(25), digit_ratio=0.11)


def test_prose_min_stopword_ratio() -> None:
    assert _is_prose(words(25), "en", stopword_ratio=0.18)
    assert not _is_prose(words(25), "en", stopword_ratio=0.17)


def test_sentence_stopword_share() -> None:
    # A sentence needs half the stop-word share of a line without punctuation.
    assert _is_prose(words(10) + ".", "en", stopword_ratio=0.09)
    assert not _is_prose(words(10) + ".", "en", stopword_ratio=0.089)


def test_teaser_min_headline_words() -> None:
    assert _is_prose(words(10) + ".", headline_prefix=7)
    assert not _is_prose(words(10) + ".", headline_prefix=8)


# -- navigation ------------------------------------------------------------------------


def test_chrome_max_words() -> None:
    assert reason(make_rule(ShareBar), words(12, "Facebook"))
    assert not reason(make_rule(ShareBar), words(13, "Facebook"))
    assert reason(make_rule(ChromePhrase), "Load more")


def test_related_link_max_words() -> None:
    # A lead and a headline of twenty words in all go, of twenty-one stay.
    link = make_rule(RelatedLink)
    assert reason(link, f"Read also: {words(18, 'Budget')}")
    assert not reason(link, f"Read also: {words(19, 'Budget')}")
    assert reason(make_rule(RelatedLink, max_words=21), f"Read also: {words(19, 'Budget')}")


def test_related_link_is_a_lead_a_colon_and_one_headline() -> None:
    link = make_rule(RelatedLink)
    # The French space before the colon, an accented lead in Spanish, a Russian one.
    assert reason(link, "À lire aussi : Le gouvernement sous pression face à la sécheresse")
    assert reason(link, "Lee también: Lo que hay que saber sobre la reforma electoral")
    assert reason(link, "Читайте также: Засуха: мнения экспертов")
    assert reason(link, "Noticias relacionadas: El Parlamento aprueba la reforma electoral")
    assert reason(link, "Pour aller plus loin : la réforme électorale en cinq questions")
    assert reason(link, "Lesen Sie dazu: Was die Wahlreform für Pendler bedeutet")
    # No colon after the lead, another opening, or a second sentence after the headline.
    assert not reason(link, "Read also the report on the budget")
    assert not reason(link, "Reader also: Parliament Votes On The Budget")
    assert not reason(link, "See also: the report. It said the budget would fall")


def test_counter_max_words() -> None:
    counter = make_rule(Counter)
    assert reason(counter, "1.234.567 views")  # four words
    assert not reason(counter, "1.234.567.890 views")  # five


def test_counter_max_bare_chars() -> None:
    counter = make_rule(Counter)
    assert reason(counter, "123-456-7890")  # twelve characters
    assert not reason(counter, "123-456-78901")
    assert reason(make_rule(Counter, max_bare_chars=13), "123-456-78901")


def test_breadcrumb_max_words() -> None:
    crumb = make_rule(Breadcrumb)
    five = words(5, "Item")
    assert reason(crumb, f"{five} > {five} > {five}")
    assert not reason(crumb, f"{five} > {five} > {five} > Home")


def test_breadcrumb_min_items() -> None:
    crumb = make_rule(Breadcrumb)
    assert reason(crumb, "Home > News > World")
    assert not reason(crumb, "Home > News")


def test_breadcrumb_max_item_words() -> None:
    crumb = make_rule(Breadcrumb)
    assert reason(crumb, f"Home > News > {words(5, 'Item')}")
    assert not reason(crumb, f"Home > News > {words(6, 'Item')}")


def _menu(*lines: str, stopword_ratio: float | None = None) -> list[str | None]:
    doc = make_doc(prose(120), *lines, prose(120, "ipsum"))
    if stopword_ratio is not None:
        for block in doc.blocks[1:-1]:
            block.features.stopword_ratio = stopword_ratio
    make_rule(MenuRun).apply(doc)
    return [removed(doc, line) for line in lines]


def test_menu_min_lines() -> None:
    assert _menu("World", "Business", "Sport") == ["menu_run"] * 3
    assert _menu("World", "Business") == [None, None]


def _menu_in_run(*lines: str, run: bool = True, **params: object) -> list[str | None]:
    """``lines`` between two paragraphs, the main run spanning the page (``run``) or not."""
    doc = make_doc(prose(120), *lines, prose(120, "ipsum"))
    doc.main_run = (0, len(doc.blocks) - 1) if run else None
    make_rule(MenuRun, **params).apply(doc)
    return [removed(doc, line) for line in lines]


def test_menu_in_run_min_lines() -> None:
    # Inside the main run three menu-like lines are the article's short list, four a menu.
    three = ("World", "Business", "Sport")
    assert _menu_in_run(*three) == [None] * 3
    assert _menu_in_run(*three, "Science") == ["menu_run"] * 4
    # Outside the run (here: no run) Config.menu_min_lines alone counts.
    assert _menu_in_run(*three, run=False) == ["menu_run"] * 3
    # The Param moves the bound; it never goes below Config.menu_min_lines.
    assert _menu_in_run(*three, in_run_min_lines=3) == ["menu_run"] * 3
    assert _menu_in_run("World", "Business", in_run_min_lines=1) == [None, None]


def test_menu_in_run_reason() -> None:
    doc = make_doc(prose(120), "World", "Business", "Sport", "Science", prose(120, "ipsum"))
    doc.main_run = (0, 5)
    make_rule(MenuRun).apply(doc)
    assert doc.blocks[1].removal is not None
    assert doc.blocks[1].removal.reason == "one of 4 consecutive menu-like short lines"


def test_menu_max_words() -> None:
    five = [f"World News Today Big {w}" for w in ("One", "Two", "Three")]
    assert _menu(*five) == ["menu_run"] * 3
    six = [line + " Six" for line in five]
    assert _menu(*six) == [None] * 3


def test_menu_min_title_ratio() -> None:
    half = [f"World News sport {w}" for w in ("one", "two", "three")]  # 2 of 4
    assert _menu(*half) == ["menu_run"] * 3
    less = [line + " more" for line in half]  # 2 of 5
    assert _menu(*less) == [None] * 3


def test_menu_max_stopword_ratio() -> None:
    assert _menu("World", "Business", "Sport", stopword_ratio=0.25) == ["menu_run"] * 3
    assert _menu("World", "Business", "Sport", stopword_ratio=0.26) == [None] * 3


# -- media -----------------------------------------------------------------------------


def test_player_timeline_max_chars() -> None:
    timeline = make_rule(PlayerTimeline)
    line = " ".join(["0:00"] * 16)  # 79 characters
    assert reason(timeline, line + ".")
    assert not reason(timeline, line + "..")


def test_media_label_max_words() -> None:
    label = make_rule(MediaLabel)
    assert reason(label, "Image caption " + words(38))
    assert not reason(label, "Image caption " + words(39))


def _stub(gap: bool = False) -> Block:
    block = Block(0, "please wait", gap_before=gap)
    block.removal = Removal("media_stub", "media", "a stub")
    return block


def _title_removed(title: str, *before: Block, gap: bool = False, stub_gap: bool = False) -> bool:
    line = Block(0, title, gap_before=gap)
    doc = make_doc(*before, line, _stub(stub_gap))
    make_rule(MediaTitle).apply(doc)
    return removed(doc, title) == "media_title"


def test_media_title_max_words() -> None:
    # On a page of gaps, a line right on top of the stub (no gap) is its title.
    page = [Block(0, prose(80, w)) for w in ("lorem", "ipsum", "dolor")]
    assert _title_removed(words(25) + ".", *page)
    assert not _title_removed(words(26) + ".", *page)


def test_media_title_blocks_per_gap() -> None:
    # Two gaps among six blocks: one block in three has one, the page uses gaps.
    def body(n: int) -> list[Block]:
        return [Block(0, prose(80, f"qw{i}"), gap_before=i < 2) for i in range(n)]

    assert _title_removed("the video title.", *body(4))
    assert not _title_removed("the video title.", *body(5))


def test_media_title_min_title_ratio() -> None:
    # A line a gap apart from the stub is a title only when it reads as a headline.
    page = [Block(0, prose(80, w)) for w in ("lorem", "ipsum", "dolor")]
    headed = {"gap": True, "stub_gap": True}
    assert _title_removed("Big Red Fox here now", *page, **headed)  # 3 of 5 capitalised
    assert not _title_removed("Big Red Fox here now and then", *page, **headed)  # 3 of 7
    assert not _title_removed("Big Red Fox here now.", *page, **headed)  # a sentence


def test_media_title_min_words() -> None:
    # Apart from the stub, or in a dump without gaps, a title has three words; a shorter
    # line there is the article's sub-heading over an untitled player.
    page = [Block(0, prose(80, w)) for w in ("lorem", "ipsum", "dolor")]
    headed = {"gap": True, "stub_gap": True}
    assert _title_removed("Big Red Fox", *page, **headed)
    assert not _title_removed("Swift Criticism", *page, **headed)
    assert _title_removed("Big Red Fox")
    assert not _title_removed("Swift Criticism")
    # Hanging on the stub with no blank line, on a page of blank lines, any length.
    assert _title_removed("Swift Criticism", *page)


def test_media_title_without_gaps_takes_a_line_without_sentence_end() -> None:
    # In a dump without blank lines every line hangs under the one above: the line on
    # top of a stub is its title when it does not end a sentence, whatever its case
    # (headlines in most languages are in sentence case: 'Debatte um die Wohnungsnot').
    assert _title_removed("Big Red Fox here now and then")
    assert _title_removed("debatte um die wohnungsnot geht weiter")
    # A sentence on top of the stub is the article's last line before the player.
    assert not _title_removed("the video title.")
    assert not _title_removed("Big Red Fox here now and then.")


# -- duplicates ------------------------------------------------------------------------


def test_duplicate_min_chars() -> None:
    twenty, nineteen = "abcdefghij abcdefghi", "abcdefghi abcdefghi"
    doc = make_doc(twenty, prose(80), twenty, nineteen, prose(80, "amet"), nineteen)
    make_rule(ExactDuplicate).apply(doc)
    assert [b.removal is not None for b in doc.blocks] == [False, False, True, False] + [False] * 2


def test_duplicate_short_min_repeats() -> None:
    # A short line printed ten times goes after its first copy; nine times, it stays.
    def removed(copies: int) -> int:
        doc = make_doc(*["short line"] * copies, prose(80))
        make_rule(ExactDuplicate).apply(doc)
        return sum(b.removal is not None for b in doc.blocks)

    assert removed(10) == 9
    assert removed(9) == 0


def test_html_duplicate_max_distance() -> None:
    copy = "the caption printed twice"
    others = [prose(60, f"qw{i}") for i in range(3)]
    close = make_doc(copy, *others[:2], copy, kind="html")
    make_rule(ExactDuplicate, kind="html").apply(close)
    assert close.blocks[-1].removal is not None  # three blocks after the first copy
    far = make_doc(copy, *others, copy, kind="html")
    make_rule(ExactDuplicate, kind="html").apply(far)
    assert far.blocks[-1].removal is None


def test_html_duplicate_max_words() -> None:
    # A copy of 14 words printed right after its first copy goes; one of 15 words is a
    # paragraph the page prints again and stays (on text any length goes).
    def second_copy(n: int, kind: str) -> str | None:
        copy = words(n, "rep")
        doc = make_doc(copy, copy, kind=kind)
        make_rule(ExactDuplicate, kind=kind).apply(doc)
        return doc.blocks[1].removal.rule if doc.blocks[1].removal else None

    assert second_copy(14, "html") == "exact_duplicate"
    assert second_copy(15, "html") is None
    assert second_copy(15, "text") == "exact_duplicate"


def test_contained_min_words() -> None:
    def run(n: int) -> str | None:
        short = words(n, "quote") + " end"
        doc = make_doc(short, prose(80), f"he said {short} and left.")
        make_rule(ContainedDuplicate).apply(doc)
        return removed(doc, short)

    assert run(7) == "contained_duplicate"  # eight words
    assert run(6) is None


def test_max_anchor_occurrences() -> None:
    # The short block's rarest word occurs 2 + (fillers) times on the page.
    short = "alpha beta gamma delta epsilon zeta eta theta"
    reverse = " ".join(reversed(short.split()))

    def run(occurrences: int) -> str | None:
        fillers = [f"{reverse} uniq{i}" for i in range(occurrences - 2)]
        doc = make_doc(short, f"{short} and more besides", *fillers)
        make_rule(ContainedDuplicate).apply(doc)
        return removed(doc, short)

    assert run(64) == "contained_duplicate"
    assert run(65) is None
