"""Categories, tags and the licence: what a page says it is filed under and may be used as.

Categories and tags are lists of terms; each is read from the first source that declares
any (as the single-valued fields take the first source that declares one), tidied,
deduplicated without regard to case (the first spelling stays) and kept in the page's
order, at most :data:`MAX_TERMS` of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import Any

from .jsonld import _name_of, _url_of
from .values import _absolute, _clean

#: At most this many categories, and as many tags, are kept: the first declared. Real
#: pages declare a few (news sites a few dozen tags at most); the bound keeps a page with
#: 10,000 ``article:tag`` metas or a keywords string of 10,000 commas cheap to read and
#: its JSON small. docs/limits.md documents it.
MAX_TERMS = 100

#: ``<meta>`` names whose every occurrence counts: Open Graph repeats ``article:tag``
#: (and ``article:section``) once per term instead of joining them.
REPEATED_METAS = frozenset({"article:section", "article:tag"})

#: Keywords are declared as one string joined by commas (schema.org says so; semicolons
#: are common in Dublin Core subjects). Section names are not split: "Arts, Culture"
#: is one section.
_TERM_SEPARATOR = re.compile(r"[,;]")

#: A URL with a scheme, or a path from the root: no white space, so never words. Anchored
#: with ``\A``: a search of an unanchored pattern would retry at every position.
_REFERENCE = re.compile(r"\A(?:[A-Za-z][A-Za-z0-9+.-]*:|/)\S*\Z")

_CATEGORY_METAS = ("article:section", "parsely-section")
_TAG_METAS = (
    "article:tag",
    "news_keywords",
    "keywords",
    "parsely-tags",
    "dc.subject",
    "dcterms.subject",
)
#: ``dc.rights`` often holds a copyright line rather than a licence; it is what the page
#: says about reuse all the same, so it comes last.
_LICENSE_METAS = ("dcterms.license", "license", "dc.rights", "dcterms.rights")


def _json_ld_strings(value: Any) -> Iterator[str]:
    """The terms of a JSON-LD value: a string, a ``DefinedTerm`` (its name) or a list."""
    for entry in value if isinstance(value, list) else [value]:
        term = entry if isinstance(entry, str) else _name_of(entry)
        if term:
            yield term


def _terms(values: Iterable[str], split: bool) -> tuple[str, ...]:
    """Tidied, deduplicated ``values`` in order, at most :data:`MAX_TERMS`."""
    out: list[str] = []
    seen: set[str] = set()
    for value in values:
        pieces = _TERM_SEPARATOR.split(value, maxsplit=MAX_TERMS) if split else [value]
        # With MAX_TERMS splits the last piece is the unsplit rest: past the bound anyway.
        for piece in pieces[:MAX_TERMS]:
            term = _clean(piece)
            if term is None or term.casefold() in seen:
                continue
            seen.add(term.casefold())
            out.append(term)
            if len(out) == MAX_TERMS:
                return tuple(out)
    return tuple(out)


def _first_terms(
    main: dict[str, Any],
    json_ld_key: str,
    metas: dict[str, str],
    repeated: dict[str, list[str]],
    meta_keys: tuple[str, ...],
    split: bool,
) -> tuple[str, ...]:
    """The terms of the first source that declares any: JSON-LD, then each meta name."""
    found = _terms(_json_ld_strings(main.get(json_ld_key)), split)
    for key in meta_keys:
        if found:
            break
        values = repeated.get(key) if key in REPEATED_METAS else None
        if not values:
            single = metas.get(key)
            values = [single] if single else []
        found = _terms(values, split)
    return found


def _categories(
    main: dict[str, Any], metas: dict[str, str], repeated: dict[str, list[str]]
) -> tuple[str, ...]:
    return _first_terms(main, "articleSection", metas, repeated, _CATEGORY_METAS, split=False)


def _tags(
    main: dict[str, Any], metas: dict[str, str], repeated: dict[str, list[str]]
) -> tuple[str, ...]:
    return _first_terms(main, "keywords", metas, repeated, _TAG_METAS, split=True)


def _license(
    main: dict[str, Any],
    metas: dict[str, str],
    hrefs: Iterable[str | None],
    base: str | None,
) -> str | None:
    """The declared licence: a URL (absolute) or, where the page names it in words, the
    words (``CC BY-SA 4.0``). ``hrefs`` are the ``rel=license`` links, in order of trust.
    """
    declared = main.get("license")
    found = chain(
        [_license_value(_url_of(declared) or _name_of(declared), base)],
        # An href is always a reference: a relative one resolves against the page.
        (_absolute(href, base) for href in hrefs),
        (_license_value(metas.get(key), base) for key in _LICENSE_METAS),
    )
    return next((value for value in found if value is not None), None)


def _license_value(value: str | None, base: str | None) -> str | None:
    value = _clean(value)
    if value is None:
        return None
    # Only what is plainly a reference is resolved (a scheme, or a path from the root):
    # "CC BY 4.0" or "CC-BY-4.0" joined to the base would be a made-up address. A
    # reference that is not a web address (``javascript:``) is no licence.
    if _REFERENCE.match(value):
        return _absolute(value, base)
    return value
