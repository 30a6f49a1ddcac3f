"""Measurements: quality against ground truth, interleaved speed, peak memory, leak check.

Only the extraction call is timed; pages are decompressed and decoded beforehand. A peer
that raises on a page gets an empty output for that page (counted as an error).
"""

from __future__ import annotations

import gc
import gzip
import json
import os
import statistics
import sys
import tracemalloc
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter

from benchmarks.metric import PageScore, Summary, score_page, summarise
from benchmarks.peers import Extractor
from benchmarks.sets import half_of

MiB = 1024 * 1024


# --- data --------------------------------------------------------------------------------


def load_truth(path: Path) -> dict[str, str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {key: entry["articleBody"] for key, entry in data.items()}


def load_html_pages(directory: Path) -> dict[str, str]:
    """``<id>.html.gz`` -> decoded text, all in memory."""
    pages = {}
    for path in sorted(directory.glob("*.html.gz")):
        key = path.name[: -len(".html.gz")]
        pages[key] = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
    return pages


def load_text_pages(directory: Path) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(directory.glob("*.txt"))}


# --- quality -----------------------------------------------------------------------------


@dataclass(frozen=True)
class QualityRow:
    extractor: Extractor
    summary: Summary  # over all the pages scored
    docs_per_s: float  # one pass, not interleaved: indicative only
    empty: int  # pages with an empty output
    errors: int  # pages on which the extractor raised
    error_samples: tuple[str, ...] = ()  # "<page id>: <exception>", the first few
    #: Per half (sets.HALVES) among the pages scored: the summary and the empty outputs.
    by_half: dict[str, Summary] = field(default_factory=dict)
    empty_by_half: dict[str, int] = field(default_factory=dict)


def safe_call(extractor: Extractor, page: str) -> tuple[str, str | None]:
    """The extractor's output and ``None``, or ``""`` and what went wrong."""
    try:
        out = extractor.extract(page)
    except Exception as exc:
        return "", f"{type(exc).__name__}: {exc}"[:200]
    if not isinstance(out, str):
        return "", f"returned {type(out).__name__}, not str"
    return out, None


def run_quality(
    extractors: list[Extractor], docs: dict[str, str], truth: dict[str, str], log=None
) -> list[QualityRow]:
    rows = []
    keys = sorted(truth)
    for ex in extractors:
        if log:
            log(f"quality: {ex.label}")
        inputs = {k: ex.prepare(docs.get(k, "")) if ex.prepare else docs.get(k, "") for k in keys}
        elapsed, failures = 0.0, []
        scores: dict[str, list[PageScore]] = {}
        empties: dict[str, int] = {}
        for key in keys:
            start = perf_counter()
            out, error = safe_call(ex, inputs[key])
            elapsed += perf_counter() - start
            if error:
                failures.append(f"{key}: {error}")
            half = half_of(key)
            empties[half] = empties.get(half, 0) + (not out.strip())
            scores.setdefault(half, []).append(score_page(out, truth[key]))
        rate = len(keys) / elapsed if elapsed else float("inf")
        every = [score for half in sorted(scores) for score in scores[half]]
        rows.append(
            QualityRow(
                ex,
                summarise(every),
                rate,
                sum(empties.values()),
                len(failures),
                tuple(failures[:5]),
                {half: summarise(part) for half, part in scores.items()},
                empties,
            )
        )
    return rows


# --- speed -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SpeedRow:
    extractor: Extractor
    input_name: str  # "html" or "text"
    per_pass: tuple[float, ...]  # docs/s of each pass
    errors: int

    @property
    def median(self) -> float:
        return statistics.median(self.per_pass)


