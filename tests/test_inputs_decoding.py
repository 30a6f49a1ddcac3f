"""Decoding and sniffing the way browsers do (issue 17, items 1 and 3).

Each case the issue reports is a test here: undeclared Western pages, the caller's
declared encoding, labels that name no encoding, ISO-2022-JP, tiny UTF-16/32, a BOM on
a ``str``, text that mentions tags. The Hypothesis properties generate page bytes in
the web's encodings, declared truthfully, wrongly or not at all, with and without a
BOM, as HTML, XHTML or text: never an untyped error, and the default kind idempotent.
"""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import CleanerError, InputValueError, clean_and_explain, clean_article
from cleaner.decoding import decode_bytes
from cleaner.encodings import lookup
from cleaner.inputs import looks_like_html

SPANISH = "El año pasado España y Cataluña señalaron cambios en la educación pública."
FRENCH = (
    "L’été dernier, la mairie a présenté un projet ambitieux : rénover les écoles, "
    "élargir les trottoirs et créer des pistes cyclables « sûres » dans chaque quartier."
)
GERMAN = "Die Straßenbahn fährt künftig öfter, teilte die Stadtverwaltung am Dienstag mit."
JAPANESE = "市議会は火曜日、長い議論の末にこの制度をもう一年延長することを決めた。"
LESSON = (
    "Lesson 1\n\nA page uses <p> for paragraphs, <a> for links and <div> or <span> to "
    "group things.\n\nTo run code you add a <script> tag."
)


def _page(body: str, meta: str = "") -> str:
    return f"<!doctype html><html><head>{meta}<title>t</title></head><body>{body}</body></html>"


# -- undeclared Western pages -------------------------------------------------------------


def test_undeclared_spanish_in_windows_1252_is_not_hp_roman8() -> None:
    assert clean_article(f"<p>{SPANISH}</p>".encode("cp1252")) == SPANISH


@pytest.mark.parametrize(
    ("codec", "text"),
    [
        ("cp1252", SPANISH),
        ("cp1252", FRENCH),
        ("cp1252", GERMAN),
        ("latin-1", SPANISH),
        ("latin-1", GERMAN),
        ("iso8859-15", SPANISH),
        ("iso8859-15", GERMAN),
    ],
)
def test_undeclared_latin_pages_decode_as_windows_1252(codec: str, text: str) -> None:
    assert decode_bytes(f"<p>{text}</p>".encode(codec)) == f"<p>{text}</p>"


def test_windows_1252_bytes_windows_leaves_undefined_are_c1_controls() -> None:
    # As browsers read them: never an error, never a guess of another code page.
    assert decode_bytes(b"caf\xe9 cr\xe8me \x81\x8d") == "café crème \x81\x8d"


# -- the caller's declared encoding ---------------------------------------------------------


def test_the_callers_encoding_is_read_before_the_meta() -> None:
    data = _page(f"<p>{FRENCH}</p>", '<meta charset="koi8-r">').encode("cp1252")
    assert clean_article(data, encoding="windows-1252") == FRENCH


@pytest.mark.parametrize("label", ["ISO-8859-1", "latin1", "us-ascii", "text/html; charset=latin1"])
def test_the_callers_encoding_takes_whatwg_labels_and_content_types(label: str) -> None:
    assert clean_article(f"<p>{GERMAN}</p>".encode("cp1252"), encoding=label) == GERMAN


def test_the_callers_encoding_names_cyrillic() -> None:
    text = "Городской совет во вторник проголосовал за продление программы ещё на год."
    assert clean_article(f"<p>{text}</p>".encode("koi8-r"), encoding="koi8-r") == text


def test_the_callers_utf16_is_honoured_without_a_bom() -> None:
    data = f"<p>{JAPANESE}</p>".encode("utf-16-be")
    assert clean_article(data, encoding="utf-16be") == JAPANESE


def test_valid_utf8_under_a_legacy_label_is_utf8() -> None:
    data = f"<p>{SPANISH}</p>".encode()
    assert clean_article(data, encoding="iso-8859-1") == SPANISH


def test_an_encoding_that_is_not_a_str_is_a_typed_error() -> None:
    with pytest.raises(InputValueError):
        clean_article(b"<p>x</p>", encoding=1252)  # type: ignore[arg-type]


# -- labels that name no encoding ------------------------------------------------------------


@pytest.mark.parametrize(
    "label", ["rot13", "base64", "zlib", "hex", "unicode-escape", "x-user-defined", "nonsense"]
)
def test_a_declared_non_text_codec_is_ignored_not_raised(label: str) -> None:
    assert lookup(label) is None
    clean_article(f"<meta charset={label}>".encode() + b"\x00\x80")
    assert clean_article(_page(f"<p>{GERMAN}</p>", f"<meta charset={label}>").encode()) == GERMAN
    assert clean_article(f"<p>{GERMAN}</p>".encode("cp1252"), encoding=label) == GERMAN


def test_whatwg_labels_map_to_the_windows_supersets() -> None:
    assert lookup("iso-8859-1") == lookup("ascii") == lookup("latin1") == "windows-1252"
    assert lookup("gb2312") == lookup("GBK") == "gb18030"
    assert lookup("shift_jis") == "cp932"
    assert lookup("euc-kr") == "cp949"
    assert lookup("utf-16", from_meta=True) == "utf-8"
    assert lookup("cp850") == "cp850"  # an exotic code page, when declared


