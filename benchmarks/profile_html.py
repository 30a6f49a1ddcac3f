"""Where the time of the HTML path goes, stage by stage, per page.

    python benchmarks/profile_html.py                  # stage table, best of 5 runs a page
    python benchmarks/profile_html.py --cprofile 25    # plus the 25 costliest functions
    python benchmarks/profile_html.py --limit 60 --repeat 3

Each page runs through the same steps as ``Cleaner.explain`` on HTML, each step timed
on its own: input checks, parse (code left out), the pass before the walk with the page
types the page declares, dropping code
elements, markers and the prose anchor, the walk (blocks), the main container, text
features, every rule, and building the result. A last line gives the floor under the
walk: reading every node of the body once through selectolax (tag, text, attributes),
with no logic. Each page runs
``--repeat`` times and each stage counts its fastest run on that
page (the one least disturbed by other work on a shared machine); the table sums those
over the pages, in milliseconds per page. This is a diagnostic, not a benchmark: the
ratios to the peers come from ``run.py --speed``.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib.util
import pstats
import sys
from pathlib import Path
from time import perf_counter

ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))
    if importlib.util.find_spec("cleaner") is None:
        sys.path.insert(0, str(ROOT / "src"))

from benchmarks import paths  # noqa: E402
from benchmarks.measure import load_html_pages  # noqa: E402
from cleaner.features import compute_features  # noqa: E402
from cleaner.frontends import html as front  # noqa: E402
from cleaner.frontends.html.compiled import compiled_features, compiled_prepare  # noqa: E402
from cleaner.frontends.html.prescan import scan_page  # noqa: E402
from cleaner.frontends.html.walk import DROP_SELECTOR, PageWalk  # noqa: E402
from cleaner.inputs import coerce  # noqa: E402
from cleaner.pipeline import Cleaner  # noqa: E402
from cleaner.render import render_text  # noqa: E402
from cleaner.render.outputs import _decision  # noqa: E402
from cleaner.rules import Document  # noqa: E402
from cleaner.rules.page_type import DECLARED, declared_types  # noqa: E402
from cleaner.rules.tree import TreePlan, TreeRule  # noqa: E402

DEFAULT_DATA = paths.DATA / "zyte" / "html"


def run_page(cleaner: Cleaner, page: str, times: dict[str, float]) -> None:
    """One page through the HTML path, adding each stage's seconds to ``times``."""
    cfg = cleaner.config
    rules = cleaner.rules
    plan = TreePlan(rules, cfg)  # the Cleaner holds one; built here outside the timings

    def lap(stage: str, start: float) -> float:
        now = perf_counter()
        times[stage] = times.get(stage, 0.0) + now - start
        return now

    t = perf_counter()
    text, _ = coerce(page, "html", cfg.max_input_bytes, cfg.max_blocks)
    t = lap("input checks", t)
    # The pipeline's parse: the compiled encoding and scan, the code left out.
    twins = compiled_prepare()
    tree = front.parse_html(text, twins, code=False)
    t = lap("parse", t)
    # The pass before the walk (None: the queries), and what the page declares, read
    # before the walk drops the scripts (the pipeline's order); page_type reads it.
    scan = scan_page(tree, cfg)
    declared = declared_types(tree, None if scan is None else scan.declaring)
    t = lap("scan + declared types", t)
    body = tree.body
    if body is None:
        return
    for node in body.css(DROP_SELECTOR) if scan is None else scan.dropped:
        node.decompose()
    t = lap("drop code", t)
    state = PageWalk(body, plan, scan=scan)
    t = lap("markers + anchor", t)
    blocks, elements = state.run()
    t = lap("walk", t)
    doc = Document(blocks, cfg, kind="html", elements=elements)
    doc.notes[DECLARED] = declared
    # The rules reading the structure, before features (the pipeline's order).
    pending = [r for r in rules if "html" in getattr(r, "kinds", ("html",))]
    while pending and not getattr(pending[0], "uses_features", True):
        rule = pending.pop(0)
        if not isinstance(rule, TreeRule):
            rule.apply(doc)
            t = lap(f"  rule {rule.name}", t)
    stopwords = cleaner._phrases.stopwords
    # The pipeline's twins: the compiled ones where the compiled walk is used.
    language = compute_features(
        blocks,
        stopwords,
        cfg,
        any_stopword=cleaner._phrases.any_stopword,
        compiled=compiled_features(),
    )
    doc.language = language
    doc.stopwords = stopwords.get(language, frozenset())
    t = lap("features", t)
    for rule in pending:
        rule.apply(doc)
        t = lap(f"  rule {rule.name}", t)
    render_text(blocks)
    tuple(_decision(b) for b in blocks)
    lap("result", t)


