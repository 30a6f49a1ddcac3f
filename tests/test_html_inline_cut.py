"""No words cut from inside a paragraph (issue 14, item 5; item 7's fused words): a
class/id vocabulary match on an inline element with words beside it is part of the
sentence; what is not seen (hidden, screen-reader text, tooltips) still goes whole."""

from __future__ import annotations

import pytest

from cleaner import clean_article
from cleaner.frontends.html import html_to_blocks

FILLER = "<p>" + "A long ordinary sentence of the article. " * 6 + "</p>"


def _article(first: str) -> str:
    return clean_article(f"<article>{first}{FILLER * 3}</article>")


def test_vocabulary_match_inside_a_sentence_keeps_its_words() -> None:
    out = _article(
        '<p>MADRID — <a class="player-link" href="/p/1">Rafael Nadal</a> kept Spain’s '
        "hopes alive, then the pair won.</p>"
    )
    assert out.startswith("MADRID — Rafael Nadal kept Spain’s hopes alive, then the pair won.")


@pytest.mark.parametrize(
    "para",
    [
        "<p><a class='share-link' href='/x'>Rafael Nadal</a> kept Spain’s hopes alive.</p>",
        "<p>Spain’s hopes were kept alive by <b><a class='nav-item'>Rafael Nadal</a></b>.</p>",
        "<p>He said <!-- c --><span class='ad-word'>Rafael Nadal</span> kept it alive.</p>",
    ],
)
def test_words_on_either_side_are_enough(para: str) -> None:
    assert "Rafael Nadal" in _article(para)


def test_no_space_is_invented_where_the_page_has_none() -> None:
    out = _article("<p>In the vote the<span class='nav'>council</span>the members agreed.</p>")
    assert out.startswith("In the vote thecouncilthe members agreed.")


def test_vocabulary_match_on_a_block_element_still_prunes() -> None:
    out = _article("<p>Before the game.</p><div class='share-bar'>Share this story now</div>")
    assert "Share this story" not in out


def test_inline_match_without_words_beside_it_still_prunes() -> None:
    html = (
        "<article><div><a class='share-facebook' href='/f'>Facebook</a> "
        f"<a class='share-twitter' href='/t'>Twitter</a></div>{FILLER * 3}</article>"
    )
    blocks = html_to_blocks(html)
    pruned = {b.text for b in blocks if b.pruned}
    assert {"Facebook", "Twitter"} <= pruned


@pytest.mark.parametrize(
    "hider",
    [
        '<span class="sr-only">SECRETWORD</span>',
        "<span hidden>SECRETWORD</span>",
        '<span aria-hidden="true">SECRETWORD</span>',
        '<span style="display:none">SECRETWORD</span>',
    ],
)
def test_hidden_inline_is_still_removed(hider: str) -> None:
    out = _article(f"<p>Visible before {hider} visible after.</p>")
    assert "SECRETWORD" not in out
    assert "Visible before visible after." in out


def test_tooltip_text_after_a_term_goes_whole_and_glues_nothing() -> None:
    out = _article(
        '<p>The <span class="tooltip">quorum<span class="tooltiptext">The least number of '
        "members who must be present</span></span> was reached before noon.</p>"
    )
    assert out.startswith("The quorum was reached before noon.")
    assert "least number" not in out


def test_separator_between_menu_links_is_not_words() -> None:
    html = (
        "<article><div><a class='nav-link' href='/a'>About</a> &nbsp;| "
        f"<a class='nav-link' href='/s'>Statistics</a> · </div>{FILLER * 3}</article>"
    )
    pruned = {b.text for b in html_to_blocks(html) if b.pruned}
    assert {"About", "Statistics"} <= pruned


def test_a_date_after_a_headline_link_stays_in_its_line() -> None:
    # Words beside an inline match may be another inline element the rules leave.
    html = (
        "<article><p>Filed: <a href='/story'>Bank merger approved by the regulator</a> "
        f"<span class='date'>20 May 2004</span></p>{FILLER * 3}</article>"
    )
    texts = [b.text for b in html_to_blocks(html)]
    assert "Filed: Bank merger approved by the regulator 20 May 2004" in texts


def test_a_row_of_share_links_is_still_pruned_link_by_link() -> None:
    # ... but a sibling the rules prune too is no word: a share row still goes.
    html = (
        "<article><p><a class='share-fb' href='/f'>Facebook</a> · "
        f"<a class='share-tw' href='/t'>Twitter</a></p>{FILLER * 3}</article>"
    )
    pruned = {b.text for b in html_to_blocks(html) if b.pruned}
    assert {"Facebook", "Twitter"} <= pruned


def test_a_link_that_opens_a_popup_keeps_its_words_in_the_sentence() -> None:
    out = _article(
        "<p>He said he would prefer <a href='#' class='popup'>to cling to you</a> for now.</p>"
    )
    assert out.startswith("He said he would prefer to cling to you for now.")


def test_an_in_page_link_inside_a_sentence_is_no_skip_link() -> None:
    out = _article("<p>The figures are in the <a href='#content'>table below</a> for 2023.</p>")
    assert out.startswith("The figures are in the table below for 2023.")


@pytest.mark.parametrize(
    "tag",
    ["hl-trusted-source", "x-cite", "st1:country-region", "o:p"],
)
def test_a_custom_element_inside_a_paragraph_stays_in_its_line(tag: str) -> None:
    # A browser shows an element it has no style for inline: a citation number set in a
    # custom element (or a word processor's smart tag) is part of the sentence, not a
    # block cut out of the middle of the paragraph.
    para = f"<p>The most common eating disorder in the United States (<{tag}>1</{tag}>).</p>"
    blocks = html_to_blocks(f"<article>{para}{FILLER * 3}</article>")
    assert blocks[0].text == "The most common eating disorder in the United States (1)."
    assert _article(para).startswith("The most common eating disorder in the United States (1).")


def test_a_custom_element_holding_blocks_still_splits_at_them() -> None:
    # Inline itself, its block children still make blocks of their own.
    html = "<article><my-card><p>First paragraph here.</p><p>Second one.</p></my-card></article>"
    assert [b.text for b in html_to_blocks(html)] == ["First paragraph here.", "Second one."]


def test_an_unknown_name_without_hyphen_or_colon_is_a_block() -> None:
    html = "<article><p>Before <wrapper>inside</wrapper> after.</p></article>"
    assert [b.text for b in html_to_blocks(html)] == ["Before", "inside", "after."]


@pytest.mark.parametrize("output", ["text", "markdown"])
@pytest.mark.parametrize(
    "para",
    [
        '<p>Before the note <?php include("nav.inc"); ?> after the note, and on it goes.</p>',
        "<p>Before the note <b>bold <?php x(); ?> text</b> after the note, and on it goes.</p>",
    ],
)
def test_processing_instruction_does_not_split_its_paragraph(para: str, output: str) -> None:
    # Lexbor gives a ``<?php ?>`` node no name; no browser shows it, so the sentence
    # around it is one paragraph (it was cut in two, and crashed the Markdown pieces).
    out = clean_article(f"<article>{para}{FILLER * 3}</article>", output=output)
    first = out.split("\n\n")[0]
    assert first.startswith("Before the note ")
    assert first.endswith("after the note, and on it goes.")
