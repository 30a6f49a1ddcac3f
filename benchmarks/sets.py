"""The benchmark sets under the data dir: discovery, loading, page decoding, the two halves.

A set is a folder with a ``ground-truth.json`` (``{id: {"articleBody": ...}}``) and its
pages: ``html/<id>.html.gz`` (HTML track) and ``text/<id>.txt`` (text track). ``zyte`` is
the one exception, from before this layout: its text dumps are the sibling folder
``zyte-text/`` (whose ground truth is an identical copy), so ``zyte-text`` is not a set of
its own but zyte's text track.

Every page falls in one of two fixed halves by a hash of its id (:func:`half_of`): develop
on ``dev``, report ``held-out`` beside it.
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

#: The halves, in table order. ``all`` is both.
HALVES = ("dev", "held-out")
TRACKS = ("html", "text")
#: The set every table lists first: the one the project started on.
FIRST = "zyte"


def half_of(page_id: str) -> str:
    """``dev`` or ``held-out``: the parity of the page id's 64-bit blake2b digest.

    A hash, not a random draw or the id's order, so that a page keeps its half whatever
    pages a set gains or loses and on every machine and Python version.
    """
    digest = hashlib.blake2b(page_id.encode("utf-8"), digest_size=8).digest()
    return HALVES[int.from_bytes(digest, "big") % 2]


@dataclass(frozen=True)
class BenchSet:
    name: str
    truth: Path  # ground-truth.json
    html_dir: Path | None  # holds <id>.html.gz
    text_dir: Path | None  # holds <id>.txt
    readme: Path | None

    def has(self, track: str) -> bool:
        return (self.html_dir if track == "html" else self.text_dir) is not None


def _dir_with(path: Path, pattern: str) -> Path | None:
    return path if path.is_dir() and any(path.glob(pattern)) else None


def discover(data: Path) -> list[BenchSet]:
    """Every set under ``data``, zyte first, the others by name."""
    found = []
    for folder in sorted(p for p in data.iterdir() if p.is_dir()) if data.is_dir() else []:
        truth = folder / "ground-truth.json"
        if folder.name == f"{FIRST}-text" or not truth.is_file():
            continue
        if folder.name == FIRST:  # the older layout: html/ here, the text dumps beside it
            html_dir = _dir_with(folder / "html", "*.html.gz")
            text_dir = _dir_with(data / f"{FIRST}-text", "*.txt")
        else:
            html_dir = _dir_with(folder / "html", "*.html.gz")
            text_dir = _dir_with(folder / "text", "*.txt")
        if html_dir or text_dir:
            readme = folder / "README.md"
            found.append(BenchSet(folder.name, truth, html_dir, text_dir, readme))
    return sorted(found, key=lambda s: (s.name != FIRST, s.name))


# --- loading -----------------------------------------------------------------------------

# The <meta> declarations: <meta charset=X> and <meta http-equiv=Content-Type content="...;
# charset=X">; both end up as "charset=X" inside the tag.
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([a-zA-Z0-9_:.-]+)", re.I)
#: Labels that browsers (and the sets' harness) read as windows-1252.
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "us-ascii", "ascii", "cp1252"}


def decode_page(raw: bytes) -> tuple[str, str]:
    """The page's text and how it was read: ``bom``, ``utf-8``, ``meta`` or ``cp1252-fallback``.

    The order of the sets' READMEs (their published figures were computed so): a BOM, else
    strict UTF-8, else the ``<meta>`` charset (ISO-8859-1 read as cp1252), else cp1252.
    """
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le")):
        if raw.startswith(bom):
            return raw[len(bom) :].decode(codec, errors="replace"), "bom"
    if raw.startswith(codecs.BOM_UTF16_BE):
        return raw[2:].decode("utf-16-be", errors="replace"), "bom"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    match = _META_CHARSET.search(raw)
    if match:
        label = match.group(1).decode("ascii").lower()
        codec = "cp1252" if label in _AS_CP1252 or label == "windows-1252" else label
        try:
            return raw.decode(codec, errors="replace"), "meta"
        except LookupError:
            pass  # a label Python does not know: as if undeclared
    return raw.decode("cp1252", errors="replace"), "cp1252-fallback"


def load_truth(bench: BenchSet) -> dict[str, str]:
    data = json.loads(bench.truth.read_text(encoding="utf-8"))
    return {key: entry["articleBody"] for key, entry in data.items()}


def load_pages(bench: BenchSet, track: str, keys: set[str] | None = None) -> dict[str, str]:
    """``id -> page`` of one track (only ``keys`` if given); HTML decoded by :func:`decode_page`."""
    if track == "html":
        assert bench.html_dir is not None
        pages = {}
        for path in sorted(bench.html_dir.glob("*.html.gz")):
            key = path.name[: -len(".html.gz")]
            if keys is None or key in keys:
                pages[key] = decode_page(gzip.decompress(path.read_bytes()))[0]
        return pages
    assert bench.text_dir is not None
    return {
        p.stem: p.read_text(encoding="utf-8")
        for p in sorted(bench.text_dir.glob("*.txt"))
        if keys is None or p.stem in keys
    }


# --- the figures a set's README publishes ------------------------------------------------

# "HTML track (input: ...)" / "TEXT track (input: ...)", then a table whose rows are
# "| name | version | F1 ± std | precision ± std | recall ± std | accuracy | empty | ... |".
_TRACK_HEADING = re.compile(r"^(HTML|TEXT) track \(", re.M)
_ROW = re.compile(r"^\| *([\w-]+) *\|[^|]*\| *([0-9.]+)(?: ± [0-9.]+)? *\| *([0-9.]+)", re.M)
#: README extractor names -> peers.py keys.
_README_KEYS = {
    "trafilatura_precision": "trafilatura-precision",
    "longlines": "long-lines",
    "justext_lines": "justext-lines",
    "boilerpy3_lines": "boilerpy3-lines",
    "trafilatura_lines": "trafilatura-lines",
}


#: zyte/README.md and zyte-text/README.md publish theirs in another layout: copied here.
ZYTE_PUBLISHED = {
    "html": {
        "trafilatura": 0.953,
        "trafilatura-precision": 0.959,
        "readability": 0.955,
        "resiliparse": 0.898,
        "justext": 0.792,
        "floor": 0.394,
    },
    "text": {
        "identity": 0.665,
        "long-lines": 0.761,
        "boilerpy3-lines": 0.797,
        "justext-lines": 0.761,
        "trafilatura-lines": 0.693,
    },
}


def published_f1(bench: BenchSet) -> dict[str, dict[str, float]]:
    """``track -> {extractor key: F1}`` from the README's baseline tables, where it has them."""
    if bench.name == FIRST:
        return ZYTE_PUBLISHED
    if bench.readme is None or not bench.readme.is_file():
        return {}
    text = bench.readme.read_text(encoding="utf-8")
    out: dict[str, dict[str, float]] = {}
    headings = list(_TRACK_HEADING.finditer(text))
    for i, heading in enumerate(headings):
        end = headings[i + 1].start() if i + 1 < len(headings) else len(text)
        # The first table after the heading only: later ones split the pages differently.
        block = text[heading.end() : end].split("\n\n| ", 2)
        table = "| " + block[1] if len(block) > 1 else ""
        table = table.split("\n\n", 1)[0]
        figures = {
            _README_KEYS.get(m.group(1), m.group(1)): float(m.group(2))
            for m in _ROW.finditer(table)
        }
        out[heading.group(1).lower()] = figures
    return out
