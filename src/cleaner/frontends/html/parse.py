"""Parsing a page: one parse with selectolax's Lexbor parser, made safe first.

Pages nested deeper than ``MAX_NESTING`` are flattened before parsing: an HTML5 parser
checks open-element scopes on each block start tag, so parse time grows with depth
squared. Start tags keep at most ``MAX_ATTRIBUTES`` attributes, for the same reason.
"""

from __future__ import annotations

import re
from itertools import compress
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from .nesting import MAX_NESTING, NESTING_CHECK_MIN_TAGS, limit_nesting
from .xhtml import is_xhtml, xhtml_as_html

__all__ = [
    "MAX_ATTRIBUTES",
    "MAX_NESTING",
    "cap_attributes",
    "limit_nesting",
    "parse_html",
    "prepare_html",
]

#: Any start or end tag, known or not (``<x-foo>``, ``<address>``, ``<dl>``).
_TAG_NAME = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)")
#: Attributes an element keeps; the rest of a start tag holding more is dropped before
#: parsing (the parser checks each new attribute against the element's others, so a
#: tag's cost grows with its attribute count squared: 100,000 took 88 s).
MAX_ATTRIBUTES = 256
#: The fewest characters an attribute takes in a start tag: a space and a name.
_MIN_ATTRIBUTE_CHARS = 2
#: A start tag this long may hold more than ``MAX_ATTRIBUTES`` attributes; pages
#: without one are not rewritten.
_LONG_TAG = re.compile(rf"<[A-Za-z][^<>]{{{_MIN_ATTRIBUTE_CHARS * MAX_ATTRIBUTES},}}>")
#: The fewest bytes after its ``<`` of a start tag ``_LONG_TAG`` finds: a letter, the
#: attributes' characters and ``>``.
_LONG_TAG_BYTES = _MIN_ATTRIBUTE_CHARS * MAX_ATTRIBUTES + 2
#: Bytes of a page split at ``<`` at once: the pieces of a window of many tags take up
#: to 16 times its size (a ``bytes`` object for each ``<x>``).
_SCAN_WINDOW = 1 << 20
#: One attribute of a start tag, as the HTML tokenizer splits them (a name runs to
#: white space, ``/``, ``=`` or ``>``). Separators are taken only from where their run
#: starts, so a search never rescans a long run from each of its characters.
_ATTRIBUTE = re.compile(
    r"""(?<![\s/])[\s/]*+(?:=[^\s/>=]*+|[^\s/>=]++)(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]++))?+"""
)
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
#: The UTF-8 bytes that may start an attribute after a tag's first, or end the one
#: before it (``_ATTRIBUTE``): white space, ``/``, ``=`` and quotes, and every non-ASCII
#: byte (for Unicode white space). A start tag holds at most one attribute more than
#: it has of them, so most long tags (a ``srcset``, an inline ``style``) need no closer
#: look.
_BOUNDARY_BYTES = b"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f /=\"'" + bytes(range(0x80, 0x100))


def cap_attributes(html: str, max_attributes: int = MAX_ATTRIBUTES) -> str:
    """``html`` with each start tag cut after its first ``max_attributes`` attributes.

    Only start tags long enough to hold that many are looked at; a page without one
    is returned as it is after one scan.
    """
    if _LONG_TAG.search(html) is None:
        return html
    return _LONG_TAG.sub(lambda match: _cut_tag(match.group(0), max_attributes), html)


def _cut_tag(tag: str, max_attributes: int) -> str:
    """The start tag ``tag`` cut after its first ``max_attributes`` attributes (itself
    when it holds no more)."""
    pos = _TAG_NAME.match(tag).end()  # type: ignore[union-attr]
    for _ in range(max_attributes):
        attribute = _ATTRIBUTE.match(tag, pos)
        if attribute is None:
            return tag
        pos = attribute.end()
    return tag if _ATTRIBUTE.match(tag, pos) is None else tag[:pos] + ">"


