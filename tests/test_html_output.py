"""The HTML output: built from the blocks alone, safe, with the text output's words."""

from __future__ import annotations

import re

import lxml.html
import pytest
from benchmark_pages import html_pages
from helpers import PROSE
from hypothesis import given
from hypothesis import strategies as st

from cleaner import Cleaner, InputValueError, OutputOptions, clean_and_explain, clean_article
from cleaner.blocks import Block, BlockKind, Mark, Markup, Removal
from cleaner.frontends.html import html_to_blocks
from cleaner.render.html import build_html, render_html
from cleaner.tools.cli import main

WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return WORD.findall(text)


def html_words(html: str) -> list[str]:
    return words(lxml.html.fragment_fromstring(html).text_content())


# -- the renderer, on blocks built by hand --------------------------------------------


def test_structure_comes_from_the_blocks() -> None:
    blocks = [
        Block(0, "Part one", BlockKind.HEADING, heading_level=2),
        Block(1, "First line\nsecond line"),
        Block(2, "one", BlockKind.LIST_ITEM, list_depth=1, markup=Markup(list_item=1, list_id=1)),
        Block(3, "inner", BlockKind.LIST_ITEM, list_depth=2, markup=Markup(list_item=2, list_id=2)),
        Block(4, "two", BlockKind.LIST_ITEM, list_depth=1, markup=Markup(list_item=3, list_id=1)),
        Block(
            5,
            "more of two",
            BlockKind.LIST_ITEM,
            list_depth=1,
            markup=Markup(list_item=3, list_id=1),
        ),
        Block(6, "a\tb\nc\td", BlockKind.TABLE, markup=Markup(grid=(("a", "b"), ("c", "d")))),
        Block(7, "x = 1\n  y", BlockKind.CODE, markup=Markup(code_language="python")),
        Block(8, "Said", BlockKind.QUOTE, markup=Markup(quote_level=1, quote_id=9)),
        Block(9, "A photo", BlockKind.CAPTION),
        Block(10, "gone", removal=Removal("r", "f", "why")),
    ]
    out = render_html(blocks, title="The title")
    assert out == (
        "<article>\n<h1>The title</h1>\n<h2>Part one</h2>\n"
        "<p>First line<br>\nsecond line</p>\n"
        "<ul>\n<li>one\n<ul>\n<li>inner</li>\n</ul>\n</li>\n"
        "<li>two\n<p>more of two</p>\n</li>\n</ul>\n"
        "<table>\n<tr><td>a</td>\t<td>b</td></tr>\n<tr><td>c</td>\t<td>d</td></tr>\n</table>\n"
        '<pre><code class="language-python">x = 1\n  y</code></pre>\n'
        "<blockquote>\n<p>Said</p>\n</blockquote>\n"
        "<figure>\n<figcaption>A photo</figcaption>\n</figure>\n</article>"
    )
    assert words(lxml.html.fragment_fromstring(out).text_content()) == words(
        "The title\n\n" + "\n\n".join(b.text for b in blocks if b.kept)
    )


def test_header_rows_are_th_cells() -> None:
    grid = (("Name", "Age"), ("Ann", "31"))
    table = Block(0, "Name\tAge\nAnn\t31", BlockKind.TABLE, markup=Markup(grid=grid, header_rows=1))
    assert "<tr><th>Name</th>\t<th>Age</th></tr>\n<tr><td>Ann</td>" in render_html([table])


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("<thead><tr><td>Name</td><td>Age</td></tr></thead>", 1),
        ("<tr><th>Name</th><th>Age</th></tr>", 1),
        ("<tr><th>Name</th><td>Age</td></tr>", 0),  # a row header, not a header row
        ("<tr><td>Name</td><td>Age</td></tr>", 0),
    ],
)
def test_the_front_end_records_header_rows(head: str, expected: int) -> None:
    page = f"<article><p>{PROSE}</p><table>{head}<tr><td>Ann</td><td>31</td></tr></table></article>"
    (table,) = [b for b in html_to_blocks(page, markup=True) if b.kind is BlockKind.TABLE]
    assert table.markup is not None and table.markup.header_rows == expected
    assert ("<th>Name</th>" in clean_article(page, output="html")) is bool(expected)