def run_speed(
    runs: list[tuple[Extractor, str, dict[str, str]]], passes: int, log=None
) -> list[SpeedRow]:
    """Time each (extractor, input name, docs) over ``passes`` passes, interleaved page by page.

    All doc sets must share their keys. The extractor order rotates from page to page so
    that no extractor always runs right after another (cache and GC effects even out).
    """
    keys = sorted(runs[0][2])
    prepared = [
        {k: ex.prepare(docs[k]) if ex.prepare else docs[k] for k in keys} for ex, _, docs in runs
    ]
    # Warm-up: lazy imports and model loading stay out of the timings.
    for (ex, _, _), inputs in zip(runs, prepared, strict=True):
        safe_call(ex, inputs[keys[0]])
    totals = [[0.0] * passes for _ in runs]
    errors = [0] * len(runs)
    n = len(runs)
    for p in range(passes):
        if log:
            log(f"speed: pass {p + 1}/{passes}")
        for i, key in enumerate(keys):
            shift = (p * len(keys) + i) % n
            for j in [*range(shift, n), *range(shift)]:
                ex, page = runs[j][0], prepared[j][key]
                start = perf_counter()
                try:
                    ex.extract(page)
                except Exception:
                    errors[j] += 1
                totals[j][p] += perf_counter() - start
    return [
        SpeedRow(ex, name, tuple(len(keys) / t for t in totals[j]), errors[j] // passes)
        for j, (ex, name, _) in enumerate(runs)
    ]


# --- memory ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PeakRow:
    extractor: Extractor
    input_name: str
    baseline: float  # MiB resident after imports, loading the pages and one warm-up call
    peak: float  # MiB, peak resident during one pass over all pages
    exact: bool  # False where the peak could not be reset after loading (not Linux)

    @property
    def extra(self) -> float:
        return self.peak - self.baseline


def probe_peak_rss(ex: Extractor, docs: dict[str, str]) -> tuple[float, float, bool]:
    """Baseline and peak RSS of one pass; run in a fresh process (see run.py).

    RSS, unlike tracemalloc, also sees what C extensions (lxml, Lexbor) allocate.
    """
    inputs = [ex.prepare(d) if ex.prepare else d for d in docs.values()]
    safe_call(ex, inputs[0])
    gc.collect()
    baseline = rss_mib()
    exact = reset_peak_rss()
    for page in inputs:
        safe_call(ex, page)
    return baseline, peak_rss_mib(), exact


def reset_peak_rss() -> bool:
    """Reset the kernel's high-water mark of this process (Linux), so loading is not counted."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        return False
    return True


def peak_rss_mib() -> float:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return max_rss_mib()


def rss_mib() -> float:
    """Current resident set size; falls back to the peak where /proc is missing."""
    try:
        with open("/proc/self/statm") as f:
            resident = int(f.read().split()[1])
        return resident * os.sysconf("SC_PAGE_SIZE") / MiB
    except (OSError, ValueError, IndexError):
        return max_rss_mib()


def max_rss_mib() -> float:
    import resource  # not on Windows; only reached where /proc is missing or for the report

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / MiB if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


@dataclass(frozen=True)
class LeakCheck:
    extractor: Extractor
    input_name: str
    traced: tuple[float, ...] = field(default=())  # MiB held by Python after each pass
    rss: tuple[float, ...] = field(default=())  # MiB resident after each pass
    #: Source lines holding more memory after the last pass than after the first.
    growth_sites: tuple[str, ...] = field(default=())


def leak_check(ex: Extractor, name: str, docs: dict[str, str], passes: int, log=None) -> LeakCheck:
    """Run ``passes`` passes over all docs; after each, collect garbage and record memory."""
    inputs = [ex.prepare(d) if ex.prepare else d for d in docs.values()]
    traced, rss = [], []
    first = last = None
    gc.collect()
    tracemalloc.start()
    try:
        for p in range(passes):
            if log:
                log(f"leak check: pass {p + 1}/{passes}")
            for page in inputs:
                safe_call(ex, page)
            gc.collect()
            traced.append(tracemalloc.get_traced_memory()[0] / MiB)
            rss.append(rss_mib())
            if p in (0, passes - 1):
                last = tracemalloc.take_snapshot()
                first = first or last
    finally:
        tracemalloc.stop()
    return LeakCheck(ex, name, tuple(traced), tuple(rss), _growth_sites(first, last))


def _growth_sites(first, last, top: int = 5) -> tuple[str, ...]:
    if first is None or last is None or first is last:
        return ()
    # The measuring itself (this module's lists, tracemalloc) is not the extractor's doing.
    ignore = [tracemalloc.Filter(False, f) for f in (tracemalloc.__file__, __file__)]
    diffs = last.filter_traces(ignore).compare_to(first.filter_traces(ignore), "lineno")
    return tuple(
        f"{d.traceback[0].filename}:{d.traceback[0].lineno} "
        f"{d.size_diff / 1024:+.1f} KiB ({d.count_diff:+d} blocks)"
        for d in diffs[:top]
        if d.size_diff > 0
    )
