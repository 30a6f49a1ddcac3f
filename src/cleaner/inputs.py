"""From whatever the caller passed to a ``str`` and a kind ("text" or "html").

Everything here is linear in the input and looks at bounded samples where it guesses:
the size limit is checked before any work, binary data is refused with a typed error
(magic numbers, then the share of control characters), bytes are decoded by BOM, by
the NUL pattern of UTF-16/32 without a BOM, as UTF-8, by a declared charset that reads
plausibly, or by a guess. docs/limits.md documents each decision.
"""

from __future__ import annotations

import codecs
from itertools import islice

import regex

from .errors import InputBinaryError, InputTooLargeError, InputTypeError, InputValueError

KINDS = ("text", "html")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x">;
# the lazy gap is bounded so a head full of "<meta" stays cheap.
_META_CHARSET = regex.compile(
    rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", regex.IGNORECASE
)
_XML_ENCODING = regex.compile(
    rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})""", regex.IGNORECASE
)
# The first tag of an HTML document, after leading white space. (Leading comments are
# recognised on their own: a regex that skips a repeated lazy comment group before the
# tag backtracks exponentially on a run of comments that no tag follows.)
_HTML_FIRST_TAG = regex.compile(
    r"<(?:!doctype\s+html|\?xml|html|head|body|meta|title|div|p|article|section|main|span"
    r"|a|table|ul|ol|h[1-6]|link|script|style)\b",
    regex.IGNORECASE,
)
_TAG = regex.compile(
    r"</?(?:html|head|body|div|p|span|a|br|table|tr|td|li|ul|ol|h[1-6]|article|section|script"
    r"|meta|img|nav|header|footer)\b[^<>]{0,400}>",
    regex.IGNORECASE,
)
_LEADING_SPACE = regex.compile(r"\s*+")
# The line boundaries of str.splitlines, and a non-blank line (one match per line: the
# match runs from its first non-space character to the end of the line).
_LINE_SEPARATORS = ("\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
_NON_BLANK_LINE = regex.compile(
    r"[^\s\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029][^\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]*+"
)

#: How far into a document the charset declaration and the HTML sniff look.
SNIFF_BYTES = 4096
#: How much of the input the binary check and the charset guess look at.
SAMPLE_BYTES = 64 * 1024
#: How much of a ``str`` the binary check looks at: binary data decoded as text is dense
#: with control characters from its first bytes on, and this check runs on every call.
BINARY_SAMPLE_CHARS = 16 * 1024
#: Above this share of control characters (other than tab, newline, form feed, carriage
#: return and escape) in the sample, the input is binary. Random bytes have ~10 %.
BINARY_CONTROL_SHARE = 0.05
#: Above this share of U+FFFD after a last-resort lenient decode, the input is binary.
BINARY_REPLACEMENT_SHARE = 0.3
#: A declared charset is trusted when its decoding reads at most this "messy"
#: (charset_normalizer's mess ratio); otherwise a guess that reads better wins.
DECLARED_MAX_MESS = 0.1

# Control bytes that never occur in text (ESC stays: ISO-2022-JP uses it).
_CONTROL_CODES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if b not in _CONTROL_CODES)

# File signatures: (offset, magic, what it is). Checked before any decoding.
_MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (0, b"GIF87a", "a GIF image"),
    (0, b"GIF89a", "a GIF image"),
    (0, b"\xff\xd8\xff", "a JPEG image"),
    (0, b"II*\x00", "a TIFF image"),
    (0, b"MM\x00*", "a TIFF image"),
    (8, b"WEBP", "a WebP image"),
    (4, b"ftyp", "an MP4/QuickTime/HEIF file"),
    (0, b"\x1aE\xdf\xa3", "a Matroska/WebM file"),
    (0, b"OggS", "an Ogg file"),
    (0, b"fLaC", "a FLAC file"),
    (0, b"%PDF-", "a PDF document"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE (old Microsoft Office) document"),
    (0, b"PK\x03\x04", "a ZIP archive (or DOCX/EPUB/JAR)"),
    (0, b"\x1f\x8b", "gzip-compressed data (decompress it first)"),
    (0, b"\xfd7zXZ\x00", "xz-compressed data (decompress it first)"),
    (0, b"\x28\xb5\x2f\xfd", "zstd-compressed data (decompress it first)"),
    (0, b"\x04\x22\x4d\x18", "LZ4-compressed data (decompress it first)"),
    (0, b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (0, b"wOFF", "a WOFF font"),
    (0, b"wOF2", "a WOFF2 font"),
    (0, b"\x00asm", "a WebAssembly module"),
    (0, b"\x7fELF", "an ELF executable"),
    (0, b"SQLite format 3\x00", "an SQLite database"),
)
_BZIP2 = regex.compile(rb"BZh[1-9]1AY&SY")
_WIDE_ENCODINGS = ["utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"]

# Declared labels that do not name a byte encoding of a web page (transforms, escapes,
# UTF-16/32 without a BOM, which WHATWG reads as UTF-8 and our NUL sniff covers).
_UNUSABLE_DECLARED = frozenset(
    {
        "utf-7",
        "idna",
        "punycode",
        "unicode-escape",
        "raw-unicode-escape",
        "undefined",
        "utf-16",
        "utf-16-le",
        "utf-16-be",
        "utf-32",
        "utf-32-le",
        "utf-32-be",
    }
)
# As browsers do (WHATWG Encoding): legacy labels mean their Windows supersets.
_SUPERSET = {
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "latin-1": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "big5": "big5hkscs",
}


def coerce(
    raw: object, kind: str | None, max_bytes: int, max_blocks: int | None = None
) -> tuple[str, str]:
    """Check and decode ``raw``; return the text and its kind.

    Raises ``InputTypeError`` for a type other than ``str``/``bytes``,
    ``InputTooLargeError`` above ``max_bytes`` (UTF-8 bytes for a ``str``) or, for text,
    above ``max_blocks`` non-blank lines, ``InputBinaryError`` for binary data and
    ``InputValueError`` for an unknown kind.
    """
    if kind is not None and (not isinstance(kind, str) or kind not in KINDS):
        raise InputValueError(f"kind must be one of {KINDS} or None, got {kind!r}")
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
        # A str is never refused (a caller may clean any str without an exception); one
        # that is plainly binary data (a file signature, dense control characters) has
        # no article in it and cleans to an empty result.
        text = "" if _binary_text_kind(raw) else str(raw)
    else:
        raise InputTypeError(f"expected str or bytes, got {type(raw).__name__}")
    if kind is None:
        kind = "html" if looks_like_html(text) else "text"
    # Count before the text front-end builds a block (~1 KB each) per line.
    if kind == "text" and max_blocks is not None and text_blocks_exceed(text, max_blocks):
        check_block_count(max_blocks + 1, max_blocks)
    # Lone surrogates stay: the text path keeps them as given, and the HTML front-end
    # replaces them when it encodes the page for its parser.
    return text, kind


def check_block_count(n_blocks: int, max_blocks: int) -> None:
    """Raise ``InputTooLargeError`` when a page makes more than ``max_blocks`` blocks."""
    if n_blocks > max_blocks:
        raise InputTooLargeError(
            f"the page makes more than {max_blocks} blocks (Config.max_blocks)"
        )


def text_blocks_exceed(text: str, limit: int) -> bool:
    """True when the text front-end would make more than ``limit`` blocks (non-blank
    lines), found without making them: line-break counts give an upper bound first, so
    ordinary text is never scanned line by line here."""
    if 1 + sum(text.count(sep) for sep in _LINE_SEPARATORS) <= limit:
        return False
    return sum(1 for _ in islice(_NON_BLANK_LINE.finditer(text), limit + 1)) > limit


def looks_like_html(text: str) -> bool:
    """True when the text starts like an HTML document (a comment or a known first tag,
    after white space) or is dense with tags."""
    head = text[:SNIFF_BYTES]
    pos = _LEADING_SPACE.match(head).end()
    # A text dump never starts with a comment; an HTML page often does.
    if head.startswith("<!--", pos) or _HTML_FIRST_TAG.match(head, pos):
        return True
    return len(_TAG.findall(head)) >= 5


def binary_kind(data: bytes) -> str | None:
    """What binary format ``data`` starts with ("a PNG image"), or None."""
    for offset, magic, what in _MAGIC:
        if data.startswith(magic, offset):
            return what
    if _BZIP2.match(data):
        return "bzip2-compressed data (decompress it first)"
    return None


def control_share(sample: bytes | str) -> float:
    """Share of control characters (not tab, newline, form feed, CR or ESC) in ``sample``."""
    if not sample:
        return 0.0
    # Control characters are single bytes below 0x80 in UTF-8, so counting them in the
    # encoded bytes gives the same number; bytes.translate(None, delete) drops every byte
    # that is not a control byte, in C, far faster than a regex over the text.
    data = sample if isinstance(sample, bytes) else sample.encode("utf-8", "surrogatepass")
    n_control = len(data.translate(None, _NOT_CONTROL_BYTES))
    return n_control / len(sample)


def _binary_text_kind(text: str) -> str | None:
    """What binary data ``text`` holds (bytes a caller decoded as Latin-1 still carry
    their signature), or None when it reads as text."""
    try:
        what = binary_kind(text[:16].encode("latin-1"))
    except UnicodeEncodeError:
        what = None
    if what is None and control_share(text[:BINARY_SAMPLE_CHARS]) > BINARY_CONTROL_SHARE:
        what = "too many control characters for text"
    return what


def _refuse_binary_text(text: str) -> None:
    what = _binary_text_kind(text)
    if what is not None:
        raise InputBinaryError(f"input looks binary: {what}")


def decode_bytes(data: bytes, html_hint: bool = True) -> str:
    """Decode page bytes, or raise ``InputBinaryError`` if they are not text.

    Order: a BOM; UTF-16/32 recognised by its NULs; strict UTF-8; UTF-8 with a little
    damage (many valid multi-byte sequences, few errors); a declared charset (``<meta>``
    or XML declaration) whose decoding reads plausibly; charset_normalizer's guess; a
    lenient decoding of the best candidate.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(encoding, errors="replace")
            _refuse_binary_text(text)
            return text
    what = binary_kind(data)
    if what is not None:
        raise InputBinaryError(f"input looks binary: {what}")
    wide = _sniff_utf16_32(data[:SNIFF_BYTES])
    if wide is None and control_share(data[:SAMPLE_BYTES]) > BINARY_CONTROL_SHARE:
        # UTF-16/32 text without ASCII (CJK) has few NULs but many bytes below 0x20;
        # its decoded text is checked instead. Anything else is binary.
        wide = _guess_charset(data[:SAMPLE_BYTES], _WIDE_ENCODINGS)
        if wide is None:
            raise InputBinaryError("input looks binary: too many control bytes for text")
    if wide:
        text = data.decode(wide, errors="replace")
        _refuse_binary_text(text)
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lenient_utf8 = data.decode("utf-8", errors="replace")
    if _mostly_utf8(data, lenient_utf8):
        return lenient_utf8
    declared = declared_charset(data[:SNIFF_BYTES]) if html_hint else None
    if declared:
        text = _decode_or_none(data, declared)
        if text is not None and _reads_plausibly(text):
            return text
    guessed = _guess_charset(data[:SAMPLE_BYTES])
    for candidate in (guessed, declared):
        text = _decode_or_none(data, candidate) if candidate else None
        if text is not None:
            return text
    for candidate in (guessed, declared):
        if candidate:
            return data.decode(candidate, errors="replace")
    head = lenient_utf8[:SAMPLE_BYTES]
    if head and head.count("\ufffd") / len(head) > BINARY_REPLACEMENT_SHARE:
        raise InputBinaryError("input looks binary: it decodes as no known text encoding")
    return lenient_utf8


