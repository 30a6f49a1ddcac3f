"""What Lexbor is handed: ``prepare_html`` skips the steps with nothing to do on a page
by looking at its UTF-8 split at ``<``, and must hand over exactly what running every
step in turn hands over, whatever the page (long tags of few or many attributes,
multi-byte characters, lone surrogates, XHTML, enough tags to have their nesting looked
at), and whatever bytes it splits the page in at once; and the compiled encoding and
scan (``_cwalk.utf8`` and ``scan_tags``, where built) answer as ``str.encode`` and
``parse._scan`` do."""

from __future__ import annotations

import re
from unittest import mock

from hypothesis import given
from hypothesis import strategies as st

from cleaner.frontends.html import parse
from cleaner.frontends.html.nesting import NESTING_CHECK_MIN_TAGS, limit_nesting
from cleaner.frontends.html.parse import MAX_ATTRIBUTES, cap_attributes, prepare_html
from cleaner.frontends.html.xhtml import is_xhtml, xhtml_as_html

try:  # the compiled twin of ``parse._scan``, where built
    from cleaner.frontends.html import _cwalk  # type: ignore[attr-defined]
except ImportError:
    _cwalk = None

_SURROGATE = re.compile("[\ud800-\udfff]")


def every_step(html: str) -> bytes:
    """The bytes of the page after each step, each run whatever the page."""
    html = cap_attributes(html)
    if is_xhtml(html):
        html = xhtml_as_html(html) or html
    return _SURROGATE.sub("\ufffd", limit_nesting(html)).encode("utf-8")


