"""What kind of page this is: an article, a forum thread, a product, documentation, a
listing, a gallery, a service page, or unknown.

The guess reads what the page declares about itself (JSON-LD ``@type``, ``og:type``,
microdata ``itemtype``; read from the tree before the walk drops scripts, see
``declared_types``) and the shape of its blocks: repeated sibling items holding most of
the page's text (posts with prose and an author or a time: a thread; items with a
linked title and a short teaser: a listing, also in several groups, a section front's
rows of cards and lists of headlines, see ``page_rows``), figure captions making most of
the text (a gallery), code blocks (documentation), a price beside a specification table
(a product), headed sections of short prose (a service or landing page). Never a site's
name or address.

The guess is what ``Result.page_type`` and the JSON output report, and what the rules
keeping a page's main content read (``doc.notes[PAGE_TYPE]``, and the repeated items'
parent element, ``doc.notes[ITEMS]``). It is a label, it removes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, partial
from itertools import pairwise
from typing import TYPE_CHECKING, ClassVar

from ..blocks import Block, BlockKind
from ..spaces import words_up_to
from .base import Document, Rule
from .declared import declared_types
from .page_items import (
    at_least,
    authored_item,
    blocks_by_item,
    element_chars,
    item_groups,
    repeated_items,
    tag_groups,
)
from .page_rows import SectionFront
from .params import Param

if TYPE_CHECKING:
    from .tree import Elements

__all__ = [
    "ITEMS",
    "PAGE_TYPE",
    "PAGE_TYPES",
    "GuessPageType",
    "declared_types",
    "in_listing_items",
    "is_item_title",
]

#: Every value of the guess.
PAGE_TYPES = (
    "article",
    "forum",
    "product",
    "documentation",
    "listing",
    "gallery",
    "service",
    "unknown",
)
#: ``Document.notes`` keys: the declared types (set by the pipeline before the rules),
#: the guess, and the element holding the repeated items of a thread or a listing.
DECLARED = "declared_types"
PAGE_TYPE = "page_type_guess"
ITEMS = "page_items"

#: A price: a currency sign or code beside an amount. (An amount starts where no digit
#: is before it: searching a long run of digits tries one start, not each of them.)
_PRICE = re.compile(
    r"(?:[$€£¥₹]|\b(?:EUR|USD|GBP|CHF|SEK|NOK|DKK|PLN|CZK)\b)\s?\d[\d.,]*\d"
    r"|(?<![\d.,])\d[\d.,]*\s?(?:[$€£¥₹]|\b(?:EUR|USD|GBP|CHF|SEK|NOK|DKK|PLN|CZK|руб|zł|Kč)\b)"
)
#: The kinds the repeated items can show (``GuessPageType._items``). On a page declaring
#: its kind the declared kind wins, and the items (the costliest look) count only for
#: a declared thread or listing: for any other, they are not looked for.
_ITEM_SHAPES = ("forum", "listing")
#: What every price holds (``_PRICE``'s digit).
_DIGIT = re.compile(r"\d")
_SENTENCE_END = frozenset(".!?…。！？")
# Block kinds as module names: on Python 3.11 an enum member read off its class costs
# a ``__getattr__`` call (the metaclass's), ten times a global's read.
_CODE = BlockKind.CODE
_HEADING = BlockKind.HEADING
_LIST_ITEM = BlockKind.LIST_ITEM
_PARAGRAPH = BlockKind.PARAGRAPH
_TABLE = BlockKind.TABLE
#: The kinds of block a teaser is: a paragraph, or one inside a list item (a listing
#: marked up as a list).
_TEASER_KINDS = frozenset({_PARAGRAPH, _LIST_ITEM})
_CAPTION = BlockKind.CAPTION


class GuessPageType(SectionFront, Rule):
    name = "page_type"
    family = "structure"
    description = (
        "Guesses what kind of page this is (article, forum, product, documentation, "
        "listing, gallery, service, unknown) from the types it declares and the shape of "
        "its blocks; removes nothing. The rules keeping a thread's posts, a listing's "
        "teasers or a gallery's captions read the guess."
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"html"})
    uses_features: ClassVar[bool] = False

    min_items = Param(3, "Fewer repeated sibling items than this make no listing or gallery.")
    min_posts = Param(2, "Fewer posts than this make no thread.")
    items_min_share = Param(
        0.5,
        "Repeated items decide the page's kind only when they hold at least this share of "
        "the page's kept text (comments under an article hold less).",
    )
    item_share = Param(
        0.6,
        "Share of the items that must show a kind's sign (a linked title, prose and an "
        "author) for the items to be of that kind.",
    )
    max_post_share = Param(
        0.8,
        "No item holds more than this share of the items' text, nor a post of a thread "
        "more than this share of the posts' prose (an article followed by short comments "
        "is no thread).",
    )
    title_max_words = Param(16, "A linked title has at most this many words.")
    title_min_link_share = Param(0.8, "A linked title is at least this share link text.")
    teaser_min_words = Param(
        8,
        "A teaser has at least this many words of its own; a teaser that is all link "
        "text, this many words ending as a sentence.",
    )
    teaser_max_chars = Param(
        400, "A listing's teaser is shorter than this; a longer item is an article of its own."
    )
    min_captions = Param(3, "Fewer figure captions than this make no gallery.")
    captions_min_share = Param(
        0.4, "Figure captions hold at least this share of a gallery's kept text."
    )
    min_code_blocks = Param(2, "Fewer code blocks than this make no documentation page.")
    code_min_share = Param(
        0.1, "Code blocks hold at least this share of a documentation page's kept text."
    )
    spec_min_rows = Param(3, "A specification table or list has at least this many rows.")
    price_max_words = Param(6, "A price is a short block: at most this many words.")
    min_sections = Param(3, "A service page has at least this many section headings.")
    section_max_chars = Param(
        300, "A service page's paragraphs are short: none longer than this many characters."
    )
    article_min_chars = Param(
        400, "A page whose longest run of prose is shorter than this is no article."
    )

    def apply(self, doc: Document) -> None:
        kind, items = self.guess(doc, tuple(doc.notes.get(DECLARED) or ()))  # type: ignore[arg-type]
        doc.notes[PAGE_TYPE] = kind
        if items > 0 and kind in ("forum", "listing", "gallery"):
            doc.notes[ITEMS] = items

    def guess(self, doc: Document, declared: tuple[str, ...]) -> tuple[str, int]:
        """The page's kind and the element holding a thread's or a listing's items (0: none)."""
        specific = next((k for k in declared if k != "article"), None)
        blocks = [b for b in doc.blocks if b.removal is None and not b.pruned]
        total = sum(len(b.text) for b in blocks)
        photos = _made_of(blocks, total, _CAPTION, self.min_captions, self.captions_min_share)
        if declared and specific not in _ITEM_SHAPES:  # (the items could not count)
            # (A photo essay may declare an article: its captions make it a gallery still.)
            return "gallery" if photos and specific is None else specific or "article", 0
        items, shape = self._items(doc, blocks, total)
        if specific is not None:
            return specific, items if shape == specific else 0
        if shape:  # (nothing is declared from here on: a declared kind was returned)
            return shape, items
        if photos:
            return "gallery", 0
        if _made_of(blocks, total, _CODE, self.min_code_blocks, self.code_min_share):
            return "documentation", 0
        if self._product(blocks):
            return "product", 0
        longest = max((len(b.text) for b in blocks if b.kind is _PARAGRAPH), default=0)
        if longest >= self.article_min_chars:
            return "article", 0
        if self._service(blocks):
            return "service", 0
        return "unknown", 0

    # -- repeated items ---------------------------------------------------------------

    def _items(self, doc: Document, blocks: list[Block], total: int) -> tuple[int, str]:
        """The element holding the page's repeated items and what they are ("forum",
        "listing" or ""): the largest group of siblings of one tag and first class, else
        of one tag for a listing (some items marked apart: the first, every other one)."""
        el = doc.elements
        if el is None or not total:
            return 0, ""
        chars = element_chars(el, blocks)
        by_class = item_groups(el, chars)
        # An item's author signs (a query of its subtree) asked once, whichever look asks.
        authored = cache(partial(authored_item, el))
        best = repeated_items(by_class, chars, self.min_posts, self.max_post_share)
        if (found := self._shape(el, blocks, total, chars, best, authored))[1]:
            return found
        again = repeated_items(tag_groups(by_class), chars, self.min_items, self.max_post_share)
        found = self._shape(el, blocks, total, chars, again, authored) if again != best else None
        if found and found[1] == "listing":  # (``again`` as ``best``: looked at already)
            return found
        return self._rows(el, blocks, total, chars, by_class.values())

    def _shape(
        self,
        el: Elements,
        blocks: list[Block],
        total: int,
        chars: list[int],
        best: list[int],
        authored: Callable[[int], bool],
    ) -> tuple[int, str]:
        """The items ``best``'s parent element and "listing" or "forum", or (0, "")."""
        if not best or sum(chars[e] for e in best) < self.items_min_share * total:
            return 0, ""
        up = el.parent[best[0]]
        need = self.item_share * len(best)
        longest = max(chars[e] for e in best)
        # Each sign is counted only when the ones before hold, and until ``need`` show it.
        if (
            len(best) >= self.min_items
            and longest < self.teaser_max_chars
            and at_least(blocks_by_item(el, blocks, best), self._titled, need)
        ):
            return up, "listing"
        prose = [sum(el.prose[i : el.end[i]]) for i in best]
        posts = sum(p > 0 for p in prose)
        if (
            posts >= max(self.min_posts, need)
            and max(prose) <= self.max_post_share * sum(prose)
            and at_least(best, authored, need)
        ):
            return up, "forum"
        return 0, ""

    def _titled(self, blocks: list[Block]) -> bool:
        """An item opening with a linked title followed by a teaser: a sentence of its
        own text, not links, or a linked sentence (a teaser linking to its story)."""
        for n, b in enumerate(blocks):
            if b.kind in (_HEADING, _PARAGRAPH) and (
                b.link_density >= self.title_min_link_share
                and words_up_to(b.text, self.title_max_words) <= self.title_max_words
            ):
                return any(self._teaser(t) for t in blocks[n + 1 :])
        return False

    def _teaser(self, block: Block) -> bool:
        """``teaser_min_words`` words or more, of its own text (not links), or all link
        text ending as a sentence (a teaser linking to its story): a menu's or a tag
        cloud's entries are names, no sentences."""
        if block.kind not in _TEASER_KINDS:
            return False
        if words_up_to(block.text, self.teaser_min_words) < self.teaser_min_words:
            return False
        own = block.link_density < self.title_min_link_share
        return own or block.text.rstrip()[-1:] in _SENTENCE_END

    # -- the other kinds ----------------------------------------------------------------

    def _product(self, blocks: list[Block]) -> bool:
        if not _priced(blocks, self.price_max_words):
            return False
        if any(b.kind is _TABLE and b.text.count("\n") + 1 >= self.spec_min_rows for b in blocks):
            return True
        pairs = sum(b.kind is _LIST_ITEM and ": " in b.text for b in blocks)
        return pairs >= self.spec_min_rows

    def _service(self, blocks: list[Block]) -> bool:
        """Headed sections of short prose: a heading, or a short line that is no
        sentence (a feature box's title), right before a sentence."""
        longest = max((len(b.text) for b in blocks if b.kind is not _HEADING), default=0)
        if longest > self.section_max_chars:
            return False
        sections = 0
        for head, body in pairwise(blocks):
            titled = head.kind is _HEADING or (
                words_up_to(head.text, self.title_max_words) <= self.title_max_words
                and head.text.rstrip()[-1:] not in _SENTENCE_END
                and head.link_density < self.title_min_link_share
            )
            if titled and body.kind is _PARAGRAPH and body.text.rstrip()[-1:] in _SENTENCE_END:
                sections += 1
        return sections >= self.min_sections


