"""Markdown output, as properties: on generated pages full of Markdown characters, with
every block kind and option, the Markdown reads exactly as the text output does.
"""

from __future__ import annotations

import html

from hypothesis import given
from hypothesis import strategies as st
from markdown_check import page, rendered_text, squash

from cleaner import Cleaner, clean_and_explain
from cleaner.testing.strategies import html_pages

_WORDS = [
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "was", "with", "on",
    "by", "the", "members", "committee", "river", "bridge", "season", "rules", "meeting",
    "council", "would", "vote",
]  # fmt: skip
_TRICKY = [
    "*", "**", "_x_", "snake_case", "#", "1.", "2)", "-", "+", "=", "[a]", "`b`", "|",
    "\\", "<tag>", "&amp;", "&copy;", "~~", ">", "!", "(", ")", "*emph*", "__init__",
    "C#", "a*b", "--", "===", "---", "***", "&", "<", "![x](y)", "[l](u)", "<http://x>",
]  # fmt: skip
_word = st.one_of(st.sampled_from(_WORDS), st.sampled_from(_WORDS), st.sampled_from(_TRICKY))


@st.composite
def _inline(draw: st.DrawFn, min_words: int = 6) -> str:
    """A sentence as HTML, some runs wrapped in links, emphasis, code, with breaks."""
    words = draw(st.lists(_word, min_size=min_words, max_size=16))
    out = []
    for word in words:
        text = html.escape(word, quote=False)
        wrap = draw(st.sampled_from(["", "", "", "a", "em", "strong", "code", "br", "img"]))
        if wrap == "a":
            text = f'<a href="/p/{len(out)}?q=a b">{text}</a>'
        elif wrap in ("em", "strong", "code"):
            text = f"<{wrap}>{text}</{wrap}>"
        elif wrap == "br":
            text += "<br>"
        elif wrap == "img":
            text += f'<img src="/i/{len(out)}.png" alt="{html.escape(word)}">'
        out.append(text)
    return " ".join(out) + "."


@st.composite
def _list(draw: st.DrawFn, depth: int = 1) -> str:
    tag = draw(st.sampled_from(["ul", "ol"]))
    items = []
    for _ in range(draw(st.integers(1, 3))):
        item = draw(_inline())
        if depth < 3 and draw(st.booleans()):
            item += draw(_list(depth + 1))
        items.append(f"<li>{item}</li>")
    return f"<{tag}>{''.join(items)}</{tag}>"


@st.composite
def _table(draw: st.DrawFn) -> str:
    width = draw(st.integers(2, 4))
    rows = []
    for r in range(draw(st.integers(2, 4))):
        cells, col = [], 0
        while col < width:
            span = draw(st.integers(1, width - col))
            cell = html.escape(" ".join(draw(st.lists(_word, min_size=1, max_size=3))))
            tag = "th" if r == 0 else "td"
            attr = f' colspan="{span}"' if span > 1 else ""
            cells.append(f"<{tag}{attr}>{cell}</{tag}>")
            col += span
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return f"<table>{''.join(rows)}</table>"


@st.composite
def _code(draw: st.DrawFn) -> str:
    lines = draw(
        st.lists(
            st.tuples(st.integers(0, 8), st.lists(_word, min_size=1, max_size=5)),
            min_size=1,
            max_size=4,
        )
    )
    body = "\n".join(" " * indent + " ".join(words) for indent, words in lines)
    return f"<pre><code>{html.escape(body, quote=False)}</code></pre>"


@st.composite
def structured_pages(draw: st.DrawFn) -> str:
    """Article pages with every block kind, and text full of Markdown characters."""
    parts = []
    for _ in range(draw(st.integers(2, 7))):
        kind = draw(st.sampled_from(["p", "p", "h", "list", "quote", "table", "code"]))
        if kind == "p":
            parts.append(f"<p>{draw(_inline(min_words=10))}</p>")
        elif kind == "h":
            parts.append(f"<h{draw(st.integers(2, 4))}>{draw(_inline(min_words=2))}</h2>")
        elif kind == "list":
            parts.append(draw(_list()))
        elif kind == "quote":
            parts.append(f"<blockquote><p>{draw(_inline(min_words=10))}</p></blockquote>")
        elif kind == "table":
            parts.append(draw(_table()))
        else:
            parts.append(draw(_code()))
    return page("".join(parts))


_CLEANER = Cleaner()


@given(structured_pages(), st.booleans(), st.booleans(), st.booleans())
def test_markdown_reads_as_the_text_output(
    raw: str, links: bool, emphasis: bool, images: bool
) -> None:
    result = _CLEANER.explain(raw, output="markdown", links=links, emphasis=emphasis, images=images)
    assert result.markdown is not None
    assert rendered_text(result.markdown) == squash(result.text)
    # Asking for Markdown does not change the text.
    assert result.text == _CLEANER.clean(raw)


@given(html_pages())
def test_markdown_reads_as_the_text_output_on_generated_articles(generated: object) -> None:
    raw = generated.raw  # type: ignore[attr-defined]
    result = _CLEANER.explain(raw, output="markdown", links=True, emphasis=True)
    assert result.markdown is not None
    assert rendered_text(result.markdown) == squash(result.text)
    assert result.text == _CLEANER.clean(raw)


_LINE_CHARS = st.characters(
    blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\x85"
)


@given(
    st.lists(
        st.one_of(st.text(_LINE_CHARS, min_size=1, max_size=40), st.sampled_from(_TRICKY)),
        min_size=1,
        max_size=12,
    )
)
def test_markdown_of_raw_text_reads_as_the_text(lines: list[str]) -> None:
    text = "\n\n".join(lines)
    result = clean_and_explain(text, kind="text", output="markdown")
    assert result.markdown is not None
    assert rendered_text(result.markdown) == squash(result.text)
