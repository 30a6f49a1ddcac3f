"""The article's head in scraped text: its dateline and byline lines.

On HTML a byline or a date is an element (byline markup, ``<time>``); in a text dump it
is a short line between the headline and the first paragraphs ('By Jane Doe',
'Published Monday, Nov. 18, 2019 8:22 AM EST', 'By HNN Staff | November 18, 2019 at
2:26 PM'). The main run takes such lines in with the paragraphs around them; this rule
takes them out again, only in the run's head (above its second paragraph) and only on
a page that dates few of its lines (a blog's or an archive's dated entries are its
content).
"""

from __future__ import annotations

from itertools import islice

import regex

from ..blocks import Block
from ..config import Config
from ..features import words_of
from ..phrases import PhraseBook
from .base import Document, Rule, quote
from .params import Param
from .quality import MainContentRun

#: A date written in numbers: 18/11/2019, 2019-11-18, 18.11.19.
_NUMERIC_DATE = regex.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b")


class HeadDateline(Rule):
    name = "head_dateline"
    family = "quality"
    description = (
        "A dateline or byline line in the head of the main run, above its second "
        "paragraph: a date with at most a few other words ('Published Monday, Nov. 18, "
        "2019 8:22 AM EST', 'By HNN Staff | November 18, 2019') or 'By' and a name "
        "('By Jane Doe'); not on pages that date many lines."
    )
    # On HTML bylines and dates are elements the markup rules judge.
    kinds = frozenset({"text"})
    requires = (MainContentRun,)

    head_paragraphs = Param(
        2,
        "The run's head ends at its this-many-th prose block (a standfirst may come "
        "before the dateline).",
    )
    max_dated_lines = Param(
        2,
        "A page whose run holds more than this many dated lines dates its entries (a "
        "blog, an archive, a calendar): its dates are content.",
    )
    max_words = Param(20, "A dateline has at most this many words ...")
    max_other_words = Param(
        3,
        "... of which at most this many are neither numbers nor dateline words (a "
        "byline's name, 'HNN Staff').",
    )
    byline_max_words = Param(
        8, "A byline ('By Jane Doe | Special to the Times') has at most this many words."
    )

    def __init__(self, config: Config, phrases: PhraseBook) -> None:
        super().__init__(config, phrases)
        self.months = phrases.words("month_names")
        self.by = phrases.words("byline_lead")
        self.filler = phrases.words("dateline_words") | self.months | self.by

    def apply(self, doc: Document) -> None:
        if doc.main_run is None:
            return
        first, last = doc.main_run
        run = doc.blocks[first : last + 1]
        # The head's datelines and bylines first: most pages have none, and go without
        # the count of the run's dated lines (the whole run's lines looked at).
        found = []
        paragraphs = 0
        for block in run:
            if block.removal is not None:
                continue
            if doc.is_prose(block):
                paragraphs += 1
                if paragraphs >= self.head_paragraphs:
                    break
                continue
            if self._dated(block) and self._dateline(block):
                found.append((block, "a dateline"))
            elif self._byline(block):
                found.append((block, "a byline"))
        if not found:
            return
        # (Counted up to one past the most: that many already says the page dates lines.
        # ``_dated``'s first tests inline: most lines are too long or hold no digit, and
        # go without a call.)
        max_words = self.max_words
        dated = (
            b
            for b in run
            if b.removal is None
            and 0 < (f := b.features).n_words <= max_words
            and (f.digit_ratio or not f.folded.isascii())
            and self._dated(b)
        )
        if len(list(islice(dated, self.max_dated_lines + 1))) > self.max_dated_lines:
            return
        for block, what in found:
            self.remove(block, f"{what} in the article's head ({quote(block.text)})")

    def _dated(self, block: Block) -> bool:
        """A line with a date: a month's name beside a number, or a date in numbers."""
        f = block.features
        if f.n_words > self.max_words or f.n_words == 0:
            return False
        if not f.digit_ratio and f.folded.isascii():
            # No ASCII digit (digit_ratio counts them), and no other kind of digit in
            # ASCII text: no number, no date (most lines, without a split or a search).
            return False
        words = words_of(f.folded)
        has_number = any(w.isdigit() for w in words)
        folded = f.folded
        # (A date in numbers holds '.', '/' or '-': most lines go without the search.)
        return (has_number and not self.months.isdisjoint(words)) or (
            ("." in folded or "/" in folded or "-" in folded) and bool(_NUMERIC_DATE.search(folded))
        )

    def _dateline(self, block: Block) -> bool:
        """Little besides the date: a tweet's signature names a handle, a sentence
        (ending with a full stop) says more."""
        text = block.text.rstrip()
        if "@" in text or (text.endswith(".") and not text.endswith(("a.m.", "p.m."))):
            return False
        other = [
            w
            for w in words_of(block.features.folded)
            if not w.isdigit() and w not in self.filler and not w[:1].isdigit()
        ]
        return len(other) <= self.max_other_words

    def _byline(self, block: Block) -> bool:
        f = block.features
        if f.n_words > self.byline_max_words or f.ends_sentence:
            return False
        words = words_of(block.text)
        return (
            len(words) > 1
            and words[0].casefold() in self.by
            and words[1][:1].isupper()
            and "@" not in block.text
        )


RULES = (HeadDateline,)
