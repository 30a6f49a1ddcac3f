"""Telling a table that lays out a page from a table of data, by what its cells hold.

The HTML front-end makes a data table one block (rows on lines, cells apart by tabs) and
walks a layout table like any container, each cell's paragraphs their own blocks. Block
elements inside a table (a nested table, a ``<div>``, a list, a heading, ``<p>`` after
``<p>``) already say "layout" (``frontends/html/walk.py``). Tables of the 2000s often
hold none of them: a bulletin board's thread is a table whose rows are posts, each post
paragraphs of prose apart by ``<br><br>``, after a rule (``<hr>``) under the post's
heading line. A data table's cell holds a value, a name, at most a sentence of
description; a cell holding several paragraphs of prose is a page's text, laid out.
"""

from __future__ import annotations

from typing import Any

from ..config import HtmlThresholds

__all__ = ["holds_prose_paragraphs"]

#: What ends a sentence (closing quotes and brackets may follow it).
_SENTENCE_END = frozenset(".!?…")
_CLOSERS = "\"'”’»)]"
#: Elements inside a cell that end a paragraph as two ``<br>`` in a row do.
_PARAGRAPH_BREAKS = frozenset({"hr", "p"})
_CELLS = "td, th"


def holds_prose_paragraphs(table: Any, config: HtmlThresholds) -> bool:
    """Whether one cell of ``table`` (a lexbor node with no nested table) holds at least
    ``html_layout_cell_paragraphs`` paragraphs of prose: each at least
    ``html_layout_paragraph_min_words`` words ending a sentence, apart by two ``<br>``
    in a row, an ``<hr>`` or a ``<p>``."""
    need = config.html_layout_cell_paragraphs
    min_words = config.html_layout_paragraph_min_words
    # A cheap bound first: the paragraphs need at least a character a word, and most
    # tables have fewer.
    min_chars = need * min_words
    if len(table.text(deep=True)) < min_chars:
        return False
    for cell in table.css(_CELLS):
        if (
            len(cell.text(deep=True)) >= min_chars
            and _beside_one_cell(cell, config.html_layout_row_max_cells)
            and _prose_paragraphs(cell, need, min_words)
        ):
            return True
    return False


def _beside_one_cell(cell: Any, max_cells: int) -> bool:
    """Whether the row of ``cell`` has another cell with text and at most ``max_cells``
    cells with text in all: a post beside its author's details, a page's text beside
    its menu. A row of a data table has a field per column (a logbook's topic, date,
    author and text); a box of one cell a row keeps its title rows with its text as
    one block."""
    row = cell.parent
    if row is None:
        return False
    filled = 0
    for other in row.iter():
        if other.tag in ("td", "th"):
            text = other.text(deep=True)
            filled += bool(text) and not text.isspace()
    return 1 < filled <= max_cells


def _prose_paragraphs(cell: Any, need: int, min_words: int) -> bool:
    """Whether ``cell`` holds ``need`` paragraphs of prose (see ``holds_prose_paragraphs``)."""
    found = 0
    run: list[str] = []
    after_break = False
    for node in cell.traverse(include_text=True):
        tag = node.tag
        if tag == "-text":
            text = node.text_content
            if text and not text.isspace():
                run.append(text)
                after_break = False
            continue
        if tag == "br" and not after_break:
            after_break = True
            run.append(" ")
            continue
        if tag == "br" or tag in _PARAGRAPH_BREAKS:
            found += _is_prose("".join(run), min_words)
            if found >= need:
                return True
            run = []
            after_break = False
    return found + _is_prose("".join(run), min_words) >= need


def _is_prose(text: str, min_words: int) -> bool:
    """A paragraph of at least ``min_words`` words whose last one ends a sentence."""
    words = text.split()
    return len(words) >= min_words and words[-1].rstrip(_CLOSERS)[-1:] in _SENTENCE_END
