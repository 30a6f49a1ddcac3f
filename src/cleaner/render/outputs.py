"""What a cleaned page gives back: the ``Result``, with the Markdown or HTML asked for.

The pipeline hands over the page's blocks, marked by the rules (``CleanedPage``); the
renderers are imported when an output asks for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..blocks import Block
from ..result import BlockDecision, Result
from . import render_text

if TYPE_CHECKING:
    from ..metadata import Metadata
    from ..options import OutputOptions

__all__ = ["CleanedPage", "html_output", "page_text", "result"]


@dataclass(slots=True)
class CleanedPage:
    """A page cleaned: its blocks, marked, and what the outputs need besides."""

    blocks: list[Block]
    kind: str
    language: str | None
    meta: Metadata | None
    #: The title to put first (``include_title``, unless the body starts with it).
    lead: str | None
    #: What relative addresses resolve against.
    base_url: str | None
    #: The page's kind as ``rules/page_type.py`` guesses it (None for text input).
    page_type: str | None = None
    #: How sure the main run's choice is and why it is weak (text; None: not judged).
    confidence: tuple[float, tuple[str, ...]] | None = None


def page_text(page: CleanedPage) -> str:
    """The plain-text output: the kept blocks, after the title when one goes first."""
    lead = page.lead
    body = render_text(page.blocks)
    return f"{lead}\n\n{body}" if lead and body else (lead or body)


def result(page: CleanedPage, opts: OutputOptions, url: str | None) -> Result:
    """The ``Result`` of a cleaned page, with the Markdown or HTML ``opts`` asks for."""
    lead = page.lead
    markdown = None
    if opts.output in ("markdown", "json"):
        from .markdown import render_markdown

        markdown = render_markdown(
            page.blocks,
            title=lead,
            links=opts.links,
            emphasis=opts.emphasis,
            images=opts.images,
            base_url=page.base_url,
        )
    return Result(
        text=page_text(page),
        blocks=tuple(_decision(b) for b in page.blocks),
        input_kind=page.kind,
        language=page.language,
        url=url,
        title=page.meta.title if page.meta is not None else None,
        metadata=page.meta,
        markdown=markdown,
        html=html_output(page, opts) if opts.output == "html" else None,
        page_type=page.page_type,
        confidence=round(page.confidence[0], 2) if page.confidence else None,
        weak_reasons=page.confidence[1] if page.confidence else (),
    )


def html_output(page: CleanedPage, opts: OutputOptions, *, tree: bool = False) -> Any:
    """The HTML output: a string, or with ``tree`` the lxml element."""
    from .html import build_html, render_html

    render = build_html if tree else render_html
    return render(
        page.blocks,
        title=page.lead,
        links=opts.links,
        emphasis=opts.emphasis,
        images=opts.images,
        base_url=page.base_url,
    )


def _decision(block: Block) -> BlockDecision:
    r = block.removal
    return BlockDecision(
        index=block.index,
        text=block.text,
        kind=block.kind.value,
        kept=r is None,
        rule=r.rule if r else None,
        family=r.family if r else None,
        reason=r.reason if r else None,
        path=block.path,
    )
