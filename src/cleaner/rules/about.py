"""The blog's 'about' box left at the end of the article on text dumps."""

from __future__ import annotations

import regex

from ..config import Config
from ..phrases import PhraseBook, alternation
from ..phrases.compile import PHRASE_FLAGS
from ..phrases.trie_search import twin
from .base import Document, Rule, quote
from .params import Param


class SiteAbout(Rule):
    name = "site_about"
    family = "trailers"
    description = (
        "Text only: a short paragraph among the last lines the main run kept that "
        "describes the site itself ('Steppe Notes is a blog about politics ...', "
        "'X ist ein Blog über ...'), with the short heading right above it ('Who writes "
        "here'): a blog's about box printed under the article. It names the site within "
        "its first words; an article that mentions a blog does so further in."
    )
    kinds = frozenset({"text"})

    tail_blocks = Param(
        2, "The self-description is among this many last blocks the main run kept ..."
    )
    max_words = Param(45, "... has at most this many words ...")
    max_name_words = Param(
        6, "... and names the site in at most this many words before 'is a blog' ..."
    )
    min_blocks_above = Param(
        3, "... with at least this many kept blocks above it (the article it stands under)."
    )
    max_heading_words = Param(
        8,
        "The kept line right above it goes with it when it has at most this many words "
        "and ends no sentence (the box's heading).",
    )

    def __init__(self, config: Config, phrases: PhraseBook) -> None:
        super().__init__(config, phrases)
        pattern = alternation(phrases.phrases("site_about"))
        # (With its ``re`` twin, for the lines both engines read alike.)
        self.pattern = twin(regex.compile(pattern, PHRASE_FLAGS)) if pattern else None

    def apply(self, doc: Document) -> None:
        if self.pattern is None:
            return
        kept = [b for b in doc.blocks if b.removal is None]
        start = max(self.min_blocks_above, len(kept) - self.tail_blocks)
        for k in range(start, len(kept)):
            block = kept[k]
            f = block.features
            if f.n_words > self.max_words:
                continue
            m = self.pattern.search(f.folded)
            # Words before the phrase: the site's name ('«Steppe Notes» —' counts its
            # marks as no words).
            if m is None or len(f.folded[: m.start()].split()) > self.max_name_words:
                continue
            label = quote(block.text)
            self.remove(block, f"describes the site {label}")
            heading = kept[k - 1]
            hf = heading.features
            if 0 < hf.n_words <= self.max_heading_words and not hf.ends_sentence:
                self.remove(heading, f"heads the site's description {label}")
            self.remove_all(kept[k + 1 :], f"after the site's description {label}")
            return


RULES = (SiteAbout,)
