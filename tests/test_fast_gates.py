"""The gates that spare the text path its pattern matches never change a decision.

Each line rule's ``words_bound`` is no lower than the word counts its ``reason_for``
accepts (a run of line rules skips it past that); the openings a ``LineMatcher`` keeps
cover every phrase; ``openings`` cover every match of a ``^\\W*`` alternation;
and what the gates read of a line's first character means what they take it to mean.
Each gate is also shown to be consulted: set wrong, a test above it fails.
"""

from __future__ import annotations

import copy
import dataclasses

import pytest
import regex
from helpers import explain, page, removed_by
from hypothesis import given
from hypothesis import strategies as st

import cleaner.config
from cleaner import Cleaner
from cleaner.blocks import Block
from cleaner.features import compute_features, words_of
from cleaner.phrases import PhraseBook, alternation
from cleaner.phrases.compile import OPENING_CHARS, PHRASE_FLAGS, line_matcher, whole_line_pattern
from cleaner.phrases.openings import Openings, openings, pattern_openings
from cleaner.rules.base import Document, LineRule
from cleaner.rules.media import PlayerTimeline
from cleaner.rules.runs import WORDS_BOUND_TIERS, LineRuleRun
from cleaner.rules.trailers import _is_author_heading

BOOK = PhraseBook(cleaner.config.SHIPPED_LANGUAGES)
CLEANER = Cleaner()
#: A line each text line rule removes (every such rule needs one here).
FIRING = {
    "accessibility_link": "Skip to main content",
    "media_stub": "Your browser does not support the video tag.",
    "player_timeline": "0:00 0:03:18 0:00",
    "media_label": "Image caption The mayor at the council meeting",
    "chrome_phrase": "Load more",
    "related_link": "Read also: Parliament Votes On The Budget",
    "share_bar": "Share Facebook Twitter Email",
    "counter": "12K views",
    "breadcrumb": "Home > News > World",
    "notice": "We use cookies to improve your experience on our site.",
    "mail_offer": "Get our free daily email",
    "consent_notice": "We use cookies to improve your experience.",
    "gallery_counter": "Image 3 of 12",
    "caption_credit": "The mayor at the council meeting. (AP Photo/Jane Doe)",
}


def _line_rules() -> list[LineRule]:
    return [r for r in CLEANER.rules_for("text") if isinstance(r, LineRule)]


def _judged(text: str) -> tuple[Block, Document]:
    block = Block(index=0, text=text)
    doc = Document([block], CLEANER.config, kind="text")
    CLEANER._compute_features(doc, None)
    return block, doc


# -- words_bound ---------------------------------------------------------------------


def test_every_text_line_rule_has_a_firing_line_and_declares_a_bound() -> None:
    names = {r.name for r in _line_rules()}
    assert names == set(FIRING)
    assert all(r.words_bound is not None for r in _line_rules())


@pytest.mark.parametrize("rule", _line_rules(), ids=lambda r: r.name)
def test_a_rule_fires_on_its_line_and_on_no_line_of_more_words_than_its_bound(rule) -> None:
    block, doc = _judged(FIRING[rule.name])
    ask = rule.for_page(doc).reason_for
    assert ask(block, doc), rule.name
    if isinstance(rule, PlayerTimeline):
        return  # bounded by characters (next test)
    # The same line, said to hold one word more than the bound: turned away by the
    # rule itself, so a run that skips the rule there loses nothing.
    f = block.features
    block.features = dataclasses.replace(f, n_words=rule.words_bound + 1)
    assert not ask(block, doc), rule.name
    block.features = dataclasses.replace(f, n_words=rule.words_bound)
    assert ask(block, doc), rule.name  # (the bound is the rule's own, not lower)


@given(st.text(st.sampled_from("a1 :/-é\u00a0\t"), max_size=PlayerTimeline.max_chars.default))
def test_a_timeline_line_holds_no_more_words_than_player_timeline_bound(text: str) -> None:
    rule = next(r for r in _line_rules() if isinstance(r, PlayerTimeline))
    block = Block(index=0, text=text)
    compute_features([block], BOOK.stopwords, CLEANER.config)
    assert block.features.n_words <= rule.words_bound


def test_a_run_asks_each_rule_only_up_to_its_bound() -> None:
    rules = tuple(_line_rules()[:3])
    run = LineRuleRun(rules)
    groups = [run._groups[i] for i in range(len(run._groups))]
    tiers = run._tiers(groups)
    assert len(tiers) == WORDS_BOUND_TIERS + 2
    for n, tier in enumerate(tiers):
        expected = tuple(i for i, r in enumerate(rules) if r.words_bound >= n)
        assert tier == expected, n


class _TooLow(LineRule):
    name, family = "too_low", "test"

    words_bound = 1

    def reason_for(self, block, doc):
        return "two words" if block.features.n_words == 2 else None


