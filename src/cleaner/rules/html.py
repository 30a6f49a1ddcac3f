"""The rules of HTML pages: the tree rules' registry, and rules judging HTML blocks.

The tree rules (``tree.py``, ``markup.py``) are applied by the HTML front-end to the
parsed page; ``container.OutsideMainContainer`` removes the blocks outside the page's
main content container. The block rules here judge blocks of HTML pages only (their
``kinds``): the page's headline, figure captions, link-dense blocks (menus, teaser
lists).
"""

from __future__ import annotations

import math
from typing import ClassVar

from ..blocks import Block, BlockKind
from ..config import Config
from ..phrases import PhraseBook
from ..phrases.compile import line_matcher
from ..spaces import words_up_to
from .base import Document, LineRule, Rule, quote
from .caption_copies import CaptionCopies
from .container import OutsideMainContainer
from .link_text import full_stop, text_bounds
from .markup import (
    AdMarkup,
    BylineMarkup,
    CaptionMarkup,
    CaptionText,
    CommentsMarkup,
    ConsentMarkup,
    HiddenContent,
    MediaPlayer,
    NavigationMarkup,
    NewsletterMarkup,
    OverlayMarkup,
    PageHeaderFooter,
    PageLandmark,
    PullQuoteMarkup,
    RelatedMarkup,
    ScreenReaderMarkup,
    ShareMarkup,
    SidebarMarkup,
    SkipLink,
)
from .page_type import PAGE_TYPE, GuessPageType, in_listing_items, is_item_title
from .params import Param
from .threads import ThreadChrome
from .tree import TreeRule

_HTML = frozenset({"html"})
#: Blocks other than paragraphs that make a section's body, however short.
# Block kinds as module names: on Python 3.11 an enum member read off its class costs
# a ``__getattr__`` call (the metaclass's), ten times a global's read.
_CAPTION = BlockKind.CAPTION
_CODE = BlockKind.CODE
_HEADING = BlockKind.HEADING
_LIST_ITEM = BlockKind.LIST_ITEM
_PARAGRAPH = BlockKind.PARAGRAPH
_QUOTE = BlockKind.QUOTE
_TABLE = BlockKind.TABLE
_SECTION_BODY = frozenset({_LIST_ITEM, _CODE, _TABLE, _QUOTE})


def _live(blocks: list[Block], i: int, step: int) -> int | None:
    """The position of the nearest block before (``step`` -1) or after (1) ``i`` that
    no rule removed or pruned, if any."""
    i += step
    while 0 <= i < len(blocks):
        if blocks[i].removal is None and not blocks[i].pruned:
            return i
        i += step
    return None


