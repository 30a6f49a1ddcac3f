"""What renderers need of an HTML page's markup, recorded on its blocks (``Block.markup``).

The HTML front-end calls ``record_markup`` after its walk when asked
(``html_to_blocks(..., markup=True)``), with the element each block came from; nothing
here runs for plain-text output. Recorded as plain data, so that renderers never see the
page's elements:

- inline marks (links, emphasis, inline code, images) as offsets in the block's text.
  Each block element is walked again the way the front-end walks it (text of phrasing
  elements joins the block; a nested block element or two ``<br>`` in a row end it), and
  the pieces of text found are matched, in order, to the element's blocks. A block whose
  text no piece has exactly (a piece the front-end pruned, or any other difference) gets
  no marks (``Markup.marks`` is None): it is written as plain text;
- the list item, list and block quotes around a list item or quote;
- a code block's language; a data table's cells on a grid with its spans.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ...blocks import Block, BlockKind, Mark, Markup
from ..tags import INLINE_TAGS, SKIP_TAGS, is_custom

__all__ = ["record_markup"]

#: Phrasing elements: their text belongs to the block around them (as in the walk).
_INLINE = INLINE_TAGS
#: Elements without visible text of their own, never walked into.
_SKIP = SKIP_TAGS
#: The inline elements that make marks, and the kind of mark.
_MARK_KINDS = {
    "a": "link",
    "em": "emphasis",
    "i": "emphasis",
    "strong": "strong",
    "b": "strong",
    "code": "code",
    "kbd": "code",
    "samp": "code",
    "tt": "code",
}
#: An element with more child nodes (counting inline descendants) is read only so far.
_MAX_NODES = 20_000
_LISTS = frozenset({"ul", "ol", "menu", "dir"})

#: A mark while walking: kind, opening, pair, target, alt.
_Token = Any  # str (text), None (a <br>) or a mark tuple
#: One line of a piece: its plain text, its marks and cuts (offsets in the line).
_Line = tuple[str, list[Mark], list[int]]


def record_markup(
    blocks: Sequence[Block], sources: Sequence[tuple[Block, Any]], *, inline: bool = True
) -> None:
    """Set ``markup`` on each block of ``blocks`` that ``sources`` gives an element for.

    ``sources`` pairs blocks with the element their text came from (text blocks: the
    block element owning the text; code and table blocks: the ``<pre>``/``<table>``).
    ``blocks`` is the final list, in page order: pieces are matched in that order.
    ``inline=False`` leaves the inline marks out (``Markup.marks`` None): Markdown
    without links, emphasis and images does not read them.
    """
    node_of = {id(block): node for block, node in sources}
    ids: dict[int, int] = {}
    walked: dict[int, tuple[list[list[_Line]], list[int]]] = {}
    for block in blocks:
        node = node_of.get(id(block))
        if node is None:
            continue
        kind = block.kind
        if kind is BlockKind.CODE:
            block.markup = Markup(code_language=_code_language(node))
        elif kind is BlockKind.TABLE:
            grid, header_rows = _table_grid(node, block.text)
            block.markup = Markup(grid=grid, header_rows=header_rows)
        else:
            marks, cuts = _inline(node, block.text, walked) if inline else (None, ())
            block.markup = Markup(marks, cuts, *_context(block, node, ids))


# -- inline marks -------------------------------------------------------------------------


def _inline(
    node: Any, text: str, walked: dict[int, tuple[list[list[_Line]], list[int]]]
) -> tuple[tuple[Mark, ...] | None, tuple[int, ...]]:
    """The marks and cuts of the next piece of ``node`` whose text is ``text``, with
    offsets in ``text``; (None, ()) when no piece has exactly that text."""
    key = node.mem_id
    entry = walked.get(key)
    if entry is None:
        entry = walked[key] = (_pieces(node), [0])
    pieces, cursor = entry
    want = text.split("\n")
    for i in range(cursor[0], len(pieces)):
        piece = pieces[i]
        if len(piece) == len(want) and all(
            line[0] == w for line, w in zip(piece, want, strict=True)
        ):
            cursor[0] = i + 1
            marks: list[Mark] = []
            cuts: list[int] = []
            start = 0
            for plain, line_marks, line_cuts in piece:
                if start:
                    marks.extend(
                        Mark(m.at + start, m.kind, m.opening, m.pair, m.target, m.alt)
                        for m in line_marks
                    )
                    cuts.extend(c + start for c in line_cuts)
                else:
                    marks.extend(line_marks)
                    cuts.extend(line_cuts)
                start += len(plain) + 1
            return tuple(marks), tuple(cuts)
    return None, ()


def _pieces(node: Any) -> list[list[_Line]]:
    """Every piece of the element's own text, as lines."""
    out: list[list[_Line]] = []
    tokens: list[_Token] = []
    pairs = 0
    seen = 0
    stack: list[tuple[Any, _Token]] = [(node.iter(include_text=True), None)]
    while stack:
        it, closing = stack[-1]
        for child in it:
            seen += 1
            if seen > _MAX_NODES:
                return out
            tag = child.tag
            if tag == "-text":
                text = child.text_content
                if text:
                    tokens.append(text)
                continue
            if tag == "br":
                tokens.append(None)
                continue
            if tag is None or tag in _SKIP:  # (None: a nameless ``<?php ?>`` node)
                if tag == "img":
                    attrs = child.attributes
                    src = attrs.get("src")
                    if src and not src.isspace():
                        alt = " ".join((attrs.get("alt") or "").split())
                        tokens.append(("image", True, -1, src, alt))
                continue
            if tag in _INLINE or is_custom(tag):
                kind = _MARK_KINDS.get(tag)
                target = ""
                if kind == "link":
                    target = child.attributes.get("href") or ""
                    if target.isspace() or not target:
                        kind = None  # no address: never a link
                if kind is not None:
                    tokens.append((kind, True, pairs, target, ""))
                    stack.append((child.iter(include_text=True), (kind, False, pairs, target, "")))
                    pairs += 1
                else:
                    stack.append((child.iter(include_text=True), None))
                break
            # A nested block element ends the piece; its text is a block of its own.
            _close_piece(tokens, out)
            tokens = []
        else:
            stack.pop()
            if closing is not None:
                tokens.append(closing)
    _close_piece(tokens, out)
    return out


