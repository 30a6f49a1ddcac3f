"""Which web encoding undeclared bytes are in, when they are neither ASCII nor UTF-8.

The candidates are the encodings real pages use: windows-1252 (the browsers' default
for Latin text), the CJK multibyte ones, and, when the Latin reading looks wrong, the
other Windows and ISO single-byte code pages. Exotic code pages (hp_roman8, cp775,
cp85x) are never guessed: a general detector picks them for English pages that hold a
few accented letters, where any Latin code page reads the same.

A candidate must decode the sample strictly; then each reading is scored by how
implausible its non-ASCII characters are (the lowest wins, ties go to the more common
encoding):

- characters no page text holds: C1 controls, private use, unassigned, half-width
  katakana, Hangul jamo, vertical forms;
- for a CJK reading, characters outside the national standard's frequent set (GB2312,
  Big5's frequent hanzi, JIS level 1 and kana, KS X 1001 Hangul): Latin text read as
  GB18030 is rare ideographs;
- mojibake shapes in a Latin reading: a Latin-1 symbol next to another non-ASCII
  character or inside a word ("¡°", "Ã©", "³"), three accented letters in a row,
  an accented capital after a small letter;
- a non-Latin letter between two ASCII letters ("a馿o": Spanish read as GB18030).
"""

from __future__ import annotations

import codecs

import regex

from .encodings import decode_or_none

#: How many bytes of a page's non-ASCII parts (and their context) are looked at.
SAMPLE_BYTES = 64 * 1024
#: How many non-ASCII runs of a reading are scored (bounds the work on long pages).
MAX_RUNS = 2000
#: Signs of a wrong Latin reading needed before other single-byte code pages are tried:
#: a stray C1 byte or two in a Latin page does not make it Arabic.
MIN_SIGNS_FOR_SINGLE_BYTE = 3
#: Above this mess ratio (charset_normalizer's) a single-byte guess is not trusted.
SINGLE_BYTE_MAX_MESS = 0.2

# Ties go to the first: windows-1252 is the web's Latin default. Korean and EUC-JP are
# tried before Chinese, but only when their reading holds Hangul or kana (_eligible):
# the three share their punctuation rows, and GB2312 has the kana of EUC-JP.
_MULTIBYTE = ("cp949", "euc_jp", "gb18030", "cp932", "big5hkscs")
# Single-byte code pages of the web, tried when the Latin reading looks wrong.
_SINGLE_BYTE = [
    "cp1251",
    "koi8_r",
    "koi8_u",
    "cp866",
    "iso8859_5",
    "cp1253",
    "iso8859_7",
    "cp1255",
    "iso8859_8",
    "cp1256",
    "cp874",
    "cp1250",
    "iso8859_2",
    "cp1257",
    "cp1254",
    "cp1258",
]
# ISO-2022-JP shifts into JIS X 0208 / 0212 with these escapes (its bytes are all ASCII).
_ISO2022_JP = regex.compile(rb"\x1b\$[@B]|\x1b\$\(D")
# A stretch of non-ASCII bytes with up to three ASCII bytes of context either side (an
# ASCII byte between two non-ASCII ones stays inside: it may be a trail byte).
_NON_ASCII_BYTES = regex.compile(
    rb"[\x00-\x7f]{0,3}+(?:[\x80-\xff]++[\x00-\x7f]?)++[\x00-\x7f]{0,3}"
)
# A run of non-ASCII characters (no-break spaces separate runs, as spaces do).
_RUN = regex.compile(r"[^\x00-\x7f\xa0\u202f]++")
# Latin-1's symbols (not its ordinal indicators ª º or µ, which are letters).
_LATIN1_SYMBOL = frozenset(chr(c) for c in range(0xA1, 0xC0) if not chr(c).isalpha()) | {"×", "÷"}
_NON_LATIN_LETTER = regex.compile(
    r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Cyrillic}\p{Greek}\p{Arabic}\p{Hebrew}"
    r"\p{Thai}]"
)
_HAN = regex.compile(r"\p{Han}")
_KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
_HANGUL_SYLLABLE = regex.compile(r"[\uac00-\ud7a3]")
_NEVER_TEXT = regex.compile(
    r"[\x80-\x9f\ue000-\uf8ff\ufffd\uff61-\uff9f\u3130-\u318f\ufe10-\ufe1f"
    r"\ufe30-\ufe4f\p{Cn}\p{Cs}]"
)


def is_iso2022_jp(data: bytes) -> bool:
    """ASCII bytes that shift into Japanese with ISO-2022-JP's escapes."""
    return b"\x1b" in data and data.isascii() and _ISO2022_JP.search(data) is not None


def guess_encoding(data: bytes) -> str:
    """The most plausible web encoding of ``data`` (bytes that are not UTF-8)."""
    if data.isascii():
        # All ASCII: ISO-2022-JP if it shifts into Japanese, else any superset of ASCII.
        return "iso2022_jp_ext" if is_iso2022_jp(data) else "windows-1252"
    sample = non_ascii_sample(data)
    latin = decode_or_none(sample, "windows-1252") or ""
    best, best_score = "windows-1252", implausibility(latin, "windows-1252")
    if best_score == 0:
        return best
    for codec in _MULTIBYTE:
        text = _decode_prefix(sample, codec)
        if text is None or not _eligible(text, codec):
            continue
        score = implausibility(text, codec)
        if score < best_score:
            best, best_score = codec, score
    if best == "windows-1252" and best_score >= MIN_SIGNS_FOR_SINGLE_BYTE:
        best = _single_byte(sample, best_score) or best
    return best


