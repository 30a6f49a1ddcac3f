"""What a reader sees of a Markdown output, shared by the Markdown tests.

A CommonMark parser (markdown-it-py, with GitHub tables) renders the Markdown back to
HTML; its text, white space collapsed, is what the text output must equal.
"""

from __future__ import annotations

import html
import re

from markdown_it import MarkdownIt

MD = MarkdownIt("commonmark").enable("table").enable("strikethrough")
_BLOCK_TAG = re.compile(
    r"</?(?:p|li|ul|ol|h[1-6]|blockquote|pre|table|thead|tbody|tr|td|th|hr)\b[^>]*>"
)
_TAG = re.compile(r"<[^>]+>")

PROSE = (
    "The committee met on Tuesday and agreed that the new rules would apply to all "
    "of the members from the start of the next season, after a long discussion."
)
CLOSING = (
    "The minutes of the meeting will be sent to every member of the club before the "
    "end of the month, together with the new rules and the calendar."
)


def rendered_text(markdown: str) -> str:
    """What a reader sees of the Markdown: rendered, tags gone, white space collapsed."""
    out = MD.render(markdown)
    out = _BLOCK_TAG.sub(" ", out.replace("<br />", " "))
    return " ".join(html.unescape(_TAG.sub("", out)).split())


def squash(text: str) -> str:
    return " ".join(text.split())


def page(body: str, head: str = "") -> str:
    """An article page: a heading, a paragraph, ``body``, a closing paragraph."""
    return (
        f'<!DOCTYPE html><html lang="en"><head><title>A page</title>{head}</head><body>'
        f"<article><h1>A page</h1><p>{PROSE}</p>{body}<p>{CLOSING}</p></article></body></html>"
    )
