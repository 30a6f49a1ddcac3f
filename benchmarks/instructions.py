"""Instructions per page of one stage of the HTML path, counted by valgrind's callgrind.

    python benchmarks/instructions.py walk                # the walk, first 30 zyte pages
    python benchmarks/instructions.py parse --limit 60
    python benchmarks/instructions.py walk --by-object    # interpreter vs selectolax vs libc

On a machine shared with other work, seconds move by a factor of two between runs;
instruction counts do not (the same count twice, whatever else runs). The stage runs
once in a child process under callgrind, after the same setup as a child that stops
before the stage; the difference, divided by the pages, is the stage's count. Compare
two versions of the code by running this from each checkout. Counts are not seconds:
Lexbor's parser runs at fewer instructions per cycle than the interpreter, so a count
says which of two versions of the same Python does less work, not how the stages
compare in time (``profile_html.py`` and ``run.py --speed`` say that).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("parse", "walk", "clean")

_CHILD = """
import sys
sys.path[:0] = {paths!r}
from benchmarks import paths
from benchmarks.measure import load_html_pages
from cleaner.frontends import html as front
from cleaner.frontends.html.walk import DROP_SELECTOR, PageWalk
from cleaner.pipeline import Cleaner
from cleaner.rules.tree import TreePlan
pages = list(load_html_pages(paths.DATA / "zyte" / "html").values())[:{limit}]
cleaner = Cleaner()
plan = TreePlan(cleaner.rules, cleaner.config)
cleaner.clean(pages[0], kind="html")  # lazy imports and compiled patterns
walks = []
for page in pages:
    body = front.parse_html(page).body
    for node in body.css(DROP_SELECTOR):
        node.decompose()
    walks.append((body, PageWalk(body, plan)))
stage = {stage!r}
if stage == "parse":
    for page in pages:
        front.parse_html(page)
elif stage == "walk":
    for _, walk in walks:
        walk.run()
elif stage == "clean":
    for page in pages:
        cleaner.clean(page, kind="html")
"""
_TOTAL = re.compile(r"Collected : (\d+)")


def _count(stage: str | None, limit: int, out: Path) -> int:
    code = _CHILD.format(paths=[str(ROOT / "src"), str(ROOT)], limit=limit, stage=stage)
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
    )
    match = _TOTAL.search(done.stderr)
    if match is None:
        raise RuntimeError(f"callgrind reported no total:\n{done.stderr[-2000:]}")
    return int(match.group(1))


def _by_object(out: Path) -> dict[str, int]:
    """Instructions per shared object (the interpreter, selectolax, libc ...)."""
    text = subprocess.run(
        ["callgrind_annotate", "--threshold=100", str(out)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    totals: dict[str, int] = {}
    for line in text.splitlines():
        match = re.match(r"\s*([\d,]+) .*\[(.+)\]\s*$", line)
        if match:
            name = os.path.basename(match.group(2))
            totals[name] = totals.get(name, 0) + int(match.group(1).replace(",", ""))
    return totals


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("stage", choices=STAGES)
    ap.add_argument("--limit", type=int, default=30, help="the first N zyte pages (30)")
    ap.add_argument("--by-object", action="store_true", help="split the count by library")
    args = ap.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (Debian package valgrind)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        base_out, stage_out = Path(tmp, "base.out"), Path(tmp, "stage.out")
        base = _count(None, args.limit, base_out)
        total = _count(args.stage, args.limit, stage_out)
        print(f"{args.stage}: {(total - base) / args.limit / 1e6:.2f}M instructions per page")
        if args.by_object:
            before, after = _by_object(base_out), _by_object(stage_out)
            for name in sorted(after, key=lambda k: before.get(k, 0) - after[k]):
                share = (after[name] - before.get(name, 0)) / args.limit / 1e6
                if share >= 0.01:
                    print(f"  {name:<50} {share:6.2f}M")
    return 0


if __name__ == "__main__":
    sys.exit(main())
