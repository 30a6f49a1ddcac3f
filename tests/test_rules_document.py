"""Rules that look at the whole page: duplicates, trailers, the main content run."""

from __future__ import annotations

import pytest
from helpers import PROSE, explain, page, removed_by

from cleaner import Cleaner

QUOTE = "It was telling that officials sent by the government were scorned by the protesters."


def test_exact_duplicate_keeps_the_first_copy() -> None:
    result = explain(page(QUOTE, PROSE[1], QUOTE, before=1, after=1))
    copies = [b for b in result.blocks if b.text == QUOTE]
    assert copies[0].kept
    assert copies[1].rule == "exact_duplicate"
    assert f"block {copies[0].index}" in copies[1].reason


def test_caption_printed_twice_comes_out_once() -> None:
    caption = "Kazakh President Qasym-Zhomart Toqaev (file photo)"
    result = explain(page(f"{caption}\n{caption}"))
    assert [b.text for b in result.kept].count(caption) <= 1


def test_short_lines_repeating_are_not_duplicates() -> None:
    # Below duplicate_min_chars: sub-headings may legitimately repeat.
    result = explain(page("Analysis", PROSE[1], "Analysis", before=1, after=1))
    assert all(b.rule != "exact_duplicate" for b in result.blocks)


def test_contained_duplicate_removes_the_shorter_copy() -> None:
    short = "The Kazakh words have been heard increasingly in recent years in the country."
    full = short[:-1] + " and they have come to mean the rigid system of governance he created."
    result = explain(page(short, PROSE[1], full, before=1, after=1))
    assert removed_by(result, short) == "contained_duplicate"
    assert removed_by(result, full) is None


def test_contained_duplicate_needs_whole_words() -> None:
    part = "officials said the plan would start in spring and run for three full years"
    longer = "Retired officials said the plan would start in springtime and run for three years."
    result = explain(page(part + ".", longer))
    assert removed_by(result, part + ".") != "contained_duplicate"


def test_contained_duplicate_needs_whole_words_when_every_word_recurs() -> None:
    # Every word of the short line recurs on the page (so it is looked up, not let go
    # as holding a word found once): in the longer line 'spring' is only in a word.
    part = "officials said the plan would start in spring and run for years"
    longer = "Retired officials said the plan would start in springtime and run for years."
    words = "In spring, officials said, the plan for years would run and start in time."
    result = explain(page(part + ".", longer, words))
    assert removed_by(result, part + ".") != "contained_duplicate"
    copy = "Retired officials said the plan would start in spring and run for years now."
    result = explain(page(part + ".", copy, words))
    assert removed_by(result, part + ".") == "contained_duplicate"


def test_trailer_heading_cuts_the_rest_of_the_page() -> None:
    about = "Our blog is written by a team of specialists who follow the region every day."
    text = page("About This Blog", about, "Blog Archive", before=4, after=0)
    result = explain(text)
    assert removed_by(result, "About This Blog") == "trailer_zone"
    assert removed_by(result, about) == "trailer_zone"
    assert all(b.kept for b in result.blocks if b.text in PROSE)


def test_trailer_heading_before_most_prose_is_left_alone() -> None:
    text = page("Related articles", before=1, after=3)
    result = explain(text)
    assert all(b.kept for b in result.blocks if b.text in PROSE)


@pytest.mark.parametrize("heading", ["More from Kotaku", "More on this story", "More Stories"])
def test_more_heading_cuts_the_rest_of_the_page(heading: str) -> None:
    result = explain(page(heading, "Ten phones compared", before=4, after=0))
    assert removed_by(result, "Ten phones compared") == "trailer_zone"
    reason = next(b.reason for b in result.blocks if b.text == heading)
    assert reason == f"trailer heading '{heading}'"


@pytest.mark.parametrize("heading", ["More than just profiling", "More to follow"])
def test_more_than_or_to_heads_no_trailer(heading: str) -> None:
    # A section of the article ('More than just X') or a note that it goes on.
    result = explain(page(heading, "Ten phones compared", before=4, after=0))
    assert all(b.rule != "trailer_zone" for b in result.blocks)


BIO = "Jane writes about energy policy and has covered the region since she moved there."


def test_author_box_heading_cuts_the_rest_of_the_page() -> None:
    result = explain(page("About Jane Doe", BIO, before=4, after=0))
    assert removed_by(result, "About Jane Doe") == "trailer_zone"
    assert "author box heading" in next(b.reason for b in result.blocks if b.rule)
    assert removed_by(result, BIO) == "trailer_zone"
    assert all(b.kept for b in result.blocks if b.text in PROSE)


def test_author_box_heading_in_other_languages() -> None:
    for heading in ("Über Moritz Bachmann", "Sobre Carlos Nadalim", "À propos de Anne Dupont"):
        result = explain(page(heading, BIO, before=4, after=0))
        assert removed_by(result, heading) == "trailer_zone", heading


def test_about_without_a_name_is_no_author_box() -> None:
    # A lower-case word after "about", a sentence, or more than three name words.
    for line in (
        "About the new tax rules",
        "About Jane Doe.",
        "About Jane Mary Ann Doe",
        "About",
    ):
        result = explain(page(line, BIO, before=4, after=0))
        assert removed_by(result, BIO) != "trailer_zone", line


def test_author_box_heading_before_most_prose_is_left_alone() -> None:
    result = explain(page("About Jane Doe", BIO, before=1, after=3))
    assert all(b.kept for b in result.blocks if b.text in PROSE)


