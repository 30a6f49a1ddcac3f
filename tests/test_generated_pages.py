"""Generated pages (``cleaner.testing.strategies``): how many cleaner gets exactly right.

Exactly right: the article blocks once each, in order, and nothing else but optional
lines (headline, byline, dateline, captions). Not every generated page is cleaned
exactly today, so the tests hold a measured share (a floor a little under what was
measured, so that a neutral change does not trip it; raise it when rules improve) and
keep the smallest failing pages found so far in ``fixtures/generated/``, one per
failure pattern. Those are strict xfails: the day a rule change fixes one, its test
fails as XPASS, and its ``status`` in the JSON file becomes ``"passes"``.

Refresh the numbers and the fixtures with ``python -m cleaner.testing.strategies -n 500``
(``--html``, ``--minimise fixtures/generated``); docs/pytest-plugin.md explains them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings

from cleaner import Cleaner
from cleaner.testing.strategies import GeneratedPage, clean_sample, html_pages, text_pages

GENERATED = Path(__file__).resolve().parents[1] / "fixtures" / "generated"

#: Pages drawn for a share measurement (the same pages every run: seed 0).
SAMPLE = 150
#: Measured share of pages cleaned exactly, minus a margin (see the module docstring).
#: Dev bank, 150 pages: text 82.0 %, HTML 100 % (its boilerplate written apart from
#: the phrase files since issue 15 item 7, as the held-out bank's is: with the 164
#: entries it shared with them it measured text 96.0 %, coverage rather than rules;
#: 74.0 % once they were replaced, 82.0 % with player_line, 82.7 % with share_cluster,
#: the main run past sub-headings and player messages alone; 88.0 % with site_about
#: and mail_offer, 88.7 % with player_line's state words; 1,000 pages: 83.2 % then 89.5 %);
#: 92.0 % with media_title taking the line on a stub in dumps without blank lines
#: (1,000 pages: 91.4 % before, 92.2 % after); 94.7 % once an article's sentences
#: come back to a few actors and things (strategies.CAST: a generator fix, the rules
#: unchanged; 1,000 pages 90.7 %, a different draw; 3 seeds x 500 pages 89.7 -> 90.4 %).
#: Those samples were Hypothesis' derandomised draws, which change with the source text
#: of ``clean_sample``; since session 7 the sample is drawn from an explicit seed. One
#: sample clusters near-identical pages: seed 0's 150 pages give 84.0 %, five seeds of
#: 300 pages 87.3-92.3 % (pooled 89.5 %; 89.7 % at the start of session 9). Session 9
#: (five seeds of 300 pages, pooled): 90.7 % with player_line's error message naming the
#: medium and the browser (min_media_words, media_parts), 91.4 % with consent_notice,
#: 91.9 % with share_cluster's tight bars and dense-dump edges, 92.9 % with mail_offer's
#: site or reader standing in for the channel, 93.1 % with player_line taking a line that
#: names a player's state beside a player; seed 0's 150 pages 91.3 %.
TEXT_FLOOR = 0.82
HTML_FLOOR = 0.95
#: The held-out bank (``bank="heldout"``: boilerplate no phrase file holds, see
#: tests/test_banks_heldout.py): how far the rules generalise. Measured on 150 pages:
#: text 72.0 % before player_line, 76.0 % after (issue 15's bar is 95 %), 78.7 % at the
#: start of session 6, 79.3 % with share_cluster, the main run past sub-headings and
#: player messages alone (1,000 pages: 77.7 % then 81.9 %), 86.0 % with site_about and
#: mail_offer, and with player_line's state words (1,000 pages: 80.8 % before them,
#: 87.5 % after), 89.3 % with media_title in dumps without blank lines (1,000 pages:
#: 87.8 % before, 88.5 % after), 95.3 % with articles that tell one story (CAST;
#: 1,000 pages 88.4 %; 3 seeds x 500 pages 85.8 -> 87.8 %), HTML 100 %. With an explicit
#: seed (see above): seed 0's 150 pages 85.3 %, five seeds of 300 pages 84.7-87.7 %
#: (pooled 86.0 %, issue 15's bar of 95 % not met), HTML 100 %. Session 9 (five seeds of
#: 300 pages, pooled; 86.3 % at its start): 86.8 % with player_line's min_media_words,
#: 88.0 % with consent_notice, 88.5 % with share_cluster's tight bars and dense-dump
#: edges, 89.1 % with mail_offer's stand-in, 89.9 % with player_line's state lines
#: beside a player (issue 15's bar of 95 % still not met); seed 0's 150 pages 90.7 %,
#: HTML 100 %.
#: Never tune a rule or a phrase on these pages' failures: that would make the bank a
#: second dev bank (``python -m cleaner.testing.strategies --bank heldout`` prints
#: counts only).
HELDOUT_TEXT_FLOOR = 0.83
HELDOUT_HTML_FLOOR = 0.95


def _share(strategy, cleaner: Cleaner) -> tuple[float, list[tuple[GeneratedPage, list[str]]]]:  # type: ignore[no-untyped-def]
    outcomes = clean_sample(strategy, cleaner, SAMPLE)
    exact = sum(not found for _, found in outcomes)
    return exact / len(outcomes), outcomes


def _summary(outcomes: list[tuple[GeneratedPage, list[str]]]) -> str:
    counts: dict[str, int] = {}
    for _, found in outcomes:
        for pattern in dict.fromkeys(found):
            counts[pattern] = counts.get(pattern, 0) + 1
    return "; ".join(f"{n}x {p}" for p, n in sorted(counts.items(), key=lambda kv: -kv[1]))


def test_share_of_text_pages_cleaned_exactly() -> None:
    share, outcomes = _share(text_pages(), Cleaner())
    assert len(outcomes) == SAMPLE
    assert share >= TEXT_FLOOR, f"{share:.1%} exact; failures: {_summary(outcomes)}"


def test_share_of_html_pages_cleaned_exactly() -> None:
    share, outcomes = _share(html_pages(), Cleaner())
    assert len(outcomes) == SAMPLE
    assert share >= HTML_FLOOR, f"{share:.1%} exact; failures: {_summary(outcomes)}"


def test_share_of_heldout_text_pages_cleaned_exactly() -> None:
    share, outcomes = _share(text_pages(bank="heldout"), Cleaner())
    assert len(outcomes) == SAMPLE
    assert share >= HELDOUT_TEXT_FLOOR, f"{share:.1%} exact; failures: {_summary(outcomes)}"


def test_share_of_heldout_html_pages_cleaned_exactly() -> None:
    share, outcomes = _share(html_pages(bank="heldout"), Cleaner())
    assert len(outcomes) == SAMPLE
    assert share >= HELDOUT_HTML_FLOOR, f"{share:.1%} exact; failures: {_summary(outcomes)}"


@settings(max_examples=25)
@given(text_pages(languages=["en"], kinds=["accessibility", "banner", "cookie_notice"]))
def test_english_top_chrome_never_survives(page: GeneratedPage) -> None:
    # Phrase-file boilerplate at the top of an English page: whatever happens to the
    # article, none of it may be left in.
    out = Cleaner().clean(page.raw, kind="text")
    assert not [p for p in page.problems(out) if p.startswith("kept")]


@settings(max_examples=25)
@given(html_pages(max_kinds=4))
def test_html_output_lines_come_from_the_page(page: GeneratedPage) -> None:
    out = Cleaner().clean(page.raw, kind="html")
    known = {*page.article, *page.optional, *(line for _, line in page.boilerplate)}
    for line in filter(None, (" ".join(p.split()) for p in out.splitlines())):
        assert line in known or any(line in k for k in known), line


# -- the smallest failing pages found so far ----------------------------------------------


def _fixture_params() -> list[object]:
    params: list[object] = []
    for path in sorted(GENERATED.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        marks = []
        if record["status"] == "fails":
            marks.append(pytest.mark.xfail(strict=True, reason=record["why"] or record["pattern"]))
        params.append(pytest.param(path, marks=marks, id=path.stem))
    return params


@pytest.mark.parametrize("path", _fixture_params())
def test_generated_fixture(path: Path) -> None:
    record = json.loads(path.read_text(encoding="utf-8"))
    page = GeneratedPage.from_dict(record)
    result = Cleaner().explain(page.raw, kind=page.input_kind)
    assert page.problems(result.text) == [], page.failure_patterns(result)


def test_generated_fixtures_are_well_formed() -> None:
    paths = sorted(GENERATED.glob("*.json"))
    assert paths, "fixtures/generated/ holds the minimised failures"
    for path in paths:
        record = json.loads(path.read_text(encoding="utf-8"))
        assert record["status"] in ("fails", "passes"), path.name
        assert record["pattern"] and record["why"], path.name
        page = GeneratedPage.from_dict(record)
        # The page is right about its own article.
        assert page.problems(page.expected) == [], path.name
