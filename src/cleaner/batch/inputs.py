"""Finding the documents of a batch, in a deterministic order, one at a time.

Inputs are files, folders (walked depth-first, entries sorted by name), ``-`` for
stdin, and lines of a ``--from-list`` file. A file is a page (.html, .htm, .txt, ...),
a JSON Lines file of records (.jsonl, .ndjson) or a web archive (.warc, .arc), each
possibly gzipped; other names are sniffed. Pages are read by the workers; records of
JSON Lines and WARC files are read here and handed over.

Nothing is listed ahead: documents stream out as they are found, numbered in order, so
memory stays bounded however many inputs there are.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import stat
import sys
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from ..errors import InputTooLargeError, InputValueError
from .worker import GZIP_MAGIC, BatchInputError, NotRegularFileError, describe

PAGE_EXTENSIONS = frozenset({".html", ".htm", ".xhtml", ".shtml", ".txt", ".text"})
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson"})
WARC_EXTENSIONS = frozenset({".warc", ".arc"})
#: Fields tried, in order, for a record's page when ``--field`` is not given.
DEFAULT_FIELDS = ("html", "content", "text")
#: How many bytes of a file of unknown kind are read to tell its format.
SNIFF_BYTES = 64
_WARC_CONTENT_TYPES = ("text/html", "application/xhtml", "text/plain")


class TruncatedInputError(BatchInputError, InputValueError):
    """A container (WARC) ends in the middle of a record."""


@dataclass(frozen=True)
class ReadOptions:
    field: str | None = None
    id_field: str = "id"
    url_field: str = "url"
    max_bytes: int = 64 * 1024 * 1024
    globs: tuple[str, ...] = ()
    #: Folders never walked (the output folder, when it lies inside an input folder).
    skip_dirs: frozenset[str] = frozenset()


@dataclass
class DocRef:
    """One document of the batch, as the parent process knows it."""

    seq: int
    path: str
    doc_id: str
    url: str | None = None
    #: The document itself (records, stdin); None when the worker reads ``path``.
    payload: bytes | str | None = None
    #: Output path relative to the output folder, without suffix (see ``Namer``).
    out_stem: PurePosixPath | None = None
    #: (error type, message) when the document failed before reaching a worker.
    error: tuple[str, str] | None = None


@dataclass(frozen=True)
class Source:
    """One input: a file (or stdin) to read, or an error met while finding inputs."""

    path: str
    error: BaseException | None = None
    #: Output under the full file name (``a.html.txt``, not ``a.txt``): set when files
    #: of one folder differ only by extension, so that none takes the other's name.
    full_name: bool = False

    @property
    def is_stdin(self) -> bool:
        return self.path == "-"


# -- discovery --------------------------------------------------------------------------


def iter_inputs(args: Iterable[str], from_list: str | None) -> Iterator[str]:
    """The input arguments, then the lines of the ``--from-list`` file."""
    yield from args
    if from_list is None:
        return
    stream = sys.stdin if from_list == "-" else open(from_list, encoding="utf-8")  # noqa: SIM115
    with stream:
        for line in stream:
            path = line.rstrip("\r\n")
            if path.strip():
                yield path


def iter_sources(inputs: Iterable[str], options: ReadOptions) -> Iterator[Source]:
    """Every file named by the inputs, folders walked in sorted order."""
    for arg in inputs:
        if arg == "-":
            yield Source("-")
            continue
        try:
            mode = os.stat(arg).st_mode
        except OSError as exc:
            yield Source(arg, exc)
            continue
        if stat.S_ISDIR(mode):
            yield from _walk(arg, options)
        else:
            yield Source(arg)


def _walk(top: str, options: ReadOptions) -> Iterator[Source]:
    # An explicit stack (not recursion): deep trees cannot exhaust the call stack.
    stack = [(top, PurePosixPath())]
    while stack:
        folder, rel = stack.pop()
        if os.path.realpath(folder) in options.skip_dirs:
            continue
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            yield Source(folder, exc)
            continue
        subfolders = []
        files: list[Source] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue  # hidden: .git, editor files, our own resume folder
            try:
                if entry.is_dir(follow_symlinks=False):
                    subfolders.append((entry.path, rel / entry.name))
                elif entry.is_file() and _wanted(rel / entry.name, options.globs):
                    files.append(Source(entry.path))
            except OSError as exc:
                files.append(Source(entry.path, exc))
        stems = Counter(page_stem(os.path.basename(f.path)) for f in files)
        for f in files:
            clash = stems[page_stem(os.path.basename(f.path))] > 1
            yield Source(f.path, f.error, full_name=True) if clash else f
        # Files of a folder first, then its subfolders, each in name order.
        stack.extend(reversed(subfolders))


def _wanted(rel: PurePosixPath, globs: tuple[str, ...]) -> bool:
    if globs:
        return any(rel.match(pattern) for pattern in globs)
    return format_from_name(rel.name) is not None


def format_from_name(name: str) -> str | None:
    """ "page", "jsonl" or "warc" by extension (``.gz`` looked through), else None."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    ext = os.path.splitext(lower)[1]
    if ext in PAGE_EXTENSIONS:
        return "page"
    if ext in JSONL_EXTENSIONS:
        return "jsonl"
    if ext in WARC_EXTENSIONS:
        return "warc"
    return None


