"""Fuzzing clean_and_explain (issue 6): bytes, text and mutated real pages.

The only exceptions allowed out of the public API are the typed ``CleanerError`` ones;
on the text path the kept blocks must be lines of the input, unaltered and in order.
Runs under the suite's derandomized Hypothesis profile (tests/conftest.py), so every run
tries the same examples; ``HYPOTHESIS_PROFILE=thorough`` tries many more.
"""

from __future__ import annotations

import gzip
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import CleanerError, Result, clean_and_explain

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _fixture_pages() -> list[tuple[str, bytes]]:
    """A few real pages, text and HTML, small enough to clean many times over."""
    pages: list[tuple[str, bytes]] = []
    for path in sorted((ROOT / "fixtures").glob("*.txt"))[:3]:
        pages.append(("text", path.read_bytes()))
    seed = SHARED / "seed" / "rferl-kazakhstan.txt"
    if seed.is_file():
        pages.append(("text", seed.read_bytes()))
    html = sorted((SHARED / "benchmarks" / "zyte" / "html").glob("*.html.gz"))
    for path in sorted(html, key=lambda p: p.stat().st_size)[:3]:
        pages.append(("html", gzip.decompress(path.read_bytes())))
    if not pages:
        pages.append(("text", b"A paragraph of text that is long enough to be kept.\n" * 5))
    return pages


PAGES = _fixture_pages()
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


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(page=mutated_page(), as_text=st.booleans())
def test_mutated_real_pages(page: tuple[str, bytes], as_text: bool) -> None:
    kind, data = page
    raw: str | bytes = data.decode("utf-8", "replace") if as_text else data
    result = clean(raw, kind=None)
    check_text_invariant(result, raw)
    clean(raw, kind="html" if kind == "text" else "text")  # the wrong front-end


@pytest.mark.parametrize(("kind", "data"), PAGES[:4], ids=[k for k, _ in PAGES[:4]])
def test_memory_grows_linearly_with_the_page(kind: str, data: bytes) -> None:
    """Peak Python memory for four copies of a page stays near four times one copy's."""
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
