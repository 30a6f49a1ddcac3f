"""Repeated text: exact repeats, captions printed twice, pull quotes, short copies."""

from __future__ import annotations

import copy
from collections import Counter, defaultdict
from itertools import chain

from ..config import Config
from ..phrases import PhraseBook
from .base import Document, Rule, quote
from .params import Param


class ExactDuplicate(Rule):
    name = "exact_duplicate"
    family = "duplicates"
    description = (
        "A block whose text (casefolded, punctuation and spacing ignored) appeared earlier "
        "on the page: the first copy stays. On HTML only a copy close after the previous "
        "one (a caption or heading printed twice; Config.html_duplicate_max_distance), and "
        "only a short one (Config.html_duplicate_max_words): a paragraph printed again is "
        "the page's own."
    )

    def __init__(self, config: Config, phrases: PhraseBook) -> None:
        super().__init__(config, phrases)
        #: How far (in blocks the front-end kept) a copy may follow the previous one to
        #: count; None: any distance (text).
        self.max_distance: int | None = None
        #: Copies of at least this many words are kept; None: any length (text).
        self.max_words: int | None = None

    def for_kind(self, kind: str) -> ExactDuplicate:
        rule = copy.copy(self)
        html = kind == "html"
        rule.max_distance = self.config.html_duplicate_max_distance if html else None
        rule.max_words = self.config.html_duplicate_max_words if html else None
        return rule

    def apply(self, doc: Document) -> None:
        # key -> (index of the first copy, position of the latest copy among the blocks
        # the front-end kept)
        seen: dict[str, tuple[int, int]] = {}
        minimum = self.config.duplicate_min_chars
        max_distance = self.max_distance
        max_words = self.max_words
        position = 0
        for block in doc.blocks:
            # A block the front-end pruned is no copy: the article keeps its own.
            if block.pruned:
                continue
            position += 1
            key = block.features.key
            if block.features.repeats <= 1 or len(key) < minimum:
                continue
            if key not in seen:
                seen[key] = (block.index, position)
                continue
            first, latest = seen[key]
            seen[key] = (first, position)
            if (
                block.removal is None
                and (max_distance is None or position - latest <= max_distance)
                and (max_words is None or block.features.n_words < max_words)
            ):
                self.remove(block, f"repeats block {first} {quote(block.text)}")


class ContainedDuplicate(Rule):
    name = "contained_duplicate"
    family = "duplicates"
    description = (
        "A block contained in a longer block elsewhere on the page (a pull quote, a "
        "paragraph printed once cut short): the fuller copy stays. Text only: on HTML "
        "the markup names pull quotes (pull_quote_markup), and what the tree leaves "
        "repeated (a quoted post, a summary before its full text) is the page's own."
    )
    # On the HTML benchmark sets the annotators keep more of these shorter copies than
    # they drop, on every set and both halves; a scraped text has no markup to go by.
    kinds = frozenset({"text"})

    max_anchor_occurrences = Param(
        64,
        "A block whose rarest word occurs more often than this on the page is not checked "
        "for being a shorter copy: that bounds the places each block is compared at, which "
        "keeps the rule linear in the page (natural pages stay far below it).",
    )

    def apply(self, doc: Document) -> None:
        min_words = self.config.contained_min_words
        candidates = [
            b for b in doc.kept() if b.features.n_words >= min_words and b.features.repeats == 1
        ]
        if len(candidates) <= 1:
            return
        # A block contained in another holds that block's rarest word at the matching
        # place: look each block up at the few places its rarest word occurs (one search
        # per block through all the others would be quadratic on long pages).
        # ``tokens`` are the words of ``key``, already split.
        words = [b.features.tokens for b in candidates]
        frequency = Counter(chain.from_iterable(words))
        anchors: list[tuple[str, int] | None] = []
        wanted: set[str] = set()
        for tokens in words:
            # No tokens: words made of combining marks alone have an empty key.
            anchor = min(tokens, key=frequency.__getitem__) if tokens else None
            # A rarest word found only once is only in the block itself: no other block
            # holds a copy of it (most blocks, so most pages look nothing up).
            if anchor is None or not 1 < frequency[anchor] <= self.max_anchor_occurrences:
                anchors.append(None)
                continue
            anchors.append((anchor, tokens.index(anchor)))
            wanted.add(anchor)
        if not wanted:
            return
        places: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
        for c, tokens in enumerate(words):
            if wanted.isdisjoint(tokens):
                continue
            for p, word in enumerate(tokens):
                if word in wanted:
                    places[word].append((c, p))
        for k, block in enumerate(candidates):
            if anchors[k] is None:
                continue
            anchor, offset = anchors[k]
            tokens = words[k]
            key_chars = len(block.features.key)
            # Places come in page order, so the first fuller copy found is the earliest.
            for c, p in places[anchor]:
                start = p - offset
                other = candidates[c]
                if (
                    c != k
                    and start >= 0
                    and len(other.features.key) > key_chars
                    and other.removal is None
                    and words[c][start : start + len(tokens)] == tokens
                ):
                    self.remove(block, f"a shorter copy of block {other.index} {quote(block.text)}")
                    break


RULES = (ExactDuplicate, ContainedDuplicate)