class LinkDense(LineRule):
    name = "link_dense"
    family = "navigation"
    description = (
        "A block of an HTML page whose text is mostly link text (a menu entry, a teaser "
        "headline, a 'read more' link) and that is not a long paragraph, nor a sentence "
        "ending in a full stop set in the text (with text that is not links before and "
        "after it); on a listing or a "
        "gallery, not an item's title nor its teaser; not a heading that opens a section "
        "of prose (a heading linking to its section, a product, a bug list), nor a list "
        "item of a run of links right under a kept heading that names no box of links "
        "(the section's list: its contents, its apps, its sources; not 'Related "
        "articles')."
    )
    kinds: ClassVar[frozenset[str]] = _HTML
    requires = (GuessPageType,)

    prose_item_min_words = Param(
        12,
        "A list with an item of at least this many words of its own (not link text) is "
        "a list of the text's points: an item there that is only a link ('Here is our "
        "year in review!') is one of those points, not a menu entry.",
    )

    item_teaser_min_words = Param(
        8,
        "On a listing or a gallery, a paragraph inside its items of at least this many "
        "words is an item's teaser, the content there, however much of it is link text "
        "(a teaser linking to its story); shorter ones ('Read more', a category) go.",
    )

    section_prose_min_words = Param(
        8,
        "A heading that is mostly link text opens a section of the text (it links to its "
        "own section, a product, a bug list) when the two blocks after it that no rule "
        "removed are prose that is not link text: a paragraph of at least this many words, "
        "or a list item, a code block, a table or a quote. A teaser's headline has one "
        "such paragraph after it (then its date, or the next headline); the last of a run "
        "of links is not a section's heading (the block right before it is link text), "
        "nor is a heading with nothing kept before it.",
    )

    sentence_min_words = Param(
        8,
        "A block of link text of at least this many words that ends in a full stop, with "
        "text that is not links before and after it, is a sentence of the text that links "
        "('Click here for the second half of this story.', a reference), not a menu "
        "entry, a headline or a button; a question or an exclamation is no such sentence "
        "(an FAQ's index, 'Have your say? Post a comment!'), nor is a headline cut short "
        "('... is Never...'), nor a teaser in a box of links closing the page.",
    )

    def __init__(self, config: Config, phrases: PhraseBook) -> None:
        super().__init__(config, phrases)
        # A heading naming a box of links ('Related articles', 'You may also like')
        # opens no section of the text, even where the article goes on after the box.
        self.box_headings = tuple(
            matcher
            for section in ("trailer_heading", "recommendation_heading")
            if (matcher := line_matcher(phrases.phrases(section))) is not None
        )

    def _opens_list(self, block: Block) -> bool:
        """Whether a kept heading opens its section's list: not a box's heading."""
        return block.kind is _HEADING and not any(
            m.match(block.features.folded) for m in self.box_headings
        )

    def apply(self, doc: Document) -> None:
        # (LineRule.apply, sparing the items of a list of prose first.)
        lists: frozenset[int] | None = None  # found when a link-dense item asks
        parent = doc.elements.parent if doc.elements is not None else []
        blocks = doc.blocks
        dense = self.config.html_link_dense_min
        # Whether the last block left was a kept heading, or link items right under one:
        # a section's list of links (its contents, its apps), which the heading opens.
        # (A trailer heading closing the page went before this rule, trailer_zone, with
        # its links; one over a box inside the article opens nothing: _opens_list.)
        opened = False
        bounds: tuple[int, int] | None = None  # the first and last blocks of text left
        for i, block in enumerate(blocks):
            if block.removal is not None or block.pruned:
                continue
            if block.link_density < dense:  # (reason_for's first test, here without a call)
                opened = self._opens_list(block)
                continue
            if block.kind is _LIST_ITEM:
                if opened:
                    continue  # an item of the list under a heading
                # (The lists' prose items are not link text: this loop removes none.)
                if lists is None:
                    lists = self._lists_of_prose(doc)
                if lists and parent[block.element] in lists:
                    continue  # a point of a list of the text's points
            if block.features.n_words >= self.sentence_min_words and full_stop(block.text):
                if bounds is None:
                    bounds = text_bounds(blocks, dense)
                if bounds[0] < i < bounds[1]:
                    opened = False
                    continue  # a sentence of the text, however much of it links
            reason = self.reason_for(block, doc)
            if reason and not (block.kind is _HEADING and self._opens_section(doc, i)):
                self.remove(block, reason)
            opened = block.removal is None and self._opens_list(block)

    def _opens_section(self, doc: Document, i: int) -> bool:
        """Whether the heading at ``i`` opens a section of prose: a kept block before
        it, the block right before it not link text, the two kept ones after it prose."""
        blocks = doc.blocks
        dense = self.config.html_link_dense_min
        if i == 0 or blocks[i - 1].link_density >= dense or _live(blocks, i, -1) is None:
            return False
        after = _live(blocks, i, 1)
        if after is None or not self._prose(blocks[after]):
            return False
        then = _live(blocks, after, 1)
        return then is not None and self._prose(blocks[then])

    def _prose(self, block: Block) -> bool:
        """A block of the text's prose: not link text; a paragraph of
        ``section_prose_min_words`` words, or a list item, code, a table or a quote."""
        if block.link_density >= self.config.html_link_dense_min:
            return False
        if block.kind is _PARAGRAPH:
            n = self.section_prose_min_words
            return words_up_to(block.text, n) >= n
        return block.kind in _SECTION_BODY

    def _lists_of_prose(self, doc: Document) -> frozenset[int]:
        """The list elements (the parents of items' elements) holding a prose item."""
        el = doc.elements
        if el is None:
            return frozenset()
        parent = el.parent
        dense = self.config.html_link_dense_min
        found = set()
        for block in doc.blocks:
            if (
                block.kind is _LIST_ITEM
                and block.removal is None
                and block.link_density < dense
                and block.element > 0
                and self._prose_words(block) >= self.prose_item_min_words
            ):
                found.add(parent[block.element])
        return frozenset(found)

    def _prose_words(self, block: Block) -> float:
        """The item's words outside links (``len(text.split())`` times its non-link
        share), counted no further than the bound needs."""
        share = 1.0 - block.link_density
        if share <= 0:
            return 0.0
        cap = math.ceil(self.prose_item_min_words / share)
        return words_up_to(block.text, cap) * share

    def _teaser(self, doc: Document, block: Block) -> bool:
        """A listing's teaser: a paragraph (or one in a list item) of several words
        inside its items."""
        return (
            block.kind in (_PARAGRAPH, _LIST_ITEM)
            and words_up_to(block.text, self.item_teaser_min_words) >= self.item_teaser_min_words
            and in_listing_items(doc, block)
        )

    def reason_for(self, block: Block, doc: Document) -> str | None:
        # The cheapest tests first: most blocks are not link text.
        cfg = self.config
        if block.link_density < cfg.html_link_dense_min:
            return None
        if block.features.n_words > cfg.html_link_dense_max_words:
            return None
        if block.kind is _CODE or is_item_title(doc, block) or self._teaser(doc, block):
            return None
        return f"{block.link_density:.0%} of its text is link text ({quote(block.text)})"


