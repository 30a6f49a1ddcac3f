"""The blog's 'about' box left at the end of the article on text dumps."""

from __future__ import annotations

from operator import attrgetter

import regex

from ..blocks import Block
from ..config import Config
from ..phrases import PhraseBook, alternation
from ..phrases.compile import PHRASE_FLAGS
from ..phrases.literals import required_literals
from ..phrases.trie_search import twin
from .base import Document, Rule, quote
from .params import Param

#: A block's removal (None: kept), read in C.
_REMOVAL = attrgetter("removal")


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
        # Text every match holds ('is a', 'ist ein', ...): a substring test spares the
        # search (dear: the phrases hold gaps of words) on most lines. None: no gate.
        self.gate = required_literals(pattern) if pattern else None

    def apply(self, doc: Document) -> None:
        if self.pattern is None:
            return
        blocks = doc.blocks
        # The kept blocks counted in C (a removal is never false), and only the last few
        # gathered, from the end: those asked, and the one above the first (its heading).
        n_kept = len(blocks) - sum(map(bool, map(_REMOVAL, blocks)))
        start = max(self.min_blocks_above, n_kept - self.tail_blocks)
        if start >= n_kept:
            return
        need = n_kept - max(start - 1, 0)
        kept: list[Block] = []  # the kept blocks from position n_kept - need on
        for b in reversed(blocks):
            if b.removal is None:
                kept.append(b)
                if len(kept) == need:
                    break
        kept.reverse()
        # (Kept block k is kept[k - offset]; k - 1 at k == 0 reads the last, as before.)
        offset = n_kept - need
        for k in range(start, n_kept):
            block = kept[k - offset]
            f = block.features
            if f.n_words > self.max_words or (
                self.gate is not None and not any(map(f.folded.__contains__, self.gate))
            ):
                continue
            m = self.pattern.search(f.folded)
            # Words before the phrase: the site's name ('«Steppe Notes» —' counts its
            # marks as no words).
            if m is None or len(f.folded[: m.start()].split()) > self.max_name_words:
                continue
            label = quote(block.text)
            self.remove(block, f"describes the site {label}")
            heading = kept[k - 1 - offset]
            hf = heading.features
            if 0 < hf.n_words <= self.max_heading_words and not hf.ends_sentence:
                self.remove(heading, f"heads the site's description {label}")
            self.remove_all(kept[k + 1 - offset :], f"after the site's description {label}")
            return


RULES = (SiteAbout,)
