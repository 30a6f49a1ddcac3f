"""The fast paths of the pipeline give the answers of the plain ones they replace.

Phrase tries and line matchers against the alternations they stand for, literal gates
against the patterns they gate, the class-attribute shortcut against per-name tokens,
the one-query marker search against two queries, the tree plan against per-page rule
lists, the separator table against its definition.
"""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

import cleaner.config
from cleaner import Cleaner, Config
from cleaner.blocks import Block
from cleaner.features import _TO_SPACE, compute_features, words_of
from cleaner.frontends.html import html_to_blocks
from cleaner.phrases import SECTIONS, PhraseBook, alternation
from cleaner.phrases.compile import (
    PHRASE_FLAGS,
    line_matcher,
    literal_trie,
    required_literals,
    trie_pattern,
    whole_line_pattern,
)
from cleaner.phrases.literals import branch_gate, branch_literals, holds_branch
from cleaner.rules.base import Document
from cleaner.rules.captions import CaptionCredit
from cleaner.rules.elements import lower_case_tokens, name_tokens
from cleaner.rules.prune import MARKER_SELECTOR, PruneGuard, paragraphs_and_markers
from cleaner.rules.tree import TreePlan

BOOK = PhraseBook(cleaner.config.SHIPPED_LANGUAGES)
SECTION_NAMES = [s for s in SECTIONS if s != "stopwords" and BOOK.phrases(s)]
# Pieces of real phrases and the punctuation, digits and spacing around them, so that
# generated texts often match or nearly match a phrase.
_PIECES = sorted(
    {
        w.casefold()
        for s in SECTION_NAMES
        for p in BOOK.phrases(s)
        if not p.startswith("re:")
        for w in p.split()
    }
    | {"1", "23", ":", "(4)", "•", "»", "-", "_", "'", "’", "©", "2024", "by", "x"}
)
texts = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=5).flatmap(
    lambda words: st.sampled_from([" ", "", "  "]).map(lambda sep: sep.join(words))
)
edged = st.tuples(st.sampled_from(["", "• ", "1. ", "» "]), texts, st.sampled_from(["", ":", " »"]))


# -- whole-line matching ----------------------------------------------------------------


@given(section=st.sampled_from(SECTION_NAMES), parts=edged)
def test_line_matcher_matches_what_the_whole_line_alternation_matches(section, parts):
    text = "".join(parts)
    plain = whole_line_pattern(BOOK.pattern(section))
    fast = line_matcher(BOOK.phrases(section))
    assert bool(fast.match(text)) == bool(plain.match(text))


def test_line_matcher_on_every_literal_phrase_and_near_misses():
    for section in SECTION_NAMES:
        plain = whole_line_pattern(BOOK.pattern(section))
        fast = line_matcher(BOOK.phrases(section))
        for phrase in BOOK.phrases(section):
            if phrase.startswith("re:"):
                continue
            folded = phrase.casefold()
            for text in (folded, f"• {folded} »", f"{folded} x", f"x{folded}", f"_{folded}"):
                assert bool(fast.match(text)) == bool(plain.match(text)), (section, text)


def test_line_matcher_takes_re_phrases_by_their_literal_opening():
    fast = line_matcher(["Load more", "re:posted:?", "re:page \\d+ of \\d+", "re:(last )?updated"])
    for text in ("load more", "posted", "posted:", "page 3 of 12", "updated", "last updated"):
        assert fast.match(text), text
    for text in ("load more now", "posted by", "page three of 12", "updates", "postedx"):
        assert not fast.match(text), text


def test_line_matcher_splits_leading_choices_and_groups_digit_openings():
    phrases = [
        "re:(related|see also)\\s*:.*",
        "re:(last )?updated:?",
        "re:(x|y)+z",
        "re:\\d+ min read",
        "re:(?<!\\d)\\d+\\s*h ago",
        "re:\\d+ days|no digit",
    ]
    fast = line_matcher(phrases)
    plain = whole_line_pattern(alternation(phrases))
    matching = ["related: x", "see also:", "updated", "last updated:", "xyxz", "3 min read"]
    matching += ["12h ago", "• 4 h ago", "2 days", "no digit", "_related:"]
    missing = ["related x", "last", "z", "min read", "12 h ago now", "digit", "xrelated:"]
    for text in matching + missing:
        assert bool(fast.match(text)) == (text in matching), text
        assert bool(plain.match(text)) == (text in matching), text


