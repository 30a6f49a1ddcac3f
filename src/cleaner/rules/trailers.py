"""The end-of-article zone: about boxes, related lists, comments; and notices anywhere."""

from __future__ import annotations

import regex

from ..blocks import Block
from ..config import Config
from ..phrases import PhraseBook
from .base import PHRASE_FLAGS, Document, LineRule, Rule, quote, whole_line_pattern


class Notice(LineRule):
    name = "notice"
    family = "trailers"
    description = (
        "A short block carrying a cookie, consent, newsletter or copyright notice "
        "('We use cookies', 'Subscribe to our newsletter', '© 2024')."
    )

    def __init__(self, config: Config, phrases: PhraseBook) -> None:
        super().__init__(config, phrases)
        alternation = phrases.pattern("notice")
        self.pattern = regex.compile(alternation, PHRASE_FLAGS) if alternation else None
        self.max_words = config.notice_max_words

    def reason_for(self, block: Block, doc: Document) -> str | None:
        if self.pattern is None or block.features.n_words > self.max_words:
            return None
        m = self.pattern.search(block.text)
        if m:
            return f"a notice: contains {quote(m.group(0))}"
        return None


class TrailerZone(Rule):
    name = "trailer_zone"
    family = "trailers"
    description = (
        "Everything from a trailer heading ('About this blog', 'Related articles', "
        "'Comments', 'Most read') to the end of the page, once most of the page's prose "
        "lies above that heading."
    )

    max_heading_words = 8

    def __init__(self, config: Config, phrases: PhraseBook) -> None:
        super().__init__(config, phrases)
        self.pattern = whole_line_pattern(phrases.pattern("trailer_heading"))

    def apply(self, doc: Document) -> None:
        if self.pattern is None:
            return
        prose = [b.features.n_chars if doc.is_prose(b) else 0 for b in doc.blocks]
        total = sum(prose)
        if not total:
            return
        needed = total * self.config.trailer_min_prose_share
        above = 0
        for i, block in enumerate(doc.blocks):
            if (
                above >= needed
                and block.features.n_words <= self.max_heading_words
                and self.pattern.match(block.text)
            ):
                heading = quote(block.text)
                block.remove(self.name, self.family, f"trailer heading {heading}")
                for later in doc.blocks[i + 1 :]:
                    self.remove(later, f"in the trailer after {heading} (block {block.index})")
                return
            above += prose[i]


RULES = (Notice, TrailerZone)
