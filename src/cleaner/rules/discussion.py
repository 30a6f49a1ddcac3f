"""A comment section that is the page's content: a discussion in full paragraphs.

On a scraped text, a comment-section heading ends the article (``trailers.TrailerZone``);
under an old blog's post or on a forum thread, the replies are the page as much as the
post is. What tells them is their shape: posts written out in full, with few names,
dates and buttons between them, and as much prose as the article above.
"""

from __future__ import annotations

from .base import Document


class Discussion:
    """What lies under a comment-section heading on text, from the heading to the page's
    last paragraph: its characters and its prose characters (blocks no rule removed).
    The page's totals are summed when the first comment heading asks, what lies above
    each heading as the headings come in page order: one pass a page, whatever the
    number of headings, in constant memory."""

    def __init__(
        self,
        doc: Document,
        prose: list[int],
        min_share: float,
        min_article: float,
        min_paragraphs: int = 0,
    ) -> None:
        self.doc = doc
        self.prose = prose
        self.min_share = min_share
        self.min_article = min_article
        self.min_paragraphs = min_paragraphs
        self._totals: tuple[int, int, int] | None = None  # chars, prose, last paragraph
        self._at = 0  # the blocks before this one are summed in _chars and _prose
        self._chars = 0
        self._prose = 0

    def _summed(self) -> tuple[int, int, int]:
        if self._totals is None:
            blocks, prose = self.doc.blocks, self.prose
            last = next(
                (
                    j
                    for j in range(len(blocks) - 1, -1, -1)
                    if prose[j] and blocks[j].removal is None
                ),
                -1,
            )
            chars = posts = 0
            for j in range(last + 1):
                if blocks[j].removal is None:
                    chars += blocks[j].features.n_chars
                    posts += prose[j]
            self._totals = (chars, posts, last)
        return self._totals

    def is_content(self, i: int, above: int) -> bool:
        """Whether the discussion under the heading at ``i`` (called in page order) is
        written in full paragraphs (``min_share`` of its characters prose) and holds at
        least ``min_article`` of the prose ``above`` it: the page's content. Or whether
        ``min_paragraphs`` (0: never) paragraphs in a row follow the heading right away:
        a part of the article under the author's own 'Comments', not readers' posts
        (which open with a name, a date or a form)."""
        total_chars, total_prose, last = self._summed()
        blocks, prose = self.doc.blocks, self.prose
        for j in range(self._at, min(i + 1, len(blocks))):
            if blocks[j].removal is None:
                self._chars += blocks[j].features.n_chars
                self._prose += prose[j]
        self._at = max(self._at, i + 1)
        if last <= i:
            return False
        n = self.min_paragraphs
        if n and len(run := prose[i + 1 : i + 1 + n]) == n and all(run):
            return True
        text = total_chars - self._chars
        posts = total_prose - self._prose
        return posts >= self.min_share * text and posts >= self.min_article * above
