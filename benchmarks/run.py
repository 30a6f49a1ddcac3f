"""Benchmark cleaner against its peers on every set under the data dir, both tracks.

    python benchmarks/run.py                     # every set, both tracks, every peer
    python benchmarks/run.py --sets zyte,portals --track html --half dev
    python benchmarks/run.py --cleaner-only --save before.json   # fast: cleaner alone
    python benchmarks/run.py --cleaner-only --compare before.json  # deltas per set and half
    python benchmarks/run.py --speed             # zyte: docs/s, ratios, peak memory, leaks
    python benchmarks/run.py --write-docs [--no-speed]  # all of it into docs/benchmarks.md

Peers are optional: ``pip install .[bench]``; missing ones are skipped with a note. This is
a benchmark, not a test: it prints figures and judges nothing. Progress goes to stderr,
the markdown tables to stdout.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import subprocess
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script: make `benchmarks` (and an uninstalled src) importable.
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))
    if importlib.util.find_spec("cleaner") is None:
        sys.path.insert(0, str(ROOT / "src"))

from benchmarks import compare, measure, paths, peers, report, sets  # noqa: E402
from benchmarks.peers import Extractor  # noqa: E402
from benchmarks.tables import SetResult  # noqa: E402

DEFAULT_DATA = paths.DATA


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--track",
        action="append",
        choices=("text", "html"),
        help="quality track(s) to run; repeatable (default with no other action: both)",
    )
    ap.add_argument("--sets", help="comma-separated set names (default: every set found)")
    ap.add_argument(
        "--half",
        choices=("dev", "held-out", "all"),
        default="all",
        help="score only this half of each set (default all: both halves and all pages)",
    )
    ap.add_argument(
        "--cleaner-only",
        action="store_true",
        help="quality of cleaner alone (no peers, floor or baselines): the fast check",
    )
    ap.add_argument("--save", type=Path, help="save the quality scores as JSON to this file")
    ap.add_argument("--compare", type=Path, help="print cleaner's deltas against a --save file")
    ap.add_argument("--speed", action="store_true", help="interleaved speed, memory, leak check")
    ap.add_argument("--passes", type=int, default=5, help="speed passes over all pages (5)")
    ap.add_argument("--leak-passes", type=int, default=10, help="leak-check passes (10)")
    ap.add_argument(
        "--all-peers",
        action="store_true",
        help="time every installed peer in the speed run, not only trafilatura and the floor",
    )
    ap.add_argument(
        "--peers", help=f"comma-separated peer keys to run (of: {', '.join(peers.HTML_PEERS)})"
    )
    ap.add_argument(
        "--write-docs",
        action="store_true",
        help="run both tracks and the speed run with all peers, then write docs/benchmarks.md "
        "and docs/benchmark.png",
    )
    ap.add_argument(
        "--no-speed",
        action="store_true",
        help="with --write-docs: skip the speed run, keep the page's speed section and plot",
    )
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"data dir ({DEFAULT_DATA})")
    ap.add_argument(
        "--docs-dir", type=Path, default=ROOT / "docs", help="output dir of --write-docs"
    )
    # Internal: the parent runs each memory measurement in a fresh process with this.
    ap.add_argument("--memory-probe", metavar="KEY:INPUT", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.passes < 1 or args.leak_passes < 0:
        ap.error("--passes must be >= 1 and --leak-passes >= 0")
    unknown = set(args.peers.split(",")) - set(peers.HTML_PEERS) if args.peers else set()
    if unknown:
        ap.error(f"unknown peer keys: {sorted(unknown)}")
    if args.write_docs:
        if args.cleaner_only or args.half != "all" or args.sets:
            ap.error("--write-docs measures every set, half and peer")
        args.track, args.speed, args.all_peers = ["text", "html"], not args.no_speed, True
    elif not args.track and not args.speed:
        args.track = ["text", "html"]
    args.track = args.track or []
    return args


def quiet_peers() -> None:
    """Peers log and warn per page (trafilatura, readability); that is noise here."""
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")


def resolve(key: str, input_name: str) -> Extractor | None:
    """The extractor called ``key`` for ``input_name`` ("html" or "text"), if available."""
    if key == "cleaner":
        return (peers.cleaner_html() if input_name == "html" else peers.cleaner_text())[0]
    if key == "floor":
        return peers.floor()[0]
    found, _ = peers.load_html_peers({key})
    return found[0] if found else None


def memory_probe(spec: str, data: Path) -> int:
    """Child process: print ``{"baseline": MiB, "peak": MiB, "exact": bool}`` for one pass."""
    key, _, input_name = spec.partition(":")
    extractor = resolve(key, input_name)
    if extractor is None:
        print(json.dumps({"error": f"{key} unavailable"}))
        return 1
    if input_name == "html":
        docs = measure.load_html_pages(data / "zyte" / "html")
    else:
        docs = measure.load_text_pages(data / "zyte-text")
    baseline, peak, exact = measure.probe_peak_rss(extractor, docs)
    print(json.dumps({"baseline": baseline, "peak": peak, "exact": exact}))
    return 0


def peak_memory(
    runs: list[tuple[Extractor, str, dict[str, str]]], data: Path
) -> list[measure.PeakRow]:
    """Peak RSS of one pass per extractor, each in a fresh process so that they don't mix."""
    rows = []
    for ex, input_name, _ in runs:
        _log(f"memory: {ex.label} ({input_name})")
        command = [sys.executable, str(Path(__file__).resolve()), "--data", str(data)]
        command += ["--memory-probe", f"{ex.key}:{input_name}"]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=900)
            lines = done.stdout.strip().splitlines()
            result = json.loads(lines[-1]) if lines else {"error": done.stderr[-300:]}
        except (OSError, subprocess.SubprocessError, ValueError) as exc:
            result = {"error": str(exc)}
        if "error" in result:
            _log(f"memory probe failed for {ex.key}: {result['error']}")
            continue
        rows.append(
            measure.PeakRow(ex, input_name, result["baseline"], result["peak"], result["exact"])
        )
    return rows


