"""Each line rule: a positive case (removed, under the rule's own name) and a negative one."""

from __future__ import annotations

import pytest
from helpers import PROSE, explain, page, removed_by

POSITIVE = [
    ("accessibility_link", "Skip to main content"),
    ("accessibility_link", "Accessibility links"),
    ("accessibility_link", "Back to top ↑"),
    ("chrome_phrase", "Breaking News"),
    ("chrome_phrase", "Load more"),
    ("chrome_phrase", "Read more »"),
    ("chrome_phrase", "Show comments"),
    ("chrome_phrase", "3 min read"),
    ("chrome_phrase", "2 hours ago"),
    ("share_bar", "Share Facebook Twitter Email"),
    ("share_bar", "WhatsApp"),
    ("counter", "12K views"),
    ("counter", "14 shares"),
    ("counter", "Views: 1,204"),
    ("counter", "0"),
    ("related_link", "Read also: Parliament Votes On The Budget"),
    ("related_link", "Related: What's Behind The Row Over Fuel Prices?"),
    ("related_link", "You may also like: Five Things To Know About The Budget"),
    ("breadcrumb", "Home > News > World"),
    ("breadcrumb", "Politics › Europe › Germany"),
    ("media_stub", "please wait"),
    ("media_stub", "No media source currently available"),
    ("media_stub", "Your browser does not support the video tag."),
    ("media_stub", "Your browser does not support the audio element."),
    ("player_timeline", "0:00 0:03:18 0:00"),
    ("player_timeline", "1:02:33"),
    ("media_label", "Image caption The mayor at the council meeting"),
    ("media_label", "Image source, Getty Images"),
    ("notice", "We use cookies to improve your experience on our site."),
    ("notice", "© 2024 Example Media. All rights reserved."),
    ("notice", "Sign up for our newsletter and get the best stories every morning."),
]

NEGATIVE = [
    # Phrases that only start or mention a chrome word are prose, not chrome.
    "Share prices fell sharply on Monday as investors weighed the new tariffs.",
    "Skip the queue: the museum now sells timed tickets online for every exhibition.",
    "Please wait for the final results before drawing any conclusions, she said.",
    "The cookie recipe, handed down by her grandmother, uses brown butter and sea salt.",
    "Load times improved after the upgrade, according to the engineers who ran the tests.",
    "He said the 2024 budget would be the last one he presented as finance minister.",
    # A lead's words opening prose: a sentence ends inside, or no colon follows them.
    "More: the council approved the plan. It now goes to the regional parliament.",
    "Related reports suggest the council approved the plan late on Monday evening.",
]


@pytest.mark.parametrize(("rule", "line"), POSITIVE)
def test_rule_removes_its_case(rule: str, line: str) -> None:
    result = explain(page(line))
    assert removed_by(result, line) == rule


@pytest.mark.parametrize("line", NEGATIVE)
def test_prose_mentioning_chrome_words_is_kept(line: str) -> None:
    result = explain(page(line))
    assert removed_by(result, line) is None


def test_reason_names_the_matched_text() -> None:
    result = explain(page("Skip to main content"))
    block = next(b for b in result.removed if b.text == "Skip to main content")
    assert block.family == "accessibility"
    assert "Skip to main content" in block.reason


def test_long_line_is_not_a_whole_line_phrase() -> None:
    line = "Read more " + " ".join(["about the plan"] * 5)
    assert removed_by(explain(page(line)), line) != "chrome_phrase"


def test_breadcrumb_needs_short_items() -> None:
    line = (
        "The first part of the plan is long enough > the second part of the plan is long "
        "as well > the third"
    )
    assert removed_by(explain(page(line)), line) != "breadcrumb"


def test_media_title_above_stub_is_removed() -> None:
    text = page("Protests Erupt Across The Country\nplease wait", "0:00 0:02:52 0:00")
    result = explain(text)
    assert removed_by(result, "Protests Erupt Across The Country") == "media_title"
    assert removed_by(result, "please wait") == "media_stub"
    assert removed_by(result, "0:00 0:02:52 0:00") == "player_timeline"


def test_sentence_above_stub_after_blank_line_is_kept() -> None:
    sentence = "Officials said the figures would be published in full next week."
    result = explain(page(sentence, "please wait"))
    assert removed_by(result, sentence) is None


def test_menu_run_removes_three_short_title_lines() -> None:
    result = explain(page("World", "Business", "Tech Reviews", "Sport"))
    assert removed_by(result, "Business") == "menu_run"
    assert removed_by(result, "Tech Reviews") == "menu_run"


def test_single_subheading_is_not_a_menu() -> None:
    result = explain(page("Swift Criticism", before=2, after=2))
    assert removed_by(result, "Swift Criticism") is None


def test_prose_paragraphs_are_kept() -> None:
    result = explain(page())
    assert [b.text for b in result.kept] == list(PROSE)
