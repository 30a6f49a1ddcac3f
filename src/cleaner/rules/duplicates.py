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
        "one (a caption or heading printed twice; Config.html_duplicate_max_distance)."
    )

    short_min_repeats = Param(
        10,
        "A block shorter than Config.duplicate_min_chars goes as a repeat too when its "
        "text occurs at least this many times on the page: a line printed over and over "
        "(a broken or hostile page), not a short label that recurs a few times. Text "
        "only: on HTML the markup rules see repeated furniture.",
    )

    def __init__(self, config: Config, phrases: PhraseBook) -> None:
        super().__init__(config, phrases)
        #: How far (in blocks the front-end kept) a copy may follow the previous one to
        #: count; None: any distance (text).
        self.max_distance: int | None = None
        #: The repeats from which a short block counts (None: never; HTML).
        self.short_repeats: int | None = None

    def for_kind(self, kind: str) -> ExactDuplicate:
        rule = copy.copy(self)
        rule.max_distance = self.config.html_duplicate_max_distance if kind == "html" else None
        rule.short_repeats = None if kind == "html" else self.short_min_repeats
        return rule

    def apply(self, doc: Document) -> None:
        # key -> (index of the first copy, position of the latest copy among the blocks
        # the front-end kept)
        seen: dict[str, tuple[int, int]] = {}
        minimum = self.config.duplicate_min_chars
        max_distance = self.max_distance
        short_repeats = self.short_repeats
        position = 0
        for block in doc.blocks:
            # A block the front-end pruned is no copy: the article keeps its own.
            if block.pruned:
                continue
            position += 1
            key = block.features.key
            repeats = block.features.repeats
            if repeats <= 1 or (
                len(key) < minimum and (short_repeats is None or repeats < short_repeats)
            ):
                continue
            if key not in seen:
                seen[key] = (block.index, position)
                continue
            first, latest = seen[key]
            seen[key] = (first, position)
            if block.removal is None and (
                max_distance is None or position - latest <= max_distance
            ):
                self.remove(block, f"repeats block {first} {quote(block.text)}")


class ContainedDuplicate(Rule):
    name = "contained_duplicate"
    family = "duplicates"
    description = (
        "A block contained in a longer block elsewhere on the page (a pull quote, a "
        "paragraph printed once cut short): the fuller copy stays."
    )

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
