"""Link text that is the article's own: a sentence set in the text, however much of it
links (``html.LinkDense``)."""

from __future__ import annotations

from ..blocks import Block

#: Full stops (Latin, CJK, fullwidth), and what may follow one at a block's end.
_STOPS = frozenset(".\u3002\uff0e")
_CLOSING = "\"'\u201d\u2019\u00bb)]}\u203a \t\r\n\u00a0"


def full_stop(text: str) -> bool:
    """Whether ``text`` ends in a full stop (closing quotes and brackets passed over),
    not in an ellipsis: a statement, not a question, an exclamation or a cut headline."""
    end = text.rstrip(_CLOSING)
    before = end[:-1]  # (an ellipsis is a second stop before the last)
    return end[-1:] in _STOPS and before[-1:] not in _STOPS


def text_bounds(blocks: list[Block], dense: float) -> tuple[int, int]:
    """The positions of the first and the last block left that is not link text
    (-1 and -1 when there is none)."""
    text = [
        j
        for j, b in enumerate(blocks)
        if b.removal is None and not b.pruned and b.link_density < dense
    ]
    return (text[0], text[-1]) if text else (-1, -1)
