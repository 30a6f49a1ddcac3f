"""What a page declares about itself: title, author, date, language, canonical URL ...

Read from the parsed tree before the front-end prunes it, from declarations only:
JSON-LD (parsed with ``json`` only when the page has some), OpenGraph and Twitter
cards, ``<meta>`` names, ``<link rel=canonical>``, microdata ``itemprop`` attributes,
``<time datetime>`` inside the article, ``<html lang>``, ``rel=license`` links. Nothing
is guessed from the body text: a page that declares no author has ``author=None``.

Cost: one CSS query for every ``<meta>``, a handful of ``css_first`` lookups, and a
JSON parse per JSON-LD script.

The package: this module builds :class:`Metadata` from what the other modules read —
``jsonld`` (JSON-LD objects), ``tags`` (``<meta>``, ``<link>``, microdata, ``<time>``,
``<html lang>``), ``values`` (tidying a declared value, the site name out of a title), ``terms``
(categories, tags, the licence) and ``dates`` (:func:`normalise_date`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Any

from .dates import normalise_date
from .jsonld import _authors, _first, _json_ld_items, _name_of, _string, _url_of
from .tags import _language, _link_href, _metas, _microdata_author, _time_element_date
from .terms import MAX_TERMS, _categories, _license, _tags
from .values import _absolute, _clean, _first_text, _is_url, _strip_site_name

__all__ = ["MAX_TERMS", "Metadata", "extract_metadata", "normalise_date"]


@dataclass(frozen=True, slots=True)
class Metadata:
    """A page's declared metadata; a field is None (a list empty) when the page does not say."""

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
    #: Sections the page is filed under (JSON-LD ``articleSection``, ``article:section``).
    categories: tuple[str, ...] = ()
    #: Its keywords (JSON-LD ``keywords``, ``article:tag``, ``<meta name=keywords>`` ...).
    tags: tuple[str, ...] = ()
    #: The declared licence: its URL (``rel=license``), or its name in words.
    license: str | None = None

    def as_dict(self) -> dict[str, str | list[str] | None]:
        # Lists, not tuples: the dict goes to JSON (batch records), which reads back lists.
        return {
            f.name: list(value) if isinstance(value := getattr(self, f.name), tuple) else value
            for f in fields(self)
        }


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

#: JSON-LD types describing the article itself (not the site, a breadcrumb, a person).
_ARTICLE_TYPE = re.compile(r"(Article|Posting|Report|Review|Recipe|HowTo|Thesis)$")
_PAGE_TYPE = re.compile(r"Page$")


def extract_metadata(tree: Any, url: str | None = None) -> Metadata:
    """The metadata ``tree`` (a parsed page, selectolax) declares; ``url`` is its address.

    Call it before ``html_to_blocks``, which removes scripts (and JSON-LD with them).
    """
    repeated: dict[str, list[str]] = {}
    metas = _metas(tree, repeated)
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
        categories=_categories(main, metas, repeated),
        tags=_tags(main, metas, repeated),
        license=_license(
            main,
            metas,
            (_link_href(tree, "license", element) for element in ("link", "a")),
            base,
        ),
    )
