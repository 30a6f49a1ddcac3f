"""Pages that are not news articles: cleaner beside trafilatura and readability-lxml.

    python benchmarks/pagetypes.py               # both tracks: one row per page type and extractor
    python benchmarks/pagetypes.py --pages       # and one row per page
    python benchmarks/pagetypes.py --peers trafilatura   # fewer peers
    python benchmarks/pagetypes.py --track text  # the innerText dumps only
    python benchmarks/pagetypes.py --group heldout-s14   # one group of pages only

Reads the hand-written pages of ``fixtures/pagetype`` (see its README) and their gold.
The HTML track cleans each ``<name>.html`` (cleaner with the HTML peers); the text track
cleans ``text/<name>.txt``, the page's ``document.body.innerText`` as headless Chromium
renders it (``benchmarks/innertext.py``), with ``kind="text"`` beside the text baselines
of ``peers.text_baselines`` (the dump unchanged, its long lines), against the same gold.
Per page type and extractor: the share of ``must_keep`` pieces found in the output, the
``must_remove`` pieces left in it (per page), and the token F1 of ``benchmarks/metric.py``
against the gold text, which is the ``must_keep`` pieces joined by newlines (optional
pieces, a headline or a byline, count against every extractor alike). A benchmark, not a
test: it prints figures and judges nothing. A gold file's ``group`` names a later batch of
pages written after the rules were tuned (held out); pages without one are ``tuned``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))
    if importlib.util.find_spec("cleaner") is None:
        sys.path.insert(0, str(ROOT / "src"))

from benchmarks import metric, peers  # noqa: E402
from benchmarks.peers import Extractor  # noqa: E402

FIXTURES = ROOT / "fixtures" / "pagetype"
DEFAULT_PEERS = ("trafilatura", "readability")
#: The group of pages whose gold names none: the pages the rules were tuned on.
TUNED = "tuned"


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


TRACKS = ("html", "text")


def load_pages(folder: Path = FIXTURES, track: str = "html") -> list[tuple[str, str, dict]]:
    """(name, page, gold) of every fixture, by name: the HTML, or on the text track its
    innerText dump (a page without a dump is left out, with a note)."""
    pages = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        name = gold_path.name.removesuffix(".gold.json")
        source = folder / gold["source"]
        if track == "text":
            source = folder / "text" / f"{Path(gold['source']).stem}.txt"
            if not source.exists():
                print(f"{name}: no text dump (run benchmarks/innertext.py)", file=sys.stderr)
                continue
        pages.append((name, source.read_text(encoding="utf-8"), gold))
    return pages


def group(gold: dict) -> str:
    return gold.get("group", TUNED)


def kind(gold: dict) -> str:
    page_type = gold["page_type"]
    return page_type if isinstance(page_type, str) else page_type[0]


def score(output: str, gold: dict) -> tuple[float, int, metric.PageScore]:
    """Share of must_keep found, must_remove pieces left, and the token score."""
    out = norm(output)
    keep = [norm(k) for k in gold["must_keep"]]
    kept = sum(k in out for k in keep) / len(keep) if keep else 1.0
    lines = {norm(line) for line in output.split("\n") if line.strip()}
    left = sum(norm(r) in out for r in gold["must_remove"])
    left += sum(norm(r) in lines for r in gold.get("must_remove_lines", []))
    return kept, left, metric.score_page(output, "\n".join(gold["must_keep"]))


def extractors(wanted: tuple[str, ...], track: str = "html") -> tuple[list[Extractor], list[str]]:
    """cleaner and the peers of ``track``: the HTML peers in ``wanted``, or on text the
    text baselines (an HTML tool on a dump's lines is zyte-text's reference, not a page
    type's: ``run.py`` has it)."""
    found, notes = [], []
    mine, note = peers.cleaner_html() if track == "html" else peers.cleaner_text()
    if mine is None:
        notes.append(note or "cleaner: unavailable")
    else:
        found.append(mine)
    if track == "text":
        return found + peers.text_baselines(), notes
    others, skipped = peers.load_html_peers(set(wanted))
    return found + others, notes + skipped


def run(pages: list[tuple[str, str, dict]], extract: list[Extractor], per_page: bool) -> str:
    rows: dict[tuple[str, str], list[tuple[float, int, metric.PageScore]]] = defaultdict(list)
    page_rows = []
    for name, raw, gold in pages:
        for ex in extract:
            try:
                output = ex.extract(raw) or ""
            except Exception as exc:  # a peer failing on a page scores an empty output
                print(f"{ex.key} failed on {name}: {type(exc).__name__}", file=sys.stderr)
                output = ""
            result = score(output, gold)
            rows[(kind(gold), ex.key)].append(result)
            rows[("all", ex.key)].append(result)
            page_rows.append((name, ex.key, result))
    lines = [
        "| page type (pages) | extractor | must_keep kept | must_remove left / page | token F1 |",
        "| --- | --- | --- | --- | --- |",
    ]
    kinds = [*sorted({k for k, _ in rows if k != "all"}), "all"]
    for k in kinds:
        for ex in extract:
            got = rows[(k, ex.key)]
            kept = sum(r[0] for r in got) / len(got)
            left = sum(r[1] for r in got) / len(got)
            f1 = metric.summarise([r[2] for r in got], bootstrap=0).f1
            lines.append(f"| {k} ({len(got)}) | {ex.key} | {kept:.3f} | {left:.2f} | {f1:.3f} |")
    if per_page:
        lines += ["", "| page | extractor | must_keep kept | must_remove left | token F1 |"]
        lines.append("| --- | --- | --- | --- | --- |")
        for name, key, (kept, left, page_score) in page_rows:
            f1 = metric.summarise([page_score], bootstrap=0).f1
            lines.append(f"| {name} | {key} | {kept:.3f} | {left} | {f1:.3f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", action="store_true", help="also one row per page")
    ap.add_argument(
        "--peers",
        default=",".join(DEFAULT_PEERS),
        help=f"comma-separated peer keys (default {','.join(DEFAULT_PEERS)}; '' for none)",
    )
    ap.add_argument("--fixtures", type=Path, default=FIXTURES, help="folder of pages and gold")
    ap.add_argument(
        "--track",
        action="append",
        choices=TRACKS,
        help="html (the pages) or text (their innerText dumps); repeatable, default both",
    )
    ap.add_argument(
        "--group", default="", help=f"only the pages of this group ('{TUNED}' for those with none)"
    )
    args = ap.parse_args(argv)
    wanted = tuple(p for p in args.peers.split(",") if p)
    for n, track in enumerate(args.track or TRACKS):
        extract, notes = extractors(wanted, track)
        for note in notes:
            print(note, file=sys.stderr)
        pages = [
            p
            for p in load_pages(args.fixtures, track)
            if not args.group or group(p[2]) == args.group
        ]
        if not pages:
            print(f"no pages in group {args.group!r}", file=sys.stderr)
            return 1
        heading = "HTML pages" if track == "html" else "innerText dumps (text/<name>.txt)"
        if n:
            print()
        print(f"## {heading}\n")
        print(run(pages, extract, args.pages))
    return 0


if __name__ == "__main__":
    sys.exit(main())
