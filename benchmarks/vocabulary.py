"""On how many sites each vocabulary entry removes something: the vocabulary audit.

    python benchmarks/vocabulary.py                  # entries firing on 0-1 sites
    python benchmarks/vocabulary.py --all            # every entry with its counts
    python benchmarks/vocabulary.py --save audit.json

Every page of every set under the data dir is cleaned, both tracks, through
``Cleaner.explain``; each removed block is traced back to the vocabulary entry that
removed it:

- a class/id token of ``phrases/html_hints.txt`` (the tree rules' reasons name it);
- a phrase of a language file: the whole-line sections (``accessibility``, ``chrome``,
  ``media_stub``), ``notice`` (searched anywhere), the trailer headings, ``media_label``
  (the block's start), and the single words of ``chrome_words`` and ``counter_nouns``.
  A phrase rule's reason quotes the block, not the phrase, so the block's text is
  matched again against each phrase of the section on its own.

A site is the page's host (``www.`` dropped); portals pages name their site;
readability-tests pages all live on "fakehost", and each is a page of its own site.
An entry counts a site when it removed a block on one of its pages. ``gold`` is the
removed text found verbatim in the page's ground truth (blocks of 30 characters or
more): what the entry costs, roughly.

The decision rule (docs/vocabulary.md): an entry firing on 0 or 1 sites stays only if
it is chrome known across the web.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))
    if importlib.util.find_spec("cleaner") is None:
        sys.path.insert(0, str(ROOT / "src"))

import regex  # noqa: E402

from benchmarks import paths  # noqa: E402
from benchmarks.sets import discover, load_pages, load_truth  # noqa: E402

#: Removed blocks shorter than this are not looked up in the gold ("Share" is in many).
GOLD_MIN_CHARS = 30
#: Phrase sections matched as the whole block (edge punctuation aside), by rule name.
WHOLE_LINE = {
    "accessibility_link": ("accessibility",),
    "chrome_phrase": ("chrome",),
    "media_stub": ("media_stub",),
    "trailer_zone": ("trailer_heading", "comments_heading", "recommendation_heading"),
}
_TOKEN_REASON = regex.compile(r"class/id token '([^']+)'")


def site_of(set_name: str, page_id: str, meta: dict[str, Any], truth: dict[str, Any]) -> str:
    """The page's site: its host, or its id where every page has the same host."""
    info = meta.get(page_id, {})
    if "site" in info:
        return f"{info['site']}"
    url = info.get("url") or truth.get(page_id, {}).get("url") or ""
    host = urlsplit(url).hostname or ""
    host = host.removeprefix("www.")
    if not host or host == "fakehost":
        return f"{set_name}:{page_id}"
    return host


# --- per-phrase matchers ----------------------------------------------------------------


class PhraseIndex:
    """Each phrase of each language file, compiled on its own, as its rule matches it."""

    def __init__(self) -> None:
        from cleaner.config import Config
        from cleaner.phrases import SECTIONS, phrase_to_pattern, read_phrase_file
        from cleaner.phrases.compile import PHRASE_FLAGS, whole_line_pattern

        self.entries: dict[str, list[tuple[str, Any]]] = defaultdict(list)
        self.words: dict[str, dict[str, str]] = defaultdict(dict)
        for lang in Config().languages:
            for section, lines in read_phrase_file(lang).items():
                if section not in SECTIONS or section == "stopwords":
                    continue
                for line in lines:
                    key = f"{lang}:{section}:{line}"
                    if section in ("chrome_words", "counter_nouns"):
                        for word in line.split():
                            self.words[section][word.casefold()] = f"{lang}:{section}:{word}"
                        continue
                    pattern = phrase_to_pattern(line)
                    if section == "notice":
                        compiled = regex.compile(pattern, PHRASE_FLAGS)
                    elif section in ("media_label", "author_heading"):
                        compiled = regex.compile(rf"^\W*(?:{pattern})(?:[\s:,.]|$)", PHRASE_FLAGS)
                    else:
                        compiled = whole_line_pattern(f"(?:{pattern})")
                    self.entries[section].append((key, compiled))

    def matches(self, rule: str, reason: str, text: str) -> list[str]:
        """The entries that explain one removal (several when several phrases match)."""
        from cleaner.features import words_of

        folded = text.casefold().strip()
        if rule in WHOLE_LINE:
            if rule == "trailer_zone" and reason.startswith("after the"):
                return []
            sections = WHOLE_LINE[rule]
            if rule == "trailer_zone":
                sections = (*sections, "author_heading")
            return [
                key
                for section in sections
                for key, pattern in self.entries[section]
                if pattern.match(folded)
            ]
        if rule == "notice":
            return [key for key, pattern in self.entries["notice"] if pattern.search(folded)]
        if rule == "media_label":
            return [key for key, pattern in self.entries["media_label"] if pattern.match(folded)]
        if rule in ("share_bar", "counter") and not reason.startswith("no letters"):
            section = "chrome_words" if rule == "share_bar" else "counter_nouns"
            known = self.words[section]
            return sorted({known[w] for w in words_of(folded) if w in known})
        return []


