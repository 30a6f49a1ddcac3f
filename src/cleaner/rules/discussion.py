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
    last paragraph: its characters and its prose characters (blocks no rule removed),
    summed once per page when a comment heading first asks."""

    def __init__(self, doc: Document, prose: list[int]) -> None:
        self.doc = doc
        self.prose = prose
        self._sums: tuple[list[int], list[int], int] | None = None

    def _prefix(self) -> tuple[list[int], list[int], int]:
        if self._sums is None:
            blocks = self.doc.blocks
            chars, prose = [0], [0]
            last = -1
            for j, block in enumerate(blocks):
                live = block.removal is None
                chars.append(chars[-1] + (block.features.n_chars if live else 0))
                prose.append(prose[-1] + (self.prose[j] if live else 0))
                if live and self.prose[j]:
                    last = j
            self._sums = (chars, prose, last)
        return self._sums

    def is_content(self, i: int, above: int, min_share: float, min_article: float) -> bool:
        """Whether the discussion under the heading at ``i`` is written in full
        paragraphs (``min_share`` of its characters prose) and holds at least
        ``min_article`` of the prose ``above`` it."""
        chars, prose, last = self._prefix()
        if last <= i:
            return False
        text = chars[last + 1] - chars[i + 1]
        posts = prose[last + 1] - prose[i + 1]
        return posts >= min_share * text and posts >= min_article * above
