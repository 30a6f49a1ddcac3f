"""Markdown tables of the measurements, docs/benchmarks.md and the plot docs/benchmark.png."""

from __future__ import annotations

import datetime
import os
import platform
import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import tables
from benchmarks.measure import LeakCheck, PeakRow, QualityRow, SpeedRow, max_rss_mib
from benchmarks.peers import cleaner_version, version
from benchmarks.plot import write_plot
from benchmarks.sets import FIRST, TRACKS
from benchmarks.tables import SetResult, _rate, table


def _find(rows: Sequence[SpeedRow], key: str, input_name: str = "html") -> SpeedRow | None:
    return next((r for r in rows if r.extractor.key == key and r.input_name == input_name), None)


def speed_table(rows: Sequence[SpeedRow]) -> str:
    traf, flo = _find(rows, "trafilatura"), _find(rows, "floor")
    header = ["extractor", "input", "docs/s (median)", "min–max", "ms/doc", "vs trafilatura"]
    header.append("vs floor")
    body = []
    for r in sorted(rows, key=lambda r: (r.input_name, -r.median)):
        comparable = r.input_name == "html"
        body.append(
            [
                f"**{r.extractor.label}**" if r.extractor.role == "cleaner" else r.extractor.label,
                r.input_name,
                _rate(r.median),
                f"{_rate(min(r.per_pass))}–{_rate(max(r.per_pass))}",
                f"{1000 / r.median:.2f}",
                f"{r.median / traf.median:.2f}x" if traf and comparable else "—",
                f"{r.median / flo.median:.2f}x" if flo and comparable else "—",
            ]
        )
    return table(header, body)


def speed_ratios(rows: Sequence[SpeedRow]) -> str:
    cl, traf, flo = _find(rows, "cleaner"), _find(rows, "trafilatura"), _find(rows, "floor")
    if cl is None:
        return "cleaner/trafilatura and cleaner/floor: n/a (cleaner cannot run on HTML yet)"
    parts = []
    if traf:
        parts.append(f"cleaner/trafilatura = {cl.median / traf.median:.2f}x")
        slow = _find(rows, "cleaner-python")
        if slow:
            parts.append(
                f"cleaner with its Python walk/trafilatura = {slow.median / traf.median:.2f}x"
            )
    if flo:
        parts.append(f"cleaner/floor = {cl.median / flo.median:.2f}x")
    return "; ".join(parts) + " (median docs/s over passes, HTML pages)"


def peak_table(rows: Sequence[PeakRow]) -> str:
    body = [
        [
            r.extractor.label,
            r.input_name,
            f"{r.extra:.1f}" + ("" if r.exact else " (incl. loading)"),
            f"{r.peak:.0f}",
            f"{r.baseline:.0f}",
        ]
        for r in rows
    ]
    header = ["extractor", "input", "peak RSS over baseline, MiB", "peak RSS", "baseline RSS"]
    return table(header, body)


def leak_table(check: LeakCheck) -> str:
    body = [
        [i + 1, f"{t * 1024:.1f}", f"{r:.1f}"]
        for i, (t, r) in enumerate(zip(check.traced, check.rss, strict=True))
    ]
    return table(["pass", "traced KiB after gc", "RSS MiB"], body)


def _short_path(site: str) -> str:
    """A source location without the machine-specific directories in front of it."""
    for marker in ("/site-packages/", "/src/", "/lib/python"):
        if marker in site:
            return site.split(marker, 1)[1]
    return site


def leak_summary(check: LeakCheck) -> str:
    if len(check.traced) < 2:
        return "leak check: fewer than 2 passes"
    kib = (check.traced[-1] - check.traced[0]) * 1024
    rss = check.rss[-1] - check.rss[0]
    n = len(check.traced)
    return (
        f"growth from pass 1 to pass {n} ({check.extractor.label}, {check.input_name}): "
        f"traced {kib:+.1f} KiB ({kib / (n - 1):+.1f} KiB/pass), RSS {rss:+.1f} MiB"
    )


# --- environment -------------------------------------------------------------------------


def _git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, timeout=10, check=True
    ).stdout.strip()


def git_revision(root: Path) -> str:
    """The commit measured, and whether the measured code differs from it (the docs this
    run writes do not count)."""
    try:
        rev = _git(root, "rev-parse", "--short", "HEAD")
        dirty = _git(
            root,
            "status",
            "--porcelain",
            "--untracked-files=no",
            "--",
            "src",
            "benchmarks",
            "pyproject.toml",
        )
    except (OSError, subprocess.SubprocessError):
        return "?"
    return f"{rev}{' + uncommitted changes' if dirty else ''}"


def _cpu() -> str:
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def environment(root: Path) -> str:
    text = (
        f"{datetime.date.today().isoformat()}, cleaner {cleaner_version()} "
        f"(git {git_revision(root)}), Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs ({_cpu()}), "
        f"selectolax {version('selectolax')}"
    )
    if hasattr(os, "getloadavg"):
        # Other processes on the machine slow every extractor alike: absolute docs/s drop,
        # the interleaved ratios much less. The load says how much to trust the former.
        text += f"; load average at the end of the run {os.getloadavg()[1]:.1f} (5 min)"
    return text


