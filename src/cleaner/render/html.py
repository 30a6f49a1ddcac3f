"""Kept blocks as clean HTML: an lxml tree built from the blocks, never from the page.

Structure comes from the blocks as the Markdown renderer reads it (``Block.markup``):
headings ``<h1>``-``<h6>`` by level, paragraphs, nested ``<ul>``/``<ol>`` lists,
``<blockquote>``, ``<pre><code>`` with the language as a class, tables from the grid,
``<figure><figcaption>`` for captions. Inline ``<a>``, ``<img>`` and
``<em>``/``<strong>``/``<code>`` are options, as in Markdown.

Safe by construction: every element and attribute is one this module writes, so the
page's scripts, styles, event handlers, iframes and forms cannot reach the output; link
and image addresses go through the Markdown renderer's address check (no
``javascript:``, ``vbscript:``, ``data:`` or ``file:``). The text content is the kept
blocks' text, in order, with white space between blocks (and ``<br>`` before a line
break): the same words as the text output. Characters XML cannot hold (NUL, other C0
controls, lone surrogates), which lxml refuses, become U+FFFD.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from ..blocks import Block, BlockKind, Mark, Markup
from .inline import InlineOptions

__all__ = ["build_html", "render_html"]

_ITEM_KINDS = frozenset({BlockKind.LIST_ITEM, BlockKind.QUOTE})
_NO_CONTEXT = Markup()
_QUOTE_CONTEXT = Markup(quote_level=1)
_INLINE_TAGS = {"emphasis": "em", "strong": "strong", "code": "code"}
#: What XML 1.0 cannot hold: lxml refuses these in text and attribute values.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_LANGUAGE = re.compile(r"[A-Za-z0-9_+.#-]{1,30}")


def render_html(
    blocks: Iterable[Block],
    *,
    title: str | None = None,
    links: bool = False,
    emphasis: bool = False,
    images: bool = False,
    base_url: str | None = None,
) -> str:
    """The kept blocks as an HTML ``<article>`` (a string); see ``build_html``."""
    root = build_html(
        blocks, title=title, links=links, emphasis=emphasis, images=images, base_url=base_url
    )
    return lxml_html.tostring(root, encoding="unicode")


def build_html(
    blocks: Iterable[Block],
    *,
    title: str | None = None,
    links: bool = False,
    emphasis: bool = False,
    images: bool = False,
    base_url: str | None = None,
) -> lxml_html.HtmlElement:
    """The kept blocks as an lxml ``<article>`` element; ``title`` first as ``<h1>``.

    ``links``: ``<a href>``; ``emphasis``: ``<em>``, ``<strong>`` and ``<code>``;
    ``images``: ``<img>`` inside kept paragraphs. ``base_url`` makes relative addresses
    absolute.
    """
    builder = _Builder(InlineOptions(links, emphasis, images, base_url))
    if title:
        _text(builder.block(builder.root, "h1"), " ".join(title.split()))
    for block in blocks:
        if block.removal is None:
            builder.add(block)
    return builder.root


@dataclass(slots=True)
class _List:
    """An open list level: its depth in the page, which list, its element, the open
    item and which item that is (0: none recorded)."""

    depth: int
    list_id: int
    element: Any
    item: Any
    item_id: int


class _Builder:
    """Places blocks in the tree: quotes and lists stay open while blocks continue them."""

    def __init__(self, options: InlineOptions) -> None:
        self.options = options
        self.inline = options.links or options.emphasis or options.images
        self.root = lxml_html.Element("article")
        self.quote_key: tuple[int, int] = (0, 0)
        self.container: Any = self.root
        self.lists: list[_List] = []

    @staticmethod
    def block(parent: Any, tag: str) -> Any:
        """A new block-level child, with white space before and after it."""
        _space(parent)
        element = etree.SubElement(parent, tag)
        element.tail = "\n"
        return element

    def add(self, block: Block) -> None:
        ctx = _context(block)
        self._enter_quote(ctx)
        if block.list_depth > 0 and block.kind in _ITEM_KINDS:
            self._inline(self._item(block, ctx), block)
            return
        self.lists.clear()
        kind = block.kind
        parent = self.container
        if kind is BlockKind.HEADING:
            level = min(max(block.heading_level, 1), 6)
            self._inline(self.block(parent, f"h{level}"), block)
        elif kind is BlockKind.CODE:
            code = etree.SubElement(self.block(parent, "pre"), "code")
            language = block.markup.code_language if block.markup is not None else ""
            if language and _LANGUAGE.fullmatch(language):
                code.set("class", f"language-{language}")
            _append(code, block.text)  # a <pre> keeps its line breaks
        elif kind is BlockKind.TABLE:
            markup = block.markup
            grid = markup.grid if markup is not None else ()
            header_rows = markup.header_rows if markup is not None and grid else 0
            _table(self.block(parent, "table"), grid or _rows(block.text), header_rows)
        elif kind is BlockKind.CAPTION:
            self._inline(self.block(self.block(parent, "figure"), "figcaption"), block)
        else:
            self._inline(self.block(parent, "p"), block)

    def _enter_quote(self, ctx: Markup) -> None:
        """Make ``container`` the block quote the block sits in (the article outside
        quotes). Another quote starts afresh, as a new quote does in Markdown."""
        key = (ctx.quote_level, ctx.quote_id)
        if key == self.quote_key:
            return
        self.quote_key = key
        self.lists.clear()
        self.container = self.root
        for _ in range(ctx.quote_level):
            self.container = self.block(self.container, "blockquote")

    def _item(self, block: Block, ctx: Markup) -> Any:
        """The element a list item's text goes in: a new ``<li>``, or a ``<p>`` in the
        open one when the block is another paragraph of the same item."""
        depth = block.list_depth
        lists = self.lists
        while lists and lists[-1].depth > depth:
            lists.pop()
        if lists and lists[-1].depth == depth and lists[-1].list_id == ctx.list_id:
            level = lists[-1]
            if ctx.list_item and ctx.list_item == level.item_id:
                return self.block(level.item, "p")
        else:
            if lists and lists[-1].depth == depth:
                lists.pop()  # the same depth, another list
            parent = lists[-1].item if lists else self.container
            element = self.block(parent, "ol" if block.ordered else "ul")
            if block.ordered and ctx.list_start != 1:
                element.set("start", str(ctx.list_start))
            level = _List(depth, ctx.list_id, element, None, 0)
            lists.append(level)
        level.item = self.block(level.element, "li")
        level.item_id = ctx.list_item
        return level.item

    def _inline(self, element: Any, block: Block) -> None:
        """The block's text in ``element``, with the inline marks asked for."""
        markup = block.markup
        if not self.inline or markup is None or markup.marks is None:
            _text(element, block.text)
        else:
            _marked(element, block.text, markup.marks, self.options)


