"""The blog's about box at the end of a text dump (rules/about.py): the rule's reasons,
and each Param pinned from both sides on hand-built blocks."""

from __future__ import annotations

import pytest
from helpers import PROSE, make_doc, make_rule

from cleaner.rules.about import SiteAbout

ABOUT = "Harbour Notes is a blog about politics and daily life in the port, written by us."
HEADING = "Who Writes Here"


def reasons(*texts: str, **params: object) -> dict[str, str]:
    """Removed line -> reason, for a page of ``texts`` (all kept before the rule)."""
    rule = make_rule(SiteAbout, **params)
    doc = make_doc(*texts, config=rule.config)
    rule.apply(doc)
    return {b.text: b.removal.reason for b in doc.blocks if b.removal is not None}


ARTICLE = (PROSE[0], PROSE[1], PROSE[2])


@pytest.mark.parametrize(
    "about",
    [
        ABOUT,
        "Hafennotizen ist ein Blog über Politik und Alltag im Hafen, geschrieben von uns.",
        "Notes du port est un blog consacré à la vie quotidienne du port.",
        "Notas del puerto es un blog sobre la vida cotidiana en el puerto.",
        "Note dal porto è un blog sulla vita quotidiana del porto.",
        "Notas do porto é um blog sobre a vida quotidiana no porto.",
        "Havennotities is een blog over het dagelijks leven in de haven.",
        "«Портовые заметки» — это блог о повседневной жизни в порту.",
    ],
)
def test_about_box_removed_with_heading(about: str) -> None:
    got = reasons(*ARTICLE, HEADING, about)
    assert set(got) == {HEADING, about}
    assert got[about].startswith("describes the site")
    assert got[HEADING].startswith("heads the site's description")


@pytest.mark.parametrize(
    "line",
    [
        # A blog named further into the sentence: the article's own words.
        "Last week the mayor of the small town said that the new harbour is a blog topic.",
        # No self-description at all.
        "The harbour reopened on Monday after three weeks of repairs to the old pier.",
    ],
)
def test_article_sentence_kept(line: str) -> None:
    assert reasons(*ARTICLE, HEADING, line) == {}


def test_heading_ending_a_sentence_stays() -> None:
    line = "The council met again on Monday."
    assert set(reasons(*ARTICLE, line, ABOUT)) == {ABOUT}


def test_tail_blocks() -> None:
    # Two kept blocks under it: outside a tail of 2, inside a tail of 3.
    page = (*ARTICLE, ABOUT, "Older posts", "Archive")
    assert reasons(*page, tail_blocks=2) == {}
    assert ABOUT in reasons(*page, tail_blocks=3)


def test_max_words() -> None:
    n = len(ABOUT.split())
    assert ABOUT in reasons(*ARTICLE, ABOUT, max_words=n)
    assert reasons(*ARTICLE, ABOUT, max_words=n - 1) == {}


def test_max_name_words() -> None:
    # 'Harbour Notes': two words before 'is a blog'.
    assert ABOUT in reasons(*ARTICLE, ABOUT, max_name_words=2)
    assert reasons(*ARTICLE, ABOUT, max_name_words=1) == {}


def test_min_blocks_above() -> None:
    assert ABOUT in reasons(*ARTICLE, ABOUT, min_blocks_above=3)
    assert reasons(*ARTICLE, ABOUT, min_blocks_above=4) == {}


def test_max_heading_words() -> None:
    # 'Who Writes Here': three words.
    assert HEADING in reasons(*ARTICLE, HEADING, ABOUT, max_heading_words=3)
    assert set(reasons(*ARTICLE, HEADING, ABOUT, max_heading_words=2)) == {ABOUT}


def test_lines_after_it_go() -> None:
    got = reasons(*ARTICLE, HEADING, ABOUT, "Earlier Writing")
    assert got["Earlier Writing"].startswith("after the site's description")


def test_whole_page_on_text() -> None:
    from cleaner import clean_article

    text = "\n\n".join([*PROSE[:4], HEADING, ABOUT])
    out = clean_article(text, kind="text")
    assert PROSE[3] in out
    assert ABOUT not in out and HEADING not in out
