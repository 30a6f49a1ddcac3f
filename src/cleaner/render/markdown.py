"""Kept blocks as Markdown (CommonMark, with GitHub's pipe tables).

Structure comes from the blocks: headings by level, paragraphs, nested ordered and
unordered lists, block quotes, tables, fenced code. The words are the words of the text
output, in the same order: every literal Markdown character in the text is escaped, so
the Markdown renders as the page read. Links, emphasis and images are options. All of it
is read from the blocks: what the front-end recorded of the page's markup
(``Block.markup``: inline marks, list items and quotes, code language, table grid).

From raw text input (no markup), the Markdown is the escaped paragraphs: there is
no structure to invent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..blocks import Block, BlockKind, Markup
from .inline import InlineOptions, inline_lines

__all__ = ["escape_line", "escape_text", "render_markdown"]

# -- escaping -------------------------------------------------------------------------------

#: Characters that start inline constructs wherever they stand (code spans, emphasis,
#: links, raw HTML and autolinks, table cells, strikethrough, escapes themselves);
#: ``_`` only off word boundaries (``snake_case`` is never emphasis); ``&`` only
#: before something that reads as an entity reference.
_INLINE_SPECIAL = re.compile(r"[\\`*\[\]<|~]|(?<![^\W_])_|_(?![^\W_])|&(?=#?\w+;)")
#: What makes a line a block construct: ATX headings, quotes, bullets, setext
#: underlines and thematic breaks (``=``, ``-``, ``+``), ordered-list markers.
_LINE_START = re.compile(r"[#>+=-]|\d{1,9}(?=[.)](?:\s|$))")


def escape_text(text: str) -> str:
    """``text`` with every inline Markdown character escaped (no line-start rules)."""
    return _INLINE_SPECIAL.sub(r"\\\g<0>", text)


def escape_line(text: str) -> str:
    """One line of a paragraph: inline characters escaped, and a leading character that
    would make the line a heading, quote, list item or rule."""
    return escape_start(escape_text(text.strip()))


def escape_start(line: str) -> str:
    """Escape what would make an already inline-escaped line a block construct."""
    match = _LINE_START.match(line)
    if match is None:
        return line
    if match.group(0)[0].isdigit():
        at = match.end()
        return f"{line[:at]}\\{line[at:]}"
    return "\\" + line


def _hard_breaks(lines: Sequence[str], indent: str = "") -> list[str]:
    """Lines of one paragraph joined by hard line breaks (a trailing backslash)."""
    out = [line + "\\" for line in lines[:-1]]
    out.append(lines[-1])
    return [out[0], *(indent + line for line in out[1:])]


# -- blocks ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _Level:
    """An open list level: its depth in the page, the column its items' text starts at,
    which list it is (0: none recorded) and the next number."""

    depth: int
    column: int
    list_id: int
    number: int


#: Where a block without recorded markup sits (raw text input): in no list, and a quote
#: is one level deep.
_NO_CONTEXT = Markup()
_QUOTE_CONTEXT = Markup(quote_level=1)


def render_markdown(
    blocks: Iterable[Block],
    *,
    title: str | None = None,
    links: bool = False,
    emphasis: bool = False,
    images: bool = False,
    base_url: str | None = None,
) -> str:
    """The kept blocks as Markdown; ``title`` first as a level-1 heading when given.

    ``links``: ``[text](url)`` for links; ``emphasis``: bold, italics and inline code;
    ``images``: ``![alt](src)`` for images inside kept paragraphs. ``base_url`` makes
    relative link and image addresses absolute.
    """
    options = InlineOptions(links, emphasis, images, base_url)
    inline = options if (links or emphasis or images) else None
    out: list[str] = []
    if title:
        out.append("# " + escape_heading(title))
    levels: list[_Level] = []
    prev: Markup | None = None
    prev_was_item = False
    top_list = 0  # the list of the open top-level list
    top_ordered = False
    alternate = False  # bullet '*' / number ')' instead of '-' / '.'
    for block in blocks:
        if block.removal is not None:
            continue
        ctx = _context(block)
        is_item = block.list_depth > 0 and block.kind in _ITEM_KINDS
        in_list = is_item and prev_was_item and prev is not None and ctx.quote_id == prev.quote_id
        if not in_list:
            levels = []
        lines: list[str]
        if in_list and ctx.list_item and prev is not None and ctx.list_item == prev.list_item:
            # Another paragraph of the same item: a blank line, indented to its text.
            indent = " " * levels[-1].column
            body = _hard_breaks(_text_lines(block, inline), indent)
            lines = ["", indent + body[0], *body[1:]]
        elif is_item:
            level, indent, opened = _open_item(levels, block, ctx)
            top = len(levels) == 1
            if top and opened:
                # Two lists one after the other: another bullet keeps them apart.
                after_list = in_list and ctx.list_id != top_list and block.ordered == top_ordered
                alternate = (not alternate) if after_list else False
                top_list, top_ordered = ctx.list_id, block.ordered
            if block.ordered:
                marker = f"{level.number}{')' if alternate and top else '.'}"
                level.number += 1
            else:
                marker = "*" if alternate and top else "-"
            level.column = len(indent) + len(marker) + 1
            body = _hard_breaks(_text_lines(block, inline), " " * level.column)
            lines = [f"{indent}{marker} {body[0]}", *body[1:]]
        else:
            lines = _block_lines(block, inline)
        if out:
            out.append("\n" if in_list else _gap(prev, ctx))
        if ctx.quote_level:
            quote = ">" * ctx.quote_level
            lines = [f"{quote} {line}" if line else quote for line in lines]
        out.append("\n".join(lines))
        prev = ctx
        prev_was_item = is_item
    return "".join(out)


_ITEM_KINDS = frozenset({BlockKind.LIST_ITEM, BlockKind.QUOTE})


def _gap(prev: Markup | None, ctx: Markup) -> str:
    """The blank line between two blocks: inside one quote it carries the quote marks."""
    if prev is not None and ctx.quote_level and ctx.quote_id == prev.quote_id:
        return "\n" + ">" * ctx.quote_level + "\n"
    return "\n\n"


def _open_item(levels: list[_Level], block: Block, ctx: Markup) -> tuple[_Level, str, bool]:
    """The list level a new item opens or continues, the item's indentation, and
    whether the level is new."""
    depth = block.list_depth
    while levels and levels[-1].depth > depth:
        levels.pop()
    opened = False
    if levels and levels[-1].depth == depth and levels[-1].list_id == ctx.list_id:
        level = levels[-1]
    else:
        if levels and levels[-1].depth == depth:
            levels.pop()  # the same depth, another list
        level = _Level(depth, 0, ctx.list_id, ctx.list_start)
        levels.append(level)
        opened = True
    indent = " " * levels[-2].column if len(levels) > 1 else ""
    return level, indent, opened


def _context(block: Block) -> Markup:
    """Quote nesting and list membership, as the front-end recorded them."""
    if block.markup is not None:
        return block.markup
    return _QUOTE_CONTEXT if block.kind is BlockKind.QUOTE else _NO_CONTEXT


def _text_lines(block: Block, options: InlineOptions | None) -> list[str]:
    """The block's lines, escaped, with inline markup when asked and faithful."""
    if options is not None:
        marked = inline_lines(block, options)
        if marked is not None:
            return [escape_start(line) for line in marked]
    return [escape_line(line) for line in block.text.split("\n")]


