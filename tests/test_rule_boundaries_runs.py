"""Each threshold of the trailer, box and main-run rules pinned from both sides.

The line and feature thresholds are in ``test_rule_boundaries.py``; the same style here:
rules called directly on hand-built blocks, one case just inside each bound and one just
outside, asserting the decision (``python benchmarks/mutants.py`` checks them).
"""

from __future__ import annotations

import pytest
from helpers import make_doc, make_rule, prose, reason, words

from cleaner import Config
from cleaner.blocks import Block, Removal
from cleaner.rules.lists import numbered_lines
from cleaner.rules.quality import CONFIDENCE, BoxInRun, MainContentRun
from cleaner.rules.trailers import Notice, TrailerZone

# -- trailers --------------------------------------------------------------------------


def test_notice_max_words() -> None:
    notice = make_rule(Notice)
    cookies = "We use cookies to improve your experience on our site."  # ten words
    assert reason(notice, cookies + " " + words(50))
    assert not reason(notice, cookies + " " + words(51))


def _cut(*texts: str, config: Config | None = None, **params: object) -> list[bool]:
    doc = make_doc(*texts, config=config)
    make_rule(TrailerZone, doc.config, **params).apply(doc)
    return [b.removal is not None for b in doc.blocks]


def test_trailer_min_prose_share() -> None:
    # "Related articles" ends the article once half the prose lies above it.
    assert _cut(prose(200), "Related articles", prose(200, "ipsum")) == [False, True, True]
    assert _cut(prose(199), "Related articles", prose(200, "ipsum")) == [False] * 3


#: A comment under its heading: the commenter's line and a short post.
_COMMENT = ("Jane Doe wrote on 3 March 2021 at 10:15", prose(100, "ipsum"))


def test_strong_trailer_min_prose_blocks_and_chars() -> None:
    after = _COMMENT
    # Two prose blocks of 300 characters above "Comments": the comment section starts.
    assert _cut(prose(150), prose(150, "amet"), "Comments", *after)[2]
    assert not _cut(prose(150), prose(149, "amet"), "Comments", *after)[2]
    assert not _cut(prose(300), "Comments", *after)[1]


def _extra(section: str, phrase: str) -> Config:
    return Config(extra_phrases={section: (phrase,)})


def test_trailer_max_heading_words() -> None:
    config = _extra("trailer_heading", r"re:see also(\s+\w+)*")
    heading = "see also " + words(8)  # ten words
    assert _cut(prose(200), heading, prose(100, "amet"), config=config)[1]
    assert not _cut(prose(200), heading + " more", prose(100, "amet"), config=config)[1]


def test_trailer_max_comments_heading_words() -> None:
    config = _extra("comments_heading", r"re:responses to(\s+\w+)*")
    heading = "responses to " + words(23)  # 25 words
    after = _COMMENT
    assert _cut(prose(150), prose(150, "amet"), heading, *after, config=config)[2]
    assert not _cut(prose(150), prose(150, "amet"), heading + " more", *after, config=config)[2]


def test_trailer_max_author_name_words() -> None:
    assert _cut(prose(200), "About Jane Mary Doe", prose(100, "amet"))[1]
    assert not _cut(prose(200), "About Jane Mary Ann Doe", prose(100, "amet"))[1]


def test_trailer_inline_box_max_lines() -> None:
    # On text, a heading, up to six lines of links, then three paragraphs: a box
    # inside the article, which goes on.
    above = [prose(900, w) for w in ("lorem", "ipsum", "dolor")]
    resumed = [prose(60, w) for w in ("amet", "elit", "magna")]

    def cut_at_heading(n_links: int) -> bool:
        links = [f"Link {i}" for i in range(n_links)]
        return _cut(*above, "Related articles", *links, *resumed)[-1]

    assert not cut_at_heading(6)
    assert cut_at_heading(7)


def test_trailer_inline_box_resume_paragraphs() -> None:
    above = [prose(900, w) for w in ("lorem", "ipsum", "dolor")]

    def cut_at_heading(n_paragraphs: int) -> bool:
        resumed = [prose(60, f"qw{i}") for i in range(n_paragraphs)]
        teaser = ["Other title", prose(60, "zz")]
        return _cut(*above, "Related articles", "Link", *resumed, *teaser)[len(above) + 2]

    assert not cut_at_heading(3)
    assert cut_at_heading(2)


