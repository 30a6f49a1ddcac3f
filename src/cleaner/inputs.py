"""From whatever the caller passed to a ``str`` and a kind ("text" or "html").

Everything here is linear in the input and looks at bounded samples where it guesses:
the size limit is checked before any work, bytes are decoded (``decoding``: binary data
is refused with a typed error), and the kind is sniffed, past a byte-order mark, from
the share and structure of the markup. docs/limits.md documents each
decision.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice
from typing import Any

import regex

from .decoding import binary_kind, binary_text_kind, control_share, decode_bytes
from .errors import InputTooLargeError, InputTypeError, InputValueError

__all__ = [
    "KINDS",
    "binary_kind",
    "check_block_count",
    "coerce",
    "control_share",
    "decode_bytes",
    "looks_like_html",
    "text_blocks_exceed",
    "tree_markup",
]

KINDS = ("text", "html")

#: How far into a text the HTML sniff looks.
SNIFF_CHARS = 4096
#: Tags (opening or closing) in the sniffed head that make markup dense enough for HTML,
#: when they also come several to a line or start most lines.
MIN_TAGS = 5
#: "Many tags per line": at least this many tags per non-blank line of the head.
TAGS_PER_LINE = 3

# A document shell: what an HTML document starts with, after leading white space.
# (Leading comments are recognised on their own: a regex that skips a repeated lazy
# comment group before the tag backtracks exponentially on a run of comments.)
_SHELL = regex.compile(r"<(?:!doctype\s+html|\?xml|html|head|body)\b", regex.IGNORECASE)
# The first tag of an HTML fragment ("<p>Hello</p>").
_HTML_FIRST_TAG = regex.compile(
    r"<(?:!doctype\s+html|\?xml|html|head|body|meta|title|div|p|article|section|main|span"
    r"|a|table|ul|ol|h[1-6]|link|script|style)\b",
    regex.IGNORECASE,
)
_TAG = regex.compile(
    r"</?(?:html|head|body|div|p|span|a|br|table|tr|td|li|ul|ol|h[1-6]|article|section|script"
    r"|meta|img|nav|header|footer)\b[^<>]{0,400}>",
    regex.IGNORECASE,
)
_CLOSING_TAG = regex.compile(
    r"</(?:html|head|body|div|p|span|a|table|tr|td|li|ul|ol|h[1-6]|article|section|script"
    r"|nav|header|footer|title|style|b|i|em|strong)\s*>",
    regex.IGNORECASE,
)
# A line that starts with a tag (after indentation).
_TAG_LINE = regex.compile(r"^[ \t]*+</?[A-Za-z!]", regex.MULTILINE)
_LEADING_SPACE = regex.compile(r"\s*+")
# The line boundaries of str.splitlines, and a non-blank line (one match per line: the
# match runs from its first non-space character to the end of the line).
_LINE_SEPARATORS = ("\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
_NON_BLANK_LINE = regex.compile(
    r"[^\s\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029][^\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]*+"
)


def coerce(
    raw: object,
    kind: str | None,
    max_bytes: int,
    max_blocks: int | None = None,
    encoding: str | None = None,
    count_controls: Callable[[str], int] | None = None,
) -> tuple[str, str]:
    """Check and decode ``raw``; return the text and its kind.

    ``encoding`` is the caller's declared charset for bytes (the HTTP header's; a label
    or a Content-Type value); it is ignored for a ``str``.

    ``raw`` may also be a parsed page (``tree_markup``): its markup, kind "html".
    ``count_controls``: the compiled twin counting a ``str``'s control characters
    (``decoding.dense_controls``' ``count``), or None.

    Raises ``InputTypeError`` for a type other than ``str``/``bytes`` or a tree,
    ``InputTooLargeError`` above ``max_bytes`` (UTF-8 bytes for a ``str``) or, for text,
    above ``max_blocks`` non-blank lines, ``InputBinaryError`` for binary data and
    ``InputValueError`` for an unknown kind.
    """
    if kind is not None and (not isinstance(kind, str) or kind not in KINDS):
        raise InputValueError(f"kind must be one of {KINDS} or None, got {kind!r}")
    if not isinstance(raw, (str, bytes, bytearray, memoryview)):
        markup = tree_markup(raw)
        if markup is None:
            raise InputTypeError(
                "expected str or bytes (or a page parsed by lxml, parsel or selectolax), "
                f"got {type(raw).__name__}"
            )
        if kind == "text":
            raise InputValueError("a parsed tree is HTML: kind must be 'html' or None")
        raw, kind = markup, "html"
    if isinstance(raw, (bytearray, memoryview)):
        raw = bytes(raw)
    if isinstance(raw, bytes):
        if len(raw) > max_bytes:
            raise InputTooLargeError(f"input is {len(raw)} bytes; the limit is {max_bytes}")
        text = decode_bytes(raw, html_hint=kind != "text", encoding=encoding)
    elif isinstance(raw, str):
        # A str may be up to 4 bytes a character; only measure when it could be too big.
        if len(raw) * 4 > max_bytes and len(raw.encode("utf-8", "surrogatepass")) > max_bytes:
            raise InputTooLargeError(f"input is larger than the limit of {max_bytes} bytes")
        # A str is never refused (a caller may clean any str without an exception); one
        # that is plainly binary data (a file signature, dense control characters) has
        # no article in it and cleans to an empty result.
        text = "" if binary_text_kind(raw, count_controls) else str(raw)
    else:
        raise InputTypeError(f"expected str or bytes, got {type(raw).__name__}")
    if kind is None:
        kind = "html" if looks_like_html(text) else "text"
    # Count before the text front-end builds a block (~1 KB each) per line.
    if kind == "text" and max_blocks is not None and text_blocks_exceed(text, max_blocks):
        check_block_count(max_blocks + 1, max_blocks)
    # Lone surrogates stay: the text path keeps them as given, and the HTML front-end
    # replaces them when it encodes the page for its parser.
    return text, kind


def tree_markup(raw: object) -> str | None:
    """The HTML of a parsed page or element; None for anything else.

    Accepted: an lxml element or element tree (``lxml.html``, ``lxml.etree``), a parsel
    or Scrapy ``Selector`` (its ``root``), a selectolax parser or node (Lexbor or
    Modest). The tree is serialised and cleaned as the page's markup: the caller's tree
    is never changed (the front-end removes elements from the tree it walks), and the
    text is the text of the same page given as a string. Recognised by the module of
    the type, so none of these packages is imported here.
    """
    for cls in type(raw).__mro__:
        module = cls.__module__ or ""
        if module.startswith("lxml."):
            return _lxml_markup(raw)
        if module.startswith("parsel.") and cls.__name__ == "Selector":
            root = getattr(raw, "root", None)
            # A JSON or text selector holds no tree.
            return None if root is None or isinstance(root, str) else tree_markup(root)
        if module.startswith("selectolax.") and hasattr(raw, "html"):
            markup = raw.html  # None for an empty document
            return markup if isinstance(markup, str) else ""
    return None


def _lxml_markup(raw: Any) -> str | None:
    from lxml import etree

    if isinstance(raw, etree._Element):
        # The document's root: the whole document, with its doctype.
        if raw.getparent() is None and raw.getroottree().getroot() is raw:
            raw = raw.getroottree()
    elif not isinstance(raw, etree._ElementTree):
        return None
    return etree.tostring(raw, method="html", encoding="unicode", with_tail=False)


def check_block_count(n_blocks: int, max_blocks: int) -> None:
    """Raise ``InputTooLargeError`` when a page makes more than ``max_blocks`` blocks."""
    if n_blocks > max_blocks:
        raise InputTooLargeError(
            f"the page makes more than {max_blocks} blocks (Config.max_blocks)"
        )


def text_blocks_exceed(text: str, limit: int) -> bool:
    """True when the text front-end would make more than ``limit`` blocks (non-blank
    lines), found without making them: line-break counts give an upper bound first, so
    ordinary text is never scanned line by line here."""
    if len(text) <= limit:
        return False  # (a non-blank line holds a character: no scan at all)
    if 1 + sum(text.count(sep) for sep in _LINE_SEPARATORS) <= limit:
        return False
    return sum(1 for _ in islice(_NON_BLANK_LINE.finditer(text), limit + 1)) > limit


def looks_like_html(text: str) -> bool:
    """True when the text is markup rather than text that mentions tags.

    HTML: a document shell or a comment at the start (after white space); a fragment
    that starts with a known tag and closes one; or at least ``MIN_TAGS`` tags in the
    head that come ``TAGS_PER_LINE`` or more to a line, or start half of its lines.
    Prose that names ``<p>`` or ``<div>`` has few tags, in running text.
    """
    # A byte-order mark a caller's decoding left would hide the markup. (It stays in
    # the text: the text path keeps lines as given; the HTML parser skips it.)
    head = text[1 : SNIFF_CHARS + 1] if text.startswith("\ufeff") else text[:SNIFF_CHARS]
    pos = _LEADING_SPACE.match(head).end()
    # A text dump never starts with a comment; an HTML page often does.
    if head.startswith("<!--", pos) or _SHELL.match(head, pos):
        return True
    if _HTML_FIRST_TAG.match(head, pos) and _CLOSING_TAG.search(head):
        return True
    n_tags = len(_TAG.findall(head))
    if n_tags < MIN_TAGS:
        return False
    n_lines = sum(1 for _ in _NON_BLANK_LINE.finditer(head))
    n_tag_lines = len(_TAG_LINE.findall(head))
    return n_tags >= TAGS_PER_LINE * n_lines or 2 * n_tag_lines >= n_lines
