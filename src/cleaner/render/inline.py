"""Inline Markdown for one block: links, emphasis, inline code, images.

Read from the marks the front-end recorded (``Block.markup``): the words of the block's
text, split where the page's text nodes met inside a word, with the marks between them.
A block without recorded marks is left as escaped plain text. Emphasis markers that
CommonMark would not read as emphasis (``a*"b"*`` has no emphasis) are left out rather
than shown as asterisks.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

from ..blocks import Block, Mark

__all__ = ["InlineOptions", "inline_lines"]

_EMPHASIS = {"emphasis": "*", "strong": "**"}
_UNSAFE_SCHEMES = frozenset({"javascript", "vbscript", "data", "file"})
#: Characters left as they are in link and image addresses (the rest is %-encoded).
_URL_SAFE = "!#$%&'*+,-./:;=?@[]^_`{|}~"


@dataclass(slots=True)
class InlineOptions:
    """What inline markup to write; one per rendering (it caches addresses)."""

    links: bool = False
    emphasis: bool = False
    images: bool = False
    base_url: str | None = None
    #: address as written -> as linked (None: not linked).
    _addresses: dict[str, str | None] = field(default_factory=dict)

    def address(self, value: str) -> str | None:
        known = self._addresses.get(value, _UNKNOWN)
        if known is _UNKNOWN:
            known = self._addresses[value] = _address(value, self.base_url)
        return known


_UNKNOWN: Any = object()


def inline_lines(block: Block, options: InlineOptions) -> list[str] | None:
    """The Markdown lines (inline-escaped) of the block's text with its recorded marks.

    None when the block has no marks recorded (its markup is not known exactly).
    """
    markup = block.markup
    if markup is None or markup.marks is None:
        return None
    marks = markup.marks
    cuts = markup.cuts
    text = block.text
    out: list[str] = []
    m = c = 0
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        # Runs of text between marks and cuts, marks between them. A run starts with
        # the space before its first word, if any; escaping a run of whole words at
        # once is escaping each word, as spaces stop every look-around of the escapes.
        tokens: list[Any] = []
        pos = start
        while True:
            stop = end
            if m < len(marks) and marks[m].at < stop:
                stop = marks[m].at
            if c < len(cuts) and cuts[c] < stop:
                stop = cuts[c]
            if stop > pos:
                tokens.append(text[pos:stop])
                pos = stop
            m = _marks_until(marks, m, pos, tokens, options)
            while c < len(cuts) and cuts[c] <= pos:
                c += 1
            if pos >= end:
                break
        out.append(_render_line(tokens))
        start = end + 1
    return out


def _marks_until(
    marks: tuple[Mark, ...], m: int, at: int, tokens: list[Any], options: InlineOptions
) -> int:
    """Add to ``tokens`` the marks from ``marks[m]`` on that stand at or before ``at``
    and that ``options`` asks for; the index of the next mark."""
    while m < len(marks) and marks[m].at <= at:
        mark = marks[m]
        m += 1
        kind = mark.kind
        if kind == "link":
            if options.links:
                href = options.address(mark.target)
                if href:
                    tokens.append(_Mark("a", mark.opening, mark.pair, href))
        elif kind == "image":
            if options.images:
                image = _image(mark.target, mark.alt, options)
                if image:
                    tokens.append(("img", image))
        elif options.emphasis:
            tokens.append(_Mark(_EMPHASIS.get(kind, kind), mark.opening, mark.pair))
    return m


@dataclass(slots=True)
class _Mark:
    """An opening or closing marker; ``pair`` ties the two of one element together."""

    kind: str  # "a", "*", "**", "code"
    opening: bool
    pair: int
    href: str = ""
    keep: bool = True


def _address(value: str | None, base: str | None) -> str | None:
    """A link or image address fit for Markdown: absolute when a base is known,
    %-encoded where Markdown would stop reading it; None for script and data URLs."""
    if not value:
        return None
    value = value.strip()
    if not value:
        return None
    try:
        if base:
            value = urljoin(base, value)
        scheme = urlsplit(value).scheme.lower()
    except ValueError:
        return None
    if scheme in _UNSAFE_SCHEMES:
        return None
    return quote(value, safe=_URL_SAFE)


def _image(src: str, alt: str, options: InlineOptions) -> str | None:
    from .markdown import escape_text

    address = options.address(src)
    if not address:
        return None
    return f"![{escape_text(alt)}]({address})"


# -- one line ---------------------------------------------------------------------------------


def _render_line(tokens: list[Any]) -> str:
    """The Markdown of a line's tokens: runs of words (after a space when they start
    with one), ``_Mark``s and images."""
    from .markdown import escape_text

    parts: list[Any] = []  # str (Markdown) or _Mark
    waiting: list[Any] = []  # opening marks and images, placed before the next word
    in_code = 0
    for token in tokens:
        if isinstance(token, str):
            if token[0] == " ":
                token = token[1:]
                if parts:
                    parts.append(" ")
            if waiting:
                parts.extend(waiting)
                waiting.clear()
            parts.append(_Raw(token) if in_code else escape_text(token))
        elif isinstance(token, _Mark):
            if token.kind == "code":
                in_code += 1 if token.opening else -1
            if token.opening:
                waiting.append(token)
                continue
            opener = next(
                (m for m in waiting if isinstance(m, _Mark) and m.pair == token.pair), None
            )
            if opener is not None:  # nothing inside: no markers
                waiting.remove(opener)
            else:
                parts.append(token)
        else:
            waiting.append(token[1])
    parts.extend(w for w in waiting if isinstance(w, str))  # images at the end of the line
    return _resolve(parts)


class _Raw(str):
    """Text inside a code span: written as it is."""


def _resolve(parts: list[Any]) -> str:
    """Markers to Markdown: code spans fenced, links bracketed, emphasis kept only where
    CommonMark reads it as emphasis."""
    from .markdown import escape_text

    marks = [p for p in parts if isinstance(p, _Mark)]
    by_pair: dict[int, list[_Mark]] = {}
    for m in marks:
        by_pair.setdefault(m.pair, []).append(m)
    partner: dict[int, _Mark] = {}
    for pair in by_pair.values():
        if len(pair) == 2:
            partner[id(pair[0])], partner[id(pair[1])] = pair[1], pair[0]
        else:  # unmatched: not written
            for m in pair:
                m.keep = False
    # Nothing but text inside a code span.
    outer: _Mark | None = None
    for m in marks:
        if not m.keep:
            continue
        if outer is None:
            if m.kind == "code" and m.opening:
                outer = m
        elif m is partner[id(outer)]:
            outer = None
        else:
            m.keep = partner[id(m)].keep = False
    # Emphasis, outermost first: kept when both markers flank as CommonMark requires
    # and touch no other kept emphasis marker.
    emphasis = [m for m in marks if m.keep and m.kind in ("*", "**")]
    for m in emphasis:
        m.keep = False
    for opener in emphasis:
        if not opener.opening:
            continue
        closer = partner[id(opener)]
        opener.keep = closer.keep = True
        if not (_flanks(parts, opener) and _flanks(parts, closer)):
            opener.keep = closer.keep = False
    out: list[str] = []
    i = 0
    while i < len(parts):
        p = parts[i]
        i += 1
        if not isinstance(p, _Mark):
            out.append(escape_text(p) if isinstance(p, _Raw) else p)
        elif p.keep and p.kind == "code":
            end = parts.index(partner[id(p)], i)
            out.append(_code_span("".join(x for x in parts[i:end] if isinstance(x, str))))
            i = end + 1
        elif p.keep:
            out.append(_marker(p, partner))
    return "".join(out)


def _marker(mark: _Mark, partner: dict[int, _Mark]) -> str:
    if mark.kind == "a":
        return "[" if mark.opening else f"]({partner[id(mark)].href})"
    return mark.kind


def _code_span(content: str) -> str:
    longest = run = 0
    for ch in content:
        run = run + 1 if ch == "`" else 0
        longest = max(longest, run)
    fence = "`" * (longest + 1)
    pad = " " if content.startswith("`") or content.endswith("`") else ""
    return f"{fence}{pad}{content}{pad}{fence}"


def _flanks(parts: list[Any], mark: _Mark) -> bool:
    """Would CommonMark read this ``*``/``**`` as opening (or closing) emphasis?"""
    at = next(i for i, p in enumerate(parts) if p is mark)
    before = _neighbour(parts, at, -1)
    after = _neighbour(parts, at, 1)
    if before is _MARK or after is _MARK:
        return False  # another kept emphasis marker right beside it
    if mark.opening:
        # Left-flanking: not followed by white space; followed by punctuation only
        # when preceded by white space or punctuation.
        return not _space(after) and (not _punct(after) or _space(before) or _punct(before))
    return not _space(before) and (not _punct(before) or _space(after) or _punct(after))


_MARK = object()


def _neighbour(parts: list[Any], at: int, step: int) -> Any:
    """The character next to ``parts[at]``: '' at the line's edge, ``_MARK`` for a kept
    emphasis marker; markers not kept are looked past."""
    i = at + step
    while 0 <= i < len(parts):
        p = parts[i]
        if isinstance(p, _Mark):
            if p.keep and p.kind in ("*", "**"):
                return _MARK
            if p.keep and p.kind == "a":
                return "[" if p.opening else ")"
            if p.keep and p.kind == "code":
                return "`"
        elif p:
            return p[-1] if step < 0 else p[0]
        i += step
    return ""


def _space(ch: Any) -> bool:
    return ch == "" or ch.isspace()


def _punct(ch: Any) -> bool:
    return ch != "" and unicodedata.category(ch)[0] in "PS"