def test_trailer_inline_box_last_paragraphs() -> None:
    # Two paragraphs that close the page after the box: the article's end, not a
    # teaser list; one is not enough.
    above = [prose(900, w) for w in ("lorem", "ipsum", "dolor")]

    def cut_at_heading(n_paragraphs: int) -> bool:
        closing = [prose(60, f"qw{i}") for i in range(n_paragraphs)]
        return _cut(*above, "Related articles", "Link", *closing, "Privacy")[len(above) + 2]

    assert not cut_at_heading(2)
    assert cut_at_heading(1)


def test_trailer_box_inside_the_article_goes() -> None:
    # The heading and the box's lines go; the article on both sides stays.
    above = [prose(900, w) for w in ("lorem", "ipsum", "dolor")]
    resumed = [prose(60, w) for w in ("amet", "elit", "magna")]
    cut = _cut(*above, "Related articles", "Link one", "Link two", *resumed)
    assert cut == [False] * 3 + [True] * 3 + [False] * 3


def _sentence(n_words: int, word: str) -> str:
    return words(n_words, word) + "."


def _resumed_after(n_short: int, run_words: int) -> bool:
    """Whether 'More from UK' and its headline go as a box inside the article, when a
    paragraph, ``n_short`` short lines, then three paragraphs of ``run_words`` words
    follow; a teaser (a title and a summary) ends the page. The page's median paragraph
    has 40 words."""
    above = [_sentence(40, w) for w in ("lorem", "ipsum", "dolor")]
    short = [f"Short line {i}" for i in range(n_short)]
    run = [_sentence(run_words, w) for w in ("elit", "magna", "aliqua")]
    tail = ["Other title", _sentence(10, "zz")]
    headline = "Prince Andrew abandons ties with the duke"
    # (A long first paragraph keeps most of the prose below the heading: no cut there.)
    texts = [*above, "More from UK", headline, _sentence(120, "sed"), *short, *run, *tail]
    return _cut(*texts)[len(above)]


def test_trailer_inline_box_resume_within() -> None:
    # The run of paragraphs may start up to three blocks after the box's first
    # paragraph (two short lines of the article's own between), not four.
    assert _resumed_after(2, 40)
    assert not _resumed_after(3, 40)


def test_trailer_inline_box_resumed_share() -> None:
    # Past the first paragraph, the run's paragraphs have at least half the page's
    # median paragraph (40 words): 20 words do, 19 do not.
    assert _resumed_after(1, 20)
    assert not _resumed_after(1, 19)


def _discussion_cut(*below: str, **params: object) -> bool:
    """Whether 'Comments' under 300 characters of article prose cuts what follows."""
    return _cut(prose(150), prose(150, "amet"), "Comments", *below, **params)[-1]


def test_trailer_discussion_min_prose_share() -> None:
    # A discussion 80% prose by characters is the page's content: a 50-character
    # line (a name, a date) over a 200-character post; 51 characters make it a
    # comment section again.
    assert not _discussion_cut("a" * 50, prose(200, "ipsum"))
    assert _discussion_cut("a" * 51, prose(200, "ipsum"))
    # Only what lies up to the last paragraph counts (the page's footer does not).
    footer = _cut(prose(150), prose(150, "amet"), "Comments", "a" * 50, prose(200), "a" * 400)
    assert footer == [False] * 6
    assert _discussion_cut("a" * 50, prose(200, "ipsum"), discussion_min_prose_share=0.81)


def test_trailer_discussion_then_its_reply_form() -> None:
    # Headings are asked in page order: past the discussion, 'Leave a reply' opens
    # the reply form, under which no paragraph follows.
    cut = _cut(prose(150), prose(150, "amet"), "Comments", prose(200), "Leave a reply", "Name")
    assert cut == [False, False, False, False, True, True]


def test_trailer_discussion_min_article_share() -> None:
    # The posts hold at least half the 300 characters of prose above the heading.
    assert not _discussion_cut(prose(150, "ipsum"))
    assert _discussion_cut(prose(149, "ipsum"))
    assert not _discussion_cut(prose(149, "ipsum"), discussion_min_article_share=0.49)


