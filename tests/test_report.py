"""The HTML explain report: contents, escaping, self-containment, batch index, command."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import sys
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from cleaner import BlockDecision, Result, clean_and_explain, samples
from cleaner.rules import FAMILIES
from cleaner.tools.report import UNNAMED_FAMILY, explain_html, main_explain, write_batch_reports

SAMPLE = Path(samples.__file__).parent / "rferl-kazakhstan.txt"

HTML_PAGE = """<!DOCTYPE html><html><head><title>t</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/about">About us</a></li></ul></nav>
<main><article><h1>Rivers are rising across the northern valleys this spring</h1>
<p>Heavy rain over the last three weeks has pushed the northern rivers to levels not seen
since records began, and officials have started moving families away from the banks.</p>
<p>Engineers say the old levees were built for a smaller flood, and that the repairs
promised after the last high water were never finished because the money ran out.</p>
<p>Farmers in the lower valley have lost most of their early crops, and many say they
will not plant again until the water has gone down and the fields have dried out.</p>
</article></main>
<footer><p>Copyright 2024 Example News. All rights reserved.</p>
<p>Share this article on Facebook Twitter Email</p></footer></body></html>"""

HOSTILE = '<script>document.title="pwned"</script><img src=x onerror="alert(1)">"\'&'


@pytest.fixture(scope="module")
def sample_result() -> Result:
    return clean_and_explain(SAMPLE.read_text(encoding="utf-8"))


def parse(page: str) -> LexborHTMLParser:
    return LexborHTMLParser(page)


def block_nodes(tree: LexborHTMLParser) -> dict[int, object]:
    return {int(node.attributes["data-index"]): node for node in tree.css("#blocks .block")}


# -- one report -------------------------------------------------------------------------


def test_every_block_is_shown_in_order_with_its_text_unaltered(sample_result: Result) -> None:
    tree = parse(explain_html(sample_result))
    nodes = tree.css("#blocks .block")
    assert [int(n.attributes["data-index"]) for n in nodes] == [
        b.index for b in sample_result.blocks
    ]
    for node, block in zip(nodes, sample_result.blocks, strict=True):
        assert node.css_first(".text").text(deep=True) == block.text


def test_removed_blocks_are_struck_through_and_name_rule_family_and_reason(
    sample_result: Result,
) -> None:
    assert sample_result.removed, "the sample must have removals for this test to mean much"
    nodes = block_nodes(parse(explain_html(sample_result)))
    for block in sample_result.blocks:
        node = nodes[block.index]
        classes = node.attributes["class"].split()
        if block.kept:
            assert "kept" in classes and "removed" not in classes
            assert node.css_first("del") is None and node.css_first(".why") is None
            continue
        assert "removed" in classes and "kept" not in classes
        assert node.css_first("del.text") is not None
        assert node.attributes["data-family"] == block.family
        assert node.attributes["data-rule"] == block.rule
        assert f"fam-{FAMILIES.index(block.family)}" in classes
        why = node.css_first(".why").text(deep=True)
        assert block.rule in why and block.family in why and block.reason in why


def test_side_list_has_one_entry_per_removal_linking_to_its_block(sample_result: Result) -> None:
    tree = parse(explain_html(sample_result))
    items = tree.css("#removals li.removal")
    assert [int(i.attributes["data-index"]) for i in items] == [
        b.index for b in sample_result.removed
    ]
    for item, block in zip(items, sample_result.removed, strict=True):
        assert item.css_first("a").attributes["href"] == f"#b-{block.index}"
        assert block.reason in item.text(deep=True)
        assert block.rule in item.text(deep=True)


def test_legend_counts_match_the_explanation(sample_result: Result) -> None:
    tree = parse(explain_html(sample_result))
    legend = {
        li.attributes["data-family"]: int(li.attributes["data-count"])
        for li in tree.css("#legend li.legend-item")
    }
    assert legend == sample_result.counts_by_family()
    shown = {
        li.attributes["data-family"]: int(li.css_first(".count").text())
        for li in tree.css("#legend li.legend-item")
    }
    assert shown == legend
    # Legend entries follow the registry's family order.
    assert list(legend) == [f for f in FAMILIES if f in legend]


def test_filter_controls_and_family_toggles_are_present(sample_result: Result) -> None:
    tree = parse(explain_html(sample_result))
    assert {n.attributes["id"] for n in tree.css('input[name="show"]')} == {
        "show-all",
        "show-removed",
        "show-kept",
    }
    toggles = {n.attributes["id"] for n in tree.css("#legend input[type=checkbox]")}
    assert toggles == {f"toggle-fam-{FAMILIES.index(f)}" for f in sample_result.counts_by_family()}


def test_html_input_shows_element_paths() -> None:
    result = clean_and_explain(HTML_PAGE, kind="html")
    assert result.input_kind == "html" and result.removed and result.kept
    nodes = block_nodes(parse(explain_html(result, title="html page")))
    with_paths = [b for b in result.removed if b.path]
    assert with_paths
    for block in with_paths:
        node = nodes[block.index]
        assert node.attributes["data-path"] == block.path
        assert node.css_first(".why .path").text() == block.path


def test_title_defaults_to_url_and_is_escaped() -> None:
    result = clean_and_explain("A line of text that is long enough to be kept as a paragraph.")
    assert parse(explain_html(result)).css_first("title").text() == "cleaner explanation"
    with_url = Result(text="", blocks=(), input_kind="text", url="https://example.org/a?b=1&c")
    tree = parse(explain_html(with_url))
    assert tree.css_first("title").text() == "https://example.org/a?b=1&c"
    assert tree.css_first("h1").text() == "https://example.org/a?b=1&c"


def hostile_result() -> Result:
    blocks = (
        BlockDecision(0, HOSTILE, "paragraph", True),
        BlockDecision(1, HOSTILE, HOSTILE, False, HOSTILE, HOSTILE, HOSTILE, HOSTILE),
    )
    return Result(text=HOSTILE, blocks=blocks, input_kind="text", language=HOSTILE, url=HOSTILE)


def test_page_text_cannot_inject_markup() -> None:
    page = explain_html(hostile_result(), title=HOSTILE)
    tree = parse(page)
    assert tree.css("script") == []
    assert tree.css("img") == []
    assert not [n for n in tree.css("*") if any(a.startswith("on") for a in n.attributes)]
    assert tree.css_first("title").text() == HOSTILE
    nodes = block_nodes(tree)
    assert nodes[0].css_first(".text").text() == HOSTILE
    assert nodes[1].css_first(".text").text() == HOSTILE
    assert nodes[1].attributes["data-rule"] == HOSTILE
    assert nodes[1].attributes["data-family"] == HOSTILE
    assert nodes[1].attributes["data-path"] == HOSTILE
    # The block's own kind ends up in a class name only as a harmless token.
    assert all(re.fullmatch(r"[\w-]+", c) for c in nodes[1].attributes["class"].split())


def test_report_is_self_contained_and_forbids_scripts(sample_result: Result) -> None:
    page = explain_html(sample_result)
    tree = parse(page)
    assert tree.css("script, link, iframe, object, embed, img") == []
    assert not re.search(r"@import|url\(", page)
    hrefs = [n.attributes["href"] for n in tree.css("[href]")]
    assert hrefs and all(h.startswith("#") for h in hrefs)
    assert tree.css("[src]") == []
    policy = tree.css_first('meta[http-equiv="Content-Security-Policy"]').attributes["content"]
    assert "default-src 'none'" in policy and "script-src" not in policy
    # The style sheet is allowed by its hash: a changed sheet without a new hash would
    # leave the report unstyled.
    css = tree.css_first("style").text()
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in policy


def test_empty_result_renders() -> None:
    page = explain_html(clean_and_explain(""))
    tree = parse(page)
    assert tree.css("#blocks .block") == []
    assert "no text blocks" in tree.css_first("#blocks").text()
    assert tree.css("#legend li.legend-item") == []


def test_removals_without_a_family_and_user_families_get_their_own_colour() -> None:
    blocks = (
        BlockDecision(0, "kept text", "paragraph", True),
        BlockDecision(1, "a", "paragraph", False, "r1", None, "no family"),
        BlockDecision(2, "b", "paragraph", False, "r2", "zz_custom", "user rule"),
        BlockDecision(3, "c", "paragraph", False, "r3", "media", "media rule"),
    )
    tree = parse(explain_html(Result(text="kept text", blocks=blocks, input_kind="text")))
    legend = [
        (li.attributes["data-family"], li.attributes["class"])
        for li in tree.css("#legend li.legend-item")
    ]
    slots = {f: c.split()[-1] for f, c in legend}
    assert [f for f, _ in legend] == ["media", UNNAMED_FAMILY, "zz_custom"]
    assert slots["media"] == f"fam-{FAMILIES.index('media')}"
    assert len(set(slots.values())) == 3
    assert {slots[UNNAMED_FAMILY], slots["zz_custom"]} == {
        f"fam-{len(FAMILIES)}",
        f"fam-{len(FAMILIES) + 1}",
    }


def test_lone_surrogates_do_not_break_writing() -> None:
    blocks = (BlockDecision(0, "bad \ud800 text", "paragraph", True),)
    page = explain_html(Result(text="bad \ud800 text", blocks=blocks, input_kind="text"))
    assert "bad \ufffd text" in page
    page.encode("utf-8")


# -- batch ------------------------------------------------------------------------------


def test_batch_writes_one_report_per_document_and_an_index(tmp_path: Path) -> None:
    text = clean_and_explain(SAMPLE.read_text(encoding="utf-8"))
    page = clean_and_explain(HTML_PAGE, url="https://example.org/rivers")
    items = [
        ("pages/rferl-kazakhstan.txt", text),
        ("pages/rferl-kazakhstan.txt", text),  # the same name twice: two files
        ("broken.html", ValueError("bad page")),
        page,  # a bare Result: named by its URL
    ]
    index = write_batch_reports(iter(items), tmp_path / "out")
    assert index == tmp_path / "out" / "index.html"
    tree = parse(index.read_text(encoding="utf-8"))
    rows = tree.css("#documents tbody tr")
    assert [r.attributes["data-name"] for r in rows] == [
        "pages/rferl-kazakhstan.txt",
        "pages/rferl-kazakhstan.txt",
        "broken.html",
        "https://example.org/rivers",
    ]
    links = [r.css_first("a") for r in rows]
    assert links[2] is None and "bad page" in rows[2].text()
    files = [a.attributes["href"] for a in links if a is not None]
    assert len(set(files)) == 3
    for href in files:
        assert "/" not in href and (tmp_path / "out" / href).is_file()
    report = parse((tmp_path / "out" / files[0]).read_text(encoding="utf-8"))
    assert report.css_first("h1").text() == "pages/rferl-kazakhstan.txt"
    totals = {
        li.attributes["data-family"]: int(li.attributes["data-count"])
        for li in tree.css("#legend li.legend-item")
    }
    expected: dict[str, int] = {}
    for result in (text, text, page):
        for family, n in result.counts_by_family().items():
            expected[family] = expected.get(family, 0) + n
    assert totals == expected
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted([*files, "index.html"])


def test_batch_rejects_what_is_not_a_result(tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        write_batch_reports([("a", "not a result")], tmp_path)  # type: ignore[list-item]


def test_batch_names_are_made_safe_file_names(tmp_path: Path) -> None:
    result = clean_and_explain("Some text that is long enough to be a paragraph of its own.")
    index = write_batch_reports([("../../etc/pass wd.HTML.gz", result), ("", result)], tmp_path)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["0001-pass-wd.html", "0002-document.html", "index.html"]
    assert index.parent == tmp_path


# -- the command ------------------------------------------------------------------------


def test_command_writes_one_report(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert main_explain([str(SAMPLE), "-o", str(out)]) == 0
    tree = parse(out.read_text(encoding="utf-8"))
    expected = clean_and_explain(SAMPLE.read_bytes())
    assert len(tree.css("#blocks .block.removed")) == len(expected.removed)
    assert tree.css_first("h1").text() == str(SAMPLE)


def test_command_writes_to_stdout(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(HTML_PAGE, encoding="utf-8")
    buffer = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(buffer, encoding="utf-8"))
    assert main_explain([str(page), "--url", "https://example.org/x", "--kind", "html"]) == 0
    tree = parse(buffer.getvalue().decode("utf-8"))
    assert tree.css_first(".url").text() == "https://example.org/x"
    assert tree.css("#blocks .block.removed")


def test_command_explains_a_folder_and_jsonl_into_an_index(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.html").write_text(HTML_PAGE, encoding="utf-8")
    (pages / "b.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (pages / "c.txt").write_bytes(b"\x00\x01\x02binary")
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps({"id": "r1", "html": HTML_PAGE}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main_explain([str(pages), str(records), "-o", str(out)]) == 1  # c.txt fails
    tree = parse((out / "index.html").read_text(encoding="utf-8"))
    rows = tree.css("#documents tbody tr")
    assert len(rows) == 4
    assert [r.attributes["class"] for r in rows] == ["document", "document", "failed", "document"]
    assert "c.txt" in rows[2].text() and "binary" in rows[2].text()
    for row in rows:
        link = row.css_first("a")
        if link is not None:
            assert (out / link.attributes["href"]).is_file()


def test_command_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as several:
        main_explain([str(SAMPLE), str(SAMPLE)])
    assert several.value.code == 2
    assert "-o OUTDIR" in capsys.readouterr().err
    with pytest.raises(SystemExit) as unknown_rule:
        main_explain([str(SAMPLE), "--disable", "no_such_rule"])
    assert unknown_rule.value.code == 2


def test_command_reports_a_missing_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main_explain([str(tmp_path / "missing.txt"), "-o", str(tmp_path / "r.html")]) == 1
    assert "missing.txt" in capsys.readouterr().err
    assert not (tmp_path / "r.html").exists()


def test_command_disable_changes_the_report(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    assert main_explain([str(SAMPLE), "-o", str(out), "--disable", "media"]) == 0
    families = {n.attributes["data-family"] for n in parse(out.read_text()).css(".block.removed")}
    assert families and "media" not in families


def test_cleaner_explain_subcommand_writes_a_report(tmp_path) -> None:

    import cleaner.tools.cli

    sample = SAMPLE
    out = tmp_path / "r.html"
    assert cleaner.tools.cli.main(["explain", str(sample), "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "please wait" in html and "media_stub" in html
