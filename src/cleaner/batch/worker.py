"""What a worker process does: read one document, clean it, report the outcome.

Everything here must be picklable and importable by a fresh process (workers are
started by ``forkserver`` or ``spawn``). One ``Cleaner`` is built per worker process and
serves every document it is given.
"""

from __future__ import annotations

import gzip
import os
import signal
import stat
import sys
import time
import zlib
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from ..errors import CleanerError, InputTooLargeError, InputValueError
from ..options import FIELDS as OUTPUT_FIELDS
from ..pipeline import Cleaner
from ..rules import FAMILIES
from ..rules.templates import fingerprint, site_host

GZIP_MAGIC = b"\x1f\x8b"
#: Keywords of ``clean_article`` that go to each call rather than to ``Cleaner``: the
#: output's extras (the format itself is ``WorkerSettings.output``) ...
OUTPUT_EXTRAS = frozenset(OUTPUT_FIELDS) - {"output"}
#: ... and a URL and a declared charset for the documents that bring none of their own.
DOCUMENT_DEFAULTS = frozenset({"url", "encoding"})


class BatchInputError(CleanerError):
    """A batch input that cannot be read as a document."""


class NotRegularFileError(BatchInputError, InputValueError):
    """The path names a FIFO, socket or device: reading it could block forever."""


class BrokenLinkError(BatchInputError, InputValueError):
    """The path is a symbolic link to nothing (its target was moved or deleted)."""


class DocumentTimeoutError(BatchInputError, TimeoutError):
    """Cleaning the document took longer than ``--timeout``."""


class WorkerCrashError(BatchInputError):
    """The worker process died while cleaning the document (twice)."""


@dataclass(frozen=True)
class WorkerSettings:
    """What every worker needs to know; sent once when the worker starts."""

    #: Keyword options of ``clean_article``: ``Cleaner`` options (``Config`` itself
    #: holds a mappingproxy, which does not pickle, so workers rebuild it), plus
    #: ``OUTPUT_EXTRAS`` and ``DOCUMENT_DEFAULTS`` for every call.
    options: dict[str, Any] = field(default_factory=dict)
    #: "html", "text" or None (sniff).
    kind: str | None = None
    #: "clean", or "fingerprint" for the first pass of site-template counting.
    mode: str = "clean"
    #: Return every removed block (for ``--explain``).
    explain: bool = False
    max_bytes: int = 64 * 1024 * 1024
    #: "text", "json" (adds the page's metadata), "markdown" or "html" (adds that too).
    output: str = "text"

    def build_cleaner(self) -> Cleaner:
        if self.mode == "fingerprint":
            # The first pass only needs the page's blocks: every rule off, one pass.
            return Cleaner(disable=FAMILIES, max_passes=1, max_input_bytes=self.max_bytes)
        per_call = OUTPUT_EXTRAS | DOCUMENT_DEFAULTS
        return Cleaner(**{k: v for k, v in self.options.items() if k not in per_call})

    def output_extras(self) -> dict[str, Any]:
        """The output's extras (``include_title``, ``links`` ...) for ``Cleaner.explain``."""
        return {k: v for k, v in self.options.items() if k in OUTPUT_EXTRAS}


# Not slots=True: frozen slotted dataclasses do not unpickle on Python 3.10.
@dataclass(frozen=True)
class Task:
    """One document for a worker: a file to read, or the document itself."""

    path: str
    payload: bytes | str | None = None
    #: The URL given to the pipeline (a file: URL for plain files when counting
    #: templates, so that their folder acts as their site).
    url: str | None = None
    #: The charset its transport declared (a WARC record's HTTP Content-Type).
    encoding: str | None = None


@dataclass(slots=True)
class Outcome:
    """What became of one document."""

    status: str  # "ok", "failed" or "skipped"
    error: str = ""
    message: str = ""
    text: str = ""
    removed: dict[str, int] = field(default_factory=dict)
    language: str | None = None
    kind: str | None = None
    bytes_in: int = 0
    timing_ms: float = 0.0
    #: (rule, family, reason, block text) for every removed block, with ``explain``.
    explanation: list[tuple[str, str, str, str]] = field(default_factory=list)
    #: The page's declared metadata (title, author, date ...) unless the output is text.
    metadata: dict[str, str | list[str] | None] | None = None
    #: The article as Markdown, with ``output="markdown"``.
    markdown: str | None = None
    #: The URL given in the options (``--url``) for a document that brings none.
    url: str | None = None
    #: The article as HTML, with ``output="html"``.
    html: str | None = None
    #: First pass: the site and the fingerprints of the page's paragraphs.
    host: str = ""
    fingerprints: list[str] = field(default_factory=list)


def failed(exc: BaseException) -> Outcome:
    return Outcome(status="failed", error=type(exc).__name__, message=describe(exc))


def describe(exc: BaseException) -> str:
    text = str(exc)
    if isinstance(exc, OSError) and exc.strerror:
        text = exc.strerror + (f": {exc.filename}" if exc.filename else "")
    return text or type(exc).__name__


