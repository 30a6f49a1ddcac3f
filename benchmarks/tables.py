"""The quality tables of a multi-set run: per set and track, the mean over sets, empty outputs.

Pure functions of the measured rows, so that tests can feed them fake extractors.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from benchmarks.measure import QualityRow
from benchmarks.metric import Summary
from benchmarks.peers import Extractor
from benchmarks.sets import HALVES

#: The roles cleaner is compared with in "cleaner − best other": not the floor (no cleaning).
OTHERS = ("peer", "baseline")


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _rate(x: float) -> str:
    return f"{x:,.0f}" if x >= 10 else f"{x:.1f}"


def _name(ex: Extractor) -> str:
    return f"**{ex.label}**" if ex.role == "cleaner" else ex.label


def _no_ticks(text: str) -> str:
    return text.replace("`", "'")


@dataclass
class SetResult:
    """One set on one track: a row per extractor."""

    name: str
    track: str  # "html" or "text"
    rows: list[QualityRow]
    #: The halves scored, in HALVES order: both, or the one asked for with --half.
    halves: tuple[str, ...] = HALVES
    #: F1 per extractor key as the set's README publishes it (none where it does not).
    published: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # printed under the table

    @property
    def pages(self) -> int:
        return self.rows[0].summary.n if self.rows else 0

    def columns(self) -> list[str]:
        """The F1 columns: each half scored, and ``all`` when both were."""
        return [*self.halves, "all"] if len(self.halves) > 1 else list(self.halves)

    def f1(self, row: QualityRow, column: str) -> float | None:
        summary = row.summary if column == "all" else row.by_half.get(column)
        return summary.f1 if summary else None


def _half_size(result: SetResult, half: str) -> int:
    sizes = [r.by_half[half].n for r in result.rows if half in r.by_half]
    return sizes[0] if sizes else 0


def set_table(result: SetResult) -> str:
    """F1 per half and over all pages; precision, recall, accuracy over all pages."""
    columns = result.columns()
    header = [f"F1 {c} ({_half_size(result, c) if c != 'all' else result.pages})" for c in columns]
    header = ["extractor", *header, "precision", "recall", "accuracy", "empty", "errors"]
    header.append("docs/s*")
    if result.published:
        header.append("published F1")
    body = []
    for r in result.rows:
        s: Summary = r.summary
        cells: list[object] = [_name(r.extractor)]
        for c in columns:
            value = result.f1(r, c)
            text = "—" if value is None else f"{value:.3f}"
            cells.append(f"{text} ± {s.f1_std:.3f}" if c == columns[-1] else text)
        cells += [f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.accuracy:.3f}", r.empty, r.errors]
        cells.append(_rate(r.docs_per_s))
        if result.published:
            figure = result.published.get(r.extractor.key)
            cells.append("" if figure is None else f"{figure:.3f}")
        body.append(cells)
    failures = [
        f"- {r.extractor.label} failed on {r.errors} page(s), e.g. `{_no_ticks(sample)}`"
        for r in result.rows
        for sample in r.error_samples[:1]
    ]
    text = table(header, body)
    if failures:
        text += "\n\n" + "\n".join(failures)
    if result.notes:
        text += "\n\n" + "\n".join(f"- {n}" for n in result.notes)
    return text


# --- over sets ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Mean:
    extractor: Extractor
    f1: dict[str, float]  # column ("dev", "held-out", "all") -> mean F1 over the sets
    sets: int  # how many sets it ran on


def means(results: Sequence[SetResult], track: str) -> list[Mean]:
    """Per extractor (by key, first-seen order), the unweighted mean F1 over the sets.

    Unweighted: each set counts once whatever its size, so that cleaneval's 730 pages do not
    drown the others.
    """
    per_key: dict[str, list[tuple[SetResult, QualityRow]]] = {}
    for result in (r for r in results if r.track == track):
        for row in result.rows:
            per_key.setdefault(row.extractor.key, []).append((result, row))
    out = []
    for found in per_key.values():
        columns = found[0][0].columns()
        f1 = {}
        for c in columns:
            values = [v for res, row in found if (v := res.f1(row, c)) is not None]
            if values:
                f1[c] = sum(values) / len(values)
        out.append(Mean(found[0][1].extractor, f1, len(found)))
    return out


def best_other(mean_rows: Sequence[Mean], column: str = "all") -> Mean | None:
    """The non-cleaner extractor (peer or baseline, not the floor) with the best mean F1."""
    others = [m for m in mean_rows if m.extractor.role in OTHERS and column in m.f1]
    return max(others, key=lambda m: m.f1[column], default=None)


def mean_table(results: Sequence[SetResult], track: str) -> str:
    rows = means(results, track)
    if not rows:
        return ""
    columns = [c for c in (*HALVES, "all") if any(c in m.f1 for m in rows)]
    n_sets = len({r.name for r in results if r.track == track})
    body = [
        [_name(m.extractor), *(f"{m.f1[c]:.3f}" if c in m.f1 else "—" for c in columns), m.sets]
        for m in rows
    ]
    text = table(["extractor", *(f"mean F1 {c}" for c in columns), "sets"], body)
    line = margin_line(rows, columns)
    note = f"Unweighted mean of the F1 of each of the {n_sets} set(s)."
    return text + "\n\n" + note + (" " + line if line else "")


def margin_line(rows: Sequence[Mean], columns: Sequence[str]) -> str:
    """ "cleaner − best other: ..." per column, the best other chosen on the widest column."""
    cleaner = next((m for m in rows if m.extractor.role == "cleaner"), None)
    best = best_other(rows, columns[-1]) if columns else None
    if cleaner is None or best is None:
        return ""
    deltas = ", ".join(
        f"{c} {cleaner.f1[c] - best.f1[c]:+.3f}"
        for c in columns
        if c in cleaner.f1 and c in best.f1
    )
    return f"cleaner − best other ({best.extractor.label}): {deltas}."


def empty_table(results: Sequence[SetResult], track: str) -> str:
    """Pages with an empty output, per extractor (rows) and set (columns)."""
    mine = [r for r in results if r.track == track]
    if not mine:
        return ""
    counts: dict[str, tuple[Extractor, dict[str, int]]] = {}
    for result in mine:
        for row in result.rows:
            entry = counts.setdefault(row.extractor.key, (row.extractor, {}))
            entry[1][result.name] = row.empty
    header = ["extractor", *(f"{r.name} ({r.pages})" for r in mine), "total"]
    body = [
        [_name(ex), *(per.get(r.name, "—") for r in mine), sum(per.values())]
        for ex, per in counts.values()
    ]
    return table(header, body)
