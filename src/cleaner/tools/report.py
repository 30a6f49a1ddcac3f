"""The visual explanation: one self-contained HTML file per page, and an index for a batch.

    from cleaner import clean_and_explain
    from cleaner.tools.report import explain_html, write_batch_reports

    html = explain_html(clean_and_explain(raw), title="My page")
    index = write_batch_reports([("a.html", result_a), ("b.txt", result_b)], "reports/")

    cleaner explain PAGE -o report.html       (or: python -m cleaner.tools.report PAGE -o ...)
    cleaner explain PAGES... -o OUTDIR        (OUTDIR/index.html links one report a page)

A report shows the page's blocks in order: kept blocks as plain text, removed blocks
struck through and coloured by rule family, with the rule and the reason on hover (or
keyboard focus) and in a side list; a legend counts removals per family, and controls
show only removed or only kept blocks, or hide a family. It works without JavaScript
(the controls are form inputs and CSS), loads nothing from the network, and its
Content-Security-Policy forbids scripts and every external load, so page text, which is
untrusted and always escaped, cannot run in the reader's browser even if escaping failed.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import html
import os
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from ..result import BlockDecision, Result
from ..rules import FAMILIES

if TYPE_CHECKING:
    from ..pipeline import Cleaner

__all__ = ["explain_html", "main_explain", "write_batch_reports"]

#: The family shown for a removal whose rule names none (a user rule may not).
UNNAMED_FAMILY = "other"
#: Characters of a removed block quoted in the side list and in the index.
SNIPPET_CHARS = 90
INDEX_NAME = "index.html"

# Text colours for families, in the order of ``cleaner.rules.FAMILIES``; each reads on
# white at WCAG AA contrast. Families beyond the list (user rules) reuse it in turn.
_PALETTE: tuple[str, ...] = (
    "#5f5f5f",  # grey
    "#1f5f99",  # blue
    "#7b3f93",  # purple
    "#b8332a",  # red
    "#a4510a",  # orange
    "#17704f",  # green
    "#a0266b",  # magenta
    "#6d5a2e",  # brown
    "#0b6f78",  # teal
    "#4f36b0",  # indigo
    "#716000",  # olive
)

_BASE_CSS = """\
:root { color-scheme: light; --ink: #1d1d1f; --muted: #666; --line: #ddd; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif;
  color: var(--ink); background: #fff; }
header, .controls, footer { padding: 0.75rem 1.5rem; }
header { border-bottom: 1px solid var(--line); }
h1 { font-size: 1.35rem; margin: 0 0 0.25rem; overflow-wrap: anywhere; }
h2 { font-size: 1rem; margin: 0 0 0.5rem; }
.summary, .url, footer { color: var(--muted); margin: 0; font-size: 0.9rem; }
.url { overflow-wrap: anywhere; }
.controls { display: flex; flex-wrap: wrap; gap: 0.5rem 2rem; align-items: flex-start;
  border-bottom: 1px solid var(--line); background: #fafafa; }
fieldset { border: 0; margin: 0; padding: 0; }
fieldset legend { font-weight: 600; padding: 0; margin-bottom: 0.25rem; }
.filter label { margin-right: 0.75rem; white-space: nowrap; }
.legend ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap;
  gap: 0.25rem 1rem; }
.legend li { white-space: nowrap; }
.legend .kept-total { color: var(--muted); }
.swatch { display: inline-block; width: 0.9em; height: 0.9em; border-radius: 2px;
  vertical-align: -0.1em; margin-right: 0.25em; background: currentColor; }
.count { font-variant-numeric: tabular-nums; font-weight: 600; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) minmax(16rem, 26rem);
  gap: 1.5rem; padding: 1rem 1.5rem; align-items: start; }
@media (max-width: 900px) { .layout { grid-template-columns: minmax(0, 1fr); } }
.page { max-width: 48rem; }
.block { position: relative; margin: 0 0 0.6rem; padding: 0.1rem 0.5rem 0.1rem 3rem;
  white-space: pre-wrap; overflow-wrap: anywhere; border-left: 3px solid transparent; }
