"""A repeated paragraph standing inside the article, on the text path.

``duplicates.ExactDuplicate`` removes every later copy of a block before the main run is
sought: a caption printed two or three times, a teaser repeating the lead, must not
stretch the run. Once the run is found, some copies standing inside it, with kept text
right before and after them, are the page's own: a forum reply quoting an earlier post
word for word under the reply's date line, or an interview putting the same
question to each guest. A pull quote, printed twice between two paragraphs, stays out;
so do copies beside other removed blocks: a caption's copies sit among photo credits and
gallery counters, an article printed twice lies past the run's end.
"""

from __future__ import annotations

from itertools import compress, count
from typing import ClassVar

from ..blocks import Block
from .base import Document, Rule
from .duplicates import ExactDuplicate
from .params import Param
from .quality import MainContentRun

__all__ = ["CopyInRun"]


class CopyInRun(Rule):
    name = "copy_in_run"
    family = "duplicates"
    description = (
        "Text only, after the main run: a block removed as a repeat (exact_duplicate) "
        "that reads as a sentence and stands between kept blocks (the nearest blocks "
        "before and after it that are no repeats) is kept again when the block before it "
        "is a short line with a date or a time (a post's header: a reply quoting an "
        "earlier post) or the page prints it refrain_min_repeats times (a question put to "
        "each guest), and the block before it is not its own first copy (a caption "
        "printed twice). It removes nothing."
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"text"})
    requires = (ExactDuplicate, MainContentRun)

    max_words = Param(
        150,
        "A copy of more words stays removed: a whole article printed again as one block "
        "(a page's data dump), not a quoted paragraph.",
    )
    refrain_min_repeats = Param(
        3,
        "A copy right after a paragraph (no post's header line above it) is kept again "
        "only when the page prints its text at least this many times: an interview's "
        "question put to each guest; a pull quote is printed twice.",
    )

    def apply(self, doc: Document) -> None:
        exact = ExactDuplicate.name
        blocks = doc.blocks
        # The repeats, picked as the loop comes to them (``_is_repeat``, inline: a call
        # a line); a page without any costs this one pass.
        repeats = compress(
            count(),
            ((r := b.removal) is not None and r.rule == exact and not b.pruned for b in blocks),
        )
        n = len(blocks)
        minimum = self.config.duplicate_min_chars
        # No list a block: a page of many short repeated lines is the case where the
        # page's peak memory is measured. Read on the repeats as the run left them (a
        # repeat taken back is never read again), so that a quote of several paragraphs
        # comes back whole. The nearest block before each repeat that is no repeat:
        # whether it is kept, a post's header line, and its text.
        last = nearest = -1  # the last repeat read, and the nearest block before it
        ahead = 0  # the nearest block after the current one that is no repeat
        for i in repeats:
            # (The blocks between two repeats are none, or pruned: not on the page the
            # rules read.)
            for j in range(i - 1, last, -1):
                if not blocks[j].pruned:
                    nearest = j
                    break
            last = i
            kept = head = False
            key = None
            if nearest >= 0:
                before = blocks[nearest]
                kept = before.removal is None
                # A post's header: a short kept line holding a date or a time.
                head = kept and before.features.digit_ratio > 0 and not doc.is_prose(before)
                key = before.features.key
            block = blocks[i]
            f = block.features
            if not (
                # Right after its own first copy: a caption printed twice.
                key != f.key
                and (head or (kept and f.repeats >= self.refrain_min_repeats))
                # A label printed over and over (short_min_repeats) stays out.
                and len(f.key) >= minimum
                and f.n_words <= self.max_words
                # A sentence, not a link line ('Continue reading the main story').
                and (f.ends_sentence or doc.is_prose(block))
            ):
                continue
            # The nearest block after it that is no repeat must be kept. (Only moves
            # forward: the blocks between are repeats, so linear over the page.)
            if ahead <= i:
                ahead = i + 1
                while ahead < n and (blocks[ahead].pruned or _is_repeat(blocks[ahead], exact)):
                    ahead += 1
            if ahead < n and blocks[ahead].removal is None:
                block.removal = None


def _is_repeat(block: Block, exact: str) -> bool:
    if block.pruned:
        return False
    removal = block.removal
    return removal is not None and removal.rule == exact


RULES = (CopyInRun,)
