"""Hostile and broken input (issue 6): types, sizes, binary bytes, NUL characters and
surrogates, legacy encodings, the wrong kind. Never a crash: every input gets either a
sensible result or a documented, typed error (a ``CleanerError``); any other exception
fails the test. docs/limits.md documents each decision. Size and time: test_hostile_size.
"""

from __future__ import annotations

import gzip
import random
from pathlib import Path

import pytest
from hostile_common import (
    ARTICLE_HTML,
    ARTICLE_TEXT,
    PROSE,
    ZYTE_HTML,
    kept_lines_come_from,
)

from cleaner import (
    Cleaner,
    Config,
    ConfigError,
    InputBinaryError,
    InputTooLargeError,
    InputTypeError,
    InputValueError,
    clean_and_explain,
    clean_article,
)
from cleaner.inputs import coerce, decode_bytes

# -- types, kinds and sizes --------------------------------------------------------------


@pytest.mark.parametrize(
    "raw", [None, 42, 4.2, ["<p>x</p>"], {"html": "x"}, object(), Path("page.html"), True]
)
def test_a_value_that_is_not_str_or_bytes_raises_a_type_error(raw: object) -> None:
    with pytest.raises(InputTypeError):
        clean_and_explain(raw)  # type: ignore[arg-type]


def test_bytearray_and_memoryview_are_bytes() -> None:
    data = ARTICLE_TEXT.encode("utf-8")
    expected = clean_article(data)
    assert expected
    assert clean_article(bytearray(data)) == expected
    assert clean_article(memoryview(data)) == expected


@pytest.mark.parametrize("kind", ["pdf", "HTML", "", 1, b"html"])
def test_an_unknown_kind_raises_a_value_error(kind: object) -> None:
    with pytest.raises(InputValueError):
        clean_and_explain(ARTICLE_TEXT, kind=kind)  # type: ignore[arg-type]


@pytest.mark.parametrize("raw", ["", b"", "   \n\t\n  ", b"\n\n\n", "\ufeff", b"\xef\xbb\xbf"])
def test_empty_and_blank_input_gives_an_empty_result(raw: str | bytes) -> None:
    result = clean_and_explain(raw)
    assert result.text == ""


def test_bytes_over_the_limit_raise_before_any_work() -> None:
    cleaner = Cleaner(max_input_bytes=1000)
    with pytest.raises(InputTooLargeError):
        cleaner.explain(b"x" * 1001)
    assert cleaner.explain(b"word " * 200).input_kind == "text"  # exactly 1000 bytes


def test_a_str_is_measured_in_utf8_bytes() -> None:
    cleaner = Cleaner(max_input_bytes=1000)
    with pytest.raises(InputTooLargeError):
        cleaner.explain("é" * 501)  # 501 characters, 1002 bytes
    cleaner.explain("é" * 500)


def test_the_size_limit_is_configurable_and_must_be_positive() -> None:
    assert Config().max_input_bytes == 64 * 1024 * 1024
    with pytest.raises(ConfigError):
        Config(max_input_bytes=0)
    with pytest.raises(ConfigError):
        Config(max_blocks=0)


def test_too_many_lines_raise_before_blocks_are_made() -> None:
    cleaner = Cleaner(max_blocks=100)
    with pytest.raises(InputTooLargeError, match="max_blocks"):
        cleaner.explain("line\n" * 101)
    # Blank lines make no blocks; exactly the limit is fine.
    assert len(cleaner.explain("line\n\n\n" * 100).blocks) == 100


def test_too_many_html_blocks_raise() -> None:
    with pytest.raises(InputTooLargeError, match="max_blocks"):
        Cleaner(max_blocks=50).explain("<html><body>" + "<p>item</p>" * 200 + "</body></html>")


# -- binary input ------------------------------------------------------------------------


def _zyte_page_gz() -> bytes:
    pages = sorted(ZYTE_HTML.glob("*.html.gz"))
    if not pages:
        return gzip.compress(ARTICLE_HTML.encode("utf-8"))
    return pages[0].read_bytes()


BINARY = {
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4,
    "jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 4,
    "gif": b"GIF89a\x01\x00\x01\x00\x80\x00\x00" + bytes(64),
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "gzip page": _zyte_page_gz(),
    "zip": b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)),
    "elf": b"\x7fELF\x02\x01\x01" + bytes(200),
    "random bytes": random.Random(1).randbytes(100_000),
    "all NUL": bytes(10_000),
    "high bytes only": bytes(range(128, 256)) * 50,
}


