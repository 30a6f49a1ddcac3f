"""The ``re`` twins of phrase tries (phrases/trie_search.py) against ``regex``: the same
match, at the same place, on generated text made of the phrases' own words and of the
characters where the two engines differ, and on every line of the zyte-text pages.
Every twin a default ``Cleaner``'s text rules hold is asked: the whole-line matchers'
patterns per letter, the notice, counter, media-label, caption, gallery, related-link,
site-about and author-heading patterns."""

from __future__ import annotations

import re

import pytest
import regex
from benchmark_pages import BENCHMARKS
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Cleaner
from cleaner.phrases.compile import PHRASE_FLAGS, LineMatcher
from cleaner.phrases.trie_search import TwinPattern, twin, twin_syntax, twin_text

SECTIONS = (
    "notice",
    "chrome",
    "media_stub",
    "accessibility",
    "caption_credit",
    "caption_lead",
    "media_label",
    "counter_nouns",
    "related_lead",
    "site_about",
    "gallery_nouns",
    "gallery_of",
    "author_heading",
    "trailer_heading",
)


def _twins() -> list[TwinPattern]:
    found: list[TwinPattern] = []
    for rule in Cleaner().rules_for("text"):
        for value in vars(rule).values():
            if isinstance(value, TwinPattern):
                found.append(value)
            elif isinstance(value, LineMatcher):
                entries = [*value._by_first.values(), value._unknown]
                found.extend(e[0] for e in entries if e[0] is not None)
                found.extend([value._edged] if value._edged is not None else [])
    return [t for t in found if t.ascii is not None]


TWINS = _twins()
_BOOK = Cleaner()._phrases
_WORDS = sorted(
    {w for s in SECTIONS for p in _BOOK.phrases(s) if not p.startswith("re:") for w in p.split()}
)
# The words of the phrases (their pieces too), and what lies between and around them:
# the separators only ``re`` takes for spaces, word characters that glue onto a phrase,
# edge punctuation and digits, accents, non-ASCII spaces and letters.
_PIECES = st.one_of(
    st.sampled_from(_WORDS).map(str.casefold),
    st.sampled_from(_WORDS).map(lambda w: w.casefold()[: len(w) // 2]),
    st.sampled_from(
        [" ", "  ", "\t", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\xa0", "_", "x", "1", "©"]
    ),
    st.sampled_from(["é", "\u0301", "ü", "ж", ".", ",", "-", "(", ")", ":", "'", "»", "|"]),
    st.sampled_from(["0", "12", "3:45", "1:02:03", "1.5", "2,5", "k", "p", "x", "min", "²", "١"]),
)
_TEXTS = st.lists(_PIECES, max_size=10).map("".join)


def _same(twin: TwinPattern, text: str) -> None:
    for how in ("match", "search"):
        found, expected = getattr(twin, how)(text), getattr(twin.pattern, how)(text)
        if expected is None:
            assert found is None, (how, text)
        else:
            assert found is not None and found.span() == expected.span(), (how, text)
            assert found.group(0) == expected.group(0)


def test_the_rules_hold_twins():
    # The notice trie, and most letters of the three whole-line rules' literal tries.
    assert len(TWINS) > 60


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_the_same_match_as_regex_on_generated_text(text: str) -> None:
    for pair in TWINS:
        _same(pair, text)
        _same(pair, " ".join(text.split()))  # as block text is, mostly


def test_the_twin_engine_runs_where_both_engines_read_text_alike():
    assert twin_text("we use cookies")
    assert twin_text("wir verwenden cookies, ü ß — «€» мы используем файлы")
    for char in "\x1c\x1d\x1e\x1f\u0301\u0483²¹½\u200d\u203f中":
        assert not twin_text(f"we use{char}cookies"), repr(char)
    # re takes U+001F for a space, regex does not: such a line goes to regex.
    trie = next(t for t in TWINS if t.pattern.search("we use cookies"))
    assert trie.ascii.search("we\x1fuse\x1fcookies") and not trie.search("we\x1fuse\x1fcookies")


def test_both_engines_read_every_character_twin_text_admits_alike():
    chars = [chr(i) for i in range(0x2800) if twin_text(chr(i))]
    assert len(chars) > 1800
    pairs = (
        (r"\s", r"\s"),
        (r"\w", r"\w"),
        (r"\d", r"\d"),
        (r"[\W\d_]", r"[\W\d_]"),
        (r"[^\W_]", r"[\p{L}\p{N}]"),  # the whole-line twins' guards
    )
    for re_class, regex_class in pairs:
        ours, theirs = re.compile(re_class), regex.compile(regex_class, PHRASE_FLAGS)
        differ = [c for c in chars if bool(ours.match(c)) != bool(theirs.match(c))]
        assert not differ, (re_class, differ[:10])


def test_a_pattern_beyond_the_shared_syntax_has_no_twin():
    for source in (r"\p{L}+", r"(?i)ab", r"a\Z", r"\Aa", r"(?P<n>a)", r"a\1", r"[[:alpha:]]"):
        assert not twin_syntax(source), source
    assert not twin_syntax(r"ab{e<=1}") and not twin_syntax(r"\x41")
    for source in (r"\d+ comments", r"(?<!\w)cookies", r"[©\d.,]", r"(?!)", r"a(?=b)", r"a.b?"):
        assert twin_syntax(source), source
    assert twin_syntax(r"(?:\b(?:we\s+use\s+cookies)|(?:\©\s+\d{1,2}:\d{2}))")
    assert twin(regex.compile(r"\p{L}+ comments", PHRASE_FLAGS)).ascii is None
    assert twin(regex.compile(r"(?<=ab|c)x", PHRASE_FLAGS)).ascii is None  # re: fixed width


def test_the_same_match_on_every_line_of_the_zyte_text_pages():
    pages = sorted((BENCHMARKS / "zyte-text").glob("*.txt"))
    if not pages:
        pytest.skip(f"{BENCHMARKS} (the benchmark pages) is not beside the repository")
    lines = {
        line.strip().casefold()
        for page in pages
        for line in page.read_text(encoding="utf-8", errors="replace").splitlines()
    }
    for line in lines:
        for pair in TWINS:
            _same(pair, line)
