"""The ``cleaner`` command's options for one page and its traps (issue 16): no
abbreviations, --url, --encoding, the output extras, the hint for a URL argument, the
progress total, the library's error names, the warning for an empty page."""

from __future__ import annotations

import io
import json
import shlex
import sys
from pathlib import Path

import pytest
from test_cli import _warc, article, page, run

import cleaner
from cleaner.batch.inputs import ReadOptions
from cleaner.batch.runner import BatchOptions, run_batch
from cleaner.tools import cli
from cleaner.tools.report import build_explain_parser

#: Paragraphs with a euro sign, which ISO-8859-15 has at 0xA4 and windows-1252 (what a
#: guess takes for such bytes) reads as the currency sign "¤".
EURO_HTML = "<html><body>{}</body></html>".format(
    "".join(
        f"<p>The council said that the new bridge would cost 5 million € and open in the "
        f"spring after two years of work, case {i}.</p>"
        for i in range(4)
    )
)


def story_html() -> str:
    """A page with a title, a relative link, emphasis and an image in its article."""
    paragraphs = article(21)
    paragraphs[1] = paragraphs[1].replace("said", "<em>said</em>", 1)
    paragraphs[2] += " Read <a href='/more/story'>the whole report</a> online."
    paragraphs[3] = "<img src='/img/bridge.jpg' alt='The bridge'> " + paragraphs[3]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!doctype html><html><head><title>The bridge will open in spring</title></head>"
        f"<body><nav><a href='/'>Home</a></nav><article>{body}</article></body></html>"
    )


# -- abbreviations ----------------------------------------------------------------------


def test_long_options_are_not_abbreviated() -> None:
    parser = cli.build_parser()
    args = parser.parse_args(["p.html", "--url", "https://example.org/a"])
    assert args.url == "https://example.org/a" and args.url_field == "url"
    for prefix in (["--url-f", "link"], ["--templ", "3"], ["--incl"]):
        with pytest.raises(SystemExit):
            parser.parse_args(["p.html", *prefix])
    with pytest.raises(SystemExit):
        build_explain_parser().parse_args(["p.html", "--out", "r.html"])


# -- --url and the output extras ----------------------------------------------------------


def test_url_reaches_the_page_and_its_json_record(tmp_path: Path) -> None:
    html = story_html()
    (tmp_path / "p.html").write_text(html, encoding="utf-8")
    url = "https://example.org/news/bridge"
    proc = run(tmp_path / "p.html", "--url", url, "--format", "markdown", "--links")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode()
    assert out == cleaner.clean_article(html, url=url, output="markdown", links=True) + "\n"
    assert "(https://example.org/more/story)" in out
    proc = run(tmp_path / "p.html", "--url", url, "--format", "json")
    record = json.loads(proc.stdout)
    assert record["url"] == url and record["metadata"]["url"] == url


@pytest.mark.parametrize(
    "flags",
    [["--include-title"], ["--emphasis"], ["--images"], ["--links", "--emphasis", "--images"]],
)
def test_output_extras_match_the_library(tmp_path: Path, flags: list[str]) -> None:
    html = story_html()
    (tmp_path / "p.html").write_text(html, encoding="utf-8")
    options = {f.removeprefix("--").replace("-", "_"): True for f in flags}
    proc = run(tmp_path / "p.html", "--format", "markdown", *flags)
    assert proc.returncode == 0, proc.stderr
    expected = cleaner.clean_article(html, output="markdown", **options)
    assert proc.stdout.decode() == expected + "\n"
    assert expected != cleaner.clean_article(html, output="markdown")  # the flag shows


