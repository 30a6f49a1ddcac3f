"""The explain report in a real browser: headless Chromium driven by Selenium.

Needs Debian's ``chromium`` and ``chromium-driver`` and the ``selenium`` package (the
``test`` extra). Without them the tests skip, except under CI (``CI`` set), where a
missing browser is a broken set-up and fails.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cleaner import Result, clean_and_explain, samples
from cleaner.tools.report import explain_html, write_batch_reports

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `benchmarks` is a folder of the repository, not installed
    sys.path.insert(0, str(ROOT))

from benchmarks.innertext import browser_path, open_driver  # noqa: E402

SAMPLE = Path(samples.__file__).parent / "rferl-kazakhstan.txt"
IN_CI = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")

HTML_PAGE = """<!DOCTYPE html><html><head><title>t</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/about">About us</a></li></ul></nav>
<main><article><h1>Rivers are rising across the northern valleys this spring</h1>
<p>Heavy rain over the last three weeks has pushed the northern rivers to levels not seen
since records began, and officials have started moving families away from the banks.</p>
<p>Engineers say the old levees were built for a smaller flood, and that the repairs
promised after the last high water were never finished: &lt;script&gt;document.title="pwned"
&lt;/script&gt; &lt;img src=x onerror="document.title='pwned'"&gt; the money ran out.</p>
<p>Farmers in the lower valley have lost most of their early crops, and many say they
will not plant again until the water has gone down and the fields have dried out.</p>
</article></main>
<footer><p>Copyright 2024 Example News. All rights reserved.</p>
<p>Share this article on Facebook Twitter Email</p></footer></body></html>"""

# Everything about each block the checks need, read in one round trip.
READ_BLOCKS = """
return Array.from(document.querySelectorAll('#blocks .block')).map(el => {
  const text = el.querySelector('.text');
  const style = getComputedStyle(text);
  return {
    index: Number(el.dataset.index),
    classes: Array.from(el.classList),
    family: el.dataset.family || null,
    rule: el.dataset.rule || null,
    shown: el.getClientRects().length > 0,
    struck: style.textDecorationLine.includes('line-through'),
    colour: getComputedStyle(el).color,
    text: text.textContent,
  };
});
"""
READ_LEGEND = """
return Array.from(document.querySelectorAll('#legend li.legend-item')).map(li => ({
  family: li.dataset.family,
  count: Number(li.querySelector('.count').textContent),
  colour: getComputedStyle(li).color,
  shown: li.getClientRects().length > 0,
}));
"""
SHOWN = """
return Array.from(document.querySelectorAll(arguments[0]))
  .map(e => e.getClientRects().length > 0);