class FigureCaption(Rule):
    name = "figure_caption"
    family = "media"
    description = (
        "A figure caption (<figcaption>, an element named caption) on an HTML page that "
        "is not a caption of the article's own: short (a credit, a label), inside a list "
        "(a gallery strip, a teaser list), or whose words the page prints elsewhere too "
        "(a slideshow's caption shown again by its counter, one caption under every "
        "photo), or under one of a row of sibling figures (a slideshow, a photo strip). "
        "On a gallery, the captions are the text, and stay."
    )
    kinds: ClassVar[frozenset[str]] = _HTML
    requires = (GuessPageType,)
    min_words = Param(
        6,
        "A caption of fewer words than this is a credit or a label, not a sentence of "
        "the article's.",
    )
    strip_min_figures = Param(
        3,
        "Captions of at least this many sibling figures in a row (no other kept block "
        "between them) are a slideshow's or a photo strip's, not the article's; fewer "
        "are figures of the article.",
    )

    def apply(self, doc: Document) -> None:
        if doc.notes.get(PAGE_TYPE) == "gallery":
            return
        captions = [b for b in doc.blocks if b.kind is _CAPTION]
        if not any(b.removal is None and not b.pruned for b in captions):
            return
        strip = self._strip(doc)
        copies: CaptionCopies | None = None  # (read when a caption long enough asks)
        for block in captions:
            if block.removal is None and not block.pruned:
                if block.index in strip:
                    self.remove(block, f"a caption in a strip of figures ({quote(block.text)})")
                    continue
                reason = self._reason(block)
                if reason is None:
                    if copies is None:
                        copies = CaptionCopies(doc.blocks, captions, self.min_words)
                    if copies.printed_again(block):
                        what = quote(block.text)
                        reason = f"a figure caption ({what}) printed elsewhere on the page too"
                if reason:
                    self.remove(block, reason)

    def _strip(self, doc: Document) -> set[int]:
        """Indexes of the captions under a run of sibling figures (``strip_min_figures``
        of them, one tag, one parent) that no other kept block interrupts."""
        el = doc.elements
        if el is None:
            return set()
        parent, tag, end = el.parent, el.tag, el.end
        out: set[int] = set()
        run: list[int] = []  # the run's caption blocks
        boxes: list[int] = []  # the figure holding each
        key: tuple[int, str] | None = None
        for block in doc.blocks:
            if block.removal is not None or block.pruned:
                continue
            box = parent[block.element]
            if block.kind is _CAPTION and box > 0:
                if (parent[box], tag[box]) != key:
                    if len(set(boxes)) >= self.strip_min_figures:
                        out.update(run)
                    run, boxes, key = [], [], (parent[box], tag[box])
                run.append(block.index)
                boxes.append(box)
            elif not boxes or not boxes[-1] <= block.element < end[boxes[-1]]:
                # (A credit or a label inside the last figure does not end the run.)
                if len(set(boxes)) >= self.strip_min_figures:
                    out.update(run)
                run, boxes, key = [], [], None
        if len(set(boxes)) >= self.strip_min_figures:
            out.update(run)
        return out

    def _reason(self, block: Block) -> str | None:
        """Why a caption is not the article's by itself: short, or in a list (else
        ``CaptionCopies`` asks whether the page prints it again)."""
        if block.features.n_words < self.min_words:
            return f"a figure caption ({quote(block.text)}): too short to be the article's"
        if block.list_depth:
            return f"a figure caption ({quote(block.text)}) in a list"
        return None


class Headline(Rule):
    name = "headline"
    family = "structure"
    description = (
        "The page's headline: the first <h1> of an HTML page, which is the title and not "
        "part of the article body; unless it is as long as a paragraph "
        "(html_heading_paragraph_words), which is text set in <h1>."
    )
    kinds: ClassVar[frozenset[str]] = _HTML

    def apply(self, doc: Document) -> None:
        for block in doc.blocks:
            if block.kind is _HEADING and block.heading_level == 1 and not block.pruned:
                if block.features.n_words < self.config.html_heading_paragraph_words:
                    self.remove(block, f"the page headline {quote(block.text)}")
                return  # (a paragraph set in <h1> is text, and the page has no headline)


#: Applied by the HTML front-end, in priority order: when several match an element,
#: the first names the removal.
TREE_RULES: tuple[type[TreeRule], ...] = (
    HiddenContent,
    ScreenReaderMarkup,
    SkipLink,
    PageLandmark,
    MediaPlayer,
    ConsentMarkup,
    OverlayMarkup,
    CommentsMarkup,
    RelatedMarkup,
    ShareMarkup,
    AdMarkup,
    NewsletterMarkup,
    NavigationMarkup,
    SidebarMarkup,
    BylineMarkup,
    CaptionMarkup,
    CaptionText,
    PullQuoteMarkup,
    PageHeaderFooter,
)
#: The rules reading the page's structure, run first, before block features: the tree
#: rules, the page's kind, then the main container.
STRUCTURE_RULES: tuple[type[Rule], ...] = (
    *TREE_RULES,
    GuessPageType,
    OutsideMainContainer,
    ThreadChrome,
)
#: Block rules for HTML pages, run with the shared rules.
RULES: tuple[type[Rule], ...] = (Headline, FigureCaption, LinkDense)
