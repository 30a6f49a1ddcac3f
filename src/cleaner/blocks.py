"""The block model shared by every front-end, rule and renderer.

A page becomes a list of ``Block`` objects, one per paragraph-like unit, in page order.
Front-ends fill in the text and what they know about its markup; ``features.py`` adds
the text features; rules only ever set ``removal``. The text itself is never changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


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


@dataclass(frozen=True, slots=True)
class Mark:
    """One end of an inline span in a block's text, or an image, at offset ``at``.

    ``kind`` is ``"link"``, ``"emphasis"``, ``"strong"``, ``"code"`` or ``"image"``. A
    span is two marks (``opening`` true, then false) sharing ``pair``; a span crossing a
    line break is closed at the line's end and opened again on the next line. A mark
    sits between two words of the text: ``at`` is the offset where the word before it
    ends (0 before the first word). A link carries its address as the page wrote it
    (``target``, on both ends); an image its ``target`` (src) and ``alt``.
    """

    at: int
    kind: str
    opening: bool = True
    pair: int = 0
    target: str = ""
    alt: str = ""


@dataclass(frozen=True, slots=True)
class Markup:
    """What the page's markup says about a block beyond its text: what the Markdown
    renderer reads. Recorded by the HTML front-end when asked (``markup=True``).

    Identities (``list_item``, ``list_id``, ``quote_id``) are small numbers unique within
    the page, 0 for none: two blocks of one list item share ``list_item``.
    """

    #: The inline marks in text order; None when not recorded (not asked for, or the
    #: page's markup for this text is not known exactly): the text is then written
    #: without inline markup.
    marks: tuple[Mark, ...] | None = None
    #: Offsets where a word of the text continues from another element without white
    #: space (``foo<b>bar</b>``): words are escaped piecewise there, as they are walked.
    cuts: tuple[int, ...] = ()
    #: The enclosing list item, its list and the list's first number (``<ol start>``).
    list_item: int = 0
    list_id: int = 0
    list_start: int = 1
    #: Block quote nesting and the innermost quote.
    quote_level: int = 0
    quote_id: int = 0
    #: A code block's language (``class="language-python"``).
    code_language: str = ""
    #: A data table's cells on a grid: a spanning cell fills the cells it covers with "".
    grid: tuple[tuple[str, ...], ...] = ()
    #: How many of the grid's first rows are header rows (``<thead>`` or all ``<th>``).
    header_rows: int = 0


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
    path: str = ""
    link_density: float = 0.0
    # True when blank space separated this block from the previous one in the source
    # (a player and its title sit on adjacent lines, paragraphs stand apart).
    gap_before: bool = True
    features: Features = field(default_factory=Features)
    removal: Removal | None = None
    # Set by the front-end when it already knows the block is boilerplate (a pruned
    # subtree on the HTML path); rules leave such blocks alone.
    pruned: bool = False
    # HTML-only structure (zero on the text path): list nesting (1 = a top-level list)
    # and numbering.
    list_depth: int = 0
    ordered: bool = False
    # HTML-only: the index of the block's element in ``Document.elements`` (0: the body;
    # for a pruned subtree, the element holding it); 0 on the text path.
    element: int = 0
    # HTML-only, recorded when the front-end is asked for it: what renderers need of
    # the page's markup. None on the text path.
    markup: Markup | None = None

    @property
    def kept(self) -> bool:
        return self.removal is None

    def remove(self, rule: str, family: str, reason: str) -> bool:
        """Mark the block removed unless an earlier rule already did; True if marked now."""
        if self.removal is not None:
            return False
        self.removal = Removal(rule, family, reason)
        return True
