"""The tag names of the parser model in ``nesting.py``: which elements are void, raw
text, special, scoped, formatting, and which start tags close others (WHATWG tree
construction, simplified)."""

from __future__ import annotations

import re


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


_RAW_TEXT = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"}
)
_VOID = _names("area base br col embed hr img input link meta param source track wbr keygen")
#: Never pushed: the parser has one of each, at the bottom of the stack.
_ROOTS = frozenset({"html", "head", "body"})
#: Tracked (they stop end tags) but not counted as depth.
_UNCOUNTED = _names("p li dd dt")
_TABLE_INNER = _names("tbody thead tfoot tr td th caption colgroup")
_TABLE_PARTS = _TABLE_INNER | {"table", "template"}
#: Blocks whose tags, dropped past the limit, become one line break.
_FLATTENED_BLOCKS = _names(
    "div p section article aside nav header footer main li ul ol dl dt dd table tr td th "
    "blockquote pre figure form h1 h2 h3 h4 h5 h6"
)
#: HTML elements of the parser's "special" category (those that are ever pushed).
_SPECIAL = _names(
    "address applet article aside blockquote button caption center colgroup dd details "
    "dialog dir div dl dt fieldset figcaption figure footer form frameset h1 h2 h3 h4 h5 "
    "h6 header hgroup li listing main marquee menu nav noscript object ol p plaintext pre "
    "search section select summary table tbody td template tfoot th thead tr ul"
)
#: SVG and MathML elements of that category (they bound scopes too).
_FOREIGN_SPECIAL = _names("foreignobject desc title mi mo mn ms mtext annotation-xml")
#: HTML elements that bound "in scope".
_SCOPE = _names("applet caption html table td th marquee object template")
_BUTTON_SCOPE = _SCOPE | {"button"}
_LIST_SCOPE = _SCOPE | {"ol", "ul"}
_TABLE_SCOPE = frozenset({"table", "template", "html"})
#: End tags that close their element when it is in scope, with all open inside it.
_SCOPED_END = _names(
    "address article aside blockquote button center details dialog dir div dl fieldset "
    "figcaption figure footer header hgroup listing main menu nav ol pre search section "
    "summary ul applet marquee object dd dt h1 h2 h3 h4 h5 h6 select form"
)
_FORMATTING = _names("a b big code em font i nobr s small strike strong tt u")
#: Start tags that close an open ``<p>`` (``<table>`` only in standards mode: left out).
_CLOSES_P = _names(
    "address article aside blockquote center details dialog dir div dl fieldset figcaption "
    "figure footer header hgroup main menu nav ol p search section summary ul h1 h2 h3 h4 "
    "h5 h6 pre listing form li dd dt"
)
#: Start tags that leave SVG or MathML for HTML (``<font>`` only with these attributes).
_BREAKOUT = _names(
    "b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr "
    "i img li listing menu meta nobr ol p pre ruby s small span strong strike sub sup "
    "table tt u ul var"
)
#: Start tags that may close an element other than a ``<p>`` (``_close_implied``).
_CLOSING = _names("li dd dt td th tr tbody thead tfoot caption colgroup table option")
_FONT_BREAKOUT = re.compile(r"[\t\n\f\r ](?:color|face|size)[\t\n\f\r ]*=", re.IGNORECASE)
_HTML_ANNOTATION = re.compile(
    r"[\t\n\f\r ]encoding[\t\n\f\r ]*=[\t\n\f\r ]*"
    r"(?:\"(?:text/html|application/xhtml\+xml)\"|'(?:text/html|application/xhtml\+xml)'"
    r"|(?:text/html|application/xhtml\+xml)(?=[\t\n\f\r >]))",
    re.IGNORECASE,
)