def test_line_matcher_split_by_first_letter_matches_what_the_whole_pattern_matches():
    phrases = ["re:[её]щ[её]", "re:.{0,3}new tab", "re:(?<!\\d)\\d+ min", "Load more", "1 more"]
    phrases += ["» Next"]
    fast = line_matcher(phrases)
    plain = whole_line_pattern(alternation(phrases))
    texts = ["ещё", "еще", "щё", "ёщё!", "ab new tab", "• ab new tab", "new tab", "zz new tab"]
    texts += ["5 min", "• 5 min", "load more", "» load more", "12. load more", "_load more"]
    texts += ["1 more", "x1 more", "1 more »", "» next", "next", "", "•", "é load more", "ünew tab"]
    for text in texts:
        assert bool(fast.match(text)) == bool(plain.match(text)), text


def test_line_matcher_of_no_phrases_is_none():
    assert line_matcher([]) is None


# -- searching ---------------------------------------------------------------------------


@given(section=st.sampled_from(SECTION_NAMES), parts=edged, tail=texts)
def test_literal_trie_finds_the_same_match_as_the_alternation(section, parts, tail):
    literal = [p for p in BOOK.phrases(section) if not p.startswith("re:")]
    if not literal:
        return
    text = "".join(parts) + " " + tail
    plain = regex.compile(alternation(literal), PHRASE_FLAGS).search(text)
    fast = regex.compile(literal_trie(literal), PHRASE_FLAGS).search(text)
    assert (plain and plain.span()) == (fast and fast.span())


def test_trie_pattern_prefers_the_longer_of_two_nested_keys():
    pattern = regex.compile(trie_pattern([list("cookie"), list("cookies"), list("cat")]))
    assert pattern.match("cookies").group() == "cookies"
    assert pattern.match("cookie jar").group() == "cookie"
    assert pattern.match("cat").group() == "cat"
    assert pattern.match("cow") is None


def test_trie_pattern_of_no_keys_never_matches():
    assert regex.compile(trie_pattern([])).search("anything") is None


# -- literal gates -------------------------------------------------------------------------


def test_required_literals_reads_the_text_a_match_needs():
    assert required_literals(r"(website|site)\s+uses\s+cookies") == ("cookies",)
    assert required_literals(r"(sd|hd|full\s+hd)") == ("sd", "hd", "full")
    assert required_literals(r"copyright\s*(©|\([cс]\))") == ("copyright",)
    assert required_literals(r"\(c\)\s*\d{4}") == ("(c)",)
    assert required_literals(r"abc?") == ("ab",)
    assert required_literals(r"(?:x)?y") == ("y",)


def test_required_literals_leave_out_a_string_holding_another():
    # A text holding 'photo illustration' or 'photos' holds 'photo': one test answers.
    assert required_literals(r"photo illustration|photo|photos\s+x") == ("photo",)
    assert required_literals(r"image|imagen de archivo|film") == ("image", "film")
    # Strings that only overlap both stay.
    assert required_literals(r"photo|to ") == ("photo", "to ")


def test_required_literals_with_symbols_prefers_punctuation_to_words():
    assert required_literals(r"\b(?:reuters|ap)\s*/\s*\w+", symbols=True) == ("/",)
    assert required_literals(r"\b(?:reuters|ap)\s*/\s*\w+") == ("reuters", "ap")
    # A choice of several symbols, and text where a branch requires no symbol.
    assert required_literals(r"foto\s*(?::|©)|photo\s+\w+", symbols=True) == (":", "©", "photo")
    # A space is no symbol: every line has one.
    assert required_literals(r"photo\s+ by \w+", symbols=True) == ("photo",)