def test_ordered_lists_keep_their_start_and_quotes_nest() -> None:
    blocks = [
        Block(
            0,
            "third",
            BlockKind.LIST_ITEM,
            list_depth=1,
            ordered=True,
            markup=Markup(list_item=1, list_id=1, list_start=3),
        ),
        Block(1, "deep", BlockKind.QUOTE, markup=Markup(quote_level=2, quote_id=4)),
        Block(2, "plain quote", BlockKind.QUOTE),  # no markup recorded: one level
    ]
    root = build_html(blocks)
    assert root.xpath("ol/@start") == ["3"]
    assert root.xpath("blockquote/blockquote/p/text()") == ["deep"]
    assert root.xpath("blockquote/p/text()") == ["plain quote"]


def test_inline_marks_are_options() -> None:
    # As walked from: Read <a href=/docs>the docs</a> <b>now</b>: run <code>ls</code>,
    # see <img src=pic.png alt="a cat">
    text = "Read the docs now: run ls, see"
    marks = (
        Mark(4, "link", True, 0, "/docs"),
        Mark(13, "link", False, 0, "/docs"),
        Mark(13, "strong", True, 1),
        Mark(17, "strong", False, 1),
        Mark(22, "code", True, 2),
        Mark(25, "code", False, 2),
        Mark(30, "image", target="pic.png", alt="a cat"),
    )
    block = Block(0, text, markup=Markup(marks=marks))
    full = render_html(
        [block], links=True, emphasis=True, images=True, base_url="https://example.org/a/"
    )
    assert full == (
        '<article>\n<p>Read <a href="https://example.org/docs">the docs</a> '
        "<strong>now</strong>: run <code>ls</code>, see"
        '<img src="https://example.org/a/pic.png" alt="a cat"></p>\n</article>'
    )
    assert render_html([block]) == f"<article>\n<p>{text}</p>\n</article>"
    assert render_html([block], emphasis=True) == (
        "<article>\n<p>Read the docs <strong>now</strong>: run <code>ls</code>, see</p>\n</article>"
    )


def test_unsafe_addresses_are_left_as_text() -> None:
    text = "click here or there"
    marks = (
        Mark(5, "link", True, 0, " JavaScript:alert(1)"),
        Mark(10, "link", False, 0),
        Mark(13, "link", True, 1, "data:text/html,<script>x</script>"),
        Mark(19, "link", False, 1),
        Mark(19, "image", target="vbscript:x", alt="x"),
    )
    out = render_html([Block(0, text, markup=Markup(marks=marks))], links=True, images=True)
    assert out == f"<article>\n<p>{text}</p>\n</article>"


def test_spans_crossing_each_other_are_closed_and_reopened() -> None:
    text = "a b c d"
    marks = (
        Mark(1, "emphasis", True, 0),
        Mark(3, "strong", True, 1),
        Mark(5, "emphasis", False, 0),
        Mark(7, "strong", False, 1),
        Mark(7, "emphasis", False, 5),  # never opened: not written
    )
    out = render_html([Block(0, text, markup=Markup(marks=marks))], emphasis=True)
    assert out == (
        "<article>\n<p>a <em>b <strong>c</strong></em><strong> d</strong></p>\n</article>"
    )
    assert html_words(out) == words(text)


def test_text_is_escaped_and_characters_xml_cannot_hold_are_replaced() -> None:
    text = "a <script>alert(1)</script> & b\x00c \ud800 d"
    out = render_html([Block(0, text)])
    assert "<script>" not in out
    assert "&lt;script&gt;" in out
    assert html_words(out) == words(text)
    assert lxml.html.fragment_fromstring(out).text_content().strip() == text.replace(
        "\x00", "\ufffd"
    ).replace("\ud800", "\ufffd")


def test_no_kept_blocks_is_an_empty_article() -> None:
    assert render_html([]) == "<article></article>"


# -- through the pipeline -------------------------------------------------------------

