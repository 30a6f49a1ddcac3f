"""``cleaner explain``: reads the inputs, explains them, writes the report(s)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ...result import Result
from .index import write_batch_reports
from .page import explain_html
from .shared import _describe, _InputFailure, _write_text

if TYPE_CHECKING:
    from ...pipeline import Cleaner

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
        allow_abbrev=False,  # as the cleaner command: no option stands for another
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
    from ...errors import CleanerError
    from ...pipeline import Cleaner

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
    from ...batch.inputs import probe_format

    if arg == "-":
        return True
    return not os.path.isdir(arg) and probe_format(arg) == "page"


def _read_one(name: str, max_bytes: int) -> bytes:
    from ...batch.worker import read_page

    if name == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            from ...errors import InputTooLargeError

            raise InputTooLargeError(f"input is larger than the limit of {max_bytes} bytes")
    else:
        data = read_page(name, max_bytes)
    # Binary data is the library's call (InputBinaryError), when the page is explained.
    return data


def _explain_documents(
    inputs: Sequence[str], cleaner: Cleaner, kind: str | None, max_bytes: int
) -> Iterator[tuple[str, Result | BaseException]]:
    """Every document of the inputs (files, folders, JSON Lines, WARC), explained."""
    from ...batch.inputs import ReadOptions, iter_documents, iter_sources
    from ...batch.worker import read_page

    options = ReadOptions(max_bytes=max_bytes)
    for doc in iter_documents(iter_sources(inputs, options), options, None):
        name = doc.doc_id if doc.doc_id == doc.path else f"{doc.path} {doc.doc_id}"
        if doc.error is not None:
            yield name, _InputFailure(f"{doc.error[0]}: {doc.error[1]}")
            continue
        try:
            raw = doc.payload if doc.payload is not None else read_page(doc.path, max_bytes)
            yield name, cleaner.explain(raw, url=doc.url, kind=kind)
        except Exception as exc:  # one bad document is listed as failed, not fatal
            yield name, exc
