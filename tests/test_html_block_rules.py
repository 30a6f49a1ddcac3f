"""HTML block rules on whole pages, duplicates on HTML, disabling, and the vocabulary file.

The tree rules and the main container are in ``test_html_rules.py``, whose page builders
these tests share.
"""

from __future__ import annotations

import pytest
from helpers import PROSE, words
from test_html_rules import CLEANER, MARK, article, explain, rule_for

from cleaner import Cleaner
from cleaner.phrases import html_hints
from cleaner.rules.elements import name_tokens
from cleaner.rules.html import TREE_RULES
from cleaner.rules.tree import TreeRule

# -- block rules for HTML pages ------------------------------------------------------


def test_link_dense_block_is_removed() -> None:
    html = article(inside=f"<p><a href='/x'>{MARK} and more of the same</a></p>")
    assert rule_for(explain(html)) == "link_dense"


def test_paragraph_with_a_few_links_is_kept() -> None:
    sentence = f"{MARK} said that the <a href='/r'>report</a> was clear about the costs."
    result = explain(article(inside=f"<p>{sentence}</p>"))
    assert rule_for(result) is None


def test_figure_caption_is_removed() -> None:
    # A short one: a label, not a sentence of the article's (tests/test_captions.py).
    figure = f"<figure><img src='a.jpg'><figcaption>{MARK} today</figcaption></figure>"
    assert rule_for(explain(article(inside=figure))) == "figure_caption"


def test_first_h1_is_the_headline_and_later_headings_stay() -> None:
    body = "".join(f"<p>{p}</p>" for p in PROSE)
    html = f"<html><body><article><h1>Council extends</h1>{body}<h2>{MARK}</h2></article>"
    result = explain(html)
    assert rule_for(result, "Council extends") == "headline"
    assert rule_for(result) is None


def _headline_removed(n_words: int) -> bool:
    html = f"<html><body><article><h1>{words(n_words, 'Council')}</h1>"
    html += "".join(f"<p>{p}</p>" for p in PROSE) + "</article>"
    return rule_for(explain(html), "Council Council") == "headline"


def test_an_h1_of_html_heading_paragraph_words_is_text_not_the_headline() -> None:
    # Thirty-nine words make a long headline; forty a paragraph set in <h1> (a
    # slideshow's caption), which is text.
    assert _headline_removed(39)
    assert not _headline_removed(40)


# -- duplicates on HTML: a copy printed twice goes, a distant repeat is the article's ----

STANDFIRST = "Protesters gathered outside the council offices on Monday morning"


def test_block_printed_twice_on_html_loses_its_second_copy() -> None:
    # A standfirst (or a title, a caption) rendered twice in a row: responsive
    # variants of one element, both in the markup.
    twice = f"<p class='lead'>{STANDFIRST}</p><div class='lead-mobile'>{STANDFIRST}</div>"
    result = explain(article(inside=twice))
    assert [b.rule for b in result.blocks if b.text == STANDFIRST] == [None, "exact_duplicate"]


def test_distant_repeat_on_html_is_kept() -> None:
    # A step repeated far into the article (a recipe, a product list) is the page's own.
    step = "Stir in the cherry tomatoes and cook for two more minutes"
    filler = "".join(f"<p>{p}</p>" for p in PROSE)
    result = explain(article(inside=f"<p>{step}</p>{filler}<p>{step}</p>"))
    assert [b.rule for b in result.blocks if b.text == step] == [None, None]


def test_distant_repeat_is_a_duplicate_without_the_html_distance() -> None:
    step = "Stir in the cherry tomatoes and cook for two more minutes"
    filler = "".join(f"<p>{p}</p>" for p in PROSE)
    anywhere = Cleaner(html_duplicate_max_distance=None)
    result = explain(article(inside=f"<p>{step}</p>{filler}<p>{step}</p>"), anywhere)
    assert [b.rule for b in result.blocks if b.text == step] == [None, "exact_duplicate"]


def test_paragraph_printed_again_on_html_is_kept() -> None:
    # Fifteen words and more repeated right after the first copy: the page's own
    # paragraph printed again (a quoted post), not a caption printed twice.
    again = " ".join(PROSE[0].split()[:15])
    result = explain(article(inside=f"<p>{again}</p><p>{again}</p>"))
    assert [b.rule for b in result.blocks if b.text == again] == [None, None]


