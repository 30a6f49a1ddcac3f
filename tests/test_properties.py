"""The library's promises, on every fixture page, on generated pages and on any string.

- output paragraphs are a subsequence of the input's (nothing invented or altered, order
  kept);
- idempotent: ``clean(clean(x)) == clean(x)``;
- deterministic: the same input gives the same output and decisions, whatever ran before;
- any ``str`` is cleaned without an exception (one dense with control characters is
  binary data and cleans to ``""``); any ``bytes`` give text or a typed error
  (``InputBinaryError`` for binary data);
- a wrong input type raises a typed error (``InputTypeError``, a ``TypeError``);
- generated pages as bytes, in a web encoding with or without a byte-order mark, declared
  by the caller, a ``<meta>`` or an XML declaration, or undeclared, and HTML pages also
  as XHTML: bytes that say their encoding (or are UTF-8) clean as their ``str`` does;
  the others give text or a typed error.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import (
    Cleaner,
    CleanerError,
    InputTypeError,
    InputValueError,
    clean_and_explain,
    clean_article,
    samples,
)
from cleaner.testing.strategies import (
    LANGUAGES,
    EncodedPage,
    GeneratedPage,
    encoded_pages,
    text_pages,
)

SAMPLES = Path(samples.__file__).parent  # the pages shipped with the package
PAGES = sorted(p.name for p in SAMPLES.glob("*.txt"))


def input_paragraphs(text: str) -> list[str]:
    """The text path's paragraphs, computed independently of the front-end."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def is_subsequence(needle: list[str], haystack: list[str]) -> bool:
    it = iter(haystack)
    return all(any(p == h for h in it) for p in needle)


def assert_invariants(raw: str, cleaner: Cleaner | None = None) -> str:
    """Check the promises on one text input; return its cleaned text."""
    run = cleaner or Cleaner()
    out = run.clean(raw, kind="text")
    out_paragraphs = input_paragraphs(out)
    assert is_subsequence(out_paragraphs, input_paragraphs(raw)), "invented, altered or reordered"
    assert out == "\n\n".join(out_paragraphs), "kept blocks are joined by one blank line"
    assert run.clean(out, kind="text") == out, "not idempotent"
    assert run.clean(raw, kind="text") == out, "not deterministic"
    return out


def test_suite_runs_under_the_derandomized_profile() -> None:
    # tests/conftest.py: the same examples on every run, nothing timed, no database.
    chosen = os.environ.get("HYPOTHESIS_PROFILE", "ci")
    if chosen != "ci" and not os.environ.get("CI"):
        pytest.skip(f"HYPOTHESIS_PROFILE={chosen} chosen for this run")
    assert settings.default.derandomize
    assert settings.default.deadline is None
    assert settings.default.database is None


# -- fixture pages -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shared_cleaner() -> Cleaner:
    return Cleaner()


@pytest.mark.parametrize("name", PAGES)
def test_fixture_page_invariants(name: str, shared_cleaner: Cleaner) -> None:
    raw = (SAMPLES / name).read_text(encoding="utf-8")
    out = assert_invariants(raw, shared_cleaner)
    assert out, "a real page keeps some text"


def test_fixture_pages_do_not_leak_into_each_other() -> None:
    # The same page before and after others, with one Cleaner and with fresh ones.
    raws = [(SAMPLES / name).read_text(encoding="utf-8") for name in PAGES]
    shared = Cleaner()
    first = [shared.explain(raw).blocks for raw in raws]
    again = [shared.explain(raw).blocks for raw in reversed(raws)][::-1]
    fresh = [Cleaner().explain(raw).blocks for raw in raws]
    assert first == again == fresh


# -- generated pages -------------------------------------------------------------------------


@settings(max_examples=30)
@given(text_pages(min_kinds=0))
def test_generated_page_invariants(page: GeneratedPage) -> None:
    assert_invariants(page.raw)


@settings(max_examples=15)
@given(text_pages(languages=LANGUAGES, max_kinds=3), text_pages(max_kinds=3))
def test_no_state_between_documents(a: GeneratedPage, b: GeneratedPage) -> None:
    cleaner = Cleaner()
    alone = cleaner.explain(a.raw)
    cleaner.explain(b.raw)
    assert cleaner.explain(a.raw) == alone
    assert clean_and_explain(a.raw) == alone


# -- any string -------------------------------------------------------------------------------