# --- the audit --------------------------------------------------------------------------

_INDEX: PhraseIndex | None = None
_CLEANER: Any = None


def _audit_page(item: tuple[str, str, str]) -> list[tuple[str, int, int]]:
    """(entry, chars removed, of which in the gold) for each removal of one page."""
    global _INDEX, _CLEANER
    if _CLEANER is None:
        from cleaner import Cleaner

        _CLEANER = Cleaner()
        _INDEX = PhraseIndex()
    assert _INDEX is not None
    kind, page, gold = item
    gold_text = " ".join(gold.split())
    result = _CLEANER.explain(page, kind=kind, metadata=False)
    out = []
    for d in result.blocks:
        if d.kept or not d.rule:
            continue
        text = " ".join(d.text.split())
        m = _TOKEN_REASON.search(d.reason or "")
        if m:
            entries = [f"html_hints:{d.rule}:{m.group(1).replace('-', ' ')}"]
        else:
            entries = _INDEX.matches(d.rule, d.reason or "", text)
        in_gold = len(text) if len(text) >= GOLD_MIN_CHARS and text in gold_text else 0
        out.extend((entry, len(text), in_gold) for entry in entries)
    return out


def pages(data: Path) -> Iterator[tuple[str, str, str, str, str]]:
    """(set, track, page id, page, gold) of every page."""
    for bench in discover(data):
        truth = load_truth(bench)
        for track in ("html", "text"):
            if not bench.has(track):
                continue
            for page_id, page in load_pages(bench, track).items():
                yield bench.name, track, page_id, page, truth.get(page_id, "")


def audit(data: Path, jobs: int) -> dict[str, dict[str, Any]]:
    """Per entry: sites, pages, blocks, chars and gold chars removed."""
    sites: dict[str, str] = {}
    items = []
    keys = []
    for bench in discover(data):
        meta_path = bench.truth.parent / "meta.json"
        meta = json.loads(meta_path.read_text("utf-8")) if meta_path.is_file() else {}
        raw_truth = json.loads(bench.truth.read_text("utf-8"))
        for page_id in raw_truth:
            sites[f"{bench.name}/{page_id}"] = site_of(bench.name, page_id, meta, raw_truth)
    for name, track, page_id, page, gold in pages(data):
        keys.append((name, track, page_id))
        items.append((track, page, gold))
    stats: dict[str, dict[str, Any]] = {}
    with ProcessPoolExecutor(jobs) as pool:
        for (name, track, page_id), found in zip(
            keys, pool.map(_audit_page, items, chunksize=8), strict=True
        ):
            for entry, chars, gold in found:
                s = stats.setdefault(
                    entry,
                    {"sites": set(), "pages": set(), "blocks": 0, "chars": 0, "gold": 0},
                )
                s["sites"].add(sites.get(f"{name}/{page_id}", f"{name}:{page_id}"))
                s["pages"].add(f"{name}/{track}/{page_id}")
                s["blocks"] += 1
                s["chars"] += chars
                s["gold"] += gold
    return stats


def all_entries() -> list[str]:
    """Every entry of every vocabulary, named as ``audit`` names them."""
    from cleaner import Cleaner
    from cleaner.rules.tree import TreeRule

    out = []
    for rule in Cleaner().rules_for("html"):
        if isinstance(rule, TreeRule) and rule.vocabulary:
            for seqs in rule.entries.values():
                out.extend(f"html_hints:{rule.name}:{' '.join(e)}" for e in seqs)
    index = PhraseIndex()
    for section in index.entries.values():
        out.extend(key for key, _ in section)
    for words in index.words.values():
        out.extend(words.values())
    return sorted(set(out))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=paths.DATA, help=f"data dir ({paths.DATA})")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (2)")
    ap.add_argument("--all", action="store_true", help="print every entry, not only 0-1 sites")
    ap.add_argument("--save", type=Path, help="write the counts to this JSON file")
    args = ap.parse_args(argv)
    stats = audit(args.data, args.jobs)
    rows = []
    for entry in all_entries() + sorted(set(stats) - set(all_entries())):
        s = stats.get(entry, {"sites": set(), "pages": set(), "blocks": 0, "chars": 0, "gold": 0})
        rows.append((entry, len(s["sites"]), len(s["pages"]), s["blocks"], s["chars"], s["gold"]))
    print("sites\tpages\tblocks\tchars\tgold\tentry")
    for entry, n_sites, n_pages, blocks, chars, gold in rows:
        if args.all or n_sites <= 1:
            print(f"{n_sites}\t{n_pages}\t{blocks}\t{chars}\t{gold}\t{entry}")
    if args.save:
        saved = {
            entry: {
                "sites": sorted(stats[entry]["sites"]) if entry in stats else [],
                "pages": n_pages,
                "blocks": blocks,
                "chars": chars,
                "gold": gold,
            }
            for entry, _, n_pages, blocks, chars, gold in rows
        }
        args.save.write_text(json.dumps(saved, indent=1, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
