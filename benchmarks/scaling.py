"""How time and memory grow with the input: 1, 2, 4, 8 and 16 MB (issue 6).

    python benchmarks/scaling.py                       # text, html and deep rows
    python benchmarks/scaling.py --inputs text --sizes 1 2 4
    python benchmarks/scaling.py --inputs unknown --sizes 1 2 4 --instructions  # callgrind, slow

Inputs, each built to the requested size in UTF-8 bytes:

- ``text``: the zyte-text dumps (``shared/benchmarks/zyte-text/*.txt``) concatenated;
  past the first round every line gets the round's number, so the page stays one long
  page of distinct lines (repeats would let the duplicate rules skip work), and in lines
  of ``VARIED_LINE_WORDS`` or more words every word but the stop words has its letters
  shifted by the round (``_shifted``). Without that, each paragraph would stand once per
  round, and the duplicate rules' look-ups, which grow with a word's copies up to their
  cap, would measure how often the input repeats itself rather than how the code
  scales. Stop words stay, so each round reads as the same language; short lines
  (chrome) keep their words, so the phrase rules see them every round.
- ``text-copies``: the same rounds numbered only, each paragraph standing once a round:
  the duplicate rules' look-ups grow with the copies (bounded by their caps), so this
  row shows what a page that repeats itself costs.
- ``html``: the zyte HTML pages (``shared/benchmarks/zyte/html/*.html.gz``) concatenated
  into one document, numbered the same way.
- ``deep``: a synthetic page nested as deep as its size allows (``<div>`` x size/11)
  around a few paragraphs.
- the hostile families of issue 17 (``python benchmarks/scaling.py --inputs hostile``
  runs them all): ``attrs`` (one ``<p>`` with as many attributes as the size allows),
  ``address``, ``dl``, ``article``, ``role-article``, ``menu`` (``class=menu``) and
  ``unknown`` (``<x-foo>``) nested as deep as the size allows around a few paragraphs,
  ``unclosed-unknown``, ``<x>`` opened and never closed (6 MB: 2M deep), and
  ``paragraph``, one paragraph of the whole size; ``text-paragraph`` is that
  paragraph's words as text (``kind="text"``).

Each size runs in a fresh subprocess, so its peak RSS is its own. The table gives the
time of ``clean_and_explain`` (wall clock, and the CPU time of the process that cleans,
which the other work of a shared machine inflates far less than the wall clock), the
peak RSS, the RSS before cleaning (the input itself) and, per doubling of the input, the
growth of the time: near 2 means linear. "Peak x
input" is the memory cleaning holds at its peak, the input included, over the input's
size: the RSS high-water mark of the cleaning (Linux's, reset right before it) less the
RSS of the warmed-up process before it read the input. The input is built in one process
and read from a file by the one that cleans it, so that building it leaves no freed
memory for the cleaning to reuse. A row whose front-end is missing (the HTML path before
it exists) says so.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CLEANER_SHARED", ROOT.parent / "shared"))
TEXT_DIR = SHARED / "benchmarks" / "zyte-text"
HTML_DIR = SHARED / "benchmarks" / "zyte" / "html"
MB = 1_000_000
PARAGRAPH = (
    "<p>The council voted on Tuesday to extend the program for another year, after a "
    "long debate in which members weighed its cost against the number of families.</p>"
)


#: Lines of this many words or more (prose) get their words shifted past the first round.
VARIED_LINE_WORDS = 8
_WORD = re.compile(r"\w+")
#: Letter ranges a shift stays inside: Latin and Cyrillic lower and upper case.
_ALPHABETS = (("a", 26), ("A", 26), ("а", 32), ("А", 32))


def _shift_table(shift: int) -> dict[int, int]:
    return {
        ord(first) + i: ord(first) + (i + shift) % size
        for first, size in _ALPHABETS
        for i in range(size)
    }


def _shifted(page: str, round_no: int, keep: frozenset[str]) -> str:
    """Round ``round_no``'s copy of ``page``: each line numbered, and each long line's
    words other than ``keep`` (stop words) shifted by the round in their alphabet, so
    that no content word of a round recurs in another (up to 25 rounds; 16 MB of
    zyte-text is 7)."""
    table = _shift_table(round_no % 25 + 1)

    def shift(match: re.Match[str]) -> str:
        word = match.group()
        return word if word.casefold() in keep else word.translate(table)

    lines = []
    for line in page.split("\n"):
        if len(line.split()) >= VARIED_LINE_WORDS:
            line = _WORD.sub(shift, line)
        lines.append(f"{line} ({round_no})" if line else line)
    return "\n".join(lines)


def _stopwords() -> frozenset[str]:
    from cleaner.config import SHIPPED_LANGUAGES
    from cleaner.phrases import PhraseBook

    book = PhraseBook(SHIPPED_LANGUAGES)
    return frozenset().union(*book.stopwords.values())


def _numbered(
    pages: list[str], size: int, separator: str, keep: frozenset[str] | None = None
) -> str:
    """Pages joined until ``size`` UTF-8 bytes; rounds after the first are numbered
    and, given stop words to ``keep``, have their long lines' other words shifted."""
    if not pages:  # no data beside the repository: nothing would ever reach ``size``
        raise FileNotFoundError(f"no benchmark pages under {SHARED / 'benchmarks'}")
    out: list[str] = []
    total = 0
    round_no = 0
    while total < size:
        for page in pages:
            if round_no and keep is not None:
                page = _shifted(page, round_no, keep)
            elif round_no:
                page = page.replace("\n", f" ({round_no})\n")
            out.append(page)
            total += len(page.encode("utf-8")) + len(separator)
            if total >= size:
                break
        round_no += 1
    return separator.join(out)


