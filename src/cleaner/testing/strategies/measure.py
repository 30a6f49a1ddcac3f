"""Measuring cleaner on generated pages (``python -m cleaner.testing.strategies``)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from hypothesis import strategies as st

from .model import KINDS, LANGUAGES, GeneratedPage
from .render import html_pages, text_pages


def clean_sample(
    strategy: st.SearchStrategy[GeneratedPage], cleaner: Any, examples: int, seed: int = 0
) -> list[tuple[GeneratedPage, list[str]]]:
    """Clean ``examples`` pages drawn from ``strategy`` with ``cleaner``; each page with
    its failure patterns (empty when the page came out exactly right). The pages are
    the same every run for one ``seed``: an explicit seed, not Hypothesis'
    derandomisation, whose pages change with this function's source text."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as seeded

    outcomes: list[tuple[GeneratedPage, list[str]]] = []

    @seeded(seed)
    @settings(
        max_examples=examples,
        derandomize=False,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def run(page: GeneratedPage) -> None:
        result = cleaner.explain(page.raw, kind=page.input_kind)
        outcomes.append((page, page.failure_patterns(result) if page.problems(result.text) else []))

    run()
    return outcomes


def _measure(argv: Sequence[str] | None = None) -> int:
    """Clean generated pages and report the share cleaned exactly, by language and kind."""
    import argparse

    from ... import Cleaner

    parser = argparse.ArgumentParser(
        prog="python -m cleaner.testing.strategies", description=_measure.__doc__
    )
    parser.add_argument("-n", "--examples", type=int, default=500)
    parser.add_argument("--html", action="store_true", help="HTML pages instead of text dumps")
    parser.add_argument("--language", action="append", choices=LANGUAGES)
    parser.add_argument("--kind", action="append", choices=sorted(KINDS))
    parser.add_argument(
        "--bank",
        choices=("dev", "heldout"),
        default="dev",
        help="word bank: 'dev' (tune on it) or 'heldout' (a measurement: counts only)",
    )
    parser.add_argument(
        "--seed",
        type=int,
        action="append",
        help="draw the pages from this seed (default 0; repeatable: one sample a seed, "
        "pooled -- one sample clusters near-identical pages and moves by a few points)",
    )
    parser.add_argument("--show", type=int, default=0, help="print this many failing pages")
    parser.add_argument(
        "--minimise",
        metavar="DIR",
        help="shrink one failing page per failure pattern and write it to DIR as JSON",
    )
    args = parser.parse_args(argv)
    if args.bank == "heldout" and (args.show or args.minimise):
        # Looking at the held-out failures would make the bank a second dev bank.
        parser.error("--show and --minimise read failing pages: dev bank only")

    cleaner = Cleaner()
    factory = html_pages if args.html else text_pages
    strategy = factory(
        languages=args.language or LANGUAGES, kinds=args.kind or tuple(KINDS), bank=args.bank
    )
    outcomes: list[tuple[GeneratedPage, list[str]]] = []
    for seed in args.seed or [0]:
        sample = clean_sample(strategy, cleaner, args.examples, seed)
        if len(args.seed or ()) > 1:
            exact = sum(not patterns for _, patterns in sample)
            print(f"seed {seed}: {exact}/{len(sample)} cleaned exactly ({exact / len(sample):.1%})")
        outcomes += sample
    total = len(outcomes)
    exact = sum(not patterns for _, patterns in outcomes)
    what = "HTML" if args.html else "text"
    print(
        f"{exact}/{total} generated {what} pages ({args.bank} bank) cleaned exactly "
        f"({exact / total:.1%})"
    )
    _table("by language", outcomes, lambda page: [page.language])
    _table(
        "by injected kind (pages carrying it)",
        outcomes,
        lambda page: list(page.kinds) or ["(none)"],
    )
    patterns = Counter(p for _, found in outcomes for p in dict.fromkeys(found))
    print("\nfailure patterns (pages):")
    for pattern, count in patterns.most_common():
        langs = Counter(page.language for page, found in outcomes if pattern in found)
        print(f"  {count:4}  {pattern:55} {dict(sorted(langs.items()))}")
    if args.minimise:
        _minimise(outcomes, factory, cleaner, args.minimise)
    shown = 0
    for page, found in outcomes:
        if found and shown < args.show:
            shown += 1
            print("\n" + "-" * 70, "\n", found, "\n", page.raw, sep="")
    return 0


def _minimise(
    outcomes: list[tuple[GeneratedPage, list[str]]], factory: Any, cleaner: Any, out_dir: str
) -> None:
    """For each failure pattern (and language it was seen in), the smallest failing page."""
    import json
    from pathlib import Path

    from hypothesis import HealthCheck, find, settings
    from hypothesis.errors import NoSuchExample, Unsatisfiable

    seen: dict[tuple[str, str], GeneratedPage] = {}
    for page, patterns in outcomes:
        for pattern in patterns:
            seen.setdefault((pattern, page.language), page)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    quiet = settings(
        derandomize=True,
        database=None,
        deadline=None,
        max_examples=2000,
        suppress_health_check=list(HealthCheck),
    )
    for (pattern, language), example in sorted(seen.items()):

        def fails_so(page: GeneratedPage, pattern: str = pattern) -> bool:
            result = cleaner.explain(page.raw, kind=page.input_kind)
            return bool(page.problems(result.text)) and pattern in page.failure_patterns(result)

        strategy = factory(languages=[language], kinds=example.kinds or tuple(KINDS))
        try:
            smallest = find(strategy, fails_so, settings=quiet)
        except (NoSuchExample, Unsatisfiable) as exc:  # the failing page is too rare to find
            print(f"  could not shrink {pattern!r} ({language}): {type(exc).__name__}")
            continue
        slug = re.sub(r"[^a-z0-9]+", "-", f"{smallest.input_kind}-{language}-{pattern}".lower())
        record = {"pattern": pattern, "status": "fails", "why": "", **smallest.to_dict()}
        path = out / f"{slug.strip('-')}.json"
        path.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"  wrote {path}")


def _table(title: str, outcomes: list[tuple[GeneratedPage, list[str]]], keys: Any) -> None:
    seen: Counter[str] = Counter()
    good: Counter[str] = Counter()
    for page, found in outcomes:
        for key in keys(page):
            seen[key] += 1
            good[key] += not found
    print(f"\n{title}:")
    for key in sorted(seen):
        print(f"  {key:18} {good[key]:4}/{seen[key]:<4} {good[key] / seen[key]:6.1%}")