# --- the whole report --------------------------------------------------------------------


@dataclass
class Report:
    results: list[SetResult] = field(default_factory=list)  # per set and track
    speed_rows: list[SpeedRow] = field(default_factory=list)
    speed_notes: list[str] = field(default_factory=list)
    passes: int = 0
    peaks: list[PeakRow] = field(default_factory=list)
    leak: LeakCheck | None = None
    #: Markdown of a speed section measured earlier, kept as is (--write-docs --no-speed).
    kept_speed: str = ""

    def rows_of(self, name: str, track: str) -> list[QualityRow]:
        found = next((r for r in self.results if r.name == name and r.track == track), None)
        return found.rows if found else []

    @property
    def html_rows(self) -> list[QualityRow]:  # zyte's, for the plot
        return self.rows_of(FIRST, "html")

    @property
    def text_rows(self) -> list[QualityRow]:
        return self.rows_of(FIRST, "text")


def _notes(notes: Sequence[str]) -> str:
    return "\n".join(f"- skipped {n}" for n in notes)


TRACK_TITLES = {"html": "HTML pages", "text": "Raw text dumps"}
TRACK_INPUTS = {
    "html": "`<set>/html/<id>.html.gz` (zyte: `zyte/html`), decoded as the sets' READMEs say "
    "(BOM, else strict UTF-8, else the `<meta>` charset, ISO-8859-1 read as cp1252, else "
    'cp1252); cleaner with `kind="html"`, every installed peer with its defaults unless '
    "noted, and the floor.",
    "text": "`<set>/text/<id>.txt` (zyte: `zyte-text/`), the pages' whole visible text; cleaner "
    'with `kind="text"` next to the reference methods of zyte-text/README.md (HTML tools get '
    "each line wrapped in `<p>`).",
}

QUALITY_FOOTNOTE = (
    "Metric of `shared/benchmarks/zyte/README.md` (`benchmarks/metric.py`), which every set's "
    "README uses. F1 per half: `dev` and `held-out` are the two fixed halves of each set by "
    "the parity of the blake2b hash of the page id (`benchmarks/sets.py`); develop on `dev`. "
    "± = standard deviation of F1 over 1000 bootstrap resamples of the pages; precision, "
    "recall and accuracy are over the pages of the last F1 column. *docs/s is a single pass, "
    "not interleaved, indicative only; see the speed table. `empty`: pages with empty output "
    "(the pages of `errors` included); "
    "`errors`: pages on which the extractor raised or returned no string (scored as empty), "
    "with one example below the table. `published F1`: the figure in the set's README "
    "(cleaner's there is an older commit's)."
)


def summary_section(rep: Report) -> str:
    """The mean over sets and the empty outputs, per track."""
    out = []
    for track in TRACKS:
        mean = tables.mean_table(rep.results, track)
        if not mean:
            continue
        out += [f"### {TRACK_TITLES[track]}: mean F1 over sets", "", mean, ""]
        out += [f"Empty outputs ({track} track), pages per set:", ""]
        out += [tables.empty_table(rep.results, track), ""]
    return "\n".join(out)


def track_section(rep: Report, track: str, level: str = "###") -> str:
    mine = [r for r in rep.results if r.track == track]
    if not mine:
        return ""
    out = [TRACK_INPUTS[track], ""]
    for result in mine:
        out += [f"{level} {result.name} ({result.pages} pages)", "", tables.set_table(result), ""]
    out.append(QUALITY_FOOTNOTE)
    return "\n".join(out)


def speed_section(rep: Report) -> str:
    passes = f"{rep.passes} pass" + ("es" if rep.passes != 1 else "")
    out = [
        f"{passes} over all 181 pages, extractors interleaved page by page in one "
        "process, pages decompressed into memory first, only the extraction call timed; "
        "docs/s is the median over passes.",
        "",
        speed_table(rep.speed_rows),
        "",
        speed_ratios(rep.speed_rows),
    ]
    if rep.speed_notes:
        out += ["", _notes(rep.speed_notes)]
    if rep.peaks:
        out += [
            "",
            "Peak memory: one pass over all pages per extractor, each in a fresh process; "
            "baseline = resident memory after imports, loading the pages and one warm-up call "
            "(the pages alone are about 30 MB of text); the peak is reset after loading "
            "(Linux `clear_refs`) so the first column is what extraction itself adds. "
            f"Peak RSS of the benchmark process itself: {max_rss_mib():.0f} MiB.",
            "",
            peak_table(rep.peaks),
        ]
    if rep.leak:
        out += [
            "",
            f"Leak check: {len(rep.leak.traced)} passes of {rep.leak.extractor.label} "
            f"({rep.leak.input_name} input); memory after each pass and `gc.collect()`.",
            "",
            leak_table(rep.leak),
            "",
            leak_summary(rep.leak),
        ]
        if rep.leak.growth_sites:
            out += ["", "Where Python memory grew between the first and the last pass:", ""]
            out += [f"- `{_short_path(site)}`" for site in rep.leak.growth_sites]
    return "\n".join(out)


