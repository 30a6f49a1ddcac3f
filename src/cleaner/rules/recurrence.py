"""Whether a trailer heading's line recurs down the page (``trailer_zone``'s test).

A label under each post of a blog's front page ('Comments (3)', 'Related posts:') is no
page end; ``Recurrence`` tells it from the page's one trailer heading.
"""

from __future__ import annotations

from ..blocks import Block
from .base import Document

__all__ = ["Recurrence"]


#: Leads a page's headings ask ``Recurrence`` about one pass each (a test per line);
#: past them, one pass indexes every lead (a long page of many posts asks many).
_SCANS_BEFORE_INDEX = 3


class Recurrence:
    """Whether a heading's line stands ``min_lines`` times on the page and again further
    down with prose between (numbers aside: 'Comments (0)' and 'Comments (7)' are one
    label). A page has one end: a trailer heading that recurs after more prose labels
    each of several posts. Each lead word a heading asks with is looked up in one pass
    over the page, and past a few such words every short line is indexed by its lead
    in one pass."""

    def __init__(self, doc: Document, prose: list[int], max_words: int, min_lines: int) -> None:
        self.doc = doc
        self.prose = prose
        self.max_words = max_words
        self.min_lines = min_lines
        # lead word -> label -> [lines, the last line, the last prose block before it]
        self._by_lead: dict[str, dict[str, list[int]]] = {}
        # lead word -> (line, the last prose block before it) of each short line it
        # opens, in one pass once _SCANS_BEFORE_INDEX leads were asked (a pass per lead
        # costs the page's length for each distinct heading: quadratic on a long page
        # of many posts).
        self._lines_by_lead: dict[str, list[tuple[int, int]]] | None = None

    @staticmethod
    def _words(block: Block) -> list[str]:
        return [w for w in block.features.tokens if not w.isdigit()]

    def _lead_lines(self) -> dict[str, list[tuple[int, int]]]:
        by_lead: dict[str, list[tuple[int, int]]] = {}
        last_prose = -1
        max_words = self.max_words
        prose = self.prose
        for j, block in enumerate(self.doc.blocks):
            f = block.features
            if f.n_words <= max_words and (tokens := f.tokens):
                lead = tokens[0]
                if lead.isdigit():  # ('3 Comments': numbers aside)
                    lead = next((w for w in tokens if not w.isdigit()), None)
                if lead is not None:
                    by_lead.setdefault(lead, []).append((j, last_prose))
            if prose[j]:
                last_prose = j
        return by_lead

    def _index(self, lead: str) -> dict[str, list[int]]:
        if self._lines_by_lead is None and len(self._by_lead) < _SCANS_BEFORE_INDEX:
            return self._scan(lead)
        if self._lines_by_lead is None:
            self._lines_by_lead = self._lead_lines()
        labels: dict[str, list[int]] = {}
        blocks = self.doc.blocks
        for j, last_prose in self._lines_by_lead.get(lead, ()):
            entry = labels.setdefault(" ".join(self._words(blocks[j])), [0, j, -1])
            entry[0] += 1
            entry[1] = j
            entry[2] = last_prose
        return labels

    def _scan(self, lead: str) -> dict[str, list[int]]:
        """``_index`` by one pass for ``lead`` alone (cheaper for the first few leads)."""
        labels: dict[str, list[int]] = {}
        last_prose = -1
        for j, block in enumerate(self.doc.blocks):
            f = block.features
            if f.n_words <= self.max_words and lead in f.tokens:
                words = self._words(block)
                if words and words[0] == lead:
                    entry = labels.setdefault(" ".join(words), [0, j, -1])
                    entry[0] += 1
                    entry[1] = j
                    entry[2] = last_prose
            if self.prose[j]:
                last_prose = j
        return labels

    def after_prose(self, i: int) -> bool:
        words = self._words(self.doc.blocks[i])
        if not words:
            return False
        labels = self._by_lead.get(words[0])
        if labels is None:
            labels = self._by_lead[words[0]] = self._index(words[0])
        # (A heading longer than max_words is indexed nowhere: no label.)
        lines, _, prose_before_last = labels.get(" ".join(words), (0, i, -1))
        return lines >= self.min_lines and prose_before_last > i
