"""Making blocks from what the walk collected: text runs, ``<pre>``, data tables; and
finishing them after the walk (the deferred prunings, indexes, elements, paths).

Block text is the visible text with white space collapsed to single spaces. A single
``<br>`` becomes a newline inside the block; two or more in a row end the block, as
paragraph breaks do. A data table is one block (rows on lines, cells separated by tabs,
as ``innerText`` does); ``<pre>`` keeps its newlines and indentation. Asked for markup,
each block is noted with its element, for ``markup.py`` to record what renderers need.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ...blocks import Block, BlockKind, Removal
from ...config import Config
from ...rules.anchor import find_anchor
from ...rules.prune import prune_deferred
from ...rules.tree import element_label
from ...spaces import squash
from .visible import inner_selector, unseen_inside

if TYPE_CHECKING:
    from ...rules.elements import ElementJudge
    from ...rules.prune import PruneGuard
    from ...rules.tree import Elements, TreePlan

# Context bits carried down the walk.
IN_LINK = 1
IN_QUOTE = 2
IN_CAPTION = 4
ORDERED = 8
IN_ITEM = 16
LIST_SHIFT = 8  # list depth lives in the bits above
#: A ``<br>`` inside a block's text while it is being collected (text nodes never hold
#: NUL: the parser replaces it).
BR = "\x00"

_HEADING_LEVEL = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Block kinds as plain names: reading an Enum member off its class is slow in a hot loop.
_HEADING = BlockKind.HEADING
_CAPTION = BlockKind.CAPTION
_QUOTE = BlockKind.QUOTE
_LIST_ITEM = BlockKind.LIST_ITEM
_PARAGRAPH = BlockKind.PARAGRAPH


def emit_text(
    blocks: list[Block],
    owners: list[int],
    parts: list[str],
    element: tuple[Any, ...],
    owner: int,
    link_chars: int,
    sources: list[tuple[Block, Any]] | None,
) -> None:
    """The blocks of one run of text (``parts``) inside the element row ``element``;
    with ``sources``, each block and its element go there too (for ``markup``)."""
    raw = "".join(parts)
    tag = element[3]
    ctx = element[2]
    if BR in raw:
        texts = split_breaks(raw)
        # Link characters were counted without surrounding white space; so is the
        # total.
        total = sum(map(len, texts)) - (len(texts) - 1)
    else:
        text = squash(raw)
        if not text:
            return
        texts = [text]
        total = len(text)
    level = _HEADING_LEVEL.get(tag, 0)
    if level:
        kind = _HEADING
    elif ctx & IN_CAPTION:
        kind = _CAPTION
    elif ctx & IN_QUOTE:
        kind = _QUOTE
    elif ctx & IN_ITEM:
        kind = _LIST_ITEM
    else:
        kind = _PARAGRAPH
    list_depth = ctx >> LIST_SHIFT
    ordered = bool(ctx & ORDERED)
    density = min(1.0, link_chars / total) if total > 0 else 0.0
    for text in texts:
        block = Block(
            index=len(blocks),
            text=text,
            kind=kind,
            heading_level=level,
            link_density=density,
        )
        if list_depth:
            block.list_depth = list_depth
            block.ordered = ordered
        _add(blocks, owners, sources, block, owner, element[0])


def _add(
    blocks: list[Block],
    owners: list[int],
    sources: list[tuple[Block, Any]] | None,
    block: Block,
    owner: int,
    node: Any,
) -> None:
    """Append a block made inside the element ``owner``; with ``sources``, note the
    element node it came from (for markup)."""
    blocks.append(block)
    owners.append(owner)
    if sources is not None:
        sources.append((block, node))


def emit_pre(
    blocks: list[Block],
    owners: list[int],
    node: Any,
    el: int,
    path: str,
    sources: list[tuple[Block, Any]] | None,
) -> None:
    lines = node.text().split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    if lines:
        block = Block(
            index=len(blocks),
            text="\n".join(line.rstrip() for line in lines),
            kind=BlockKind.CODE,
            path=path,
        )
        _add(blocks, owners, sources, block, el, node)


def emit_table(
    blocks: list[Block],
    owners: list[int],
    node: Any,
    el: int,
    path: str,
    sources: list[tuple[Block, Any]] | None,
) -> None:
    rows: list[tuple[str, ...]] = []
    for tr in node.css("tr"):
        cells = tuple(
            " ".join(cell.text(separator=" ").split())
            for cell in tr.iter()
            if cell.tag in ("td", "th")
        )
        if any(cells):
            rows.append(cells)
    if not rows:
        return
    text = "\n".join("\t".join(cells) for cells in rows)
    link_chars = sum(len(a.text()) for a in node.css("a[href]"))
    block = Block(
        index=len(blocks),
        text=text,
        kind=BlockKind.TABLE,
        path=path,
        link_density=min(1.0, link_chars / len(text)),
    )
    _add(blocks, owners, sources, block, el, node)


def split_breaks(raw: str) -> list[str]:
    """Text with ``<br>`` marks: lines joined by newlines, blocks split at empty lines
    and before a line of underscores (a rule drawn in text, as forum software draws it
    above a signature: the signature is no part of the post's last paragraph)."""
    out: list[str] = []
    lines: list[str] = []
    for chunk in raw.split(BR):
        line = squash(chunk)
        if line:
            if lines and not line.strip("_"):
                out.append("\n".join(lines))
                lines = []
            lines.append(line)
        elif lines:
            out.append("\n".join(lines))
            lines = []
    if lines:
        out.append("\n".join(lines))
    return out


def finish_blocks(
    blocks: list[Block],
    owners: list[int],
    el: Elements,
    protected: set[int],
    config: Config,
    compiled: Any = None,
) -> list[Block]:
    """The prose anchor, the deferred prunings; each block's index, element and path;
    each element's prose (what the main container is chosen by). ``compiled``: the
    compiled walk's module, whose ``finish_rows`` is the twin of the loop below and
    ``defer_prune`` of ``prune_deferred``."""
    anchor, keep, values = find_anchor(blocks, owners, el, config)
    prune = prune_deferred if compiled is None else compiled.defer_prune
    blocks, owners, values = prune(blocks, owners, values, el, keep, protected)
    el.anchor = anchor
    if compiled is not None:
        el.prose = compiled.finish_rows(blocks, owners, values, el)
        return blocks
    parent = el.parent
    prose = [0.0] * len(parent)
    for i, (block, owner, value) in enumerate(zip(blocks, owners, values, strict=True)):
        block.index = i
        block.element = owner
        if value:  # pruned blocks have none
            prose[owner] += value
        if not block.path:
            block.path = el.path(parent[owner], el.label(owner)) if owner else "body"
    el.prose = prose
    return blocks


def walk_path(rows: list[tuple[Any, ...]], labels: dict[int, str], owner: int, own: str) -> str:
    """'parent > element' for an element under the walk's element ``owner``."""
    if owner == 0:
        return own
    label = labels.get(owner)
    if label is None:
        label = labels[owner] = element_label(rows[owner][3], rows[owner][7])
    return f"{label} > {own}"


def make_leaf(
    blocks: list[Block],
    owners: list[int],
    elements: list[tuple[Any, ...]],
    labels: dict[int, str],
    judge: ElementJudge,
    guard: PruneGuard,
    plan: TreePlan,
    sources: list[tuple[Block, Any]] | None,
) -> Callable[[Any, str, Any, int], None]:
    """What a walk does with a ``<pre>`` or a data table (shared by both walks, so that
    the compiled one cannot drift from this one here)."""
    inner: list[str] = []  # ``unseen_inside``'s selector, made at the first pre or table

    def leaf(node: Any, tag: str, attrs: Any, owner: int) -> None:
        """A ``<pre>`` or a data table: one block, what a paragraph would lose taken out
        first (and made into removed blocks after it)."""
        if not inner:
            inner.append(inner_selector(plan))
        unseen = unseen_inside(node, inner[0], judge, guard, plan)
        path = walk_path(elements, labels, owner, element_label(tag, attrs))
        (emit_pre if tag == "pre" else emit_table)(blocks, owners, node, owner, path, sources)
        for el_tag, el_attrs, text, rule, reason in unseen:
            at = walk_path(elements, labels, owner, element_label(el_tag, el_attrs))
            removal = Removal(rule.name, rule.family, reason)
            blocks.append(Block(len(blocks), text, path=at, pruned=True, removal=removal))
            owners.append(owner)

    return leaf
