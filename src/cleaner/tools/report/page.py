"""One report: every block of a page, kept or struck through, and why."""

from __future__ import annotations

from collections import Counter

from ... import __version__
from ...result import BlockDecision, Result
from .shared import (
    _css_token,
    _document,
    _esc,
    _families_of,
    _family,
    _family_css,
    _snippet,
)


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
    if result.confidence is not None:
        weak = "; ".join(result.weak_reasons)
        parts.append(
            f'<span class="confidence">confidence {result.confidence:.2f}'
            + (f" (weak: {_esc(weak)})" if weak else "")
            + "</span>"
        )
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