def test_a_bound_set_too_low_loses_a_removal() -> None:
    # The gate is consulted: a rule declaring too low a bound is not asked.
    rule = _TooLow(CLEANER.config, BOOK).for_kind("text")
    honest = copy.copy(rule)
    honest.words_bound = None
    for asked, removed in ((rule, False), (honest, True)):
        block, doc = _judged("two words")
        LineRuleRun((asked,)).apply(doc)
        assert (block.removal is not None) is removed


# -- opening gates -------------------------------------------------------------------


SECTIONS = ["accessibility", "media_stub", "chrome", "trailer_heading", "comments_heading"]


@pytest.mark.parametrize("section", SECTIONS)
def test_line_matcher_openings_cover_every_literal_phrase(section: str) -> None:
    matcher = line_matcher(BOOK.phrases(section))
    for phrase in BOOK.phrases(section):
        if phrase.startswith("re:"):
            continue
        folded = " ".join(phrase.casefold().split())
        first = regex.search(r"[^\W\d_]", folded)
        if first is None or first.start() > 0:
            continue  # opens with an edge character: the edged pattern's
        _, openings, short = matcher._by_first[folded[0]]
        assert openings is None or folded[:OPENING_CHARS] in openings or folded.startswith(short), (
            phrase
        )
        assert matcher.match(folded), phrase


def test_line_matcher_without_the_openings_of_a_letter_turns_its_phrases_away() -> None:
    matcher = line_matcher(["Load more", "Log in"])
    assert matcher.match("load more") and matcher.match("» log in")
    pattern, openings, short = matcher._by_first["l"]
    assert openings == {"loa", "log"} and short == ()
    matcher._by_first["l"] = (pattern, frozenset(), ())
    assert not matcher.match("load more") and not matcher.match("» log in")


def test_line_matcher_gates_a_pattern_by_the_openings_of_its_choices() -> None:
    # (A choice holding a group: the pattern cannot join the trie; its choices' openings
    # still gate the letters it opens with.)
    matcher = line_matcher(["re:(impressum|daten(schutz)?)(\\s*[|/]\\s*(impressum|daten))+"])
    for letter in ("d", "i"):
        _, openings, short = matcher._by_first[letter]
        assert openings == {"dat", "imp"} and short == (), letter
    assert matcher.match("impressum | daten") and matcher.match("datenschutz / impressum")
    assert not matcher.match("dateline | impressum")  # turned away by its opening
    assert matcher._by_first["b"][0] is None  # no phrase opens with 'b'
    pattern, _, _ = matcher._by_first["i"]
    matcher._by_first["i"] = (pattern, frozenset({"dat"}), ())  # set wrong: a miss
    assert not matcher.match("impressum | daten")


def test_line_matcher_gives_an_unknown_opening_no_gate() -> None:
    # (A set opens the pattern: its openings are not plainly seen.)
    matcher = line_matcher(["re:[di]mpressum(\\s*[|/]\\s*daten)+"])
    for letter in ("d", "i"):
        _, openings, _ = matcher._by_first[letter]
        assert openings is None, letter
    assert matcher.match("impressum | daten") and matcher.match("dmpressum / daten")


@pytest.mark.parametrize(
    ("pattern", "found"),
    [
        ("(impressum|datenschutz(erklärung)?|agb)(\\s*[|]\\s*agb)+", {"imp", "dat", "agb"}),
        ("(?:x\\.y|zz)\\s*:", {"x.y", "zz"}),
        ("(ab|c)d", {"ab", "c"}),
        ("(сначала\\s+(новые|старые)\\s*)+", {"сна"}),
        ("foo\\ bar", {"foo"}),
        ("fo?o", {"f"}),
    ],
)
def test_pattern_openings(pattern, found) -> None:
    assert pattern_openings(pattern) == frozenset(found)


@pytest.mark.parametrize(
    "pattern",
    [
        "(ab)?c",
        "(sa|sb)*x",
        "(?=a)b",
        "(?i:ab)",
        "a|b",
        "(a|b)c|d",
        "\\bfoo",
        "[ab]c",
        "(a|)b",
        "(a)\\1",
    ],
)
def test_pattern_openings_not_known(pattern) -> None:
    assert pattern_openings(pattern) is None


# Words of the sections' ``re:`` phrases (whose openings the choices now give), and the
# separators between them: lines that match those patterns, or nearly.
_RE_WORDS = sorted(
    {
        w
        for s in SECTIONS
        for p in BOOK.phrases(s)
        if p.startswith("re:")
        for w in regex.findall(r"[^\W\d_]{2,}", p[3:].casefold())
    }
    | {"|", "·", "/", ":", "•", "1", "»"}
)