def test_include_title_on_plain_text_and_extras_in_a_batch(tmp_path: Path) -> None:
    html = story_html()
    (tmp_path / "in").mkdir()
    for name in ("a.html", "b.html"):
        (tmp_path / "in" / name).write_text(html, encoding="utf-8")
    proc = run(tmp_path / "in" / "a.html", "--include-title")
    assert proc.stdout.decode().startswith("The bridge will open in spring\n\n")
    proc = run("in", "-o", "out", "--format", "markdown", "--links", "-j", "2", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    expected = cleaner.clean_article(html, output="markdown", links=True) + "\n"
    assert (tmp_path / "out" / "in" / "b.md").read_text(encoding="utf-8") == expected


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["{dir}/a.html", "{dir}/b.html", "-o", "{dir}/o", "--url", "https://x.example/"], "--url"),
        (["{dir}", "-o", "{dir}/o", "--url", "https://x.example/"], "one page"),
        (["{dir}/a.html", "--links"], "add --format"),
        (["{dir}/a.html", "--format", "json", "--images"], "add --format"),
        (["{dir}/a.html", "--encoding", "no-such-charset"], "no-such-charset"),
    ],
)
def test_option_misuse_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    for name in ("a.html", "b.html"):
        (tmp_path / name).write_text(story_html(), encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        cli.main([a.format(dir=tmp_path) for a in args])
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err


# -- --encoding and the charset of WARC records --------------------------------------------


def test_encoding_option_is_the_declared_charset(tmp_path: Path) -> None:
    raw = EURO_HTML.encode("iso-8859-15")
    (tmp_path / "p.html").write_bytes(raw)
    assert "€" not in cleaner.clean_article(raw)  # undeclared, the bytes read otherwise
    proc = run(tmp_path / "p.html", "--encoding", "ISO-8859-15")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode() == cleaner.clean_article(raw, encoding="iso-8859-15") + "\n"
    assert "5 million €" in proc.stdout.decode()
    assert "5 million €" in run("-", "--encoding", "latin9", stdin=raw).stdout.decode()


def test_warc_records_pass_their_http_charset(tmp_path: Path) -> None:
    raw = EURO_HTML.encode("iso-8859-15")
    _warc(
        tmp_path / "c.warc.gz",
        [
            ("https://a.example/1", "200 OK", "text/html; charset=ISO-8859-15", raw),
            ("https://a.example/2", "200 OK", "text/html", raw),
        ],
    )
    proc = run("c.warc.gz", "--jsonl", "-", "-q", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    declared, undeclared = (json.loads(x)["text"] for x in proc.stdout.decode().splitlines())
    assert declared == cleaner.clean_article(raw, encoding="text/html; charset=ISO-8859-15")
    assert "5 million €" in declared and "€" not in undeclared
    # --encoding stands in for the header only where a record declares no charset.
    proc = run("c.warc.gz", "--jsonl", "-", "-q", "--encoding", "windows-1252", cwd=tmp_path)
    declared, _ = (json.loads(x)["text"] for x in proc.stdout.decode().splitlines())
    assert "5 million €" in declared


# -- help, hints --------------------------------------------------------------------------


def test_help_lists_explain_and_every_exit_status(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    assert "cleaner explain" in out
    for status in ("0 all documents cleaned", "1 some failed", "2 usage error", "130"):
        assert status in out
    for option in ("--url", "--encoding", "--include-title", "--links", "--emphasis"):
        assert option in out


@pytest.mark.parametrize("address", ["https://example.org/a?b=1&c=2", "http://x.example"])
def test_a_url_argument_gets_a_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], address: str
) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main([address])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "already fetched" in err
    quoted = shlex.quote(address)
    assert f"curl -s {quoted} | cleaner --url {quoted} -" in err


# -- progress -----------------------------------------------------------------------------


def test_the_number_of_documents_is_known_for_page_files(tmp_path: Path) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    for name in ("a.html", "b.txt", "sub/c.htm.gz", "notes.md"):
        (tmp_path / "in" / name).write_text("x")
    read = ReadOptions()
    inputs = [str(tmp_path / "in"), str(tmp_path / "missing.html")]
    assert cli.count_documents(inputs, None, read) == 4  # the missing one fails: a document
    assert cli.count_documents(inputs, str(tmp_path / "list.txt"), read) is None
    assert cli.count_documents([*inputs, "-"], None, read) is None
    (tmp_path / "in" / "d.jsonl").write_text("{}\n")  # records: unknown until read
    assert cli.count_documents(inputs, None, read) is None


def test_progress_bar_shows_the_total_and_an_eta(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = tmp_path / "in"
    pages.mkdir()
    for i in range(3):
        (pages / f"{i}.txt").write_text(page(i), encoding="utf-8")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    parser = cli.build_parser()
    args = parser.parse_args([str(pages), "-o", str(tmp_path / "out"), "-j", "1"])
    options = cli._options(args, parser)
    assert options.progress and options.total == 3
    bar = io.StringIO()
    options.inline = True  # in this process: the bar is the same
    summary = run_batch(options, stdout=io.BytesIO(), stderr=bar)
    assert summary.ok == 3
    assert "3/3" in bar.getvalue() and "<" in bar.getvalue()  # [elapsed<remaining]
    unknown = BatchOptions(inputs=[str(pages)], outdir=tmp_path / "o2", progress=True, inline=True)
    bar = io.StringIO()
    run_batch(unknown, stdout=io.BytesIO(), stderr=bar)
    assert "3/3" not in bar.getvalue() and "3 docs" in bar.getvalue()


# -- error names, empty pages ---------------------------------------------------------------


def test_errors_are_logged_under_the_library_class_names(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "binary.txt").write_bytes(b"PK\x03\x04\x00\x00" * 100)
    (tmp_path / "in" / "ok.txt").write_text(page(3), encoding="utf-8")
    proc = run("in", "-o", "out", "--errors", "e.jsonl", "-j", "1", cwd=tmp_path)
    assert proc.returncode == 1
    (error,) = [json.loads(x) for x in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert error["error"] == "InputBinaryError"
    assert issubclass(getattr(cleaner, error["error"]), cleaner.CleanerError)
    single = run(tmp_path / "in" / "binary.txt")
    assert single.returncode == 1 and b"InputBinaryError" in single.stderr


def test_an_empty_page_is_warned_about(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_bytes(b"  \n")
    proc = run(tmp_path / "empty.html")
    assert proc.returncode == 0 and proc.stdout == b""
    assert b"empty.html: the page is empty" in proc.stderr
    assert b"stdin: the page is empty" in run("-", stdin=b"").stderr
    assert run(tmp_path / "empty.html", "-q").stderr == b""
    chrome = "Share this article\nHome\n"
    assert cleaner.clean_article(chrome) == ""
    (tmp_path / "chrome.txt").write_text(chrome, encoding="utf-8")
    proc = run(tmp_path / "chrome.txt")
    assert proc.returncode == 0 and proc.stdout == b""
    assert b"nothing kept" in proc.stderr and b"--explain" in proc.stderr


def test_a_utf16_page_without_a_bom_is_cleaned_not_refused(tmp_path: Path) -> None:
    # The library reads UTF-16 without a BOM from its NUL pattern; the batch must not
    # refuse such a file as binary before the library sees it.
    html = page(3)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "wide.html").write_bytes(html.encode("utf-16-le"))
    proc = run("in", "-o", "out", "--errors", "e.jsonl", "-j", "1", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = (tmp_path / "out" / "in" / "wide.txt").read_text("utf-8")
    assert out == cleaner.clean_article(html) + "\n"