def sniff_format(head: bytes) -> str:
    """Tell a format from the first bytes of a (gunzipped) file."""
    if head.startswith(b"WARC/"):
        return "warc"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b'{"'):
        return "jsonl"
    return "page"


def peek_format(stream: BinaryIO) -> str:
    """The format of a seekable or peekable binary stream, without consuming it."""
    head = _peek(stream, SNIFF_BYTES)
    if head.startswith(GZIP_MAGIC):
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(_peek(stream, 64 * 1024))) as unzipped:
                head = unzipped.read(SNIFF_BYTES)
        except (OSError, EOFError, zlib.error):
            return "page"  # not really gzip, or cut short: the page reader says why
    return sniff_format(head)


def _peek(stream: BinaryIO, size: int) -> bytes:
    if isinstance(stream, io.BufferedReader):
        head = stream.peek(size)[:size]
        if len(head) >= size or not stream.seekable():
            return head
    position = stream.tell()
    head = stream.read(size)
    stream.seek(position)
    return head


def probe_format(path: str) -> str:
    """The format of one input path ("page", "jsonl", "warc" or "folder")."""
    if path == "-":
        return peek_format(sys.stdin.buffer)
    if os.path.isdir(path):
        return "folder"
    by_name = format_from_name(os.path.basename(path))
    if by_name is not None:
        return by_name
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return "page"
        with open(path, "rb") as stream:
            return peek_format(stream)
    except OSError:
        return "page"  # the reader will report the error in its turn


# -- output names -----------------------------------------------------------------------


def mirror_path(path: str) -> PurePosixPath:
    """An input path as given, made relative: no root, no drive, no ``..`` going up."""
    if path == "-":
        return PurePosixPath("stdin")
    parts = [p for p in Path(os.path.normpath(path)).parts if p not in ("..", ".")]
    if parts and Path(path).anchor and parts[0] == Path(path).anchor:
        parts = parts[1:]
    return PurePosixPath(*parts) if parts else PurePosixPath("input")


def page_stem(name: str) -> str:
    """A page file name without ``.gz`` and its page extension: ``a.html.gz`` -> ``a``."""
    stem = name[:-3] if name.lower().endswith(".gz") else name
    base, ext = os.path.splitext(stem)
    if ext.lower() in PAGE_EXTENSIONS | JSONL_EXTENSIONS | WARC_EXTENSIONS and base:
        return base
    return stem


class Namer:
    """Output names, unique within a run, chosen in input order (so, deterministic).

    ``a.html`` becomes ``a`` (the writer adds ``.txt``). Files of one folder that differ
    only by extension keep their full names (``a.html``, ``a.htm``); when a name is
    still taken (the same file name given from two folders), ``-2``, ``-3``... follow.
    Keeps one short string per document, the only per-document memory of a run.
    """

    def __init__(self) -> None:
        self._taken: set[PurePosixPath] = set()

    def claim(self, *candidates: PurePosixPath) -> PurePosixPath:
        for name in candidates:
            if name not in self._taken:
                self._taken.add(name)
                return name
        base = candidates[-1]
        n = 2
        while (name := base.with_name(f"{base.name}-{n}")) in self._taken:
            n += 1
        self._taken.add(name)
        return name


# -- documents --------------------------------------------------------------------------


def iter_documents(
    sources: Iterable[Source], options: ReadOptions, namer: Namer | None
) -> Iterator[DocRef]:
    """Every document of every source, numbered in order from 0."""
    seq = 0
    for source in sources:
        for doc in _documents_of(source, options, namer):
            doc.seq = seq
            seq += 1
            yield doc


