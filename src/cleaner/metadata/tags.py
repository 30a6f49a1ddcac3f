"""Declarations in the markup: ``<meta>``, ``<link>``, microdata, ``<time>``, ``lang``."""

from __future__ import annotations

import re
from typing import Any

from .dates import normalise_date
from .jsonld import _string
from .terms import MAX_TERMS, REPEATED_METAS
from .values import _clean

_META_KEYS = ("property", "name", "itemprop", "http-equiv")
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


def _metas(tree: Any, repeated: dict[str, list[str]] | None = None) -> dict[str, str]:
    """``<meta>`` contents by lower-cased property, name, itemprop or http-equiv (first wins).

    ``repeated`` collects every content, in order, of the names in ``REPEATED_METAS``
    (``article:tag`` comes once per tag), at most ``MAX_TERMS`` each: the same pass over
    the ``<meta>`` elements, so a page of 10,000 tags costs no second query.
    """
    found: dict[str, str] = {}
    for node in tree.css("meta[content]"):
        attrs = node.attributes
        content = attrs.get("content")
        if not content or not content.strip():
            continue
        for key in _META_KEYS:
            name = attrs.get(key)
            if name:
                name = name.strip().lower()
                found.setdefault(name, content)
                if repeated is not None and name in REPEATED_METAS:
                    values = repeated.setdefault(name, [])
                    if len(values) < MAX_TERMS:
                        values.append(content)
    return found


def _microdata_author(tree: Any) -> str | None:
    """The author marked up in the body: microdata ``itemprop=author``, ``rel=author``."""
    node = tree.css_first('[itemprop~="author"]')
    if node is not None:
        name = node.css_first('[itemprop~="name"]')
        if name is not None:
            node = name
        return _clean(node.attributes.get("content") or node.text(separator=" "))
    link = tree.css_first('a[rel~="author"]')
    return _clean(link.text(separator=" ")) if link is not None else None


def _link_href(tree: Any, rel: str, element: str = "link") -> str | None:
    node = tree.css_first(f'{element}[rel~="{rel}"][href]')
    return node.attributes.get("href") if node is not None else None


def _time_element_date(tree: Any) -> str | None:
    """A ``<time datetime>`` marked as the publication date, or the first in the article."""
    for selector in (
        '[itemprop~="datePublished"]',
        "time[pubdate]",
        "article time[datetime]",
        "main time[datetime]",
    ):
        node = tree.css_first(selector)
        if node is not None:
            attrs = node.attributes
            date = normalise_date(attrs.get("datetime") or attrs.get("content"))
            if date is not None:
                return date
    return None


def _language(tree: Any, metas: dict[str, str], main: dict[str, Any]) -> str | None:
    root = tree.root
    attrs = root.attributes if root is not None else {}
    for value in (
        attrs.get("lang"),
        attrs.get("xml:lang"),
        metas.get("content-language"),
        metas.get("og:locale"),
        _string(main.get("inLanguage")),
    ):
        tag = _language_tag(value)
        if tag:
            return tag
    return None


def _language_tag(value: str | None) -> str | None:
    """``en_us`` → ``en-US``; None for what is not a language tag."""
    if not value:
        return None
    value = value.split(",")[0].strip().replace("_", "-")
    if not _LANGUAGE_TAG.match(value):
        return None
    parts = value.split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 2:
            out.append(part.upper())
        elif len(part) == 4 and part.isalpha():
            out.append(part.title())
        else:
            out.append(part.lower())
    return "-".join(out)