HOSTILE = f"""<html><head><title>Hostile</title><style>p {{color: red}}</style></head>
<body><article onload="steal()">
<h2 onclick="x()">Heading <script>evil()</script>here</h2>
<p style="x" onmouseover="y()">{PROSE[0]} <a href="javascript:alert(1)">bad link</a>
<a href="/ok" onclick="z()">good link</a> <img src="x.png" onerror="w()" alt="pic"></p>
<iframe src="https://evil.example/"></iframe>
<form action="/post"><p>{PROSE[1]}</p><input name="q"><button>Go</button></form>
<p>{PROSE[2]}<style>p {{}}</style><svg onload="v()"><text>svg</text></svg></p>
<p>{PROSE[3]}</p>
</article></body></html>"""


@pytest.mark.parametrize("inline", [False, True])
def test_no_script_style_handler_iframe_or_form_even_inside_the_article(inline: bool) -> None:
    result = clean_and_explain(
        HOSTILE, output="html", links=inline, emphasis=inline, images=inline, url="http://e.org/"
    )
    assert result.html is not None
    root = lxml.html.fragment_fromstring(result.html)
    assert not root.xpath("//script|//style|//iframe|//form|//input|//button|//svg")
    assert not root.xpath("//@*[starts-with(name(), 'on')]")
    assert not root.xpath("//@style")
    assert "javascript:" not in result.html
    assert words(root.text_content()) == words(result.text)
    if inline:
        assert root.xpath("//a/@href") == ["http://e.org/ok"]
        assert root.xpath("//img/@src") == ["http://e.org/x.png"]


def test_clean_returns_html_and_text_output_is_unchanged() -> None:
    html = clean_article(HOSTILE, output="html")
    assert html.startswith("<article>") and html.endswith("</article>")
    result = clean_and_explain(HOSTILE)
    assert result.html is None
    assert Cleaner().clean(HOSTILE, options=OutputOptions(output="html")) == html
    assert clean_and_explain(HOSTILE, output="markdown").html is None


def test_html_of_text_input_is_paragraphs() -> None:
    text = "\n\n".join(PROSE)
    html = clean_article(text, kind="text", output="html", include_title=True)
    root = lxml.html.fragment_fromstring(html)
    assert [p.text for p in root.xpath("p")] == list(PROSE)


_CLEANER = Cleaner()
_MARKUP = st.sampled_from(["<p>", "</p>", "<a href='javascript:x'>", "<b>", "</b>", "<br>"])


@given(st.lists(st.one_of(st.text(), _MARKUP)), st.sampled_from([None, "text", "html"]))
def test_any_str_gives_html_with_the_words_of_the_text(parts: list[str], kind: str | None) -> None:
    raw = "".join(parts)
    result = _CLEANER.explain(raw, kind=kind, output="html", links=True, emphasis=True)
    assert result.html is not None
    assert html_words(result.html) == words(result.text)
    assert 'href="javascript' not in result.html


def test_unknown_output_is_refused() -> None:
    with pytest.raises(InputValueError):
        clean_article("x", output="xml")


def test_cli_format_html(tmp_path, capsys) -> None:
    page = tmp_path / "page.html"
    page.write_text(HOSTILE, encoding="utf-8")
    assert main([str(page), "--format", "html"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<article>") and "<script" not in out
    outdir = tmp_path / "out"
    assert main([str(page), "--format", "html", "-o", str(outdir), "-q"]) == 0
    (written,) = [p for p in outdir.rglob("*") if p.is_file()]
    assert written.name == "page.html"
    assert written.read_text(encoding="utf-8") == out


# -- every benchmark page -------------------------------------------------------------


def test_same_words_as_the_text_output_and_safe_on_every_benchmark_page() -> None:
    cleaner = Cleaner()
    pages = html_pages("zyte")
    differ, unsafe = [], []
    for name, text in pages:
        for inline in (False, True):
            result = cleaner.explain(
                text,
                kind="html",
                output="html",
                links=inline,
                emphasis=inline,
                images=inline,
                include_title=inline,
                metadata=False,
            )
            root = lxml.html.fragment_fromstring(result.html)
            if words(root.text_content()) != words(result.text):
                differ.append((name, inline))
            if root.xpath("//script|//style|//iframe|//form|//@*[starts-with(name(), 'on')]"):
                unsafe.append((name, inline))
    assert len(pages) == 181
    assert differ == []
    assert unsafe == []