#: The shortest start tag ``cap_attributes`` cuts (an attribute takes two characters).
SHORTEST_CUT = "<p" + " a" * (MAX_ATTRIBUTES + 1) + ">"
#: Long start tags near the length ``cap_attributes`` looks at, in characters and in
#: bytes (``é`` is two bytes, a surrogate three as U+FFFD), with few or many attributes.
LONG = [
    "<p " + "a " * n + ">"
    for n in (MAX_ATTRIBUTES - 1, MAX_ATTRIBUTES, MAX_ATTRIBUTES + 1, 2 * MAX_ATTRIBUTES)
] + [
    "<p " + "=" * 300 + ">",
    "<p " + "=" * 510 + ">",
    SHORTEST_CUT,
    "<p " + "=" * 511 + ">",
    "<p " + "=" * 600 + ">",
    "<p" + " é" * 300 + ">",
    "<P " + 'a="1"' * 300 + ">",
    "<p " + "'a'" * 300 + ">",
    # Attributes apart by Unicode or control white space only, one byte or more.
    "<p" + "\x1fa" * 300 + ">",
    "<p" + "\x85a" * 300 + ">",
    "<p" + "\u3000a" * 300 + ">",
    "<p" + "\u3000a" * (MAX_ATTRIBUTES - 1) + ">",
    # Long tags of few attributes, and one of boundaries just enough.
    "<img srcset='" + "a.jpg 1x," * 60 + "'>",
    "<p " + "a=b " * (MAX_ATTRIBUTES // 4) + "c" * 600 + ">",
    # (The first attribute needs no boundary before it.)
    "<p." + "a" * 600 + " b" * (MAX_ATTRIBUTES - 1) + ">",
    "<p." + "a" * 600 + " b" * MAX_ATTRIBUTES + ">",
    "<img src='" + "é" * 255 + "'>",
    "<img src='" + "é" * 260 + "'>",
    "<img src='" + "x" * 503 + "'>",
    "<img src='" + "x" * 504 + "'>",
    "<img src='" + "\ud800" * 300 + "'>",
    "<img src='" + "x" * 600,
    "<1 " + "a " * 300 + ">",
    "< " + "a " * 300 + ">",
]
PIECES = [
    "<",
    ">",
    "a",
    "é",
    "\ud83d",
    " ",
    "=",
    '"',
    "'",
    "/",
    "<p>",
    "</p>",
    "<div class='x'>",
    "</div>",
    "<!--",
    "-->",
    "<script>",
    "</script>",
    "<svg>",
    "<![CDATA[",
    "Words of text.",
]
XHTML = '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>'
DEEP = "<div><span>" * (NESTING_CHECK_MIN_TAGS // 4)

soup = st.lists(
    st.sampled_from(PIECES) | st.sampled_from(LONG) | st.text(max_size=4), max_size=40
).map("".join)


@given(
    start=st.sampled_from(["", XHTML, "<html><body>"]),
    middle=soup,
    deep=st.sampled_from(["", DEEP, DEEP + DEEP]),
    end=soup,
)
def test_prepare_html_hands_over_what_every_step_would(
    start: str, middle: str, deep: str, end: str
) -> None:
    page = start + middle + deep + end
    expected = every_step(page)
    assert prepare_html(page) == expected
    for window in (1, 7, 600):
        with mock.patch.object(parse, "_SCAN_WINDOW", window):
            assert prepare_html(page) == expected
    if _cwalk is not None:  # the compiled encoding and scan, where built
        assert prepare_html(page, _cwalk) == expected
        data = parse._utf8(page)
        assert _cwalk.scan_tags(data) == parse._scan(data)
        assert _cwalk.utf8(page) == (data if data.decode() == page else None)


def test_each_step_still_runs_when_it_has_work() -> None:
    for tag in LONG:
        assert prepare_html(tag + "<p>text") == every_step(tag + "<p>text")
        if _cwalk is not None:
            data = parse._utf8("<p>text" + tag + "<p>text")
            assert _cwalk.scan_tags(data) == parse._scan(data)
    assert every_step(SHORTEST_CUT) != SHORTEST_CUT.encode()
    tight = "<p." + "a" * 600 + " b" * MAX_ATTRIBUTES + ">"
    assert every_step(tight) != tight.encode()
    many = "<p " + " ".join(f"a{i}" for i in range(MAX_ATTRIBUTES + 10)) + ">text</p>"
    assert prepare_html(many) == every_step(many) != many.encode()
    deep = "<body>" + "<div>" * 5000 + "words"
    assert prepare_html(deep) == every_step(deep) != deep.encode()
    xhtml = XHTML + "<title/><p>words</p></body></html>"
    assert prepare_html(xhtml) == every_step(xhtml) != xhtml.encode()
    near = "<img src='" + "é" * 260 + "'>" + "<div>" * (NESTING_CHECK_MIN_TAGS - 2)
    assert prepare_html(near) == near.encode()
    # The nesting is looked at from exactly NESTING_CHECK_MIN_TAGS tags on.
    for tags in (NESTING_CHECK_MIN_TAGS - 1, NESTING_CHECK_MIN_TAGS):
        page = "<div>" * tags + "words"
        assert prepare_html(page) == every_step(page)
    assert every_step(page) != page.encode()


def _pattern_count(head: bytes, limit: int) -> int:
    """How many times ``_cut_tag`` matches ``_ATTRIBUTE`` in ``"<" + head`` (no more
    than ``limit``; 0 when it opens no start tag)."""
    tag = "<" + head.decode()
    name = parse._TAG_NAME.match(tag)
    if name is None or name.group(1):
        return 0
    pos, count = name.end(), 0
    while count < limit and (attribute := parse._ATTRIBUTE.match(tag, pos)) is not None:
        pos, count = attribute.end(), count + 1
    return count


#: What the tokenizer of attributes reads apart (ASCII and control white space too).
_ATTRIBUTE_BYTES = st.sampled_from(list("ab1:-=/\"' \t\n\x0b\x0c\r\x1c\x1f")).map(str.encode)


@given(
    name=st.sampled_from([b"a", b"div", b"x-y:z", b"!--", b"1", b"/p", b""]),
    body=st.lists(_ATTRIBUTE_BYTES, max_size=40).map(b"".join),
    limit=st.integers(1, 12),
)
def test_compiled_attribute_count_matches_the_pattern(name: bytes, body: bytes, limit: int) -> None:
    # ``scan_tags`` asks ``cuts`` only about a tag whose count here passes the cap.
    if _cwalk is None:
        return
    head = name + body + b">"
    assert _cwalk.attribute_count(head, limit) == _pattern_count(head, limit)
    assert _cwalk.attribute_count("<p é>".encode()[1:], limit) == -1