def test_read_more_button_inside_the_article_does_not_cut_it() -> None:
    # "Read more" expanders sit between an article's first paragraphs and the rest.
    text = "\n\n".join([PROSE[0], PROSE[1], PROSE[2], "Read More", PROSE[3], PROSE[1][::-1]])
    result = explain(text)
    assert removed_by(result, PROSE[3]) is None


def _related_box(after: list[str]) -> str:
    titles = ["Another Story About The Clinics", "Council Budget Explained In Full"]
    return "\n\n".join([*PROSE[:3], "Related articles", *titles, *after])


def test_related_box_inside_the_text_does_not_cut_the_article() -> None:
    # Three paragraphs in a row after the box's titles: the article goes on.
    tail = [
        PROSE[3],
        "The council will meet again in March to decide whether the program should be "
        "extended for a second year, and the public will be able to comment on it.",
        "Several residents said they had not been told about the meeting, and they asked "
        "that the next one be announced in the local paper well in advance.",
    ]
    result = explain(_related_box(tail))
    assert removed_by(result, PROSE[3]) is None


def test_related_list_of_titles_and_summaries_is_cut() -> None:
    summary = "A short summary of that other story, in one sentence, for the reader here."
    tail = [summary, "Yet Another Story Title Here", summary.replace("other", "third")]
    result = explain(_related_box(tail))
    assert removed_by(result, "Related articles") == "trailer_zone"
    assert removed_by(result, summary) == "trailer_zone"


def _comments(n: int, byline: bool) -> list[str]:
    lines = []
    for i in range(n):
        if byline:  # the commenter's name and date, and the buttons under the post
            lines += [f"Reader{i} says:", f"March {i + 1}, 2021 at 10:{i}5 am", "Reply"]
        lines.append(
            f"Reader {i} wrote that the council had ignored the people who actually use "
            f"the clinics, and that the report was written by the program's own staff."
        )
    return lines


def test_comment_section_is_cut_even_when_longer_than_the_article() -> None:
    comments = _comments(8, byline=True)
    text = "\n\n".join([PROSE[0], PROSE[1], "12 Comments", *comments])
    result = explain(text)
    assert removed_by(result, "12 Comments") is not None
    assert {removed_by(result, c) for c in comments} == {"trailer_zone"}
    assert [b.text for b in result.kept] == [PROSE[0], PROSE[1]]


def test_discussion_in_full_paragraphs_is_the_content() -> None:
    # Posts written out in full that weigh as much as the article (an old blog's
    # replies, a forum thread): the heading cuts nothing.
    posts = _comments(8, byline=False)
    text = "\n\n".join([PROSE[0], PROSE[1], "12 Comments", *posts])
    result = explain(text)
    assert all(removed_by(result, p) is None for p in posts)
    # A short note under a long article is no such discussion.
    text = "\n\n".join([*PROSE, "12 Comments", posts[0]])
    assert removed_by(explain(text), posts[0]) == "trailer_zone"


@pytest.mark.parametrize(
    "heading", ["Tell us what YOU think...", "Share your thoughts", "What are your thoughts?"]
)
def test_comment_prompts_open_the_comment_section(heading: str) -> None:
    comment = "Reader 1 wrote that the council had ignored the people who use the clinics."
    text = "\n\n".join([PROSE[0], PROSE[1], heading, comment])
    result = explain(text)
    assert removed_by(result, heading) == "trailer_zone"
    assert removed_by(result, comment) == "trailer_zone"


def test_comments_button_in_a_share_bar_does_not_cut() -> None:
    text = "\n\n".join([PROSE[0], PROSE[1], "Facebook", "Comments", "Print", PROSE[2], PROSE[3]])
    result = explain(text)
    assert all(b.kept for b in result.blocks if b.text in PROSE)


def test_chrome_far_from_the_article_is_outside_the_main_run() -> None:
    text = "\n\n".join(
        ["Qishloq Ovozi", "Thursday 6 January 2022", *PROSE, "Central Asia", "Kazakhstan"]
    )
    result = explain(text)
    assert removed_by(result, "Qishloq Ovozi") == "outside_main_run"
    assert removed_by(result, "Kazakhstan") == "outside_main_run"
    assert [b.text for b in result.kept] == list(PROSE)


def test_subheading_inside_the_run_is_kept() -> None:
    text = "\n\n".join([PROSE[0], PROSE[1], "Swift Criticism", PROSE[2], PROSE[3]])
    assert removed_by(explain(text), "Swift Criticism") is None


def test_page_without_prose_is_left_alone() -> None:
    text = "Monday\n\nTuesday\n\nWednesday"
    assert Cleaner(disable={"menu_run"}).clean(text) == text.replace("\n\n", "\n\n")


def test_teaser_list_after_article_is_outside_the_run() -> None:
    teasers = []
    for i in range(6):
        teasers.append(f"Another Story Number {i} About Something Else")
        teasers.append("A short summary of the other story that links elsewhere.")
        teasers.append(f"{i}H ago")
    text = "\n\n".join([*PROSE, *teasers])
    result = explain(text)
    assert [b.text for b in result.kept] == list(PROSE)


def test_comment_quoting_a_paragraph_does_not_remove_it() -> None:
    quoting = f"{PROSE[1]} Nonsense, I say, and the mayor knows it very well."
    text = "\n\n".join([*PROSE, "Comments", quoting])
    result = explain(text)
    assert [b.text for b in result.kept] == list(PROSE)
