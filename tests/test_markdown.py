"""Markdown output: golden pages per element kind, escaping, options, and the promise
that the Markdown reads as the text does.

A CommonMark parser (markdown-it-py, with GitHub tables) renders the Markdown back to
HTML; its text, white space collapsed, must equal the text output's. That is stronger
than comparing words: a literal ``*`` left unescaped would vanish into emphasis, and a
line starting ``1.`` would become a list, and the texts would differ.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown_check import CLOSING, PROSE, page, rendered_text, squash
from markdown_check import MD as _MD

from cleaner import InputValueError, clean_article
from cleaner.render.markdown import escape_line, escape_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"
PAGES = sorted(FIXTURES.glob("*.html"))


def read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


# -- golden pages ------------------------------------------------------------------------


def test_there_is_a_golden_page_per_element_kind() -> None:
    names = {p.stem for p in PAGES}
    assert {"nested-lists", "table-colspan", "code-block", "quote", "escaped-characters"} <= names
    assert all(p.with_suffix(".md").exists() for p in PAGES)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_golden_markdown(page: Path) -> None:
    raw = page.read_text(encoding="utf-8")
    expected = page.with_suffix(".md").read_text(encoding="utf-8")
    markdown = clean_article(raw, output="markdown")
    assert markdown + "\n" == expected
    assert rendered_text(markdown) == squash(clean_article(raw))


def test_nested_lists_keep_their_nesting_and_numbering() -> None:
    tokens = _MD.parse(clean_article(read("nested-lists.html"), output="markdown"))
    opens = [t.type for t in tokens if t.type.endswith("_list_open")]
    # ol > ul > ol, then a separate top-level ul.
    assert opens == [
        "ordered_list_open",
        "bullet_list_open",
        "ordered_list_open",
        "bullet_list_open",
    ]
    levels = {t.content: t.level for t in tokens if t.type == "inline"}
    assert levels["Six long pegs"] > levels["Pegs for soft ground"] > levels["Shelter"]
    assert levels["Sleeping bag rated two seasons warmer than the forecast"] == levels["Shelter"]


def test_table_with_spans_is_a_rectangular_pipe_table() -> None:
    markdown = clean_article(read("table-colspan.html"), output="markdown")
    rows = [line for line in markdown.splitlines() if line.startswith("|")]
    assert len({len(re.split(r"(?<!\\)\|", row)) for row in rows}) == 1
    assert "| 14 | Every 20 minutes, all day |  |" in rows
    assert "| 12 \\| Riverside | 05:40 | 23:10 |" in rows
    assert "|  | 07:15 (Sundays) | 21:30 |" in rows  # under the rowspan
    html_out = _MD.render(markdown)
    assert html_out.count("<tr>") == 5 and "<th>Route</th>" in html_out


def test_code_block_is_fenced_with_indentation_kept() -> None:
    markdown = clean_article(read("code-block.html"), output="markdown")
    assert "```python\ndef count_words(path):\n    total = 0\n" in markdown
    assert "            total += len(line.split())  # *not* a regex\n" in markdown
    # A fence inside the code gets a longer fence around it.
    assert "````\n```\na fence inside the code\n```\n````" in markdown
    tokens = [t for t in _MD.parse(markdown) if t.type == "fence"]
    assert [t.info for t in tokens] == ["python", ""]
    assert tokens[0].content.startswith("def count_words(path):\n    total = 0\n")


def test_quote_paragraphs_stay_in_one_quote() -> None:
    markdown = clean_article(read("quote.html"), output="markdown")
    assert "\n>\n> We will publish every invoice" in markdown
    assert _MD.render(markdown).count("<blockquote>") == 1


def test_literal_markdown_characters_are_escaped() -> None:
    markdown = clean_article(read("escaped-characters.html"), output="markdown")
    for fragment in (
        r"5\*3 = 15",
        "my_file_name.txt",  # inside a word: no emphasis, no escape needed
        r"a \_private\_ variable",
        r"\[citation needed\]",
        r"\# This paragraph",
        r"\<div> tags",
        r"pipe \| character",
        r"back\`tick",
        r"backslash \\ too",
        r"1\. This paragraph",
        r"\- And this one",
        r"\&amp; stays literal",
        r"## Section \#2: what > means",
        r"\> A line starting",
    ):
        assert fragment in markdown, fragment
    rendered = _MD.render(markdown)
    assert "<em>" not in rendered and "<ol" not in rendered and "<ul" not in rendered
    assert "<blockquote>" not in rendered and "<h1>" not in rendered


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("# not a heading", r"\# not a heading"),
        ("> not a quote", r"\> not a quote"),
        ("- not an item", r"\- not an item"),
        ("+ not an item", r"\+ not an item"),
        ("=== not an underline", r"\=== not an underline"),
        ("12. not a list", r"12\. not a list"),
        ("3) not a list", r"3\) not a list"),
        ("2019.", r"2019\."),
        ("2019.5 is a number", "2019.5 is a number"),
        ("snake_case and __dunder__", r"snake_case and \_\_dunder\_\_"),
        ("a * b", r"a \* b"),
        ("AT&T and &amp;", r"AT&T and \&amp;"),
        ("<b>not bold</b>", r"\<b>not bold\</b>"),
        ("C# or F#", "C# or F#"),
        ("plain words", "plain words"),
    ],
)
def test_escape_line(line: str, expected: str) -> None:
    assert escape_line(line) == expected
    assert rendered_text(expected) == line


def test_escape_text_leaves_line_starts_alone() -> None:
    assert escape_text("# x") == "# x"
    assert escape_text("[x]|~") == r"\[x\]\|\~"


# -- options -------------------------------------------------------------------------------

URL = "https://fieldnotes.example.net/2024/07/counting-swifts"


def test_links_and_emphasis_are_off_by_default() -> None:
    markdown = clean_article(read("field-notes.html"), output="markdown")
    assert "The method is simple" in markdown and "](" not in markdown
    assert "twenty minutes" in markdown and "*twenty" not in markdown


def test_links_option_writes_absolute_links() -> None:
    raw = read("field-notes.html")
    markdown = clean_article(raw, output="markdown", links=True, url=URL)
    assert "The [method](https://fieldnotes.example.net/method) is simple" in markdown
    # Without a page URL a relative address stays relative.
    assert "[method](/method)" in clean_article(raw, output="markdown", links=True)
    assert rendered_text(markdown) == squash(clean_article(raw))


def test_emphasis_option() -> None:
    raw = read("field-notes.html")
    markdown = clean_article(raw, output="markdown", emphasis=True)
    assert "one window, *twenty minutes* before sunset" in markdown
    assert "<em>twenty minutes</em>" in _MD.render(markdown)


TRAILER = (
    "Members_who cannot come to the next meeting can send their vote by post, as long "
    "as it arrives at the office before the day of the vote."
)


def test_emphasis_that_would_not_render_is_left_out() -> None:
    # '*' between a letter and a quote cannot open emphasis in CommonMark.
    raw = page('<p>They said it was a<em>"final"</em>offer, and the members would vote soon.</p>')
    markdown = clean_article(raw, output="markdown", emphasis=True)
    assert 'a"final"offer' in markdown and "*" not in markdown
    assert rendered_text(markdown) == squash(clean_article(raw))


def test_inline_code_and_strong() -> None:
    raw = page(
        "<p>Run <code>make `all`</code> and then <strong>wait</strong> for the "
        "build of the whole project to finish before you go on.</p>"
    )
    markdown = clean_article(raw, output="markdown", emphasis=True)
    assert "Run `` make `all` `` and then **wait** for" in markdown
    assert rendered_text(markdown) == squash(clean_article(raw))


def test_unsafe_links_are_not_written() -> None:
    raw = page(
        '<p>Click <a href="javascript:alert(1)">this harmless looking link</a> if you '
        "want to see what the committee members decided at the meeting.</p>"
    )
    markdown = clean_article(raw, output="markdown", links=True)
    assert "javascript" not in markdown and "Click this harmless looking link" in markdown


def test_images_option() -> None:
    raw = page(
        '<p>The old bridge <img src="/img/bridge.jpg" alt="The [old] bridge"> was '
        "closed in March, and the members of the committee walked across it.</p>"
    )
    assert "![" not in clean_article(raw, output="markdown")
    markdown = clean_article(raw, output="markdown", images=True, url="https://a.example/x/")
    assert "![The \\[old\\] bridge](https://a.example/img/bridge.jpg)" in markdown
    assert rendered_text(markdown) == squash(clean_article(raw))


def test_ordered_list_start_and_adjacent_lists() -> None:
    def items(name: str) -> str:
        return "".join(f"<li>Item number {n} of the {name} list we keep</li>" for n in range(3))

    raw = page(
        f'<ol start="4">{items("first")}</ol><ol>{items("second")}</ol>'
        f"<ul>{items('third')}</ul><ul>{items('fourth')}</ul>"
    )
    markdown = clean_article(raw, output="markdown")
    assert "4. Item number 0" in markdown and "6. Item number 2" in markdown
    tokens = [t.type for t in _MD.parse(markdown) if t.type.endswith("_list_open")]
    assert tokens == ["ordered_list_open"] * 2 + ["bullet_list_open"] * 2


def test_list_item_with_two_paragraphs() -> None:
    raw = page(
        "<ul><li><p>First paragraph of the only item in this list.</p>"
        "<p>Second paragraph of the same item, still in it.</p></li></ul>"
    )
    markdown = clean_article(raw, output="markdown")
    assert "- First paragraph of the only item in this list.\n\n  Second paragraph" in markdown
    assert _MD.render(markdown).count("<li>") == 1


def test_line_breaks_are_hard_breaks() -> None:
    raw = page("<p>12 Station Road<br>- Riverside<br>1. floor, the members' room</p>")
    markdown = clean_article(raw, output="markdown")
    assert "12 Station Road\\\n\\- Riverside\\\n1\\. floor" in markdown
    assert _MD.render(markdown).count("<br />") == 2


def test_title_is_left_out_unless_asked_for() -> None:
    raw = read("quote.html")
    assert "mayor answers" not in clean_article(raw, output="markdown")
    assert "mayor answers" not in clean_article(raw)
    markdown = clean_article(raw, output="markdown", include_title=True)
    assert markdown.startswith("# The mayor answers the council\n\nIn a letter")
    text = clean_article(raw, include_title=True)
    assert text.startswith("The mayor answers the council\n\nIn a letter")


def test_raw_text_input_gives_escaped_paragraphs() -> None:
    text = f"# {PROSE}\n\n1. {CLOSING}\n\n* {TRAILER}"
    markdown = clean_article(text, output="markdown")
    assert markdown.count("\n\n") == 2
    assert markdown.startswith(r"\# The committee")
    assert "\n\n1\\. The minutes" in markdown and "\n\n\\* Members_who" in markdown
    assert rendered_text(markdown) == squash(clean_article(text))


def test_unknown_output_is_a_typed_error() -> None:
    with pytest.raises(InputValueError):
        clean_article("<p>x</p>", output="xml")


def test_empty_page_gives_empty_markdown() -> None:
    assert clean_article("<html><body></body></html>", output="markdown") == ""
    assert clean_article("", output="markdown") == ""
