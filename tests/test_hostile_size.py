"""Hostile sizes and shapes (issue 6): giant pages, deep nesting, a million siblings,
long lines. Never a hang or a memory blow-up. "In time linear in the input" is checked
by growth, never by a wall-clock bound: the same shape at four times the size may take
at most eight times as long (linear work takes four times, quadratic sixteen).
"""

from __future__ import annotations

import base64
import json
import random

import pytest
from hostile_common import (
    ARTICLE_HTML,
    ARTICLE_TEXT,
    PROSE,
    SEED,
    assert_linear,
    kept_lines_come_from,
)

from cleaner import (
    Config,
    InputTooLargeError,
    Result,
    clean_and_explain,
    clean_article,
)


def test_a_fifty_megabyte_page_is_cleaned() -> None:
    # The shape of real giant pages: the article plus megabytes of inline data (a JSON
    # state blob, an image as a data: URI).
    rng = random.Random(6)
    state = json.dumps({"items": [{"id": i, "title": "x" * 90} for i in range(200_000)]})
    image = base64.b64encode(rng.randbytes(18_000_000)).decode("ascii")
    page = ARTICLE_HTML.replace(
        "</article>", f"<img src='data:image/png;base64,{image}'></article>"
    ).replace("<title>", f"<script>window.__STATE__ = {state};</script><title>")
    data = page.encode("utf-8")
    assert 45_000_000 < len(data) < Config().max_input_bytes
    result = clean_and_explain(data)
    assert result.input_kind == "html"
    for paragraph in PROSE:
        assert paragraph in result.text
    assert "__STATE__" not in result.text and "base64" not in result.text


# -- structure --------------------------------------------------------------------------


def test_a_hundred_thousand_nested_elements() -> None:
    depth = 100_000
    page = "<html><body>" + "<div>" * depth + f"<p>{PROSE[0]}</p>" + "</div>" * depth
    assert PROSE[0] in clean_article(page + "</body></html>")
    assert PROSE[0] in clean_article(page[: -len("</div>") * depth])  # never closed


def test_deep_inline_and_table_nesting() -> None:
    inline = "<html><body><p>" + "<b><i>" * 50_000 + PROSE[1] + "</i></b>" * 50_000 + "</p>"
    assert PROSE[1] in clean_article(inline)
    tables = "<html><body>" + "<table><tr><td>" * 20_000 + f"<p>{PROSE[2]}</p>"
    assert PROSE[2] in clean_article(tables)


def test_nesting_depth_costs_linear_time() -> None:
    def make(depth: int) -> str:
        return "<html><body>" + "<div>" * depth + f"<p>{PROSE[0]}</p>" + "</div>" * depth

    assert_linear(make, 10_000)


def test_a_million_sibling_inline_elements() -> None:
    page = f"<html><body><p>{PROSE[0]}</p><p>" + "<span>x</span> " * 1_000_000 + "</p>"
    result = clean_and_explain(page + f"<p>{PROSE[1]}</p></body></html>")
    assert PROSE[0] in result.text and PROSE[1] in result.text


def test_a_million_sibling_blocks_raise_the_block_limit() -> None:
    page = "<html><body>" + "<p>x</p>" * 1_000_000 + "</body></html>"
    with pytest.raises(InputTooLargeError, match="max_blocks"):
        clean_and_explain(page)


def test_sibling_blocks_cost_linear_time() -> None:
    assert_linear(lambda n: "<html><body>" + f"<p>{PROSE[0]} item</p>" * n, 500)
    assert_linear(lambda n: "\n".join(f"item {i}" for i in range(n)), 2_000, kind="text")


def test_many_trailer_headings_inside_an_article_cost_linear_time() -> None:
    # Each heading between paragraphs of one parent is a box the article goes on after;
    # finding the paragraphs around each must not search the page again.
    def page(n: int) -> str:
        body = f"<p>{PROSE[0]}</p><p>{PROSE[1]}</p>" + "<p>Related articles</p>" * n
        return f"<html><body><div>{body}<p>{PROSE[2]}</p></div></body></html>"

    assert_linear(page, 2_000)


@pytest.mark.parametrize(
    "unit",
    ["word ", "!", "1", "1,", "a" + " " * 99, "- ", "»", "日本語", "\u0301", "<"],
    ids=[
        "words",
        "bangs",
        "digits",
        "digit-commas",
        "spaces",
        "dashes",
        "quotes",
        "cjk",
        "combining-marks",
        "angle-brackets",
    ],
)
def test_a_single_long_line_costs_linear_time(unit: str) -> None:
    assert_linear(lambda n: unit * (n // len(unit)), 100_000, kind="text")


def test_a_single_ten_megabyte_line() -> None:
    line = "the quick brown fox jumps over the lazy dog " * 230_000
    result = clean_and_explain(ARTICLE_TEXT + "\n\n" + line + "\n\n" + PROSE[0], kind="text")
    assert isinstance(result, Result)
    kept_lines_come_from(result, ARTICLE_TEXT + "\n\n" + line)
    html = clean_and_explain(f"<html><body><p>{line}</p></body></html>")
    assert isinstance(html, Result)


def test_many_lines_of_real_text_cost_linear_time() -> None:
    seed = SEED.read_text(encoding="utf-8") if SEED.is_file() else ARTICLE_TEXT * 20
    # Numbered copies: distinct lines, as on a long page, so no rule can shortcut them.
    assert_linear(
        lambda n: "\n\n".join(f"{seed}\n{i}" for i in range(n)).replace(".\n", ". 1\n"),
        4,
        kind="text",
    )


def test_many_distinct_and_many_repeated_long_lines_cost_linear_time() -> None:
    # The duplicate rules compare blocks with each other: the shapes that could make them
    # quadratic are many distinct long lines and many copies of one.
    def distinct(n: int) -> str:
        return "\n".join(
            f"Line {i} says something different from line {i + 1} about item {i * 7}."
            for i in range(n)
        )

    def repeated(n: int) -> str:
        return "\n".join(["The same long line is printed over and over on this page."] * n)

    def common_words(n: int) -> str:
        rng = random.Random(n)
        words = ["the", "a", "of", "and", "to", "in", "is", "it", "that", "was"]
        return "\n".join(" ".join(rng.choice(words) for _ in range(12)) for _ in range(n))

    for make in (distinct, repeated, common_words):
        assert_linear(make, 1_500, kind="text")