# Text without control characters other than white space: the library must clean every
# such string. A str dense with other control characters is binary data and cleans to an
# empty result (bytes like it raise InputBinaryError): see test_any_str_is_cleaned_...
_TEXT_CHARS = st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\t\n\r\f ")
_PLAIN_TEXT = st.text(_TEXT_CHARS)

# Lines of words, chrome-like snippets and arbitrary characters: more rules get a say
# than on uniform noise.
_WORDY_LINES = st.lists(
    st.one_of(
        st.text(_TEXT_CHARS, max_size=80),
        st.sampled_from(
            [
                "Skip to main content",
                "Share Facebook Twitter",
                "0:00 0:03:18 0:00",
                "please wait",
                "Comments",
                "© 2024 Example. All rights reserved.",
                "The council voted on Tuesday to extend the program for another year.",
                "Die Regierung kritisierte am Dienstag den neuen Haushalt.",
                "",
                "   ",
            ]
        ),
    ),
    max_size=25,
).map("\n".join)

_ANY_TEXT = st.one_of(_PLAIN_TEXT, _WORDY_LINES)
# C0 controls and DEL, except tab, newline, form feed, carriage return and escape.
_CONTROL = frozenset(
    chr(c) for c in (*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F)
)


@given(_ANY_TEXT)
def test_any_text_keeps_the_invariants(raw: str) -> None:
    assert_invariants(raw)


@settings(max_examples=60)
@given(_ANY_TEXT, st.sampled_from([None, "text", "html"]))
def test_any_text_is_cleaned_without_an_exception(raw: str, kind: str | None) -> None:
    result = clean_and_explain(raw, kind=kind)
    assert isinstance(result.text, str)
    assert result.text == clean_article(raw, kind=kind)


@settings(max_examples=60)
@given(st.text(), st.sampled_from([None, "text", "html"]))
def test_any_str_is_cleaned_without_an_exception(raw: str, kind: str | None) -> None:
    out = clean_article(raw, kind=kind)
    assert isinstance(out, str)
    if out == "" and raw.strip():
        # Emptied as binary only for a reason a reader can see, or by the rules.
        assert _CONTROL & set(raw) or not clean_and_explain(raw, kind=kind).kept


@settings(max_examples=60)
@given(st.binary(max_size=2000), st.sampled_from([None, "text", "html"]))
def test_any_bytes_give_text_or_a_typed_error(raw: bytes, kind: str | None) -> None:
    try:
        out = clean_article(raw, kind=kind)
    except CleanerError as exc:
        assert isinstance(exc, InputValueError), exc
    else:
        assert isinstance(out, str)


_WRONG_TYPES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.complex_numbers(),
    st.lists(st.text(max_size=5), max_size=3),
    st.tuples(st.text(max_size=5)),
    st.dictionaries(st.text(max_size=3), st.text(max_size=3), max_size=2),
    st.sets(st.integers(), max_size=2),
    st.just(object()),
    st.just(Path("page.txt")),
)


@given(_WRONG_TYPES)
def test_wrong_input_type_is_a_typed_error(raw: object) -> None:
    with pytest.raises(InputTypeError) as caught:
        clean_article(raw)  # type: ignore[arg-type]
    assert isinstance(caught.value, TypeError)
    assert isinstance(caught.value, CleanerError)
    with pytest.raises(InputTypeError):
        clean_and_explain(raw)  # type: ignore[arg-type]


@given(st.text(max_size=10).filter(lambda k: k not in ("text", "html")))
def test_unknown_kind_is_a_typed_error(kind: str) -> None:
    with pytest.raises(InputValueError):
        clean_article("Some text.", kind=kind)


@settings(max_examples=60)
@given(encoded_pages(max_kinds=3))
def test_page_bytes_clean_as_the_text_they_stand_for(encoded: EncodedPage) -> None:
    try:
        out = clean_article(encoded.raw, kind=encoded.kind, encoding=encoded.header)
    except CleanerError as exc:
        # Only undeclared legacy bytes may be taken for binary data.
        assert isinstance(exc, InputValueError) and not encoded.says_its_encoding, exc
        return
    if encoded.says_its_encoding:
        assert out == clean_article(encoded.text, kind=encoded.kind)
    else:
        assert isinstance(out, str)


@settings(max_examples=30)
@given(encoded_pages(max_kinds=3))
def test_page_bytes_are_sniffed_as_their_kind(encoded: EncodedPage) -> None:
    """Without ``kind``, bytes that say their encoding are read as what they are."""
    if encoded.says_its_encoding:
        result = clean_and_explain(encoded.raw, encoding=encoded.header)
        assert result.input_kind == encoded.kind
