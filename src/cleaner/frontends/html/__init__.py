"""The HTML front-end: a whole page becomes the shared block list.

``parse.py`` parses a page once with selectolax's Lexbor parser (deep nesting limited
first); ``walk.py`` walks it into blocks (``blocks.py`` makes them; ``visible.py``
shows declarative shadow roots and takes what is hidden out of ``<pre>`` and data
tables), asking the tree rules (``rules/tree.py``, ``rules/markup.py``) about its
elements. What the rules decide, and why, lives under ``rules/``: element judging
(``rules/elements.py``), the prose anchor (``rules/anchor.py``), the guards and deferred
prunings (``rules/prune.py``), the main content container (``rules/container.py``).
"""

from __future__ import annotations

from .parse import MAX_NESTING, limit_nesting, parse_html
from .walk import html_to_blocks, walk_html

__all__ = ["MAX_NESTING", "html_to_blocks", "limit_nesting", "parse_html", "walk_html"]
