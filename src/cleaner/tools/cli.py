"""The ``cleaner`` command.

    cleaner PAGE                      the clean text of one page, on stdout
    cleaner INPUT... -o OUTDIR        many pages: a mirror tree of .txt (.json, .md) files
    cleaner INPUT... --jsonl OUT      many pages: one JSON Lines file
    cleaner explain INPUT...          an HTML report of every decision (tools/report.py)

Exit status: 0 when every document was cleaned (empty ones are skipped, not failed),
1 when some failed, 2 for a usage error, 130 when interrupted. See docs/cli.md.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import sys
from pathlib import Path

from .. import __version__
from ..batch.inputs import (
    ReadOptions,
    format_from_name,
    iter_inputs,
    iter_sources,
    probe_format,
)
from ..batch.resume import ResumeError
from ..batch.runner import BatchOptions, Summary, run_batch
from ..batch.templates import DEFAULT_MIN_PAGES, DEFAULT_MIN_SHARE
from ..config import Config
from ..decoding import caller_codec
from ..errors import ConfigError

#: Default per-document time limit, in seconds.
DEFAULT_TIMEOUT = 60.0

USAGE = """\
%(prog)s [options] INPUT...
       %(prog)s explain [options] INPUT...   (see: cleaner explain --help)"""

DESCRIPTION = """\
Remove boilerplate from web pages and keep the article text.

commands:
  cleaner PAGE                  the clean text of one page, on stdout
  cleaner INPUT... -o OUTDIR    many pages: a mirror tree of .txt (.json, .md) files
  cleaner INPUT... --jsonl OUT  many pages: one JSON Lines file
  cleaner explain INPUT...      an HTML report of what is kept and removed, and why

cleaner cleans pages you have already fetched; it does not download them:
  curl -s URL | cleaner --url URL -"""

EPILOG = """\
inputs: files (.html .htm .txt, gzipped or not; .jsonl/.ndjson records; .warc/.warc.gz
response records, with the 'warc' extra), folders (walked recursively), '-' for stdin.

examples:
  cleaner page.html                     print the clean text of one page
  cleaner pages/ -o clean/              clean a folder into a mirror tree of .txt files
  cleaner crawl.warc.gz --jsonl out.jsonl --errors errors.jsonl
  cleaner pages/ -o clean/ --resume     finish a batch that was interrupted