def _sniff_utf16_32(head: bytes) -> str | None:
    """UTF-16/32 without a BOM, from where NUL bytes sit (ASCII-heavy markup has many)."""
    n4 = len(head) // 4
    if n4 < 4:
        return None
    lanes = [head[i : n4 * 4 : 4].count(0) / n4 for i in range(4)]
    if lanes[1] > 0.9 and lanes[2] > 0.9 and lanes[3] > 0.9 and lanes[0] < 0.1:
        return "utf-32-le"
    if lanes[0] > 0.9 and lanes[1] > 0.9 and lanes[2] > 0.9 and lanes[3] < 0.1:
        return "utf-32-be"
    even = (lanes[0] + lanes[2]) / 2
    odd = (lanes[1] + lanes[3]) / 2
    # ASCII in UTF-16 puts its NUL in one lane; CJK text rarely has NULs in the other.
    # Random bytes have ~0.4 % NULs per lane, 8-bit text none in a regular pattern.
    if odd > 0.05 and even < odd / 10:
        return "utf-16-le"
    if even > 0.05 and odd < even / 10:
        return "utf-16-be"
    return None


def _mostly_utf8(data: bytes, lenient: str) -> bool:
    """UTF-8 with a few damaged bytes: valid non-ASCII characters outnumber errors 10:1."""
    errors = lenient.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    non_ascii = len(lenient) - len(lenient.encode("ascii", "ignore")) - errors
    return non_ascii >= 10 * max(errors, 1)


def declared_charset(head: bytes) -> str | None:
    """The usable Python codec a ``<meta>`` or XML declaration names, or None."""
    m = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if not m:
        return None
    label = m.group(1).decode("ascii", "ignore").lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name.replace("_", "-") in _UNUSABLE_DECLARED:
        return None
    return _SUPERSET.get(name, name)


def _decode_or_none(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeError):
        # UnicodeError, not only UnicodeDecodeError: some codecs raise the base class.
        return None


def _reads_plausibly(text: str) -> bool:
    """False when a decoding reads like mojibake (a declaration that lies)."""
    from charset_normalizer.md import mess_ratio  # imported late: only for legacy charsets

    sample = text[:SAMPLE_BYTES]
    if sample.isascii():
        return True
    return mess_ratio(sample, DECLARED_MAX_MESS) < DECLARED_MAX_MESS


def _guess_charset(sample: bytes, among: list[str] | None = None) -> str | None:
    """charset_normalizer's best guess (among ``among`` if given) as a usable codec."""
    from charset_normalizer import from_bytes  # imported late: only for undecodable input

    best = from_bytes(sample, cp_isolation=among).best()
    if best is None:
        return None
    name = best.encoding
    try:
        name = codecs.lookup(name).name
    except LookupError:
        return None
    if among is None and name.replace("_", "-") in _UNUSABLE_DECLARED:
        return None
    return _SUPERSET.get(name, name)