def _context(block: Block) -> Markup:
    if block.markup is not None:
        return block.markup
    return _QUOTE_CONTEXT if block.kind is BlockKind.QUOTE else _NO_CONTEXT


# -- text and inline marks ----------------------------------------------------------------


def _append(element: Any, text: str) -> None:
    """Text at the end of ``element``'s content."""
    if not text:
        return
    text = _NOT_XML.sub("\ufffd", text)
    if len(element):
        last = element[-1]
        last.tail = (last.tail or "") + text
    else:
        element.text = (element.text or "") + text


def _text(element: Any, text: str) -> None:
    """Text with a ``<br>`` before each line break (the break itself stays, as white
    space, so the text content is the text)."""
    lines = text.split("\n")
    _append(element, lines[0])
    for line in lines[1:]:
        etree.SubElement(element, "br")
        _append(element, "\n" + line)


def _space(parent: Any) -> None:
    """White space before a new block-level child, so that words of two blocks never
    run together in the text content."""
    if len(parent):
        last = parent[-1]
        if not (last.tail or "")[-1:].isspace():
            last.tail = (last.tail or "") + "\n"
    elif not (parent.text or "")[-1:].isspace():
        parent.text = (parent.text or "") + "\n"


@dataclass(slots=True)
class _Open:
    """An inline element open while the text is written."""

    pair: int
    tag: str
    attrs: dict[str, str]
    element: Any


def _marked(element: Any, text: str, marks: Sequence[Mark], options: InlineOptions) -> None:
    """``text`` in ``element`` with the marks ``options`` asks for. An opening mark
    (and an image) goes before the space ahead of the next word, so the space stays
    outside the element; a span closed across another is closed and reopened."""
    stack: list[_Open] = []
    pos = 0

    def current() -> Any:
        return stack[-1].element if stack else element

    def write(upto: int) -> None:
        nonlocal pos
        if upto > pos:
            _text(current(), text[pos:upto])
            pos = upto

    def skip_space() -> None:
        if text[pos : pos + 1] == " ":
            write(pos + 1)

    for mark in marks:
        write(mark.at)
        wanted = _wanted(mark, options)
        if wanted is None:
            continue
        tag, attrs = wanted
        if tag == "img":
            skip_space()
            img = etree.SubElement(current(), "img")
            for name, value in attrs.items():
                img.set(name, value)
        elif mark.opening:
            skip_space()
            stack.append(_Open(mark.pair, tag, attrs, _open(current(), tag, attrs)))
        else:
            at = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].pair == mark.pair), -1)
            if at < 0:
                continue
            reopen = stack[at + 1 :]
            del stack[at:]
            for entry in reopen:
                entry.element = _open(current(), entry.tag, entry.attrs)
                stack.append(entry)
    write(len(text))


def _open(parent: Any, tag: str, attrs: dict[str, str]) -> Any:
    element = etree.SubElement(parent, tag)
    for name, value in attrs.items():
        element.set(name, value)
    return element


def _wanted(mark: Mark, options: InlineOptions) -> tuple[str, dict[str, str]] | None:
    """The element a mark makes, if ``options`` asks for it and its address is safe."""
    kind = mark.kind
    if kind == "link":
        if not options.links:
            return None
        if not mark.opening:
            return "a", {}
        href = options.address(mark.target)
        return ("a", {"href": _NOT_XML.sub("", href)}) if href else None
    if kind == "image":
        src = options.address(mark.target) if options.images else None
        if not src:
            return None
        return "img", {"src": _NOT_XML.sub("", src), "alt": _NOT_XML.sub("\ufffd", mark.alt)}
    tag = _INLINE_TAGS.get(kind)
    return (tag, {}) if tag is not None and options.emphasis else None


# -- tables -------------------------------------------------------------------------------


def _rows(text: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(line.split("\t")) for line in text.split("\n"))


def _table(table: Any, grid: Sequence[Sequence[str]], header_rows: int = 0) -> None:
    """Rows and cells (``<th>`` in header rows); tabs between cells and line breaks
    between rows, as in the text."""
    width = max(len(row) for row in grid)
    for index, row in enumerate(grid):
        tr = _Builder.block(table, "tr")
        cells = [*row, *[""] * (width - len(row))]
        tag = "th" if index < header_rows else "td"
        for i, cell in enumerate(cells):
            td = etree.SubElement(tr, tag)
            _append(td, cell)
            if i < width - 1:
                td.tail = "\t"
