"""The confidence signal (issue 15, item 5): ``Result.confidence`` and ``weak_reasons``,
in the JSON output and the explain report."""

from __future__ import annotations

import json

from helpers import PROSE

from cleaner import clean_and_explain, clean_article
from cleaner.tools.report import explain_html

ARTICLE = "\n\n".join(["Home", "News", *PROSE, "Privacy policy"])
# Two stretches of prose of about the same weight, a box of short notes between them.
NOTES = [f"Call desk {i} today." for i in range(6)]
RIVALS = "\n\n".join(["Home", *PROSE[:2], *NOTES, *PROSE[2:]])


def test_a_plain_article_is_a_confident_decision() -> None:
    result = clean_and_explain(ARTICLE)
    assert result.confidence == 1.0
    assert result.weak_reasons == ()


def test_two_runs_of_similar_weight_make_a_weak_decision() -> None:
    result = clean_and_explain(RIVALS)
    assert result.confidence is not None and result.confidence < 0.5
    assert any("another run" in reason for reason in result.weak_reasons)


def test_no_prose_is_no_decision() -> None:
    result = clean_and_explain("Home\nNews\nSport\nWeather")
    assert result.confidence == 0.0
    assert result.weak_reasons


def test_html_is_not_judged() -> None:
    result = clean_and_explain("<html><body><p>" + PROSE[0] + "</p></body></html>")
    assert result.confidence is None
    assert result.weak_reasons == ()


def test_json_and_report_show_it() -> None:
    doc = json.loads(clean_article(RIVALS, output="json"))
    assert doc["confidence"] < 0.5 and doc["weak_reasons"]
    page = explain_html(clean_and_explain(RIVALS))
    assert "confidence" in page and "weak:" in page