def _close_piece(tokens: list[_Token], out: list[list[_Line]]) -> None:
    """Split a piece at ``<br>``: lines; an empty line between lines ends a block (as
    two ``<br>`` do in the front-end). Spans open at a break close and reopen."""
    if not tokens:
        return
    lines: list[_Line] = []
    line: list[_Token] = []
    open_marks: list[tuple[str, bool, int, str, str]] = []
    for token in [*tokens, None]:
        if token is not None:
            line.append(token)
            if token.__class__ is tuple and token[0] != "image":
                if token[1]:
                    open_marks.append(token)
                elif open_marks and open_marks[-1][2] == token[2]:
                    open_marks.pop()
            continue
        # A break: close what is open on this line, reopen it on the next.
        line.extend((m[0], False, m[2], m[3], "") for m in reversed(open_marks))
        plain, marks, cuts = _line(line)
        line = [(m[0], True, m[2], m[3], "") for m in open_marks]
        open_marks = list(line)
        if plain:
            lines.append((plain, marks, cuts))
        elif lines:
            out.append(lines)
            lines = []
    if lines:
        out.append(lines)


def _line(tokens: list[_Token]) -> _Line:
    """The plain text of a line (white space collapsed as the front-end does), its marks
    at the offsets where they stand and the offsets where text nodes meet in a word."""
    parts: list[str] = []
    marks: list[Mark] = []
    cuts: list[int] = []
    pos = 0
    pending_space = False
    for token in tokens:
        if token.__class__ is str:
            if token[0].isspace():
                pending_space = True
            words = token.split()
            if not words:
                continue
            if pos:
                if pending_space:
                    parts.append(" ")
                    pos += 1
                else:
                    cuts.append(pos)
            text = " ".join(words)
            parts.append(text)
            pos += len(text)
            pending_space = token[-1].isspace()
        else:
            marks.append(Mark(pos, *token))
    return "".join(parts), marks, cuts


