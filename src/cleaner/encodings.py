"""Encoding labels as browsers read them (the WHATWG Encoding Standard), as Python codecs.

A page or a server names its encoding with a label ("latin1", "x-sjis", "utf8"); the
Encoding Standard lists which labels name which encoding, and browsers follow it: the
legacy labels mean their Windows supersets (ISO-8859-1 and ASCII are windows-1252,
GB2312 and GBK are gb18030, Shift_JIS is windows-31j, EUC-KR is windows-949). The table
below is built from the standard's list of labels (facts, not code). A label that is
not in it is still honoured when Python has a text codec by that name (a declared
"cp850"), but never a transform (rot13, base64), an escape (unicode-escape) or UTF-7.
"""

from __future__ import annotations

import codecs

# Python codec -> the labels that name it (whitespace-separated, lower case). Where the
# standard's encoding has no Python codec of its own, the nearest one: its KOI8-U is
# koi8_u, its ISO-8859-8-I is iso8859_8 (the same bytes, logical order).
_LABELS = {
    "utf-8": "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8",
    "cp866": "866 cp866 csibm866 ibm866",
    "iso8859_2": "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 "
    "iso_8859-2:1987 l2 latin2",
    "iso8859_3": "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 "
    "iso_8859-3:1988 l3 latin3",
    "iso8859_4": "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 "
    "iso_8859-4:1988 l4 latin4",
    "iso8859_5": "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 "
    "iso_8859-5 iso_8859-5:1988",
    "iso8859_6": "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 "
    "iso-8859-6 iso-8859-6-e iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 "
    "iso_8859-6:1987",
    "iso8859_7": "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 "
    "iso8859-7 iso88597 iso_8859-7 iso_8859-7:1987 sun_eu_greek",
    "iso8859_8": "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 "
    "iso8859-8 iso88598 iso_8859-8 iso_8859-8:1988 visual csiso88598i iso-8859-8-i logical",
    "iso8859_10": "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6",
    "iso8859_13": "iso-8859-13 iso8859-13 iso885913",
    "iso8859_14": "iso-8859-14 iso8859-14 iso885914",
    "iso8859_15": "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9",
    "iso8859_16": "iso-8859-16",
    "koi8_r": "cskoi8r koi koi8 koi8-r koi8_r",
    "koi8_u": "koi8-ru koi8-u",
    "mac_roman": "csmacintosh mac macintosh x-mac-roman",
    "cp874": "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874",
    "cp1250": "cp1250 windows-1250 x-cp1250",
    "cp1251": "cp1251 windows-1251 x-cp1251",
    "windows-1252": "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 "
    "iso-ir-100 iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii "
    "windows-1252 x-cp1252",
    "cp1253": "cp1253 windows-1253 x-cp1253",
    "cp1254": "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 "
    "iso_8859-9:1989 l5 latin5 windows-1254 x-cp1254",
    "cp1255": "cp1255 windows-1255 x-cp1255",
    "cp1256": "cp1256 windows-1256 x-cp1256",
    "cp1257": "cp1257 windows-1257 x-cp1257",
    "cp1258": "cp1258 windows-1258 x-cp1258",
    "mac_cyrillic": "x-mac-cyrillic x-mac-ukrainian",
    "gb18030": "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 "
    "x-gbk gb18030",
    "big5hkscs": "big5 big5-hkscs cn-big5 csbig5 x-x-big5",
    "euc_jp": "cseucpkdfmtjapanese euc-jp x-euc-jp",
    "iso2022_jp_ext": "csiso2022jp iso-2022-jp",
    "cp932": "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis",
    "cp949": "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 "
    "ks_c_5601-1989 ksc5601 ksc_5601 windows-949",
    # The standard decodes these to one U+FFFD (a defence against script injection
    # that a text extractor does not need); Python reads two of them.
    "iso2022_kr": "csiso2022kr iso-2022-kr",
    "hz": "hz-gb-2312",
    "utf-16-be": "unicodefffe utf-16be",
    "utf-16-le": "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le",
}
LABELS: dict[str, str] = {
    label: codec for codec, labels in _LABELS.items() for label in labels.split()
}
# Labels that name no way a page's bytes could be read: the standard's "replacement"
# and x-user-defined (private-use characters), and Python codecs that are transforms of
# text rather than encodings of it.
_NO_PAGE_ENCODING = frozenset(
    {
        "replacement",
        "iso-2022-cn",
        "iso-2022-cn-ext",
        "x-user-defined",
        "utf_7",
        "idna",
        "punycode",
        "unicode_escape",
        "raw_unicode_escape",
        "undefined",
        "mbcs",
        "oem",
    }
)
# UTF-16 and UTF-32 codecs, their names with "_" for "-".
UTF_16_32 = frozenset({"utf_16_be", "utf_16_le", "utf_16", "utf_32", "utf_32_le", "utf_32_be"})

# windows-1252 as browsers decode it: the five bytes Windows leaves undefined (0x81,
# 0x8D, 0x8F, 0x90, 0x9D) are the C1 controls of the same number, so every byte decodes.
WINDOWS_1252 = "".join(
    bytes([b]).decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b)
    for b in range(256)
)


def lookup(label: str, *, from_meta: bool = False) -> str | None:
    """The Python codec a charset label names, or None when it names no page encoding.

    ``from_meta``: the label comes from the page itself, where UTF-16 and UTF-32 mean
    UTF-8 (a page that could be read far enough to find its ``<meta>`` is not UTF-16).
    """
    label = label.strip("\t\n\f\r \"'").lower()
    codec = LABELS.get(label)
    if codec is None:
        codec = _python_codec(label)
    if codec is not None and from_meta and is_utf_16_32(codec):
        return "utf-8"
    return codec


def is_utf_16_32(codec: str) -> bool:
    """Whether ``codec`` is a UTF-16 or UTF-32 codec."""
    return codec.replace("-", "_") in UTF_16_32


def _python_codec(label: str) -> str | None:
    """A text codec Python knows by ``label`` (outside the standard's table), or None."""
    if not label or label.replace("-", "_") in _NO_PAGE_ENCODING:
        return None
    try:
        info = codecs.lookup(label)
    except (LookupError, ValueError):
        return None
    # A codec that maps bytes to bytes (base64, zlib) or str to str (rot13) is no text
    # encoding; codecs marks the real ones (the attribute is private, so read it safely).
    if not getattr(info, "_is_text_encoding", True):
        return None
    return None if info.name.replace("-", "_") in _NO_PAGE_ENCODING else info.name


def decode(data: bytes, codec: str, errors: str = "strict") -> str:
    """``data`` decoded as ``codec`` (windows-1252 as browsers decode it)."""
    if codec == "windows-1252":
        return codecs.charmap_decode(data, errors, WINDOWS_1252)[0]
    return data.decode(codec, errors)


def decode_or_none(data: bytes, codec: str) -> str | None:
    """``data`` decoded strictly as ``codec``, or None when it does not decode."""
    try:
        return decode(data, codec)
    except (LookupError, UnicodeError):
        # UnicodeError, not only UnicodeDecodeError: some codecs raise the base class.
        return None
