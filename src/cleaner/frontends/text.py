"""The text front-end: an innerText-style dump, one block per non-empty line."""

from __future__ import annotations

from collections.abc import Sequence

from ..blocks import Block, BlockKind


def text_to_blocks(text: str) -> list[Block]:
    """One block per non-empty line, stripped of surrounding white space.

    A line printed again (a menu on every page of a dump) shares its first copy's
    string and features, which depend on the text alone (``compute_features`` fills
    them once): half the lines of the 2 MB page of short lines in the memory tests are
    copies, and sharing took its peak from 19.9 to 18.0 times the input.

    ``gap_before`` records whether blank lines separated a block from the previous one:
    players and their titles sit on adjacent lines, paragraphs are apart. Where the
    compiled walk is used, its twin makes them (``_ctextlines.pxi``: the same blocks,
    each made without the dataclass's ``__init__``, most of a line's front-end work).
    """
    twins = _twins()
    if twins is not None and type(text) is str:
        return twins.tl_text_blocks(text)  # type: ignore[no-any-return]
    return _text_to_blocks(text)


def _text_to_blocks(text: str) -> list[Block]:
    """``text_to_blocks`` in Python (the reference of its compiled twin)."""
    blocks: list[Block] = []
    append = blocks.append
    firsts: dict[str, Block] = {}
    gap = True  # (the first block counts as apart)
    paragraph = BlockKind.PARAGRAPH
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            gap = True
            continue
        # Positional arguments, up to gap_before (Block's field order): keywords cost
        # a sixth of a line's front-end work more.
        first = firsts.get(stripped)
        if first is None:
            firsts[stripped] = block = Block(len(blocks), stripped, paragraph, 0, "", 0.0, gap)
        else:
            block = Block(len(blocks), first.text, paragraph, 0, "", 0.0, gap, first.features)
        append(block)
        gap = False
    return blocks


def blocks_again(kept: Sequence[Block]) -> list[Block]:
    """The blocks ``text_to_blocks(render_text(kept))`` makes of kept blocks of a text
    page, without rendering the page and splitting it again: each such block is one
    stripped line, and the renderer puts a blank line between them. The new blocks
    share the kept blocks' strings (a page of short lines holds no second copy), and
    their features (which ``Cleaner`` shares: no empty ones made to be replaced)."""
    twins = _twins()
    if twins is not None:
        return twins.tl_blocks_again(list(kept))  # type: ignore[no-any-return]
    return _blocks_again(kept)


def _blocks_again(kept: Sequence[Block]) -> list[Block]:
    """``blocks_again`` in Python (the reference of its compiled twin)."""
    paragraph = BlockKind.PARAGRAPH
    return [
        Block(n, block.text, paragraph, 0, "", 0.0, True, block.features)
        for n, block in enumerate(kept)
    ]


def _twins() -> object:
    """The compiled twins when the compiled walk is used here, else None (imported
    late: the HTML front-end's module decides)."""
    from .html.compiled import compiled_prepare

    return compiled_prepare()