@pytest.mark.parametrize("name", sorted(BINARY))
@pytest.mark.parametrize("kind", [None, "text", "html"])
def test_binary_bytes_raise_a_typed_error(name: str, kind: str | None) -> None:
    with pytest.raises(InputBinaryError, match="looks binary"):
        clean_and_explain(BINARY[name], kind=kind)


def test_the_binary_error_is_a_value_error_and_names_the_format() -> None:
    with pytest.raises(InputValueError, match="gzip-compressed data"):
        clean_article(gzip.compress(ARTICLE_HTML.encode("utf-8")))
    with pytest.raises(InputValueError, match="PNG"):
        clean_article(BINARY["png"])


def test_binary_bytes_decoded_as_latin1_by_the_caller_clean_to_nothing() -> None:
    # A str is never refused; binary data in one has no article in it.
    for name in ("png", "gzip page", "random bytes"):
        assert clean_article(BINARY[name].decode("latin-1")) == ""


def test_every_signature_is_named_behind_the_opening_gate() -> None:
    # binary_kind looks at the signatures only for data opening as one of them opens
    # where it stands: each still names its format, at its offset, padded with text.
    from cleaner.decoding import _MAGIC, binary_kind

    for offset, magic, what in _MAGIC:
        assert binary_kind(b"\x00" * offset + magic + b"text") == what, what
    assert binary_kind(b"BZh91AY&SY" + bytes(8)) == "bzip2-compressed data (decompress it first)"
    for text in (b"Hello", b"", b"GIF8", b"\x00\x00\x00\x00f", b"<html>"):
        assert binary_kind(text) is None


def test_text_that_mentions_file_signatures_is_text() -> None:
    text = "PK is a file signature. %PDF- starts a PDF; GIF89a starts a GIF.\n\n" + ARTICLE_TEXT
    assert PROSE[0] in clean_article(text.encode("utf-8"))


# -- NUL bytes and lone surrogates ------------------------------------------------------


def test_a_few_nul_characters_do_not_make_text_binary() -> None:
    text = ARTICLE_TEXT.replace("Tuesday", "Tues\x00day")
    for raw in (text, text.encode("utf-8")):
        result = clean_and_explain(raw)
        assert PROSE[0].replace("Tuesday", "Tues\x00day") in result.text  # unaltered
        kept_lines_come_from(result, text)


def test_nul_characters_in_html_do_not_crash() -> None:
    result = clean_and_explain(ARTICLE_HTML.replace("Tuesday", "Tues\x00day"))
    assert PROSE[1] in result.text


def test_lone_surrogates_are_kept_on_the_text_path() -> None:
    text = ARTICLE_TEXT.replace("Tuesday", "Tues\ud800day")
    result = clean_and_explain(text, kind="text")
    assert PROSE[0].replace("Tuesday", "Tues\ud800day") in result.text


def test_lone_surrogates_become_replacement_characters_on_the_html_path() -> None:
    result = clean_and_explain(ARTICLE_HTML.replace("Tuesday", "Tues\udc80day"))
    assert "Tues\ufffdday" in result.text
    result.text.encode("utf-8")  # writable as UTF-8


def test_surrogates_encoded_in_bytes_are_replaced() -> None:
    data = ARTICLE_TEXT.encode("utf-8").replace(b"Tuesday", b"Tues\xed\xa0\x80day")
    result = clean_and_explain(data)
    assert PROSE[1] in result.text
    result.text.encode("utf-8")


# -- encodings --------------------------------------------------------------------------

