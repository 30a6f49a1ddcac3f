"""Save a run's scores per set, track and half, and print the deltas between two runs.

    python benchmarks/run.py --cleaner-only --save before.json      # on the old code
    python benchmarks/run.py --cleaner-only --compare before.json   # on the new code
    python benchmarks/compare.py before.json after.json [--extractor KEY]

The deltas are the lines to paste in a commit message: one per set and track (F1 per half,
empty outputs), then the mean over sets. Nothing is cached between runs except by --save.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))

from benchmarks.tables import SetResult, means  # noqa: E402

Scores = dict[str, Any]


def to_scores(results: Sequence[SetResult], revision: str = "?") -> Scores:
    """``{"revision", "sets": {set: {track: {key: {...}}}}, "means": {track: {key: {...}}}}``."""
    sets: dict[str, dict[str, dict[str, Any]]] = {}
    for result in results:
        per_key = sets.setdefault(result.name, {}).setdefault(result.track, {})
        columns = result.columns()
        for row in result.rows:
            halves = {c: row.by_half[c] for c in columns if c in row.by_half}
            per_key[row.extractor.key] = {
                "label": row.extractor.label,
                "f1": {c: round(v, 6) for c in columns if (v := result.f1(row, c)) is not None},
                "precision": round(row.summary.precision, 6),
                "recall": round(row.summary.recall, 6),
                # Per column of the table: "all" only where both halves were scored.
                "empty": {c: row.empty_by_half.get(c, 0) for c in halves},
                "pages": {c: summary.n for c, summary in halves.items()},
            }
            if "all" in columns:
                per_key[row.extractor.key]["empty"]["all"] = row.empty
                per_key[row.extractor.key]["pages"]["all"] = row.summary.n
    tracks = sorted({r.track for r in results})
    mean = {
        t: {m.extractor.key: {c: round(v, 6) for c, v in m.f1.items()} for m in means(results, t)}
        for t in tracks
    }
    return {"revision": revision, "sets": sets, "means": mean}


def save(path: Path, scores: Scores) -> None:
    path.write_text(json.dumps(scores, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def load(path: Path) -> Scores:
    return json.loads(path.read_text(encoding="utf-8"))


COLUMNS = ("dev", "held-out", "all")


def _cols(old: dict[str, float], new: dict[str, float]) -> str:
    parts = []
    for c in COLUMNS:
        if c in old and c in new:
            parts.append(f"{c} {new[c] - old[c]:+.3f} ({old[c]:.3f}→{new[c]:.3f})")
    return ", ".join(parts) or "no common half"


def deltas(old: Scores, new: Scores, key: str = "cleaner") -> list[str]:
    """One line per set and track both runs scored ``key`` on, then per track the mean over
    the sets both runs have (recomputed from them, so that runs of different sets compare)."""
    lines = []
    common: dict[str, list[tuple[dict[str, float], dict[str, float]]]] = {}
    for name, tracks in new["sets"].items():
        for track, per_key in tracks.items():
            before = old["sets"].get(name, {}).get(track, {}).get(key)
            after = per_key.get(key)
            if not before or not after:
                continue
            common.setdefault(track, []).append((before["f1"], after["f1"]))
            line = f"{name} {track}: F1 {_cols(before['f1'], after['f1'])}"
            shared = [c for c in COLUMNS if c in before["empty"] and c in after["empty"]]
            if shared:
                c = shared[-1]
                if before["pages"].get(c) != after["pages"].get(c):
                    line += f" [{c} pages {before['pages'].get(c)}→{after['pages'].get(c)}]"
                line += f"; empty ({c}) {before['empty'][c]}→{after['empty'][c]}"
            lines.append(line)
    for track, pairs in common.items():
        columns = [c for c in COLUMNS if all(c in p[0] and c in p[1] for p in pairs)]
        old_mean, new_mean = (
            {c: sum(p[side][c] for p in pairs) / len(pairs) for c in columns} for side in (0, 1)
        )
        lines.append(f"mean over the {len(pairs)} set(s), {track}: F1 {_cols(old_mean, new_mean)}")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("old", type=Path)
    ap.add_argument("new", type=Path)
    ap.add_argument("--extractor", default="cleaner", help="extractor key (cleaner)")
    args = ap.parse_args(argv)
    old, new = load(args.old), load(args.new)
    print(f"{args.extractor}: {old.get('revision', '?')} → {new.get('revision', '?')}")
    for line in deltas(old, new, args.extractor) or ["nothing in common to compare"]:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
