"""The compiled twins of the main content run's loops (``_crunscore.pxi``) give what
the Python ones give: each line's score and the stretch whose scores sum highest
(``rules/run_scores.py``, down to the float), hard-wrapped paragraphs
(``wrapped.wrapped_runs``) and the openings of term/value pairs (``list_pairs``)."""

from __future__ import annotations

from helpers import PROSE, _cwalk, make_doc, needs_extension
from hypothesis import given
from hypothesis import strategies as st

from cleaner.config import Config
from cleaner.rules import list_pairs, wrapped
from cleaner.rules.run_scores import py_max_run, py_run_scores

_LINES = st.sampled_from(
    [
        *PROSE,
        "Home | News | Sport",
        "Share on Facebook",
        "What happens next?",
        "Ingredients",
        "200 g of flour and a pinch of salt",
        "a list item with some of the words",
        "The Best Ten Teaser Headlines Of The Week",
        "1. The first item of the list",
        "© 2024 The Daily Paper",
        "",
        "12 345 678",
        "Weight",
        "4.9 kg",
        "Material",
        "Cast iron, steel knob",
        "Sort: date",
        "and open in two years if the council agrees to pay for it in the",
        "The committee met on Monday to look at the plans for the new,",
        "library, which would stand on the site of the old bus station",
        "Ends with a hyphen and is long enough to be a wrapped line of text -",
    ]
)


def _twin_scores(doc, prose, cfg, *bounds):
    kept = list(doc.blocks)
    gap = float(cfg.run_gap_penalty)
    return _cwalk.rs_run_scores(
        kept,
        prose,
        cfg.run_chars_per_word,
        cfg.run_block_cost,
        gap,
        gap * cfg.run_list_item_penalty_share,
        gap * cfg.run_heading_penalty_share,
        cfg.list_item_min_words,
        *bounds,
    )


@needs_extension
@given(st.lists(_LINES, max_size=24), st.sampled_from([(0.5, 12, 0.5), (0.2, 3, 0.9), (1, 0, 0)]))
def test_scores_twin(lines: list[str], bounds: tuple[float, int, float]) -> None:
    doc = make_doc(*lines)
    cfg = Config()
    prose = doc.prose_chars()
    expected = py_run_scores(doc.blocks, prose, cfg, *bounds)
    got = _twin_scores(doc, prose, cfg, *bounds)
    assert got == expected
    assert all(type(x) is float for x in got)


_SCORES = st.lists(
    st.one_of(
        st.sampled_from([-60.0, -30.0, -15.0, 0.0, 6.0, 0.1, -0.1]),
        st.floats(-500, 500, allow_nan=False),
    ),
    max_size=40,
)


@needs_extension
@given(_SCORES)
def test_max_run_twin(scores: list[float]) -> None:
    assert _cwalk.rs_max_run(scores) == py_max_run(scores)


def test_max_run() -> None:
    assert py_max_run([-1.0, 2.0, -1.0, 3.0, -9.0, 1.0]) == (1, 3, 4.0)
    assert py_max_run([-3.0, -1.0, -2.0]) == (1, 1, -1.0)
    assert py_max_run([]) == (0, 0, float("-inf"))


@needs_extension
@given(st.lists(_LINES, max_size=24), st.sampled_from([(3, 40, 100), (0, 0, 10), (2, 10, 60)]))
def test_wrapped_runs_twin(lines: list[str], bounds: tuple[int, int, int]) -> None:
    blocks = make_doc(*lines).blocks
    match = wrapped._LOWER_WORD.match
    assert _cwalk.rs_wrapped_runs(blocks, *bounds, match) == wrapped._py_wrapped_runs(
        blocks, *bounds
    )


@needs_extension
@given(st.lists(_LINES, max_size=24), st.sampled_from([(3, 12), (1, 1), (0, 30)]))
def test_pair_starts_twin(lines: list[str], bounds: tuple[int, int]) -> None:
    blocks = make_doc(*lines).blocks
    assert _cwalk.rs_pair_starts(blocks, *bounds) == list_pairs._pair_starts(blocks, *bounds)
