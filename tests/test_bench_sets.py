"""The multi-set benchmark's bookkeeping: halves, page decoding, tables, means, deltas.

No peers and no benchmark data needed: fake extractors on made-up pages.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `benchmarks` is a folder of the repository, not installed
    sys.path.insert(0, str(ROOT))

from benchmarks import compare, measure, sets, tables  # noqa: E402
from benchmarks.peers import Extractor  # noqa: E402


def test_halves_are_a_fixed_hash_of_the_page_id() -> None:
    # Pinned: a page never changes half, whatever else the set holds or the machine runs.
    assert [sets.half_of(k) for k in ("001", "dev-1", "final-2", "bbc.co.uk_news_01")] == [
        "dev",
        "held-out",
        "held-out",
        "held-out",
    ]
    ids = [f"page-{i}" for i in range(2000)]
    dev = sum(sets.half_of(k) == "dev" for k in ids)
    assert 900 < dev < 1100  # about half, not by construction
    assert [sets.half_of(k) for k in ids] == [sets.half_of(k) for k in reversed(ids)][::-1]


@pytest.mark.parametrize(
    ("raw", "text", "how"),
    [
        ("café".encode(), "café", "utf-8"),
        (b"\xef\xbb\xbfcaf\xc3\xa9", "café", "bom"),
        # ISO-8859-1 declared: read as cp1252, so 0x93/0x94 are curly quotes.
        (
            b'<meta charset="iso-8859-1"><p>\x93caf\xe9\x94',
            '<meta charset="iso-8859-1"><p>“café”',
            "meta",
        ),
        (b"<p>\x93caf\xe9\x94", "<p>“café”", "cp1252-fallback"),
        (
            b'<meta charset="no-such-codec"><p>caf\xe9',
            '<meta charset="no-such-codec"><p>café',
            "cp1252-fallback",
        ),
    ],
)
def test_pages_are_decoded_as_the_sets_readmes_say(raw: bytes, text: str, how: str) -> None:
    assert sets.decode_page(raw) == (text, how)


def test_discover_folds_zyte_text_into_zyte(tmp_path: Path) -> None:
    truth = json.dumps({"p": {"articleBody": "x"}})
    for name, content in (
        ("zyte/html/p.html.gz", gzip.compress(b"<p>x</p>")),
        ("zyte-text/p.txt", b"x"),
    ):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    (tmp_path / "zyte" / "ground-truth.json").write_text(truth)
    (tmp_path / "zyte-text" / "ground-truth.json").write_text(truth)
    (tmp_path / "aaa" / "text").mkdir(parents=True)
    (tmp_path / "aaa" / "text" / "p.txt").write_text("x")
    (tmp_path / "aaa" / "ground-truth.json").write_text(truth)
    found = sets.discover(tmp_path)
    assert [(s.name, s.has("html"), s.has("text")) for s in found] == [
        ("zyte", True, True),
        ("aaa", False, True),
    ]
    assert sets.load_pages(found[0], "html") == {"p": "<p>x</p>"}


# --- tables over fake extractors ---------------------------------------------------------

TRUTH = {
    f"p{i}": f"the article body number {i} has several words that the gold keeps here"
    for i in range(12)
}
PAGES = {
    k: f"Menu Home News Login\n{v}\nCopyright footer all rights reserved" for k, v in TRUTH.items()
}


def _extractors() -> list[Extractor]:
    def perfect(page: str) -> str:
        return page.splitlines()[1]

    def everything(page: str) -> str:
        return page

    def empty_on_odd(page: str) -> str:
        return "" if int(page.split("number ")[1].split()[0]) % 2 else page.splitlines()[1]

    return [
        Extractor("cleaner", "cleaner", perfect, role="cleaner"),
        Extractor("all", "everything", everything),
        Extractor("odd", "empty on odd pages", empty_on_odd),
        Extractor("floor", "floor", everything, role="floor"),
    ]


def _result(name: str, keys: list[str]) -> tables.SetResult:
    truth = {k: TRUTH[k] for k in keys}
    rows = measure.run_quality(_extractors(), PAGES, truth)
    return tables.SetResult(name, "html", rows)


def test_rows_split_by_half_and_count_empty_outputs() -> None:
    result = _result("s", list(TRUTH))
    cleaner, everything, odd, _ = result.rows
    halves = {h: [k for k in TRUTH if sets.half_of(k) == h] for h in sets.HALVES}
    assert all(halves.values())  # the fake set has pages in both halves
    assert cleaner.summary.f1 == 1.0 and cleaner.by_half["dev"].f1 == 1.0
    assert {h: s.n for h, s in cleaner.by_half.items()} == {h: len(v) for h, v in halves.items()}
    assert 0 < everything.summary.f1 < 1 and everything.empty == 0
    assert odd.empty == 6
    odd_in = {h: sum(int(k[1:]) % 2 for k in v) for h, v in halves.items()}
    assert odd.empty_by_half == odd_in
    assert odd.summary.precision == 1.0  # empty outputs cost recall only
    assert odd.summary.recall == pytest.approx(0.5)
    table = tables.set_table(result)
    assert "F1 dev" in table and "F1 held-out" in table and "F1 all (12)" in table


def test_mean_over_sets_is_unweighted_and_compares_with_the_best_other() -> None:
    big, small = _result("big", list(TRUTH)), _result("small", ["p0", "p1", "p2", "p3"])
    rows = tables.means([big, small], "html")
    by_key = {m.extractor.key: m for m in rows}
    for key in ("all", "odd"):
        per_set = [next(r for r in res.rows if r.extractor.key == key) for res in (big, small)]
        expected = (per_set[0].summary.f1 + per_set[1].summary.f1) / 2
        assert by_key[key].f1["all"] == pytest.approx(expected)
        assert by_key[key].sets == 2
    best = tables.best_other(rows)
    assert best is not None and best.extractor.key in ("all", "odd")  # never the floor
    text = tables.mean_table([big, small], "html")
    assert f"best other ({best.extractor.label})" in text
    empty = tables.empty_table([big, small], "html")
    assert "| empty on odd pages | 6 | 2 | 8 |" in empty


def test_saved_scores_give_per_set_deltas(tmp_path: Path) -> None:
    before = compare.to_scores([_result("s", list(TRUTH))], "old")
    path = tmp_path / "scores.json"
    compare.save(path, before)
    after = compare.load(path)
    after["sets"]["s"]["html"]["cleaner"]["f1"]["dev"] -= 0.25
    lines = compare.deltas(before, after)
    assert lines[0].startswith("s html: F1 dev -0.250 (1.000→0.750), held-out +0.000")
    assert lines[-1].startswith("mean over the 1 set(s), html: F1 dev -0.250")


def test_a_carried_over_speed_section_says_once_which_run_measured_it(tmp_path: Path) -> None:
    from benchmarks import report

    page = tmp_path / "benchmarks.md"
    page.write_text(
        "# B\n\nEnvironment: 2026-01-02, cleaner 0.1 (git abc), Python 3.\n\n## HTML pages\n\nx\n\n"
        "## Speed and memory\n\n5 passes over all pages.\n\n| a |\n| --- |\n| 1 |\n",
        encoding="utf-8",
    )
    kept = report.kept_speed_section(page)
    line = "Measured by an earlier run (2026-01-02, cleaner 0.1 (git abc)), not by the run"
    assert kept.startswith(f"## Speed and memory\n\n{line}")
    assert kept.endswith("5 passes over all pages.\n\n| a |\n| --- |\n| 1 |")
    # Written again by a later run with another environment: still the first run's line, once.
    page.write_text(f"# B\n\nEnvironment: 2026-03-04, cleaner 0.2 (git def).\n\n{kept}\n")
    assert report.kept_speed_section(page) == kept
    # As docs_page writes it, the plot between the heading and the line: still once each.
    heading, _, rest = kept.partition("\n\n")
    plot = "![F1 on zyte's HTML pages against documents per second](benchmark.png)"
    page.write_text(f"# B\n\nEnvironment: 2026-03-04.\n\n{heading}\n\n{plot}\n\n{rest}\n")
    assert report.kept_speed_section(page) == kept


def test_a_dev_half_run_compares_with_a_full_run_on_what_both_have() -> None:
    full = compare.to_scores([_result("s", list(TRUTH)), _result("t", ["p0", "p1", "p2"])])
    dev_keys = [k for k in TRUTH if sets.half_of(k) == "dev"]
    rows = measure.run_quality(_extractors(), PAGES, {k: TRUTH[k] for k in dev_keys})
    dev_only = compare.to_scores([tables.SetResult("s", "html", rows, halves=("dev",))])
    assert "all" not in dev_only["sets"]["s"]["html"]["odd"]["empty"]
    lines = compare.deltas(full, dev_only, "odd")
    assert lines[0].startswith("s html: F1 dev +0.000") and "held-out" not in lines[0]
    odd_dev = sum(int(k[1:]) % 2 for k in dev_keys)
    assert lines[0].endswith(f"; empty (dev) {odd_dev}→{odd_dev}")
    assert lines[1].startswith("mean over the 1 set(s), html: F1 dev +0.000")


# -- the vocabulary audit (benchmarks/vocabulary.py) ---------------------------------------


def test_the_audit_names_a_site_per_page() -> None:
    from benchmarks.vocabulary import site_of

    assert site_of("zyte", "k", {}, {"k": {"url": "https://www.example.com/a"}}) == "example.com"
    assert site_of("portals", "k", {"k": {"site": "bbc.co.uk_news"}}, {}) == "bbc.co.uk_news"
    # Every readability test page says "fakehost": each is a site of its own.
    fake = {"001": {"url": "http://fakehost/test/page.html"}}
    assert site_of("readability-tests", "001", fake, {}) == "readability-tests:001"


def test_the_audit_traces_each_removal_to_its_entry() -> None:
    from benchmarks.vocabulary import _audit_page

    prose = "<p>" + "The council voted on Tuesday to extend the programme. " * 8 + "</p>"
    page = (
        f"<html><body><article>{prose}<div class='share-bar'>Share this story</div>"
        f"{prose}<p>Skip to main content</p></article></body></html>"
    )
    entries = {entry for entry, _, _ in _audit_page(("html", page, ""))}
    assert "html_hints:share_markup:share bar" in entries
    assert "en:accessibility:skip to main content" in entries
