"""A batch: one report per document, and an index page linking them."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ... import __version__
from ...result import Result
from .page import explain_html
from .shared import (
    _describe,
    _document,
    _esc,
    _family,
    _family_css,
    _family_slots,
    _slug,
    _write_text,
)

INDEX_NAME = "index.html"


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


def _default_name(result: Result, seq: int) -> str:
    return result.url or f"document {seq + 1}"
