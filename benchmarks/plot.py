"""The plot of docs/benchmarks.md: F1 on zyte against documents per second."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from benchmarks.tables import _rate

if TYPE_CHECKING:
    from pathlib import Path

    from benchmarks.report import Report


def write_plot(rep: Report, path: Path) -> bool:
    """F1 against docs/s (log x): HTML pages, and the text dumps if measured."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("plot skipped: matplotlib not installed (pip install .[bench])", file=sys.stderr)
        return False
    speeds = {r.extractor.key: r.median for r in rep.speed_rows if r.input_name == "html"}
    html_points = [
        (r.extractor, speeds.get(r.extractor.key, r.docs_per_s), r.summary.f1)
        for r in rep.html_rows
    ]
    text_points = [(r.extractor, r.docs_per_s, r.summary.f1) for r in rep.text_rows]
    titled = ((html_points, "zyte, HTML pages"), (text_points, "zyte, text dumps"))
    panels = [(p, t) for p, t in titled if p]
    if not panels:
        return False
    fig, axes = plt.subplots(1, len(panels), figsize=(6.5 * len(panels), 6.4), squeeze=False)
    for ax, (points, title) in zip(axes[0], panels, strict=True):
        _panel(ax, points, title, rep)
    fig.subplots_adjust(left=0.07, right=0.98, top=0.93, bottom=0.36, wspace=0.2)
    fig.savefig(path, dpi=110, bbox_inches="tight")
    plt.close(fig)
    return True


_MARKERS = "osD^vP*Xph<>"


def _panel(ax, points, title: str, rep: Report) -> None:
    """One scatter; a legend names the points (labels next to clustered points collide)."""
    peer_colours = iter(["#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf"] * 3)
    for i, (ex, rate, f1) in enumerate(sorted(points, key=lambda p: -p[2])):
        if ex.role == "cleaner":
            colour, size, marker = "#d62728", 130, "o"
        elif ex.role in ("floor", "baseline"):
            colour, size, marker = "#7f7f7f", 50, _MARKERS[i % len(_MARKERS)]
        else:
            colour, size, marker = next(peer_colours), 50, _MARKERS[i % len(_MARKERS)]
        label = f"{ex.label}: F1 {f1:.3f}, {_rate(rate)} docs/s"
        ax.scatter([rate], [f1], s=size, color=colour, marker=marker, zorder=3, label=label)
        if ex.role == "cleaner":
            ax.annotate(
                "cleaner", (rate, f1), textcoords="offset points", xytext=(8, 6),
                fontsize=9, fontweight="bold", color=colour,
            )  # fmt: skip
    ax.set_xscale("log")
    rates = [r for _, r, _ in points]
    ax.set_xlim(min(rates) / 2, max(rates) * 2)
    f1s = [f for _, _, f in points]
    margin = (max(f1s) - min(f1s)) * 0.08 + 0.005
    ax.set_ylim(min(f1s) - margin, max(f1s) + margin)
    ax.set_xlabel("documents per second (log scale)")
    ax.set_ylabel("F1 (Zyte metric)")
    if title.endswith("HTML pages"):
        if not any(ex.role == "cleaner" for ex, _, _ in points):
            title += " (cleaner: HTML front-end not available yet)"
        title += " — docs/s: " + ("interleaved median" if rep.speed_rows else "single pass")
    else:
        title += " — docs/s: single pass"
    ax.set_title(title, fontsize=10)
    ax.grid(True, which="both", alpha=0.3)
    # Below the axes, so that it never hides a point.
    ax.legend(fontsize=7.5, loc="upper left", bbox_to_anchor=(0, -0.13), frameon=False)
