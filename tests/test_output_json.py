"""The JSON output: its shipped schema, its fields, the CLI's formats, and the docs page
that shows one page in all four formats."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given

from cleaner import clean_and_explain, clean_article
from cleaner.metadata import MAX_TERMS
from cleaner.testing.strategies import html_pages, text_pages

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "html"
PAGES = sorted(FIXTURES.glob("*.html"))
SCHEMA = json.loads((files("cleaner") / "schema" / "output.schema.json").read_text("utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def validate(doc: object) -> None:
    VALIDATOR.validate(doc)


def test_the_schema_ships_with_the_package_and_is_valid() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert set(SCHEMA["required"]) == {
        "text",
        "markdown",
        "title",
        "author",
        "date",
        "language",
        "url",
        "site_name",
        "description",
        "image",
        "categories",
        "tags",
        "license",
    }
    # The schema's bound on the lists is the library's.
    for key in ("categories", "tags"):
        assert SCHEMA["properties"][key]["maxItems"] == MAX_TERMS


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_fixture_pages_validate(page: Path) -> None:
    raw = page.read_text(encoding="utf-8")
    doc = json.loads(clean_article(raw, output="json"))
    validate(doc)
    assert "removed" not in doc
    assert doc["text"] == clean_article(raw)
    assert doc["markdown"] == clean_article(raw, output="markdown")
    explained = clean_and_explain(raw, output="json").as_dict()
    validate(explained)
    assert explained["removed"], "every fixture page has a headline removed"
    assert all(r["rule"] and r["family"] and r["reason"] for r in explained["removed"])


def test_field_values_of_the_example_page() -> None:
    raw = (FIXTURES / "field-notes.html").read_text(encoding="utf-8")
    doc = json.loads(clean_article(raw, output="json"))
    assert {k: doc[k] for k in SCHEMA["required"] if k not in ("text", "markdown")} == {
        "title": "Counting swifts from a kitchen window",
        "author": "Maja Lindqvist",
        "date": "2024-07-21T19:05:00+01:00",
        "language": "en-US",
        "url": "https://fieldnotes.example.net/2024/07/counting-swifts",
        "site_name": "Field Notes",
        "description": (
            "Three summers of evening counts, and what they say about the colony under our eaves."
        ),
        "image": "https://fieldnotes.example.net/img/swifts.jpg",
        "categories": ["Birds"],
        "tags": ["swifts", "citizen science", "nest boxes"],
        "license": "https://creativecommons.org/licenses/by/4.0/",
    }
    removed = clean_and_explain(raw, output="json").as_dict()["removed"]
    headline = [r for r in removed if r["rule"] == "headline"]
    assert [r["text"] for r in headline] == ["Counting swifts from a kitchen window"]
    assert headline[0]["family"] == "structure"


def test_include_title_puts_the_headline_first_in_text_and_markdown() -> None:
    raw = (FIXTURES / "field-notes.html").read_text(encoding="utf-8")
    doc = json.loads(clean_article(raw, output="json", include_title=True))
    validate(doc)
    assert doc["text"].startswith("Counting swifts from a kitchen window\n\nEvery evening")
    assert doc["markdown"].startswith("# Counting swifts from a kitchen window\n\nEvery evening")


def test_text_input_and_empty_input_validate() -> None:
    doc = json.loads(clean_article("One line of text here.\n\nAnother line.", output="json"))
    validate(doc)
    assert doc["title"] is None and doc["input_kind"] == "text"
    empty = json.loads(clean_article("", output="json"))
    validate(empty)
    assert empty["text"] == "" and empty["markdown"] == ""


def test_the_schema_rejects_what_is_not_the_output() -> None:
    raw = (FIXTURES / "quote.html").read_text(encoding="utf-8")
    good = json.loads(clean_article(raw, output="json"))
    for bad in (
        {**good, "date": "April 9, 2021"},
        {**good, "language": "English"},
        {**good, "url": "/relative"},
        {**good, "extra": 1},
        {**good, "tags": "a, b"},
        {**good, "tags": ["a", "a"]},
        {**good, "categories": [""]},
        {k: v for k, v in good.items() if k != "title"},
        {**good, "removed": [{"rule": "x"}]},
    ):
        with pytest.raises(jsonschema.ValidationError):
            validate(bad)


@given(html_pages())
def test_generated_html_pages_validate(page: object) -> None:
    result = clean_and_explain(page.raw, output="json")  # type: ignore[attr-defined]
    validate(result.as_dict())
    validate(json.loads(result.to_json(removed=False)))


@given(text_pages())
def test_generated_text_pages_validate(page: object) -> None:
    validate(clean_and_explain(page.raw, output="json").as_dict())  # type: ignore[attr-defined]


# -- the command -----------------------------------------------------------------------------


def run(*args: object) -> subprocess.CompletedProcess[bytes]:
    cmd = [sys.executable, "-m", "cleaner", *map(str, args)]
    return subprocess.run(cmd, capture_output=True, timeout=120, check=False)


def test_cli_markdown_for_one_page_and_a_tree(tmp_path: Path) -> None:
    page = FIXTURES / "nested-lists.html"
    raw = page.read_text(encoding="utf-8")
    proc = run(page, "--format", "markdown")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode() == clean_article(raw, output="markdown") + "\n"
    out = tmp_path / "out"
    proc = run(FIXTURES, "--glob", "*.html", "-o", out, "--format", "markdown", "-q", "-j", "1")
    assert proc.returncode == 0, proc.stderr
    written = sorted(p.name for p in out.rglob("*.md"))
    assert written == sorted(p.stem + ".md" for p in PAGES)
    assert not list(out.rglob("*.txt"))


def test_cli_json_records_carry_the_metadata(tmp_path: Path) -> None:
    page = FIXTURES / "quote.html"
    proc = run(page, "--format", "json", "--no-timing")
    assert proc.returncode == 0, proc.stderr
    (record,) = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert record["metadata"]["title"] == "The mayor answers the council"
    assert record["metadata"]["date"] == "2021-04-09T17:45:00+00:00"
    assert "markdown" not in record
    proc = run(page, "--format", "markdown", "--jsonl", tmp_path / "o.jsonl", "-q")
    assert proc.returncode == 0, proc.stderr
    (record,) = [json.loads(line) for line in (tmp_path / "o.jsonl").read_text().splitlines()]
    assert record["markdown"] == clean_article(page.read_text(encoding="utf-8"), output="markdown")


# -- the documentation page -----------------------------------------------------------------------


def test_docs_page_shows_the_real_outputs() -> None:
    """docs/output-formats.md shows field-notes.html in four formats: they must be what
    the library gives today."""
    doc = (ROOT / "docs" / "output-formats.md").read_text(encoding="utf-8")
    found = re.findall(r"<!-- output: (\w+) -->\n(`{3,})\w*\n(.*?)\n\2\n", doc, re.DOTALL)
    blocks = {name: body for name, _, body in found}
    raw = (FIXTURES / "field-notes.html").read_text(encoding="utf-8")
    assert set(blocks) == {"text", "markdown", "html", "json"}
    assert blocks["text"] == clean_article(raw)
    assert blocks["html"] == clean_article(raw, output="html")
    assert blocks["markdown"] == clean_article(raw, output="markdown")
    shown = json.loads(blocks["json"])
    real = json.loads(clean_article(raw, output="json"))
    # The page shortens the long fields with "…"; the rest is shown in full.
    for key, value in shown.items():
        if isinstance(value, str) and value.endswith("…"):
            assert real[key].startswith(value[:-1]), key
        else:
            assert real[key] == value, key
    assert set(shown) == set(real)
