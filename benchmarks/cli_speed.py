"""Speed of the ``cleaner`` command against the library called in a loop.

    python benchmarks/cli_speed.py                 # the 181 Zyte benchmark pages
    python benchmarks/cli_speed.py --pages DIR --repeat 5

Prints documents per second for: the library in a loop (one ``Cleaner``, each page read
and gunzipped, then cleaned), and the command with ``-j 1`` and ``-j 2`` writing a
mirror tree (wall time of the whole command, start-up included), with the CPU
seconds spent (on a loaded machine CPU time shows the overhead better than wall time).
Each figure is the best of ``--repeat`` runs. Without the HTML front-end it falls back
to the text dumps.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import cleaner

SHARED = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"
HTML_PAGES = SHARED / "zyte" / "html"
TEXT_PAGES = SHARED / "zyte-text"


def _read(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def library_loop(files: list[Path]) -> tuple[float, float]:
    """Wall and CPU seconds of cleaning every page in this process."""
    engine = cleaner.Cleaner()
    start, cpu = time.perf_counter(), time.process_time()
    for path in files:
        engine.clean(_read(path))
    return time.perf_counter() - start, time.process_time() - cpu


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def command(folder: Path, jobs: int, outdir: Path) -> tuple[float, float]:
    """Wall and CPU seconds (the command and its workers) of one run of the command."""
    args = [sys.executable, "-m", "cleaner", str(folder), "-o", str(outdir), "-q", "-j", str(jobs)]
    start, cpu = time.perf_counter(), _children_cpu()
    proc = subprocess.run(args, capture_output=True, stdin=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"cleaner failed: {proc.stderr.decode()}")
    return elapsed, _children_cpu() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, help="folder of pages (default: the Zyte pages)")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    args = parser.parse_args()

    folder = args.pages
    if folder is None:
        has_html = importlib.util.find_spec("cleaner.frontends.html") is not None
        folder = HTML_PAGES if has_html else TEXT_PAGES
        if not has_html:
            print("note: no HTML front-end yet; measuring the text dumps instead")
    files = sorted(p for p in folder.iterdir() if p.name.endswith((".html.gz", ".txt", ".html")))
    files = [p for p in files if p.name != "README.md"]
    n = len(files)
    print(f"{n} pages from {folder}")

    rows: list[tuple[str, tuple[float, float]]] = []
    rows.append(("library loop", min(library_loop(files) for _ in range(args.repeat))))
    with tempfile.TemporaryDirectory() as tmp:
        for jobs in (1, 2):
            runs = [command(folder, jobs, Path(tmp) / f"j{jobs}-{i}") for i in range(args.repeat)]
            rows.append((f"cleaner -j {jobs}", min(runs)))
    base = n / rows[0][1][0]
    print(f"{'mode':<16} {'seconds':>8} {'docs/s':>8} {'vs library':>10} {'CPU s':>7}")
    for name, (seconds, cpu) in rows:
        rate = n / seconds
        print(f"{name:<16} {seconds:8.2f} {rate:8.1f} {rate / base:9.2f}x {cpu:7.2f}")
    print("(best of", args.repeat, "runs; the command's time includes its start-up)")


if __name__ == "__main__":
    main()
