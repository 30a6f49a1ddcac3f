"""Hostile shapes of issue 17: bounded time whatever the tag, the attribute count or
the nesting of article and menu markers.

Every row of the issue's table as it was measured (``ISSUE_ROWS``), and each family at
1, 2 and 4 MB: a page of 2 MB or less cleans well under a generous bound (the target is
2 s on a quiet machine), and time is linear in the size (at most eight-fold for a
four-fold input, the fastest of two runs each, as in test_hostile_size). The two
largest rows also have their peak memory measured, in a fresh process.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from benchmark_pages import BENCHMARKS
from hostile_common import collector_paused

from cleaner import clean_and_explain, clean_article
from cleaner.frontends.html import MAX_NESTING
from cleaner.frontends.html.parse import MAX_ATTRIBUTES, cap_attributes, limit_nesting

PARAGRAPH = (
    "<p>The council voted on Tuesday to extend the program for another year, after a "
    "long debate in which members weighed its cost against the number of families.</p>"
)
MB = 1_000_000
#: Seconds a hostile page of 2 MB or less may take at most here: a guard against a
#: hang or a blow-up, not a speed figure. The target (2 s on a quiet machine) is
#: measured by ``benchmarks/scaling.py`` and written in docs/limits.md; tests on a
#: loaded shared machine cannot hold a figure that tight.
BOUND_2MB = 20.0
#: Peak memory of a clean, the input included, over the input's size: the issue's
#: bound (about 20 times). Each row below also has its own, a margin over what it
#: measures (docs/limits.md), so that a copy too many fails before the bound does: a
#: rule counting a 4 MB paragraph's words with ``split()`` took it from 11 to 19.5 times.
MAX_PEAK_X_INPUT = 20.0
ROOT = Path(__file__).resolve().parent.parent
#: The short text lines of the largest rows are the zyte-text dumps, joined.
ZYTE_TEXT = BENCHMARKS / "zyte-text"


def nested(start: str, end: str) -> Callable[[int], str]:
    def make(size: int) -> str:
        depth = max((size - 4 * len(PARAGRAPH)) // len(start + end), 1)
        return "<html><body>" + start * depth + PARAGRAPH * 4 + end * depth

    return make


def attributes(size: int) -> str:
    attrs = " ".join(f'a{i}="v"' for i in range(size // len(' a10000="v"')))
    return f"<html><body><p {attrs}>" + PARAGRAPH[3:]


def paragraph(size: int) -> str:
    return "<html><body><p>" + "word and more words, " * (size // 21) + "</p>"


FAMILIES: dict[str, Callable[[int], str]] = {
    "attributes": attributes,
    "address": nested("<address>", "</address>"),
    "dl": nested("<dl>", "</dl>"),
    "article": nested("<article>", "</article>"),
    "role-article": nested('<div role="article">', "</div>"),
    "role-article-unknown-tag": nested('<x-a role="article">', "</x-a>"),
    "menu": nested('<div class="menu">', "</div>"),
    "unknown": nested("<x-foo>", "</x-foo>"),
    "unclosed-unknown": nested("<x>", ""),
    "paragraph": paragraph,
}


def fastest(page: str, runs: int = 2) -> float:
    """The fewest CPU seconds of ``runs`` cleans: on a busy shared machine the wall
    clock also counts the waits for a core (a 4 MB run once took 11.6 times the 1 MB
    one that way), which are not the cleaner's."""
    times = []
    for _ in range(runs):
        with collector_paused():
            start = time.process_time()
            clean_and_explain(page, kind="html")
            times.append(time.process_time() - start)
    return min(times)


@pytest.mark.parametrize("family", FAMILIES)
def test_each_hostile_family_at_one_two_and_four_megabytes(family: str) -> None:
    make = FAMILIES[family]
    t_one, t_two = fastest(make(MB)), fastest(make(2 * MB), runs=1)
    t_four = fastest(make(4 * MB))
    assert t_one < BOUND_2MB and t_two < BOUND_2MB, (
        f"{family}: 1 MB took {t_one:.2f}s, 2 MB {t_two:.2f}s"
    )
    assert t_four <= 8 * t_one + 0.05, (
        f"{family}: 4 MB took {t_four:.3f}s, {t_four / max(t_one, 1e-9):.1f}x the "
        f"{t_one:.3f}s of 1 MB: worse than linear"
    )


