"""Finding a batch's documents: order, formats, output names."""

from __future__ import annotations

import gzip
import io
import json
import os
import socket
from pathlib import Path, PurePosixPath

import pytest

from cleaner.batch.inputs import (
    Namer,
    ReadOptions,
    format_from_name,
    iter_documents,
    iter_inputs,
    iter_sources,
    mirror_path,
    page_stem,
    peek_format,
)
from cleaner.batch.worker import BrokenLinkError, NotRegularFileError, read_page


def _docs(inputs: list[str], options: ReadOptions | None = None, names: bool = True):
    options = options or ReadOptions()
    sources = iter_sources(inputs, options)
    return list(iter_documents(sources, options, Namer() if names else None))


def test_folders_are_walked_in_name_order_files_before_subfolders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for rel in ("b.txt", "a.html", "sub/z.txt", "sub/deeper/y.htm", "c.txt", ".hidden/x.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    (tmp_path / "notes.md").write_text("x")
    monkeypatch.chdir(tmp_path)
    docs = _docs(["."])
    assert [d.path for d in docs] == [
        "./a.html",
        "./b.txt",
        "./c.txt",
        "./sub/z.txt",
        "./sub/deeper/y.htm",
    ]
    assert [d.seq for d in docs] == [0, 1, 2, 3, 4]
    assert [str(d.out_stem) for d in docs] == ["a", "b", "c", "sub/z", "sub/deeper/y"]


def test_output_folder_inside_an_input_folder_is_not_walked(tmp_path: Path) -> None:
    (tmp_path / "out" / "old").mkdir(parents=True)
    (tmp_path / "out" / "old" / "a.txt").write_text("x")
    (tmp_path / "b.txt").write_text("x")
    options = ReadOptions(skip_dirs=frozenset({os.path.realpath(tmp_path / "out")}))
    assert [Path(d.path).name for d in _docs([str(tmp_path)], options)] == ["b.txt"]


def test_globs_replace_the_extension_filter(tmp_path: Path) -> None:
    for rel in ("a.txt", "news/b.page", "news/c.txt", "other/d.page"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    pick = ReadOptions(globs=("news/*.page", "a.*"))
    assert sorted(Path(d.path).name for d in _docs([str(tmp_path)], pick)) == ["a.txt", "b.page"]


def test_missing_input_is_one_failed_document(tmp_path: Path) -> None:
    (doc,) = _docs([str(tmp_path / "nope.html")])
    assert doc.error is not None and doc.error[0] == "FileNotFoundError"


def test_formats_by_name_and_by_content() -> None:
    assert format_from_name("A.HTML.GZ") == "page"
    assert format_from_name("x.jsonl.gz") == "jsonl" and format_from_name("x.ndjson") == "jsonl"
    assert format_from_name("crawl.warc.gz") == "warc"
    assert format_from_name("x.md") is None
    assert peek_format(io.BytesIO(b"WARC/1.1\r\n")) == "warc"
    assert peek_format(io.BytesIO(b'\n{"id": 1}\n')) == "jsonl"
    assert peek_format(io.BytesIO(gzip.compress(b'{"html": "x"}\n'))) == "jsonl"
    assert peek_format(io.BytesIO(b"<html>")) == "page"
    assert peek_format(io.BytesIO(b"{ not a record")) == "page"
    stream = io.BytesIO(b"WARC/1.0")
    peek_format(stream)
    assert stream.tell() == 0  # sniffing consumes nothing


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "dump").write_bytes(gzip.compress(json.dumps({"text": "hello"}).encode()))
    (doc,) = _docs([str(tmp_path / "dump")])
    assert doc.payload == "hello" and doc.doc_id.endswith("dump:1")


def test_mirror_paths_never_leave_the_output_folder() -> None:
    assert mirror_path("pages/a.html") == PurePosixPath("pages/a.html")
    assert mirror_path("/abs/dir/a.html") == PurePosixPath("abs/dir/a.html")
    assert mirror_path("../../up/a.html") == PurePosixPath("up/a.html")
    assert mirror_path("./a.html") == PurePosixPath("a.html")
    assert mirror_path("-") == PurePosixPath("stdin")
    assert page_stem("a.html.gz") == "a" and page_stem("a.tar.gz") == "a.tar"
    assert page_stem(".txt") == ".txt"


def test_namer_is_first_come_and_never_repeats() -> None:
    namer = Namer()
    a = PurePosixPath("d/a")
    assert namer.claim(a, PurePosixPath("d/a.html")) == a
    assert namer.claim(a, PurePosixPath("d/a.html")) == PurePosixPath("d/a.html")
    assert namer.claim(a, PurePosixPath("d/a.html")) == PurePosixPath("d/a.html-2")
    assert namer.claim(a, PurePosixPath("d/a.html")) == PurePosixPath("d/a.html-3")


def test_jsonl_line_larger_than_the_limit_fails_alone(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "a" * 5000}), json.dumps({"text": "short"})]
    (tmp_path / "r.jsonl").write_text("\n".join(lines) + "\n")
    big, small = _docs([str(tmp_path / "r.jsonl")], ReadOptions(max_bytes=1000))
    assert big.error is not None and big.error[0] == "InputTooLargeError"
    assert small.payload == "short" and small.doc_id.endswith("r.jsonl:2")


