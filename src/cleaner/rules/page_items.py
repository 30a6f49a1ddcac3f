"""The repeated items of a page: a thread's posts, a listing's teasers, a gallery's
pictures. Helpers of ``page_type.GuessPageType``, reading ``Document.elements``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .elements import name_tokens

if TYPE_CHECKING:
    from ..blocks import Block
    from .tree import Elements

__all__ = ["authored_item", "blocks_by_item", "element_chars", "repeated_items"]

#: Class/id tokens of an author or a user inside a post (with ``<time>``: the signs
#: that repeated items are posts somebody wrote).
_AUTHOR_TOKENS = frozenset(
    {
        "author",
        "user",
        "username",
        "poster",
        "member",
        "avatar",
        "userinfo",
        "postprofile",
        "postauthor",
        "postdetails",
    }
)
_AUTHOR_SELECTOR = "time, [itemprop=author], [rel=author]"


def element_chars(el: Elements, blocks: list[Block]) -> list[int]:
    """Characters of ``blocks`` in each element's subtree."""
    chars = [0] * len(el.parent)
    for b in blocks:
        chars[b.element] += len(b.text)
    for e in range(len(chars) - 1, 0, -1):
        chars[el.parent[e]] += chars[e]
    return chars


def repeated_items(
    el: Elements, chars: list[int], min_items: int, max_share: float, *, by_class: bool = True
) -> list[int]:
    """The largest group (by text) of at least ``min_items`` sibling elements of one tag
    and first class name (of one tag only, when not ``by_class``: a listing marking
    every other item, or its first one, with a class of its own), none holding more than
    ``max_share`` of the group's text (a wrapper holding nearly all of a page beside its
    footer is no list of items)."""
    groups: dict[tuple[int, str, str], list[int]] = {}
    for e in range(1, len(el.parent)):
        if chars[e]:
            attrs = el.attrs[e] or {}
            first = (attrs.get("class") or "").split()[:1] if by_class else []
            key = (el.parent[e], el.tag[e], first[0] if first else "")
            groups.setdefault(key, []).append(e)
    best: list[int] = []
    best_chars = 0
    for members in groups.values():
        if len(members) < min_items:
            continue
        held = sum(chars[e] for e in members)
        if held > best_chars and max(chars[e] for e in members) <= max_share * held:
            best, best_chars = members, held
    return best


def blocks_by_item(el: Elements, blocks: list[Block], items: list[int]) -> list[list[Block]]:
    """``blocks`` inside each of ``items``, item by item."""
    out: list[list[Block]] = [[] for _ in items]
    where = {e: n for n, i in enumerate(items) for e in range(i, el.end[i])}
    for b in blocks:
        n = where.get(b.element)
        if n is not None:
            out[n].append(b)
    return out


def authored_item(el: Elements, item: int) -> bool:
    """A post: an author's or user's element, or a ``<time>``, inside the item."""
    for e in range(item, el.end[item]):
        attrs = el.attrs[e]
        if attrs and _has_token(attrs, _AUTHOR_TOKENS):
            return True
    node = el.node[item]
    if node.css_first(_AUTHOR_SELECTOR) is not None:
        return True
    return any(_has_token(n.attributes, _AUTHOR_TOKENS) for n in node.css("[class], [id]"))


def _has_token(attrs: Any, tokens: frozenset[str]) -> bool:
    for key in ("class", "id"):
        value = attrs.get(key)
        if value:
            for name in value.split():
                if not tokens.isdisjoint(name_tokens(name)):
                    return True
    return False
