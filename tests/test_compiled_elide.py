"""Leaving the page's code out before parsing (``frontends/html/_celide.pxi``,
``parse_html(code=False)``): the tree parsed from what is left is the tree parsed from
the page, but for the text of its scripts and style sheets (JSON-LD kept), on
generated markup made of the tokenizer's hard cases, on generated pages and on every
benchmark page of every set.

Where the extension is not built the tests skip (nothing is left out there).
"""

from __future__ import annotations

import re

import pytest
from benchmark_pages import html_pages as benchmark_html
from helpers import _cwalk, needs_extension
from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser
from test_compiled_find import SETS

from cleaner.frontends.html.parse import parse_html, prepare_html
from cleaner.testing.strategies import html_pages

_CODE = re.compile(r"(?is)(<(script|style)\b[^>]*>).*?(</\2>)")


def _tree(data: bytes) -> list[object]:
    """Every node of the parsed ``data`` (template contents serialised), the text of
    scripts and style sheets aside."""
    out: list[object] = []
    tree = LexborHTMLParser(data)
    for node in tree.root.traverse(include_text=True) if tree.root is not None else ():
        if node.tag == "-text":
            parent = node.parent
            if parent is None or parent.tag not in ("script", "style"):
                out.append(node.text_content)
            continue
        out.append((node.tag, tuple(node.attributes.items())))
        if node.tag == "template":
            out.append(_CODE.sub(r"\1\3", node.html or ""))
    return out


def _agree(page: str) -> bool:
    data = prepare_html(page, _cwalk)
    return _tree(_cwalk.elide_code(data)) == _tree(data)


# The tokenizer's hard cases: tags inside attribute values and comments, raw text and
# escaped scripts, foreign content, select, end tags with attributes, unclosed tags.
_PIECES = st.sampled_from(
    [
        "<script>var a = '<p>x</p>';</script>",
        "<SCRIPT type=text/javascript>if (a < b) {}</SCRIPT >",
        "<script><!-- document.write('<script>x</script>'); --></script>",
        '<script type="application/ld+json">{"@type": "Article"}</script>',
        "<script/>a</script>",
        "<style>p > a { color: red }</style>",
        "<style media='x'>a</style",
        "<div title='<script>x</script>'>t</div>",
        '<a href="x" data-x=<script>>y</a>',
        "<!-- <script> -->",
        "<!--> <script>x</script>",
        "<!---> <style>y</style>",
        "<!---!> <style>z</style> -->",
        "<!DOCTYPE html>",
        "<?php echo '<script>'; ?>",
        "</div title='<script>'>",
        "</ foo><script>w</script>",
        "<title><script>t</script></title>",
        "<textarea><style>u</style></textarea>",
        "<xmp><script>v</script></xmp>",
        "<iframe><script>i</script></iframe>",
        "<noscript><script>n</script></noscript>",
        "<svg><path d='M0 0'/><style>s</style></svg>",
        "<svg><title>T</title><g><use href='#i'/></g></svg><script>after</script>",
        "<svg/><script>s</script>",
        "<svg><foreignObject><script>f</script></foreignObject></svg>",
        "<svg><p>breakout</p><style>b</style></svg>",
        "<math><mi><script>m</script></mi></math>",
        "<select><style>a<b>c</style></select>",
        "<table><style>t</style><tr><td><script>c</script></td></tr></table>",
        "<template><script>in template</script></template>",
        "<p>text</p>",
        "<div class=a>b</div>",
        "a < b",
        "<",
        "<script>",
        "<div title='unclosed",
    ]
)


@needs_extension
@given(st.lists(_PIECES, max_size=8).map("".join), st.lists(_PIECES, max_size=8).map("".join))
def test_the_tree_is_the_same_on_hard_cases(head: str, body: str) -> None:
    assert _agree(f"<html><head>{head}</head><body>{body}</body></html>")


@needs_extension
@given(html_pages())
def test_the_tree_is_the_same_on_generated_pages(page: object) -> None:
    assert _agree(page.raw)  # type: ignore[attr-defined]


@needs_extension
@pytest.mark.parametrize("name", SETS)
def test_the_tree_is_the_same_on_every_benchmark_page(name: str) -> None:
    assert not [page_id for page_id, html in benchmark_html(name) if not _agree(html)]


@needs_extension
def test_the_code_goes_and_the_rest_stays() -> None:
    page = (
        "<head><script>var x = 1;</script><style>p{}</style>"
        '<script type="application/ld+json">{"@type": "Article"}</script></head>'
        "<body><div title='<script>t</script>'>a</div><p>b</p><script>y()</script></body>"
    )
    data = prepare_html(page, _cwalk)
    assert _cwalk.elide_code(data) == (
        b"<head><script></script><style></style>"
        b'<script type="application/ld+json">{"@type": "Article"}</script></head>'
        b"<body><div title='<script>t</script>'>a</div><p>b</p><script></script></body>"
    )
    assert _cwalk.elide_code(b"<p>no code</p>") == b"<p>no code</p>"
    # After a tag this does not follow, nothing more is left out.
    rest = b"<select></select><script>z()</script>"
    assert _cwalk.elide_code(b"<script>a</script>" + rest) == b"<script></script>" + rest
    tree = parse_html(page, _cwalk, code=False)
    assert [s.text() for s in tree.css("script")] == ["", '{"@type": "Article"}', ""]


@needs_extension
@pytest.mark.parametrize("name", SETS)
def test_the_metadata_and_declared_types_are_the_same_on_every_benchmark_page(name: str) -> None:
    from cleaner.metadata import extract_metadata
    from cleaner.rules.declared import declared_types

    def read(page: str, code: bool) -> tuple[object, ...]:
        tree = parse_html(page, _cwalk, code=code)
        return extract_metadata(tree, "https://example.org/"), declared_types(tree)

    pages = benchmark_html(name)
    assert not [page_id for page_id, html in pages if read(html, False) != read(html, True)]
