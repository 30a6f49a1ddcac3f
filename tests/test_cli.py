"""The ``cleaner`` command, driven as a user would: ``python -m cleaner`` in a subprocess."""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

import cleaner

SUBJECTS = ("The council", "A spokesman", "The minister", "Local residents", "The report")
VERBS = ("said", "argued", "warned", "explained", "confirmed")
CLAIMS = (
    "that the new bridge would open in the spring after two years of work",
    "that the budget for the schools had been cut for the third time in a row",
    "that the river had risen faster than at any time since the records began",
    "that the talks with the union would go on for at least another week",
    "that the museum was going to reopen its doors to visitors in the summer",
)
CHROME = ("Home", "News", "Sport", "Weather", "Log in", "Share this article")


def article(seed: int, paragraphs: int = 4) -> list[str]:
    rng = random.Random(seed)
    return [
        " ".join(
            f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(CLAIMS)}, "
            f"and case {seed}-{p}-{s} was noted in the minutes of the meeting."
            for s in range(3)
        )
        for p in range(paragraphs)
    ]


def page(seed: int) -> str:
    """A scraped text dump: menu lines, a headline, the article, a footer."""
    lines = [*CHROME, "", f"Headline of story number {seed}", ""]
    for paragraph in article(seed):
        lines += [paragraph, ""]
    lines += ["Copyright 2024 The Daily Example. All rights reserved."]
    return "\n".join(lines) + "\n"


def run(*args: str | os.PathLike, cwd: Path | None = None, stdin: bytes | None = None):
    return subprocess.run(
        [sys.executable, "-m", "cleaner", *map(str, args)],
        cwd=cwd,
        input=stdin if stdin is not None else b"",
        capture_output=True,
        timeout=120,
    )


# -- one page ---------------------------------------------------------------------------


def test_single_page_prints_the_clean_text(tmp_path: Path) -> None:
    raw = page(1)
    (tmp_path / "p.txt").write_text(raw, encoding="utf-8")
    proc = run(tmp_path / "p.txt")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode("utf-8")
    assert out == cleaner.clean_article(raw) + "\n"
    assert article(1)[0] in out
    assert "Share this article" not in out
    assert proc.stderr == b""


def test_sample_page_from_the_readme_quickstart() -> None:
    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    # The Quickstart's first command: `pip install . && cleaner PAGE`, PAGE in the repository.
    command = next(line for line in readme.splitlines() if line.startswith("pip install . && "))
    fixture = root / command.split("&& cleaner ")[1].strip()
    proc = run(fixture, cwd=root)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode() == cleaner.clean_article(fixture.read_bytes()) + "\n"


def test_stdin_plain_and_gzipped(tmp_path: Path) -> None:
    raw = page(2).encode()
    expected = (cleaner.clean_article(raw) + "\n").encode()
    assert run("-", stdin=raw).stdout == expected
    assert run("-", stdin=gzip.compress(raw)).stdout == expected


def test_single_page_json_record(tmp_path: Path) -> None:
    (tmp_path / "p.txt").write_text(page(3), encoding="utf-8")
    proc = run(tmp_path / "p.txt", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    (line,) = proc.stdout.decode().splitlines()
    rec = json.loads(line)
    assert list(rec) == [
        "id", "path", "url", "kind", "language", "text", "removed", "metadata", "timing_ms"
    ]  # fmt: skip
    assert rec["text"] == cleaner.clean_article(page(3))
    assert rec["kind"] == "text" and rec["language"] == "en"
    assert rec["removed"] and all(isinstance(n, int) for n in rec["removed"].values())
    assert rec["timing_ms"] >= 0


def test_explain_lists_removed_blocks_with_rule_and_reason(tmp_path: Path) -> None:
    (tmp_path / "p.txt").write_text(page(4), encoding="utf-8")
    plain = run(tmp_path / "p.txt", "--explain")
    assert plain.returncode == 0
    text = plain.stdout.decode()
    result = cleaner.clean_and_explain(page(4))
    assert f"{len(result.removed)} blocks removed" in text
    for block in result.removed:
        assert f"{block.family}/{block.rule}: {block.reason}" in text
    assert article(4)[0] not in text  # kept text is not what --explain prints
    assert "\x1b[" not in text  # not a terminal: no colour
    coloured = run(tmp_path / "p.txt", "--explain", "--color", "always").stdout.decode()
    assert "\x1b[33m" in coloured


def test_missing_and_corrupt_single_page_fail_with_status_1(tmp_path: Path) -> None:
    proc = run(tmp_path / "missing.html")
    assert proc.returncode == 1
    assert b"FileNotFoundError" in proc.stderr and proc.stdout == b""
    (tmp_path / "bad.txt.gz").write_bytes(gzip.compress(page(5).encode())[:40])
    proc = run(tmp_path / "bad.txt.gz")
    assert proc.returncode == 1 and b"BadGzipFile" in proc.stderr


def test_empty_page_is_skipped_not_failed(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = run(tmp_path / "empty.txt")
    assert proc.returncode == 0 and proc.stdout == b""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["{dir}"], b"several documents"),
        (["{dir}/a.txt", "{dir}/b.txt"], b"several documents"),
        (["{dir}/a.txt", "--resume"], b"--resume needs an output"),
        (["{dir}", "-o", "{dir}/out", "-j", "0"], b"--jobs"),
        (["{dir}", "-o", "{dir}/out", "--disable", "no_such_rule"], b"no_such_rule"),
        (["{dir}", "-o", "{dir}", "-j", "1"], b"also an input"),
        (["{dir}", "-o", "{dir}/o", "--jsonl", "{dir}/o.jsonl"], b"not allowed with"),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str], message: bytes) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(page(6))
    proc = run(*(a.format(dir=tmp_path) for a in args))
    assert proc.returncode == 2
    assert message in proc.stderr
    assert not (tmp_path / "out").exists()


