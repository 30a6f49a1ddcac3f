"""The charset table: the Zyte pages stored undeclared in legacy encodings.

    python benchmarks/charsets.py [--data ../shared/benchmarks/zyte] [--show 5]

Each of the 181 pages (UTF-8) loses its charset declarations (``<meta charset>``,
``<meta http-equiv=Content-Type>``, an XML declaration's ``encoding``) and is stored in
each encoding below; a page with a character the encoding cannot hold is skipped and
counted. Most pages hold a character outside Latin-1 or JIS (a curly quote, an emoji),
so a second row per encoding stores every page, writing such characters as numeric
character references (``&#8220;``), as a server does that serves the encoding: the
text is the same once parsed. The bytes are cleaned with ``kind="html"`` and compared
with cleaning the undeclared page (as the bytes hold it) as a ``str``. A page whose
bytes decode to exactly that ``str`` cleans identically, so only pages that decode
differently are cleaned (which keeps the run short). Printed: per encoding, the pages,
those encodable, those with identical text and their share of the encodable ones;
``--show`` lists pages that differ.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import re
import sys
from itertools import product
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))
    if importlib.util.find_spec("cleaner") is None:
        sys.path.insert(0, str(ROOT / "src"))

from benchmarks import paths  # noqa: E402
from cleaner import Cleaner  # noqa: E402
from cleaner.inputs import coerce  # noqa: E402

DEFAULT_DATA = paths.DATA / "zyte"
#: (label in the table, Python codec) for each way a page is stored.
ENCODINGS = (
    ("windows-1252", "cp1252"),
    ("ISO-8859-1", "latin-1"),
    ("ISO-8859-2", "iso8859-2"),
    ("ISO-8859-15", "iso8859-15"),
    # As browsers encode it: Windows' Shift_JIS (Python's shift_jis maps 0x8192 to "£",
    # browsers and cp932 to "￡").
    ("Shift-JIS", "cp932"),
    ("GB18030", "gb18030"),
)
# A whole <meta> that declares a charset, and the encoding pseudo-attribute of an XML
# declaration: what a server that sends the charset only in its HTTP header leaves out.
_META = re.compile(r"<meta\b[^>]*?charset[^>]*>", re.IGNORECASE)
_XML_ENCODING = re.compile(r"(<\?xml[^>]*?)\s+encoding\s*=\s*[\"'][^\"']*[\"']", re.IGNORECASE)


def undeclared(page: str) -> str:
    """The page without its charset declarations."""
    return _XML_ENCODING.sub(r"\1", _META.sub("", page))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show", type=int, default=5, help="pages that differ, per encoding")
    args = parser.parse_args(argv)
    files = sorted((args.data / "html").glob("*.html.gz"))
    if not files:
        print(f"no pages under {args.data / 'html'}", file=sys.stderr)
        return 1
    cleaner = Cleaner()
    pages = [
        (f.name.split(".")[0][:12], undeclared(gzip.decompress(f.read_bytes()).decode()))
        for f in files
    ]
    expected: dict[tuple[str, str], str] = {}
    rows = []
    for (label, codec), errors in product(ENCODINGS, ("strict", "xmlcharrefreplace")):
        encodable = identical = 0
        differ: list[str] = []
        for name, page in pages:
            try:
                data = page.encode(codec, errors)
            except UnicodeEncodeError:
                continue
            encodable += 1
            source = data.decode(codec)  # the page with its character references
            text, _ = coerce(data, "html", cleaner.config.max_input_bytes)
            if text == source:
                identical += 1
                continue
            key = (name, source)
            if key not in expected:
                expected[key] = cleaner.clean(source, kind="html")
            if cleaner.clean(data, kind="html") == expected[key]:
                identical += 1
            else:
                differ.append(name)
        if errors != "strict":
            label += " + &#refs;"
        rows.append((label, len(pages), encodable, identical))
        for name in differ[: args.show]:
            print(f"{label}: {name} differs", file=sys.stderr)
    print("| encoding | pages | encodable | identical text | share |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for label, n_pages, encodable, identical in rows:
        share = f"{identical / encodable:.1%}" if encodable else "-"
        print(f"| {label} | {n_pages} | {encodable} | {identical} | {share} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
