"""The block model shared by every front-end, rule and renderer.

A page becomes a list of ``Block`` objects, one per paragraph-like unit, in page order.
Front-ends fill in the text and what they know about its markup; ``features.py`` adds
the text features; rules only ever set ``removal``. The text itself is never changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class BlockKind(str, Enum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST_ITEM = "list_item"
    QUOTE = "quote"
    TABLE = "table"
    CODE = "code"
    CAPTION = "caption"


@dataclass(frozen=True, slots=True)
class Removal:
    """Why a block was removed: the rule's name, its family and a sentence for people."""

    rule: str
    family: str
    reason: str


@dataclass(slots=True)
class Features:
    """Text features of one block, computed once per document by ``features.py``."""

    n_chars: int = 0
    n_words: int = 0
    # Words for alphabetic scripts; for scripts written without spaces (CJK, Thai) a
    # word-equivalent count derived from the number of characters.
    n_tokens: int = 0
    ends_sentence: bool = False
    #: Share of the characters that belong to words (letters, digits, marks).
    letter_ratio: float = 0.0
    #: Share of the characters that are ASCII digits.
    digit_ratio: float = 0.0
    #: Share of the words (of the first ``Config.title_opening_words``) that start with
    #: a capital letter.
    title_ratio: float = 0.0
    #: Share of the words that are stop words of the page's language (0 if unknown).
    stopword_ratio: float = 0.0
    #: Capitalised words opening the block (see ``features._capitalised_prefix``).
    headline_prefix: int = 0
    #: ``text.casefold()``: what phrase patterns are matched against.
    folded: str = ""
    #: The casefolded words of the block (letters, digits and marks).
    tokens: tuple[str, ...] = ()
    # Casefolded text with whitespace and punctuation folded: the key for duplicates.
    key: str = ""
    # How many blocks of the page share ``key`` (1 = unique).
    repeats: int = 1


@dataclass(slots=True)
class Block:
    """One paragraph-like unit of a page."""

    index: int
    text: str
    kind: BlockKind = BlockKind.PARAGRAPH
    heading_level: int = 0
    # HTML-only context; empty or zero on the text path.
    tag: str = ""
    path: str = ""
    hints: str = ""
    link_density: float = 0.0
    # True when blank space separated this block from the previous one in the source
    # (a player and its title sit on adjacent lines, paragraphs stand apart).
    gap_before: bool = True
    features: Features = field(default_factory=Features)
    removal: Removal | None = None
    # Set by the front-end when it already knows the block is boilerplate (a pruned
    # subtree on the HTML path); rules leave such blocks alone.
    pruned: bool = False
    # HTML-only structure (zero or empty on the text path): depth of the block's element
    # in the page, list nesting (1 = a top-level list) and numbering, a data table's cells.
    depth: int = 0
    list_depth: int = 0
    ordered: bool = False
    rows: tuple[tuple[str, ...], ...] = ()
    # HTML-only: the index of the block's element in ``Document.elements`` (0: the body;
    # for a pruned subtree, the element holding it); 0 on the text path.
    element: int = 0
    # HTML-only: the element the block's text came from (for the Markdown renderer's
    # links, emphasis, table spans and list grouping); None on the text path.
    node: Any = None

    @property
    def kept(self) -> bool:
        return self.removal is None

    def remove(self, rule: str, family: str, reason: str) -> bool:
        """Mark the block removed unless an earlier rule already did; True if marked now."""
        if self.removal is not None:
            return False
        self.removal = Removal(rule, family, reason)
        return True
