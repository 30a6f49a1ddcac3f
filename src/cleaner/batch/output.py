"""Writing results: a mirror tree of files, one JSON Lines file, or stdout.

Only the parent process writes, in input order. Tree files are written atomically (a
temporary file in the run's own folder, then a rename), so a file that exists is whole.
The JSON Lines file is append-only while the batch runs; its length at each checkpoint
is what ``--resume`` truncates back to.
"""

from __future__ import annotations

import json
import os
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO, TextIO

from .inputs import DocRef
from .worker import Outcome


def record(doc: DocRef, outcome: Outcome, timing: bool) -> dict[str, Any]:
    """The JSON record of one cleaned document (fixed key order)."""
    rec: dict[str, Any] = {
        "id": doc.doc_id,
        "path": doc.path,
        "url": doc.url if doc.url is not None else outcome.url,
        "kind": outcome.kind,
        "language": outcome.language,
        "text": outcome.text,
        "removed": outcome.removed,
    }
    if outcome.markdown is not None:
        rec["markdown"] = outcome.markdown
    if outcome.metadata is not None:
        rec["metadata"] = outcome.metadata
    if timing:
        rec["timing_ms"] = outcome.timing_ms
    return rec


def json_line(obj: dict[str, Any]) -> bytes:
    # ensure_ascii=False keeps text readable; a lone surrogate (possible in JSON input)
    # cannot be UTF-8, and backslashreplace turns it into a valid JSON escape.
    return (json.dumps(obj, ensure_ascii=False) + "\n").encode("utf-8", "backslashreplace")


def text_bytes(text: str) -> bytes:
    return (text + "\n").encode("utf-8", "replace") if text else b""


def render(doc: DocRef, outcome: Outcome, fmt: str, timing: bool) -> bytes:
    if fmt == "json":
        return json_line(record(doc, outcome, timing))
    if fmt == "markdown":
        return text_bytes(outcome.markdown or "")
    if fmt == "html":
        return text_bytes(outcome.html or "")
    return text_bytes(outcome.text)


def atomic_write(target: Path, data: bytes, tmp_dir: Path, tmp_name: str) -> None:
    """Write ``data`` to ``target`` so that ``target`` is either absent, old, or whole."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = tmp_dir / tmp_name
    # os.open, not mkstemp: mkstemp creates mode 0600, outputs should follow the umask.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


class TreeWriter:
    """One file per document under ``outdir``: ``<input path>.txt``, ``.json``, ``.md``
    or ``.html``."""

    def __init__(self, outdir: Path, fmt: str, timing: bool, tmp_dir: Path) -> None:
        self.outdir = outdir
        self.fmt = fmt
        self.timing = timing
        self.tmp_dir = tmp_dir
        self.suffix = {"json": ".json", "markdown": ".md", "html": ".html"}.get(fmt, ".txt")

    def target(self, stem: PurePosixPath) -> Path:
        return self.outdir.joinpath(*stem.parts[:-1], stem.name + self.suffix)

    def write(self, doc: DocRef, outcome: Outcome) -> int:
        assert doc.out_stem is not None
        data = render(doc, outcome, self.fmt, self.timing)
        atomic_write(self.target(doc.out_stem), data, self.tmp_dir, f"{doc.seq}.tmp")
        return len(data)

    def position(self) -> int:
        return 0

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass


class StreamWriter:
    """JSON Lines (or plain text, one page) appended to a binary stream."""

    def __init__(self, stream: BinaryIO, fmt: str, timing: bool) -> None:
        self.stream = stream
        self.fmt = fmt
        self.timing = timing

    def write(self, doc: DocRef, outcome: Outcome) -> int:
        data = render(doc, outcome, self.fmt, self.timing)
        self.stream.write(data)
        return len(data)

    def position(self) -> int:
        return self.stream.tell() if self.stream.seekable() else 0

    def flush(self) -> None:
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()


class ErrorLog:
    """``--errors FILE``: one JSON line per failed or skipped document, in input order."""

    def __init__(self, path: Path | None, resume_at: int | None) -> None:
        self.stream: BinaryIO | None = None
        if path is None:
            return
        if resume_at is None:
            self.stream = open(path, "wb")  # noqa: SIM115 (closed by close())
        else:
            self.stream = open(path, "r+b" if path.exists() else "wb")  # noqa: SIM115
            self.stream.truncate(resume_at)
            self.stream.seek(resume_at)

    def write(self, doc: DocRef, outcome: Outcome) -> None:
        if self.stream is None:
            return
        entry = {
            "path": doc.path,
            "id": doc.doc_id,
            "status": outcome.status,
            "error": outcome.error,
            "message": outcome.message,
        }
        self.stream.write(json_line(entry))

    def position(self) -> int:
        return self.stream.tell() if self.stream is not None else 0

    def flush(self) -> None:
        if self.stream is not None:
            self.stream.flush()

    def close(self) -> None:
        if self.stream is not None:
            self.stream.close()


_COLOURS = {"head": "1", "rule": "33", "family": "36", "text": "2", "ok": "32"}


class ExplainPrinter:
    """``--explain``: every removed block of every document, with rule and reason."""

    def __init__(self, stream: TextIO, colour: bool) -> None:
        self.stream = stream
        self.colour = colour

    def _c(self, what: str, text: str) -> str:
        return f"\x1b[{_COLOURS[what]}m{text}\x1b[0m" if self.colour else text

    def lines(self, doc: DocRef, outcome: Outcome) -> list[str]:
        removed = outcome.explanation
        head = f"== {doc.doc_id}"
        url = doc.url or outcome.url
        if url:
            head += f" <{url}>"
        lines = [self._c("head", f"{head}: {len(removed)} blocks removed")]
        for rule, family, reason, text in removed:
            lines.append(f"  {self._c('family', family)}/{self._c('rule', rule)}: {reason}")
            lines.append(f"      {self._c('text', _snippet(text))}")
        return lines

    def write(self, doc: DocRef, outcome: Outcome) -> None:
        self.stream.write("\n".join(self.lines(doc, outcome)) + "\n")


def _snippet(text: str, limit: int = 100) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