def _made_of(
    blocks: list[Block], total: int, kind: BlockKind, min_count: int, min_share: float
) -> bool:
    """At least ``min_count`` blocks of ``kind``, holding ``min_share`` of the ``total``
    characters of ``blocks`` (a gallery's captions, a documentation page's code)."""
    of_kind = [b for b in blocks if b.kind is kind]
    chars = sum(len(b.text) for b in of_kind)
    return len(of_kind) >= min_count and chars >= min_share * total


def _priced(blocks: list[Block], max_words: int) -> bool:
    """A line of at most ``max_words`` words holding a price."""
    # Every price holds a digit: the lines of a block without one are not asked.
    return any(
        words_up_to(line, max_words) <= max_words and _PRICE.search(line)
        for b in blocks
        if _DIGIT.search(b.text)
        for line in b.text.split("\n")
    )


def in_listing_items(doc: Document, block: Block) -> bool:
    """A block inside the repeated items of a listing or a gallery."""
    items = doc.notes.get(ITEMS)
    el = doc.elements
    if not isinstance(items, int) or el is None:
        return False
    if doc.notes.get(PAGE_TYPE) not in ("listing", "gallery"):
        return False
    return items < block.element < el.end[items]


def is_item_title(doc: Document, block: Block) -> bool:
    """A heading inside the repeated items of a listing or a gallery: an item's title,
    the content there, however much of it is link text."""
    return block.kind is _HEADING and in_listing_items(doc, block)