def select_sets(data: Path, names: str | None) -> list[sets.BenchSet] | str:
    """The sets to run, or what is wrong with the selection."""
    found = sets.discover(data)
    if not found:
        return f"no sets found under {data} (<set>/ground-truth.json + html/ or text/); see --data"
    if not names:
        return found
    wanted = names.split(",")
    unknown = set(wanted) - {s.name for s in found}
    if unknown:
        return f"unknown sets {sorted(unknown)}; found: {', '.join(s.name for s in found)}"
    return [s for s in found if s.name in wanted]


def run_quality(args: argparse.Namespace, selected: list[sets.BenchSet]) -> list[SetResult]:
    """Every selected set on every selected track, all extractors in the same run."""
    wanted = set(args.peers.split(",")) if args.peers else None
    halves = sets.HALVES if args.half == "all" else (args.half,)
    extractors: dict[str, list[Extractor]] = {}
    notes: dict[str, list[str]] = {}
    if "html" in args.track:
        cleaner, note = peers.cleaner_html()
        found, peer_notes = ([], []) if args.cleaner_only else peers.load_html_peers(wanted)
        flo, floor_note = (None, None) if args.cleaner_only else peers.floor()
        extractors["html"] = [x for x in (cleaner, *found, flo) if x]
        notes["html"] = [n for n in (note, floor_note) if n] + peer_notes
    if "text" in args.track:
        cleaner, note = peers.cleaner_text()
        found, peer_notes = ([], []) if args.cleaner_only else peers.load_text_peers(wanted)
        baselines = [] if args.cleaner_only else peers.text_baselines()
        extractors["text"] = [x for x in (cleaner,) if x] + baselines + found
        notes["text"] = [n for n in (note,) if n] + peer_notes
    results = []
    for bench in selected:
        truth = sets.load_truth(bench)
        truth = {k: v for k, v in truth.items() if sets.half_of(k) in halves}
        published = sets.published_f1(bench)
        for track in sets.TRACKS:
            if track not in extractors or not bench.has(track):
                continue
            _log(f"{bench.name} ({track}): loading {len(truth)} pages")
            pages = sets.load_pages(bench, track, set(truth))
            missing = len(truth) - len(pages)
            rows = measure.run_quality(
                extractors[track], pages, truth, lambda m, b=bench.name: _log(f"{b}: {m}")
            )
            result = SetResult(bench.name, track, rows, halves, published.get(track, {}))
            result.notes = [f"skipped {n}" for n in notes[track]]
            if missing:
                result.notes.append(f"{missing} page(s) with a truth but no input file: all empty")
            results.append(result)
    return results


