"""Repeated text: exact repeats, captions printed twice, pull quotes, short copies."""

from __future__ import annotations

import copy
from collections import Counter, defaultdict
from itertools import chain

from ..blocks import BlockKind
from ..config import Config
from ..phrases import PhraseBook
from .base import Document, Rule, quote
from .params import Param
from .run_scores import compiled_twins

_QUOTE = BlockKind.QUOTE


class ExactDuplicate(Rule):
    name = "exact_duplicate"
    family = "duplicates"
    description = (
        "A block whose text (casefolded, punctuation and spacing ignored) appeared earlier "
        "on the page: the first copy stays. On HTML only a copy close after the previous "
        "one (a caption or heading printed twice; Config.html_duplicate_max_distance) and "
        "only a short one (Config.html_duplicate_max_words): a paragraph printed again is "
        "the page's own; or any copy in an element repeating a sibling element whole (the "
        "article printed twice, a desktop and a mobile copy)."
    )

    html_copy_min_blocks = Param(
        3,
        "On HTML, a copy farther away still goes when its element repeats a sibling "
        "element block for block, with at least this many blocks of duplicate_min_chars "
        "or more outside quotes: the article printed twice (a desktop and a mobile copy). "
        "The article's own repeats (a recipe step, a spec) come one at a time.",
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
        #: Copies of at least this many words are kept; None: any length (text).
        self.max_words: int | None = None
        #: The repeats from which a short block counts (None: never; HTML).
        self.short_repeats: int | None = None

    def for_kind(self, kind: str) -> ExactDuplicate:
        rule = copy.copy(self)
        html = kind == "html"
        rule.max_distance = self.config.html_duplicate_max_distance if html else None
        rule.max_words = self.config.html_duplicate_max_words if html else None
        rule.short_repeats = None if html else self.short_min_repeats
        return rule

    def apply(self, doc: Document) -> None:
        # key -> (index of the first copy, position of the latest copy among the blocks
        # the front-end kept)
        seen: dict[str, tuple[int, int]] = {}
        minimum = self.config.duplicate_min_chars
        max_distance = self.max_distance
        max_words = self.max_words
        short_repeats = self.short_repeats
        position = 0
        blocks = doc.blocks
        if max_distance is None:
            # No distance to count (text): only the blocks repeated on the page are
            # looked at, picked in one comprehension (most blocks are no repeat).
            blocks = [b for b in blocks if b.features.repeats > 1]
        for block in blocks:
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
            if (
                block.removal is None
                and (max_distance is None or position - latest <= max_distance)
                and (max_words is None or block.features.n_words < max_words)
            ):
                self.remove(block, f"repeats block {first} {quote(block.text)}")
        if max_distance is not None:
            self._remove_copied_elements(doc)

    def _remove_copied_elements(self, doc: Document) -> None:
        """On HTML, remove the blocks of an element repeating a sibling element block
        for block (the article printed twice, a desktop and a mobile copy): at least
        ``html_copy_min_blocks`` blocks of ``duplicate_min_chars`` or more."""
        el = doc.elements
        if el is None:
            return
        minimum = self.config.duplicate_min_chars
        kept = [b for b in doc.blocks if not b.pruned]
        # The blocks that count below each have a copy in the sibling: a key the page
        # holds twice (features.repeats), or none (no features: removed before them).
        # Fewer than html_copy_min_blocks such blocks on the page: no element to compare.
        counted = 0
        for b in kept:
            f = b.features
            if (f.repeats > 1 or not f.key) and len(f.key) >= minimum and b.kind is not _QUOTE:
                counted += 1
        if counted < self.html_copy_min_blocks:
            return
        n = len(el.parent)
        # Each element's blocks are a run of ``kept``: [lo, hi) (lo == hi: none).
        lo = [len(kept)] * n
        hi = [0] * n
        for q, block in enumerate(kept):
            e = block.element
            if lo[e] > q:
                lo[e] = q
            hi[e] = q + 1
        for e in range(n - 1, 0, -1):
            up = el.parent[e]
            if lo[e] < hi[e]:
                lo[up] = min(lo[up], lo[e])
                hi[up] = max(hi[up], hi[e])
        parent = el.parent

        def keys(e: int) -> tuple[object, ...]:
            return (parent[e], *(b.features.key for b in kept[lo[e] : hi[e]]))

        # Elements are compared whole only when a sibling before them has as many
        # blocks, opening and closing alike: a page of nested elements costs one pass.
        first_like: dict[tuple[object, ...], int] = {}
        seen: dict[tuple[object, ...], int] = {}  # (parent, keys...) of compared ones
        compared: set[int] = set()
        for e in range(1, n):
            size = hi[e] - lo[e]
            if size < self.html_copy_min_blocks:
                continue
            sig = (parent[e], size, kept[lo[e]].features.key, kept[hi[e] - 1].features.key)
            first = first_like.setdefault(sig, e)
            if first == e:
                continue
            if first not in compared:
                compared.add(first)
                seen.setdefault(keys(first), first)
            other = seen.setdefault(keys(e), e)
            if other == e:
                continue
            run = kept[lo[e] : hi[e]]
            # (Quoted blocks do not count: a quotation repeats what it quotes.)
            counted = sum(len(b.features.key) >= minimum and b.kind is not _QUOTE for b in run)
            if counted < self.html_copy_min_blocks:
                continue
            span = f"blocks {run[0].index}-{run[-1].index}"
            label = el.label(other)
            for block, original in zip(run, kept[lo[other] : hi[other]], strict=True):
                self.remove(
                    block,
                    f"{span} repeat the sibling {label}: block {original.index} "
                    f"{quote(block.text)}",
                )


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
        # (The kept blocks read straight off the list, not through ``Document.kept``'s
        # generator: a step a block fewer.)
        candidates = [
            b
            for b in doc.blocks
            if b.removal is None and (f := b.features).n_words >= min_words and f.repeats == 1
        ]
        if len(candidates) <= 1:
            return
        # A block contained in another holds that block's rarest word at the matching
        # place: look each block up at the few places its rarest word occurs (one search
        # per block through all the others would be quadratic on long pages).
        # ``tokens`` are the words of ``key``, already split.
        words = [b.features.tokens for b in candidates]
        twins = compiled_twins()
        most = self.max_anchor_occurrences
        anchors = twins.cd_anchors(words, most) if twins is not None else py_anchors(words, most)
        wanted = {anchor[0] for anchor in anchors if anchor is not None}
        if not wanted:
            return
        # The candidates holding each anchor, in page order (a set intersection a
        # candidate, in C, not a look-up a word).
        holding: defaultdict[str, list[int]] = defaultdict(list)
        for c, tokens in enumerate(words):
            if not wanted.isdisjoint(tokens):
                for word in wanted.intersection(tokens):
                    holding[word].append(c)
        # A block's words stand one after the other in another's when its words, a
        # space each side, are in the other's: no word holds a space.
        spaced: dict[int, str] = {}
        for k, block in enumerate(candidates):
            if anchors[k] is None:
                continue
            anchor = anchors[k][0]
            key_chars = len(block.features.key)
            inner = spaced.get(k) or spaced.setdefault(k, f" {' '.join(words[k])} ")
            # In page order, so the first fuller copy found is the earliest.
            for c in holding[anchor]:
                other = candidates[c]
                if (
                    c != k
                    and len(other.features.key) > key_chars
                    and other.removal is None
                    and inner in (spaced.get(c) or spaced.setdefault(c, f" {' '.join(words[c])} "))
                ):
                    self.remove(block, f"a shorter copy of block {other.index} {quote(block.text)}")
                    break


def py_anchors(words: list[tuple[str, ...]], most: int) -> list[tuple[str, int] | None]:
    """For each block's words: its first rarest word among all the blocks' words and
    that word's place, or None when one of its words occurs only once (no other block
    holds it) or its rarest more than ``most`` times (``_cdupes.pxi``'s ``cd_anchors``
    is the compiled twin)."""
    frequency = Counter(chain.from_iterable(words))
    count = frequency.__getitem__
    anchors: list[tuple[str, int] | None] = []
    for tokens in words:
        # No tokens: words made of combining marks alone have an empty key. A block
        # holding a word found only once holds it alone: no other block holds a
        # copy of it (most blocks; counts looked up in C, not a key call each).
        # (``in`` stops at the first such word: C-level, most blocks early.)
        if not tokens or 1 in map(count, tokens):
            anchors.append(None)
            continue
        # The first of the rarest words.
        counts = list(map(count, tokens))
        rarest = min(counts)
        if not rarest <= most:
            anchors.append(None)
            continue
        offset = counts.index(rarest)
        anchors.append((tokens[offset], offset))
    return anchors


RULES = (ExactDuplicate, ContainedDuplicate)
