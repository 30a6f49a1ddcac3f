"""Inline Markdown for one block: links, emphasis, inline code, images.

The block's element is walked again the way the HTML front-end walks it (text of
phrasing elements joins the block; a nested block element or two ``<br>`` in a row
end it). The Markdown of a piece is used only when its plain text is exactly the
block's text: a piece the front-end pruned, or any other difference, leaves the block
as escaped plain text. Emphasis markers that CommonMark would not read as emphasis
(``a*"b"*`` has no emphasis) are left out rather than shown as asterisks.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

from ..frontends.tags import INLINE_TAGS, SKIP_TAGS

__all__ = ["InlineOptions", "inline_lines"]

#: Phrasing elements: their text belongs to the block around them (as in the front-end).
_INLINE = INLINE_TAGS
#: Elements without visible text of their own, never walked into.
_SKIP = SKIP_TAGS
_EMPHASIS = {"em": "*", "i": "*", "strong": "**", "b": "**"}
_CODE = frozenset({"code", "kbd", "samp", "tt"})
_UNSAFE_SCHEMES = frozenset({"javascript", "vbscript", "data", "file"})
#: Characters left as they are in link and image addresses (the rest is %-encoded).
_URL_SAFE = "!#$%&'*+,-./:;=?@[]^_`{|}~"
_MAX_NODES = 20_000


@dataclass(slots=True)
class InlineOptions:
    """What inline markup to write; one per rendering (it caches walked elements)."""

    links: bool = False
    emphasis: bool = False
    images: bool = False
    base_url: str | None = None
    #: element id -> its pieces: (plain lines, Markdown lines), and the next to use.
    _walked: dict[int, tuple[list[tuple[list[str], list[str]]], list[int]]] = field(
        default_factory=dict
    )


def inline_lines(node: Any, text: str, options: InlineOptions) -> list[str] | None:
    """The Markdown lines (inline-escaped) of the piece of ``node`` whose text is ``text``.

    None when no piece of the element has exactly that text.
    """
    key = node.mem_id
    walked = options._walked.get(key)
    if walked is None:
        walked = options._walked[key] = (_pieces(node, options), [0])
    pieces, cursor = walked
    want = text.split("\n")
    for i in range(cursor[0], len(pieces)):
        plain, marked = pieces[i]
        if plain == want:
            cursor[0] = i + 1
            return marked
    return None


# -- walking the element ------------------------------------------------------------------


@dataclass(slots=True)
class _Mark:
    """An opening or closing marker; ``pair`` ties the two of one element together."""

    kind: str  # "a", "*", "**", "code"
    opening: bool
    pair: int
    href: str = ""
    keep: bool = True


def _pieces(node: Any, options: InlineOptions) -> list[tuple[list[str], list[str]]]:
    """Every piece of the element's own text, as (plain lines, Markdown lines)."""
    out: list[tuple[list[str], list[str]]] = []
    tokens: list[Any] = []  # str, _Mark, ("img", markdown) or None for a <br>
    pairs = 0
    seen = 0
    stack: list[tuple[Any, _Mark | None]] = [(node.iter(include_text=True), None)]
    while stack:
        it, closing = stack[-1]
        for child in it:
            seen += 1
            if seen > _MAX_NODES:
                return out
            tag = child.tag
            if tag == "-text":
                text = child.text_content
                if text:
                    tokens.append(text)
                continue
            if tag == "br":
                tokens.append(None)
                continue
            if tag in _SKIP:
                if tag == "img" and options.images:
                    image = _image(child, options.base_url)
                    if image:
                        tokens.append(("img", image))
                continue
            if tag in _INLINE:
                mark = _open_mark(tag, child, options, pairs)
                if mark is not None:
                    pairs += 1
                    tokens.append(mark)
                    stack.append(
                        (child.iter(include_text=True), _Mark(mark.kind, False, mark.pair))
                    )
                else:
                    stack.append((child.iter(include_text=True), None))
                break
            # A nested block element ends the piece; its text is a block of its own.
            _close_piece(tokens, out)
            tokens = []
        else:
            stack.pop()
            if closing is not None:
                tokens.append(closing)
    _close_piece(tokens, out)
    return out


def _open_mark(tag: str, node: Any, options: InlineOptions, pair: int) -> _Mark | None:
    if tag == "a":
        if not options.links:
            return None
        href = _address(node.attributes.get("href"), options.base_url)
        return _Mark("a", True, pair, href) if href else None
    if not options.emphasis:
        return None
    if tag in _EMPHASIS:
        return _Mark(_EMPHASIS[tag], True, pair)
    if tag in _CODE:
        return _Mark("code", True, pair)
    return None


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


def _image(node: Any, base: str | None) -> str | None:
    from .markdown import escape_text

    attrs = node.attributes
    src = _address(attrs.get("src"), base)
    if not src:
        return None
    alt = " ".join((attrs.get("alt") or "").split())
    return f"![{escape_text(alt)}]({src})"


# -- one piece to lines ---------------------------------------------------------------------


def _close_piece(tokens: list[Any], out: list[tuple[list[str], list[str]]]) -> None:
    """Split a piece at ``<br>``: lines; an empty line between lines ends a block (as
    two ``<br>`` do in the front-end). Markers open at a break close and reopen."""
    if not tokens:
        return
    plain_lines: list[str] = []
    marked_lines: list[str] = []
    line: list[Any] = []
    open_marks: list[_Mark] = []
    for token in [*tokens, None]:
        if token is not None:
            line.append(token)
            if isinstance(token, _Mark):
                if token.opening:
                    open_marks.append(token)
                elif open_marks and open_marks[-1].pair == token.pair:
                    open_marks.pop()
            continue
        # A break: close what is open on this line, reopen it on the next.
        line.extend(_Mark(m.kind, False, m.pair) for m in reversed(open_marks))
        plain, marked = _render_line(line)
        line = [_Mark(m.kind, True, m.pair, m.href) for m in open_marks]
        open_marks = list(line)
        if plain:
            plain_lines.append(plain)
            marked_lines.append(marked)
        elif plain_lines:
            out.append((plain_lines, marked_lines))
            plain_lines, marked_lines = [], []
    if plain_lines:
        out.append((plain_lines, marked_lines))


def _render_line(tokens: list[Any]) -> tuple[str, str]:
    """Plain text (white space collapsed as the front-end does) and its Markdown."""
    from .markdown import escape_text

    plain: list[str] = []
    parts: list[Any] = []  # str (Markdown) or _Mark
    pending_space = False
    waiting: list[Any] = []  # opening marks and images, placed before the next word
    in_code = 0

    def word(w: str) -> None:
        nonlocal pending_space
        if pending_space and plain:
            plain.append(" ")
            parts.append(" ")
        pending_space = False
        if waiting:
            parts.extend(waiting)
            waiting.clear()
        plain.append(w)
        parts.append(_Raw(w) if in_code else escape_text(w))

    for token in tokens:
        if isinstance(token, str):
            if token[0].isspace():
                pending_space = True
            for i, w in enumerate(token.split()):
                if i:
                    pending_space = True
                word(w)
            if token[-1].isspace():
                pending_space = True
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
        elif isinstance(token, tuple):
            waiting.append(token[1])
    parts.extend(w for w in waiting if isinstance(w, str))  # images at the end of the line
    return "".join(plain), _resolve(parts)


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
