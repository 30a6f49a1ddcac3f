"""From whatever the caller passed to a ``str`` and a kind ("text" or "html")."""

from __future__ import annotations

import codecs

import regex

from .errors import InputTooLargeError, InputTypeError, InputValueError

KINDS = ("text", "html")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x">
_META_CHARSET = regex.compile(
    rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", regex.IGNORECASE
)
_HTML_START = regex.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|article"
    r"|section|main|span|a|table|ul|ol|h[1-6]|link|script|style|!--)\b",
    regex.IGNORECASE | regex.DOTALL,
)
_TAG = regex.compile(
    r"</?(?:html|head|body|div|p|span|a|br|table|tr|td|li|ul|ol|h[1-6]|article|section|script"
    r"|meta|img|nav|header|footer)\b[^<>]{0,400}>",
    regex.IGNORECASE,
)
#: How far into a document the charset declaration and the HTML sniff look.
SNIFF_BYTES = 4096


def coerce(raw: object, kind: str | None, max_bytes: int) -> tuple[str, str]:
    """Check and decode ``raw``; return the text and its kind."""
    if isinstance(raw, (bytearray, memoryview)):
        raw = bytes(raw)
    if isinstance(raw, bytes):
        if len(raw) > max_bytes:
            raise InputTooLargeError(f"input is {len(raw)} bytes; the limit is {max_bytes}")
        text = decode_bytes(raw, html_hint=kind != "text")
    elif isinstance(raw, str):
        # A str may be up to 4 bytes a character; only measure when it could be too big.
        if len(raw) * 4 > max_bytes and len(raw.encode("utf-8", "surrogatepass")) > max_bytes:
            raise InputTooLargeError(f"input is larger than the limit of {max_bytes} bytes")
        text = raw
    else:
        raise InputTypeError(f"expected str or bytes, got {type(raw).__name__}")
    if kind is None:
        kind = "html" if looks_like_html(text) else "text"
    elif kind not in KINDS:
        raise InputValueError(f"kind must be one of {KINDS} or None, got {kind!r}")
    return text, kind


def looks_like_html(text: str) -> bool:
    """True when the text starts like an HTML document or is dense with tags."""
    head = text[:SNIFF_BYTES]
    if _HTML_START.match(head):
        return True
    return len(_TAG.findall(head)) >= 5


def decode_bytes(data: bytes, html_hint: bool = True) -> str:
    """Decode: BOM, then a declared charset that actually decodes, then UTF-8, then a guess.

    A declaration that lies (says ISO-8859-1, is UTF-8) is caught because valid UTF-8
    with non-ASCII bytes is tried before single-byte charsets.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data[:SNIFF_BYTES]) if html_hint else None
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    guessed = _guess_charset(data)
    if guessed:
        try:
            return data.decode(guessed)
        except (LookupError, UnicodeDecodeError):
            pass
    return data.decode("utf-8", errors="replace")


def _declared_charset(head: bytes) -> str | None:
    m = _META_CHARSET.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    try:
        name = codecs.lookup(name).name
    except LookupError:
        return None
    # As browsers do (WHATWG Encoding): Latin-1 and ASCII labels mean windows-1252.
    return "cp1252" if name in ("iso8859-1", "ascii", "latin-1") else name


def _guess_charset(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # imported late: only for undecodable input

    best = from_bytes(data[: 256 * 1024]).best()
    return best.encoding if best else None