def broken_link(path: str) -> BrokenLinkError | None:
    """The error for ``path`` when it is a dangling symbolic link (else None): said as
    such, since "no such file" for a name that is listed in its folder puzzles."""
    try:
        target = os.readlink(path)
    except OSError:
        return None  # not a link (or gone): the caller's own error stands
    if os.path.exists(path):
        return None
    return BrokenLinkError(f"dangling symbolic link: {path} -> {target}")


def _file_kind(mode: int) -> str:
    for test, kind in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        # Only through a link: folders are walked, links to them are not followed.
        (stat.S_ISDIR, "a folder"),
    ):
        if test(mode):
            return kind
    return "of an unknown kind"


def check_regular(path: str) -> None:
    """Raise unless ``path`` is a regular file or a link to one.

    It stats, never opens: opening a FIFO without a writer blocks forever, and a socket
    or device is no page either.
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError as exc:
        raise (broken_link(path) or exc) from None
    if not stat.S_ISREG(mode):
        raise NotRegularFileError(f"not a regular file but {_file_kind(mode)}: {path}")


def read_page(path: str, max_bytes: int) -> bytes:
    """The bytes of a page file, gunzipped when it is gzip, at most ``max_bytes``."""
    check_regular(path)
    with open(path, "rb") as raw:
        head = raw.read(2)
        raw.seek(0)
        if head == GZIP_MAGIC:
            try:
                with gzip.GzipFile(fileobj=raw) as unzipped:
                    data = unzipped.read(max_bytes + 1)
            except (EOFError, zlib.error) as exc:
                raise gzip.BadGzipFile(f"corrupt gzip data: {exc}") from exc
        else:
            size = os.fstat(raw.fileno()).st_size
            if size > max_bytes:
                raise InputTooLargeError(f"input is {size} bytes; the limit is {max_bytes}")
            data = raw.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputTooLargeError(f"input is larger than the limit of {max_bytes} bytes")
    return data


def process(task: Task, cleaner: Cleaner, settings: WorkerSettings) -> Outcome:
    """Read and clean one document; every failure becomes a failed ``Outcome``."""
    try:
        raw = task.payload if task.payload is not None else read_page(task.path, settings.max_bytes)
        # Binary data is the library's call (InputBinaryError): it knows UTF-16 and
        # UTF-32 without a BOM, which a NUL-byte test here would refuse.
        size = len(raw) if isinstance(raw, bytes) else len(raw.encode("utf-8", "surrogatepass"))
        if not raw.strip():
            return Outcome(
                status="skipped", error="EmptyInput", message="the input is empty", bytes_in=size
            )
        start = time.perf_counter()
        defaults = settings.options
        given_url = None if task.url else defaults.get("url")
        result = cleaner.explain(
            raw,
            url=task.url or given_url,
            kind=settings.kind,
            encoding=task.encoding or defaults.get("encoding"),
            output=settings.output if settings.output in ("markdown", "html") else "text",
            metadata=settings.output != "text",
            **settings.output_extras(),
        )
        elapsed = (time.perf_counter() - start) * 1000.0
    except Exception as exc:  # a bad document is reported, never fatal to the worker
        return failed(exc)
    if settings.mode == "fingerprint":
        host = site_host(task.url)
        prints = {fingerprint(host, block.text) for block in result.blocks}
        prints.discard(None)
        return Outcome(status="ok", bytes_in=size, host=host, fingerprints=sorted(prints))
    outcome = Outcome(
        status="ok",
        text=result.text,
        removed=result.counts_by_family(),
        language=result.language,
        kind=result.input_kind,
        bytes_in=size,
        timing_ms=round(elapsed, 3),
        metadata=result.metadata.as_dict() if result.metadata is not None else None,
        markdown=result.markdown,
        url=given_url,
        html=result.html,
    )
    if settings.explain:
        outcome.explanation = [
            (b.rule or "", b.family or "", b.reason or "", b.text) for b in result.removed
        ]
    return outcome


#: How often an idle worker checks that its parent is still alive, in seconds.
PARENT_CHECK_SECONDS = 1.0


def worker_main(conn: Connection, settings: WorkerSettings, cleaner: Cleaner | None = None) -> None:
    """The loop of a worker process: a task in, an outcome out, until told to stop.

    ``cleaner`` is given when the worker is forked from a parent that built it already.
    """
    parent = os.getppid()
    _die_with_parent()
    # Ctrl-C reaches the whole process group; the parent alone decides what stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if cleaner is None:
        cleaner = settings.build_cleaner()
    try:
        conn.send("ready")
        while True:
            # A forked worker holds copies of the parent's pipe ends, so the parent's
            # death does not always show as EOF: look at who the parent is instead.
            while not conn.poll(PARENT_CHECK_SECONDS):
                if os.getppid() != parent:
                    return
            task = conn.recv()
            if task is None:
                return
            conn.send(process(task, cleaner, settings))
    except (EOFError, OSError):  # the parent is gone
        return


def _die_with_parent() -> None:
    """On Linux, ask the kernel to kill this worker when its parent dies (best effort)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None).prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass
