"""Page bytes to text, in the order browsers use (the WHATWG Encoding Standard).

1. A byte-order mark (UTF-8, UTF-16, UTF-32).
2. The caller's declared encoding (``encoding=``: the charset of the HTTP header).
3. A ``<meta>`` charset in the first 1,024 bytes (or an XML declaration).
4. UTF-8, when the bytes are valid UTF-8 (or nearly: a few damaged sequences).
5. A guess among the encodings web pages use, windows-1252 for Latin text
   (``charset_guess``); ISO-2022-JP from its escapes.

Binary data is refused first (file signatures, then the share of control bytes), and
UTF-16/32 without a mark is recognised by where its NUL bytes sit. A declaration is
taken only when its decoding reads plausibly: pages that declare ISO-8859-1 or UTF-8
but are cp1251 are common, and valid UTF-8 under a legacy label is UTF-8. Labels that
name no page encoding (rot13, base64, unknown names) are ignored, never raised.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable

import regex

from . import encodings
from .charset_guess import guess_encoding, is_iso2022_jp
from .errors import InputBinaryError, InputValueError

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
# A Content-Type value passed as ``encoding`` ("text/html; charset=utf-8").
_CHARSET_PARAM = regex.compile(r"""charset\s*=\s*["']?([^"';\s]{1,40})""", regex.IGNORECASE)

#: How far into a page browsers look for a ``<meta>`` charset (the standard's prescan).
META_BYTES = 1024
#: How far the UTF-16/32 sniff looks.
SNIFF_BYTES = 4096
#: How much of the input the binary check looks at.
SAMPLE_BYTES = 64 * 1024
#: How much of a ``str`` the binary check looks at: binary data decoded as text is dense
#: with control characters from its first bytes on, and this check runs on every call.
BINARY_SAMPLE_CHARS = 16 * 1024
#: Above this share of control characters (other than tab, newline, form feed, carriage
#: return and escape) in the sample, the input is binary. Random bytes have ~10 %.
BINARY_CONTROL_SHARE = 0.05
#: Fewer control characters than this never make a ``str`` binary, whatever their share:
#: a short text with a stray one (a pasted backspace, a SUB from an old editor) is text,
#: and must stay text when its cleaned output, shorter still, is cleaned again. Random
#: bytes hold this many within some 150 bytes. (Bytes are judged by the share alone: a
#: call never gets its own output back as bytes, and refusing them is the contract.)
BINARY_MIN_CONTROL_CHARS = 16
#: Below this share of ASCII bytes, bytes that only windows-1252 reads are binary.
BINARY_MIN_ASCII = 0.3
#: A declared charset is trusted when its decoding reads at most this "messy"
#: (charset_normalizer's mess ratio); otherwise a guess that reads better wins.
DECLARED_MAX_MESS = 0.1
#: A declared or guessed multibyte encoding that fails on a few bytes is still taken
#: (with U+FFFD for them) when at most this share of the characters is replaced.
LENIENT_MAX_REPLACED = 0.01
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
_HIGH_BYTES = bytes(range(0x80, 0x100))
_WIDE_ENCODINGS = ["utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"]


#: Per offset of a signature, the first bytes of those standing there (and bzip2's):
#: data holding none of them where they stand starts no format (most text), which
#: costs ``binary_kind`` a look-up an offset, not a test a signature.
_MAGIC_OPENINGS: tuple[tuple[int, frozenset[bytes]], ...] = tuple(
    (
        at,
        frozenset(
            [m[:1] for offset, m, _ in _MAGIC if offset == at]
            + ([_BZIP2.pattern[:1]] if at == 0 else [])
        ),
    )
    for at in sorted({offset for offset, _, _ in _MAGIC} | {0})
)


def binary_kind(data: bytes) -> str | None:
    """What binary format ``data`` starts with ("a PNG image"), or None."""
    for at, firsts in _MAGIC_OPENINGS:
        if data[at : at + 1] in firsts:
            break
    else:
        return None
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
    return _control_count(sample) / len(sample)


def dense_controls(sample: bytes | str, count: Callable[[str], int] | None = None) -> bool:
    """Whether ``sample`` holds too many control characters for text: more than
    ``BINARY_CONTROL_SHARE`` of it, and, for a ``str``, at least
    ``BINARY_MIN_CONTROL_CHARS``. ``count``: the compiled twin of ``_control_count``
    for a ``str`` (``_cwalk.control_count``), or None."""
    if count is not None and isinstance(sample, str):
        n_control = count(sample)
    else:
        n_control = _control_count(sample)
    at_least = 1 if isinstance(sample, bytes) else BINARY_MIN_CONTROL_CHARS
    return n_control >= at_least and n_control > BINARY_CONTROL_SHARE * len(sample)


def _control_count(sample: bytes | str) -> int:
    # Control characters are single bytes below 0x80 in UTF-8, so counting them in the
    # encoded bytes gives the same number; bytes.translate(None, delete) drops every byte
    # that is not a control byte, in C, far faster than a regex over the text.
    data = sample if isinstance(sample, bytes) else sample.encode("utf-8", "surrogatepass")
    return len(data.translate(None, _NOT_CONTROL_BYTES))


def binary_text_kind(text: str, count: Callable[[str], int] | None = None) -> str | None:
    """What binary data ``text`` holds (bytes a caller decoded as Latin-1 still carry
    their signature), or None when it reads as text. ``count``: ``dense_controls``'."""
    try:
        what = binary_kind(text[:16].encode("latin-1"))
    except UnicodeEncodeError:
        what = None
    if what is None and dense_controls(text[:BINARY_SAMPLE_CHARS], count):
        what = "too many control characters for text"
    return what


def refuse_binary_text(text: str) -> None:
    what = binary_text_kind(text)
    if what is not None:
        raise InputBinaryError(f"input looks binary: {what}")


def caller_codec(encoding: str | None) -> str | None:
    """The codec the caller's ``encoding`` (a label or a Content-Type value) names."""
    if encoding is None:
        return None
    if not isinstance(encoding, str):
        raise InputValueError(f"encoding must be a str or None, got {type(encoding).__name__}")
    param = _CHARSET_PARAM.search(encoding)
    return encodings.lookup(param.group(1) if param else encoding)


def decode_bytes(data: bytes, html_hint: bool = True, encoding: str | None = None) -> str:
    """Decode page bytes, or raise ``InputBinaryError`` if they are not text.

    ``encoding`` is the caller's declaration (the HTTP header's charset); ``html_hint``
    False skips the ``<meta>`` look-up (text dumps have none). See the module docstring
    for the order.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(codec, errors="replace")
            refuse_binary_text(text)
            return text
    what = binary_kind(data)
    if what is not None:
        raise InputBinaryError(f"input looks binary: {what}")
    declared = caller_codec(encoding)
    if declared is not None and encodings.is_utf_16_32(declared):
        wide: str | None = declared
    else:
        wide = _sniff_utf16_32(data[:SNIFF_BYTES])
    if wide is None and dense_controls(data[:SAMPLE_BYTES]):
        # UTF-16/32 text without ASCII (CJK) has few NULs but many bytes below 0x20;
        # its decoded text is checked instead. Anything else is binary.
        wide = _guess_wide(data[:SAMPLE_BYTES])
        if wide is None:
            raise InputBinaryError("input looks binary: too many control bytes for text")
    if wide:
        text = data.decode(wide, errors="replace")
        refuse_binary_text(text)
        return text
    candidates = [declared]
    if html_hint:
        candidates.append(declared_charset(data[:META_BYTES]))
    for codec in candidates:
        text = _declared(data, codec) if codec else None
        if text is not None:
            return text
    if is_iso2022_jp(data):
        # Its bytes are all ASCII, so valid UTF-8 too: the escapes tell it apart.
        return _lenient(data, "iso2022_jp_ext") or data.decode("iso2022_jp_2", "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lenient_utf8 = data.decode("utf-8", errors="replace")
    if _mostly_utf8(data, lenient_utf8):
        return lenient_utf8
    guessed = guess_encoding(data)
    if guessed == "windows-1252" and _ascii_share(data[:SAMPLE_BYTES]) < BINARY_MIN_ASCII:
        # Latin text is mostly ASCII, and every other web encoding failed to read it.
        raise InputBinaryError("input looks binary: it decodes as no known text encoding")
    text = encodings.decode_or_none(data, guessed)
    if text is None:
        # The guess read a sample; a few bytes elsewhere may not decode. A declared
        # multibyte encoding that fails a little reads better than a guess that fails.
        for codec in (*(c for c in candidates if c), guessed):
            text = _lenient(data, codec)
            if text is not None:
                return text
        text = encodings.decode(data, "windows-1252")
    return text


def _declared(data: bytes, codec: str) -> str | None:
    """``data`` in a declared ``codec`` when that reads plausibly, else None."""
    if codec == "utf-8":
        lenient = data.decode("utf-8", errors="replace")
        return lenient if "\ufffd" not in lenient or _mostly_utf8(data, lenient) else None
    if encodings.is_utf_16_32(codec):
        return None  # a <meta> that says UTF-16 is read as UTF-8 (encodings.lookup)
    if not data.isascii():
        try:
            data.decode("utf-8")
            # Valid UTF-8 under a legacy label: the label lies (legacy text is
            # practically never valid UTF-8 by chance).
            return None
        except UnicodeDecodeError:
            pass
    text = encodings.decode_or_none(data, codec)
    if text is None or not _reads_plausibly(text):
        return None
    return text


def _lenient(data: bytes, codec: str) -> str | None:
    """``data`` in ``codec`` with U+FFFD for a few undecodable bytes, or None."""
    try:
        text = encodings.decode(data, codec, errors="replace")
    except LookupError:
        return None
    replaced = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if replaced > LENIENT_MAX_REPLACED * len(text) or not _reads_plausibly(text):
        return None
    return text


def _ascii_share(sample: bytes) -> float:
    return len(sample.translate(None, _HIGH_BYTES)) / max(len(sample), 1)


def _sniff_utf16_32(head: bytes) -> str | None:
    """UTF-16/32 without a BOM, from where NUL bytes sit (ASCII-heavy markup has many)."""
    n4 = len(head) // 4
    if n4 < 4:
        return _sniff_tiny_utf16_32(head)
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


def _sniff_tiny_utf16_32(head: bytes) -> str | None:
    """UTF-16/32 of a few ASCII characters ('Hi!'): every unit is one non-NUL byte
    padded with NULs, exactly (too few bytes for shares)."""
    if len(head) < 2 or len(head) % 2:
        return None
    if len(head) % 4 == 0:
        units = [head[i : i + 4] for i in range(0, len(head), 4)]
        if all(u[0] and not any(u[1:]) for u in units):
            return "utf-32-le"
        if all(u[3] and not any(u[:3]) for u in units):
            return "utf-32-be"
    if not any(head[1::2]) and all(head[0::2]):
        return "utf-16-le"
    if not any(head[0::2]) and all(head[1::2]):
        return "utf-16-be"
    return None


def _mostly_utf8(data: bytes, lenient: str) -> bool:
    """UTF-8 with a few damaged bytes: valid non-ASCII characters outnumber errors 10:1."""
    errors = lenient.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    non_ascii = len(lenient) - len(lenient.encode("ascii", "ignore")) - errors
    return non_ascii >= 10 * max(errors, 1)


def declared_charset(head: bytes) -> str | None:
    """The codec a ``<meta>`` or XML declaration in ``head`` names, or None."""
    m = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if not m:
        return None
    return encodings.lookup(m.group(1).decode("ascii", "ignore"), from_meta=True)


def _reads_plausibly(text: str) -> bool:
    """False when a decoding reads like mojibake (a declaration that lies)."""
    from charset_normalizer.md import mess_ratio  # imported late: only for legacy charsets

    sample = text[:SAMPLE_BYTES]
    if sample.isascii():
        return True
    return mess_ratio(sample, DECLARED_MAX_MESS) < DECLARED_MAX_MESS


def _guess_wide(sample: bytes) -> str | None:
    """UTF-16/32 text without ASCII (so without NULs), by charset_normalizer, or None."""
    from charset_normalizer import from_bytes  # imported late: only for odd input

    best = from_bytes(sample, cp_isolation=_WIDE_ENCODINGS).best()
    return codecs.lookup(best.encoding).name if best is not None else None
