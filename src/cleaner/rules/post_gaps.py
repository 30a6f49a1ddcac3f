"""A thread's next post past its author cell, on the text path.

An innerText dump of a forum thread or a Q&A page prints each post's author cell and
buttons between the posts: the member's name and rank, 'Joined', 'Messages', a date,
'Like', 'Reply', 'Report'. Those short lines cost the main content run
(``quality.MainContentRun``) a penalty each, so the run keeps the posts it started in
and cuts the last ones, past a cell it could not pay for. The cells of one thread repeat
the same labels: a gap past the run's edge made mostly of lines already printed between
the run's own posts is the next cell of the same thread, and the post after it is the
thread's. A box after the article (a teaser list, a footer, a comment form) repeats none
of the article's lines and stays out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..blocks import Block
from .base import Document
from .params import Param

__all__ = ["PostGaps", "cell_shape"]

#: Removals that end the thread: a trailer ('Similar threads', 'Comments').
_END_FAMILIES = frozenset({"trailers"})
#: A number, with its separators ('6.412', '14.02.2009', '19:42').
_NUMBER = re.compile(r"\d[\d.,:]*")
#: A cell's 'Label: value' line ('Ort: Kassel', 'Posts: 288'): the label alone.
_LABEL = re.compile(r"^([^\W\d_][^:\n]{0,30}):\s")


def cell_shape(text: str) -> str:
    """A line as a cell prints it for every post: a field's label alone, other lines with
    their numbers blanked (a cell's counts, places and dates differ per post)."""
    text = text.strip()
    label = _LABEL.match(text)
    return label.group(1) + ":" if label else _NUMBER.sub("0", text)


class PostGaps:
    """Mixin of ``MainContentRun``: its run stretched over author cells like its own."""

    post_gap_max_lines = Param(
        16,
        "The run's edge reaches over at most this many kept non-prose lines to the next "
        "post (an author cell: name, rank, join date, counts, buttons) ...",
    )
    post_gap_min_repeats = Param(
        2,
        "... when at least this many of those lines are printed between the run's own "
        "posts too ('Joined', 'Messages', 'Reply' under each post) ...",
    )
    post_gap_repeat_share = Param(
        0.5,
        "... and at least this share of them are (a cell's name and date are its own).",
    )

    def take_posts(
        self, doc: Document, kept: Sequence[Block], start: int, end: int
    ) -> tuple[int, int]:
        """The run ``start``..``end`` (positions in ``kept``) stretched over gaps like its
        own cells to the posts past them."""
        if self.post_gap_min_repeats <= 0:
            return start, end
        # Forward only: before a thread's first post come its title, breadcrumbs and
        # the board's own cells, not a post cut off (and stretching back costs more
        # than it brings on every set).
        return start, self._reach(doc, kept, start, end, 1)

    def _reach(self, doc: Document, kept: Sequence[Block], start: int, edge: int, way: int) -> int:
        """The run's ``edge`` moved ``way`` (1: forward, -1: back) over each gap like the
        run's cells (those of ``start``..``edge``), and the prose past it."""
        n = len(kept)
        chars = doc.prose_chars()  # (by block: prose where above 0)
        own: set[str] | None = None  # the run's cells, worked out when a gap needs them
        while True:
            nxt = edge + way
            while (
                0 <= nxt < n
                and abs(nxt - edge) <= self.post_gap_max_lines
                and not chars[kept[nxt].index]
            ):
                nxt += way
            # Past the gap (at most post_gap_max_lines lines, at least one): prose.
            if not 0 <= nxt < n or abs(nxt - edge) == 1 or not chars[kept[nxt].index]:
                return edge
            lo, hi = sorted((kept[edge].index, kept[nxt].index))
            # Every line of the gap, removed ones too (a cell's counts and labels).
            gap = [b for b in doc.blocks[lo + 1 : hi] if b.text.strip()]
            if any(b.removal is not None and b.removal.family in _END_FAMILIES for b in gap):
                return edge
            if own is None:
                first, last = sorted((kept[start].index, kept[edge].index))
                run = doc.blocks[first : last + 1]
                own = {cell_shape(b.text) for b in run if not chars[b.index]}
            repeats = sum(1 for b in gap if cell_shape(b.text) in own)
            if repeats < self.post_gap_min_repeats or repeats < self.post_gap_repeat_share * len(
                gap
            ):
                return edge
            edge = nxt
            while 0 <= edge + way < n and chars[kept[edge + way].index]:
                edge += way
            own.update(cell_shape(b.text) for b in gap)
