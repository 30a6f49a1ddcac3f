"""What the inputs of a batch are made of: options, sources, documents, input errors."""

from __future__ import annotations

import gzip
import zlib
from dataclasses import dataclass
from pathlib import PurePosixPath

from ...errors import InputValueError
from ..worker import BatchInputError, describe

PAGE_EXTENSIONS = frozenset({".html", ".htm", ".xhtml", ".shtml", ".txt", ".text"})
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson"})
WARC_EXTENSIONS = frozenset({".warc", ".arc"})
#: Fields tried, in order, for a record's page when ``--field`` is not given.
DEFAULT_FIELDS = ("html", "content", "text")
#: How many bytes of a file of unknown kind are read to tell its format.
SNIFF_BYTES = 64


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
    #: The charset its transport declared: a WARC record's HTTP Content-Type.
    encoding: str | None = None


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


def _error_doc(path: str, doc_id: str, exc: BaseException) -> DocRef:
    return DocRef(seq=0, path=path, doc_id=doc_id, error=(type(exc).__name__, describe(exc)))


def _as_read_error(exc: BaseException) -> BaseException:
    if isinstance(exc, (EOFError, zlib.error)):
        return gzip.BadGzipFile(f"corrupt gzip data: {exc}")
    return exc
