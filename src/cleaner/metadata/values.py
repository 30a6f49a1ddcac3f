"""Tidying a declared value: white space, entities, URLs, the site name in a title."""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin, urlsplit

_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: Separators between a headline and the site name in a declared title. A match only
#: starts where a run of white space starts: starting inside a long run rescans it, which
#: is quadratic on a hostile title of spaces.
_TITLE_SEPARATOR = re.compile(r"(?<!\s)\s+[|\-–—:·•»/]{1,2}\s+")


def _clean(value: str | None) -> str | None:
    """White space collapsed, stray entities decoded (JSON-LD often holds ``&#8217;``)."""
    if not value:
        return None
    if "&" in value and _ENTITY.search(value):
        value = html.unescape(value)
    value = " ".join(value.split())
    return value or None


def _first_text(*values: str | None) -> str | None:
    for value in values:
        cleaned = _clean(value)
        if cleaned:
            return cleaned
    return None


def _is_url(value: str | None) -> bool:
    return bool(value) and value.lstrip().startswith(("http://", "https://", "//", "www."))


def _absolute(value: str | None, base: str | None) -> str | None:
    """An http(s) URL, made absolute against ``base``; None for anything else."""
    value = _clean(value)
    if not value:
        return None
    if base:
        try:
            value = urljoin(base, value)
        except ValueError:
            return None
    try:
        scheme = urlsplit(value).scheme
    except ValueError:
        return None
    return value if scheme in ("http", "https") else None


def _squash(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _strip_site_name(
    title: str | None, site_name: str | None, h1: str | None, url: str | None
) -> str | None:
    """A declared title without a trailing or leading site name (``Headline | Site``).

    Only when the page says what the site name is (``og:site_name``, the publisher),
    the host name says it, or the visible ``<h1>`` equals the rest.
    """
    if not title:
        return title
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    names = set()
    if site_name:
        names.add(_squash(site_name))
    if url:
        host = (urlsplit(url).hostname or "").removeprefix("www.")
        if host:
            names.add(_squash(host))
            names.add(_squash(host.rsplit(".", 1)[0]))
    names.discard("")
    head_matches = h1 is not None and _squash(h1)
    for keep, cut in ((slice(0, -1), -1), (slice(1, None), 0)):
        cut_part = _squash(parts[cut])
        if cut_part and cut_part in names:
            rest = _rest(title, keep)
            if rest:
                return rest
        if head_matches:
            rest = _rest(title, keep)
            if rest and _squash(rest) == head_matches:
                return rest
    return title


def _rest(title: str, keep: slice) -> str | None:
    """The part of ``title`` kept after cutting the first or last separated part."""
    seps = list(_TITLE_SEPARATOR.finditer(title))
    rest = title[seps[0].end() :] if keep.start == 1 else title[: seps[-1].start()]
    return rest.strip() or None
