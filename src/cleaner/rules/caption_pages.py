"""A photo gallery in a text dump: the page whose captions are its text.

``caption_credit`` removes a line ending with a photo credit as an image's caption: in
an article the captions sit one by one between the paragraphs, and the reader came for
the paragraphs. On a gallery ('In pictures: ...') the captions stand one after another
and carry the story; the page has little other prose. There the captions are the main
content, and this rule takes ``caption_credit``'s decision back for them.
"""

from __future__ import annotations

from ..blocks import Block
from .base import Document, Rule
from .captions import CaptionCredit
from .params import Param


class CaptionGallery(Rule):
    name = "caption_gallery"
    family = "media"
    description = (
        "A photo gallery's captions: where lines that caption_credit removed stand one "
        "after another and hold most of the page's prose, they are the page's text and "
        "are kept (a caption between an article's paragraphs still goes)."
    )
    # On HTML captions are elements that the markup rules judge.
    kinds = frozenset({"text"})
    requires = (CaptionCredit,)

    min_run = Param(
        3,
        "A gallery is at least this many captions in a row (an article may print two "
        "pictures' captions together between its paragraphs).",
    )
    min_share = Param(
        0.5,
        "The galleries' captions hold at least this share of the words of the page's "
        "prose, captions included (a long article around a few pictures keeps its "
        "paragraphs only).",
    )

    def apply(self, doc: Document) -> None:
        runs: list[list[Block]] = []
        current: list[Block] = []
        for block in doc.blocks:
            removal = block.removal
            if removal is not None and removal.rule == CaptionCredit.name:
                current.append(block)
                continue
            if len(current) >= self.min_run:
                runs.append(current)
            current = []
        if len(current) >= self.min_run:
            runs.append(current)
        if not runs:
            return
        captions = sum(b.features.n_words for run in runs for b in run)
        prose = sum(b.features.n_words for b in doc.kept() if doc.is_prose(b))
        if captions < self.min_share * (captions + prose):
            return
        for run in runs:
            for block in run:
                # Taken back: on this page the captions are the text (module docstring).
                block.removal = None


RULES = (CaptionGallery,)
