"""Parsing a page: one parse with selectolax's Lexbor parser, made safe first.

Pages nested deeper than ``MAX_NESTING`` are flattened before parsing: an HTML5 parser
checks open-element scopes on each block start tag, so parse time grows with depth
squared. Start tags keep at most ``MAX_ATTRIBUTES`` attributes, for the same reason.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from .nesting import MAX_NESTING, limit_nesting
from .xhtml import is_xhtml, xhtml_as_html

__all__ = ["MAX_ATTRIBUTES", "MAX_NESTING", "cap_attributes", "limit_nesting", "parse_html"]

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
#: One attribute of a start tag, as the HTML tokenizer splits them (a name runs to
#: white space, ``/``, ``=`` or ``>``). Separators are taken only from where their run
#: starts, so a search never rescans a long run from each of its characters.
_ATTRIBUTE = re.compile(
    r"""(?<![\s/])[\s/]*+(?:=[^\s/>=]*+|[^\s/>=]++)(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]++))?+"""
)
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def cap_attributes(html: str, max_attributes: int = MAX_ATTRIBUTES) -> str:
    """``html`` with each start tag cut after its first ``max_attributes`` attributes.

    Only start tags long enough to hold that many are looked at; a page without one
    is returned as it is after one scan.
    """
    if _LONG_TAG.search(html) is None:
        return html

    def cap(match: re.Match[str]) -> str:
        tag = match.group(0)
        pos = _TAG_NAME.match(tag).end()  # type: ignore[union-attr]
        for _ in range(max_attributes):
            attribute = _ATTRIBUTE.match(tag, pos)
            if attribute is None:
                return tag
            pos = attribute.end()
        return tag if _ATTRIBUTE.match(tag, pos) is None else tag[:pos] + ">"

    return _LONG_TAG.sub(cap, html)


def parse_html(html: str) -> LexborHTMLParser:
    """Parse a page once; the tree ``html_to_blocks`` takes.

    Start tags keep their first ``MAX_ATTRIBUTES`` attributes, a page that declares
    itself XHTML is read as XML when it is well-formed (``xhtml.py``), and nesting is
    limited, before Lexbor parses it.

    Lexbor reads UTF-8: the page is encoded here, once (the parser's own encoding of a
    ``str`` costs as much again, and drops lone surrogates silently). Lone surrogates,
    which UTF-8 cannot hold, become U+FFFD, as any UTF-8 round trip would leave them.
    """
    html = cap_attributes(html)
    if is_xhtml(html):
        html = xhtml_as_html(html) or html
    html = limit_nesting(html)
    try:
        data = html.encode("utf-8")
    except UnicodeEncodeError:
        data = _LONE_SURROGATE.sub("\ufffd", html).encode("utf-8")
    return LexborHTMLParser(data)
