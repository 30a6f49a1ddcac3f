"""The page records of a web archive (WARC or ARC), read with ``warcio``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import BinaryIO

from ...errors import InputTooLargeError
from .model import DocRef, ReadOptions, TruncatedInputError, _as_read_error, _error_doc
from .names import Namer, _record_name

_WARC_CONTENT_TYPES = ("text/html", "application/xhtml", "text/plain")


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
        message = "reading WARC files needs warcio: pip install 'article-cleaner[warc]'"
        raise ImportError(message) from exc
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
        yield DocRef(
            seq=0,
            path=path,
            doc_id=doc_id,
            url=url,
            payload=payload,
            out_stem=name,
            encoding=_declared_charset(record),
        )


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


def _declared_charset(record: object) -> str | None:
    """The record's Content-Type when it names a charset (``encoding=`` reads it whole)."""
    http = getattr(record, "http_headers", None)
    headers = http if http is not None else record.rec_headers  # type: ignore[attr-defined]
    value = headers.get_header("Content-Type")
    return value if value and "charset" in value.lower() else None


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