def build(kind: str, size: int) -> str:
    if kind in ("text", "text-copies"):
        pages = [p.read_text(encoding="utf-8") for p in sorted(TEXT_DIR.glob("*.txt"))]
        return _numbered(pages, size, "\n\n", keep=_stopwords() if kind == "text" else None)
    if kind == "html":
        pages = [
            gzip.decompress(p.read_bytes()).decode("utf-8", "replace")
            for p in sorted(HTML_DIR.glob("*.html.gz"))
        ]
        return _numbered(pages, size, "\n")
    if kind == "deep":
        body = PARAGRAPH * 4
        depth = max((size - len(body)) // len("<div></div>"), 1)
        return "<html><body>" + "<div>" * depth + body + "</div>" * depth + "</body></html>"
    if kind in NESTED:
        return nested(*NESTED[kind], size)
    if kind == "attrs":
        attrs = " ".join(f'a{i}="v"' for i in range(size // len(' a10000="v"')))
        return f"<html><body><p {attrs}>" + PARAGRAPH[3:] * 4 + "</body></html>"
    if kind == "paragraph":
        words = "word and more words, "
        return "<html><body><p>" + words * (size // len(words)) + "</p></body></html>"
    if kind == "unclosed-unknown":
        body = PARAGRAPH * 4
        return "<html><body>" + "<x>" * max((size - len(body)) // len("<x>"), 1) + body
    if kind == "text-paragraph":
        return "word " * (size // len("word "))
    raise SystemExit(f"unknown input {kind!r}")


#: The nested hostile families: start tag, end tag.
NESTED = {
    "address": ("<address>", "</address>"),
    "dl": ("<dl>", "</dl>"),
    "article": ("<article>", "</article>"),
    "role-article": ('<div role="article">', "</div>"),
    "menu": ('<div class="menu">', "</div>"),
    "unknown": ("<x-foo>", "</x-foo>"),
}
HOSTILE = ["attrs", *NESTED, "unclosed-unknown", "paragraph", "text-paragraph"]
#: Inputs cleaned as text; the others as HTML.
TEXT_INPUTS = ("text", "text-copies", "text-paragraph")


def nested(start: str, end: str, size: int) -> str:
    """``start`` ... ``end`` nested as deep as ``size`` bytes allow, around paragraphs."""
    body = PARAGRAPH * 4
    depth = max((size - len(body)) // len(start + end), 1)
    return "<html><body>" + start * depth + body + end * depth + "</body></html>"


def _rss_now_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / MB


def _reset_peak_rss() -> bool:
    """Reset the process's RSS high-water mark (Linux); False where it cannot."""
    try:
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")
    except OSError:
        return False
    return True


def _peak_rss_mb() -> float:
    """The RSS high-water mark since the last reset (``ru_maxrss`` elsewhere)."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024 / MB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / MB


def child(
    kind: str, size_mb: float, input_file: str | None = None, setup_only: bool = False
) -> None:
    """Build one input, clean it once, print one JSON line.

    The input is built here and cleaned in a fresh process that reads it from a file
    (``input_file``): building leaves freed memory that cleaning would reuse, so the
    peak would understate what cleaning needs.
    """
    if input_file is None:
        text = build(kind, int(size_mb * MB))
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".in", delete=False) as f:
            f.write(text)
        del text
        cmd = [sys.executable, __file__, "--child", kind, str(size_mb), "--input-file", f.name]
        try:
            subprocess.run(cmd, check=False)
        finally:
            os.unlink(f.name)
        return
    import cleaner

    kind_arg = "text" if kind in TEXT_INPUTS else "html"
    # Warm up: imports, phrase compilation, the default Cleaner.
    cleaner.clean_article(
        "Warm up.\n\nA line of text.", kind="text" if kind_arg == "text" else None
    )
    if kind_arg == "html":
        cleaner.clean_article("<html><body><p>Warm up.</p></body></html>")
    base_mb = _rss_now_mb()
    text = Path(input_file).read_text(encoding="utf-8")
    n_bytes = len(text.encode("utf-8"))
    row: dict[str, object] = {"input": kind, "mb": size_mb, "bytes": n_bytes}
    if kind_arg == "html":
        try:
            import cleaner.frontends.html
        except ImportError:
            row["error"] = "no HTML front-end yet"
            print(json.dumps(row))
            return
    row["rss_before_mb"] = round(_rss_now_mb(), 1)
    reset = _reset_peak_rss()
    start = time.perf_counter()
    cpu_start = time.process_time()
    try:
        if setup_only:  # the baseline of --instructions: everything but the clean
            print(json.dumps(row), flush=True)
            return
        result = cleaner.clean_and_explain(text, kind=kind_arg)
        row["blocks"] = len(result.blocks)
        row["kept"] = len(result.kept)
    except cleaner.CleanerError as exc:
        row["error"] = f"{type(exc).__name__}: {exc}"
    row["seconds"] = round(time.perf_counter() - start, 3)
    row["cpu_seconds"] = round(time.process_time() - cpu_start, 3)
    peak = _peak_rss_mb()
    row["peak_rss_mb"] = round(peak, 1)
    if reset:
        # The peak over the warmed-up process: the input and all cleaning held.
        row["peak_x_input"] = round((peak - base_mb) / (n_bytes / MB), 1)
    print(json.dumps(row), flush=True)


def run_row(kind: str, size_mb: float, timeout: float) -> dict[str, object]:
    cmd = [sys.executable, __file__, "--child", kind, str(size_mb)]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"input": kind, "mb": size_mb, "error": f"timed out after {timeout:.0f}s"}
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode or not lines:
        tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["?"]
        return {"input": kind, "mb": size_mb, "error": f"exit {done.returncode}: {tail[0]}"}
    return json.loads(lines[-1])


def table(rows: list[dict[str, object]]) -> str:
    out = [
        "| input | MB | blocks | seconds | x per doubling | CPU seconds | CPU x per doubling "
        "| peak RSS MB | RSS before MB | peak x input |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    previous: dict[str, dict[str, object]] = {}
    for row in rows:
        kind = str(row["input"])
        if "error" in row and "seconds" not in row:
            out.append(f"| {kind} | {row['mb']} | | {row['error']} | | | | | | |")
            previous.pop(kind, None)
            continue
        before = previous.get(kind)
        doubled = before is not None and float(row["mb"]) == 2 * float(before["mb"])
        growth, cpu_growth = (
            (_growth(before, row, "seconds"), _growth(before, row, "cpu_seconds"))
            if before is not None and doubled
            else ("", "")
        )
        blocks = row.get("blocks", row.get("error", ""))
        out.append(
            f"| {kind} | {row['mb']} | {blocks} | {row['seconds']} | {growth} | "
            f"{row.get('cpu_seconds', '')} | {cpu_growth} | "
            f"{row['peak_rss_mb']} | {row['rss_before_mb']} | {row.get('peak_x_input', '')} |"
        )
        previous[kind] = row
    return "\n".join(out)


def count_row(kind: str, size_mb: float) -> dict[str, object]:
    """The instructions of one clean of ``kind`` at ``size_mb``: a child that cleans,
    less one that does all the rest (start-up, warm-up, reading the input), both under
    callgrind and reading the same input file."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from benchmarks.instructions import callgrind_total

    text = build(kind, int(size_mb * MB))
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "input.txt"
        source.write_text(text, encoding="utf-8")
        del text
        totals = []
        for setup_only in (True, False):
            argv = [sys.executable, __file__, "--child", kind, str(size_mb)]
            argv += ["--input-file", str(source)] + (["--setup-only"] if setup_only else [])
            try:
                totals.append(callgrind_total(argv, Path(tmp) / "callgrind.out")[0])
            except (subprocess.CalledProcessError, RuntimeError) as exc:
                return {"input": kind, "mb": size_mb, "error": str(exc)[-300:]}
    row: dict[str, object] = {"input": kind, "mb": size_mb, "instructions": totals[1] - totals[0]}
    print(json.dumps(row), file=sys.stderr, flush=True)
    return row


def instruction_table(rows: list[dict[str, object]]) -> str:
    out = [
        "| input | MB | instructions (M) | x per doubling |",
        "| --- | ---: | ---: | ---: |",
    ]
    previous: dict[str, dict[str, object]] = {}
    for row in rows:
        kind = str(row["input"])
        if "instructions" not in row:
            out.append(f"| {kind} | {row['mb']} | {row.get('error', '')} | |")
            previous.pop(kind, None)
            continue
        before = previous.get(kind)
        doubled = before is not None and float(row["mb"]) == 2 * float(before["mb"])  # type: ignore[arg-type]
        growth = _growth(before, row, "instructions") if before is not None and doubled else ""
        out.append(f"| {kind} | {row['mb']} | {int(row['instructions']) / 1e6:.1f} | {growth} |")  # type: ignore[call-overload]
        previous[kind] = row
    return "\n".join(out)


def _growth(before: dict[str, object], row: dict[str, object], field: str) -> str:
    if not before.get(field) or field not in row:
        return ""
    return f"{float(row[field]) / max(float(before[field]), 1e-6):.2f}"  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--inputs", nargs="+", default=["text", "html", "deep"])
    parser.add_argument("--sizes", nargs="+", type=float, default=[1, 2, 4, 8, 16])
    parser.add_argument("--timeout", type=float, default=900, help="seconds per row")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="run each row this many times and keep the fastest by CPU time (a shared "
        "machine's stalls only ever add time); the sizes of a family take turns, so "
        "that each meets the same spells of load",
    )
    parser.add_argument("--json", type=Path, help="also write the rows here")
    parser.add_argument("--child", nargs=2, metavar=("INPUT", "MB"), help=argparse.SUPPRESS)
    parser.add_argument("--input-file", help=argparse.SUPPRESS)
    parser.add_argument("--setup-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="count the instructions of each clean under valgrind's callgrind instead of "
        "timing it: the same count on every run, whatever else the machine does",
    )
    args = parser.parse_args(argv)
    if "hostile" in args.inputs:
        at = args.inputs.index("hostile")
        args.inputs[at : at + 1] = HOSTILE
    if args.child:
        child(args.child[0], float(args.child[1]), args.input_file, args.setup_only)
        return 0
    if args.instructions:
        counted = [count_row(kind, size) for kind in args.inputs for size in args.sizes]
        print(instruction_table(counted))
        if args.json:
            args.json.write_text(json.dumps(counted, indent=1) + "\n", encoding="utf-8")
        return 0
    rows = []
    for kind in args.inputs:
        runs: dict[float, list[dict[str, object]]] = {size: [] for size in args.sizes}
        for _ in range(max(args.repeat, 1)):
            for size in args.sizes:
                runs[size].append(run_row(kind, size, args.timeout))
                print(json.dumps(runs[size][-1]), file=sys.stderr, flush=True)
        for size in args.sizes:
            timed = [r for r in runs[size] if "seconds" in r]
            key = "cpu_seconds" if all("cpu_seconds" in r for r in timed) else "seconds"
            rows.append(min(timed, key=lambda r: float(r[key])) if timed else runs[size][0])  # type: ignore[arg-type]
    print(table(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