def _documents_of(source: Source, options: ReadOptions, namer: Namer | None) -> Iterator[DocRef]:
    base = mirror_path(source.path)
    if source.error is not None:
        yield _error_doc(source.path, source.path, source.error)
        return
    fmt = format_from_name(base.name) if not source.is_stdin else None
    stream: BinaryIO | None = None
    try:
        if source.is_stdin:
            stream = sys.stdin.buffer
            fmt = peek_format(stream)
        elif fmt != "page":
            # Only containers and files of unknown kind are opened here (pages are read
            # by the workers); stat first, as opening a FIFO would block.
            if not stat.S_ISREG(os.stat(source.path).st_mode):
                raise NotRegularFileError(f"not a regular file: {source.path}")
            stream = open(source.path, "rb")  # noqa: SIM115 (closed below)
            if fmt is None:
                fmt = peek_format(stream)
        if fmt == "page":
            yield _page_doc(source, stream, options, namer, base)
            return
        assert stream is not None
        container = _container_stem(base, namer)
        records = _jsonl_records if fmt == "jsonl" else _warc_records
        yield from records(source.path, stream, options, container, namer)
    except Exception as exc:  # an unreadable source is one failed document
        yield _error_doc(source.path, source.path, exc)
    finally:
        if stream is not None and not source.is_stdin:
            stream.close()


def _page_doc(
    source: Source,
    stream: BinaryIO | None,
    options: ReadOptions,
    namer: Namer | None,
    base: PurePosixPath,
) -> DocRef:
    out = _page_name(base, namer, source.full_name)
    if not source.is_stdin:
        return DocRef(seq=0, path=source.path, doc_id=source.path, out_stem=out)
    assert stream is not None
    try:
        # Read through gzip at most the limit: a small bomb cannot fill the memory.
        data = _open_text_lines(stream).read(options.max_bytes + 1)
    except (EOFError, zlib.error) as exc:
        raise gzip.BadGzipFile(f"corrupt gzip data: {exc}") from exc
    if len(data) > options.max_bytes:
        raise InputTooLargeError(f"input is larger than the limit of {options.max_bytes} bytes")
    return DocRef(seq=0, path="-", doc_id="-", payload=data, out_stem=out)


def _page_name(base: PurePosixPath, namer: Namer | None, full: bool) -> PurePosixPath | None:
    if namer is None:
        return None
    if full:
        return namer.claim(base)
    return namer.claim(base.with_name(page_stem(base.name)), base)


def _container_stem(base: PurePosixPath, namer: Namer | None) -> PurePosixPath | None:
    # Records of a.jsonl go to a/000001.txt, a/000002.txt, ... (line or record number).
    return base.with_name(page_stem(base.name)) if namer is not None else None


def _record_name(
    container: PurePosixPath | None, number: int, namer: Namer | None
) -> PurePosixPath | None:
    if container is None or namer is None:
        return None
    return namer.claim(container / f"{number:06d}")


def _error_doc(path: str, doc_id: str, exc: BaseException) -> DocRef:
    return DocRef(seq=0, path=path, doc_id=doc_id, error=(type(exc).__name__, describe(exc)))


def _open_text_lines(stream: BinaryIO) -> BinaryIO:
    """The stream, gunzipped when it starts like gzip."""
    head = _peek(stream, 2)
    if head.startswith(GZIP_MAGIC):
        return gzip.GzipFile(fileobj=stream)  # type: ignore[return-value]
    return stream


def _jsonl_records(
    path: str,
    stream: BinaryIO,
    options: ReadOptions,
    container: PurePosixPath | None,
    namer: Namer | None,
) -> Iterator[DocRef]:
    lines = _open_text_lines(stream)
    lineno = 0
    while True:
        try:
            line = lines.readline(options.max_bytes + 1)
        except (OSError, EOFError, zlib.error) as exc:
            where = f"{path}:{lineno + 1}"
            yield _error_doc(path, where, _as_read_error(exc))
            return
        if not line:
            return
        lineno += 1
        where = f"{path}:{lineno}"
        if len(line) > options.max_bytes and not line.endswith(b"\n"):
            _skip_rest_of_line(lines)
            limit = options.max_bytes
            exc = InputTooLargeError(f"line is larger than the limit of {limit} bytes")
            yield _error_doc(path, where, exc)
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise TypeError(f"line {lineno} is a JSON {type(record).__name__}, not an object")
            page = _record_page(record, options.field, lineno)
        except (ValueError, TypeError, KeyError) as exc:
            yield _error_doc(path, where, exc)
            continue
        doc_id = record.get(options.id_field)
        url = record.get(options.url_field)
        yield DocRef(
            seq=0,
            path=path,
            doc_id=str(doc_id) if doc_id is not None else where,
            url=url if isinstance(url, str) else None,
            payload=page,
            out_stem=_record_name(container, lineno, namer),
        )


