"""What the hostile-input tests share: a small article, running and timing a clean
(only typed errors may come out), and the growth allowed for linear time."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from cleaner import (
    CleanerError,
    Result,
    clean_and_explain,
)

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
ZYTE_HTML = SHARED / "benchmarks" / "zyte" / "html"
SEED = SHARED / "seed" / "rferl-kazakhstan.txt"

PROSE = (
    "The council voted on Tuesday to extend the program for another year, after a long "
    "debate in which members weighed its cost against the number of families it helped.",
    "Supporters said the money had been well spent and pointed to a report that found "
    "waiting times at the city's clinics had fallen by almost a third since it began.",
    "Critics argued that the figures were too early to judge and that the council should "
    "have asked for an independent review before committing more of the city's funds.",
)
ARTICLE_TEXT = "\n\n".join(PROSE)
ARTICLE_HTML = (
    "<!doctype html><html><head><title>Council</title></head><body><nav><a href='/'>Home"
    "</a></nav><article><h1>Council extends program</h1>"
    + "".join(f"<p>{p}</p>" for p in PROSE)
    + "</article><footer>© 2024 City News</footer></body></html>"
)

#: Growth allowed when the input grows four times (see the module docstring), and an
#: additive allowance (seconds) that absorbs timer noise on small measurements.
MAX_GROWTH = 8.0
NOISE = 0.05


def run(raw: object, **options: object) -> Result | CleanerError:
    """The result, or the typed error; anything else propagates and fails the test."""
    try:
        return clean_and_explain(raw, **options)  # type: ignore[arg-type]
    except CleanerError as exc:
        return exc


def elapsed(raw: object, **options: object) -> float:
    """CPU seconds of this process: on a shared machine, the time spent waiting for a
    core is not the cleaner's, and the wall clock of a busy machine would count it."""
    with collector_paused():
        start = time.process_time()
        run(raw, **options)
        return time.process_time() - start


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic collector off while a ratio is timed: its full passes scan every
    object of the process, and the test process holds the whole suite's (a 100,000-line
    page once took 10 times its 25,000-line quarter that way, 5 times without it)."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def assert_linear(make: Callable[[int], str | bytes], n: int, **options: object) -> None:
    small, big = make(n), make(4 * n)
    # The fastest of a few runs each: a shared machine's stalls only ever add time
    # (caches shared with other work slow the CPU too).
    t_small = min(elapsed(small, **options) for _ in range(3))
    t_big = min(elapsed(big, **options) for _ in range(3))
    assert t_big <= MAX_GROWTH * t_small + NOISE, (
        f"{len(big)} chars took {t_big:.3f}s, {t_big / max(t_small, 1e-9):.1f}x the "
        f"{t_small:.3f}s of {len(small)} chars: worse than linear"
    )


def kept_lines_come_from(result: Result, source: str) -> None:
    """Text-path invariant: every kept block is a stripped line of the input, in order."""
    lines = [line.strip() for line in source.splitlines() if line.strip()]
    position = 0
    for block in result.kept:
        position = lines.index(block.text, position) + 1
