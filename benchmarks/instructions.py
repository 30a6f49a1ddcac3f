"""Instructions per page of one stage of the HTML path, or of the text path, counted by
valgrind's callgrind.

    python benchmarks/instructions.py walk                # the walk, first 30 zyte pages
    python benchmarks/instructions.py parse --limit 60
    python benchmarks/instructions.py walk --by-object    # interpreter vs selectolax vs libc
    python benchmarks/instructions.py rules               # the rules after the features
    python benchmarks/instructions.py text                # zyte-text: per page and per line
    python benchmarks/instructions.py text --beside-html  # and the HTML path on those pages

On a machine shared with other work, seconds move by a factor of two between runs;
instruction counts do not (the same count twice, whatever else runs; the child runs
with ``PYTHONHASHSEED=0``). The stage runs
once in a child process under callgrind, after the same setup as a child that stops
before the stage; the difference, divided by the pages, is the stage's count. The
``text`` stage cleans the pages' innerText dumps (``zyte-text``, ``kind="text"``) and
also gives the count per non-empty input line, as ``text_speed.py`` counts lines. The
``rules`` stage runs the HTML path's rules that read features (``Cleaner.run_blocks``
after the features), on pages taken up to there in the setup of both children. Compare
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
STAGES = ("parse", "walk", "clean", "text", "rules")

_CHILD = """
import sys
sys.path[:0] = {paths!r}
from benchmarks import paths
from benchmarks.measure import load_html_pages, load_text_pages
from cleaner.frontends import html as front
from cleaner.frontends.html.walk import DROP_SELECTOR, PageWalk
from cleaner.pipeline import Cleaner
from cleaner.rules.tree import TreePlan
htmls = load_html_pages(paths.DATA / "zyte" / "html")
texts = load_text_pages(paths.DATA / "zyte-text")
# The pages both paths have, in the same order for every stage.
ids = sorted(set(htmls) & set(texts))[:{limit}]
pages = [htmls[i] for i in ids]
texts = [texts[i] for i in ids]
cleaner = Cleaner()
cleaner.clean("warm up the phrase patterns.", kind="text")
plan = TreePlan(cleaner.rules, cleaner.config)
cleaner.clean(pages[0], kind="html")  # lazy imports and compiled patterns
walks = []
for page in pages:
    body = front.parse_html(page).body
    for node in body.css(DROP_SELECTOR):
        node.decompose()
    walks.append((body, PageWalk(body, plan)))
stage = {stage!r}
docs = []
if {rules!r}:
    # Each page as ``Cleaner.run_blocks`` has it right before the rules reading features.
    from cleaner.frontends.html import parse_html, walk_html
    from cleaner.frontends.html.compiled import compiled_prepare
    from cleaner.frontends.html.prescan import scan_page
    from cleaner.rules import Document
    from cleaner.rules.page_type import DECLARED, declared_types
    before, after = cleaner._steps["html"]
    for page in pages:
        tree = parse_html(page, compiled_prepare(), code=False)
        scan = scan_page(tree, cleaner.config)
        declared = declared_types(tree, None if scan is None else scan.declaring)
        blocks, elements = walk_html(
            tree, cleaner._tree_plan, markup=False, inline_marks=False, scan=scan
        )
        doc = Document(blocks, cleaner.config, kind="html", elements=elements)
        doc.notes[DECLARED] = declared
        for rule in before:
            rule.apply(doc)
        cleaner._compute_features(doc, None)
        docs.append(doc)
if stage == "parse":
    for page in pages:
        front.parse_html(page)
elif stage == "walk":
    for _, walk in walks:
        walk.run()
elif stage == "clean":
    for page in pages:
        cleaner.clean(page, kind="html")
elif stage == "text":
    for page in texts:
        cleaner.clean(page, kind="text")
elif stage == "rules":
    for doc in docs:
        for step in after:
            step.apply(doc)
print(sum(1 for t in texts for line in t.splitlines() if line.strip()))
"""
_TOTAL = re.compile(r"Collected : (\d+)")


def callgrind_total(argv: list[str], out: Path) -> tuple[int, str]:
    """Run ``argv`` under callgrind (its profile written to ``out``): the instructions
    it ran and its standard output."""
    # A fixed hash seed: set and dict orders, and so where the collector runs, would
    # otherwise move a count by up to a million instructions a page between runs.
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *argv],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    match = _TOTAL.search(done.stderr)
    if match is None:
        raise RuntimeError(f"callgrind reported no total:\n{done.stderr[-2000:]}")
    return int(match.group(1)), done.stdout


def _count(stage: str | None, limit: int, out: Path, rules: bool = False) -> tuple[int, int]:
    """The instructions of a child running ``stage`` (None: the setup alone), and the
    non-empty lines of the text pages it loaded. ``rules``: the setup takes the pages
    up to the rules reading features (the ``rules`` stage's)."""
    code = _CHILD.format(
        paths=[str(ROOT / "src"), str(ROOT)], limit=limit, stage=stage, rules=rules
    )
    total, stdout = callgrind_total([sys.executable, "-c", code], out)
    return total, int(stdout.split()[-1])


def _pages() -> int:
    sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
    from benchmarks import paths

    htmls = {p.name[: -len(".html.gz")] for p in (paths.DATA / "zyte" / "html").glob("*.html.gz")}
    return len(htmls & {p.stem for p in (paths.DATA / "zyte-text").glob("*.txt")})


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
    ap.add_argument(
        "--beside-html",
        action="store_true",
        help="text stage: also count the HTML path (clean) on the same pages, and the ratio",
    )
    args = ap.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (Debian package valgrind)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        base_out, stage_out = Path(tmp, "base.out"), Path(tmp, "stage.out")
        rules = args.stage == "rules"
        base, lines = _count(None, args.limit, base_out, rules)
        total, _ = _count(args.stage, args.limit, stage_out, rules)
        # The pages counted: fewer than --limit when the set has fewer.
        n = min(args.limit, _pages())
        print(f"{args.stage}: {(total - base) / n / 1e6:.2f}M instructions per page")
        if args.stage == "text":
            print(f"text: {(total - base) / lines:,.0f} instructions per line ({lines} lines)")
            if args.beside_html:
                html, _ = _count("clean", args.limit, Path(tmp, "html.out"))
                print(f"clean: {(html - base) / n / 1e6:.2f}M instructions per page")
                ratio = (total - base) / (html - base)
                print(f"text / html instructions on the same pages: {ratio:.2f}")
        if args.by_object:
            before, after = _by_object(base_out), _by_object(stage_out)
            for name in sorted(after, key=lambda k: before.get(k, 0) - after[k]):
                share = (after[name] - before.get(name, 0)) / args.limit / 1e6
                if share >= 0.01:
                    print(f"  {name:<50} {share:6.2f}M")
    return 0


if __name__ == "__main__":
    sys.exit(main())
