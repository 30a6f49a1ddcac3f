"""Fingerprints of cleaner's output on every benchmark page, both tracks.

    python benchmarks/hashes.py --save before.json      # one digest per page and output
    python benchmarks/hashes.py --compare before.json   # the pages whose output changed
    python benchmarks/hashes.py --compare before.json --track text   # one track only

A refactoring that changes no behaviour leaves every digest as it was. Each page is
cleaned once per track (HTML pages with ``kind="html"``, text dumps with
``kind="text"``) through ``Cleaner.explain(..., output="markdown")`` with links,
emphasis and images, and three digests are kept: the text, that Markdown, and the
decisions (kept or removed, rule, reason per block). The table prints one combined
digest per set, track and output.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import importlib.util
import json
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))
    if importlib.util.find_spec("cleaner") is None:
        sys.path.insert(0, str(ROOT / "src"))

from benchmarks import paths  # noqa: E402
from benchmarks.measure import load_html_pages, load_text_pages  # noqa: E402

#: What each page's output is fingerprinted by.
OUTPUTS = ("text", "markdown", "decisions")


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


@functools.cache
def _cleaner() -> Any:
    """One ``Cleaner`` per worker process: building one costs some 0.2 s, most of a
    track's run when built per page. A ``Cleaner`` carries nothing from one call to
    the next, so the digests are those of a fresh one (the saved digests of earlier
    runs, made with one per page, tell if that ever stops being so)."""
    from cleaner import Cleaner

    return Cleaner()


def page_digests(item: tuple[str, str]) -> dict[str, str]:
    """The three digests of one page (``kind`` and page text)."""
    kind, page = item
    result = _cleaner().explain(
        page, kind=kind, output="markdown", links=True, emphasis=True, images=True
    )
    decisions = "\n".join(
        f"{d.kept}\t{d.rule}\t{d.family}\t{d.reason}\t{d.text}" for d in result.blocks
    )
    return {
        "text": _digest(result.text),
        "markdown": _digest(result.markdown or ""),
        "decisions": _digest(decisions),
    }


def tracks(data: Path) -> Iterator[tuple[str, str, dict[str, str]]]:
    """(set, track, pages) for every set under ``data``: its HTML pages and text dumps."""
    for folder in sorted(p for p in data.iterdir() if p.is_dir()):
        if (folder / "html").is_dir():
            yield folder.name, "html", load_html_pages(folder / "html")
        if (folder / "text").is_dir():
            yield folder.name, "text", load_text_pages(folder / "text")
        elif folder.name.endswith("-text"):  # zyte-text: the dumps at the top level
            yield folder.name.removesuffix("-text"), "text", load_text_pages(folder)


def fingerprint_all(data: Path, jobs: int, only: str | None = None) -> dict[str, dict[str, str]]:
    """``"set/track/page"`` -> its digests (of the track ``only``, when given)."""
    out: dict[str, dict[str, str]] = {}
    with ProcessPoolExecutor(jobs) as pool:
        for name, track, pages in tracks(data):
            if only is not None and track != only:
                continue
            keys = [f"{name}/{track}/{page}" for page in pages]
            items = [(track, text) for text in pages.values()]
            for key, digests in zip(keys, pool.map(page_digests, items, chunksize=8), strict=True):
                out[key] = digests
            print(f"{name}/{track}: {len(keys)} pages", file=sys.stderr, flush=True)
    return out


def summary(digests: dict[str, dict[str, str]]) -> str:
    groups: dict[str, list[str]] = {}
    for key in sorted(digests):
        groups.setdefault(key.rsplit("/", 1)[0], []).append(key)
    lines = ["| set/track | pages | " + " | ".join(OUTPUTS) + " |", "| --- " * 5 + "|"]
    for group, keys in groups.items():
        cells = [_digest("".join(digests[k][o] for k in keys)) for o in OUTPUTS]
        lines.append(f"| {group} | {len(keys)} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=paths.DATA, help=f"data dir ({paths.DATA})")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (2)")
    ap.add_argument("--save", type=Path, help="write every page's digests to this JSON file")
    ap.add_argument("--compare", type=Path, help="list the pages whose digests differ from it")
    ap.add_argument(
        "--track", choices=("html", "text"), help="only this track (compared with its pages)"
    )
    args = ap.parse_args(argv)
    digests = fingerprint_all(args.data, args.jobs, args.track)
    print(summary(digests))
    if args.save:
        args.save.write_text(json.dumps(digests, indent=0, sort_keys=True) + "\n")
    if args.compare:
        before = json.loads(args.compare.read_text())
        if args.track:
            before = {k: v for k, v in before.items() if k.split("/")[1] == args.track}
        changed = {
            output: sorted(
                k for k in digests if before.get(k, {}).get(output) != digests[k][output]
            )
            for output in OUTPUTS
        }
        missing = sorted(set(before) - set(digests))
        for output, keys in changed.items():
            print(f"{output}: {len(keys)} of {len(digests)} pages differ", *keys[:20], sep="\n  ")
        if missing:
            print(f"{len(missing)} pages of the saved run are missing here")
        return 1 if missing or any(changed.values()) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