# -- lists and quotes -----------------------------------------------------------------------


def _context(block: Block, node: Any, ids: dict[int, int]) -> tuple[int, int, int, int, int]:
    """List item, list, first number, quote level and innermost quote of a block, read
    from its element's ancestors (0 for none)."""
    need_item = block.list_depth > 0
    need_quote = block.kind is BlockKind.QUOTE
    item = list_id = quote_level = quote_id = 0
    start = 1
    if not (need_item or need_quote):
        return item, list_id, start, quote_level, quote_id
    current: Any = node
    while current is not None:
        tag = current.tag
        if tag in ("body", "html"):
            break
        if need_item and tag == "li" and not item:
            item = ids.setdefault(current.mem_id, len(ids) + 1)
            parent = current.parent
            if parent is not None and parent.tag in _LISTS:
                list_id = ids.setdefault(parent.mem_id, len(ids) + 1)
                first = parent.attributes.get("start") if parent.tag == "ol" else None
                if first and first.strip().isdigit() and len(first.strip()) < 10:
                    start = int(first)
            if not need_quote:
                break
        elif tag == "blockquote":
            if not quote_id:
                quote_id = ids.setdefault(current.mem_id, len(ids) + 1)
            quote_level += 1
        current = current.parent
    if need_quote and quote_level == 0:
        quote_level = 1
    return item, list_id, start, quote_level, quote_id


# -- code and tables --------------------------------------------------------------------------

_LANGUAGE_CLASS = re.compile(r"(?:^|\s)(?:language|lang)-([A-Za-z0-9_+.#-]{1,30})(?:\s|$)")


def _code_language(node: Any) -> str:
    """The language the page names for a code block (``class="language-python"``)."""
    for element in (node, node.css_first("code")):
        if element is None:
            continue
        match = _LANGUAGE_CLASS.search(element.attributes.get("class") or "")
        if match is not None:
            return match.group(1)
    return ""


_MAX_SPAN = 100


def _table_grid(table: Any, text: str) -> tuple[tuple[tuple[str, ...], ...], int]:
    """The table's cells on a grid, spans filled with '', and how many of its first rows
    are header rows; the rows of ``text`` (cells separated by tabs, no header) when the
    spans cannot be placed so that the words match."""
    rows = [line.split("\t") for line in text.split("\n")]
    grid, header_rows = _grid(table)
    if grid is None or _cells(grid) != _cells(rows):
        grid, header_rows = rows, 0
    return tuple(tuple(row) for row in grid), header_rows


def _cells(rows: list[list[str]]) -> list[str]:
    return [cell for row in rows for cell in row if cell]


def _grid(table: Any) -> tuple[list[list[str]] | None, int]:
    """The table's cells on a grid: a spanning cell fills the cells it covers with '';
    and the number of leading rows that are headers (in ``<thead>``, or all ``<th>``).

    Cells are read as the front-end reads them, so the words match; rows without text
    are left out as they are there.
    """
    grid: list[list[str]] = []
    header_rows = 0
    in_header = True
    below: dict[int, int] = {}  # column -> rows still covered by a rowspan from above
    for tr in table.css("tr"):
        row: list[str] = []
        any_text = False
        all_th = True
        for cell in tr.iter():
            if cell.tag not in ("td", "th"):
                continue
            all_th = all_th and cell.tag == "th"
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
            parent = tr.parent
            in_header = in_header and (all_th or (parent is not None and parent.tag == "thead"))
            header_rows += in_header
    return (grid or None), header_rows


def _span(value: str | None) -> int:
    if not value:
        return 1
    value = value.strip()
    if not value.isdigit():
        return 1
    return min(max(int(value), 1), _MAX_SPAN)