_ALWAYS_TIMED = ("trafilatura", "resiliparse")


def run_speed(args: argparse.Namespace, rep: report.Report) -> int:
    """The zyte pages, as before the other sets came: speed, peak memory, leak check."""
    wanted = set(args.peers.split(",")) if args.peers else None
    zyte, zyte_text = args.data / "zyte", args.data / "zyte-text"
    html_pages = measure.load_html_pages(zyte / "html")
    text_pages = measure.load_text_pages(zyte_text)
    if not html_pages or not text_pages:
        _log(f"no pages found under {args.data} (zyte/html/*.html.gz, zyte-text/*.txt); see --data")
        return 2
    cleaner_on_html, html_note = peers.cleaner_html()
    cleaner_on_text, _ = peers.cleaner_text()
    floor, floor_note = peers.floor()
    html_peers, _ = peers.load_html_peers(wanted)
    # Always trafilatura (the ratio's reference) and resiliparse (the fastest peer).
    timed = html_peers if args.all_peers else [p for p in html_peers if p.key in _ALWAYS_TIMED]
    # Both walks of cleaner's HTML front-end, where the compiled one is used.
    python_walk = peers.cleaner_html_python() if cleaner_on_html else None
    runs = (cleaner_on_html, python_walk, *timed, floor)
    speed_runs = [(x, "html", html_pages) for x in runs if x]
    if cleaner_on_text:  # the text front-end on the same pages' text dumps
        speed_runs.append((cleaner_on_text, "text", text_pages))
    rep.speed_notes = [n for n in (html_note, floor_note) if n]
    if not any(p.key == "trafilatura" for p in html_peers):
        rep.speed_notes.append("trafilatura: not installed or not selected, no ratio to it")
    rep.speed_rows = measure.run_speed(speed_runs, args.passes, _log) if speed_runs else []
    core = [r for r in speed_runs if r[0].key in ("cleaner", "trafilatura", "floor")]
    rep.peaks = peak_memory(core, args.data)
    leak_target = (speed_runs[0] if cleaner_on_html else speed_runs[-1]) if speed_runs else None
    if speed_runs and args.leak_passes and leak_target[0].role == "cleaner":
        rep.leak = measure.leak_check(*leak_target, args.leak_passes, _log)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    quiet_peers()
    if args.memory_probe:
        return memory_probe(args.memory_probe, args.data)
    rep = report.Report(passes=args.passes)
    if args.track:
        selected = select_sets(args.data, args.sets)
        if isinstance(selected, str):
            _log(selected)
            return 2
        rep.results = run_quality(args, selected)
    if args.speed and run_speed(args, rep):
        return 2

    print(report.stdout_report(rep, ROOT))
    if rep.results and (args.save or args.compare):
        scores = compare.to_scores(rep.results, report.git_revision(ROOT))
        if args.compare:
            print(f"## Deltas of cleaner against {args.compare}", "", sep="\n")
            print(
                "\n".join(compare.deltas(compare.load(args.compare), scores)) or "nothing in common"
            )
        if args.save:
            compare.save(args.save, scores)
            _log(f"saved {args.save}")
    if args.write_docs:
        command = "python benchmarks/run.py --write-docs" + (
            f" --passes {args.passes}" if args.passes != 5 else ""
        )
        if args.no_speed:
            command += " --no-speed"
            rep.kept_speed = report.kept_speed_section(args.docs_dir / "benchmarks.md")
        for path in report.write_docs(rep, ROOT, args.docs_dir, command):
            _log(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