def node_reads(page: str, times: dict[str, float]) -> None:
    """What reading every node of the body once costs through selectolax, with no
    logic at all: the floor under any walk in Python that looks at each node (its
    tag, a text node's text, an element's attributes)."""
    tree = front.parse_html(page)
    body = tree.body
    if body is None:
        return
    for node in body.css(DROP_SELECTOR):
        node.decompose()
    start = perf_counter()
    for node in body.traverse(include_text=True):
        if node.tag == "-text":
            node.text_content  # noqa: B018 - the read is what is timed
        else:
            node.attributes  # noqa: B018
    times["node reads (floor of a walk)"] = perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="dir of *.html.gz pages")
    ap.add_argument("--repeat", type=int, default=5, help="runs a page; the fastest counts (5)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages (all)")
    ap.add_argument("--cprofile", type=int, default=0, metavar="N", help="top N functions")
    args = ap.parse_args(argv)
    pages = list(load_html_pages(args.data).values())
    if args.limit:
        pages = pages[: args.limit]
    if not pages:
        print(f"no pages under {args.data}", file=sys.stderr)
        return 2
    cleaner = Cleaner()
    cleaner.clean(pages[0], kind="html")  # warm-up: lazy imports
    best: dict[str, float] = {}
    reads: dict[str, float] = {}
    whole = 0.0
    for page in pages:
        fastest: dict[str, float] = {}
        for _ in range(args.repeat):
            times: dict[str, float] = {}
            run_page(cleaner, page, times)
            for stage, seconds in times.items():
                fastest[stage] = min(fastest.get(stage, float("inf")), seconds)
        for stage, seconds in fastest.items():
            best[stage] = best.get(stage, 0.0) + seconds
        floor: dict[str, float] = {}
        for _ in range(args.repeat):
            times = {}
            node_reads(page, times)
            for stage, seconds in times.items():
                floor[stage] = min(floor.get(stage, float("inf")), seconds)
        for stage, seconds in floor.items():
            reads[stage] = reads.get(stage, 0.0) + seconds
        runs = []
        for _ in range(args.repeat):
            start = perf_counter()
            cleaner.clean(page, kind="html")
            runs.append(perf_counter() - start)
        whole += min(runs)
    n = len(pages)
    print(f"{n} pages, fastest of {args.repeat} runs a page, ms per page")
    rules_total = sum(s for k, s in best.items() if k.startswith("  rule"))
    for stage, seconds in best.items():
        if stage.startswith("  rule") and seconds * 1000 / n < 0.005:
            continue
        print(f"{stage:<32} {seconds * 1000 / n:7.3f}")
    print(f"{'(all rules)':<32} {rules_total * 1000 / n:7.3f}")
    print(f"{'sum of stages':<32} {sum(best.values()) * 1000 / n:7.3f}")
    print(f"{'Cleaner.clean, end to end':<32} {whole * 1000 / n:7.3f}")
    for stage, seconds in reads.items():
        print(f"{stage:<32} {seconds * 1000 / n:7.3f}")
    if args.cprofile:
        profile = cProfile.Profile()
        profile.enable()
        for page in pages:
            cleaner.clean(page, kind="html")
        profile.disable()
        stats = pstats.Stats(profile).sort_stats("tottime")
        stats.print_stats(args.cprofile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
