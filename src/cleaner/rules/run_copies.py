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

from typing import ClassVar

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
        blocks = [b for b in doc.blocks if not b.pruned]
        repeat = [b.removal is not None and b.removal.rule == ExactDuplicate.name for b in blocks]
        if not any(repeat):
            return
        n = len(blocks)
        # The nearest block before (after) each one that is no repeat: whether it is kept,
        # and before, whether it is a post's header line and its text. Read
        # on the repeats as the run left them, so that a quote of several paragraphs
        # comes back whole.
        kept_before = [False] * n
        head_before = [False] * n
        key_before: list[str | None] = [None] * n
        kept = head = False
        key = None
        for i in range(n):
            kept_before[i] = kept
            head_before[i] = head
            key_before[i] = key
            if not repeat[i]:
                b = blocks[i]
                kept = b.removal is None
                # A post's header: a short kept line holding a date or a time.
                head = kept and b.features.digit_ratio > 0 and not doc.is_prose(b)
                key = b.features.key
        kept_after = [False] * n
        kept = False
        for i in range(n - 1, -1, -1):
            kept_after[i] = kept
            if not repeat[i]:
                kept = blocks[i].removal is None
        minimum = self.config.duplicate_min_chars
        for i, block in enumerate(blocks):
            f = block.features
            if (
                repeat[i]
                and kept_after[i]
                # Right after its own first copy: a caption printed twice.
                and key_before[i] != f.key
                and (head_before[i] or (kept_before[i] and f.repeats >= self.refrain_min_repeats))
                # A label printed over and over (short_min_repeats) stays out.
                and len(f.key) >= minimum
                and f.n_words <= self.max_words
                # A sentence, not a link line ('Continue reading the main story').
                and (f.ends_sentence or doc.is_prose(block))
            ):
                block.removal = None


RULES = (CopyInRun,)
