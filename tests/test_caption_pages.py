"""A photo gallery's captions in a text dump (rules/caption_pages.py): kept where they
are the page's text, each Param pinned from both sides on hand-built blocks."""

from __future__ import annotations

from helpers import PROSE, make_doc, make_rule

from cleaner import Cleaner
from cleaner.rules.caption_pages import CaptionGallery
from cleaner.rules.captions import CaptionCredit

_CAPTIONS = (
    "Passengers queue at the quay at ten in the evening for the last sailing. Photo: Lena Brandt",
    "The chief engineer has kept the same two engines running since 1994. Photo: Lena Brandt",
    "On the bridge the captain steers by the lights of the fish farms. Photo: Lena Brandt",
    "Dawn over the northern harbour, where a crowd waited with flags. Photo: Lena Brandt",
)


def kept_captions(*texts: str, **params: object) -> list[str]:
    """The caption lines left kept after caption_credit and then this rule."""
    credit = make_rule(CaptionCredit)
    doc = make_doc(*texts, config=credit.config)
    credit.apply(doc)
    assert all(b.removal is not None for b in doc.blocks if b.text in _CAPTIONS)
    make_rule(CaptionGallery, **params).apply(doc)
    return [b.text for b in doc.blocks if b.text in _CAPTIONS and b.removal is None]


def test_min_run() -> None:
    three = _CAPTIONS[:3]
    assert kept_captions(PROSE[0], *three) == list(three)
    # Two captions together are an article's two pictures.
    assert kept_captions(PROSE[0], *three[:2]) == []
    assert kept_captions(PROSE[0], *three, min_run=4) == []
    # A run is captions in a row: a paragraph between breaks it.
    assert kept_captions(three[0], three[1], PROSE[0], three[2]) == []


def _share(*texts: str) -> float:
    doc = make_doc(*texts)
    captions = sum(b.features.n_words for b in doc.blocks if b.text in _CAPTIONS)
    return captions / sum(b.features.n_words for b in doc.blocks)


def test_min_share() -> None:
    gallery = (PROSE[0], *_CAPTIONS)
    article = (*PROSE, *_CAPTIONS[:3])
    assert _share(*gallery) >= 0.5 > _share(*article)
    assert kept_captions(*gallery) == list(_CAPTIONS)
    assert kept_captions(*gallery, min_share=round(_share(*gallery) + 0.01, 2)) == []
    # A long article around a few pictures keeps its paragraphs only.
    assert kept_captions(*article) == []
    assert kept_captions(*article, min_share=round(_share(*article) - 0.01, 2)) == list(
        _CAPTIONS[:3]
    )


def test_gallery_page_keeps_its_captions() -> None:
    page = "\n\n".join([PROSE[0], *_CAPTIONS, PROSE[1]])
    out = Cleaner().clean(page, kind="text")
    assert all(c in out for c in _CAPTIONS)
