"""TrailerZone's box test: whether a trailer heading inside the article ('Read also:',
'Related posts:') opens a box that the article goes on after, on text and on HTML."""

from __future__ import annotations

import statistics

from ..blocks import Block, BlockKind
from .base import Document
from .params import Param

# Block kinds as module names: on Python 3.11 an enum member read off its class costs
# a ``__getattr__`` call (the metaclass's), ten times a global's read.
_HEADING = BlockKind.HEADING


class BoxTest:
    """Whether a trailer heading opens a box inside the article's body ('Read also:
    ...', 'Related: ...') with the article going on after it; one per page.

    The nearest prose around a heading is tracked, not searched for, so that a page of
    many headings costs one pass.
    """

    def __init__(
        self,
        doc: Document,
        prose: list[int],
        max_lines: int,
        resume: int,
        last: int,
        within: int = 0,
        share: float = 0.0,
    ) -> None:
        self.doc = doc
        self.prose = prose
        self.max_lines = max_lines
        self.resume = resume
        self.last = last
        self.within = within
        self.share = share
        # The latest block with prose before the current one, kept by the rule as it
        # passes the page's prose (a removed block, a notice between the paragraphs, is
        # no article prose).
        self.last_prose = -1
        self._next_paragraph: list[int] | None = None

    #: Whether the heading and the box's lines go when the article resumes after them
    #: (on HTML the markup rules see the box; its lines are left to them).
    removes_box = False

    def may_open(self, block: Block) -> bool:
        """Whether a heading short of the prose a cut needs may still open a box that
        goes (``removes_box``): a kept one, with prose above it (``article_resumes`` is
        false before any). The rule asks its matchers about no other such heading."""
        return self.removes_box and self.last_prose >= 0 and block.removal is None

    def article_resumes(self, i: int) -> bool:
        raise NotImplementedError


class TextBoxTest(BoxTest):
    """On text: a few lines of links, then several paragraphs in a row, with prose
    above the heading too (a box at the top of the page is no box inside the article)."""

    removes_box = True
    _final: int | None = None
    _typical: int | None = None

    def resumes_at(self, i: int) -> int:
        """The first block after the non-prose lines that follow block ``i``."""
        prose = self.prose
        j = i + 1
        while j < len(prose) and not prose[j] and j - i <= self.max_lines:
            j += 1
        return j

    def article_resumes(self, i: int) -> bool:
        j = self.resumes_at(i)
        if self.last_prose < 0 or j == i + 1:
            return False
        if self._run_starts(j):
            return True
        # The page's closing paragraphs from j: sliced only when few (a slice to the
        # page's end a heading would be quadratic on a long page of many headings).
        end = self._final_prose() + 1
        return self.last <= max(0, end - j) < self.resume and all(self.prose[j:end])

    def _run_starts(self, j: int) -> bool:
        """``resume`` paragraphs in a row at block ``j``; or, when ``j`` is prose, a little
        further on, of paragraphs of the page's usual length (a report's own short lines
        may follow the box, a subheading or a quote's attribution; a teaser list, whose
        titles alternate with summaries, may hold a short question title among them)."""
        prose, n = self.prose, self.resume
        run = prose[j : j + n]
        if len(run) == n and all(run):
            return True
        if j >= len(prose) or not prose[j]:
            return False
        least = self._typical_words() * self.share
        blocks = self.doc.blocks
        for k in range(j + 1, min(j + 1 + self.within, len(prose) - n + 1)):
            if all(prose[m] and blocks[m].features.n_words >= least for m in range(k, k + n)):
                return True
        return False

    def _typical_words(self) -> int:
        """The median length in words of the page's prose paragraphs."""
        if self._typical is None:
            blocks = self.doc.blocks
            lengths = [blocks[j].features.n_words for j, p in enumerate(self.prose) if p]
            self._typical = statistics.median_high(lengths) if lengths else 0
        return self._typical

    def _final_prose(self) -> int:
        """The last block with prose that no rule removed (a copyright line reads as a
        sentence, and the notice rule has removed it), -1 if none."""
        if self._final is None:
            blocks = self.doc.blocks
            self._final = next(
                (
                    j
                    for j in range(len(blocks) - 1, -1, -1)
                    if self.prose[j] and blocks[j].removal is None
                ),
                -1,
            )
        return self._final


class HtmlBoxTest(BoxTest):
    """On HTML: the prose paragraphs before and after the heading (or after the box's own
    lines, at most ``max_lines`` blocks) share one parent."""

    def article_resumes(self, i: int) -> bool:
        before = self.last_prose
        after = self._next_paragraphs()[i]
        if before < 0 or after < 0:
            return False
        blocks = self.doc.blocks
        path = blocks[before].path
        if not path:
            return False
        parent = _parent_path(path)
        if parent == _parent_path(blocks[after].path):
            return True
        # The box's own lines (a list of related posts) may come first: the article
        # resumes when a paragraph a few blocks on stands where those above it stood.
        lines = 0
        for j in range(i + 1, len(blocks)):
            b = blocks[j]
            if b.removal is not None:
                continue
            if self.prose[j] and b.kind is not _HEADING and _parent_path(b.path) == parent:
                return True
            lines += 1
            if lines > self.max_lines:
                break
        return False

    def _next_paragraphs(self) -> list[int]:
        """For each block, the next block with prose that is no heading (-1: none);
        the box's own title may be a heading, the article goes on in paragraphs."""
        if self._next_paragraph is None:
            blocks = self.doc.blocks
            following = [-1] * len(blocks)
            nearest = -1
            for j in range(len(blocks) - 1, -1, -1):
                following[j] = nearest
                block = blocks[j]
                if self.prose[j] and block.removal is None and block.kind is not _HEADING:
                    nearest = j
            self._next_paragraph = following
        return self._next_paragraph


def _parent_path(path: str) -> str:
    """A block's path without its own element ('div.body > p#x1' -> 'div.body'):
    paragraphs with ids of their own (generated per paragraph) still share a parent."""
    return path.rpartition(" > ")[0]


class InlineBoxParams:
    """The thresholds of the box test (a mixin of ``trailers.TrailerZone``: the rule
    declares them and hands them to its ``BoxTest``)."""

    inline_box_max_lines = Param(
        6,
        "On text, a trailer heading followed by one to this many lines that are no prose "
        "(the box's links) ... (On HTML, the article goes on when a paragraph within this "
        "many blocks after the heading stands where the paragraphs above it stood: the "
        "next post of a blog's front page after a post's related links.)",
    )
    inline_box_resume_paragraphs = Param(
        3,
        "... and then by this many paragraphs in a row opens a box inside the article, "
        "which goes on after it. (Teaser lists alternate titles and summaries, or glue "
        "them into one line right under their heading.)",
    )
    inline_box_last_paragraphs = Param(
        2,
        "... or by this many paragraphs in a row that are the last prose of the page: the "
        "article's closing paragraphs after a box (a teaser list goes on with more "
        "summaries).",
    )
    inline_box_resume_within = Param(
        3,
        "... or by a paragraph and, at most this many blocks further on, those paragraphs "
        "in a row: the article's own short lines (a subheading, a quote's attribution) "
        "may stand between (the 'More from UK' box of headlines inside a report) ...",
    )
    inline_box_resumed_share = Param(
        0.5,
        "... each of them at least this share of the page's median paragraph in words (a "
        "teaser list's summaries and question titles, shorter, make no such run).",
    )
