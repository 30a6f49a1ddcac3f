"""Nesting limited before parsing: pages nested deeper than ``MAX_NESTING`` are flattened.

An HTML5 parser checks open-element scopes on each block start tag, so parse time grows
with depth squared (100,000 nested divs take about 20 s); browsers cap depth too. Depth
is measured on a model of the parser's open elements (WHATWG tree construction,
simplified), for the parser ignores many end tags (``</x-foo>`` or ``</b>`` with a
``<div>`` open inside, ``</div>`` with a table cell or an SVG ``<desc>`` open inside),
reopens formatting elements another end tag closed, and reads ``/>`` as ``>`` on HTML
elements: counted as closes, ``<div><table><td></div>`` or ``<div/>`` repeated would
nest unseen. Tags in comments, raw text, quoted attribute values and CDATA are not
tags. Where unsure, the model keeps an element open: more depth, never less. ``<p>``,
``<li>``, ``<dd>`` and ``<dt>`` are tracked (they stop end tags) but not counted: the
parser closes them itself.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from .tag_sets import (
    _BREAKOUT,
    _BUTTON_SCOPE,
    _CLOSES_P,
    _CLOSING,
    _FLATTENED_BLOCKS,
    _FONT_BREAKOUT,
    _FOREIGN_SPECIAL,
    _FORMATTING,
    _HTML_ANNOTATION,
    _LIST_SCOPE,
    _RAW_TEXT,
    _ROOTS,
    _SCOPE,
    _SCOPED_END,
    _SPECIAL,
    _TABLE_INNER,
    _TABLE_PARTS,
    _TABLE_SCOPE,
    _UNCOUNTED,
    _VOID,
)

MAX_NESTING = 512
#: A page with fewer tags than this cannot nest deep enough to be slow to parse.
NESTING_CHECK_MIN_TAGS = 4000
#: How far down the open elements an end tag (or a start tag that closes one) looks
#: for its element: a bound on the cost per tag. Elements farther down stay open.
_LOOKBACK = 64
#: What the tokenizer sees: comments (``<!-->`` too), bogus comments (``<!x>``,
#: ``<?x>``, ``</ x>``), and tags, whose attribute values may hold ``<`` and, quoted,
#: ``>``. Each match runs to the end of the page when its end is missing (a page of
#: ``<a `` is scanned once, not from each one).
_TOKEN = re.compile(
    r"<!--(?:-?>|.*?(?:--!?>|\Z))"
    r"|<[!?][^>]*+(?:>|\Z)"
    r"|</(?![A-Za-z])[^>]*+(?:>|\Z)"
    r"|<(/?)([A-Za-z][^\t\n\f\r />]*+)"
    r"(?:[^>\"'=]++|=[\t\n\f\r ]*+(?:\"[^\"]*+(?:\"|\Z)|'[^']*+(?:'|\Z))?+|[\"'])*+(?:>|\Z)",
    re.DOTALL,
)
#: Tag names are lower-cased in ASCII only, as the tokenizer does.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_SPACE_CHARS = " \t\n\r\f"
#: Namespaces.
_HTML, _SVG, _MATH = "html", "svg", "math"
_SVG_HTML_POINTS = frozenset({"foreignobject", "desc", "title"})
_MATH_TEXT_POINTS = frozenset({"mi", "mo", "mn", "ms", "mtext"})
#: ``_Stack.start`` says what to do with a start tag.
_KEEP, _DROP, _RAW = "keep", "drop", "raw"
#: One open element: name, namespace, counted as depth, dropped (past the limit), and
#: whether its children are HTML though it is SVG or MathML (an integration point).
_Entry = tuple[str, str, bool, bool, bool]


def limit_nesting(html: str, max_depth: int = MAX_NESTING) -> str:
    """``html`` with elements nested deeper than ``max_depth`` flattened into text.

    Past the limit, start and end tags are dropped (block tags become ``<br>``), so the
    text stays, in order, inside the element at the limit. A page with fewer tags than
    ``NESTING_CHECK_MIN_TAGS`` is returned after one count.
    """
    if html.count("<") < NESTING_CHECK_MIN_TAGS:
        return html
    return _Stack(max_depth).flatten(html)


class _Stack:
    """The model of the parser's open elements, walked once over a page."""

    def __init__(self, max_depth: int) -> None:
        self.max_depth = max_depth
        self.entries: list[_Entry] = []
        #: Counted entries, plus formatting elements closed by another end tag (the
        #: parser reopens them: they count until their own end tag).
        self.depth = 0
        self.pending: dict[str, int] = {}
        #: Open ``<p>`` entries (most start tags would look for one to close).
        self.open_p = 0
        self.dropped: dict[tuple[str, str, bool], _Entry] = {}

    def flatten(self, html: str) -> str:
        out: list[str] = []
        last = 0
        tokens = _TOKEN.finditer(html)
        while tokens is not None:
            rest, tokens = tokens, None
            for m in rest:
                slash, name = m.groups()
                tag = m.group(0)
                if name is None:
                    if (
                        tag.startswith("<![CDATA[")
                        and self.entries
                        and self.entries[-1][1] != _HTML
                    ):
                        # Text up to ``]]>``, ``>`` and ``<`` included.
                        end = html.find("]]>", m.start() + len("<![CDATA["))
                        if end >= 0:
                            tokens = _TOKEN.finditer(html, end + len("]]>"))
                        break
                    continue  # a comment
                if not tag.endswith(">"):
                    break  # a tag cut by the end of the page: the parser drops it
                if not name.islower():
                    name = name.lower() if name.isascii() else name.translate(_ASCII_LOWER)
                if slash:
                    drop = self.end(name)
                else:
                    action = self.start(name, tag)
                    if action == _RAW:
                        if name == "plaintext":
                            break  # the rest of the page is its text
                        end = re.compile(rf"</{re.escape(name)}[\t\n\f\r />]", re.IGNORECASE)
                        found = end.search(html, m.end())
                        if found is not None:
                            tokens = _TOKEN.finditer(html, found.start())
                        break
                    drop = action == _DROP
                if drop:
                    start, end_ = m.span()
                    # A run of dropped tags with nothing between is one break if any is
                    # a block's, else nothing (and one item of ``out``, not one a tag).
                    brk = "<br>" if name in _FLATTENED_BLOCKS else ""
                    if start > last or not out:
                        out.append(html[last:start])
                        out.append(brk)
                    elif brk and out[-1] != brk:
                        out.append(brk)
                    last = end_
                    if not slash and _alike_again(self, name, html, tag, end_):
                        # The same start tag over and over past the limit: dropped at once.
                        last = _run_end(html, tag, end_)
                        self.entries.extend([self.entries[-1]] * ((last - end_) // len(tag)))
                        self.depth += (last - end_) // len(tag)
                        tokens = _TOKEN.finditer(html, last)
                        break
        if not out:
            return html
        out.append(html[last:])
        return "".join(out)

    def start(self, name: str, tag: str) -> str:
        """Open ``name``: what to do with its tag (keep, drop, or skip raw text)."""
        entries = self.entries
        if not entries or entries[-1][1] == _HTML:
            # In HTML (the common case, taken first).
            ns = _SVG if name == "svg" else _MATH if name == "math" else _HTML
            point = False
        else:
            ns, point = _namespace(entries, name, tag)
        if ns == _HTML:
            if name in _RAW_TEXT or name == "plaintext":
                return _RAW
            if name in _VOID or name in _ROOTS:
                return _KEEP
            if name in _TABLE_INNER and not _in_table(self.entries):
                return _KEEP  # a stray table part, which the parser ignores
            if name in _CLOSING or (self.open_p and name in _CLOSES_P):
                self._close_implied(name)
        elif _self_closing(tag):
            return _KEEP
        if name == "p" and ns == _HTML:
            self.open_p += 1
        if self.depth >= self.max_depth:
            # Past the limit, entries of a name share one tuple (a million unclosed
            # tags hold a million references, not a million tuples).
            key = (name, ns, point)
            entry = self.dropped.get(key)
            if entry is None:
                entry = self.dropped[key] = (name, ns, True, True, point)
            entries.append(entry)
            self.depth += 1
            return _DROP
        counted = ns != _HTML or name not in _UNCOUNTED
        entries.append((name, ns, counted, False, point))
        self.depth += counted
        return _KEEP

    def end(self, name: str) -> bool:
        """Close ``name`` where the parser would; True when its tag is to be dropped."""
        entries = self.entries
        if entries and entries[-1][0] == name:
            at = len(entries) - 1  # the current element: every rule closes it
        elif name == "p":
            at = _find(self.entries, name, _BUTTON_SCOPE)
        elif name == "li":
            at = _find(self.entries, name, _LIST_SCOPE)
        elif name in _TABLE_PARTS:
            at = _find(self.entries, name, _TABLE_SCOPE)
        elif name in _SCOPED_END:
            at = _find(self.entries, name, _SCOPE)
        else:
            at = _find(self.entries, name, _SPECIAL)
        if at < 0:
            if at == _ABSENT and self.pending.get(name):
                # A formatting element the parser reopened is closed now.
                self.pending[name] -= 1
                self.depth -= 1
            return self.depth >= self.max_depth
        dropped = entries[at][3]
        if name == "form" and at < len(entries) - 1:
            # The parser takes the form out of its stack alone: what is open inside
            # stays open, and inside the form in the tree. The entry stays as depth
            # under a name no tag has.
            entries[at] = ("", *entries[at][1:])
        else:
            self._pop_to(at, own=True)
        return dropped

    def _pop_to(self, at: int, *, own: bool = False) -> None:
        """Close the entries from ``at`` up; formatting ones stay counted (reopened)
        but for the element of an ``own`` end tag."""
        entries = self.entries
        popped = entries[at:]
        del entries[at:]
        if own:
            name, ns, counted, _, _ = popped[0]
            self.depth -= counted
            if name == "p" and ns == _HTML:
                self.open_p -= 1
            popped = popped[1:]
        pending = self.pending
        for name, ns, counted, _, _ in popped:
            if counted and ns == _HTML and name in _FORMATTING:
                pending[name] = pending.get(name, 0) + 1
            else:
                self.depth -= counted
                if name == "p" and ns == _HTML:
                    self.open_p -= 1

    def _close_implied(self, name: str) -> None:
        """What a start tag closes before it opens (only what the parser surely does)."""
        entries = self.entries
        if name in ("li", "dd", "dt"):
            wanted = ("li",) if name == "li" else ("dd", "dt")
            for at in range(len(entries) - 1, max(-1, len(entries) - 1 - _LOOKBACK), -1):
                other, ns, _, _, _ = entries[at]
                if ns == _HTML and other in wanted:
                    self._pop_to(at)
                    break
                if ns != _HTML or (other in _SPECIAL and other not in ("address", "div", "p")):
                    break
        if name in _CLOSES_P and self.open_p:
            at = _find(self.entries, "p", _BUTTON_SCOPE)
            if at >= 0:
                self._pop_to(at)
        elif name in ("td", "th"):
            # A cell closes the open cell, or what is open inside the row.
            at = _table_part(entries, ("td", "th", "tr", "tbody", "thead", "tfoot", "table"), ())
            if at >= 0:
                self._pop_to(at if entries[at][0] in ("td", "th") else at + 1)
        elif name == "tr":
            at = _table_part(entries, ("tbody", "thead", "tfoot", "table"), ("td", "th", "tr"))
            if at >= 0:
                self._pop_to(at + 1)
        elif name in ("tbody", "thead", "tfoot", "caption", "colgroup"):
            at = _table_part(entries, ("table",), _TABLE_INNER)
            if at >= 0:
                self._pop_to(at + 1)
        elif name == "table":
            # A table opened in a table (not in a cell) closes the first one.
            at = _table_part(entries, ("table",), ("tbody", "thead", "tfoot", "tr"))
            if at >= 0:
                self._pop_to(at)
        elif name == "option" and entries and entries[-1][0] == "option":
            self._pop_to(len(entries) - 1)


#: What ``_Stack._find`` says when it finds none: the search was stopped, or none is open.
_BLOCKED = -1
_ABSENT = -2


def _find(entries: list[_Entry], name: str, stops: frozenset[str]) -> int:
    """Where the open ``name`` nearest the top is; ``_BLOCKED`` past an element in
    ``stops`` (or a special SVG or MathML one), ``_ABSENT`` when none is open."""
    for at in range(len(entries) - 1, max(-1, len(entries) - 1 - _LOOKBACK), -1):
        other, ns, _, _, _ = entries[at]
        if other == name:
            return at
        if other in (stops if ns == _HTML else _FOREIGN_SPECIAL):
            return _BLOCKED
    return _ABSENT if len(entries) <= _LOOKBACK else _BLOCKED


def _namespace(entries: list[_Entry], name: str, tag: str) -> tuple[str, bool]:
    """The namespace ``name`` opens in, and whether its children are HTML."""
    if entries:
        parent, parent_ns, _, _, point = entries[-1]
        if parent_ns != _HTML and not point:
            # In SVG or MathML, but for the tags that leave it.
            if name not in _BREAKOUT and not (name == "font" and _FONT_BREAKOUT.search(tag)):
                ns = _SVG if parent == "annotation-xml" and name == "svg" else parent_ns
                return ns, _integration_point(ns, name, tag)
        elif parent_ns == _MATH and name in ("mglyph", "malignmark"):
            return _MATH, False  # they stay MathML in a MathML text point
    ns = _SVG if name == "svg" else _MATH if name == "math" else _HTML
    return ns, _integration_point(ns, name, tag)


def _integration_point(ns: str, name: str, tag: str) -> bool:
    if ns == _SVG:
        return name in _SVG_HTML_POINTS
    if ns == _MATH:
        if name == "annotation-xml":
            return _HTML_ANNOTATION.search(tag) is not None
        return name in _MATH_TEXT_POINTS
    return False


def _self_closing(tag: str) -> bool:
    """Whether a start tag ends with a self-closing ``/>``, not with an unquoted
    attribute value that ends in ``/`` (``<path d=a/>`` opens a path)."""
    if not tag.endswith("/>"):
        return False
    cut = max(map(tag.rfind, _SPACE_CHARS))
    last = tag[cut + 1 : -len("/>")]
    if cut > 0 and tag[:cut].rstrip(_SPACE_CHARS).endswith("="):
        # ``a= x/>`` or ``a= />``: the value is unquoted.
        return bool(last) and last[0] in "\"'"
    equals = last.find("=")
    if equals <= 0:
        return True  # ``<g/>``, ``<g a/>``
    value = last[equals + 1 :]
    return bool(value) and value[0] in "\"'"


def _table_part(entries: list[_Entry], names: tuple[str, ...], passing: Collection[str]) -> int:
    """The nearest open table part in ``names``, past only those in ``passing``; or -1."""
    for at in range(len(entries) - 1, max(-1, len(entries) - 1 - _LOOKBACK), -1):
        other, ns, _, _, _ = entries[at]
        if ns != _HTML or other not in _TABLE_PARTS:
            continue
        if other in names:
            return at
        if other not in passing:
            return -1
    return -1


def _in_table(entries: list[_Entry]) -> bool:
    """Whether a table part is open near the top (else the parser drops the new one)."""
    for at in range(len(entries) - 1, max(-1, len(entries) - 1 - _LOOKBACK), -1):
        if entries[at][0] in _TABLE_PARTS and entries[at][1] == _HTML:
            return True
    return len(entries) > _LOOKBACK


def _alike_again(stack: _Stack, name: str, html: str, tag: str, end: int) -> bool:
    """Whether ``tag``, just dropped past the limit, comes again at ``end`` and would be
    dropped the same way again: an HTML element that closes nothing on its way in (those
    that close a ``<p>`` close nothing while none is open), so a hostile page's million
    ``<x>`` go at once, not one by one."""
    top = stack.entries[-1]
    return (
        top[3]
        and top[1] == _HTML
        and not stack.open_p
        and name not in _CLOSING
        and html.startswith(tag, end)
    )


def _run_end(html: str, tag: str, start: int) -> int:
    """Where the run of ``tag`` repeated from ``start`` ends."""
    while html.startswith(tag, start):
        start += len(tag)
    return start
