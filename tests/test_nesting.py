"""The nesting limiter's model of the parser's open elements (issue 17, item 5).

Each shape below nests without end in an HTML5 parser although its end tags look
balanced to a counter that lets every end tag close its element: the parser ignores
``</div>`` inside a table cell, ``</x-foo>`` or ``</b>`` above a ``<div>``, reopens
formatting elements closed by another end tag, and reads ``/>`` on HTML elements as
``>``. Repeated, each must come out of ``limit_nesting`` no deeper than a small
multiple of ``MAX_NESTING`` as Lexbor parses it; pages of natural shapes must come
out unchanged.
"""

from __future__ import annotations

import re

import pytest
from selectolax.lexbor import LexborHTMLParser

from cleaner import clean_article
from cleaner.frontends.html import MAX_NESTING, limit_nesting
from cleaner.frontends.html.nesting import NESTING_CHECK_MIN_TAGS

#: Paragraphs, list items and definitions are not counted as depth, and a table's
#: implied ``<tbody>`` is not seen: the parsed depth may be a little past the limit.
DEPTH_BOUND = 2 * MAX_NESTING
PARAGRAPH = (
    "<p>The council voted on Tuesday to extend the program for another year, after a "
    "long debate in which members weighed its cost against the number of families.</p>"
)

DEEP_SHAPES = {
    # End tags the parser ignores in table scope: the div stays open in each cell.
    "div closed in a cell": "<div><table><tr><td></div></td></tr></table>",
    "section closed in a caption": "<section><table><caption></section></caption></table>",
    "div closed in an svg desc": "<div><svg><desc></div></desc></svg>",
    # An end tag of no special element stops at a special one.
    "unknown tag over a div": "<x-foo><div></x-foo></div>",
    "span over a section": "<span><section></span></section>",
    "formatting over a div": "<b><div></b>",
    # Formatting elements closed by another end tag are reopened by the parser.
    "formatting reopened": "<x-foo><b></x-foo>",
    "formatting reopened by text": "<div><i class=a></div>x",
    # ``/>`` closes only SVG and MathML elements.
    "self-closed div": "<div/>",
    "self-closed unknown tag": "<x-foo/>",
    "svg element with an unquoted value ending in a slash": "<svg><g d=a/>",
    "self-closed div in svg": "<svg><div/></svg>",
    # Elements that nest in themselves outside their usual parent.
    "optgroup": "<optgroup>",
    "ruby base": "<rb>",
    "table in a cell": "<table><tr><td>",
    "foreign table row": "<svg><desc><tr>",
    "mathml glyph": "<math><mi><mglyph>",
    # What is not a tag to the parser closes nothing.
    "end tag in cdata": "<div><svg><![CDATA[</div>]]></svg>",
    "end tag in a script": '<div><script>"</div>"</script>',
    "script not ended by a non-breaking space": "<div><script></script\u00a0></div></script>",
    "end tag in a comment": "<div><!-- </div> -->",
    "end tag in an attribute": '<div><a title="</div>">',
    "end tag in a bogus comment": "<div><! </div>>",
    "end tag with a non-breaking space": "<div></div\u00a0>",
    "name lower-cased beyond ascii": "<x\u212a></xk>",
    "form closed alone": "<form><div></form>",
}


def parsed_depth(html: str) -> int:
    tree = LexborHTMLParser(html.encode("utf-8"))
    deepest = 0
    stack = [(tree.body, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        child = node.child
        while child is not None:
            if child.tag != "-text":
                stack.append((child, depth + 1))
            child = child.next
    return deepest


@pytest.mark.parametrize("shape", DEEP_SHAPES)
def test_shapes_that_nest_in_the_parser_are_flattened(shape: str) -> None:
    unit = DEEP_SHAPES[shape]
    # Enough tags to be looked at (NESTING_CHECK_MIN_TAGS), and deeper than the bound.
    page = "<body>" + unit * max(3000, NESTING_CHECK_MIN_TAGS // unit.count("<") + 1) + PARAGRAPH
    assert parsed_depth(page) > DEPTH_BOUND  # the shape does nest
    assert parsed_depth(limit_nesting(page)) <= DEPTH_BOUND


def test_a_deep_shape_keeps_its_text() -> None:
    page = "<body>" + DEEP_SHAPES["div closed in a cell"] * 3000 + PARAGRAPH
    assert "The council voted" in clean_article(page)


NATURAL_SHAPES = {
    "unclosed paragraphs": "<p>A paragraph that nobody closed",
    "unclosed list items": "<ul><li>one<li>two<li>three</ul>",
    "unclosed definitions": "<dl><dt>term<dd>definition<dt>term<dd>definition</dl>",
    "table of unclosed cells": "<table><tr><td>a<td>b<tr><td>c<td>d</table>",
    "rows without a table end": "<tr><td>a</td><td>b</td></tr>",
    "svg icons": '<svg viewBox="0 0 1 1"><path d="M0 0"/><circle r="1"/></svg>',
    "links and emphasis": '<a href="/x">a <b>bold</b> <i>word</i></a><br/><img src=a/>',
    "paragraph closed by a div": "<div><p>text<div>inner</div></div>",
    "options": "<select><option>a<option>b<optgroup><option>c</select>",
    "ruby": "<ruby>漢<rb>a<rt>かん<rp>(</ruby>",
    "inline in a cell": "<table><tr><td><span>a</span><b>b</b></td></tr></table>",
    "block link": '<a href="/y"><div><h2>Title</h2><p>summary</p></div></a>',
}


@pytest.mark.parametrize("shape", NATURAL_SHAPES)
def test_natural_shapes_are_left_as_they_are(shape: str) -> None:
    page = "<body><div>" + NATURAL_SHAPES[shape] * 3000 + "</div>" + PARAGRAPH
    assert limit_nesting(page) == page


@pytest.mark.parametrize("tag", ["<x>", '<span class="a">', "<x-foo id=1>", "<b>"])
def test_a_run_of_one_start_tag_past_the_limit_goes_as_its_tags_one_by_one(tag: str) -> None:
    """Past the limit a run of the same start tag is dropped at once; a comment between
    the tags makes the limiter take them one at a time: the same page but the comments."""
    page = tag * NESTING_CHECK_MIN_TAGS + PARAGRAPH + "</x>" * 10
    run = limit_nesting(page, max_depth=64)
    one_by_one = limit_nesting(page.replace(tag, tag + "<!---->"), max_depth=64)
    assert run == one_by_one.replace("<!---->", "")
    assert run.count(tag) == 64


def test_a_run_stops_where_a_start_tag_would_close_something() -> None:
    # ``<li>`` closes the open ``<li>``: not a run, each is taken alone.
    page = "<ul>" + "<li>" * 5000 + PARAGRAPH
    assert limit_nesting(page, max_depth=64) == limit_nesting(
        page.replace("<li>", "<li><!---->"), max_depth=64
    ).replace("<!---->", "")


@pytest.mark.parametrize("tag", ["<dl>", "<div class=menu>", "<address>"])
def test_a_run_of_tags_that_close_a_p_is_one_run_while_no_p_is_open(tag: str) -> None:
    # Taken one by one, each dropped block tag leaves its own break: one for the run.
    for page in (tag * NESTING_CHECK_MIN_TAGS + PARAGRAPH, "<p>x" + tag * NESTING_CHECK_MIN_TAGS):
        one_by_one = limit_nesting(page.replace(tag, tag + "<!---->"), max_depth=64)
        assert limit_nesting(page, max_depth=64) == re.sub(
            "(?:<br>)+", "<br>", one_by_one.replace("<!---->", "")
        )