"""


def _missing(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"{reason} (required under CI: .ci/run must install it)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    try:
        import selenium  # noqa: F401
    except ImportError:
        _missing("selenium is not installed (pip install '.[test]')")
    browser = browser_path()
    chromedriver = shutil.which("chromedriver")
    if browser is None or chromedriver is None:
        _missing("chromium and chromedriver are not installed (apt-get install chromium-driver)")

    # The same headless Chromium as the page-type fixtures' innerText dumps.
    browser_driver = open_driver(tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield browser_driver
    finally:
        browser_driver.quit()


def _open(driver: Any, page: str, folder: Path, name: str = "report.html") -> Path:
    path = folder / name
    path.write_text(page, encoding="utf-8")
    driver.get(path.as_uri())
    return path


def _click(driver: Any, element_id: str) -> None:
    driver.find_element("id", element_id).click()


@pytest.fixture(scope="module")
def sample() -> Result:
    return clean_and_explain(SAMPLE.read_text(encoding="utf-8"))


def test_report_renders_every_block_and_marks_each_removal(
    driver: Any, sample: Result, tmp_path: Path
) -> None:
    _open(driver, explain_html(sample, title="sample"), tmp_path)
    shot = tmp_path / "report.png"
    assert driver.save_screenshot(str(shot))
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width >= 800 and height >= 600 and len(png) > 20_000  # a page was drawn

    blocks = {b["index"]: b for b in driver.execute_script(READ_BLOCKS)}
    assert sorted(blocks) == [b.index for b in sample.blocks]
    legend = driver.execute_script(READ_LEGEND)
    colour_of = {entry["family"]: entry["colour"] for entry in legend}
    kept_colours = {blocks[b.index]["colour"] for b in sample.kept}
    assert sample.removed
    for decision in sample.blocks:
        shown = blocks[decision.index]
        assert shown["shown"] and shown["text"] == decision.text
        if decision.kept:
            assert "kept" in shown["classes"] and not shown["struck"]
            continue
        assert "removed" in shown["classes"] and shown["struck"]
        assert shown["family"] == decision.family and shown["rule"] == decision.rule
        # Coloured by family: the legend's colour, not the kept text's.
        assert shown["colour"] == colour_of[decision.family]
        assert shown["colour"] not in kept_colours
    assert {e["family"]: e["count"] for e in legend} == sample.counts_by_family()
    assert all(e["shown"] for e in legend)
    assert len(set(colour_of.values())) == len(colour_of)  # one colour per family


def test_rule_and_reason_show_on_hover(driver: Any, sample: Result, tmp_path: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    _open(driver, explain_html(sample), tmp_path)
    decision = sample.removed[0]
    block = driver.find_element("id", f"b-{decision.index}")
    tip = block.find_element("css selector", ".why")
    assert not tip.is_displayed()
    ActionChains(driver).move_to_element(block).perform()
    assert tip.is_displayed()
    assert decision.rule in tip.text and decision.reason in tip.text
    side = driver.find_element("id", f"r-{decision.index}")
    assert side.is_displayed() and decision.reason in side.text


def test_filters_show_only_removed_or_only_kept_or_hide_a_family(
    driver: Any, sample: Result, tmp_path: Path
) -> None:
    _open(driver, explain_html(sample), tmp_path)
    kept, removed = "#blocks .block.kept", "#blocks .block.removed"
    assert all(driver.execute_script(SHOWN, kept)) and all(driver.execute_script(SHOWN, removed))

    _click(driver, "show-removed")
    assert not any(driver.execute_script(SHOWN, kept))
    assert all(driver.execute_script(SHOWN, removed))
    assert len(driver.execute_script(SHOWN, removed)) == len(sample.removed)

    _click(driver, "show-kept")
    assert all(driver.execute_script(SHOWN, kept))
    assert len(driver.execute_script(SHOWN, kept)) == len(sample.kept)
    assert not any(driver.execute_script(SHOWN, removed))
    assert not driver.find_element("id", "removals").is_displayed()

    _click(driver, "show-all")
    family = max(sample.counts_by_family(), key=sample.counts_by_family().get)
    toggle = driver.find_element("css selector", f'li[data-family="{family}"] input')
    toggle.click()
    hidden = f'#blocks .block[data-family="{family}"], .removal[data-family="{family}"]'
    assert driver.execute_script(SHOWN, hidden) and not any(driver.execute_script(SHOWN, hidden))
    others = f'#blocks .block.removed:not([data-family="{family}"])'
    assert all(driver.execute_script(SHOWN, others))
    assert all(driver.execute_script(SHOWN, kept))


def test_html_input_report_is_inert(driver: Any, tmp_path: Path) -> None:
    result = clean_and_explain(HTML_PAGE, kind="html", url="https://example.org/rivers")
    assert result.removed and any("<script>" in b.text for b in result.blocks)
    _open(driver, explain_html(result, title="Rivers report"), tmp_path)
    assert driver.title == "Rivers report"  # the page's script did not run
    blocks = {b["index"]: b for b in driver.execute_script(READ_BLOCKS)}
    for decision in result.blocks:
        assert blocks[decision.index]["text"] == decision.text
        assert blocks[decision.index]["struck"] is (not decision.kept)
    assert driver.find_elements("css selector", "#blocks img, #blocks script") == []


def test_batch_index_links_each_report(driver: Any, sample: Result, tmp_path: Path) -> None:
    html_result = clean_and_explain(HTML_PAGE, kind="html")
    index = write_batch_reports(
        [("sample.txt", sample), ("bad.html", ValueError("unreadable")), ("page", html_result)],
        tmp_path / "reports",
    )
    driver.get(index.as_uri())
    rows = driver.find_elements("css selector", "#documents tbody tr")
    assert [r.get_attribute("data-name") for r in rows] == ["sample.txt", "bad.html", "page"]
    assert "unreadable" in rows[1].text
    rows[2].find_element("css selector", "a").click()
    assert driver.find_element("css selector", "h1").text == "page"
    assert len(driver.find_elements("css selector", "#blocks .block")) == len(html_result.blocks)
