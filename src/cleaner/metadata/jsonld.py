"""JSON-LD: the page's objects, flattened, and the values read out of them."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from .values import _clean, _is_url

#: Scripts larger than this are not parsed: metadata must stay cheap.
_MAX_JSON_LD_CHARS = 1_000_000


def _json_ld_items(tree: Any) -> list[dict[str, Any]]:
    """Every JSON object of the page's JSON-LD, flattened out of lists and ``@graph``."""
    items: list[dict[str, Any]] = []
    for script in tree.css('script[type*="ld+json"]'):
        source = script.text()
        if not source or len(source) > _MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(source, strict=False)
        except ValueError:
            continue  # malformed JSON-LD is common; the page then declares nothing here
        stack = [data]
        while stack and len(items) < 1000:
            value = stack.pop()
            if isinstance(value, list):
                stack.extend(reversed(value))
            elif isinstance(value, dict):
                items.append(value)
                graph = value.get("@graph")
                if isinstance(graph, list):
                    stack.extend(reversed(graph))
    return items


def _types(item: dict[str, Any]) -> Iterator[str]:
    kind = item.get("@type")
    if isinstance(kind, str):
        yield kind
    elif isinstance(kind, list):
        yield from (k for k in kind if isinstance(k, str))


def _first(items: list[dict[str, Any]], kind: re.Pattern[str]) -> dict[str, Any] | None:
    for item in items:
        if any(kind.search(t) for t in _types(item)):
            return item
    return None


def _string(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value and isinstance(value[0], str):
        return value[0]
    return None


def _name_of(value: Any) -> str | None:
    if isinstance(value, dict):
        return _string(value.get("name"))
    if isinstance(value, list) and value:
        return _name_of(value[0])
    return None


def _url_of(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return _string(value.get("url")) or _string(value.get("@id"))
    if isinstance(value, list) and value:
        return _url_of(value[0])
    return None


def _authors(value: Any) -> str | None:
    """JSON-LD author(s): a name, a Person or Organization, or a list of them."""
    names: list[str] = []
    for entry in value if isinstance(value, list) else [value]:
        name = entry if isinstance(entry, str) else _name_of(entry)
        name = _clean(name)
        if name and not _is_url(name) and name not in names:
            names.append(name)
    return ", ".join(names) if names else None
