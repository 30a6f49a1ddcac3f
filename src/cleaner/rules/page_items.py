"""The repeated items of a page: a thread's posts, a listing's teasers, a gallery's
pictures. Helpers of ``page_type.GuessPageType``, reading ``Document.elements``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import compress, islice
from typing import TYPE_CHECKING, Any, TypeVar

from .elements import name_tokens

if TYPE_CHECKING:
    from ..blocks import Block
    from .tree import Elements

__all__ = [
    "at_least",
    "authored_item",
    "blocks_by_item",
    "element_chars",
    "item_groups",
    "repeated_items",
    "tag_groups",
]

_T = TypeVar("_T")

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
        "bigusername",
    }
)
_AUTHOR_SELECTOR = "time, [itemprop=author], [rel=author]"
_AUTHOR_OR_NAMED = "time, [itemprop], [rel], [class], [id]"
#: Any of ``_AUTHOR_TOKENS`` in a lower-cased class attribute or id. Each token of a
#: name is a run of its characters lower-cased one by one (``name_tokens``), so a value
#: none of whose names holds such a token is told apart in one search.
_AUTHOR_HINT = re.compile("|".join(sorted(_AUTHOR_TOKENS)))


def element_chars(el: Elements, blocks: list[Block]) -> list[int]:
    """Characters of ``blocks`` in each element's subtree."""
    parent = el.parent
    chars = [0] * len(parent)
    for b in blocks:
        chars[b.element] += len(b.text)
    for e in range(len(chars) - 1, 0, -1):
        if n := chars[e]:  # (most elements hold no block of their own)
            chars[parent[e]] += n
    return chars


def item_groups(el: Elements, chars: list[int]) -> dict[tuple[int, str, str], list[int]]:
    """The elements holding text, grouped as siblings of one tag and first class name
    (``""`` for none), groups in the page order of their first member."""
    groups: dict[tuple[int, str, str], list[int]] = {}
    parent, tag, attrs = el.parent, el.tag, el.attrs
    # Only the elements holding text, picked out without a step of the loop each.
    for e in compress(range(1, len(parent)), islice(chars, 1, None)):
        names = attrs[e].get("class") if attrs[e] else None
        first = names.split(None, 1)[:1] if names else ()
        key = (parent[e], tag[e], first[0] if first else "")
        if key in groups:
            groups[key].append(e)
        else:
            groups[key] = [e]
    return groups


def tag_groups(
    by_class: dict[tuple[int, str, str], list[int]],
) -> dict[tuple[int, str], list[int]]:
    """``item_groups``' groups merged by tag alone (siblings of one tag), members in
    page order, groups in the page order of their first member."""
    groups: dict[tuple[int, str], list[int]] = {}
    merged = False
    for (up, tag, _), members in by_class.items():
        key = (up, tag)
        if key in groups:
            groups[key] += members
            merged = True
        else:
            groups[key] = list(members)
    if merged:
        for members in groups.values():
            members.sort()
    return groups


def repeated_items(
    groups: dict[Any, list[int]], chars: list[int], min_items: int, max_share: float
) -> list[int]:
    """The largest of ``groups`` (by text; the first of equals) of at least
    ``min_items`` elements, none holding more than ``max_share`` of the group's text (a
    wrapper holding nearly all of a page beside its footer is no list of items).

    The groups are ``item_groups``' (siblings of one tag and first class name) or
    ``tag_groups``' (of one tag only: a listing marking every other item, or its first
    one, with a class of its own)."""
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
    for attrs in islice(el.attrs, item, el.end[item]):
        if attrs and _has_author_token(attrs):
            return True
    # One query (a query's set-up costs more than an item's few elements): a
    # ``<time>``, or an element that may match the rest of ``_AUTHOR_SELECTOR`` (asked
    # again, of it and what it holds) or hold an author's token.
    for node in el.node[item].css(_AUTHOR_OR_NAMED):
        if node.tag == "time":
            return True
        attrs = node.attributes
        if ("itemprop" in attrs or "rel" in attrs) and node.css_matches(_AUTHOR_SELECTOR):
            return True
        if _has_author_token(attrs):
            return True
    return False


def _has_author_token(attrs: Any) -> bool:
    """A class name or id among ``attrs`` holding one of ``_AUTHOR_TOKENS``."""
    for key in ("class", "id"):
        value = attrs.get(key)
        if value and _AUTHOR_HINT.search(value.lower()):
            for name in value.split():
                if not _AUTHOR_TOKENS.isdisjoint(name_tokens(name)):
                    return True
    return False


def at_least(items: Sequence[_T], sign: Callable[[_T], bool], need: float) -> bool:
    """Whether at least ``need`` of ``items`` show ``sign``: read until that is known."""
    count = 0
    for n, item in enumerate(items):
        if count >= need or count + len(items) - n < need:
            break
        count += sign(item)
    return count >= need