# -- many documents ---------------------------------------------------------------------


def test_folder_to_mirror_tree(tmp_path: Path) -> None:
    src = tmp_path / "site"
    (src / "news" / "2024").mkdir(parents=True)
    (src / ".git").mkdir()
    (src / ".git" / "x.txt").write_text(page(0))
    (src / "a.txt").write_text(page(1))
    (src / "a.htm").write_text(page(2))  # same stem as a.txt: must not overwrite it
    (src / "news" / "b.txt.gz").write_bytes(gzip.compress(page(3).encode()))
    (src / "news" / "2024" / "c.text").write_text(page(4))
    (src / "news" / "notes.md").write_text(page(5))  # not a page extension: not taken
    proc = run("site", "-o", "out", "-j", "2", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    files = sorted(
        p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*")
    )
    assert files == [
        "site",
        "site/a.htm.txt",
        "site/a.txt.txt",
        "site/news",
        "site/news/2024",
        "site/news/2024/c.txt",
        "site/news/b.txt",
    ]
    out = tmp_path / "out" / "site"
    assert (out / "a.htm.txt").read_text() == cleaner.clean_article(page(2)) + "\n"
    assert (out / "news" / "b.txt").read_text() == cleaner.clean_article(page(3)) + "\n"
    summary = proc.stderr.decode().strip().splitlines()[-1]
    assert "4 documents: 4 ok, 0 failed, 0 skipped" in summary and "docs/s" in summary


def test_quiet_prints_nothing_and_json_tree(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "p.txt").write_text(page(7))
    proc = run("in", "-o", "out", "--format", "json", "--quiet", "--no-timing", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stderr == b"" and proc.stdout == b""
    rec = json.loads((tmp_path / "out" / "in" / "p.json").read_text())
    assert rec["id"] == "in/p.txt" and "timing_ms" not in rec
    assert rec["text"] == cleaner.clean_article(page(7))


def test_from_list_and_glob(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    for i in range(3):
        (tmp_path / "d" / f"p{i}.txt").write_text(page(i))
    (tmp_path / "d" / "keep.page").write_text(page(9))
    (tmp_path / "list.txt").write_text("d/p2.txt\n\nd/p0.txt\n")
    proc = run("--from-list", "list.txt", "--jsonl", "-", "-q", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    ids = [json.loads(line)["id"] for line in proc.stdout.decode().splitlines()]
    assert ids == ["d/p2.txt", "d/p0.txt"]  # the list's order
    proc = run("d", "--glob", "*.page", "--jsonl", "-", "-q", cwd=tmp_path)
    ids = [json.loads(line)["id"] for line in proc.stdout.decode().splitlines()]
    assert ids == ["d/keep.page"]


def test_jsonl_input_fields_ids_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"doc": "x1", "link": "https://a.example/1", "body": page(1)}),
        "this is not json",
        json.dumps({"doc": 7, "body": page(2)}),
        json.dumps({"doc": "x3", "other": "no body field"}),
        "",
        json.dumps({"body": page(3)}),
    ]
    (tmp_path / "recs.jsonl.gz").write_bytes(gzip.compress("\n".join(lines).encode()))
    proc = run(
        "recs.jsonl.gz",
        *("--field", "body", "--id-field", "doc", "--url-field", "link"),
        *("--jsonl", "out.jsonl", "--errors", "errors.jsonl", "-j", "2"),
        cwd=tmp_path,
    )
    assert proc.returncode == 1
    records = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [r["id"] for r in records] == ["x1", "7", "recs.jsonl.gz:6"]
    assert records[0]["url"] == "https://a.example/1" and records[1]["url"] is None
    assert records[2]["text"] == cleaner.clean_article(page(3))
    errors = [json.loads(x) for x in (tmp_path / "errors.jsonl").read_text().splitlines()]
    assert [(e["id"], e["error"]) for e in errors] == [
        ("recs.jsonl.gz:2", "JSONDecodeError"),
        ("recs.jsonl.gz:4", "KeyError"),
    ]
    assert all(e["path"] == "recs.jsonl.gz" and e["status"] == "failed" for e in errors)


def test_jsonl_records_to_mirror_tree_by_line_number(tmp_path: Path) -> None:
    lines = [json.dumps({"text": page(i)}) for i in range(3)]
    (tmp_path / "r.ndjson").write_text("\n".join(lines) + "\n")
    proc = run("r.ndjson", "-o", "out", "-q", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    names = sorted(p.name for p in (tmp_path / "out" / "r").iterdir())
    assert names == ["000001.txt", "000002.txt", "000003.txt"]


def _warc(path: Path, records: list[tuple[str, str, str, bytes]], gz: bool = True) -> None:
    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders

    with open(path, "wb") as out:
        writer = warcio.WARCWriter(out, gzip=gz)
        for url, status, content_type, body in records:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], "HTTP/1.1")
            rec = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(rec)


