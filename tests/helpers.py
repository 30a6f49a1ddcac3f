"""Small page builders shared by the rule tests."""

from __future__ import annotations

from cleaner import Cleaner, Result

PROSE = (
    "The council voted on Tuesday to extend the clinic program for another year, after a "
    "long debate in which members weighed its cost against the families it has helped.",
    "Supporters said the money had been well spent and pointed to a report that found "
    "waiting times at the city's clinics had fallen by almost a third since it began.",
    "Critics, however, argued that the figures were too early to judge and that the "
    "council should have asked for an independent review before committing more funds.",
    "The mayor said she would publish the full accounts in the spring so that residents "
    "could see for themselves where every part of the budget had gone during the year.",
)


def page(*middle: str, before: int = 2, after: int = 2) -> str:
    """Lines in the middle of an article: prose paragraphs around them, blank lines between."""
    lines = [*PROSE[:before], *middle, *PROSE[len(PROSE) - after :]]
    return "\n\n".join(lines)


def explain(text: str, cleaner: Cleaner | None = None) -> Result:
    return (cleaner or Cleaner()).explain(text, kind="text")


def decision(result: Result, text: str):
    """The decision for the block whose text is exactly ``text`` (the first one)."""
    for block in result.blocks:
        if block.text == text:
            return block
    raise AssertionError(f"no block {text!r}")


def removed_by(result: Result, text: str) -> str | None:
    return decision(result, text).rule