PARAGRAPHS = {
    "ru": (
        "Городской совет во вторник проголосовал за продление программы ещё на один год "
        "после долгих споров о её стоимости и о числе семей, которым она помогла.",
        "Сторонники программы сказали, что деньги были потрачены не зря, и сослались на "
        "доклад, по которому очереди в городских поликлиниках сократились почти на треть.",
    ),
    "ja": (
        "市議会は火曜日、長い議論の末にこの制度をもう一年延長することを決めた。費用と、"
        "これまでに支援を受けた家庭の数とが比べられた。",
        "支持者たちは、お金は有効に使われたと述べ、市の診療所での待ち時間がほぼ三分の一"
        "減ったという報告を挙げた。",
    ),
    "zh": (
        "市议会星期二投票决定将该计划再延长一年，此前议员们就其成本和受助家庭的数量进行了"
        "长时间的辩论。",
        "支持者说这笔钱花得很值，并指出一份报告发现，自计划实施以来，市诊所的候诊时间缩短"
        "了近三分之一。",
    ),
}
ENCODINGS = [
    ("cp1251", "ru", "windows-1251"),
    ("koi8-r", "ru", "koi8-r"),
    ("shift_jis", "ja", "shift_jis"),
    ("euc-jp", "ja", "euc-jp"),
    ("gb2312", "zh", "gb2312"),
    ("gbk", "zh", "gbk"),
    ("utf-16-le", "ru", "utf-16"),
    ("utf-16-be", "ja", "utf-16"),
    ("utf-16", "zh", "utf-16"),  # with a BOM
    ("utf-32", "ru", "utf-32"),  # with a BOM
]
DECLARATIONS = ["truthful", "none", "lying latin-1", "lying utf-8"]


def _html_page(paragraphs: tuple[str, ...], charset: str | None) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<!doctype html><html><head>{meta}<title>t</title></head><body>{body}</body></html>"


@pytest.mark.parametrize("declaration", DECLARATIONS)
@pytest.mark.parametrize(("codec", "lang", "label"), ENCODINGS)
def test_html_bytes_in_legacy_encodings_decode(
    codec: str, lang: str, label: str, declaration: str
) -> None:
    charset = {
        "truthful": label,
        "none": None,
        "lying latin-1": "iso-8859-1",
        "lying utf-8": "utf-8",
    }[declaration]
    paragraphs = PARAGRAPHS[lang]
    data = _html_page(paragraphs, charset).encode(codec)
    text, kind = coerce(data, None, Config().max_input_bytes)
    assert kind == "html"
    for paragraph in paragraphs:
        assert paragraph in text
    result = clean_and_explain(data)
    assert any(p in result.text for p in paragraphs)


@pytest.mark.parametrize(("codec", "lang", "label"), ENCODINGS)
def test_text_dumps_in_legacy_encodings_decode(codec: str, lang: str, label: str) -> None:
    text = "\n\n".join(PARAGRAPHS[lang] * 3)
    assert decode_bytes(text.encode(codec), html_hint=False) == text
    result = clean_and_explain(text.encode(codec), kind="text")
    kept_lines_come_from(result, text)


def test_utf8_with_a_few_broken_bytes_stays_utf8() -> None:
    text = "\n\n".join(PARAGRAPHS["ru"] + PARAGRAPHS["zh"])
    data = text.encode("utf-8")
    damaged = data[:100] + b"\xff" + data[100:] + b"\xc3"  # a stray byte, a cut sequence
    decoded = decode_bytes(damaged)
    # The stray byte cuts a Cyrillic letter in two: three replacements there, one at the end.
    assert PARAGRAPHS["zh"][0] in decoded and decoded.count("\ufffd") == 4


@pytest.mark.parametrize(
    "label", ["utf-7", "unicode-escape", "rot13", "idna", "x-bogus", "undefined"]
)
def test_a_declared_charset_that_is_no_page_encoding_is_ignored(label: str) -> None:
    page = _html_page(PARAGRAPHS["ru"], label)
    text, _ = coerce(page.encode("cp1251"), None, Config().max_input_bytes)
    assert PARAGRAPHS["ru"][0] in text


# -- the wrong kind ---------------------------------------------------------------------


def test_html_passed_as_text_is_cleaned_as_lines() -> None:
    result = clean_and_explain(ARTICLE_HTML, kind="text")
    assert result.input_kind == "text"
    kept_lines_come_from(result, ARTICLE_HTML)


def test_text_passed_as_html_keeps_its_paragraphs() -> None:
    result = clean_and_explain(ARTICLE_TEXT, kind="html")
    assert result.input_kind == "html"
    for paragraph in PROSE:
        assert paragraph in result.text


def test_markup_fragments_without_a_document_are_sniffed_sensibly() -> None:
    assert clean_and_explain("<!---->" * 2000 + ARTICLE_TEXT).input_kind == "html"
    assert clean_and_explain("a < b and c > d\n\n" + ARTICLE_TEXT).input_kind == "text"


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\u2028", "\x0b", "\x85"])
def test_any_line_separator(newline: str) -> None:
    text = (newline * 2).join(PROSE)
    result = clean_and_explain(text, kind="text")
    assert [b.text for b in result.kept] == list(PROSE)
