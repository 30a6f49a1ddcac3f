"""The compiled walk (``frontends/html/_cwalk.pyx``) against the Python walk: the same
blocks and element table, the same features (``_cfeatures.pxi`` against
``features.py``) and the same UTF-8 and scan before parsing (``_cscan.pxi`` against
``str.encode`` and ``parse._scan``; generated pages in test_parse_prepare.py), on
generated markup, on generated texts, on generated pages and on
every benchmark page of every set; and its guards: each problem means the Python walk,
one warning, never a crash.

Where the extension is not built (an install without a compiler) the equality tests
skip and the guard tests still run.
"""

from __future__ import annotations

import warnings

import pytest
from benchmark_pages import html_pages as benchmark_html
from helpers import _cwalk, needs_extension, nested_markup
from hypothesis import given
from hypothesis import strategies as st

from cleaner import Cleaner
from cleaner.frontends.html import compiled
from cleaner.frontends.html.parse import _scan, _utf8
from cleaner.testing.strategies import html_pages

SETS = ("zyte", "cleaneval", "portals", "readability-tests")

# -- generated markup: every way of the walk, nested at random --------------------------

_TAGS = (
    "div",
    "p",
    "span",
    "a",
    "b",
    "em",
    "i",
    "code",
    "li",
    "ul",
    "ol",
    "menu",
    "blockquote",
    "figcaption",
    "figure",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "section",
    "article",
    "nav",
    "aside",
    "header",
    "footer",
    "main",
    "br",
    "img",
    "button",
    "noscript",
    "x-custom",
    "st1:place",
    "font",
    "label",
    "dl",
    "dt",
    "dd",
    "sup",
    "small",
)
_ATTRS = st.sampled_from(
    [
        "",
        ' class="menu"',
        ' class="share-bar social"',
        ' class="caption credit"',
        ' class="post-content"',
        ' id="footer"',
        ' id="comments"',
        ' id="sec-2"',
        " hidden",
        ' style="display:none"',
        ' aria-hidden="true"',
        ' role="navigation"',
        ' href="/x"',
        ' href="#top"',
        ' href="#content"',
        ' class="sr-only"',
        ' data-x="1"',
        # The judge's cheap reject in C: humps, separators, case, long and non-ASCII
        # names, ids with and without digits, a value-less class, names in other cases.
        ' class="shareBar-top"',
        ' class="SiteFooter nav_links"',
        ' class="x y:z.w  \t post2Content"',
        ' class="' + "wrapper-" * 20 + 'menu"',
        ' class="pied-de-pagé"',
        ' id="mainNav"',
        ' id="menu2"',
        ' id="navigatión"',
        " class",
        ' CLASS="Menu"',
        ' xlink:href="#a"',
        ' data-long="' + "x" * 300 + '"',
    ]
)
_TEXT = st.sampled_from(
    [
        "word",
        " two words ",
        "\n  \t",
        "A longer sentence with several words, and punctuation.",
        "Ünïcödé – “quotes” 42 %",
        "&nbsp;|&nbsp;",
        "\u2003\u00a0",
        "Share",
        "Read more",
        "Copyright 2024. All rights reserved.",
        "<!-- a comment -->",
        "&amp; &lt;tag&gt;",
        "____",
        # White space the walk's C squash must see as str.split does.
        "\u3000wide\u3000 space\x85",
        "\t tab\x0b and\x1c separators\u2028",
        "\u00a0",
        "ＡＢＣ 𝒳 emoji 😀 mixed",
    ]
)


def _markup() -> st.SearchStrategy[str]:
    return nested_markup(st.sampled_from(_TAGS), _TEXT, attrs=_ATTRS, max_leaves=40)


def _both_agree(page: str) -> bool:
    """Whether the compiled walk and features give the Python ones' on ``page``."""
    fast = compiled.walk_signature(page, _cwalk.walk, _cwalk)
    return fast == compiled.walk_signature(page, None, None)


@needs_extension
@given(st.lists(_markup(), min_size=1, max_size=6).map("".join))
def test_both_walks_agree_on_generated_markup(body: str) -> None:
    assert _both_agree(f"<html><body>{body}</body></html>")


@needs_extension
@given(html_pages())
def test_both_walks_agree_on_generated_pages(page: object) -> None:
    assert _both_agree(page.raw)  # type: ignore[attr-defined]