@given(parts=edged, tail=texts)
def test_the_caption_credit_gate_never_turns_away_a_credit(parts, tail):
    credit = alternation(BOOK.phrases("caption_credit"))
    gate = required_literals(credit, symbols=True)
    assert gate is not None
    pattern = regex.compile(rf"{credit}[\s.]*$", PHRASE_FLAGS)
    for text in ("".join(parts) + " " + tail, tail + " (photo: " + "".join(parts) + ")"):
        if pattern.search(text):
            assert any(literal in text for literal in gate), text
    lead = alternation(BOOK.phrases("caption_lead"))
    lead_gate = required_literals(lead)
    assert lead_gate is not None
    opening = regex.compile(rf"^\W*{lead}", PHRASE_FLAGS)
    for text in ("".join(parts) + " " + tail, "in this " + tail + " photo " + "".join(parts)):
        if opening.match(text):
            assert any(literal in text for literal in lead_gate), text


def test_branch_literals_keeps_every_choice_of_each_branch():
    found = branch_literals(r"\((?:photo|image)\s*:[^()]+\)|/\s*(?:ap|afp)")
    assert found == ((("photo", "image"), ("(",), (":",), (")",)), (("ap", "afp"), ("/",)))
    # A branch that is one group (behind a word boundary) counts as its branches.
    assert branch_literals(r"(?:\b(?:foto\s*:|bild:)|\bvia x)") == (
        (("foto",), (":",)),
        (("bild:",),),
        (("via x",),),
    )
    # A repeated group is no branch of its own; a branch requiring nothing gives None.
    assert branch_literals(r"(?:ab|cd)+x") == ((("ab", "cd"), ("x",)),)
    assert branch_literals(r"photo|\d+") is None
    assert branch_literals(r"(?:photo|\w+)") is None
    assert branch_literals(r"a)b") is None


@given(section=st.sampled_from(SECTION_NAMES), parts=edged, tail=texts)
def test_a_text_a_section_matches_holds_all_some_branch_requires(section, parts, tail):
    pattern = alternation(BOOK.phrases(section))
    branches = branch_literals(pattern) if pattern else None
    if branches is None:
        return
    gate = branch_gate(pattern)
    compiled = regex.compile(pattern, PHRASE_FLAGS)
    for text in ("".join(parts) + " " + tail, tail + " (photo: " + "".join(parts) + ")"):
        if compiled.search(text):
            assert any(all(any(s in text for s in c) for c in b) for b in branches), text
            assert holds_branch(text, gate), text


def test_holds_branch_needs_every_choice_of_one_branch():
    gate = branch_gate(r"sign up for (?:our )?newsletters?|©\s*\d{4}|(?:we|they) never share")
    assert gate is not None
    assert holds_branch("sign up for the weekly newsletter", gate)
    assert not holds_branch("sign up for our podcast", gate)
    assert holds_branch("© 2024", gate)
    assert holds_branch("they will never share it", gate)  # (the pattern decides)
    assert not holds_branch("we share never", gate)


def test_caption_credit_searches_only_lines_holding_a_credits_requirements():
    rule = CaptionCredit(Config(), BOOK)
    assert not holds_branch("the score was 2:1 (after extra time)", rule.credit_branches)
    assert holds_branch("the team celebrates (photo: jane doe)", rule.credit_branches)
    assert holds_branch("anything", None)
    blocks = [
        Block(0, "The team celebrates (Photo: Jane Doe)"),
        Block(1, "Kick-off: 20:00 (local)"),
    ]
    doc = Document(blocks, Config(), kind="text")
    compute_features(blocks, {}, Config())
    assert rule.reason_for(blocks[0], doc) is not None
    assert rule.reason_for(blocks[1], doc) is None


def test_required_literals_declines_what_it_cannot_read():
    for pattern in (r"\d+", r"(?i)abc", r"\p{L}+x?", r"[[:alpha:]]", r"a{e<=1}", r"(a)\1", r"x|\d"):
        assert required_literals(pattern) is None, pattern


