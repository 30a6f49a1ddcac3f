"""What a page declares it is: the ``@type`` of its JSON-LD, its ``og:type``, its
microdata ``itemtype``s, mapped to the kinds of ``page_type.PAGE_TYPES``.

Read from the parsed tree before the HTML walk, which drops the scripts.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

__all__ = ["DECLARING", "declared_names", "declared_types", "declares"]

#: schema.org types and OpenGraph types (lower case) that say what a page is. A type
#: that pages of every kind carry (Organization, WebPage, BreadcrumbList, a FAQ's
#: Question) says nothing and is not here.
_DECLARED_KIND = {
    "article": "article",
    "newsarticle": "article",
    "blogposting": "article",
    "report": "article",
    "reportagenewsarticle": "article",
    "analysisnewsarticle": "article",
    "opinionnewsarticle": "article",
    "reviewnewsarticle": "article",
    "backgroundnewsarticle": "article",
    "liveblogposting": "article",
    "scholarlyarticle": "article",
    "discussionforumposting": "forum",
    "qapage": "forum",
    "product": "product",
    "productgroup": "product",
    "individualproduct": "product",
    "product.item": "product",
    "techarticle": "documentation",
    "apireference": "documentation",
    "collectionpage": "listing",
    "searchresultspage": "listing",
    "imagegallery": "gallery",
    "mediagallery": "gallery",
    "videogallery": "gallery",
    "service": "service",
    "professionalservice": "service",
}
#: When a page declares several kinds, the most specific wins (an article type is the
#: default that blog and news software put on every page).
_PRECEDENCE = ("forum", "product", "gallery", "documentation", "listing", "service", "article")
#: Scripts larger than this are not parsed: the guess must stay cheap.
_MAX_SCRIPT_CHARS = 200_000
#: The elements declaring a type: JSON-LD scripts, ``og:type``, microdata.
DECLARING = 'script[type*="ld+json"], meta[property="og:type"], [itemtype]'


def declared_types(tree: Any, found: Iterable[Any] | None = None) -> tuple[str, ...]:
    """The page kinds (``PAGE_TYPES`` values) the page declares, most specific first:
    the ``@type`` of its top-level JSON-LD objects, its ``og:type`` and its microdata
    ``itemtype``s. Read before the walk, which drops the scripts.

    ``found``: the elements to read, at least those ``DECLARING`` matches (the
    compiled pass before the walk finds them: ``frontends/html/prescan.py``); by
    default the query finds them.
    """
    names: list[str] = []
    # One query for the three (each query walks the whole tree). The engine reports an
    # element once per selector it matches, so each element is asked all three
    # questions; one reported twice adds its names twice, which the set below ignores.
    for node in tree.css(DECLARING) if found is None else found:
        names.extend(declared_names(node))
    kinds = {_DECLARED_KIND.get(n.strip().lower()) for n in names}
    return tuple(kind for kind in _PRECEDENCE if kind in kinds)


def declared_names(node: Any) -> list[str]:
    """The type names one element declares (none for an element ``DECLARING`` does
    not match)."""
    names: list[str] = []
    tag = node.tag
    attrs = node.attributes
    # (The engine compares a ``type`` attribute regardless of ASCII case.)
    if tag == "script" and "ld+json" in (attrs.get("type") or "").lower():
        names.extend(_script_types(node))
    elif tag == "meta" and attrs.get("property") == "og:type":
        names.append(attrs.get("content") or "")
    if "itemtype" in attrs:
        for url in (attrs.get("itemtype") or "").split():
            names.append(url.rstrip("/").rsplit("/", 1)[-1])
    return names


def declares(node: Any) -> bool:
    """Whether ``DECLARING`` matches ``node``: the elements ``declared_names`` reads."""
    attrs = node.attributes
    if node.tag == "script" and "ld+json" in (attrs.get("type") or "").lower():
        return True
    return (node.tag == "meta" and attrs.get("property") == "og:type") or "itemtype" in attrs


def _script_types(script: Any) -> Iterable[str]:
    """The top-level ``@type``s of one JSON-LD script (none when it is too large or
    malformed)."""
    source = script.text()
    if not source or len(source) > _MAX_SCRIPT_CHARS:
        return ()
    try:
        data = json.loads(source, strict=False)
    except ValueError:
        return ()  # malformed JSON-LD is common: it declares nothing
    return _top_level_types(data)


def _top_level_types(data: Any) -> Iterable[str]:
    """``@type`` of the objects of one JSON-LD script: top level, lists and ``@graph``
    (not the nested ones: an article's publisher is no claim about the page)."""
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, list):
            stack.extend(value)
        elif isinstance(value, dict):
            kind = value.get("@type")
            if isinstance(kind, str):
                yield kind
            elif isinstance(kind, list):
                yield from (k for k in kind if isinstance(k, str))
            graph = value.get("@graph")
            if isinstance(graph, list):
                stack.extend(graph)