@needs_extension
def test_attribute_names_learnt_again_keep_their_strings() -> None:
    """An element with a name not met yet makes the walk learn all its names again
    from selectolax; those known already keep the string the walk's array points to
    (a replaced one was freed, and a later element read freed memory)."""
    # (Each row brings new names, and the strings freed then would be reused by the
    # next rows' text: with the fault, this crashed the process.)
    rows = "".join(
        f'<p class="c{i}" id="i{i}" data-n{i}="{i}" style="color:red">Line {i} '
        f'<span class="s" title="t{i}" data-m{i}=x>word {i}</span>'
        f'<a href="/x{i}" rel=nofollow>link</a></p>'
        for i in range(3000)
    )
    assert _both_agree(f"<html><body><div class=a>{rows}</div></body></html>")


# -- the features' twins on any text ------------------------------------------------------
# Words and separators of every kind the features tell apart: capitals, title case and
# digits at a block's opening, joiners, datelines, sentence ends behind closing quotes,
# scripts without spaces, letters that casefold longer, and any character at all.
_PIECES = st.sampled_from(
    [
        "Word",
        "word",
        "WORD",
        "of",
        "a",
        "3D",
        "2024",
        "iPhone",
        "ǅemal",
        "Straße",
        "ﬁne",
        "İstanbul",
        "HANOI, Vietnam (AP) — ",
        "NEW YORK (Reuters) - ",
        "WASHINGTON — ",
        "U.S. ",
        "漢字かなカナ",
        "ภาษาไทย",
        ".",
        "!”",
        "?)",
        "…",
        "。",
        ":",
        "»",
        "’",
        "\u00a0",
        "\u200b",
        " ",
        "  ",
        "\t",
        "\n",
        "-",
        "_",
        "©",
        "😀",
        "𝒳",
        "\U00020000",
    ]
)
_TEXTS = st.lists(_PIECES | st.text(max_size=8), max_size=30).map("".join) | st.text()


def _features_of(texts: list[str], twins: object) -> tuple[object, ...]:
    from cleaner.blocks import Block
    from cleaner.config import Config
    from cleaner.features import compute_features
    from cleaner.phrases import PhraseBook

    config = Config()
    book = PhraseBook(config.languages)
    blocks = [Block(i, text) for i, text in enumerate(texts)]
    language = compute_features(
        blocks, book.stopwords, config, languages_of=book.stopword_languages, compiled=twins
    )
    return language, [b.features for b in blocks]


@needs_extension
@given(st.lists(_TEXTS, min_size=1, max_size=8))
def test_both_features_agree_on_generated_texts(texts: list[str]) -> None:
    assert _features_of(texts, _cwalk) == _features_of(texts, None)


@needs_extension
@given(st.lists(st.text() | st.sampled_from(["a" * 9, "é", "’", "😀", "\ud800"])).map("".join))
def test_the_compiled_encoding_is_utf8(text: str) -> None:
    try:
        expected: bytes | None = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: None, and parse._utf8 replaces it
        expected = None
    assert _cwalk.utf8(text) == expected


@needs_extension
def test_both_features_agree_on_long_and_repeated_blocks() -> None:
    # A block past features._LONG_BLOCK_CHARS, a page past _SHARED_WORDS_MIN_CHARS
    # (tokens shared among blocks), repeated lines and empty ones.
    long = "Ünïcödé words, and more words. " * 2200
    texts = [long, "Short line", "Short line", "", "WASHINGTON — The Senate voted.", "x" * 600]
    assert _features_of(texts, _cwalk) == _features_of(texts, None)


@needs_extension
@pytest.mark.parametrize("name", SETS)
def test_both_walks_agree_on_every_benchmark_page(name: str) -> None:
    """The walk's blocks and element table, and the whole pipeline's result (every
    decision, the text, the Markdown and its marks), are the same on both paths."""
    cleaner = Cleaner()
    differ = []
    for page_id, html in benchmark_html(name):
        if not _both_agree(html):  # the walks, and the features on their blocks
            differ.append(page_id)
            continue
        data = _utf8(html)
        if _cwalk.utf8(html) != data or _cwalk.scan_tags(data) != _scan(data):
            differ.append(page_id)
            continue
        with compiled.forced("compiled"):
            fast = cleaner.explain(html, kind="html", output="markdown")
        with compiled.forced("python"):
            slow = cleaner.explain(html, kind="html", output="markdown")
        if fast != slow:
            differ.append(page_id)
    assert not differ


