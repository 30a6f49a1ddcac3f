"""The public entry points: inputs, kinds, results, errors."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from helpers import PROSE, page

import cleaner
from cleaner import (
    Cleaner,
    CleanerError,
    InputTooLargeError,
    InputTypeError,
    InputValueError,
    clean_and_explain,
    clean_article,
    samples,
)

SAMPLES = Path(samples.__file__).parent  # the pages shipped with the package
SEED = (SAMPLES / "rferl-kazakhstan.txt").read_text(encoding="utf-8")


def test_public_api_is_small_and_explicit() -> None:
    assert {"clean_article", "clean_and_explain", "Cleaner", "Config", "Result"} <= set(
        cleaner.__all__
    )


def test_output_is_kept_paragraphs_separated_by_one_blank_line() -> None:
    text = page("Skip to main content")
    assert clean_article(text) == "\n\n".join(PROSE)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_bytes_in_utf8_with_or_without_bom(encoding: str) -> None:
    text = page("Breaking News") + "\n\nNaïve café résumé — “quoted” text, said the author."
    assert clean_article(text.encode(encoding)) == clean_article(text)


def test_utf16_with_bom_is_decoded() -> None:
    text = page()
    data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    assert clean_article(data, kind="text") == clean_article(text)


@pytest.mark.parametrize("value", [None, 42, 3.5, ["text"], {"a": 1}, object()])
def test_wrong_types_raise_a_typed_error(value: object) -> None:
    with pytest.raises(InputTypeError, match="expected str or bytes"):
        clean_article(value)  # type: ignore[arg-type]
    assert issubclass(InputTypeError, TypeError)
    assert issubclass(InputTypeError, CleanerError)


def test_unknown_kind_is_a_value_error() -> None:
    with pytest.raises(InputValueError):
        clean_article("text", kind="pdf")


def test_input_over_the_limit_is_refused() -> None:
    small = Cleaner(max_input_bytes=1000)
    with pytest.raises(InputTooLargeError):
        small.clean("x" * 1001)
    with pytest.raises(InputTooLargeError):
        small.clean(b"x" * 1001)
    assert issubclass(InputTooLargeError, ValueError)


@pytest.mark.parametrize("empty", ["", "   \n\n  \t", b""])
def test_empty_input_gives_empty_output(empty: str | bytes) -> None:
    assert clean_article(empty) == ""


def test_explanation_covers_every_input_block_in_order() -> None:
    result = clean_and_explain(SEED)
    lines = [line.strip() for line in SEED.splitlines() if line.strip()]
    assert [b.text for b in result.blocks] == lines
    assert [b.index for b in result.blocks] == list(range(len(lines)))
    for block in result.removed:
        assert block.rule and block.family and block.reason
    assert result.text == "\n\n".join(b.text for b in result.kept)


def test_result_is_readable() -> None:
    result = clean_and_explain(SEED)
    assert repr(result).startswith("Result(text, lang=en")
    report = str(result)
    assert "DROP  'please wait'" in report
    assert "media/media_stub" in report
    assert result.counts_by_family()["media"] >= 10
    assert sum(result.counts_by_rule().values()) == len(result.removed)
    assert any(d.rule == "media_title" for d in result.why("Fear And Hunger"))


def test_seed_page_is_cleaned_as_its_gold_says() -> None:
    import json

    gold = json.loads((SAMPLES / "rferl-kazakhstan.gold.json").read_text(encoding="utf-8"))
    out = clean_article(SEED).split("\n\n")
    for paragraph in gold["must_keep"]:
        assert out.count(paragraph) == 1, paragraph
    for paragraph in gold["must_remove"]:
        assert paragraph not in out, paragraph
    assert gold["contained_duplicate"]["short"] not in out


def test_calls_do_not_leak_state() -> None:
    shared = Cleaner()
    first = shared.clean(SEED)
    shared.clean(page("Breaking News", "Load more"))
    assert shared.clean(SEED) == first
    assert Cleaner().clean(SEED) == first
