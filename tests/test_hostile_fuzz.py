"""Fuzzing clean_and_explain (issue 6): bytes, text and mutated real pages.

The only exceptions allowed out of the public API are the typed ``CleanerError`` ones;
on the text path the kept blocks must be lines of the input, unaltered and in order.
Runs under the suite's derandomized Hypothesis profile (tests/conftest.py), so every run
tries the same examples; ``HYPOTHESIS_PROFILE=thorough`` tries many more.
"""

from __future__ import annotations

import gzip
import os
import sys
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import CleanerError, Result, clean_and_explain, samples

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "rferl-kazakhstan.txt"
HTML_PAGES = SHARED / "benchmarks" / "zyte" / "html"


def _sample_pages() -> list[tuple[str, bytes]]:
    """Three of the pages shipped with the package (``cleaner.samples``)."""
    folder = Path(samples.__file__).parent
    return [("text", (folder / f"{name}.txt").read_bytes()) for name in samples.names()[:3]]


def _shared_pages() -> list[tuple[str, bytes]] | None:
    """The seed and the three smallest HTML pages of ``../shared``; None when it is absent."""
    html = sorted(HTML_PAGES.glob("*.html.gz"), key=lambda p: p.stat().st_size)[:3]
    if not SEED.is_file() or len(html) < 3:
        return None
    return [("text", SEED.read_bytes())] + [("html", gzip.decompress(p.read_bytes())) for p in html]


def _require_shared() -> None:
    """Without ``../shared`` these tests would fuzz fewer, text-only pages: say so."""
    if SHARED_PAGES is not None:
        return
    message = (
        f"{SHARED} (the seed page and benchmarks/zyte/html) is missing: the real-page "
        "fuzz tests would run on fewer pages and no HTML page"
    )
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        pytest.fail(message)
    pytest.skip(message)


SHARED_PAGES = _shared_pages()
#: Small real pages, text and HTML, to clean many times over.
PAGES = _sample_pages() + (SHARED_PAGES or [])

KINDS = st.sampled_from([None, "text", "html"])


def clean(raw: str | bytes, kind: str | None) -> Result | None:
    try:
        return clean_and_explain(raw, kind=kind)
    except CleanerError:
        return None


def check_text_invariant(result: Result | None, raw: str | bytes) -> None:
    """Kept blocks are stripped lines of the input, unaltered and in page order."""
    if result is None or result.input_kind != "text" or not isinstance(raw, str):
        return
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    position = 0
    for block in result.kept:
        position = lines.index(block.text, position) + 1


@given(raw=st.binary(max_size=4096), kind=KINDS)
def test_any_bytes(raw: bytes, kind: str | None) -> None:
    clean(raw, kind)


@given(
    raw=st.text(st.characters(exclude_categories=()), max_size=2048),  # surrogates too
    kind=KINDS,
)
def test_any_text(raw: str, kind: str | None) -> None:
    check_text_invariant(clean(raw, kind), raw)


TOKENS = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<br>",
        "<!--",
        "-->",
        "<script>",
        "</script>",
        "<style>",
        "<table><tr><td>",
        "<li>",
        "<h2>",
        "<a href='#'>",
        "</a>",
        "&amp;",
        "&#0;",
        "&#xD800;",
        "&nbsp;",
        "<![CDATA[",
        "]]>",
        "<?xml ?>",
        "<!doctype html>",
        "\n",
        "\n\n",
        "\r",
        "\x00",
        "\ufeff",
        "\u2028",
        " ",
        "»",
        "|",
        "1",
        "0:00",
        "Share",
        "Comments",
        "Read more",
        "Skip to content",
        "© 2024",
        "Home > News > World",
        "We use cookies.",
        "The council voted on Tuesday to extend the program again.",
    ]
)


@given(parts=st.lists(TOKENS, max_size=200), kind=KINDS)
def test_markup_soup(parts: list[str], kind: str | None) -> None:
    raw = "".join(parts)
    check_text_invariant(clean(raw, kind), raw)
    clean(raw.encode("utf-8"), kind)


@st.composite
def mutated_page(draw: st.DrawFn) -> tuple[str, bytes]:
    """A real page with a few byte-level edits: cuts, copies, insertions, flips."""
    kind, data = draw(st.sampled_from(PAGES))
    buf = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        if not buf:
            break
        at = draw(st.integers(0, len(buf) - 1))
        span = draw(st.integers(1, 2000))
        edit = draw(st.sampled_from(["cut", "copy", "insert", "flip", "truncate", "nul"]))
        if edit == "cut":
            del buf[at : at + span]
        elif edit == "copy":
            buf[at:at] = buf[at : at + span] * draw(st.integers(1, 20))
        elif edit == "insert":
            buf[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif edit == "flip":
            buf[at] ^= 1 << draw(st.integers(0, 7))
        elif edit == "truncate":
            del buf[at:]
        else:
            buf[at:at] = b"\x00" * draw(st.integers(1, 16))
    return kind, bytes(buf)


@pytest.fixture(scope="module")
def all_real_pages() -> None:
    _require_shared()


@pytest.mark.usefixtures("all_real_pages")
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(page=mutated_page(), as_text=st.booleans())
def test_mutated_real_pages(page: tuple[str, bytes], as_text: bool) -> None:
    kind, data = page
    raw: str | bytes = data.decode("utf-8", "replace") if as_text else data
    result = clean(raw, kind=None)
    check_text_invariant(result, raw)
    clean(raw, kind="html" if kind == "text" else "text")  # the wrong front-end


@pytest.mark.parametrize("index", range(4), ids=["text", "text", "text", "text-seed"])
def test_memory_grows_linearly_with_the_page(index: int) -> None:
    """Peak Python memory for four copies of a page stays near four times one copy's."""
    if index == 3:  # the seed, from ../shared
        _require_shared()
    kind, data = PAGES[index]
    text = data.decode("utf-8", "replace")
    # Numbered copies so the duplicate rules see distinct blocks, as on one long page.
    copies = [text.replace("\n", f" {i}\n", 1) for i in range(4)]
    joined = "\n\n" if kind == "text" else ""

    def peak(raw: str) -> int:
        tracemalloc.start()
        try:
            clean(raw, kind)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    one, four = peak(copies[0]), peak(joined.join(copies))
    assert four <= 6 * one, f"{four} bytes for four copies vs {one} for one"


def test_missing_shared_pages_fail_in_ci_and_skip_locally(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.modules[__name__], "SHARED_PAGES", None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="missing"):
        _require_shared()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="missing"):
        _require_shared()