def test_warc_response_records(tmp_path: Path) -> None:
    _warc(
        tmp_path / "crawl.warc.gz",
        [
            ("https://www.a.example/1", "200 OK", "text/plain; charset=utf-8", page(1).encode()),
            ("https://www.a.example/2", "404 Not Found", "text/plain", page(2).encode()),
            ("https://www.a.example/logo", "200 OK", "image/png", b"\x89PNG\r\n"),
            ("https://www.b.example/3", "200 OK", "text/plain", page(3).encode()),
        ],
    )
    proc = run("crawl.warc.gz", "--jsonl", "-", "-q", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert [r["url"] for r in records] == ["https://www.a.example/1", "https://www.b.example/3"]
    assert all(r["id"].startswith("<urn:uuid:") for r in records)
    assert records[1]["text"] == cleaner.clean_article(page(3))


def test_truncated_warc_fails_the_cut_record_only(tmp_path: Path) -> None:
    _warc(
        tmp_path / "c.warc",
        [(f"https://a.example/{i}", "200 OK", "text/plain", page(i).encode()) for i in range(3)],
        gz=False,
    )
    data = (tmp_path / "c.warc").read_bytes()
    (tmp_path / "c.warc").write_bytes(data[:-200])  # the last record's page is cut short
    proc = run("c.warc", "--jsonl", "-", "--errors", "e.jsonl", cwd=tmp_path)
    assert proc.returncode == 1
    assert len(proc.stdout.decode().splitlines()) == 2
    (error,) = [json.loads(x) for x in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert error["error"] == "TruncatedInputError"


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
@pytest.mark.parametrize("into_header", [5, 60, 200])
def test_warc_cut_inside_a_record_header_is_reported(
    tmp_path: Path, gz: bool, into_header: int
) -> None:
    _warc(
        tmp_path / "whole.warc",
        [(f"https://a.example/{i}", "200 OK", "text/plain", page(i).encode()) for i in range(3)],
        gz=False,
    )
    whole = (tmp_path / "whole.warc").read_bytes()
    starts = [i for i in range(len(whole)) if whole.startswith(b"WARC/1.", i)]
    records = [whole[a:b] for a, b in zip(starts, [*starts[1:], len(whole)], strict=True)]
    records[-1] = records[-1][:into_header]
    # A .warc.gz holds each record as a gzip member of its own.
    data = b"".join(map(gzip.compress, records)) if gz else b"".join(records)
    name = "c.warc.gz" if gz else "c.warc"
    (tmp_path / name).write_bytes(data)
    proc = run(name, "--jsonl", "-", "--errors", "e.jsonl", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert len(proc.stdout.decode().splitlines()) == 2
    (error,) = [json.loads(x) for x in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert error["error"] == "TruncatedInputError"
    assert "header" in error["message"]


def test_html_page(tmp_path: Path) -> None:
    body = "".join(f"<p>{p}</p>" for p in article(8))
    html = f"<!doctype html><html><body><nav><a href='/'>Home</a></nav>{body}</body></html>"
    (tmp_path / "p.html").write_text(html)
    proc = run(tmp_path / "p.html")
    assert proc.returncode == 0, proc.stderr
    assert article(8)[0] in proc.stdout.decode()
