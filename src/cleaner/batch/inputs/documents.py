"""The documents of each source, numbered in order: pages, or the records of a container."""

from __future__ import annotations

import gzip
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import PurePosixPath
from typing import BinaryIO

from ...errors import InputTooLargeError
from ..worker import check_regular
from .discover import _open_text_lines, format_from_name, peek_format
from .jsonl import _jsonl_records
from .model import DocRef, ReadOptions, Source, _error_doc
from .names import Namer, _container_stem, _page_name, mirror_path
from .warc import _warc_records


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
            check_regular(source.path)
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