.block .idx { position: absolute; left: 0; width: 2.5rem; text-align: right;
  color: #999; font-size: 0.75rem; line-height: 1.9; text-decoration: none; }
.block.kind-heading .text { font-weight: 700; font-size: 1.1em; }
.block.kind-list_item .text::before { content: "• "; }
.block.kind-quote .text { font-style: italic; }
.block.kind-code .text, .block.kind-table .text { font-family: ui-monospace, monospace;
  font-size: 0.9em; }
.block.removed { border-left-color: currentColor; cursor: help; }
.block.removed .text { text-decoration: line-through; text-decoration-thickness: 1px; }
.block.removed:focus { outline: 2px solid currentColor; outline-offset: 1px; }
.block:target, .removal:target { box-shadow: 0 0 0 3px #ffd54a; }
.why { display: none; position: absolute; left: 3rem; top: 100%; z-index: 2;
  max-width: 40rem; padding: 0.4rem 0.6rem; border-radius: 4px; background: #222;
  color: #fff; font-size: 0.85rem; white-space: normal; text-decoration: none;
  box-shadow: 0 2px 8px rgba(0, 0, 0, 0.3); }
.block.removed:hover .why, .block.removed:focus .why { display: block; }
.why code, .removal code { font-family: ui-monospace, monospace; font-size: 0.95em; }
.path { display: block; opacity: 0.8; font-family: ui-monospace, monospace; }
.removals { position: sticky; top: 0; max-height: 100vh; overflow: auto;
  border-left: 1px solid var(--line); padding-left: 1rem; font-size: 0.88rem; }
.removals ol { list-style: none; margin: 0; padding: 0; }
.removal { margin: 0 0 0.5rem; padding-left: 0.5rem; border-left: 3px solid currentColor; }
.removal a { color: inherit; font-weight: 600; }
.removal .reason, .removal q { color: var(--ink); display: block; }
.removal q { color: var(--muted); overflow-wrap: anywhere; }
.empty { color: var(--muted); font-style: italic; }
body:has(#show-removed:checked) .block.kept { display: none; }
body:has(#show-kept:checked) .block.removed,
body:has(#show-kept:checked) .removals { display: none; }
table { border-collapse: collapse; margin: 1rem 1.5rem; font-size: 0.9rem; }
th, td { border-bottom: 1px solid var(--line); padding: 0.3rem 0.6rem; text-align: left; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.name { min-width: 20rem; max-width: 36rem; overflow-wrap: anywhere; }
tr.failed td { color: #b8332a; }
"""


# -- the library calls ------------------------------------------------------------------


def explain_html(result: Result, title: str | None = None) -> str:
    """One self-contained HTML page showing every block of ``result`` and why.

    ``title`` defaults to the result's URL. The page needs no network and no JavaScript;
    all page text is escaped.
    """
    heading = title if title is not None else (result.url or "cleaner explanation")
    families = _families_of(result.blocks)
    counts = Counter(_family(b) for b in result.removed)
    kept_count = len(result.kept)
    removed_count = len(result.blocks) - kept_count

    out: list[str] = []
    add = out.append
    add('<header>\n<h1 class="title">')
    add(_esc(heading))
    add("</h1>\n")
    add(_summary_line(result, kept_count, removed_count))
    if result.url:
        add(f'<p class="url">{_esc(result.url)}</p>\n')
    add("</header>\n")

    add('<div class="controls">\n<fieldset class="filter">\n<legend>Show</legend>\n')
    for key, label, n in (
        ("all", "all blocks", len(result.blocks)),
        ("removed", "only removed", removed_count),
        ("kept", "only kept", kept_count),
    ):
        checked = " checked" if key == "all" else ""
        add(
            f'<label><input type="radio" name="show" id="show-{key}" value="{key}"{checked}>'
            f" {label} ({n})</label>\n"
        )
    add("</fieldset>\n")
    add('<fieldset class="legend" id="legend">\n<legend>Removed, by rule family</legend>\n<ul>\n')
    for family, slot in families.items():
        n = counts[family]
        add(
            f'<li class="legend-item fam-{slot}" data-family="{_esc(family)}" data-count="{n}">'
            f'<label><input type="checkbox" id="toggle-fam-{slot}" checked> '
            f'<span class="swatch"></span>{_esc(family)} <span class="count">{n}</span>'
            "</label></li>\n"
        )
    if not families:
        add('<li class="empty">nothing removed</li>\n')
    add(f'<li class="kept-total">kept <span class="count">{kept_count}</span></li>\n')
    add("</ul>\n</fieldset>\n</div>\n")

    add('<main class="layout">\n<article class="page" id="blocks">\n')
    if not result.blocks:
        add('<p class="empty">The page has no text blocks.</p>\n')
    for block in result.blocks:
        add(_block_html(block, families))
    add("</article>\n")
    add('<aside class="removals" id="removals">\n<h2>Removals</h2>\n<ol>\n')
    for block in result.removed:
        add(_removal_item(block, families))
    if not removed_count:
        add('<li class="empty">none</li>\n')
    add("</ol>\n</aside>\n</main>\n")
    add(
        f"<footer>Made by cleaner {_esc(__version__)}. The blocks are the page's own text, "
        "escaped; this file loads nothing from the network.</footer>\n"
    )
    return _document(heading, _family_css(families), "".join(out))


def write_batch_reports(
    results: Iterable[Result | tuple[str, Result | BaseException]],
    outdir: str | os.PathLike[str],
    *,
    title: str = "cleaner explanations",
) -> Path:
    """Write one report per document into ``outdir`` and an index page linking them.

    Items are ``Result``s or ``(name, Result)`` pairs; a ``(name, exception)`` pair is
    listed in the index as a failed document. Reports are written as the results come,
    so a long iterable is never held in memory. Returns the index page's path.
    """
    folder = Path(outdir)
    folder.mkdir(parents=True, exist_ok=True)
    rows: list[_IndexRow] = []
    for seq, item in enumerate(results):
        name, outcome = item if isinstance(item, tuple) else (_default_name(item, seq), item)
        if isinstance(outcome, BaseException):
            rows.append(_IndexRow(seq, name, None, None, _describe(outcome)))
            continue
        if not isinstance(outcome, Result):
            raise TypeError(f"expected a Result, got {type(outcome).__name__}")
        file_name = f"{seq + 1:04d}-{_slug(name)}.html"
        _write_text(folder / file_name, explain_html(outcome, title=name))
        rows.append(_IndexRow(seq, name, file_name, _Summary.of(outcome), None))
    index = folder / INDEX_NAME
    _write_text(index, _index_html(rows, title))
    return index


# -- one report -------------------------------------------------------------------------


def _summary_line(result: Result, kept: int, removed: int) -> str:
    parts = [
        f"{_esc(result.input_kind)} input",
        f"language {_esc(result.language or 'unknown')}",
        f"{len(result.blocks)} blocks",
        f'<span class="kept-count">{kept}</span> kept',
        f'<span class="removed-count">{removed}</span> removed',
        f"{len(result.text):,} characters kept",
    ]
    return f'<p class="summary">{" · ".join(parts)}</p>\n'


def _block_html(block: BlockDecision, families: dict[str, int]) -> str:
    kind = _css_token(block.kind)
    common = (
        f'id="b-{block.index}" data-index="{block.index}" data-kind="{_esc(block.kind)}"'
        f'{_path_attr(block)}><a class="idx" href="#b-{block.index}">{block.index}</a>'
    )
    if block.kept:
        return (
            f'<p class="block kept kind-{kind}" {common}'
            f'<span class="text">{_esc(block.text)}</span></p>\n'
        )
    family = _family(block)
    slot = families[family]
    rule = block.rule or "unnamed"
    path = f'<span class="path">{_esc(block.path)}</span>' if block.path else ""
    return (
        f'<p class="block removed kind-{kind} fam-{slot}" tabindex="0" '
        f'data-family="{_esc(family)}" data-rule="{_esc(rule)}" '
        f'aria-describedby="why-{block.index}" {common}'
        f'<del class="text">{_esc(block.text)}</del>'
        f'<span class="why" id="why-{block.index}" role="tooltip">'
        f"<b>{_esc(family)}</b> / <code>{_esc(rule)}</code>: "
        f'<span class="reason">{_esc(block.reason or "")}</span>{path}</span></p>\n'
    )


def _removal_item(block: BlockDecision, families: dict[str, int]) -> str:
    family = _family(block)
    return (
        f'<li class="removal fam-{families[family]}" id="r-{block.index}" '
        f'data-index="{block.index}" data-family="{_esc(family)}">'
        f'<a href="#b-{block.index}">#{block.index}</a> {_esc(family)} / '
        f"<code>{_esc(block.rule or 'unnamed')}</code>"
        f'<span class="reason">{_esc(block.reason or "")}</span>'
        f"<q>{_esc(_snippet(block.text))}</q></li>\n"
    )


def _path_attr(block: BlockDecision) -> str:
    return f' data-path="{_esc(block.path)}"' if block.path else ""


# -- the batch index --------------------------------------------------------------------


@dataclass(frozen=True)
class _Summary:
    kind: str
    language: str | None
    kept: int
    removed: int
    chars: int
    families: dict[str, int]

    @classmethod
    def of(cls, result: Result) -> _Summary:
        kept = len(result.kept)
        return cls(
            kind=result.input_kind,
            language=result.language,
            kept=kept,
            removed=len(result.blocks) - kept,
            chars=len(result.text),
            families=dict(Counter(_family(b) for b in result.removed)),
        )


@dataclass(frozen=True)
class _IndexRow:
    seq: int
    name: str
    file_name: str | None
    summary: _Summary | None
    error: str | None


def _index_html(rows: Sequence[_IndexRow], title: str) -> str:
    totals: Counter[str] = Counter()
    for row in rows:
        if row.summary is not None:
            totals.update(row.summary.families)
    families = _family_slots(totals)
    failed = sum(1 for row in rows if row.error is not None)

    out: list[str] = []
    add = out.append
    add(f'<header>\n<h1 class="title">{_esc(title)}</h1>\n<p class="summary">')
    add(f"{len(rows)} documents · {len(rows) - failed} explained · {failed} failed</p>\n")
    add("</header>\n")
    add('<div class="controls">\n<fieldset class="legend" id="legend">\n')
    add("<legend>Removed in all documents, by rule family</legend>\n<ul>\n")
    for family, slot in families.items():
        add(
            f'<li class="legend-item fam-{slot}" data-family="{_esc(family)}" '
            f'data-count="{totals[family]}"><span class="swatch"></span>{_esc(family)} '
            f'<span class="count">{totals[family]}</span></li>\n'
        )
    if not families:
        add('<li class="empty">nothing removed</li>\n')
    add("</ul>\n</fieldset>\n</div>\n")

    add('<table id="documents">\n<thead><tr><th class="num">#</th><th>document</th>')
    add('<th>input</th><th>language</th><th class="num">kept</th><th class="num">removed</th>')
    for family, slot in families.items():
        add(f'<th class="num fam-{slot}">{_esc(family)}</th>')
    add('<th class="num">characters kept</th></tr></thead>\n<tbody>\n')
    for row in rows:
        add(_index_row(row, families))
    add("</tbody>\n</table>\n")
    add(f"<footer>Made by cleaner {_esc(__version__)}.</footer>\n")
    return _document(title, _family_css(families), "".join(out))


def _index_row(row: _IndexRow, families: dict[str, int]) -> str:
    number = f'<td class="num">{row.seq + 1}</td>'
    if row.summary is None or row.file_name is None:
        span = 5 + len(families)
        return (
            f'<tr class="failed" data-name="{_esc(row.name)}">{number}'
            f'<td class="name">{_esc(row.name)}</td><td colspan="{span}">failed: '
            f"{_esc(row.error or '')}</td></tr>\n"
        )
    s = row.summary
    cells = [
        number,
        f'<td class="name"><a href="{_esc(row.file_name)}">{_esc(row.name)}</a></td>',
        f"<td>{_esc(s.kind)}</td>",
        f"<td>{_esc(s.language or '')}</td>",
        f'<td class="num">{s.kept}</td>',
        f'<td class="num">{s.removed}</td>',
    ]
    cells += [
        f'<td class="num fam-{slot}">{s.families.get(family, 0) or ""}</td>'
        for family, slot in families.items()
    ]
    cells.append(f'<td class="num">{s.chars}</td>')
    return f'<tr class="document" data-name="{_esc(row.name)}">{"".join(cells)}</tr>\n'


# -- shared pieces ----------------------------------------------------------------------


def _document(title: str, extra_css: str, body: str) -> str:
    css = _BASE_CSS + extra_css
    # The policy allows this one stylesheet (by its hash) and nothing else: no scripts,
    # no fetches, no frames, no form submissions.
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    policy = (
        f"default-src 'none'; style-src 'sha256-{digest}'; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f'<meta name="generator" content="cleaner {_esc(__version__)}">\n'
        f"<title>{_esc(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n"
        f"{body}</body>\n</html>\n"
    )


def _family(block: BlockDecision) -> str:
    return block.family or UNNAMED_FAMILY


def _families_of(blocks: Iterable[BlockDecision]) -> dict[str, int]:
    return _family_slots(Counter(_family(b) for b in blocks if not b.kept))


def _family_slots(present: Iterable[str]) -> dict[str, int]:
    """Families present, in registry order then by name, each with a stable colour slot.

    The slot is the family's place in ``FAMILIES``, so a family keeps its colour from
    one report to the next; other families take slots after the registry's.
    """
    known = {family: slot for slot, family in enumerate(FAMILIES)}
    present = set(present)
    ordered = [f for f in FAMILIES if f in present]
    ordered += sorted(present - set(FAMILIES))
    slots: dict[str, int] = {}
    extra = len(FAMILIES)
    for family in ordered:
        if family in known:
            slots[family] = known[family]
        else:
            slots[family] = extra
            extra += 1
    return slots


def _family_css(families: dict[str, int]) -> str:
    rules = []
    for slot in families.values():
        colour = _PALETTE[slot % len(_PALETTE)]
        rules.append(f".fam-{slot} {{ color: {colour}; }}")
        rules.append(f".block.fam-{slot} {{ background: {colour}12; }}")
        # A legend checkbox left unticked hides that family's blocks and list items.
        rules.append(
            f"body:has(#toggle-fam-{slot}:not(:checked)) .block.fam-{slot}, "
            f"body:has(#toggle-fam-{slot}:not(:checked)) .removal.fam-{slot} "
            "{ display: none; }"
        )
    return "\n".join(rules) + "\n"


_SURROGATES = re.compile("[\ud800-\udfff]")


def _esc(text: str) -> str:
    # Lone surrogates (possible in a str page) cannot be written as UTF-8: show U+FFFD.
    return html.escape(_SURROGATES.sub("\ufffd", text), quote=True)


def _css_token(value: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", value) or "unknown"


def _snippet(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= SNIPPET_CHARS else flat[: SNIPPET_CHARS - 1] + "…"


def _slug(name: str) -> str:
    base = re.split(r"[\\/]", name.rstrip("/\\"))[-1] if name else ""
    base = re.sub(r"(\.gz)?$", "", base, flags=re.IGNORECASE)
    base = re.sub(r"\.(html?|xhtml|shtml|txt|text)$", "", base, flags=re.IGNORECASE)
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", base).strip("-.")
    return slug[:60] or "document"


def _default_name(result: Result, seq: int) -> str:
    return result.url or f"document {seq + 1}"


def _describe(exc: BaseException) -> str:
    if isinstance(exc, _InputFailure):
        return str(exc)
    text = str(exc)
    if isinstance(exc, OSError) and exc.strerror:
        text = exc.strerror + (f": {exc.filename}" if exc.filename else "")
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


# -- the command ------------------------------------------------------------------------

_EXPLAIN_EPILOG = """\
examples:
  cleaner explain page.html -o report.html      one page, one report
  cleaner explain page.txt > report.html        the report on stdout
  cleaner explain pages/ -o reports/            a folder: reports/index.html links them all

exit status: 0 every document explained, 1 some failed, 2 usage error.
"""


def build_explain_parser(prog: str = "cleaner explain") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description=(
            "Write a visual explanation of what cleaner keeps and removes: a self-contained "
            "HTML page per document (an index page for several)."
        ),
        epilog=_EXPLAIN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="file, folder or '-'")
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="one page: the report file (default: stdout); several: the output folder",
    )
    parser.add_argument(
        "--kind",
        choices=("auto", "html", "text"),
        default="auto",
        help="treat every page as HTML or as text (default: sniff each)",
    )
    parser.add_argument("--url", help="one page: the page's URL, shown in the report")
    parser.add_argument("--title", help="the report's title (default: the input's name)")
    parser.add_argument(
        "--disable",
        action="append",
        default=[],
        metavar="NAMES",
        help="rules or families to switch off, comma-separated",
    )
    return parser


def main_explain(argv: Sequence[str] | None = None, prog: str = "cleaner explain") -> int:
    """The ``cleaner explain`` command; returns the exit status."""
    from ..errors import CleanerError
    from ..pipeline import Cleaner

    parser = build_explain_parser(prog)
    args = parser.parse_args(None if argv is None else list(argv))
    disabled = sorted({n.strip() for item in args.disable for n in item.split(",") if n.strip()})
    try:
        cleaner = Cleaner(disable=disabled) if disabled else Cleaner()
    except CleanerError as exc:
        parser.error(str(exc))
    kind = None if args.kind == "auto" else args.kind
    single = len(args.inputs) == 1 and _is_single_page(args.inputs[0])
    if not single and not args.output:
        parser.error("several documents: give -o OUTDIR for the reports and their index")
    if not single and args.url:
        parser.error("--url is for one page only")
    max_bytes = cleaner.config.max_input_bytes

    if single:
        name = args.inputs[0]
        try:
            raw = _read_one(name, max_bytes)
            result = cleaner.explain(raw, url=args.url, kind=kind)
        except (OSError, CleanerError, ValueError, TypeError) as exc:
            print(f"{prog}: error: {name}: {_describe(exc)}", file=sys.stderr)
            return 1
        page = explain_html(result, title=args.title or ("stdin" if name == "-" else name))
        if args.output:
            try:
                _write_text(Path(args.output), page)
            except OSError as exc:
                print(f"{prog}: error: {_describe(exc)}", file=sys.stderr)
                return 1
        else:
            sys.stdout.buffer.write(page.encode("utf-8"))
            sys.stdout.flush()
        return 0

    failures = 0

    def explained() -> Iterator[tuple[str, Result | BaseException]]:
        nonlocal failures
        for name, outcome in _explain_documents(args.inputs, cleaner, kind, max_bytes):
            if isinstance(outcome, BaseException):
                failures += 1
                print(f"{prog}: failed: {name}: {_describe(outcome)}", file=sys.stderr)
            yield name, outcome

    try:
        index = write_batch_reports(
            explained(), args.output, title=args.title or "cleaner explanations"
        )
    except OSError as exc:
        print(f"{prog}: error: {_describe(exc)}", file=sys.stderr)
        return 1
    print(f"{prog}: wrote {index}", file=sys.stderr)
    return 1 if failures else 0


def _is_single_page(arg: str) -> bool:
    from ..batch.inputs import probe_format

    if arg == "-":
        return True
    return not os.path.isdir(arg) and probe_format(arg) == "page"


def _read_one(name: str, max_bytes: int) -> bytes:
    from ..batch.worker import check_not_binary, read_page

    if name == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            from ..errors import InputTooLargeError

            raise InputTooLargeError(f"input is larger than the limit of {max_bytes} bytes")
    else:
        data = read_page(name, max_bytes)
    check_not_binary(data)
    return data


def _explain_documents(
    inputs: Sequence[str], cleaner: Cleaner, kind: str | None, max_bytes: int
) -> Iterator[tuple[str, Result | BaseException]]:
    """Every document of the inputs (files, folders, JSON Lines, WARC), explained."""
    from ..batch.inputs import ReadOptions, iter_documents, iter_sources
    from ..batch.worker import check_not_binary, read_page

    options = ReadOptions(max_bytes=max_bytes)
    for doc in iter_documents(iter_sources(inputs, options), options, None):
        name = doc.doc_id if doc.doc_id == doc.path else f"{doc.path} {doc.doc_id}"
        if doc.error is not None:
            yield name, _InputFailure(f"{doc.error[0]}: {doc.error[1]}")
            continue
        try:
            raw = doc.payload if doc.payload is not None else read_page(doc.path, max_bytes)
            if isinstance(raw, bytes):
                check_not_binary(raw)
            yield name, cleaner.explain(raw, url=doc.url, kind=kind)
        except Exception as exc:  # one bad document is listed as failed, not fatal
            yield name, exc


class _InputFailure(Exception):
    """A document that failed while its input was being read."""

    def __str__(self) -> str:
        return self.args[0] if self.args else ""


if __name__ == "__main__":
    raise SystemExit(main_explain(prog="python -m cleaner.tools.report"))
