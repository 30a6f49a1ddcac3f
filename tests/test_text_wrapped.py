"""Hard-wrapped paragraphs on the text path (``rules/wrapped.py``): lines continued at a
fixed width score as one paragraph in the main run, each parameter pinned from both
sides on hand-built blocks."""

from __future__ import annotations

from helpers import make_doc, make_rule

from cleaner.rules.quality import MainContentRun
from cleaner.rules.wrapped import wrapped_runs


def _kept(doc) -> list[str]:
    return [b.text for b in doc.blocks if b.removal is None]


# -- hard-wrapped paragraphs -------------------------------------------------------------------

#: One paragraph of a plain-text page, wrapped at about 60 characters.
WRAPPED = [
    "The committee met on Monday to look at the plans for the new",
    "library, which would stand on the site of the old bus station",
    "and open in two years if the council agrees to pay for it in",
    "the spring, when the budget for the next year is decided.",
]


def test_wrapped_runs() -> None:
    doc = make_doc("Home", *WRAPPED, "Contact")
    assert wrapped_runs(doc.blocks, 3, 40, 100) == [(1, 5)]


def test_wrap_min_lines() -> None:
    doc = make_doc("Home", *WRAPPED[1:], "Contact")
    assert wrapped_runs(doc.blocks, 3, 40, 100) == [(1, 4)]
    assert wrapped_runs(doc.blocks, 4, 40, 100) == []


def test_wrap_min_and_max_chars() -> None:
    # Each line of WRAPPED but the last is 59 to 61 characters long.
    doc = make_doc(*WRAPPED)
    assert wrapped_runs(doc.blocks, 3, 59, 100) == [(0, 4)]
    assert wrapped_runs(doc.blocks, 3, 62, 100) == []
    assert wrapped_runs(doc.blocks, 3, 40, 61) == [(0, 4)]
    assert wrapped_runs(doc.blocks, 3, 40, 58) == []


def test_a_line_ending_a_sentence_is_not_continued() -> None:
    lines = [
        *WRAPPED[:2],
        "and open in two years if the council agrees to pay for it.",
        *WRAPPED[3:],
    ]
    doc = make_doc(*lines)
    assert wrapped_runs(doc.blocks, 3, 40, 100) == [(0, 3)]


def test_wrapped_paragraph_is_the_run() -> None:
    # Each wrapped line alone is no prose (no sentence end, 13 words); together they are
    # a paragraph, and the menu and footer lines are cut around it.
    def kept(**params: object) -> list[str]:
        doc = make_doc("Home", "News", *WRAPPED, "Contact us")
        make_rule(MainContentRun, **params).apply(doc)
        return _kept(doc)

    assert kept() == WRAPPED
    # Apart, only the last line (a sentence of 11 words) is prose: a run too short to be
    # an article (min_run_words), which cuts nothing unless the bound allows 11 words.
    assert kept(wrap_min_lines=5) == ["Home", "News", *WRAPPED, "Contact us"]
    assert kept(wrap_min_lines=5, min_run_words=11) == [WRAPPED[-1]]
    assert kept(wrap_min_chars=62, min_run_words=11) == [WRAPPED[-1]]
    assert kept(wrap_max_chars=58, min_run_words=11) == [WRAPPED[-1]]


def _runs_by_default(*lines: str) -> list[tuple[int, int]]:
    """``wrapped_runs`` with the main run's own parameter values."""
    rule = make_rule(MainContentRun)
    doc = make_doc(*lines)
    return wrapped_runs(doc.blocks, rule.wrap_min_lines, rule.wrap_min_chars, rule.wrap_max_chars)


def test_wrap_parameters_by_default() -> None:
    # Three continued lines make a paragraph, two do not (a standfirst and its byline).
    assert _runs_by_default(*WRAPPED[:3]) == [(0, 3)]
    assert _runs_by_default(*WRAPPED[:2]) == []
    # Lines of 40 characters are continued, of 39 not.
    forty = [
        "the plans for the new library were seen,",
        "and the old bus station was sold off in",
        "the end",
    ]
    assert [len(x) for x in forty[:2]] == [40, 39]
    assert _runs_by_default(forty[0], forty[0], "the end") == [(0, 3)]
    assert _runs_by_default(forty[1], forty[1], "the end") == []
    # Lines of 100 characters are continued, of 101 not.
    hundred = ("the plans for the new library " * 4)[:99] + "x"
    assert _runs_by_default(hundred, hundred, "the end") == [(0, 3)]
    assert _runs_by_default(hundred + "y", hundred + "y", "the end") == []
