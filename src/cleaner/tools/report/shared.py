"""What the report and the index share: the document frame, family colours, escaping."""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from ... import __version__
from ...result import BlockDecision
from ...rules import FAMILIES

#: The family shown for a removal whose rule names none (a user rule may not).
UNNAMED_FAMILY = "other"
#: Characters of a removed block quoted in the side list and in the index.
SNIPPET_CHARS = 90

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


def _describe(exc: BaseException) -> str:
    if isinstance(exc, _InputFailure):
        return str(exc)
    text = str(exc)
    if isinstance(exc, OSError) and exc.strerror:
        text = exc.strerror + (f": {exc.filename}" if exc.filename else "")
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


class _InputFailure(Exception):
    """A document that failed while its input was being read."""

    def __str__(self) -> str:
        return self.args[0] if self.args else ""