#: The rows of issue 17's table, as measured there (88 s, 88 s, 153 s, 69 s, 2 GB and
#: 1.5 GB then).
ISSUE_ROWS: dict[str, Callable[[], str]] = {
    "100k attributes on one p (1.4 MB)": lambda: (
        "<p " + " ".join(f'a{i}="v"' for i in range(100_000)) + ">" + PARAGRAPH[3:]
    ),
    "address nested 128k deep (1.15 MB)": lambda: "<address>" * 131_072 + PARAGRAPH,
    "dl nested 128k deep": lambda: "<dl>" * 131_072 + PARAGRAPH,
    "role=article nested 64k deep (1 MB)": lambda: '<div role="article">' * 65_536 + PARAGRAPH,
    "class=menu nested 64k deep (0.9 MB)": lambda: '<div class="menu">' * 65_536 + PARAGRAPH,
}


@pytest.mark.parametrize("row", ISSUE_ROWS)
def test_each_row_of_the_issue_table_cleans_quickly(row: str) -> None:
    page = ISSUE_ROWS[row]()
    assert len(page.encode("utf-8")) <= 2 * MB
    start = time.perf_counter()
    text = clean_article(page, kind="html")
    took = time.perf_counter() - start
    assert took < BOUND_2MB, f"{row}: {took:.2f}s"
    assert "The council voted on Tuesday" in text


@pytest.mark.parametrize(
    ("family", "megabytes", "seconds", "peak_x_input"),
    [
        # An unknown tag nested 2M deep: 6 MB (measured 7.3 times).
        ("unclosed-unknown", 6, 30.0, 11.0),
        # One 49 MB paragraph, as HTML and as text (measured 9 and 6 times).
        ("paragraph", 49, 120.0, 14.0),
        ("text-paragraph", 49, 120.0, 11.0),
        # 2 MB of short text lines, 41,000 blocks (measured 17.1-17.2 times).
        ("text", 2, 60.0, MAX_PEAK_X_INPUT),
    ],
)
def test_the_largest_rows_and_many_short_lines_in_bounded_memory(
    family: str, megabytes: int, seconds: float, peak_x_input: float
) -> None:
    """Cleaned in a fresh process (``benchmarks/scaling.py``, which measures the peak
    memory of the cleaning alone, the input included)."""
    script = ROOT / "benchmarks" / "scaling.py"
    if family == "text" and not any(ZYTE_TEXT.glob("*.txt")):
        pytest.skip(f"the short lines are the zyte-text dumps; none under {ZYTE_TEXT}")
    done = subprocess.run(
        [sys.executable, str(script), "--child", family, str(megabytes)],
        capture_output=True,
        text=True,
        timeout=10 * seconds,
        check=True,
    )
    row = json.loads(done.stdout.strip().splitlines()[-1])
    assert "error" not in row, row
    assert row["kept"] >= 1
    assert row["seconds"] < seconds, row
    if "peak_x_input" in row:  # Linux: the high-water mark can be reset
        assert row["peak_x_input"] <= min(peak_x_input, MAX_PEAK_X_INPUT), row


@pytest.mark.parametrize("family", [f for f in FAMILIES if f not in ("attributes", "paragraph")])
def test_the_text_inside_deep_nesting_is_kept(family: str) -> None:
    assert "The council voted on Tuesday" in clean_article(FAMILIES[family](MB // 4))


def test_nesting_is_limited_for_every_tag() -> None:
    for tag in ("x-foo", "address", "dl", "custom", "section"):
        page = f"<body><{tag}>" * 5000 + "deep words" + f"</{tag}>" * 5000
        flat = limit_nesting(page)
        assert flat.count(f"<{tag}>") == MAX_NESTING
        assert "deep words" in flat


def test_stray_end_tags_do_not_hide_depth() -> None:
    page = "<body>" + "<x-foo></div>" * 5000 + "deep words"
    assert limit_nesting(page).count("<x-foo>") == MAX_NESTING


def test_void_and_self_closed_elements_are_not_depth() -> None:
    page = "<body>" + "<br><img src=a><hr/><svg><path/></svg>" * 2000 + "<p>x</p>"
    assert limit_nesting(page) == page


def test_a_start_tag_keeps_its_first_attributes() -> None:
    many = " ".join(f'a{i}="v"' for i in range(1000))
    page = f"<p {many}>text</p>"
    capped = cap_attributes(page)
    assert capped.count("=") == MAX_ATTRIBUTES
    assert capped.endswith(">text</p>") and 'a255="v"' in capped and "a256" not in capped
    few = '<img src="data:image/png;base64,' + "A" * 5000 + '" alt="x">'
    assert cap_attributes(few) == few  # a long tag with few attributes is kept whole
    assert clean_article(f"<p {many}>Hello there.</p>", kind="html") == "Hello there."