def escape_heading(text: str) -> str:
    # A heading is one line; '#' is escaped everywhere (a trailing run would close it).
    return escape_text(" ".join(text.split())).replace("#", "\\#")


#: A run of '#' ending a heading would be read as its closing sequence.
_CLOSING_HASHES = re.compile(r"(^|\s)(#+\s*)$")


def _block_lines(block: Block, options: InlineOptions | None) -> list[str]:
    kind = block.kind
    if kind is BlockKind.HEADING:
        level = min(max(block.heading_level, 1), 6)
        if options is not None:
            marked = inline_lines(block, options)
            if marked is not None:
                return ["#" * level + " " + _CLOSING_HASHES.sub(r"\1\\\2", " ".join(marked))]
        return ["#" * level + " " + escape_heading(block.text)]
    if kind is BlockKind.CODE:
        return _code_lines(block)
    if kind is BlockKind.TABLE and block.markup is not None and block.markup.grid:
        return _table_lines(block.markup.grid)
    return _hard_breaks(_text_lines(block, options))


# -- code -------------------------------------------------------------------------------------

_BACKTICKS = re.compile(r"`{3,}")


def _code_lines(block: Block) -> list[str]:
    """A fenced block longer than any backtick run inside, the text as it is."""
    text = block.text
    longest = max((len(m) for m in _BACKTICKS.findall(text)), default=0)
    fence = "`" * max(3, longest + 1)
    language = block.markup.code_language if block.markup is not None else ""
    return [fence + language, *text.split("\n"), fence]


# -- tables -------------------------------------------------------------------------------------


def _table_lines(grid: Sequence[Sequence[str]]) -> list[str]:
    """A GitHub pipe table; the first row is the header (pipe tables must have one)."""
    width = max(len(row) for row in grid)
    lines = []
    for i, row in enumerate(grid):
        cells = [escape_text(cell) for cell in row] + [""] * (width - len(row))
        lines.append("| " + " | ".join(cells) + " |")
        if i == 0:
            lines.append("|" + "|".join(["---"] * width) + "|")
    return lines
