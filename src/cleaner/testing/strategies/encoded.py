"""Generated pages as bytes: in a web encoding, declared or not, with or without a
byte-order mark, and HTML pages also as XHTML (issue 17, item 7).

``encoded_pages()`` draws an ``EncodedPage``: the bytes a crawler would fetch, the
charset the server's header would say (or None), and the ``str`` those bytes stand for.
Cleaning the bytes must give what cleaning the ``str`` gives whenever the bytes say
their encoding (a mark, the caller's ``encoding=``, a ``<meta charset>`` or an XML
declaration) or are UTF-8.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hypothesis import strategies as st

from .model import GeneratedPage
from .render import html_pages, text_pages

#: Encodings web pages use, by the label a server or page would give.
ENCODINGS = (
    "utf-8",
    "utf-16-le",
    "utf-16-be",
    "utf-32-le",
    "windows-1252",
    "iso-8859-2",
    "iso-8859-15",
    "windows-1251",
    "koi8-r",
    "shift_jis",
    "euc-jp",
    "gb18030",
    "big5",
    "euc-kr",
)
#: How the bytes say their encoding.
DECLARATIONS = ("none", "bom", "caller", "meta", "xml")
_BOMS = {
    "utf-8": b"\xef\xbb\xbf",
    "utf-16-le": b"\xff\xfe",
    "utf-16-be": b"\xfe\xff",
    "utf-32-le": b"\xff\xfe\x00\x00",
}
_XHTML_NS = "http://www.w3.org/1999/xhtml"
_META_UTF8 = re.compile(r'<meta charset="utf-8"\s*/?>')


@dataclass(frozen=True)
class EncodedPage:
    """A generated page as fetched bytes."""

    page: GeneratedPage
    #: What the bytes stand for: ``page.raw``, or its XHTML form.
    text: str
    raw: bytes
    #: The codec the bytes are in, and how they say it (``DECLARATIONS``).
    codec: str
    declared: str
    xhtml: bool
    #: The charset of the server's header, for ``encoding=`` (None: not sent).
    header: str | None

    @property
    def says_its_encoding(self) -> bool:
        """A mark, a declaration the cleaner reads, or UTF-8 (read by default)."""
        return self.declared != "none" or self.codec == "utf-8"

    @property
    def kind(self) -> str:
        return self.page.input_kind


def as_xhtml(html: str) -> str:
    """An HTML page as XHTML: lxml's HTML parse serialised as XML, self-closing empty
    elements, with an XML declaration and the XHTML namespace on the root."""
    from lxml import etree
    from lxml import html as lxml_html

    root = lxml_html.document_fromstring(html)
    root.attrib.pop("xmlns", None)
    body = etree.tostring(root, method="xml", encoding="unicode")
    body = body.replace("<html", f'<html xmlns="{_XHTML_NS}"', 1)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + body


@st.composite
def encoded_pages(draw: st.DrawFn, **options: object) -> EncodedPage:
    """A text or HTML page (``options`` as for ``page_plans``) in an encoding it can be
    written in, declared in one of the ways it can be."""
    page = draw(st.one_of(text_pages(**options), html_pages(**options)))
    html = page.input_kind == "html"
    xhtml = html and draw(st.booleans())
    # The rendered page says UTF-8 in a <meta> (and an XHTML one in its XML
    # declaration): gone, unless the drawn declaration says the drawn codec.
    text = _META_UTF8.sub("", as_xhtml(page.raw) if xhtml else page.raw, count=1)
    text = text.replace(' encoding="utf-8"', "", 1)
    codecs = [c for c in ENCODINGS if _encodes(text, c)]
    codec = draw(st.sampled_from(codecs))
    ways = ["none", "caller"]
    if codec in _BOMS:
        ways.append("bom")
    if html and (codec == "utf-8" or not codec.startswith("utf-")):
        # (A <meta> that says UTF-16 means UTF-8, as in browsers: not drawn.)
        ways.append("xml" if xhtml else "meta")
    declared = draw(st.sampled_from(ways))
    header = codec if declared == "caller" else None
    if declared == "meta":
        text = _with_meta(text, codec)
    elif declared == "xml":
        text = text.replace('<?xml version="1.0"', f'<?xml version="1.0" encoding="{codec}"', 1)
    data = text.encode(codec)
    if declared == "bom":
        data = _BOMS[codec] + data
    return EncodedPage(page, text, data, codec, declared, xhtml, header)


def _encodes(text: str, codec: str) -> bool:
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def _with_meta(html: str, codec: str) -> str:
    """``html`` with a ``<meta charset>`` first in its head (within 1,024 bytes)."""
    at = html.lower().find("<head>")
    meta = f'<meta charset="{codec}">'
    if at < 0:
        return meta + html
    at += len("<head>")
    return html[:at] + meta + html[at:]
