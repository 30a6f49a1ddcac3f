"""XHTML pages read as XML, then handed to the HTML parser as HTML.

An XHTML page may close any element with ``/>``: ``<script src="a.js"/>``,
``<iframe/>``, ``<textarea/>``, ``<title/>``. An HTML parser ignores that slash on
non-void elements, so the rest of the page becomes the script's, the iframe's or the
title's raw text, and the article is lost. A page that declares itself XHTML (an XML
declaration and the XHTML namespace on its root) is therefore parsed as XML first, and
serialised back as HTML (``<script></script>``), which the one HTML walk then reads.
A page that is not well-formed XML is parsed as HTML, as browsers do for ``text/html``.

The XML parser never fetches anything and never expands entities: no network, no DTD,
and libxml2's default limits on depth and size hold (``huge_tree`` off). XML knows five
named entities; an XHTML page uses HTML's (``&nbsp;``, ``&mdash;``) and often a bare
``&`` in a link, neither well-formed without the DTD. They are read first as an HTML
parser reads them: an HTML entity becomes its character reference, any other name and
a bare ``&`` stay literal text (``&amp;``). So such a page is still read as XML, not
parsed as HTML, where a self-closed ``<title/>`` would swallow the article.
"""

from __future__ import annotations

import re
from html.entities import html5

_XHTML_NS = "http://www.w3.org/1999/xhtml"
_NS_PREFIX = "{" + _XHTML_NS + "}"
#: How far into the page the root element is looked for.
_SNIFF_CHARS = 4096
#: An XML declaration, then comments, processing instructions and a doctype, then a
#: root element that declares the XHTML namespace as its own (default) namespace or a
#: prefixed one. (Taken only from where a run of white space starts: a search never
#: rescans a long run from each of its characters.)
_XML_DECLARATION = re.compile(r"(?<!\s)\ufeff?\s*+<\?xml\s[^<>]{0,200}\?>")
_XHTML_ROOT = re.compile(
    r"(?<!\s)(?:\s|<!--.{0,1000}?-->|<\?[^<>]{0,1000}>|<!DOCTYPE[^<>\[]{0,1000}(?:\[[^\]]{0,2000}\])?\s*>)*+"
    r"<(?:[A-Za-z][\w.-]{0,30}:)?html\b[^<>]{0,2000}?"
    r"\sxmlns(?::[A-Za-z][\w.-]{0,30})?\s*=\s*[\"']" + re.escape(_XHTML_NS) + "[\"']",
    re.IGNORECASE | re.DOTALL,
)


#: A character reference (kept), a named one (looked up), or a bare ``&``.
_REFERENCE = re.compile(r"&(?:(#[0-9]{1,8};|#[xX][0-9a-fA-F]{1,8};)|([A-Za-z][A-Za-z0-9]{0,40});)?")
_XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})


def is_xhtml(html: str) -> bool:
    """Whether ``html`` declares itself XHTML: an XML declaration, then a root
    ``<html>`` in the XHTML namespace."""
    head = html[:_SNIFF_CHARS]
    declaration = _XML_DECLARATION.match(head)
    return declaration is not None and _XHTML_ROOT.match(head, declaration.end()) is not None


def xhtml_as_html(html: str) -> str | None:
    """The XHTML page ``html`` serialised as HTML, or None when it is not well-formed
    XML (or lxml is missing): the caller parses it as HTML then."""
    try:
        from lxml import etree
    except ImportError:  # pragma: no cover - lxml is a dependency
        return None
    declaration = _XML_DECLARATION.match(html)
    # The page is already text: its declared encoding no longer applies, so the
    # declaration goes and the parser reads the UTF-8 this hands it.
    body = html[declaration.end() :] if declaration else html
    try:
        data = _REFERENCE.sub(_xml_reference, body).encode("utf-8")
    except UnicodeEncodeError:
        return None  # lone surrogates: not well-formed XML
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_blank_text=False,
    )
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError):
        return None
    # Elements in the XHTML namespace become plain HTML elements, so that the HTML
    # serialiser knows the void ones (``<br>``, not ``<br></br>``, which an HTML
    # parser reads as two line breaks) and writes the others with an end tag.
    for element in root.iter(etree.Element):
        tag = element.tag
        if tag.startswith(_NS_PREFIX):
            element.tag = tag[len(_NS_PREFIX) :]
    etree.cleanup_namespaces(root)
    return "<!DOCTYPE html>" + etree.tostring(root, method="html", encoding="unicode")


def _xml_reference(match: re.Match[str]) -> str:
    """An HTML entity or ampersand as XML reads it the same: a character reference,
    or an escaped ``&`` where HTML would show the text as it stands."""
    if match.group(1):
        return match.group(0)
    name = match.group(2)
    if name is None:
        return "&amp;"
    if name in _XML_ENTITIES:
        return match.group(0)
    value = html5.get(name + ";")
    if value is None:
        return "&amp;" + name + ";"
    return "".join(f"&#{ord(c)};" for c in value)