def _remarks_cut(n: int, **params: object) -> list[bool]:
    """'Comments' under 300 characters of article prose, then ``n`` paragraphs in a
    row, a commenter's line and one more paragraph (the discussion exception off)."""
    remarks = [prose(100, f"r{i}") for i in range(n)]
    texts = (prose(150), prose(150, "amet"), "Comments", *remarks, "Jane Doe", prose(90))
    return _cut(*texts, discussion_min_prose_share=1.1, **params)


def test_trailer_comment_section_min_paragraphs() -> None:
    # Four paragraphs right under the heading: a part of the article, not the readers'.
    assert _remarks_cut(4) == [False] * 9
    assert _remarks_cut(3) == [False, False] + [True] * 6
    assert _remarks_cut(4, comment_section_min_paragraphs=5) == [False, False] + [True] * 7
    # The heading's own reason is the comment section's.
    doc = make_doc(prose(150), prose(150, "amet"), "Comments", prose(100), "Jane Doe")
    make_rule(TrailerZone, doc.config).apply(doc)
    assert doc.blocks[2].removal.reason == "comment-section heading 'Comments'"
    assert doc.blocks[3].removal.reason == "after the comment-section heading 'Comments' (block 2)"


def _labelled_posts(n_posts: int, **params: object) -> list[bool]:
    """A blog's front page: posts of two paragraphs, each under a comment count, the
    last one's followed by its comment form. Which blocks the rule cuts. (The posts
    below a count are no discussion in full paragraphs: that exception is off.)"""
    posts = []
    for i in range(n_posts):
        posts += [prose(150, f"qa{i}"), prose(150, f"qb{i}"), f"Comments ({i})"]
    return _cut(*posts, "Leave a reply", "Name", discussion_min_prose_share=1.1, **params)


def test_trailer_label_min_lines() -> None:
    # 'Comments (N)' three times, with posts between: a label under each post, not the
    # comment section; the last post's cuts only its own form (the label's last line,
    # which no later line repeats, still ends the page).
    assert _labelled_posts(3) == [False] * 8 + [True] * 3
    # Twice: a comment count by the byline, then the section's heading; the first cuts.
    assert _labelled_posts(2) == [False] * 2 + [True] * 6
    assert _labelled_posts(3, label_min_lines=4) == [False] * 2 + [True] * 9


def test_trailer_label_recurs_after_prose() -> None:
    # The same line again with no prose between (a count printed twice in a row) is
    # one label: the cut stays at the first.
    texts = [prose(150), prose(150, "amet"), "Comments (2)", "Comments (3)", "Comments"]
    assert _cut(*texts, "Jane Doe", "Reply") == [False, False] + [True] * 5


def _box(*texts: str | tuple[str, str], **params: object) -> list[bool]:
    """BoxInRun over blocks all in the main run; (text, rule) pairs are removed lines."""
    blocks = [Block(0, t) if isinstance(t, str) else Block(0, t[0]) for t in texts]
    doc = make_doc(*blocks)
    for block, t in zip(doc.blocks, texts, strict=True):
        if not isinstance(t, str):
            block.removal = Removal(t[1], "x", "test")
    doc.main_run = (0, len(blocks) - 1)
    make_rule(BoxInRun, doc.config, **params).apply(doc)
    return [b.removal is not None and b.removal.rule == BoxInRun.name for b in doc.blocks]


def test_box_in_run_max_lines() -> None:
    # A player's label, then lines kept between it and its last removed line.
    def box(n_kept: int) -> bool:
        kept = [f"Button {i}" for i in range(n_kept)]
        return any(
            _box(
                prose(200),
                ("Video", "media_stub"),
                *kept,
                ("0:00", "player_timeline"),
                prose(200, "amet"),
            )
        )

    assert box(5)  # six lines after the opening one
    assert not box(6)


def test_box_in_run_max_words() -> None:
    def box(n_words: int) -> bool:
        return any(
            _box(
                prose(200),
                ("Video", "media_stub"),
                words(n_words),
                ("0:00", "player_timeline"),
                prose(200, "amet"),
            )
        )

    assert box(12)
    assert not box(13)


def _past_caption(opener: str, line: str, **params: object) -> bool:
    """Whether ``line``, between an image's caption line and a 'See also' line, goes."""
    see_also = ("See also: Another story", "chrome_phrase")
    return _box(prose(200), (opener, "media_label"), line, see_also, prose(200, "amet"), **params)[
        2
    ]


