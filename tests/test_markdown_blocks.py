"""The Markdown renderer works from the block model alone: blocks built by hand, no page.

Whatever the renderer writes beyond escaped text comes from ``Block.markup``; no page is
parsed here, and the renderer's modules never import the HTML parser.
"""

from __future__ import annotations

import ast
import pickle
import subprocess
import sys
from pathlib import Path

from cleaner.blocks import Block, BlockKind, Mark, Markup
from cleaner.render.markdown import render_markdown

RENDER = Path(__file__).resolve().parent.parent / "src" / "cleaner" / "render"


def para(text: str, *marks: Mark, cuts: tuple[int, ...] = ()) -> Block:
    return Block(index=0, text=text, markup=Markup(marks=marks, cuts=cuts))


def link(start: int, end: int, target: str, pair: int = 0) -> tuple[Mark, Mark]:
    return Mark(start, "link", True, pair, target), Mark(end, "link", False, pair, target)


def test_inline_marks_become_links_emphasis_code_and_images() -> None:
    # As walked from: Read <a href=/docs>the docs</a> <b>now</b>: run <code>ls</code>,
    # see <img src=pic.png alt="a *cat*">
    text = "Read the docs now: run ls, see"
    marks = (
        *link(4, 13, "/docs"),
        Mark(13, "strong", True, 1),
        Mark(17, "strong", False, 1),
        Mark(22, "code", True, 2),
        Mark(25, "code", False, 2),
        Mark(30, "image", target="pic.png", alt="a *cat*"),
    )
    block = para(text, *marks, cuts=(17, 25))
    out = render_markdown(
        [block], links=True, emphasis=True, images=True, base_url="https://example.org/a/"
    )
    assert out == (
        "Read [the docs](https://example.org/docs) **now**: run `ls`, "
        "see![a \\*cat\\*](https://example.org/a/pic.png)"
    )
    # A closing mark whose opening one is not on the line is not written.
    lone = para("x y", Mark(1, "strong", False, 7))
    assert render_markdown([lone], emphasis=True) == "x y"


def test_options_off_write_the_escaped_text_only() -> None:
    block = para("a *b* c", *link(0, 1, "https://x.org"), Mark(2, "emphasis"))
    assert render_markdown([block]) == "a \\*b\\* c"
    assert render_markdown([block], emphasis=True) == "a \\*b\\* c"
    assert render_markdown([block], links=True) == "[a](https://x.org) \\*b\\* c"


def test_unknown_markup_leaves_plain_text_and_script_links_go() -> None:
    unknown = Block(index=0, text="x_y", markup=Markup(marks=None))
    script = para("click", *link(0, 5, "javascript:alert(1)"))
    out = render_markdown([unknown, script], links=True)
    assert out == "x_y\n\nclick"


def test_words_are_escaped_piecewise_at_cuts() -> None:
    # "foo_bar" walked as "foo" + "_bar": the underscore starts a piece and is escaped.
    assert render_markdown([para("foo_bar", cuts=(3,))], links=True) == "foo\\_bar"
    assert render_markdown([para("foo_bar")], links=True) == "foo_bar"


def test_marks_on_several_lines_close_and_reopen() -> None:
    text = "one two\nthree"
    marks = (
        Mark(0, "emphasis", True, 0),
        Mark(7, "emphasis", False, 0),
        Mark(8, "emphasis", True, 0),
        Mark(13, "emphasis", False, 0),
    )
    assert render_markdown([para(text, *marks)], emphasis=True) == "*one two*\\\n*three*"


def test_lists_and_quotes_come_from_recorded_identities() -> None:
    def item(text: str, item: int, list_id: int, depth: int = 1, **kw: object) -> Block:
        return Block(
            index=0,
            text=text,
            kind=BlockKind.LIST_ITEM,
            list_depth=depth,
            ordered=bool(kw.get("ordered")),
            markup=Markup(list_item=item, list_id=list_id, list_start=int(kw.get("start", 1))),
        )

    blocks = [
        item("first", 1, 10, ordered=True, start=3),
        item("second", 2, 10, ordered=True, start=3),
        item("more of second", 2, 10, ordered=True, start=3),
        item("inner", 3, 11, depth=2),
        Block(
            index=0,
            text="quoted",
            kind=BlockKind.QUOTE,
            markup=Markup(quote_level=2, quote_id=20),
        ),
        Block(
            index=0,
            text="still quoted",
            kind=BlockKind.QUOTE,
            markup=Markup(quote_level=2, quote_id=20),
        ),
    ]
    assert render_markdown(blocks) == (
        "3. first\n4. second\n\n   more of second\n   - inner\n\n>> quoted\n>>\n>> still quoted"
    )


def test_code_language_and_table_grid() -> None:
    code = Block(
        index=0, text="print(1)", kind=BlockKind.CODE, markup=Markup(code_language="python")
    )
    table = Block(
        index=0,
        text="A\tB\nwide",
        kind=BlockKind.TABLE,
        markup=Markup(grid=(("A", "B"), ("wide", ""))),
    )
    assert render_markdown([code, table]) == (
        "```python\nprint(1)\n```\n\n| A | B |\n|---|---|\n| wide |  |"
    )


def test_blocks_with_markup_pickle() -> None:
    block = para("a b", *link(0, 1, "/x"), cuts=(1,))
    assert pickle.loads(pickle.dumps(block)) == block


def test_render_never_imports_the_html_parser() -> None:
    for path in RENDER.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [("." * node.level) + (node.module or "")]
            else:
                continue
            for name in names:
                assert "selectolax" not in name, path.name
                assert "frontends" not in name, path.name
    code = (
        "import sys, cleaner.render.markdown, cleaner.render.document;"
        "print(sorted(m for m in sys.modules if 'selectolax' in m or 'frontends' in m))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"
