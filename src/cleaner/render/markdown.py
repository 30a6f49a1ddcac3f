"""Kept blocks as Markdown (CommonMark, with GitHub's pipe tables).

Structure comes from the blocks: headings by level, paragraphs, nested ordered and
unordered lists, block quotes, tables, fenced code. The words are the words of the text
output, in the same order: every literal Markdown character in the text is escaped, so
the Markdown renders as the page read. Links, emphasis and images are options, read
from each block's element (``Block.node``) and used only when the text they render is
exactly the block's text.

From raw text input (no elements), the Markdown is the escaped paragraphs: there is
no structure to invent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..blocks import Block, BlockKind
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
    which list element it is and the next number."""

    depth: int
    column: int
    list_key: int | None
    number: int


@dataclass(slots=True)
class _Context:
    """Where a block sits: quote nesting and, for list items, its item and list."""

    quote_level: int = 0
    quote_key: int | None = None
    item_key: int | None = None
    list_key: int | None = None
    start: int = 1


_LIST_TAGS = frozenset({"ul", "ol", "menu", "dir"})


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
    prev: _Context | None = None
    prev_was_item = False
    top_list: int | None = None  # the list element of the open top-level list
    top_ordered = False
    alternate = False  # bullet '*' / number ')' instead of '-' / '.'
    for block in blocks:
        if block.removal is not None:
            continue
        ctx = _context(block)
        is_item = block.list_depth > 0 and block.kind in _ITEM_KINDS
        in_list = is_item and prev_was_item and prev is not None and ctx.quote_key == prev.quote_key
        if not in_list:
            levels = []
        lines: list[str]
        if (
            in_list
            and ctx.item_key is not None
            and prev is not None
            and ctx.item_key == prev.item_key
        ):
            # Another paragraph of the same item: a blank line, indented to its text.
            indent = " " * levels[-1].column
            body = _hard_breaks(_text_lines(block, inline), indent)
            lines = ["", indent + body[0], *body[1:]]
        elif is_item:
            level, indent, opened = _open_item(levels, block, ctx)
            top = len(levels) == 1
            if top and opened:
                # Two lists one after the other: another bullet keeps them apart.
                after_list = in_list and ctx.list_key != top_list and block.ordered == top_ordered
                alternate = (not alternate) if after_list else False
                top_list, top_ordered = ctx.list_key, block.ordered
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


def _gap(prev: _Context | None, ctx: _Context) -> str:
    """The blank line between two blocks: inside one quote it carries the quote marks."""
    if prev is not None and ctx.quote_level and ctx.quote_key == prev.quote_key:
        return "\n" + ">" * ctx.quote_level + "\n"
    return "\n\n"


def _open_item(levels: list[_Level], block: Block, ctx: _Context) -> tuple[_Level, str, bool]:
    """The list level a new item opens or continues, the item's indentation, and
    whether the level is new."""
    depth = block.list_depth
    while levels and levels[-1].depth > depth:
        levels.pop()
    opened = False
    if levels and levels[-1].depth == depth and levels[-1].list_key == ctx.list_key:
        level = levels[-1]
    else:
        if levels and levels[-1].depth == depth:
            levels.pop()  # the same depth, another list
        level = _Level(depth, 0, ctx.list_key, ctx.start)
        levels.append(level)
        opened = True
    indent = " " * levels[-2].column if len(levels) > 1 else ""
    return level, indent, opened


def _context(block: Block) -> _Context:
    """Quote nesting and list membership, read from the element's ancestors."""
    node = block.node
    kind = block.kind
    if node is None:
        return _Context(quote_level=1 if kind is BlockKind.QUOTE else 0)
    ctx = _Context()
    need_item = block.list_depth > 0
    need_quote = kind is BlockKind.QUOTE
    if not (need_item or need_quote):
        return ctx
    current: Any = node
    while current is not None:
        tag = current.tag
        if tag in ("body", "html"):
            break
        if need_item and tag == "li" and ctx.item_key is None:
            ctx.item_key = current.mem_id
            parent = current.parent
            if parent is not None and parent.tag in _LIST_TAGS:
                ctx.list_key = parent.mem_id
                start = parent.attributes.get("start") if parent.tag == "ol" else None
                if start and start.strip().isdigit() and len(start.strip()) < 10:
                    ctx.start = int(start)
            if not need_quote:
                break
        elif tag == "blockquote":
            if ctx.quote_key is None:
                ctx.quote_key = current.mem_id
            ctx.quote_level += 1
        current = current.parent
    if need_quote and ctx.quote_level == 0:
        ctx.quote_level = 1
    return ctx


