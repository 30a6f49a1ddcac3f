"""What a page declares about itself: title, author, date, language, canonical URL ...

Read from the parsed tree before the front-end prunes it, from declarations only:
JSON-LD (parsed with ``json`` only when the page has some), OpenGraph and Twitter
cards, ``<meta>`` names, ``<link rel=canonical>``, microdata ``itemprop`` attributes,
``<time datetime>`` inside the article, ``<html lang>``. Nothing is guessed from the
body text: a page that declares no author has ``author=None``.

Cost: one CSS query for every ``<meta>``, a handful of ``css_first`` lookups, and a
JSON parse per JSON-LD script.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import urljoin, urlsplit

__all__ = ["Metadata", "extract_metadata", "normalise_date"]


@dataclass(frozen=True, slots=True)
class Metadata:
    """A page's declared metadata; every field is None when the page does not say."""

    title: str | None = None
    author: str | None = None
    #: ISO 8601: ``2019-11-05`` or ``2019-11-05T14:30:00+01:00``.
    date: str | None = None
    #: The declared language tag (``<html lang>`` first), e.g. ``en-US``.
    language: str | None = None
    #: The canonical URL when declared, else the URL the caller gave.
    url: str | None = None
    site_name: str | None = None
    description: str | None = None
    image: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return asdict(self)


# -- where each field is declared, in order of trust -------------------------------------

_TITLE_METAS = ("og:title", "twitter:title", "title", "dc.title", "dcterms.title")
_AUTHOR_METAS = (
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
)
_DATE_METAS = (
    "article:published_time",
    "datepublished",
    "og:published_time",
    "published_time",
    "article.published",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "dcterms.date",
    "dcterms.issued",
    "sailthru.date",
    "parsely-pub-date",
)
_DESCRIPTION_METAS = ("description", "og:description", "twitter:description")
_IMAGE_METAS = (
    "og:image",
    "og:image:url",
    "og:image:secure_url",
    "twitter:image",
    "twitter:image:src",
)
_SITE_METAS = ("og:site_name", "application-name")
_META_KEYS = ("property", "name", "itemprop", "http-equiv")

#: JSON-LD types describing the article itself (not the site, a breadcrumb, a person).
_ARTICLE_TYPE = re.compile(r"(Article|Posting|Report|Review|Recipe|HowTo|Thesis)$")
_PAGE_TYPE = re.compile(r"Page$")

_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")
#: Separators between a headline and the site name in a declared title. A match only
#: starts where a run of white space starts: starting inside a long run rescans it, which
#: is quadratic on a hostile title of spaces.
_TITLE_SEPARATOR = re.compile(r"(?<!\s)\s+[|\-–—:·•»/]{1,2}\s+")
#: Scripts larger than this are not parsed: metadata must stay cheap.
_MAX_JSON_LD_CHARS = 1_000_000


def extract_metadata(tree: Any, url: str | None = None) -> Metadata:
    """The metadata ``tree`` (a parsed page, selectolax) declares; ``url`` is its address.

    Call it before ``html_to_blocks``, which removes scripts (and JSON-LD with them).
    """
    metas = _metas(tree)
    items = _json_ld_items(tree)
    article = _first(items, _ARTICLE_TYPE)
    page = _first(items, _PAGE_TYPE)
    main = article or page or {}

    site_name = _first_text(
        *(metas.get(k) for k in _SITE_METAS),
        _name_of(main.get("publisher")),
        _name_of(_first(items, re.compile(r"^WebSite$"))),
    )
    canonical = _absolute(_link_href(tree, "canonical"), url)
    page_url = (
        canonical
        or _absolute(metas.get("og:url"), url)
        or _absolute(_url_of(main.get("url")), url)
        or _absolute(url, None)
    )
    base = page_url or url

    h1 = tree.css_first("h1")
    h1_text = _clean(h1.text(separator=" ")) if h1 is not None else None
    title_node = tree.css_first("title")
    declared_title = _first_text(
        _string(main.get("headline")) if article else None,
        *(metas.get(k) for k in _TITLE_METAS),
        _string(main.get("headline")),
        h1_text,
        title_node.text() if title_node is not None else None,
    )
    title = _strip_site_name(declared_title, site_name, h1_text, base)

    author = _authors(main.get("author")) or _authors(main.get("creator"))
    if not author:
        author = _first_text(*(v for k in _AUTHOR_METAS if not _is_url(v := metas.get(k))))
    if not author:
        author = _microdata_author(tree)

    date = normalise_date(_string(main.get("datePublished")))
    if date is None:
        date = next(
            (d for k in _DATE_METAS if (d := normalise_date(metas.get(k))) is not None), None
        )
    if date is None:
        date = _time_element_date(tree)

    return Metadata(
        title=title,
        author=author,
        date=date,
        language=_language(tree, metas, main),
        url=page_url,
        site_name=site_name,
        description=_first_text(
            *(metas.get(k) for k in _DESCRIPTION_METAS), _string(main.get("description"))
        ),
        image=_absolute(
            _first_text(
                *(metas.get(k) for k in _IMAGE_METAS),
                _url_of(main.get("image")),
                _link_href(tree, "image_src"),
            ),
            base,
        ),
    )


# -- reading declarations ------------------------------------------------------------------


def _metas(tree: Any) -> dict[str, str]:
    """``<meta>`` contents by lower-cased property, name, itemprop or http-equiv (first wins)."""
    found: dict[str, str] = {}
    for node in tree.css("meta[content]"):
        attrs = node.attributes
        content = attrs.get("content")
        if not content or not content.strip():
            continue
        for key in _META_KEYS:
            name = attrs.get(key)
            if name:
                found.setdefault(name.strip().lower(), content)
    return found


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


def _link_href(tree: Any, rel: str) -> str | None:
    node = tree.css_first(f'link[rel~="{rel}"][href]')
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


# -- tidying values --------------------------------------------------------------------------


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


# -- dates -------------------------------------------------------------------------------------

_ISO_DATE = re.compile(
    r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"
    r"(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?\s*$",
    re.IGNORECASE,
)
_COMPACT_DATE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?\s*$")


def normalise_date(value: str | None) -> str | None:
    """A declared date as ISO 8601 (``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM:SS[±HH:MM]``).

    Accepts ISO 8601 and its common variants, ``YYYYMMDD``, and RFC 2822 dates; None
    for anything it cannot read with certainty (no day-month order is guessed).
    """
    if not value or len(value) > 64:
        return None
    match = _ISO_DATE.match(value) or _COMPACT_DATE.match(value)
    if match is not None:
        groups = match.groups()
        year, month, day = int(groups[0]), int(groups[1]), int(groups[2])
        hour = groups[3]
        zone = groups[6] if len(groups) > 6 else None
        try:
            if hour is None:
                return datetime(year, month, day).date().isoformat()
            stamp = datetime(year, month, day, int(hour), int(groups[4]), int(groups[5] or 0))
        except ValueError:
            return None
        offset = _offset(zone)
        if offset is not None:
            stamp = stamp.replace(tzinfo=offset)
        return stamp.isoformat()
    from email.utils import parsedate_to_datetime  # only for dates that are not ISO

    try:
        stamp = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return stamp.isoformat() if stamp is not None else None


def _offset(zone: str | None) -> timezone | None:
    if not zone:
        return None
    if zone.upper() in ("Z", "UTC", "GMT"):
        return timezone.utc
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    if hours > 18 or minutes > 59:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))