@needs_extension
def test_the_bundled_page_passes_the_self_test() -> None:
    assert compiled._self_test(_cwalk)
    with compiled.forced("compiled"):
        assert compiled.compiled_available()
        assert compiled.compiled_features() is _cwalk
        assert compiled.compiled_prepare() is _cwalk
    with compiled.forced("python"):
        assert not compiled.compiled_available()
        assert compiled.compiled_features() is None
        assert compiled.compiled_prepare() is None


# -- the guards ---------------------------------------------------------------------------


@pytest.fixture
def undecided(monkeypatch: pytest.MonkeyPatch) -> None:
    """A process that has not chosen its walk yet (restored afterwards)."""
    monkeypatch.setattr(compiled, "_chosen", [])
    monkeypatch.delenv(compiled.PURE_PYTHON_ENV, raising=False)


def _choice_and_warnings() -> tuple[object, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        first = compiled.compiled_walk()
        second = compiled.compiled_walk()
    assert first is second  # chosen once a process
    return first, [str(w.message) for w in caught]


@needs_extension
def test_a_supported_selectolax_uses_the_compiled_walk(undecided: None) -> None:
    walk, warned = _choice_and_warnings()
    assert walk is _cwalk.walk and not warned
    assert compiled.compiled_features() is _cwalk


def test_the_environment_forces_python_without_a_warning(
    undecided: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(compiled.PURE_PYTHON_ENV, "1")
    walk, warned = _choice_and_warnings()
    assert walk is None and not warned
    assert compiled.compiled_features() is None  # the Python features too


@needs_extension
def test_an_unknown_selectolax_means_python_and_one_warning(
    undecided: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(compiled, "_selectolax_version", lambda: "0.3.29")
    read: list[bool] = []
    monkeypatch.setattr(compiled, "_layout_matches", lambda _: read.append(True) or True)
    walk, warned = _choice_and_warnings()
    assert walk is None and len(warned) == 1 and "0.3.29" in warned[0]
    assert not read  # the version is checked before any struct is read


@needs_extension
@pytest.mark.parametrize(
    "problem",
    ["layout", "mismatch", "features", "error"],
)
def test_a_failed_check_means_python_and_one_warning(
    undecided: None, monkeypatch: pytest.MonkeyPatch, problem: str
) -> None:
    if problem == "layout":
        monkeypatch.setattr(compiled, "_layout_matches", lambda _: False)
    elif problem == "mismatch":
        monkeypatch.setattr(compiled, "_self_test", lambda _: False)
    elif problem == "features":
        # The walks agree, the features do not: the self-test compares them too.
        set_page_counts = _cwalk.set_page_counts

        def off_by_one(live: list, *counts: object) -> None:
            set_page_counts(live, *counts)
            for block in live:
                block.features.repeats += 1

        monkeypatch.setattr(_cwalk, "set_page_counts", off_by_one)
    else:

        def broken(_: object) -> bool:
            raise ValueError("boom")

        monkeypatch.setattr(compiled, "_self_test", broken)
    walk, warned = _choice_and_warnings()
    assert walk is None and len(warned) == 1 and compiled.compiled_features() is None
    # The pipeline still runs, on the Python walk.
    assert "Some words" in Cleaner().clean("<p>Some words in a paragraph here.</p>", kind="html")


@needs_extension
def test_the_layout_check_rejects_nodes_it_does_not_know() -> None:
    from selectolax.lexbor import LexborHTMLParser, LexborNode

    tree = LexborHTMLParser("<div><p>text here</p><b id=x>b</b></div>")
    div, b = tree.css_first("div"), tree.css_first("b")
    text = tree.css_first("p").first_child
    assert _cwalk.check_layout(LexborNode, div, tree, text, b)
    other = LexborHTMLParser("<div>x</div>")
    assert not _cwalk.check_layout(LexborNode, div, other, text, b)  # another parser
    assert not _cwalk.check_layout(LexborNode, b, tree, text, div)  # roles swapped
    assert not _cwalk.check_layout(dict, div, tree, text, b)  # not selectolax's node type


def test_forcing_an_unknown_walk_is_an_error() -> None:
    with pytest.raises(ValueError), compiled.forced("fast"):
        pass