def _record_page(record: dict[str, object], field: str | None, lineno: int) -> str:
    names = (field,) if field else DEFAULT_FIELDS
    for name in names:
        if name in record:
            value = record[name]
            if not isinstance(value, str):
                raise TypeError(f"field {name!r} is a {type(value).__name__}, not a string")
            return value
    raise KeyError(f"line {lineno} has no field {' or '.join(map(repr, names))}")


def _skip_rest_of_line(lines: BinaryIO) -> None:
    while True:
        chunk = lines.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def _as_read_error(exc: BaseException) -> BaseException:
    if isinstance(exc, (EOFError, zlib.error)):
        return gzip.BadGzipFile(f"corrupt gzip data: {exc}")
    return exc


def _warc_records(
    path: str,
    stream: BinaryIO,
    options: ReadOptions,
    container: PurePosixPath | None,
    namer: Namer | None,
) -> Iterator[DocRef]:
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError as exc:
        raise ImportError("reading WARC files needs warcio: pip install 'cleaner[warc]'") from exc
    number = 0
    archive = ArchiveIterator(stream, arc2warc=True)
    records = iter(archive)
    while True:
        where = f"{path}#{number + 1}"
        try:
            record = next(records, None)
        except Exception as exc:  # warcio raises many kinds on a damaged archive
            if _at_end(stream):
                exc = TruncatedInputError(f"the archive ends inside a record header ({exc!r})")
            yield _error_doc(path, where, _as_read_error(exc))
            return
        if record is None:
            left = _unread_tail(archive)
            if left:
                # warcio ends quietly on a header cut short by the end of the archive.
                message = f"the archive ends {left} bytes into a record header"
                yield _error_doc(path, where, TruncatedInputError(message))
            return
        if not _is_page_record(record):
            continue
        number += 1
        headers = record.rec_headers
        doc_id = headers.get_header("WARC-Record-ID") or where
        url = headers.get_header("WARC-Target-URI")
        name = _record_name(container, number, namer)
        try:
            # content_stream undoes chunking and Content-Encoding.
            payload = record.content_stream().read(options.max_bytes + 1)
        except Exception as exc:  # a bad encoding spoils this record, not the archive
            yield _error_doc(path, doc_id, _as_read_error(exc))
            continue
        if len(payload) > options.max_bytes:
            limit = options.max_bytes
            exc = InputTooLargeError(f"record is larger than the limit of {limit} bytes")
            yield _error_doc(path, doc_id, exc)
            continue
        missing = _missing_bytes(record.raw_stream)
        if missing:
            # warcio hands out what there is of a record cut short; that is not a page.
            exc = TruncatedInputError(f"the archive ends {missing} bytes into this record")
            yield _error_doc(path, doc_id, exc)
            return
        yield DocRef(seq=0, path=path, doc_id=doc_id, url=url, payload=payload, out_stem=name)


def _at_end(stream: BinaryIO) -> bool:
    """Whether nothing is left to read (a damaged archive, or one cut short)."""
    try:
        return not stream.read(1)
    except Exception:  # a broken stream says nothing more
        return False


def _unread_tail(archive: object) -> int:
    """Bytes after the last whole record that warcio read without making a record of
    them: a record header cut short at the end of the archive. (``offset`` is where
    warcio's last record ended, blank lines after it included.)"""
    end = getattr(archive, "offset", None)
    handle = getattr(archive, "fh", None)
    if not isinstance(end, int) or handle is None:
        return 0
    try:
        consumed = handle.tell()
    except (OSError, ValueError):
        return 0
    return max(0, consumed - end)


def _missing_bytes(raw_stream: object) -> int:
    """How many bytes a record's block lacks: what is left to read and cannot be."""
    left = getattr(raw_stream, "limit", 0)
    while left > 0:
        chunk = raw_stream.read(min(left, 1 << 20))  # type: ignore[attr-defined]
        if not chunk:
            return left
        left -= len(chunk)
    return 0


def _is_page_record(record: object) -> bool:
    """A response (2xx) or resource record whose payload is HTML or text."""
    rec_type = getattr(record, "rec_type", "")
    if rec_type not in ("response", "resource"):
        return False
    http = getattr(record, "http_headers", None)
    if rec_type == "response":
        if http is None:
            return False
        status = (http.get_statuscode() or "") if hasattr(http, "get_statuscode") else ""
        if not status.startswith("2"):
            return False
        content_type = http.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""  # type: ignore[attr-defined]
    content_type = content_type.lower()
    return not content_type or content_type.startswith(_WARC_CONTENT_TYPES)
