"""The trailer zone's heading gate (``trailer_heads.HeadingGate``) never changes a decision.

Where the compiled walk is used, ``trailer_zone`` asks its heading matchers only about
the blocks its gate admits (one compiled pass a page); the gate must admit every line
one of them matches, and the rule must cut the same lines on both paths.
"""

from __future__ import annotations

import pytest
from helpers import PROSE, needs_extension, page
from test_line_gates import LINES, _document

from cleaner import Cleaner
from cleaner.frontends.html import compiled
from cleaner.frontends.text import text_to_blocks
from cleaner.rules import gates
from cleaner.rules.base import Document
from cleaner.rules.trailer_heads import HeadingGate
from cleaner.rules.trailers import TrailerZone, _is_author_heading

CLEANER = Cleaner()
RULES = {
    kind: next(r for r in CLEANER.rules_for(kind) if r.name == "trailer_zone")
    for kind in ("text", "html")
}
HEADINGS = ["Related articles", "Comments", "Leave a reply", "You may also like", "About Jane Doe"]
#: Headings of the ``re:`` phrases (the literal ones are all in ``LINES``).
PATTERN_HEADINGS = [
    "34 Comments",
    "Comments (3)",
    "Top rated comments",
    "View all 5 comments",
    "12 responses to “A title”",
    "Kommentare (2)",
    "3 Kommentare zu „Ein Titel“",
    "Комментарии (4)",
    "7 réponses à « Un titre »",
]


def _matched(rule: TrailerZone, doc: Document) -> list[str]:
    """The lines one of the rule's heading matchers, or its author lead, takes."""
    found = []
    matchers = [m for m in (rule.trailer, *(m for _, m in rule.strong)) if m is not None]
    for block in doc.blocks:
        folded = block.features.folded
        if any(m.match(folded) for m in matchers) or _is_author_heading(
            rule.author_lead, rule.author_opens, rule.max_author_name_words, block
        ):
            found.append(block.text)
    return found


@pytest.mark.parametrize("kind", ["text", "html"])
def test_the_heading_gate_admits_every_heading(kind: str) -> None:
    rule = RULES[kind]
    doc = _document([*LINES, *HEADINGS])
    matched = _matched(rule, doc)
    assert {"Related articles", "About Jane Doe"} <= set(matched)  # (the test sees headings)
    gate = rule.heads.gate
    turned_away = [b.text for b in doc.blocks if b.text in matched and not gates.admits(gate, b)]
    assert turned_away == []


def test_the_heading_gate_turns_other_openings_away() -> None:
    # (What it is for: a line opening as no heading phrase opens is asked nothing.)
    doc = _document([PROSE[1], "Zebra crossing", "Quarterly results"])
    assert not any(gates.admits(RULES["text"].heads.gate, b) for b in doc.blocks)


def test_a_matchers_gate_asks_for_its_phrases_text() -> None:
    # Lines opening as comment headings do ('co', a number) but holding no text every
    # one of them holds are asked nothing (most of a page's short lines).
    rule = RULES["text"]
    comments = rule.heads.gates[0]
    doc = _document(["Contact us", "Customer service", "10 places to travel", "34 Comments"])
    assert [gates.admits(comments, b) for b in doc.blocks] == [False, False, False, True]


def _cuts(text: str, path: str) -> list[bool]:
    with compiled.forced(path):
        return [b.kept for b in CLEANER.explain(text, kind="text").blocks]


@needs_extension
@pytest.mark.parametrize("heading", HEADINGS)
def test_both_paths_cut_at_the_same_heading(heading: str) -> None:
    text = page(heading, "Other story one", "Other story two", before=4, after=0)
    kept = _cuts(text, "compiled")
    assert kept == _cuts(text, "python")
    assert not all(kept)  # (the heading cuts)


@needs_extension
def test_the_heading_gate_is_consulted() -> None:
    class Shut(HeadingGate):
        def __init__(self, rule: TrailerZone) -> None:
            super().__init__(rule)
            self.gates = tuple(gates.NEVER for _ in self.gates)

    text = page("Related articles", "Other story one", before=4, after=0)
    for shut, cut in ((False, True), (True, False)):
        rule = TrailerZone(CLEANER.config, CLEANER._phrases).for_kind("text")
        if shut:
            rule.heads = Shut(rule)
        doc = _document([b.text for b in text_to_blocks(text)])
        with compiled.forced("compiled"):
            rule.apply(doc)
        assert any(b.removal is not None for b in doc.blocks) is cut


@pytest.mark.parametrize("kind", ["text", "html"])
def test_each_matchers_gate_admits_its_headings(kind: str) -> None:
    # (The rule asks a matcher only about the blocks its own gate admits.)
    rule = RULES[kind]
    doc = _document([*LINES, *HEADINGS, *PATTERN_HEADINGS])
    own = [
        *(m.match for _, m in rule.strong),
        rule.trailer.match if rule.trailer is not None else lambda _: None,
    ]
    for gate, match in zip(rule.heads.gates, own, strict=False):
        missed = [b for b in doc.blocks if match(b.features.folded) and not gates.admits(gate, b)]
        assert missed == []
    author = rule.heads.gates[len(own)]
    lead, opens, most = rule.author_lead, rule.author_opens, rule.max_author_name_words
    for block in doc.blocks:
        if _is_author_heading(lead, opens, most, block):
            assert gates.admits(author, block)
