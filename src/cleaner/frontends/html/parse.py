"""Parsing a page: one parse with selectolax's Lexbor parser, nesting limited first.

Pages nested deeper than ``MAX_NESTING`` are flattened before parsing: an HTML5 parser
checks open-element scopes on each block start tag, so parse time grows with depth
squared.
"""

from __future__ import annotations

import re
from itertools import accumulate

from selectolax.lexbor import LexborHTMLParser

#: Elements nested deeper than this are flattened before parsing. Lexbor, like every
#: HTML5 parser, checks open-element scopes on each block start tag, so parse time grows
#: with depth squared (100,000 nested divs take about 20 s); browsers cap depth too.
MAX_NESTING = 512
#: A page with fewer tags than this cannot nest deep enough to be slow to parse.
_NESTING_CHECK_MIN_TAGS = 4000
#: An end tag of a flattened page closes the nearest open element of its name among
#: this many (misnested tags farther up are left open): a bound on the cost per tag.
_END_TAG_LOOKBACK = 64
_NESTING_ESTIMATE = re.compile(
    r"<(/?)(?:div|section|article|aside|nav|header|footer|main|ul|ol|table|blockquote|"
    r"form|span|a|b|i|em|strong|font|center|figure|details|fieldset)(?=[\s/>])",
    re.IGNORECASE,
)
_TAG = re.compile(
    r"<!--.*?(?:-->|$)|<(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9:-]*)[^>]*>", re.DOTALL
)
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

    Pages that cannot be that deep are returned unchanged after two C-level counts.
    Past the limit, start and end tags are dropped (block tags become ``<br>``), so the
    text stays, in order, inside the element at the limit.
    """
    if html.count("<") < _NESTING_CHECK_MIN_TAGS:
        return html
    steps = map({"": 1, "/": -1}.__getitem__, _NESTING_ESTIMATE.findall(html))
    if max(accumulate(steps, initial=0)) <= max_depth:
        return html
    return _flatten(html, max_depth)


def _flatten(html: str, max_depth: int) -> str:
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # open elements: name, dropped
    last = pos = 0
    while True:
        m = _TAG.search(html, pos)
        if m is None:
            break
        pos = m.end()
        name = m.group("name")
        if name is None:
            continue  # a comment
        name = name.lower()
        drop = False
        if not m.group("close"):
            if name in _RAW_TEXT:
                end = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(html, pos)
                pos = end.end() if end else len(html)
                continue
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
            out.append(html[last : m.start()])
            out.append("<br>" if name in _FLATTENED_BLOCKS else "")
            last = m.end()
    if not out:
        return html
    out.append(html[last:])
    return "".join(out)


def parse_html(html: str) -> LexborHTMLParser:
    """Parse a page once (nesting limited first); the tree ``html_to_blocks`` takes.

    Lexbor reads UTF-8: the page is encoded here, once (the parser's own encoding of a
    ``str`` costs as much again, and drops lone surrogates silently). Lone surrogates,
    which UTF-8 cannot hold, become U+FFFD, as any UTF-8 round trip would leave them.
    """
    html = limit_nesting(html)
    try:
        data = html.encode("utf-8")
    except UnicodeEncodeError:
        data = _LONE_SURROGATE.sub("\ufffd", html).encode("utf-8")
    return LexborHTMLParser(data)
