"""Cost per line of the text path, beside the HTML path on the same pages.

    python benchmarks/text_speed.py                 # zyte-text and zyte/html, best of 5
    python benchmarks/text_speed.py --repeat 3 --cprofile 25
    python benchmarks/text_speed.py --repeats 200000   # plus 'short line\\n' * N

Every page of the zyte set runs through ``clean_article`` twice: as its innerText dump
(``zyte-text/<id>.txt``, ``kind="text"``) and as its HTML (``zyte/html/<id>.html.gz``,
``kind="html"``). Each page counts its fastest of ``--repeat`` runs (the one least
disturbed by other work on a shared machine). The table gives the text path's
microseconds per non-empty input line (over all pages, and the median page), the
milliseconds per page on each path and their ratio. ``--repeats N`` also times the
hostile page of N repeated short lines (issue 15: a few seconds for 200,000, repeats
removed). A diagnostic and a record, not a test: timings vary with the machine's load.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib.util
import pstats
import statistics
import sys
from pathlib import Path
from time import perf_counter

ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))
    if importlib.util.find_spec("cleaner") is None:
        sys.path.insert(0, str(ROOT / "src"))

from benchmarks import paths  # noqa: E402
from benchmarks.measure import load_html_pages, load_text_pages  # noqa: E402
from cleaner import Cleaner  # noqa: E402


def fastest(cleaner: Cleaner, page: str, kind: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = perf_counter()
        cleaner.clean(page, kind=kind)
        best = min(best, perf_counter() - start)
    return best


def lines_of(page: str) -> int:
    return sum(1 for line in page.splitlines() if line.strip())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=paths.DATA)
    ap.add_argument("--repeat", type=int, default=5, help="runs per page; the fastest counts")
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages")
    ap.add_argument("--cprofile", type=int, default=0, help="print the N costliest functions")
    ap.add_argument("--repeats", type=int, default=0, help="also time 'short line\\n' * N")
    args = ap.parse_args(argv)

    texts = load_text_pages(args.data / "zyte-text")
    htmls = load_html_pages(args.data / "zyte" / "html")
    ids = sorted(set(texts) & set(htmls))
    if args.limit:
        ids = ids[: args.limit]
    cleaner = Cleaner()
    cleaner.clean("warm up the phrase patterns.", kind="text")
    cleaner.clean("<p>warm up the HTML path.</p>", kind="html")
    text_s = html_s = 0.0
    n_lines = 0
    per_line: list[float] = []
    for pid in ids:
        t = fastest(cleaner, texts[pid], "text", args.repeat)
        h = fastest(cleaner, htmls[pid], "html", args.repeat)
        lines = max(lines_of(texts[pid]), 1)
        text_s, html_s, n_lines = text_s + t, html_s + h, n_lines + lines
        per_line.append(t / lines * 1e6)
    n = len(ids)
    print(f"zyte: {n} pages, {n_lines} text lines (best of {args.repeat} runs a page)")
    print("| path | ms/page | µs/line (all) | µs/line (median page) |")
    print("| --- | ---: | ---: | ---: |")
    print(
        f"| text | {text_s / n * 1e3:.2f} | {text_s / n_lines * 1e6:.1f} "
        f"| {statistics.median(per_line):.1f} |"
    )
    print(f"| html | {html_s / n * 1e3:.2f} | | |")
    print(f"text / html time on the same pages: {text_s / html_s:.2f}")
    if args.repeats:
        page = "short line\n" * args.repeats
        start = perf_counter()
        out = cleaner.clean(page, kind="text")
        took = perf_counter() - start
        kept = lines_of(out)
        print(f"'short line\\n' * {args.repeats}: {took:.2f} s, {kept} line(s) kept")
    if args.cprofile:
        profile = cProfile.Profile()
        profile.enable()
        for pid in ids:
            cleaner.clean(texts[pid], kind="text")
        profile.disable()
        pstats.Stats(profile).sort_stats("tottime").print_stats(args.cprofile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