@given(section=st.sampled_from(SECTION_NAMES), parts=edged)
def test_a_gated_pattern_never_matches_a_text_its_gate_turns_away(section, parts):
    text = "".join(parts)
    for phrase in BOOK.phrases(section):
        if not phrase.startswith("re:"):
            continue
        source = phrase[3:].strip()
        gate = required_literals(source)
        if gate is not None and regex.compile(source, PHRASE_FLAGS).search(text):
            assert any(literal in text for literal in gate), (phrase, text)


def test_notice_rule_still_finds_gated_patterns():
    result = Cleaner().explain(
        "A long enough paragraph of ordinary article text, with words, and more words.\n\n"
        "© 2024 Example Media. All rights reserved.",
        kind="text",
    )
    notices = [b for b in result.blocks if b.rule == "notice"]
    assert [b.text for b in notices] == ["© 2024 Example Media. All rights reserved."]


# -- HTML front-end ------------------------------------------------------------------------


@given(
    st.lists(st.sampled_from(["post", "Main", "nav", "share-bar", "col-md-8", "x_y"]), max_size=4)
)
def test_lower_case_tokens_are_the_names_tokens(names):
    classes = " ".join(names)
    tokens = lower_case_tokens(classes)
    if classes.lower() != classes:
        assert tokens is None
    else:
        assert tokens == [t for name in classes.split() for t in name_tokens(name)]


def test_one_query_finds_the_paragraphs_and_markers_two_queries_find():
    html = (
        "<body><main><article><p>One</p><p>Two</p></article>"
        "<div role=main><p>Three</p></div></main><p>Four</p></body>"
    )
    body = LexborHTMLParser(html).body
    paragraphs, marked = paragraphs_and_markers(body)
    assert [p.mem_id for p in paragraphs] == [p.mem_id for p in body.css("p")]
    assert [m.mem_id for m in marked] == [m.mem_id for m in body.css(MARKER_SELECTOR)]
    assert [m.tag for m in marked] == ["main", "article", "div"]


def test_a_paragraph_marked_as_the_article_body_is_still_a_marker():
    html = "<body><div><p itemprop=articleBody>Text</p><p role=main>More</p></div></body>"
    body = LexborHTMLParser(html).body
    paragraphs, marked = paragraphs_and_markers(body)
    assert [p.mem_id for p in paragraphs] == [p.mem_id for p in body.css("p")]
    assert [m.mem_id for m in marked] == [m.mem_id for m in body.css(MARKER_SELECTOR)]
    assert len(PruneGuard(body, marked, Config()).protected) > 0


def test_a_tree_plan_gives_the_blocks_a_rule_list_gives():
    html = (
        "<html><body><nav class=menu><a href=/>Home</a></nav><div class=share-bar>Share</div>"
        "<article><h1>Title</h1><p>" + "Some ordinary words of an article body. " * 8 + "</p>"
        "<p>" + "Another paragraph with enough words in it. " * 6 + "</p></article>"
        "<footer>Footer</footer></body></html>"
    )
    rules = Cleaner().rules

    def shape(blocks):
        return [(b.text, b.removal, b.path, b.pruned) for b in blocks]

    assert shape(html_to_blocks(html, TreePlan(rules))) == shape(html_to_blocks(html, rules))


# -- features ------------------------------------------------------------------------------


def test_the_separator_table_splits_words_as_its_definition_says():
    separators = regex.compile(r"[\p{P}\p{S}\p{C}\p{Z}]")
    for c in map(chr, [*range(0, 0x3000), *range(0x1F000, 0x1FB00)]):
        assert (_TO_SPACE[ord(c)] == " ") == bool(separators.match(c)), hex(ord(c))
    # Past the table (the planes above the emoji) characters are word characters.
    assert words_of("a\U00020000b \U0001d11ex") == ["a\U00020000b", "\U0001d11ex"]
    assert words_of("naïve café—“quoted” 😀 emoji") == ["naïve", "café", "quoted", "emoji"]


