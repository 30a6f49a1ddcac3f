"""Structured output on the Zyte pages: titles against the page's declared headline, and
the text figures with and without Markdown.

    python benchmarks/structured.py [--data ../shared/benchmarks/zyte] [--show 10]

1. Title. The ground truth has no headline, so the reference is read from each page
   here, independently of ``cleaner.metadata``: the ``headline`` of a JSON-LD object
   typed as an article, and ``og:title``. A title *matches* a declared headline when,
   after normalisation (entities decoded, NFKC, casefolded, white space collapsed,
   curly quotes and dashes made plain), it is equal to it, or equal to it once a part
   split off by a separator (`` | ``, `` - ``, `` – ``, `` — ``, `` : ``, `` · ``) at
   its start or end is dropped (``Headline | Site Name``). The required figure: among
   pages declaring either, the share whose title matches the JSON-LD headline when
   there is one, og:title otherwise. Also shown: agreement with each source alone, and
   with the first ``<h1>`` (an independent, visible headline).
2. Text. The text output of ``clean_article(raw)`` against the text of
   ``clean_and_explain(raw, output="markdown")`` (must be identical), and the words of
   the Markdown rendered by a CommonMark parser (markdown-it-py, the ``test`` extra)
   against the words of the text; then the benchmark's F1 for each.
"""

from __future__ import annotations

import argparse
import gzip
import html
import importlib.util
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))
    if importlib.util.find_spec("cleaner") is None:
        sys.path.insert(0, str(ROOT / "src"))

from markdown_it import MarkdownIt  # noqa: E402
from selectolax.lexbor import LexborHTMLParser  # noqa: E402

from benchmarks import paths  # noqa: E402
from benchmarks.metric import evaluate  # noqa: E402
from cleaner import Cleaner  # noqa: E402

DEFAULT_DATA = paths.DATA / "zyte"
_SEPARATOR = re.compile(r"\s+[|\-–—:·]\s+")
_PLAIN = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_ARTICLE = re.compile(r"(Article|Posting|Report|Review)$")
_MD = MarkdownIt("commonmark").enable("table").enable("strikethrough")
_BLOCK_TAG = re.compile(
    r"</?(?:p|li|ul|ol|h[1-6]|blockquote|pre|table|thead|tbody|tr|td|th|hr)\b[^>]*>"
)
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+")


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", html.unescape(html.unescape(text)))
    return " ".join(text.translate(_PLAIN).casefold().split())


def matches(title: str | None, declared: str | None) -> bool:
    if not title or not declared:
        return False
    want, have = norm(declared), norm(title)
    if want == have:
        return True
    parts = _SEPARATOR.split(want)
    if len(parts) < 2:
        return False
    first, last = _SEPARATOR.search(want), list(_SEPARATOR.finditer(want))[-1]
    assert first is not None
    return have in (want[: last.start()].strip(), want[first.end() :].strip())


def declared_headlines(raw: str) -> tuple[str | None, str | None, str | None]:
    """(JSON-LD article headline, og:title, first <h1>) as the page declares them."""
    tree = LexborHTMLParser(raw)
    headline = None
    for script in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(script.text(), strict=False)
        except ValueError:
            continue
        for item in _objects(data):
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            text = item.get("headline")
            article = any(isinstance(k, str) and _ARTICLE.search(k) for k in kinds)
            if article and isinstance(text, str) and text.strip():
                headline = text
                break
        if headline:
            break
    og = tree.css_first('meta[property="og:title"]')
    og_title = (og.attributes.get("content") or None) if og is not None else None
    h1 = tree.css_first("h1")
    h1_text = (h1.text(separator=" ").strip() or None) if h1 is not None else None
    return headline, og_title, h1_text


def _objects(data: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, list):
            stack.extend(reversed(value))
        elif isinstance(value, dict):
            out.append(value)
            if isinstance(value.get("@graph"), list):
                stack.extend(reversed(value["@graph"]))
    return out


def markdown_words(markdown: str) -> list[str]:
    rendered = _BLOCK_TAG.sub(" ", _MD.render(markdown).replace("<br />", " "))
    return _WORD.findall(html.unescape(_TAG.sub("", rendered)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show", type=int, default=10, help="list this many title misses")
    args = parser.parse_args(argv)
    truth = json.loads((args.data / "ground-truth.json").read_text(encoding="utf-8"))
    cleaner = Cleaner()
    plain: dict[str, str] = {}
    with_md: dict[str, str] = {}
    md_text: dict[str, str] = {}
    same_text = same_words = 0
    counts = {"declared": 0, "match": 0, "ld": 0, "ld_match": 0, "og": 0, "og_match": 0}
    counts.update({"h1": 0, "h1_match": 0, "any_match": 0})
    misses: list[tuple[str, str | None, str | None]] = []
    for key in sorted(truth):
        raw = gzip.decompress((args.data / "html" / f"{key}.html.gz").read_bytes()).decode(
            "utf-8", "replace"
        )
        plain[key] = cleaner.clean(raw)
        result = cleaner.explain(raw, output="markdown")
        with_md[key] = result.text
        words = markdown_words(result.markdown or "")
        md_text[key] = " ".join(words)
        same_text += result.text == plain[key]
        same_words += words == _WORD.findall(result.text)

        headline, og_title, h1 = declared_headlines(raw)
        title = result.title
        reference = headline or og_title
        if reference:
            counts["declared"] += 1
            ok = matches(title, reference)
            counts["match"] += ok
            counts["any_match"] += matches(title, headline) or matches(title, og_title)
            if not ok:
                misses.append((key[-12:], title, reference))
        if headline:
            counts["ld"] += 1
            counts["ld_match"] += matches(title, headline)
        if og_title:
            counts["og"] += 1
            counts["og_match"] += matches(title, og_title)
        if h1:
            counts["h1"] += 1
            counts["h1_match"] += matches(title, h1)

    n = len(truth)

    def share(a: str, b: str) -> str:
        return f"{counts[a]}/{counts[b]} = {counts[a] / counts[b]:.1%}" if counts[b] else "n/a"

    print(f"pages: {n}")
    print("title vs the declared headline (JSON-LD headline, else og:title):")
    print(f"  matches: {share('match', 'declared')}   (required >= 95%)")
    print(f"  matches either source: {share('any_match', 'declared')}")
    print(f"  vs JSON-LD headline where declared: {share('ld_match', 'ld')}")
    print(f"  vs og:title where declared: {share('og_match', 'og')}")
    print(f"  vs the first <h1> (visible, independent): {share('h1_match', 'h1')}")
    for key, title, reference in misses[: args.show]:
        print(f"    miss {key}: title={title!r} declared={reference!r}")
    print("text with and without Markdown:")
    print(f"  text identical: {same_text}/{n}")
    print(f"  Markdown words (CommonMark-rendered) == text words: {same_words}/{n}")
    for name, predictions in (
        ("text (clean_article)", plain),
        ("text (output=markdown)", with_md),
        ("words of the Markdown", md_text),
    ):
        s = evaluate(predictions, {k: v["articleBody"] for k, v in truth.items()})
        print(
            f"  {name:<24} F1 {s.f1:.4f}  precision {s.precision:.4f}  "
            f"recall {s.recall:.4f}  accuracy {s.accuracy:.4f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