def test_from_list_follows_the_arguments(tmp_path: Path) -> None:
    (tmp_path / "list").write_text("x.html\r\n\n  \ny z.txt\n")
    assert list(iter_inputs(["first"], str(tmp_path / "list"))) == ["first", "x.html", "y z.txt"]


def _unreadable_folder(folder: Path) -> None:
    """A page, then what a folder can hold that is no page: a dangling link, a FIFO, a
    socket (named as pages, so that the walk picks them)."""
    (folder / "a.html").write_text("<p>x</p>")
    (folder / "b-dangling.html").symlink_to(folder / "gone.html")
    os.mkfifo(folder / "c-pipe.html")
    with socket.socket(socket.AF_UNIX) as sock:
        # A relative name: the absolute one may pass the 108-byte limit of socket paths.
        cwd = os.getcwd()
        os.chdir(folder)
        try:
            sock.bind("d-socket.txt")
        finally:
            os.chdir(cwd)


def test_what_is_no_page_in_a_folder_is_one_failed_document_each(tmp_path: Path) -> None:
    _unreadable_folder(tmp_path)
    (tmp_path / "e-not-a-page.png").symlink_to(tmp_path / "gone.png")  # not picked: silent
    docs = _docs([str(tmp_path)])
    assert [Path(d.path).name for d in docs] == [
        "a.html",
        "b-dangling.html",
        "c-pipe.html",
        "d-socket.txt",
    ]
    assert docs[0].error is None and docs[0].out_stem is not None
    errors = {Path(d.path).name: d.error for d in docs[1:]}
    assert errors == {
        "b-dangling.html": (
            "BrokenLinkError",
            f"dangling symbolic link: {tmp_path / 'b-dangling.html'} -> {tmp_path / 'gone.html'}",
        ),
        "c-pipe.html": (
            "NotRegularFileError",
            f"not a regular file but a FIFO: {tmp_path / 'c-pipe.html'}",
        ),
        "d-socket.txt": (
            "NotRegularFileError",
            f"not a regular file but a socket: {tmp_path / 'd-socket.txt'}",
        ),
    }


def test_named_inputs_that_are_no_page_say_what_they_are(tmp_path: Path) -> None:
    _unreadable_folder(tmp_path)
    (tmp_path / "f-pipe").symlink_to(tmp_path / "c-pipe.html")  # unknown kind: not opened
    names = ["b-dangling.html", "c-pipe.html", "f-pipe", "gone.html"]
    docs = _docs([str(tmp_path / name) for name in names])
    kinds = [d.error[0] if d.error else None for d in docs]
    # The FIFO named as a page is refused by the worker that reads it (read_page).
    assert kinds == ["BrokenLinkError", None, "NotRegularFileError", "FileNotFoundError"]
    with pytest.raises(NotRegularFileError, match="a FIFO"):
        read_page(str(tmp_path / "c-pipe.html"), 1000)
    with pytest.raises(BrokenLinkError, match="dangling symbolic link"):
        read_page(str(tmp_path / "b-dangling.html"), 1000)
