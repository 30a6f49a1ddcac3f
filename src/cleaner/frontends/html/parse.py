"""Parsing a page: one parse with selectolax's Lexbor parser, made safe first.

Pages nested deeper than ``MAX_NESTING`` are flattened before parsing: an HTML5 parser
checks open-element scopes on each block start tag, so parse time grows with depth
squared. Start tags keep at most ``MAX_ATTRIBUTES`` attributes, for the same reason.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from .xhtml import is_xhtml, xhtml_as_html

#: Elements nested deeper than this are flattened before parsing. Lexbor, like every
#: HTML5 parser, checks open-element scopes on each block start tag, so parse time grows
#: with depth squared (100,000 nested divs take about 20 s); browsers cap depth too.
MAX_NESTING = 512
#: A page with fewer tags than this cannot nest deep enough to be slow to parse.
_NESTING_CHECK_MIN_TAGS = 4000
#: An end tag of a flattened page closes the nearest open element of its name among
#: this many (misnested tags farther up are left open): a bound on the cost per tag.
_END_TAG_LOOKBACK = 64
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
#: A tag ends at the first ``>``; one broken off by the next ``<`` is text (so that a
#: page of ``<a `` never scans to its end from each one).
_TAG = re.compile(r"<!--.*?(?:-->|$)|<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*+>", re.DOTALL)
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_RAW_TEXT = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"}
)
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "keygen",
    }
)
_OPTIONAL_END = frozenset(
    {
        "p",
        "li",
        "dt",
        "dd",
        "option",
        "optgroup",
        "tr",
        "td",
        "th",
        "thead",
        "tbody",
        "tfoot",
        "colgroup",
        "caption",
        "rb",
        "rt",
        "rtc",
        "rp",
        "html",
        "head",
        "body",
    }
)
_FLATTENED_BLOCKS = frozenset(
    {
        "div",
        "p",
        "section",
        "article",
        "aside",
        "nav",
        "header",
        "footer",
        "main",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "table",
        "tr",
        "td",
        "th",
        "blockquote",
        "pre",
        "figure",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
    }
)


def limit_nesting(html: str, max_depth: int = MAX_NESTING) -> str:
    """``html`` with elements nested deeper than ``max_depth`` flattened into text.

    Pages that cannot be that deep are returned unchanged after one count of their
    tags. Past the limit, start and end tags are dropped (block tags become ``<br>``),
    so the text stays, in order, inside the element at the limit.
    """
    if html.count("<") < _NESTING_CHECK_MIN_TAGS:
        return html
    if _depth_bound(html) <= max_depth:
        return html
    return _flatten(html, max_depth)


def _depth_bound(html: str) -> int:
    """A bound of the page's nesting depth, every tag counted, known or not.

    Per tag name, the most elements of that name open at once (an end tag closes one
    only when one is open: stray end tags of other names never hide depth); the sum
    over names bounds the depth. Void elements and those whose end tag is optional
    (``<p>``, ``<li>``, ``<td>``: the parser closes them itself) are not counted.
    """
    opened: dict[str, int] = {}
    peak: dict[str, int] = {}
    for slash, name in _TAG_NAME.findall(html):
        name = name.lower()
        if name in _NOT_NESTING:
            continue
        count = opened.get(name, 0)
        if slash:
            if count:
                opened[name] = count - 1
        else:
            opened[name] = count = count + 1
            if count > peak.get(name, 0):
                peak[name] = count
    return sum(peak.values())


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


_NOT_NESTING = _VOID | _OPTIONAL_END


def _flatten(html: str, max_depth: int) -> str:
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # open elements: name, dropped
    last = 0
    tags = _TAG.finditer(html)
    while tags is not None:
        rest, tags = tags, None
        for m in rest:
            slash, name = m.groups()
            if name is None:
                continue  # a comment
            name = name.lower()
            drop = False
            if not slash:
                if name in _RAW_TEXT:
                    end = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(html, m.end())
                    if end is not None:
                        tags = _TAG.finditer(html, end.end())
                    break
                if name in _VOID or m.group(0).endswith("/>"):
                    continue
                if len(stack) >= max_depth:
                    stack.append((name, True))
                    drop = True
                elif name not in _OPTIONAL_END:
                    stack.append((name, False))
            else:
                for j in range(len(stack) - 1, max(-1, len(stack) - _END_TAG_LOOKBACK), -1):
                    if stack[j][0] == name:
                        drop = stack[j][1]
                        del stack[j:]
                        break
                else:
                    drop = len(stack) >= max_depth
            if drop:
                start, end_ = m.span()
                if start > last or not out or out[-1] != "<br>":
                    out.append(html[last:start])
                    # A run of dropped block tags with nothing between is one break.
                    out.append("<br>" if name in _FLATTENED_BLOCKS else "")
                last = end_
    if not out:
        return html
    out.append(html[last:])
    return "".join(out)


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