exit status: 0 all documents cleaned (empty ones skipped), 1 some failed, 2 usage error,
130 interrupted (Ctrl-C; with an output, --resume finishes the batch).
"""

#: An input that is an address rather than a file: ``https://...``, ``ftp://...`` (the
#: scheme's length bounded, so that a search stays linear on any string).
_URL_LIKE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,31}://")
#: Options that shape the Markdown output only.
_INLINE = ("links", "emphasis", "images")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleaner",
        usage=USAGE,
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        # No abbreviations: `--url` must not silently stand for `--url-field`, nor a
        # future option change what an abbreviation in someone's script means.
        allow_abbrev=False,
    )
    parser.add_argument("inputs", nargs="*", metavar="INPUT", help="file, folder or '-'")
    parser.add_argument("--version", action="version", version=f"cleaner {__version__}")

    where = parser.add_argument_group("inputs")
    where.add_argument("--from-list", metavar="FILE", help="read input paths, one a line")
    where.add_argument(
        "--glob",
        action="append",
        default=[],
        metavar="PATTERN",
        help="in folders, take files whose path matches (repeatable; default: known extensions)",
    )
    where.add_argument(
        "--field", help="JSON Lines: field holding the page (default: html, content, text)"
    )
    where.add_argument(
        "--id-field", default="id", help="JSON Lines: field holding the id (default: id)"
    )
    where.add_argument(
        "--url-field", default="url", help="JSON Lines: field holding the URL (default: url)"
    )
    where.add_argument(
        "--url", help="one page: its address (resolves relative links, names its site)"
    )
    where.add_argument(
        "--encoding",
        metavar="LABEL",
        help="the charset the server declared for the pages (read before their <meta>); "
        "WARC records use their own Content-Type",
    )
    where.add_argument(
        "--kind",
        choices=("auto", "html", "text"),
        default="auto",
        help="treat every page as HTML or as text (default: sniff each)",
    )
    where.add_argument(
        "--max-size",
        type=float,
        metavar="MB",
        help="fail pages larger than this many megabytes (default: the library's 64 MiB)",
    )

    out = parser.add_argument_group("outputs")
    dest = out.add_mutually_exclusive_group()
    dest.add_argument("-o", "--output-dir", type=Path, metavar="OUTDIR", help="write a mirror tree")
    dest.add_argument("--jsonl", metavar="OUT", help="write one JSON Lines file ('-': stdout)")
    out.add_argument(
        "--format",
        choices=("text", "json", "markdown", "html"),
        default="text",
        help="text, JSON records (with the page's metadata), Markdown (.md) or HTML (.html)",
    )
    out.add_argument("--include-title", action="store_true", help="put the page's title first")
    out.add_argument("--links", action="store_true", help="Markdown and HTML: keep links")
    out.add_argument("--emphasis", action="store_true", help="Markdown, HTML: bold, italics")
    out.add_argument("--images", action="store_true", help="Markdown and HTML: keep images")
    out.add_argument("--errors", type=Path, metavar="FILE", help="log failures as JSON Lines")
    out.add_argument("--no-timing", action="store_true", help="leave timing out of JSON records")
    out.add_argument("--explain", action="store_true", help="print every removed block and why")
    out.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    out.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")

    run = parser.add_argument_group("running")
    run.add_argument(
        "-j", "--jobs", type=int, default=None, help="worker processes (default: CPUs)"
    )
    run.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help="per-document time limit, 0 for none (default: %(default)g)",
    )
    run.add_argument("--resume", action="store_true", help="carry on an interrupted batch")
    run.add_argument(
        "--disable",
        action="append",
        default=[],
        metavar="NAMES",
        help="rules or families to switch off, comma-separated",
    )

    tpl = parser.add_argument_group("site templates")
    tpl.add_argument(
        "--site-templates",
        action="store_true",
        help="first count paragraphs recurring across pages of a site, then remove them",
    )
    tpl.add_argument(
        "--template-min-pages",
        type=int,
        default=DEFAULT_MIN_PAGES,
        metavar="N",
        help="template: on at least N pages of the site (default: %(default)s)",
    )
    tpl.add_argument(
        "--template-min-share",
        type=float,
        default=DEFAULT_MIN_SHARE,
        metavar="F",
        help="template: on at least this share of the site's pages (default: %(default)s)",
    )
    return parser


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _colour(choice: str, stream: object) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def _options(args: argparse.Namespace, parser: argparse.ArgumentParser) -> BatchOptions:
    inputs: list[str] = list(args.inputs)
    if not inputs and args.from_list is None:
        if sys.stdin is None or sys.stdin.isatty():
            parser.error("no input: give a page, a folder, '-' for stdin, or --from-list")
        inputs = ["-"]
    for item in inputs:
        if _URL_LIKE.match(item) and not os.path.exists(item):
            parser.error(
                f"{item} is an address, not a file: cleaner cleans pages you have already "
                f"fetched, for example:\n  curl -s {shlex.quote(item)} | cleaner "
                f"--url {shlex.quote(item)} -"
            )
    if args.jobs is not None and args.jobs < 1:
        parser.error("--jobs must be at least 1")
    if args.timeout < 0:
        parser.error("--timeout cannot be negative")
    if args.max_size is not None and args.max_size <= 0:
        parser.error("--max-size must be positive")
    if not 0 <= args.template_min_share <= 1:
        parser.error("--template-min-share must be between 0 and 1")
    if args.format not in ("markdown", "html") and any(getattr(args, n) for n in _INLINE):
        parser.error("--links, --emphasis and --images shape Markdown and HTML: add --format")
    if args.encoding is not None and caller_codec(args.encoding) is None:
        parser.error(f"--encoding: {args.encoding!r} names no known charset")

    cleaner_options: dict[str, object] = {}
    disabled = [n.strip() for item in args.disable for n in item.split(",") if n.strip()]
    if disabled:
        cleaner_options["disable"] = sorted(set(disabled))
    if args.max_size is not None:
        cleaner_options["max_input_bytes"] = int(args.max_size * 1_000_000)
    try:
        from ..pipeline import Cleaner

        if disabled:
            Cleaner(**cleaner_options)  # type: ignore[arg-type]  # unknown names fail here
        max_bytes = Config.from_options(**cleaner_options).max_input_bytes
    except ConfigError as exc:
        parser.error(str(exc))

    outdir: Path | None = args.output_dir
    jsonl: str | None = args.jsonl
    single = False
    many = len(inputs) != 1 or args.from_list is not None
    if not many and ((outdir is None and jsonl is None) or args.url is not None):
        many = probe_format(inputs[0]) != "page"
    if args.url is not None and many:
        parser.error("--url is for one page (JSON Lines and WARC records bring their own)")
    if outdir is None and jsonl is None:
        if args.format == "json":
            jsonl = "-"
        elif many:
            parser.error(
                "several documents: give -o OUTDIR, --jsonl FILE or --format json (JSON Lines)"
            )
        single = not many
    if args.resume and outdir is None and jsonl in (None, "-"):
        parser.error("--resume needs an output: -o OUTDIR or --jsonl FILE")

    skip_dirs: set[str] = set()
    if outdir is not None:
        skip_dirs.add(os.path.realpath(outdir))
        for item in inputs:
            if (
                item != "-"
                and os.path.isdir(item)
                and os.path.realpath(item) == os.path.realpath(outdir)
            ):
                parser.error(f"the output folder {outdir} is also an input")
    if jsonl not in (None, "-"):
        skip_dirs.add(os.path.realpath(f"{jsonl}.resume"))

    # clean_article's keywords for every document; only those given, so that the
    # --resume signature of a run without them stays what it was.
    per_call = {
        name: value
        for name in ("url", "encoding", "include_title", *_INLINE)
        if (value := getattr(args, name)) not in (None, False)
    }
    read = ReadOptions(
        field=args.field,
        id_field=args.id_field,
        url_field=args.url_field,
        max_bytes=max_bytes,
        globs=tuple(args.glob),
        skip_dirs=frozenset(skip_dirs),
    )
    quiet = args.quiet
    progress = not quiet and not single and sys.stderr.isatty()
    return BatchOptions(
        inputs=inputs,
        from_list=args.from_list,
        outdir=outdir,
        jsonl=jsonl,
        fmt=args.format,
        read=read,
        kind=None if args.kind == "auto" else args.kind,
        cleaner_options={**cleaner_options, **per_call},
        jobs=args.jobs or _cpu_count(),
        inline=single,
        timeout=args.timeout or None,
        errors=args.errors,
        resume=args.resume,
        timing=not args.no_timing,
        explain=args.explain,
        print_text=not (single and args.explain),
        site_templates=args.site_templates,
        template_min_pages=args.template_min_pages,
        template_min_share=args.template_min_share,
        progress=progress,
        total=count_documents(inputs, args.from_list, read) if progress else None,
        report_failures=not quiet,
        # --explain writes to stderr when the results themselves go to stdout.
        colour=_colour(args.color, sys.stderr if jsonl == "-" else sys.stdout),
    )


def count_documents(inputs: list[str], from_list: str | None, read: ReadOptions) -> int | None:
    """How many documents the inputs hold, when that is known before reading them: every
    input a page file, named or found in a folder (one more walk of the folders, cheap
    beside cleaning). JSON Lines and WARC files, stdin and lists hold an unknown number."""
    if from_list is not None:
        return None
    count = 0
    for source in iter_sources(iter_inputs(inputs, None), read):
        if source.is_stdin or (
            source.error is None and format_from_name(os.path.basename(source.path)) != "page"
        ):
            return None
        count += 1
    return count


def _warn_if_empty(name: str, summary: Summary, printed: bool) -> None:
    """One page gives no summary line, so say why nothing came out."""
    name = "stdin" if name == "-" else name
    if summary.skipped:
        print(f"cleaner: warning: {name}: the page is empty; nothing to clean", file=sys.stderr)
    elif summary.ok and printed and summary.bytes_out == 0:
        print(
            f"cleaner: warning: {name}: nothing kept, every block was judged boilerplate "
            "(--explain says why)",
            file=sys.stderr,
        )


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``cleaner`` command; returns the exit status."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["explain"]:  # `cleaner explain ...`: the HTML report (cleaner.tools.report)
        from .report import main_explain

        return main_explain(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    options = _options(args, parser)
    try:
        summary = run_batch(options)
    except ResumeError as exc:
        print(f"cleaner: cannot resume: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        hint = " (rerun with --resume to finish)" if options.outdir or options.jsonl else ""
        print(f"cleaner: interrupted{hint}", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of stdout went away (``cleaner page | head``): not our failure.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except OSError as exc:
        print(f"cleaner: error: {exc}", file=sys.stderr)
        return 1
    if not args.quiet and not options.inline:
        print(summary.line(), file=sys.stderr)
    elif not args.quiet:
        _warn_if_empty(options.inputs[0], summary, options.print_text)
    return summary.exit_code