def test_shorter_copy_on_html_is_left_to_the_markup() -> None:
    # contained_duplicate runs on text only: on HTML a quoted part of another paragraph
    # stays unless its markup names it a pull quote.
    short = "The Kazakh words have been heard increasingly in recent years in the country."
    full = short[:-1] + " and they have come to mean the rigid system of governance he created."
    result = explain(article(inside=f"<blockquote>{short}</blockquote><p>{full}</p>"))
    assert [b.rule for b in result.blocks if b.text == short] == [None]
    as_text = Cleaner().explain("\n\n".join([short, PROSE[1], full]), kind="text")
    assert [b.rule for b in as_text.blocks if b.text == short] == ["contained_duplicate"]


def test_html_block_rules_leave_text_input_alone() -> None:
    text = "\n\n".join([PROSE[0], "Read the full report here", PROSE[1]])
    result = Cleaner(disable={"chrome_phrase"}).explain(text, kind="text")
    assert all(b.rule not in {"link_dense", "figure_caption", "headline"} for b in result.blocks)


# -- disabling -----------------------------------------------------------------------


def test_a_disabled_tree_rule_does_not_prune() -> None:
    html = article(after=f"<div class='share-tools'><p>{MARK} over the bridge.</p></div>")
    assert rule_for(explain(html)) == "share_markup"
    kept = explain(html, Cleaner(disable={"share_markup"}))
    assert rule_for(kept) != "share_markup"


# -- the vocabulary file -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("share-bar", ["share", "bar"]),
        ("share_bar", ["share", "bar"]),
        ("shareBar", ["share", "bar"]),
        ("ShareBar", ["share", "bar"]),
        ("SHARE", ["share"]),
        ("c-entry-hero__meta", ["c", "entry", "hero", "meta"]),
        ("ad300x250", ["ad300x250"]),
    ],
)
def test_name_tokens(name: str, tokens: list[str]) -> None:
    assert name_tokens(name) == tokens


def test_every_vocabulary_rule_has_its_section() -> None:
    hints = html_hints()
    for rule in TREE_RULES:
        if rule.vocabulary:
            assert hints.get(rule.vocabulary), rule.name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("cookie-banner", "consent_markup"),
        ("cookieConsent", "consent_markup"),
        ("cookie-recipe", None),
        ("hidden", "screen_reader_markup"),
        ("hidden-xs", None),
        ("tag-share", None),
        ("share-count", "share_markup"),
        ("comments-open", None),
    ],
)
def test_match_tokens_anchors_on_whole_tokens(name: str, expected: str | None) -> None:
    rules = [r for r in CLEANER.rules if isinstance(r, TreeRule) and r.first_tokens]
    tokens = name_tokens(name)
    matched = next(
        (
            r.name
            for r in rules
            for at in range(len(tokens))
            if tokens[at] in r.first_tokens and r.match_tokens(tokens, at)
        ),
        None,
    )
    assert matched == expected


@pytest.mark.parametrize(
    "cell",
    ["<td>1,274,163</td>", "<td><p>1,274,163</p></td>", "<th>1,274,163</th>"],
)
def test_a_bare_number_in_a_table_cell_is_the_tables_data(cell: str) -> None:
    # (A <div> in a cell makes the table a layout table, walked cell by cell.)
    table = f"<table><tr><td><div>Residents counted in {MARK}</div></td>{cell}</tr></table>"
    assert rule_for(explain(article(inside=table)), "1,274,163") is None


@pytest.mark.parametrize(
    "piece",
    [
        "<p>1,274,163</p>",  # a bare number outside a table: a pager's, a counter's
        "<table><tr><td><div>Residents</div></td><td>| · |</td></tr></table>",  # a separator
        "<table><tr><td><div>Residents</div></td><td>12K views</td></tr></table>",
    ],
)
def test_a_counter_outside_a_cell_or_worded_still_goes(piece: str) -> None:
    result = explain(article(inside=piece))
    needle = next(n for n in ("1,274,163", "12K views", "| · |") if n in piece)
    assert rule_for(result, needle) == "counter"
