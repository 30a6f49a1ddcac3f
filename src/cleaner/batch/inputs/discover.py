"""Finding the inputs: arguments, ``--from-list``, folders walked in order; telling formats."""

from __future__ import annotations

import gzip
import io
import os
import stat
import sys
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import PurePosixPath
from typing import BinaryIO

from ..worker import GZIP_MAGIC, BatchInputError, broken_link, check_regular
from .model import (
    JSONL_EXTENSIONS,
    PAGE_EXTENSIONS,
    SNIFF_BYTES,
    WARC_EXTENSIONS,
    ReadOptions,
    Source,
)
from .names import page_stem


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
            link = broken_link(arg) if isinstance(exc, FileNotFoundError) else None
            yield Source(arg, link or exc)
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
                elif _wanted(rel / entry.name, options.globs):
                    if not entry.is_file():
                        # A name the filter picks but no page behind it (a dangling link,
                        # a FIFO, a socket): one failed document that says why, never a
                        # silent gap. Stat only: opening a FIFO would block.
                        check_regular(entry.path)
                    files.append(Source(entry.path))
            except (OSError, BatchInputError) as exc:
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


def _open_text_lines(stream: BinaryIO) -> BinaryIO:
    """The stream, gunzipped when it starts like gzip."""
    head = _peek(stream, 2)
    if head.startswith(GZIP_MAGIC):
        return gzip.GzipFile(fileobj=stream)  # type: ignore[return-value]
    return stream