def _text_lines(block: Block, options: InlineOptions | None) -> list[str]:
    """The block's lines, escaped, with inline markup when asked and faithful."""
    if options is not None and block.node is not None:
        marked = inline_lines(block.node, block.text, options)
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
        if options is not None and block.node is not None:
            marked = inline_lines(block.node, block.text, options)
            if marked is not None:
                return ["#" * level + " " + _CLOSING_HASHES.sub(r"\1\\\2", " ".join(marked))]
        return ["#" * level + " " + escape_heading(block.text)]
    if kind is BlockKind.CODE:
        return _code_lines(block)
    if kind is BlockKind.TABLE and block.rows:
        return _table_lines(block)
    return _hard_breaks(_text_lines(block, options))


# -- code -------------------------------------------------------------------------------------

_BACKTICKS = re.compile(r"`{3,}")


def _code_lines(block: Block) -> list[str]:
    """A fenced block longer than any backtick run inside, the text as it is."""
    text = block.text
    longest = max((len(m) for m in _BACKTICKS.findall(text)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence + _code_language(block.node), *text.split("\n"), fence]


_LANGUAGE_CLASS = re.compile(r"(?:^|\s)(?:language|lang)-([A-Za-z0-9_+.#-]{1,30})(?:\s|$)")


def _code_language(node: Any) -> str:
    """The language the page names for a code block (``class="language-python"``)."""
    if node is None:
        return ""
    for element in (node, node.css_first("code")):
        if element is None:
            continue
        match = _LANGUAGE_CLASS.search(element.attributes.get("class") or "")
        if match is not None:
            return match.group(1)
    return ""


# -- tables -------------------------------------------------------------------------------------

_MAX_SPAN = 100


def _table_lines(block: Block) -> list[str]:
    """A GitHub pipe table; the first row is the header (pipe tables must have one)."""
    grid = _grid(block.node) if block.node is not None else None
    if grid is None or _cells(grid) != _cells(block.rows):
        grid = [list(row) for row in block.rows]
    width = max(len(row) for row in grid)
    lines = []
    for i, row in enumerate(grid):
        cells = [escape_text(cell) for cell in row] + [""] * (width - len(row))
        lines.append("| " + " | ".join(cells) + " |")
        if i == 0:
            lines.append("|" + "|".join(["---"] * width) + "|")
    return lines


def _cells(rows: Iterable[Sequence[str]]) -> list[str]:
    return [cell for row in rows for cell in row if cell]


def _grid(table: Any) -> list[list[str]] | None:
    """The table's cells on a grid: a spanning cell fills the cells it covers with ''.

    Cells are read as the front-end reads them (``Block.rows``), so the words match;
    rows without text are left out as they are there.
    """
    grid: list[list[str]] = []
    below: dict[int, int] = {}  # column -> rows still covered by a rowspan from above
    for tr in table.css("tr"):
        row: list[str] = []
        any_text = False
        for cell in tr.iter():
            if cell.tag not in ("td", "th"):
                continue
            while below.get(len(row), 0) > 0:
                row.append("")
            text = " ".join(cell.text(separator=" ").split())
            any_text = any_text or bool(text)
            attrs = cell.attributes
            colspan = _span(attrs.get("colspan"))
            rowspan = _span(attrs.get("rowspan"))
            for k in range(colspan):
                if rowspan > 1:
                    below[len(row)] = rowspan  # counted down with this row, below
                row.append(text if k == 0 else "")
        while below.get(len(row), 0) > 0:
            row.append("")
        for column in list(below):
            below[column] -= 1
            if below[column] <= 0:
                del below[column]
        if any_text:
            grid.append(row)
    return grid or None


def _span(value: str | None) -> int:
    if not value:
        return 1
    value = value.strip()
    if not value.isdigit():
        return 1
    return min(max(int(value), 1), _MAX_SPAN)
