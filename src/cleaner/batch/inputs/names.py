"""Output names: the input's path mirrored under the output folder, made unique."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from .model import JSONL_EXTENSIONS, PAGE_EXTENSIONS, WARC_EXTENSIONS


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