# -- ISO-2022-JP ---------------------------------------------------------------------------


@pytest.mark.parametrize("meta", ["", '<meta charset="iso-2022-jp">'])
def test_iso_2022_jp_decodes_declared_or_not(meta: str) -> None:
    data = _page(f"<p>{JAPANESE}</p>", meta).encode("iso2022_jp")
    assert clean_article(data) == JAPANESE


# -- tiny UTF-16 and UTF-32 ---------------------------------------------------------------


@pytest.mark.parametrize(
    "codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-16", "utf-32"]
)
@pytest.mark.parametrize("text", ["Hi!", "Hi", "OK.", "A"])
def test_tiny_utf16_and_utf32_decode(codec: str, text: str) -> None:
    assert clean_article(text.encode(codec)) == text


# -- sniffing -------------------------------------------------------------------------------


def test_a_str_with_a_bom_is_sniffed_without_it() -> None:
    paragraph = "The council voted on Tuesday to extend the program for another year. " * 3
    page = "\ufeff" + _page(f"<style>p {{ color: red }}</style><p>{paragraph.strip()}</p>")
    result = clean_and_explain(page)
    assert result.input_kind == "html"
    assert result.text == paragraph.strip()


def test_a_str_with_a_bom_that_mentions_tags_is_text() -> None:
    assert clean_and_explain("\ufeff" + LESSON).input_kind == "text"


def test_text_that_mentions_tags_is_text() -> None:
    result = clean_and_explain(LESSON)
    assert result.input_kind == "text"
    assert "A page uses <p> for paragraphs" in result.text
    assert not looks_like_html(LESSON)


@pytest.mark.parametrize(
    "markup",
    [
        "<p>Hello</p>",
        "<div><p>One</p><p>Two</p><p>Three</p></div>",
        "<!-- page -->\nHello",
        "<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'><body/></html>",
        "Intro\n<div>\n<p>a</p>\n<p>b</p>\n</div>\n",
    ],
)
def test_markup_is_html(markup: str) -> None:
    assert looks_like_html(markup)


def test_the_default_kind_is_idempotent_on_text_about_html() -> None:
    once = clean_article(LESSON)
    assert clean_article(once) == once


# -- properties ---------------------------------------------------------------------------

WEB_ENCODINGS = [
    "utf-8",
    "cp1252",
    "latin-1",
    "iso8859-2",
    "iso8859-15",
    "cp1251",
    "koi8-r",
    "cp932",
    "euc-jp",
    "gb18030",
    "big5",
    "cp949",
    "iso2022_jp",
    "utf-16",
    "utf-16-le",
    "utf-32",
]
LABELS = [None, "utf-8", "windows-1252", "iso-8859-1", "shift_jis", "gbk", "koi8-r", "rot13"]
WORDS = st.sampled_from(
    [
        "año",
        "España",
        "été",
        "Straße",
        "город",
        "市議会",
        "制度",
        "the",
        "council",
        "voted",
        "<p>",
        "<a>",
        "&amp;",
        "“quoted”",
        "—",
        "\n\n",
    ]
)
TEXTS = st.lists(WORDS, min_size=1, max_size=40).map(" ".join)
SHAPES = st.sampled_from(["text", "html", "xhtml", "fragment"])


def _shape(text: str, shape: str, label: str | None) -> str:
    meta = f'<meta charset="{label}">' if label else ""
    if shape == "html":
        return _page(f"<p>{text}</p>", meta)
    if shape == "xhtml":
        decl = f"<?xml version='1.0' encoding='{label}'?>" if label else ""
        return f"{decl}<html xmlns='http://www.w3.org/1999/xhtml'><head>{meta}</head><body><p>{text}</p></body></html>"
    if shape == "fragment":
        return f"<p>{text}</p>"
    return text


@settings(max_examples=80, deadline=None)
@given(
    TEXTS,
    SHAPES,
    st.sampled_from(WEB_ENCODINGS),
    st.sampled_from(LABELS),
    st.sampled_from(LABELS),
    st.booleans(),
)
def test_page_bytes_in_any_web_encoding_clean_or_raise_a_typed_error(
    text: str, shape: str, codec: str, meta: str | None, header: str | None, bom: bool
) -> None:
    page = _shape(text, shape, meta)
    try:
        data = page.encode(codec)
    except UnicodeEncodeError:
        data = page.encode(codec, "xmlcharrefreplace")
    if bom and codec in ("utf-8", "utf-16-le"):
        data = (codecs.BOM_UTF8 if codec == "utf-8" else codecs.BOM_UTF16_LE) + data
    for declared in (header, codec):
        try:
            out = clean_article(data, encoding=declared)
        except CleanerError:
            continue
        assert isinstance(out, str)


@settings(max_examples=80, deadline=None)
@given(TEXTS, SHAPES)
def test_the_default_kind_is_idempotent(text: str, shape: str) -> None:
    once = clean_article(_shape(text, shape, None))
    assert clean_article(once) == once


@settings(max_examples=60, deadline=None)
@given(TEXTS, st.sampled_from(["utf-8", "cp1252", "cp932", "gb18030", "koi8-r"]))
def test_a_declared_encoding_reads_the_words_back(text: str, codec: str) -> None:
    try:
        data = _page(f"<p>{text}</p>").encode(codec)
    except UnicodeEncodeError:
        return
    expected = clean_article(_page(f"<p>{text}</p>"), kind="html")
    assert clean_article(data, encoding=codec, kind="html") == expected
