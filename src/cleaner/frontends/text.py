"""The text front-end: an innerText-style dump, one block per non-empty line."""

from __future__ import annotations

from ..blocks import Block


def text_to_blocks(text: str) -> list[Block]:
    """One block per non-empty line, stripped of surrounding white space.

    ``gap_before`` records whether blank lines separated a block from the previous one:
    players and their titles sit on adjacent lines, paragraphs are apart.
    """
    blocks: list[Block] = []
    gap = False
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            gap = True
            continue
        block = Block(index=len(blocks), text=stripped, gap_before=gap or not blocks)
        blocks.append(block)
        gap = False
    return blocks