@given(
    st.text(
        alphabet=st.characters(codec="utf-8") | st.sampled_from(" \u00a0\u2028é—“😀"), max_size=60
    )
)
def test_words_of_any_text_are_its_runs_of_word_characters(text: str) -> None:
    # The byte-table path taken for a mostly ASCII text finds the words the table does.
    assert words_of(text) == text.translate(_TO_SPACE).split()


def test_a_rule_for_a_page_asks_only_about_the_literals_the_page_holds():
    from cleaner.blocks import Block
    from cleaner.features import compute_features
    from cleaner.rules import Document

    config = Config()
    blocks = [Block(index=0, text="© 2024 Example Media"), Block(index=1, text="Plain words")]
    compute_features(blocks, BOOK.stopwords, config)
    doc = Document(blocks, config)
    assert doc.present(("©", "cookies", "(c)")) == ("©",)
    notice = next(r for r in Cleaner().rules_for("text") if r.name == "notice")
    assert "(c)" in notice.pattern_gate and "©" in notice.pattern_gate
    page_rule = notice.for_page(doc)
    assert page_rule.pattern_gate == ("©",) and "(c)" in notice.pattern_gate  # a copy
    assert page_rule.reason_for(blocks[0], doc) == notice.reason_for(blocks[0], doc)
    assert page_rule.reason_for(blocks[0], doc) and not page_rule.reason_for(blocks[1], doc)
    # The rule itself, asked about a line from elsewhere, still tries every literal
    # (found by the gated patterns, not the literal phrases).
    elsewhere = Block(index=1, text="(c) 2023 Example Media")
    compute_features([elsewhere], BOOK.stopwords, config)
    assert notice.literal.search(elsewhere.features.folded) is None
    assert notice.reason_for(elsewhere, doc)
    # A page holding none of the literals has no pattern to search.
    plain = Document(blocks[1:], config)
    assert notice.for_page(plain).patterns is None and notice.patterns is not None


def test_a_rule_for_a_page_asks_about_the_literals_of_the_blocks_it_may_match():
    # A literal held only by a block longer than the rule's word bound is not on the
    # page for that rule: it matches no such block. Each bound joins its own text.
    from cleaner.blocks import Block
    from cleaner.features import compute_features
    from cleaner.rules import Document

    config = Config()
    long = "We use cookies " + "and many other words " * 20
    blocks = [Block(index=0, text="© 2024 Example Media"), Block(index=1, text=long)]
    compute_features(blocks, BOOK.stopwords, config)
    doc = Document(blocks, config)
    words = blocks[1].features.n_words
    assert doc.present(("©", "cookies"), words - 1) == ("©",)
    assert doc.present(("©", "cookies"), words) == ("©", "cookies")
    assert doc.present(("©", "cookies")) == ("©", "cookies")
    notice = next(r for r in Cleaner().rules_for("text") if r.name == "notice")
    assert notice.max_words < words and notice.reason_for(blocks[1], doc) is None
    assert "cookies" not in (notice.for_page(doc).pattern_gate or ())


@pytest.mark.parametrize("lines", [3, 2000])
def test_present_in_one_piece_or_many_finds_what_the_page_holds(lines: int) -> None:
    # A short page is joined at once; a long one (past PRESENT_PIECE_CHARS) in pieces of
    # whole blocks. Either way: the literals some block holds, in the asked order.
    from cleaner.rules import Document
    from cleaner.rules.base import PRESENT_PIECE_CHARS

    config = Config()
    texts = [f"Line {i} of plain words and more plain words." for i in range(lines)]
    texts[0], texts[-1] = "© 2024 Example Media", "We use cookies"
    blocks = [Block(index=i, text=t) for i, t in enumerate(texts)]
    compute_features(blocks, BOOK.stopwords, config)
    assert (sum(map(len, texts)) > PRESENT_PIECE_CHARS) == (lines > 3)
    asked = ("cookies", "newsletter", "©", "line 1 of")
    expected = tuple(x for x in asked if any(x in b.features.folded for b in blocks))
    assert expected == ("cookies", "©", "line 1 of")
    assert Document(blocks, config).present(asked) == expected