@given(
    section=st.sampled_from(SECTIONS),
    words=st.lists(st.sampled_from(_RE_WORDS), min_size=1, max_size=4),
    sep=st.sampled_from([" ", " | ", ""]),
)
def test_line_matcher_matches_what_the_alternation_matches_on_re_phrase_words(
    section, words, sep
) -> None:
    text = sep.join(words)
    plain = whole_line_pattern(BOOK.pattern(section))
    assert bool(line_matcher(BOOK.phrases(section)).match(text)) == bool(plain.match(text))


@pytest.mark.parametrize(
    ("phrases", "full", "short"),
    [
        (["Image caption", "photo:", "re:crédits?\\s*:"], {"ima", "pho", "cré"}, ()),
        (["re:(?:das|dieses) (?:archiv)?(?:bild|foto) zeigt\\b"], {"das", "die"}, ()),
        (["re:(last )?updated", "Go back"], {"las", "upd"}, ("go",)),
        (["re:file photo\\s*[:-]", "© 2024", "re:x\\s*:"], {"fil"}, ("x", "©")),
    ],
)
def test_openings(phrases, full, short) -> None:
    found = openings(phrases)
    assert (found.full, found.short) == (frozenset(full), short)


@pytest.mark.parametrize("phrases", [["re:[ab]c"], ["re:a?b"], ["re:x|y"], ["re:\\w+ photo"]])
def test_openings_not_known(phrases) -> None:
    assert openings(phrases) is None


def test_openings_admit_a_line_opening_as_a_phrase_does_or_not_with_a_letter() -> None:
    found = openings(["Image caption", "re:x\\s*:"])
    assert found.admits("image caption a man") and found.admits("x: y")
    assert found.admits("• imagine") and found.admits("") and found.admits("12 images")
    assert not found.admits("imprint") and not found.admits("caption")


_ANCHORED = ["media_label", "caption_lead", "counter_nouns", "gallery_nouns"]
_WORDS = sorted({w.casefold() for s in _ANCHORED for p in BOOK.phrases(s) for w in p.split()})


@pytest.mark.parametrize("section", ["media_label", "caption_lead"])
@given(words=st.lists(st.sampled_from([*_WORDS, "x", "de", "the", ":", "—"]), max_size=4))
def test_a_line_a_section_matches_is_admitted_by_its_openings(section, words) -> None:
    text = " ".join(words)
    found = openings(BOOK.phrases(section))
    pattern = regex.compile(rf"^\W*{alternation(BOOK.phrases(section))}", PHRASE_FLAGS)
    if pattern.match(text):
        assert found is not None and found.admits(text)


def test_the_section_gates_turn_lines_away() -> None:
    # media_label and caption_credit's lead know their openings; a line opening
    # otherwise is kept, one opening with theirs goes.
    assert openings(BOOK.phrases("media_label")) is not None
    assert openings(BOOK.phrases("caption_lead")) is not None
    result = explain(page("Image caption The mayor at the council", "Imagine caption The mayor"))
    assert removed_by(result, "Image caption The mayor at the council") == "media_label"
    assert removed_by(result, "Imagine caption The mayor") is None


def test_a_first_letter_is_a_word_character_and_no_digit() -> None:
    # The gates read 'first.isalpha()' as: ^\W* matches nothing there, and no number
    # (\d) or bare run of [\W\d_] opens there; casefolding keeps a letter a letter.
    letters = "".join(c for c in map(chr, range(0x30000)) if c.isalpha())
    assert regex.fullmatch(r"[^\W\d_]*", letters, PHRASE_FLAGS)
    folded_letters = "".join(
        c for c in map(chr, range(0x30000)) if c.casefold()[:1].isalpha() and c.isprintable()
    )
    assert regex.fullmatch(r"[^\W\d_]*", folded_letters, PHRASE_FLAGS)


def test_a_piece_of_letters_and_digits_is_one_word() -> None:
    # features._words_mostly_ascii keeps an isalnum piece whole: no character of it is
    # a separator of the table (which turns P, S, C and Z characters into spaces).
    alnum = "".join(c for c in map(chr, range(0x30000)) if c.isalnum())
    assert words_of(alnum + " x") == [alnum, "x"]
    assert words_of("café—naïve über") == ["café", "naïve", "über"]


def test_the_author_heading_gate_admits_every_lead_and_is_consulted() -> None:
    rule = next(r for r in CLEANER.rules_for("text") if r.name == "trailer_zone")
    assert rule.author_opens is not None

    def is_author(block: Block, opens: Openings | None) -> bool:
        return _is_author_heading(rule.author_lead, opens, rule.max_author_name_words, block)

    for lead in BOOK.phrases("author_heading"):
        block, _ = _judged(f"{lead} Jane Doe")
        assert is_author(block, rule.author_opens), lead
    block, _ = _judged("About Jane Doe")
    assert not is_author(_judged("Abound Jane Doe")[0], rule.author_opens)
    wrong = openings(["Abroad"])  # set wrong: the heading is missed
    assert is_author(block, rule.author_opens) and not is_author(block, wrong)
