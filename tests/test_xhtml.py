"""XHTML pages (issue 17): read as XML when they declare themselves, so that
self-closing tags (``<script/>``, ``<iframe/>``, ``<textarea/>``, ``<title/>``) do not
swallow the page; not well-formed XHTML is parsed as HTML."""

from __future__ import annotations

import gzip
import os
import re
from pathlib import Path

import pytest

from cleaner import clean_article
from cleaner.frontends.html.xhtml import is_xhtml, xhtml_as_html

ZYTE_HTML = Path(__file__).resolve().parent.parent.parent / "shared" / "benchmarks" / "zyte"
ZYTE_HTML = ZYTE_HTML / "html"
XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'
PROSE = (
    "The council voted on Tuesday to extend the program for another year, after a long "
    "debate in which members weighed its cost against the number of families it helped.",
    "Supporters said the money had been well spent and pointed to a report that found "
    "waiting times at the city's clinics had fallen by almost a third since it began.",
)


def xhtml_page(head: str, body: str) -> str:
    return (
        '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head>'
        + head
        + "</head><body><article><h1>Council extends program</h1>"
        + body
        + "".join(f"<p>{p}</p>" for p in PROSE)
        + "</article></body></html>"
    )


@pytest.mark.parametrize(
    ("head", "body"),
    [
        ('<script src="a.js"/>', ""),
        ("<title/>", ""),
        ("", "<iframe/>"),
        ("", "<textarea/>"),
        ('<title/><script src="a.js"/>', "<iframe/><textarea/><br/><div/>"),
    ],
)
def test_self_closing_tags_do_not_swallow_the_article(head: str, body: str) -> None:
    text = clean_article(xhtml_page(head, body))
    assert PROSE[0] in text and PROSE[1] in text


def test_xhtml_is_recognised_only_with_a_declaration_and_the_namespace() -> None:
    assert is_xhtml(xhtml_page("", ""))
    assert is_xhtml(
        '<?xml version="1.0" encoding="iso-8859-1"?>\n<!-- c -->\n<!DOCTYPE html PUBLIC '
        '"-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-'
        'strict.dtd">\n<html lang="en" xmlns="http://www.w3.org/1999/xhtml"><body/></html>'
    )
    assert not is_xhtml('<html xmlns="http://www.w3.org/1999/xhtml"><body></body></html>')
    assert not is_xhtml('<?xml version="1.0"?><html><body></body></html>')
    assert not is_xhtml("<!doctype html><html><body><p>x</p></body></html>")


def test_not_well_formed_xhtml_is_parsed_as_html() -> None:
    page = xhtml_page("", "<p>unclosed <b>bold</p>")
    assert xhtml_as_html(page) is None
    assert PROSE[0] in clean_article(page)


def test_entities_are_never_expanded_nor_fetched() -> None:
    page = (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>&b; &x;</p></body></html>'
    )
    html = xhtml_as_html(page)
    assert html is not None and "aaaa" not in html and "root:" not in html


@pytest.mark.parametrize(
    ("markup", "shown"),
    [
        ("Tuesday&nbsp;night", "Tuesday\u00a0night"),
        ("cost &mdash; and &eacute;t&eacute; &hellip;", "cost \u2014 and \u00e9t\u00e9 \u2026"),
        ("a symbol &ngE; of two characters", "a symbol \u2267\u0338 of two characters"),
        ("an unknown &foo; name", "an unknown &foo; name"),
        ("AT&T and R&D, a bare ampersand", "AT&T and R&D, a bare ampersand"),
        ("&amp; &lt;tag&gt; &#169; &#xE9;", "& <tag> \u00a9 \u00e9"),
    ],
)
def test_html_entities_and_bare_ampersands_keep_the_page_xml(markup: str, shown: str) -> None:
    """Without the DTD, ``&nbsp;`` is not well-formed XML: the page must still be read
    as XML (its ``<title/>`` would swallow the article in an HTML parse), and each
    reference shows as an HTML parser shows it."""
    page = xhtml_page('<title/><script src="a.js"/>', f'<p><a href="?a=1&b=2">x</a> {markup}.</p>')
    assert xhtml_as_html(page) is not None
    text = clean_article(page)
    assert PROSE[0] in text and PROSE[1] in text
    html = xhtml_as_html(page) or ""
    from selectolax.lexbor import LexborHTMLParser

    paragraph = LexborHTMLParser(html).css_first("article p")
    assert paragraph is not None and paragraph.text() == f"x {shown}."


def test_a_prefixed_xhtml_namespace_is_read() -> None:
    page = (
        '<?xml version="1.0"?><h:html xmlns:h="http://www.w3.org/1999/xhtml"><h:body>'
        f'<h:script src="a.js"/><h:p>{PROSE[0]}</h:p><h:p>{PROSE[1]}</h:p></h:body></h:html>'
    )
    assert PROSE[1] in clean_article(page)


def to_xhtml(page: str) -> str:
    """An HTML page as XHTML: lxml's HTML parse serialised as XML, with the XML
    declaration and the XHTML namespace, empty elements self-closing."""
    from lxml import etree, html

    root = html.document_fromstring(page)
    for element in root.iter():
        if not isinstance(element.tag, str):
            # An XML comment may not hold "--" nor end with "-".
            element.text = (element.text or "").replace("-", "\u2010")
            continue
        # XML names only (an HTML parser accepts attribute names XML does not).
        for name in list(element.attrib):
            if not _xml_name(name):
                del element.attrib[name]
    root.attrib.pop("xmlns", None)
    body = etree.tostring(root, method="xml", encoding="unicode")
    body = body.replace("<html", '<html xmlns="http://www.w3.org/1999/xhtml"', 1)
    return XML_DECLARATION + body


def _xml_name(name: str) -> bool:
    return re.fullmatch(r"[A-Za-z_][\w.-]*", name) is not None


def _zyte_pages() -> list[Path]:
    pages = sorted(ZYTE_HTML.glob("*.html.gz")) if ZYTE_HTML.is_dir() else []
    if not pages:
        reason = f"the zyte benchmark pages are missing ({ZYTE_HTML})"
        if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
            pytest.fail(f"{reason}; CI must check XHTML against them")
        pytest.skip(reason)
    return pages


def test_zyte_pages_as_xhtml_clean_to_the_same_text() -> None:
    """Every benchmark page converted to XHTML cleans as the original does (or, where
    the conversion is not well-formed XML, falls back to the same HTML parse)."""
    differing = []
    read_as_xml = 0
    for path in _zyte_pages():
        page = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        xhtml = to_xhtml(page)
        assert is_xhtml(xhtml)
        read_as_xml += xhtml_as_html(xhtml) is not None
        if clean_article(xhtml, kind="html") != clean_article(page, kind="html"):
            differing.append(path.name)
    assert read_as_xml == len(_zyte_pages())
    assert not differing, differing
