"""Benchmark cleaner against its peers on the Zyte article-extraction pages.

    python benchmarks/run.py --track text        # raw text dumps: cleaner vs baselines
    python benchmarks/run.py --track html        # HTML pages: cleaner vs installed peers
    python benchmarks/run.py --speed             # docs/s, ratios, peak memory, leak check
    python benchmarks/run.py --write-docs        # all of it into docs/benchmarks.md + png

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

from benchmarks import measure, paths, peers, report  # noqa: E402
from benchmarks.peers import Extractor  # noqa: E402

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
        args.track, args.speed, args.all_peers = ["text", "html"], True, True
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


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    quiet_peers()
    if args.memory_probe:
        return memory_probe(args.memory_probe, args.data)
    wanted = set(args.peers.split(",")) if args.peers else None
    zyte, zyte_text = args.data / "zyte", args.data / "zyte-text"
    rep = report.Report(passes=args.passes)

    needs_html = "html" in args.track or args.speed
    needs_text = "text" in args.track or args.speed
    if needs_html:
        _log("loading HTML pages")
    html_pages = measure.load_html_pages(zyte / "html") if needs_html else {}
    text_pages = measure.load_text_pages(zyte_text) if needs_text else {}
    if (needs_html and not html_pages) or (needs_text and not text_pages):
        _log(f"no pages found under {args.data} (zyte/html/*.html.gz, zyte-text/*.txt); see --data")
        return 2

    cleaner_on_html, html_note = peers.cleaner_html()
    cleaner_on_text, text_note = peers.cleaner_text()
    floor, floor_note = peers.floor()

    if "text" in args.track:
        truth = measure.load_truth(zyte_text / "ground-truth.json")
        text_peers, rep.text_notes = peers.load_text_peers(wanted)
        runs = [x for x in (cleaner_on_text,) if x] + peers.text_baselines() + text_peers
        rep.text_notes += [n for n in (text_note,) if n]
        rep.text_rows = measure.run_quality(runs, text_pages, truth, _log)

    html_peers, peer_notes = peers.load_html_peers(wanted)
    if "html" in args.track:
        truth = measure.load_truth(zyte / "ground-truth.json")
        runs = [x for x in (cleaner_on_html,) if x] + html_peers + [x for x in (floor,) if x]
        rep.html_notes = [n for n in (html_note, floor_note) if n] + peer_notes
        rep.html_rows = measure.run_quality(runs, html_pages, truth, _log)

    if args.speed:
        timed = html_peers if args.all_peers else [p for p in html_peers if p.key == "trafilatura"]
        speed_runs = [(x, "html", html_pages) for x in (cleaner_on_html, *timed, floor) if x]
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

    print(report.stdout_report(rep, ROOT))
    if args.write_docs:
        command = "python benchmarks/run.py --write-docs" + (
            f" --passes {args.passes}" if args.passes != 5 else ""
        )
        for path in report.write_docs(rep, ROOT, args.docs_dir, command):
            _log(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
