"""The records of a JSON Lines file, one document a line."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import BinaryIO

from ...errors import InputTooLargeError
from .discover import _open_text_lines
from .model import DEFAULT_FIELDS, DocRef, ReadOptions, _as_read_error, _error_doc
from .names import Namer, _record_name


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
