"""Counting site templates over a batch (the first pass of ``--site-templates``).

Workers return, for each page, its site and the set of its paragraph fingerprints
(``rules.templates.fingerprint``: the site is part of the fingerprint). Here they are
counted; a paragraph is template when it occurs on at least ``min_pages`` pages of its
site and on at least ``min_share`` of them. The result is a frozenset for
``Config.site_templates``; the rule ``site_template`` does the removing.

Memory grows with the number of distinct paragraphs of the batch (one 16-character
fingerprint and a count each), not with the size of the pages.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

#: A paragraph must occur on at least this many pages of its site to be template ...
DEFAULT_MIN_PAGES = 3
#: ... and on at least this share of the site's pages in the batch.
DEFAULT_MIN_SHARE = 0.5


@dataclass
class TemplateCounter:
    min_pages: int = DEFAULT_MIN_PAGES
    min_share: float = DEFAULT_MIN_SHARE
    #: site -> pages of the site seen
    pages: Counter[str] = field(default_factory=Counter)
    #: fingerprint -> (its site, pages of the site that have it)
    counts: dict[str, tuple[str, int]] = field(default_factory=dict)

    def add(self, host: str, fingerprints: list[str]) -> None:
        """Count one page of ``host`` (each fingerprint once per page)."""
        self.pages[host] += 1
        counts = self.counts
        for fp in fingerprints:
            _, n = counts.get(fp, (host, 0))
            counts[fp] = (host, n + 1)

    def templates(self) -> frozenset[str]:
        """The fingerprints of the paragraphs that count as template."""
        return frozenset(
            fp
            for fp, (host, n) in self.counts.items()
            if n >= self.min_pages and n >= self.min_share * self.pages[host]
        )