def _scan(data: bytes) -> tuple[int, bool]:
    """How many ``<`` the page's UTF-8 ``data`` holds, and whether ``cap_attributes``
    would cut one of its tags.

    The same answers as ``limit_nesting``'s count and as comparing ``cap_attributes``'s
    result with the page, at a third of their cost: the page is split at ``<`` in C,
    ``_SCAN_WINDOW`` bytes at a time, and most pieces are looked at only for their
    length. Each ``_LONG_TAG`` starts a piece, after the page's first, and is as long
    in bytes as in characters or longer (UTF-8 puts no ``<`` or ``>`` byte inside a
    character), so the pieces long enough in bytes, decoded, hold every one of them;
    of those, only a tag with ``MAX_ATTRIBUTES`` of ``_BOUNDARY_BYTES`` is decoded.
    """
    tags, cut, start = 0, False, 0
    while start < len(data):
        # A window ends before a ``<``: each piece lies in one window.
        end = data.find(b"<", start + _SCAN_WINDOW)
        pieces = data[start : len(data) if end < 0 else end].split(b"<")
        tags += len(pieces) - 1
        for piece in compress(pieces, map(_LONG_TAG_BYTES.__le__, map(len, pieces))):
            close = piece.find(b">") + 1
            if cut or close < _LONG_TAG_BYTES or piece is pieces[0]:
                continue  # (a window's first piece follows no ``<`` of it)
            head = piece[:close]
            if close - len(head.translate(None, _BOUNDARY_BYTES)) < MAX_ATTRIBUTES:
                continue  # too few boundaries for more attributes than the cap
            cut = cuts(head)
        start = len(data) if end < 0 else end
    return tags, cut


def cuts(head: bytes) -> bool:
    """Whether ``cap_attributes`` cuts the start tag whose UTF-8 after its ``<`` is
    ``head`` (``_scan``, and its compiled twin, ask it of a tag that may hold more
    attributes than the cap)."""
    tag = "<" + head.decode("utf-8")
    return _LONG_TAG.fullmatch(tag) is not None and _cut_tag(tag, MAX_ATTRIBUTES) != tag


def _utf8(html: str, compiled: Any = None) -> bytes:
    """``html`` in UTF-8, lone surrogates (which UTF-8 cannot hold) as U+FFFD.
    ``compiled``: the compiled twins (``prepare_html``)."""
    try:
        data = html.encode("utf-8") if compiled is None else compiled.utf8(html)
        if data is not None:
            return data
    except UnicodeEncodeError:
        pass
    return _LONE_SURROGATE.sub("\ufffd", html).encode("utf-8")


def parse_html(html: str, compiled: Any = None, *, code: bool = True) -> LexborHTMLParser:
    """Parse a page once; the tree ``html_to_blocks`` takes (the bytes
    ``prepare_html`` makes of it, ``compiled`` as there). ``code=False`` (the
    pipeline's, which reads no script but JSON-LD), with ``compiled``: the text of the
    page's scripts and style sheets is left out before parsing (``_celide.pxi``:
    Lexbor reads each of their bytes, a third of a page's); their elements stay."""
    data = prepare_html(html, compiled)
    if not code and compiled is not None:
        data = compiled.elide_code(data)
    return LexborHTMLParser(data)


def prepare_html(html: str, compiled: Any = None) -> bytes:
    """The UTF-8 Lexbor parses for the page ``html``.

    Start tags keep their first ``MAX_ATTRIBUTES`` attributes, a page that declares
    itself XHTML is read as XML when it is well-formed (``xhtml.py``), and nesting is
    limited, before Lexbor parses it.

    Lexbor reads UTF-8: the page is encoded here, once when none of those steps changes
    it (the parser's own encoding of a ``str`` costs as much again, and drops lone
    surrogates silently). Lone surrogates, which UTF-8 cannot hold, become U+FFFD, as
    any UTF-8 round trip would leave them. The UTF-8 also tells the first and last
    steps whether they have anything to do (``_scan``).

    ``compiled``: the compiled twins of the encoding and of ``_scan``
    (``compiled.compiled_prepare()``: ``_cwalk.utf8`` and ``scan_tags``, the same
    bytes and answers), or None for Python's.
    """
    data: bytes | None = _utf8(html, compiled)
    tags, cut = _scan(data) if compiled is None else compiled.scan_tags(data)
    if cut:
        html, data = cap_attributes(html), None
    if is_xhtml(html):
        xhtml = xhtml_as_html(html)
        if xhtml is not None:
            html, data = xhtml, None
    # (``limit_nesting`` would count the tags again.)
    if data is None or tags >= NESTING_CHECK_MIN_TAGS:
        flat = limit_nesting(html)
        if flat is not html:
            html, data = flat, None
    return _utf8(html, compiled) if data is None else data