def test_box_in_run_caption_min_words() -> None:
    # A caption line with its credit ends the image's box: the sub-heading after it stays.
    assert not _past_caption("Photo: Jane Doe", "A Divided Country")
    assert _past_caption("Photo: Jane Doe", "A Divided Country", caption_min_words=3)
    # The label alone ('Image caption') may head more lines: they go.
    assert _past_caption("Image caption", "A Divided Country")


def test_box_in_run_subheading_max_digit_ratio() -> None:
    # A gallery's counter after the caption is the box's: a digit is enough.
    assert _past_caption("Photo: Jane Doe", "Image 1 of / 5")
    assert not _past_caption("Photo: Jane Doe", "Image 1 of / 5", subheading_max_digit_ratio=0.5)


def test_box_in_run_min_headed_lines() -> None:
    # After a chrome heading, two short lines before the paragraph are the box's links;
    # one may be the article's subheading.
    heading = ("Mehr zum Thema", "chrome_phrase")
    assert _box(prose(200), heading, "Link one", "Link two", prose(200, "amet"))[2:4] == [
        True,
        True,
    ]
    assert not any(_box(prose(200), heading, "A subheading", prose(200, "amet")))


# -- quality (main content run) --------------------------------------------------------


def _score(text: str, **features: object) -> float:
    doc = make_doc(text)
    block = doc.blocks[0]
    for name, value in features.items():
        setattr(block.features, name, value)
    rule = make_rule(MainContentRun)
    return rule._score(block, doc)


def test_run_prose_score() -> None:
    # A prose block earns six per word less sixty.
    assert _score(words(29) + " end.") == 30 * 6 - 60


def test_run_gap_penalties() -> None:
    assert _score("Title Case Words Here Too.", title_ratio=1.0) == -60  # no heading: a "."
    assert _score("A Short Heading") == -60 * 0.3
    assert _score("a list item of words", stopword_ratio=0.5) == -60 * 0.1


def test_list_item_min_words() -> None:
    assert _score("the cat sat here", stopword_ratio=0.5) == pytest.approx(-6)
    assert _score("the cat sat", stopword_ratio=0.5) == pytest.approx(-18)  # heading-like


def test_list_item_max_title_ratio() -> None:
    assert _score("the cat sat here", stopword_ratio=0.5, title_ratio=0.49) == pytest.approx(-6)
    assert _score("the cat sat here", stopword_ratio=0.5, title_ratio=0.5) == pytest.approx(-18)


def test_heading_max_words() -> None:
    assert _score(words(12, "Word")) == pytest.approx(-18)
    assert _score(words(13, "Word")) == pytest.approx(-60)


def test_heading_min_letter_ratio() -> None:
    assert _score("A Heading", letter_ratio=0.51) == pytest.approx(-18)
    assert _score("A Heading", letter_ratio=0.5) == pytest.approx(-60)


def test_run_edge_min_words() -> None:
    rule = make_rule(MainContentRun)
    doc = make_doc("one two three four five.", "one two three four.")
    assert rule._sentence(doc.blocks[0], doc)
    assert not rule._sentence(doc.blocks[1], doc)


def test_main_run_keeps_prose_and_drops_the_edges() -> None:
    doc = make_doc("Home", "World", prose(300), prose(300, "ipsum"), "Contact us")
    make_rule(MainContentRun).apply(doc)
    assert [b.removal is not None for b in doc.blocks] == [True, True, False, False, True]


# -- numbered lists and the confidence of the main run -----------------------------------


def _sentence(n_words: int, word: str = "lorem") -> str:
    return " ".join([word] * n_words) + "."


def test_list_min_items() -> None:
    # Four rows numbered 1-4 after the prose are the article's table; three are not.
    def kept_rows(n: int) -> int:
        rows = [f"{i} Kyle Busch 5040 5 1 17" for i in range(1, n + 1)]
        doc = make_doc(_sentence(40), *rows, "Menu")
        make_rule(MainContentRun).apply(doc)
        return sum(b.removal is None for b in doc.blocks[1 : 1 + n])

    assert kept_rows(4) == 4
    assert kept_rows(3) == 0


