"""What ``clean_and_explain`` returns: the text and a decision for every input block."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .spaces import squash

if TYPE_CHECKING:
    from .metadata import Metadata


@dataclass(frozen=True, slots=True)
class BlockDecision:
    """One input block and what the pipeline decided about it."""

    index: int
    text: str
    kind: str
    kept: bool
    rule: str | None = None
    family: str | None = None
    reason: str | None = None
    #: Short CSS-like path of the block's element (HTML input only).
    path: str = ""

    def __str__(self) -> str:
        head = f"#{self.index:<4}"
        snippet = _snippet(self.text)
        if self.kept:
            return f"{head} keep  {snippet}"
        return f"{head} DROP  {snippet}\n       {self.family}/{self.rule}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Result:
    """The cleaned text plus an explanation of every decision, in page order."""

    text: str
    blocks: tuple[BlockDecision, ...]
    input_kind: str
    language: str | None = None
    url: str | None = None
    #: The page's headline as it declares it (JSON-LD, OpenGraph, ``<h1>``, ``<title>``).
    title: str | None = None
    #: Everything the page declares about itself (None when not read).
    metadata: Metadata | None = None
    #: The article body as Markdown, when asked for (``output="markdown"`` or ``"json"``).
    markdown: str | None = None
    #: The article body as HTML (an ``<article>``), when asked for (``output="html"``).
    html: str | None = None
    #: What kind of page this looks like (``rules/page_type.py``): "article", "forum",
    #: "product", "documentation", "listing", "gallery", "service" or "unknown"; None
    #: for text input, whose kind is not guessed.
    page_type: str | None = None
    #: How sure the choice of the kept part is, 0 to 1 (text input; None on HTML, where
    #: the main container decides): low when another stretch of prose competes with the
    #: kept one or when the kept one holds little of the page's prose.
    confidence: float | None = None
    #: Why the decision is weak, in words; empty when it is not.
    weak_reasons: tuple[str, ...] = ()

    @property
    def kept(self) -> tuple[BlockDecision, ...]:
        return tuple(b for b in self.blocks if b.kept)

    @property
    def removed(self) -> tuple[BlockDecision, ...]:
        return tuple(b for b in self.blocks if not b.kept)

    def counts_by_family(self) -> dict[str, int]:
        return dict(sorted(Counter(b.family for b in self.removed if b.family).items()))

    def counts_by_rule(self) -> dict[str, int]:
        return dict(sorted(Counter(b.rule for b in self.removed if b.rule).items()))

    def as_dict(self, *, removed: bool = True) -> dict[str, Any]:
        """The JSON document: text, Markdown, metadata and, with ``removed``, every
        removed block with its rule, family and reason (schema/output.schema.json)."""
        from .render.document import document

        return document(self, removed=removed)

    def to_json(self, *, removed: bool = True, indent: int | None = None) -> str:
        """``as_dict`` as a JSON string (UTF-8 text, not ASCII-escaped)."""
        import json

        return json.dumps(self.as_dict(removed=removed), ensure_ascii=False, indent=indent)

    def why(self, text: str) -> list[BlockDecision]:
        """The decisions about blocks containing ``text`` (a debugging helper)."""
        needle = text.casefold()
        return [b for b in self.blocks if needle in b.text.casefold()]

    def __repr__(self) -> str:
        families = ", ".join(f"{k}={v}" for k, v in self.counts_by_family().items())
        return (
            f"Result({self.input_kind}, lang={self.language}, kept={len(self.kept)}, "
            f"removed={len(self.removed)} [{families}], chars={len(self.text)})"
        )

    def __str__(self) -> str:
        lines = [repr(self)]
        lines.extend(str(b) for b in self.blocks)
        return "\n".join(lines)


def _snippet(text: str, limit: int = 70) -> str:
    flat = squash(text)
    return repr(flat if len(flat) <= limit else flat[: limit - 1] + "…")
