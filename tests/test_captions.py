"""Captions on HTML pages: an element named caption is read as a figure caption, never
pruned while the walk meets it, and figure_caption judges it once the page's type and
main container are known: a sentence under a figure of the article stays; a label, a
caption in a list (a gallery strip) and a caption the page prints again (a slideshow's
counter, one caption under every photo) go.
"""

from __future__ import annotations

import pytest
from test_html_rules import article, explain, rule_for

from cleaner import Cleaner, Config

SENTENCE = "Quartermaster wombat lantern crews cleared the flooded square on Monday."


@pytest.mark.parametrize(
    "markup",
    [
        f"<div class='wp-caption'><img src='a.jpg'><p class='wp-caption-text'>{SENTENCE}</p></div>",
        f"<div class='caption body-width'>{SENTENCE}</div>",
        f"<figure><img src='a.jpg'><figcaption>{SENTENCE}</figcaption></figure>",
        f"<p class='image-caption'>{SENTENCE}</p>",
    ],
)
def test_a_sentence_under_a_figure_of_the_article_stays(markup: str) -> None:
    result = explain(article(inside=markup))
    assert rule_for(result, SENTENCE) is None
    assert SENTENCE in result.text


def test_a_caption_is_a_caption_block_not_a_paragraph() -> None:
    result = explain(article(inside=f"<div class='caption'>{SENTENCE}</div>"))
    assert [b.kind for b in result.blocks if b.text == SENTENCE] == ["caption"]


def test_a_caption_printed_again_goes() -> None:
    # A slideshow: the item's caption, then the counter's "Image 1 of 3" with it again.
    show = (
        f"<ul class='slides'><li><img src='a.jpg'><div class='caption'>{SENTENCE}</div></li></ul>"
        f"<div class='controls'><div class='caption'>Image 1 of 3 {SENTENCE}</div></div>"
    )
    result = explain(article(inside=show))
    assert SENTENCE not in result.text
    # One caption under every photo of a post.
    twice = f"<div class='wp-caption'><p class='wp-caption-text'>{SENTENCE}</p></div>"
    result = explain(article(inside=twice + "<p>Between the photos.</p>" + twice))
    assert SENTENCE not in result.text
    assert rule_for(result, SENTENCE) == "figure_caption"


def test_a_caption_printed_again_in_other_case_and_script_goes() -> None:
    # The copy is matched by its casefolded words, whether its block is kept (its
    # features' key) or pruned (its words read again): 'STRASSE' is 'Straße' folded.
    caption = "Die Straße am Markt wurde am Montag nach dem Hochwasser geräumt."
    copy = "DIE STRASSE AM MARKT — WURDE AM MONTAG NACH DEM HOCHWASSER GERÄUMT"
    figure = f"<div class='wp-caption'><p class='wp-caption-text'>{caption}</p></div>"
    for where in (f"<p>{copy}</p>", f"<nav><p>{copy}</p></nav>"):
        result = explain(article(inside=figure + where))
        assert rule_for(result, caption) == "figure_caption", where
    other = "DIE GASSE AM MARKT — WURDE AM MONTAG NACH DEM HOCHWASSER GERÄUMT"
    result = explain(article(inside=f"{figure}<p>{other}</p>"))
    assert rule_for(result, caption) is None


def test_every_character_casefolds_to_characters_of_its_own_kind() -> None:
    # What lets figure_caption read a kept block's words from its features' key (the
    # words casefolded) for the words of its casefolded text (duplicate_key).
    from cleaner.features import duplicate_key, words_of

    for cp in range(0x110000):
        if 0xD800 <= cp < 0xE000:
            continue
        char = chr(cp)
        folded = char.casefold()
        if folded != char:
            word = bool(words_of(char))
            assert all(bool(words_of(c)) == word for c in folded), hex(cp)
    text = "İstanbul ﬁnal STRASSE Straße ΣΊΣΥΦΟΣ ǅemal x\u0345y"
    assert duplicate_key(text) == " ".join(words_of(text)).casefold()


