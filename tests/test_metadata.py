"""Page metadata: read from what the page declares, in order of trust, never guessed."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

import cleaner.metadata as metadata_module
from cleaner import Cleaner, clean_and_explain, clean_article
from cleaner.frontends.html import parse_html
from cleaner.metadata import MAX_TERMS, Metadata, extract_metadata, normalise_date

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"


def meta(head: str = "", body: str = "", html_attrs: str = "", url: str | None = None) -> Metadata:
    page = f"<!DOCTYPE html><html{html_attrs}><head>{head}</head><body>{body}</body></html>"
    return extract_metadata(parse_html(page), url)


def ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


# -- title ---------------------------------------------------------------------------------


def test_json_ld_headline_comes_first_and_is_decoded() -> None:
    head = (
        '<meta property="og:title" content="Social title">'
        + ld({"@type": "NewsArticle", "headline": "Rain&#8217;s   return"})
        + "<title>Page title</title>"
    )
    assert meta(head, "<h1>Visible headline</h1>").title == "Rain’s return"


def test_json_ld_in_a_graph_and_in_lists() -> None:
    graph = {
        "@graph": [
            {"@type": "WebSite", "name": "The Site"},
            {"@type": ["Article", "Thing"], "headline": "From the graph", "author": "Kim"},
        ]
    }
    result = meta(ld([graph]))
    assert (result.title, result.author, result.site_name) == ("From the graph", "Kim", "The Site")


def test_malformed_json_ld_is_ignored() -> None:
    head = '<script type="application/ld+json">{"headline": "broken",</script>'
    head += '<meta property="og:title" content="OpenGraph title">'
    assert meta(head).title == "OpenGraph title"


def test_breadcrumb_names_are_not_headlines() -> None:
    head = ld({"@type": "BreadcrumbList", "name": "Home > News"}) + "<title>The title</title>"
    assert meta(head).title == "The title"


def test_site_name_is_cut_from_a_declared_title() -> None:
    head = (
        '<meta property="og:title" content="Bridge reopens | Riverside Gazette">'
        '<meta property="og:site_name" content="Riverside Gazette">'
    )
    assert meta(head).title == "Bridge reopens"
    # Leading, and named by the host only.
    head = "<title>Example News - Bridge reopens</title>"
    assert meta(head, url="https://www.examplenews.com/a").title == "Bridge reopens"


def test_title_parts_that_are_not_the_site_name_stay() -> None:
    head = (
        '<meta property="og:title" content="Pros | Cons of bridges">'
        '<meta property="og:site_name" content="Riverside Gazette">'
    )
    assert meta(head).title == "Pros | Cons of bridges"


def test_h1_then_title_element_when_nothing_else_is_declared() -> None:
    assert meta("<title>Head title</title>", "<h1> Visible  headline </h1>").title == (
        "Visible headline"
    )
    assert meta("<title>Head title</title>", "<p>No heading</p>").title == "Head title"


def test_a_page_that_declares_nothing_gets_nothing() -> None:
    body = (
        "<p>By John Smith, January 5, 2020</p><p>Written in English by a staff writer, "
        "with a photo.</p><img src='/a.jpg'><time>yesterday</time>"
    )
    assert meta(body=body) == Metadata()


# -- author, date, language, url, image ---------------------------------------------------------


def test_authors_from_json_ld_list() -> None:
    data = {
        "@type": "BlogPosting",
        "author": [{"@type": "Person", "name": "Ana"}, "Ben", {"name": "Ana"}, "https://x.y/z"],
    }
    assert meta(ld(data)).author == "Ana, Ben"


def test_author_meta_skips_profile_urls() -> None:
    head = (
        '<meta property="article:author" content="https://www.facebook.com/someone">'
        '<meta name="parsely-author" content="Dana Reyes">'
    )
    assert meta(head).author == "Dana Reyes"


def test_author_from_microdata_and_rel_author() -> None:
    body = '<span itemprop="author" itemscope><span itemprop="name">Lee</span></span>'
    assert meta(body=body).author == "Lee"
    assert meta(body='<p>By <a rel="author" href="/lee">Lee Park</a></p>').author == "Lee Park"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-11-05T14:30:00Z", "2019-11-05T14:30:00+00:00"),
        ("2019-11-05T14:30:00.123+0530", "2019-11-05T14:30:00+05:30"),
        ("2019-11-05 14:30", "2019-11-05T14:30:00"),
        ("2019-11-05", "2019-11-05"),
        ("2019/11/05", "2019-11-05"),
        ("20191105", "2019-11-05"),
        ("Tue, 05 Nov 2019 14:30:00 GMT", "2019-11-05T14:30:00+00:00"),
        ("2019-13-45", None),
        ("5 November 2019", None),  # no guessing at written dates
        ("11/05/2019", None),  # day or month first? Not said: not read
        ("", None),
        ("x" * 100, None),
    ],
)
def test_normalise_date(value: str, expected: str | None) -> None:
    assert normalise_date(value) == expected


def test_date_sources_in_order() -> None:
    head = '<meta property="article:published_time" content="2020-02-02">'
    data = ld({"@type": "Article", "datePublished": "2021-01-01T10:00:00+01:00"})
    assert meta(data + head).date == "2021-01-01T10:00:00+01:00"
    assert meta(head).date == "2020-02-02"
    body = '<article><p>Posted <time datetime="2022-03-04T05:06:07Z">March 4</time></p></article>'
    assert meta(body=body).date == "2022-03-04T05:06:07+00:00"


def test_time_outside_the_article_is_not_its_date() -> None:
    body = '<aside><time datetime="2022-03-04">March 4</time></aside><article><p>x</p></article>'
    assert meta(body=body).date is None


def test_language_tags() -> None:
    assert meta(html_attrs=' lang="EN_us"').language == "en-US"
    assert meta('<meta property="og:locale" content="pt_BR">').language == "pt-BR"
    assert meta(html_attrs=' lang="not a language"').language is None


def test_canonical_url_image_and_description() -> None:
    head = (
        '<link rel="canonical" href="/news/bridge">'
        '<meta property="og:url" content="https://other.example/x">'
        '<meta property="og:image" content="/img/b.jpg">'
        '<meta name="description" content="  A short\n summary. ">'
    )
    result = meta(head, url="https://gazette.example/news/bridge?utm=1")
    assert result.url == "https://gazette.example/news/bridge"
    assert result.image == "https://gazette.example/img/b.jpg"
    assert result.description == "A short summary."


def test_url_falls_back_to_og_url_then_the_given_url() -> None:
    og = '<meta property="og:url" content="https://gazette.example/a">'
    assert meta(og).url == "https://gazette.example/a"
    assert meta(url="https://given.example/b").url == "https://given.example/b"
    assert meta('<link rel="canonical" href="javascript:void(0)">').url is None


# -- categories, tags, licence --------------------------------------------------------------------


def tag(name: str, content: str, attr: str = "property") -> str:
    return f'<meta {attr}="{name}" content="{content}">'


def test_json_ld_sections_keywords_and_licence_come_first() -> None:
    data = {
        "@type": "NewsArticle",
        "articleSection": ["Science", "Birds, Bees &amp; Wasps"],
        "keywords": "swifts, nest boxes ,, Swifts;summer",
        "license": "https://creativecommons.org/licenses/by/4.0/",
    }
    head = (
        ld(data)
        + tag("article:section", "Other")
        + tag("article:tag", "other")
        + '<link rel="license" href="https://example.org/other-licence">'
    )
    result = meta(head)
    # A section name keeps its comma; keywords split at commas and semicolons, repeats
    # (regardless of case) and empty terms dropped.
    assert result.categories == ("Science", "Birds, Bees & Wasps")
    assert result.tags == ("swifts", "nest boxes", "summer")
    assert result.license == "https://creativecommons.org/licenses/by/4.0/"


def test_json_ld_keyword_list_defined_terms_and_licence_object() -> None:
    data = {
        "@type": "BlogPosting",
        "articleSection": "Gardens",
        "keywords": ["compost", {"@type": "DefinedTerm", "name": "worms"}, 7, "compost"],
        "license": {"@type": "CreativeWork", "name": "CC BY-SA 4.0"},
    }
    result = meta(ld(data))
    assert (result.categories, result.tags) == (("Gardens",), ("compost", "worms"))
    assert result.license == "CC BY-SA 4.0"


def test_repeated_open_graph_tags_and_sections_in_order() -> None:
    head = (
        tag("article:section", "Travel")
        + tag("article:tag", "trains")
        + tag("article:tag", "Night trains")
        + tag("article:tag", "TRAINS")
        + tag("article:section", "Europe")
        + tag("keywords", "ignored, because article:tag came first", "name")
    )
    result = meta(head)
    assert result.categories == ("Travel", "Europe")
    assert result.tags == ("trains", "Night trains")


@pytest.mark.parametrize(
    "name", ["news_keywords", "keywords", "parsely-tags", "dc.subject", "DCTERMS.subject"]
)
def test_tags_from_keyword_metas(name: str) -> None:
    assert meta(tag(name, "rivers; floods, rivers", "name")).tags == ("rivers", "floods")


def test_news_keywords_before_keywords_and_parsely_section() -> None:
    head = tag("keywords", "seo, junk", "name") + tag("news_keywords", "floods", "name")
    head += tag("parsely-section", "Weather", "name")
    result = meta(head)
    assert (result.categories, result.tags) == (("Weather",), ("floods",))


def test_licence_from_links_in_order_and_made_absolute() -> None:
    body = '<p>Text.</p><a rel="license" href="/licence-b">Licence</a>'
    head = '<link rel="license" href="/licence-a">'
    assert meta(head, body, url="https://ex.net/a/b").license == "https://ex.net/licence-a"
    assert meta("", body, url="https://ex.net/a/b").license == "https://ex.net/licence-b"
    # A relative link with no address to resolve it against says nothing usable.
    assert meta(head, url=None).license is None
    # The canonical URL, not the one given, is the base (as for the image).
    canonical = '<link rel="canonical" href="https://ex.org/x/y">'
    assert meta(canonical + head, url="https://mirror.ex/z").license == "https://ex.org/licence-a"


def test_licence_from_dublin_core_in_words_or_as_a_url() -> None:
    rights = tag("dc.rights", "© 2024 The Gazette. All rights reserved.", "name")
    licence = tag("dcterms.license", "//creativecommons.org/licenses/by-nc/4.0/", "name")
    assert meta(rights).license == "© 2024 The Gazette. All rights reserved."
    assert (
        meta(rights + licence, url="https://ex.net/").license
        == "https://creativecommons.org/licenses/by-nc/4.0/"
    )
    # A link outranks the metas.
    link = '<link rel="license" href="https://example.org/l">'
    assert meta(rights + link).license == "https://example.org/l"


def test_a_licence_reference_in_json_ld_must_be_a_web_address() -> None:
    link = '<link rel="license" href="https://example.org/l">'
    script = ld({"@type": "Article", "license": "javascript:alert(1)"})
    assert meta(script + link).license == "https://example.org/l"
    relative = ld({"@type": "Article", "license": "/terms#reuse"})
    assert meta(relative, url="https://ex.net/a").license == "https://ex.net/terms#reuse"
    # An SPDX identifier is a name, not a path to resolve.
    spdx = ld({"@type": "Article", "license": "CC-BY-4.0"})
    assert meta(spdx, url="https://ex.net/a").license == "CC-BY-4.0"


def test_ten_thousand_tags_are_capped_and_cheap() -> None:
    many = "".join(tag("article:tag", f"tag {i}") for i in range(10_000))
    keywords = tag("keywords", ",".join(f"k{i}" for i in range(100_000)), "name")
    data = {"@type": "Article", "articleSection": [f"s{i}" for i in range(10_000)]}
    start = time.perf_counter()
    result = meta(ld(data) + many + keywords)
    assert time.perf_counter() - start < 2.0
    assert result.categories == tuple(f"s{i}" for i in range(MAX_TERMS))
    assert result.tags == tuple(f"tag {i}" for i in range(MAX_TERMS))
    assert meta(keywords).tags == tuple(f"k{i}" for i in range(MAX_TERMS))


def test_lists_are_lists_in_the_dict_and_empty_when_undeclared() -> None:
    result = meta(tag("article:tag", "a"))
    assert result.as_dict()["tags"] == ["a"]
    assert result.as_dict()["categories"] == []
    assert (meta().categories, meta().tags, meta().license) == ((), (), None)


# -- through the public API -----------------------------------------------------------------------


def test_result_carries_title_and_metadata() -> None:
    raw = (FIXTURES / "field-notes.html").read_text(encoding="utf-8")
    result = clean_and_explain(raw)
    assert result.title == "Counting swifts from a kitchen window"
    assert result.metadata is not None
    assert result.metadata.author == "Maja Lindqvist"
    assert result.metadata.date == "2024-07-21T19:05:00+01:00"
    assert result.metadata.site_name == "Field Notes"
    assert "Counting swifts" not in result.text  # the headline is not body text


def test_text_input_declares_nothing() -> None:
    result = clean_and_explain("Just a line of text.\n\nAnother one here.", url="https://a.b/c")
    assert result.title is None
    assert result.metadata == Metadata(url="https://a.b/c")


def test_text_output_does_not_read_metadata(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> Metadata:
        raise AssertionError("metadata read for text output")

    monkeypatch.setattr(metadata_module, "extract_metadata", refuse)
    raw = (FIXTURES / "quote.html").read_text(encoding="utf-8")
    assert clean_article(raw).startswith("In a letter")
    assert Cleaner().clean(raw, output="markdown").startswith("In a letter")
    with pytest.raises(AssertionError, match="metadata read"):
        clean_article(raw, output="json")
