"""Renderers: blocks to output."""

from __future__ import annotations

from collections.abc import Iterable

from .blocks import Block


def render_text(blocks: Iterable[Block]) -> str:
    """Kept blocks, unaltered, in order, separated by one blank line."""
    return "\n\n".join(b.text for b in blocks if b.removal is None)