def test_a_caption_in_a_list_goes() -> None:
    strip = f"<ul><li><img src='a.jpg'><p class='caption'>{SENTENCE}</p></li></ul>"
    assert rule_for(explain(article(inside=strip)), SENTENCE) == "figure_caption"


def test_a_credit_is_still_pruned_during_the_walk() -> None:
    credit = f"<div class='photo-credit'>{SENTENCE}</div>"
    assert rule_for(explain(article(inside=credit)), SENTENCE) == "caption_markup"


def _caption_of(n_words: int, **params: int) -> str | None:
    words = ["wombat"] * (n_words - 1) + ["lantern."]
    text = " ".join(words)
    cleaner = Cleaner(Config().replace(rule_params={"figure_caption": params}))
    result = explain(article(inside=f"<div class='caption'>{text}</div>"), cleaner)
    return rule_for(result, text)


def test_min_words() -> None:
    # Six words make a sentence of the article's; five are a label or a credit.
    assert _caption_of(6) is None
    assert _caption_of(5) == "figure_caption"
    assert _caption_of(6, min_words=7) == "figure_caption"


# -- a row of figures: a gallery's items, an article's slideshow ---------------------------

#: Captions of distinct sentences (a caption printed twice goes for that alone).
CAPTIONS = [
    f"Volunteers {word} the flooded square near the old market on Monday morning."
    for word in ("cleared", "swept", "dried", "painted", "reopened")
]


def _figures(n: int, cls: str = "", between: str = "") -> str:
    attr = f" class='{cls}'" if cls else ""
    items = [
        f"<figure{attr}><img src='{i}.jpg'><figcaption>{CAPTIONS[i]}</figcaption></figure>"
        for i in range(n)
    ]
    return between.join(items)


def _rules_for_captions(html: str, cleaner: Cleaner | None = None) -> set[str | None]:
    result = explain(html, cleaner) if cleaner else explain(html)
    return {rule_for(result, c) for c in CAPTIONS if c in html}


def test_strip_min_figures() -> None:
    # Three sibling figures in a row on an article are a slideshow: their captions go;
    # two are figures of the article and stay.
    assert _rules_for_captions(article(inside=_figures(3))) == {"figure_caption"}
    assert _rules_for_captions(article(inside=_figures(2))) == {None}
    four = Cleaner(Config().replace(rule_params={"figure_caption": {"strip_min_figures": 4}}))
    assert _rules_for_captions(article(inside=_figures(3)), four) == {None}


def test_figures_between_paragraphs_are_no_strip() -> None:
    # An article illustrated figure by figure: a paragraph between them ends each run.
    figures = _figures(3, between="<p>Between the photos the report went on at length.</p>")
    assert _rules_for_captions(article(inside=figures)) == {None}


def test_gallery_min_items() -> None:
    # Figures named by a weak token ('gallery-item') holding a caption: two are pruned
    # during the walk as a caption box; three are a gallery's items, which the walk
    # leaves to figure_caption (on an article: a strip of figures, so they go there).
    assert _rules_for_captions(article(inside=_figures(2, "gallery-item"))) == {"caption_markup"}
    assert _rules_for_captions(article(inside=_figures(3, "gallery-item"))) == {"figure_caption"}
    four = Cleaner(Config().replace(rule_params={"caption_markup": {"gallery_min_items": 4}}))
    assert _rules_for_captions(article(inside=_figures(3, "gallery-item")), four) == {
        "caption_markup"
    }


def test_a_gallery_keeps_its_items_captions() -> None:
    # The same three items on a page declaring itself a gallery: the captions are its text.
    page = article(inside=_figures(3, "gallery-item")).replace(
        "</head>",
        '<script type="application/ld+json">{"@type": "ImageGallery"}</script></head>',
    )
    result = explain(page)
    assert result.page_type == "gallery"
    assert _rules_for_captions(page) == {None}