def non_ascii_sample(data: bytes) -> bytes:
    """The parts of ``data`` that hold non-ASCII bytes, with a little ASCII context, up
    to ``SAMPLE_BYTES``: an English page may hold its few accented letters or curly
    quotes anywhere, and its ASCII says nothing about its encoding. (A run keeps the
    ASCII byte after it: Shift_JIS and Big5 characters may end in one.)"""
    parts: list[bytes] = []
    size = 0
    for match in _NON_ASCII_BYTES.finditer(data):
        parts.append(match.group())
        size += len(parts[-1]) + 1
        if size >= SAMPLE_BYTES:
            break
    return b" ".join(parts)


def _decode_prefix(sample: bytes, codec: str) -> str | None:
    """``sample`` decoded strictly, allowing a character cut at its end."""
    try:
        return codecs.getincrementaldecoder(codec)("strict").decode(sample, final=False)
    except UnicodeDecodeError:
        return None


def _eligible(text: str, codec: str) -> bool:
    # A Korean reading without a Hangul syllable is not Korean, nor a Japanese one
    # without kana Japanese: the Chinese reading of the same rows is the likelier.
    if codec == "cp949":
        return _HANGUL_SYLLABLE.search(text) is not None
    if codec == "euc_jp":
        return _KANA.search(text) is not None
    return True


def _single_byte(sample: bytes, latin_score: int) -> str | None:
    """A non-Latin single-byte code page (Cyrillic, Greek ...) that reads better than
    windows-1252, or None. charset_normalizer's language models pick among them."""
    from charset_normalizer import from_bytes  # imported late: only for legacy pages
    from charset_normalizer.md import mess_ratio

    match = from_bytes(sample, cp_isolation=_SINGLE_BYTE).best()
    if match is None:
        return None
    codec = match.encoding
    text = decode_or_none(sample, codec)
    if text is None or mess_ratio(text, SINGLE_BYTE_MAX_MESS) >= SINGLE_BYTE_MAX_MESS:
        return None
    # Only a clearly better reading: a Latin page reads a little better in cp1250 now
    # and then, and browsers read Latin pages as windows-1252.
    return codec if 2 * implausibility(text, codec) <= latin_score else None


def implausibility(text: str, codec: str) -> int:
    """How many signs of a wrong decoding the non-ASCII characters of ``text`` show."""
    cjk = codec in _MULTIBYTE
    costs: dict[str, int] = {}
    score = 0
    for n, run in enumerate(_RUN.finditer(text)):
        if n >= MAX_RUNS:
            break
        chars = run.group()
        before = text[run.start() - 1] if run.start() else " "
        after = text[run.end()] if run.end() < len(text) else " "
        for ch in chars:
            cost = costs.get(ch)
            if cost is None:
                cost = costs[ch] = _char_cost(ch, codec, cjk)
            score += cost
        glued_before, glued_after = _is_ascii_letter(before), _is_ascii_letter(after)
        foreign = _NON_LATIN_LETTER.search(chars) is not None
        if glued_before and glued_after and (foreign or not _LATIN1_SYMBOL.isdisjoint(chars)):
            score += 1
        if not cjk:
            score += _latin_shape(chars, before)
            # Cyrillic (Greek ...) glued to ASCII letters: Latin text read as cp1251.
            # (CJK text glues ASCII words on: "使用Python".)
            if foreign and (glued_before or glued_after):
                score += 1
    return score


def _is_ascii_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _char_cost(ch: str, codec: str, cjk: bool) -> int:
    if _NEVER_TEXT.match(ch):
        return 1
    if not cjk or ord(ch) < 0x2000:
        return 0
    return 0 if _frequent(ch, codec) else 1


def _frequent(ch: str, codec: str) -> bool:
    """Whether ``ch`` is in the frequent set of ``codec``'s national standard."""
    try:
        if codec == "gb18030":
            # Letters of other scripts (Hangul, Latin) take four bytes with digits in
            # the second and fourth: Latin text never forms them by chance.
            return not _HAN.match(ch) or len(ch.encode("gb2312")) == 2
        if codec == "big5hkscs":
            return 0xA1 <= ch.encode("big5")[0] <= 0xC6
        if codec in ("cp932", "euc_jp"):
            lead = ch.encode("cp932")[0]
            return 0x81 <= lead <= 0x84 or 0x88 <= lead <= 0x98
        if codec == "cp949":
            lead = ch.encode("euc_kr")[0]
            return 0xA1 <= lead <= 0xA3 or 0xB0 <= lead <= 0xC8
    except UnicodeEncodeError:
        return False
    return True


def _latin_shape(chars: str, before: str) -> int:
    """Mojibake shapes in a run of a single-byte reading: a Latin-1 symbol in a run,
    accented letters three in a row, a capital after a small letter."""
    score = 0
    if len(chars) >= 2 and any(c in _LATIN1_SYMBOL for c in chars):
        score += 1
    letters = 0
    previous = before
    for ch in chars:
        # Three accented Latin letters in a row ("ÖÐÎ"); Cyrillic words are longer.
        letters = letters + 1 if "\xc0" <= ch <= "\u024f" and ch.isalpha() else 0
        if letters == 3:
            score += 1
        if ch.isupper() and previous.islower():
            score += 1
        previous = ch
    return score
