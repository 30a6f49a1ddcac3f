"""A menu's least length inside the main content run, on the text path.

``navigation.MenuRun`` removes runs of short Title-Case lines without sentence ends: a
menu. Inside the main content run (``quality.MainContentRun``) three such lines are
more often the article's own short list (a table of contents, named products or
places, an episode guide) than a menu left over: the annotators of every text set keep
them. A run there needs one line more to count as a menu.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..blocks import Block
from ..config import Config
from .base import Document
from .params import Param

__all__ = ["RunLists"]


class RunLists:
    """Mixin of ``MenuRun``: how many lines a menu needs, inside the main run or not."""

    config: Config

    in_run_min_lines = Param(
        4,
        "Inside the main content run a menu has at least this many lines (and never fewer "
        "than Config.menu_min_lines): three short Title-Case lines in the article are "
        "its own short list.",
    )

    def menu_min_lines(self, doc: Document, run: Sequence[Block]) -> int:
        """The lines the menu-like ``run`` (non-empty) needs to go: more when it lies
        inside the main run."""
        least = self.config.menu_min_lines
        span = doc.main_run
        if span is not None and span[0] <= run[0].index and run[-1].index <= span[1]:
            return max(least, self.in_run_min_lines)
        return least
