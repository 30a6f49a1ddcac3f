"""A whole-line phrase rule's gate asks its ``re:`` phrases' lines for their literals.

``WholeLinePhraseRule.line_gate`` admits a line for the rule's patterns when it opens
as one of them opens and holds text every match of them holds (``patterns_gate``):
their openings alone ('the', 'you') admit many lines of prose. (That the gates admit
every line their rules remove is tests/test_line_gates.py's.)
"""

from __future__ import annotations

from test_line_gates import RULES, _document

from cleaner.rules import gates


def _rule(name: str):
    return next(r for r in RULES if r.name == name)


def test_the_patterns_alternative_needs_their_literals() -> None:
    rule = _rule("media_stub")
    assert all(literals for _, literals in rule.pattern_gates)  # (all hold literal text)
    alternatives = [alt for alt in rule.line_gate() if gates.FOLDED_HOLDS in dict(alt)]
    assert any(dict(alt).get(gates.OPENS) for alt in alternatives)


def test_a_line_opening_as_a_pattern_without_its_literals_is_turned_away() -> None:
    rule = _rule("media_stub")
    gate = rule.line_gate()
    openings_only = tuple(
        tuple(need for need in alt if need[0] != gates.FOLDED_HOLDS) for alt in gate
    )
    # A date and a menu entry open as some player pattern opens ('19 ...', 'con'), and
    # hold none of the patterns' literals; a player's prompt holds one.
    doc = _document(["19 November 2019", "Contact BBC News", "Click to play the video"])
    *others, prompt = doc.blocks
    for block in others:
        assert gates.admits(openings_only, block) and not gates.admits(gate, block)
    assert gates.admits(gate, prompt)
