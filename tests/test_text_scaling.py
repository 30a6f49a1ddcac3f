"""The text path stays linear in its input, and a line printed over and over goes
(issue 15, item 6).

Ratios, not timings: each case is cleaned at two sizes, four-fold apart, the fastest of
two runs each, and the larger may take at most eight times the smaller (as in
test_hostile_scaling). The figures per line are measured by
``benchmarks/text_speed.py``, not here.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from hostile_common import collector_paused

from cleaner import Cleaner

CLEANER = Cleaner()


def repeated(n: int) -> str:
    return "short line\n" * n


def distinct(n: int) -> str:
    # Every line its own: menus, numbers, short sentences (nothing repeats).
    kinds = ("Menu entry {i}", "{i} comments", "The council met on day {i} to vote.", "")
    return "\n".join(kinds[i % len(kinds)].format(i=i) for i in range(n))


def paragraphs(n: int) -> str:
    # Long prose lines, each a little different.
    text = (
        "The council voted on day {i} to extend the program for another year, after a long "
        "debate in which members weighed its cost against the number of families it helped."
    )
    return "\n\n".join(text.format(i=i) for i in range(n))


CASES: dict[str, tuple[Callable[[int], str], int]] = {
    "repeated short line": (repeated, 25_000),
    "distinct lines": (distinct, 5_000),
    "paragraphs": (paragraphs, 1_200),
}


def fastest(page: str) -> float:
    times = []
    for _ in range(2):
        # CPU seconds: a busy shared machine's waits for a core are not the cleaner's.
        with collector_paused():
            start = time.process_time()
            CLEANER.clean(page, kind="text")
            times.append(time.process_time() - start)
    return min(times)


@pytest.mark.parametrize("case", CASES)
def test_text_time_is_linear_in_the_lines(case: str) -> None:
    make, small = CASES[case]
    t_small, t_big = fastest(make(small)), fastest(make(4 * small))
    assert t_big <= 8 * t_small + 0.05, (
        f"{case}: {4 * small} lines took {t_big:.3f}s, {t_big / max(t_small, 1e-9):.1f}x the "
        f"{t_small:.3f}s of {small}: worse than linear"
    )


def test_a_line_printed_over_and_over_comes_out_once() -> None:
    assert CLEANER.clean(repeated(200_000), kind="text") == "short line"
