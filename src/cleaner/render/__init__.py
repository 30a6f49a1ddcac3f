"""Renderers: blocks to output.

``render_text`` is what every call pays for; Markdown (``render.markdown``), HTML
(``render.html``) and the JSON document (``render.document``) are imported only by
callers who ask for them. ``render.outputs`` assembles a cleaned page's ``Result``.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..blocks import Block

__all__ = ["render_text"]


def render_text(blocks: Iterable[Block]) -> str:
    """Kept blocks, unaltered, in order, separated by one blank line."""
    return "\n\n".join(b.text for b in blocks if b.removal is None)