def stdout_report(rep: Report, root: Path) -> str:
    parts = [f"Environment: {environment(root)}.", ""]
    for track in TRACKS:
        section = track_section(rep, track)
        if section:
            parts += [f"## {TRACK_TITLES[track]}", "", section, ""]
    if rep.results:
        parts += ["## Over sets", "", summary_section(rep)]
    if rep.speed_rows:
        parts += ["## Speed", "", speed_section(rep), ""]
    return "\n".join(parts)


def write_docs(rep: Report, root: Path, docs_dir: Path, command: str) -> list[Path]:
    docs_dir.mkdir(parents=True, exist_ok=True)
    written = []
    plot = docs_dir / "benchmark.png"
    # Without a speed run the plot's docs/s would be single passes: keep the one measured.
    if rep.speed_rows and write_plot(rep, plot):
        written.append(plot)
    has_plot = plot in written or (not rep.speed_rows and plot.is_file())
    page = docs_dir / "benchmarks.md"
    page.write_text(docs_page(rep, root, has_plot, command), encoding="utf-8")
    written.insert(0, page)
    return written


def docs_page(rep: Report, root: Path, has_plot: bool, command: str) -> str:
    sets = ", ".join(f"{name} ({n})" for name, n in _set_sizes(rep))
    parts = [
        "# Benchmarks",
        "",
        f"Generated by `{command}` (do not edit by hand; the prose lives in "
        "`benchmarks/report.py`). Environment: " + environment(root) + ".",
        "",
        f"Data: the sets under `shared/benchmarks` (pages): {sets}. zyte is the public Zyte "
        "article-extraction benchmark (article bodies only); cleaneval the CleanEval 2007 "
        "pages (gold = all running text of the page, headings and lists included); portals "
        "news portals and blogs (gold includes the headline); readability-tests Mozilla "
        "Readability's test pages (gold = Readability.js's own output, so readability-lxml "
        "is at home there). Each set's README describes it. See `benchmarks/README.md` for "
        "how to run and what each figure means. The metric and the peers reproduce the "
        "figures the sets' READMEs publish (the `published F1` column).",
        "",
    ]
    if rep.results:
        parts += ["## Over sets", "", summary_section(rep)]
    for track in TRACKS:
        section = track_section(rep, track)
        if section:
            parts += [f"## {TRACK_TITLES[track]}", "", section, ""]
    plot = ["![F1 on zyte's HTML pages against documents per second](benchmark.png)", ""]
    if rep.speed_rows:
        parts += ["## Speed and memory", "", *(plot if has_plot else []), speed_section(rep), ""]
    elif rep.kept_speed:
        heading, _, rest = rep.kept_speed.partition("\n\n")
        parts += [heading, "", *(plot if has_plot else []), rest.rstrip(), ""]
    elif has_plot:
        parts += plot
    return "\n".join(parts)


def _set_sizes(rep: Report) -> list[tuple[str, int]]:
    sizes: dict[str, int] = {}
    for result in rep.results:
        sizes[result.name] = max(sizes.get(result.name, 0), result.pages)
    return list(sizes.items())


def kept_speed_section(page: Path) -> str:
    """The "## Speed and memory" section of an existing docs page, to carry over unchanged,
    with a line saying which run measured it."""
    if not page.is_file():
        return ""
    text = page.read_text(encoding="utf-8")
    start = text.find("\n## Speed and memory")
    if start < 0:
        return ""
    end = text.find("\n## ", start + 1)
    section = text[start + 1 : end if end > 0 else len(text)].rstrip()
    heading, _, body = section.partition("\n")
    # What a carry-over adds (the plot, the measured-by line) goes, so carrying it over
    # again gives the same section, not one more pair of each.
    body = re.sub(r"^!\[[^\]\n]*\]\(benchmark\.png\)\n", "", body, flags=re.M)
    body = re.sub(r"^Measured by an earlier run[^\n]*\n", "", body, flags=re.M)
    body = re.sub(r"\n{3,}", "\n\n", body).strip("\n")
    env = re.search(r"Environment: (\d{4}-\d\d-\d\d, cleaner [^,]+ \(git [^)]*\))", text)
    when = env.group(1) if env and "Measured by an earlier run" not in section else None
    if when is None:
        old = re.search(r"^Measured by an earlier run[^\n]*", section, re.M)
        line = old.group(0) if old else "Measured by an earlier run."
    else:
        line = f"Measured by an earlier run ({when}), not by the run that wrote this page."
    return f"{heading}\n\n{line}\n\n{body}"
