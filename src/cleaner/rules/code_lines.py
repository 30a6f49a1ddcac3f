"""How a code block's lines read in a text dump, for the rules that must not take them
for chrome."""

from __future__ import annotations

__all__ = ["BRACES", "bare_line"]

#: A line of a code block's braces alone, with its closing brackets ('}', '});', '{'):
#: no letter, yet no counter or separator. (A pattern for a lookahead: no anchors.)
BRACES = r"\s*[()\[\];]*[{}][{}()\[\];\s]*$"


def bare_line(max_chars: int) -> str:
    """The pattern of a line of at most ``max_chars`` numbers and symbols, no letter
    ('1 2 3 … 10', '12/03', '»'), that is not a code block's braces ('}', '});')."""
    return rf"^(?!{BRACES})[\W\d_]{{1,{max_chars}}}$"