def test_list_max_gap() -> None:
    def numbered(gap: int) -> int:
        lines = []
        for i in range(1, 5):
            lines += [f"{i}. Item", *["item text"] * gap]
        return len(numbered_lines([b.text for b in make_doc(*lines).blocks], 4, 3))

    assert numbered(3) == 4
    assert numbered(4) == 0


def _confidence(*texts: str) -> tuple[float, tuple[str, ...]]:
    doc = make_doc(*texts)
    make_rule(MainContentRun).apply(doc)
    return doc.notes[CONFIDENCE]


def test_weak_rival_share() -> None:
    # The kept run scores 40 * 6 - 60 = 180; a rival of 25 words scores 90 (half of it).
    value, reasons = _confidence(_sentence(40), "Home.", "News.", _sentence(25, "ipsum"))
    assert value == 0.5 and len(reasons) == 1 and "another run" in reasons[0]
    value, reasons = _confidence(_sentence(40), "Home.", "News.", _sentence(24, "ipsum"))
    assert reasons == ()


def test_weak_prose_share() -> None:
    # Short sentences apart from the run (each scoring below zero) hold prose too.
    def reasons(n_outside: int) -> tuple[str, ...]:
        outside = [x for i in range(n_outside) for x in ("Home.", _sentence(8, f"word{i}"))]
        return _confidence(_sentence(40), *outside, "Home.")[1]

    assert reasons(5) == ()  # 240 of 480 prose characters: half
    assert reasons(6) and "of the page's prose" in reasons(6)[0]


def test_weak_list_items() -> None:
    # Eight numbered lines apart from the kept run: the page may be the list.
    def reasons(n_rows: int) -> tuple[str, ...]:
        rows = [f"{i} Kyle Busch 5040" for i in range(1, n_rows + 1)]
        return _confidence(_sentence(40), "Home.", "News.", *rows)[1]

    assert reasons(8) and "numbered list" in reasons(8)[0]
    assert reasons(7) == ()


def test_weak_min_run_words_and_page_words() -> None:
    # One paragraph kept from a page of menu lines: weak when it holds under 40 words
    # of a page of 300 words or more; its confidence is then its share of the words.
    def confidence(run_words: int, page_words: int) -> tuple[float, tuple[str, ...]]:
        menu = ["Home"] * (page_words - run_words)
        return _confidence(_sentence(run_words), *menu)

    value, reasons = confidence(39, 300)
    assert reasons == ("the kept run holds 39 of the page's 300 words",)
    assert value == 39 / 300
    assert confidence(40, 300) == (1.0, ())
    assert confidence(39, 299) == (1.0, ())


def test_hull_below_share() -> None:
    # The run (240 prose characters) and, apart from it, sentences of 60 characters
    # each between menu entries: with 360 characters outside the run holds 40% of the
    # prose and stays as it is; with 370 it holds less, and everything from the first
    # prose block to the last is kept (the last menu entry still goes).
    def kept(last: str) -> tuple[list[bool], tuple[str, ...]]:
        outside = [_sentence(10, f"word{i}") for i in range(5)] + [_sentence(10, last)]
        doc = make_doc(_sentence(40), *(x for s in outside for x in ("Home.", s)), "Home.")
        make_rule(MainContentRun).apply(doc)
        return [b.removal is None for b in doc.blocks], doc.notes[CONFIDENCE][1]

    assert sum(len(_sentence(10, f"word{i}")) for i in range(6)) == 360
    flags, reasons = kept("word5")
    assert flags == [True] + [False] * 13
    assert not any("scattered" in r for r in reasons)
    flags, reasons = kept("words6")
    assert flags == [True] * 13 + [False]
    assert "scattered" in reasons[-1]


def test_min_run_words() -> None:
    # Menu entries around one sentence: of 25 words the sentence is the article and the
    # menu goes; of 24 it is a line of help on a page of links, and nothing is cut.
    def kept(n_words: int) -> tuple[list[bool], tuple[str, ...]]:
        doc = make_doc("Home", "News", _sentence(n_words), "Contact", "About")
        make_rule(MainContentRun).apply(doc)
        return [b.removal is None for b in doc.blocks], doc.notes[CONFIDENCE][1]

    flags, reasons = kept(25)
    assert flags == [False, False, True, False, False]
    assert not any("no article" in r for r in reasons)
    flags, reasons = kept(24)
    assert flags == [True] * 5
    assert "no article" in reasons[-1]
