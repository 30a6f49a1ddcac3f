"""The main content container of an HTML page, and the blocks outside it.

The container is chosen around the prose anchor the front-end found after its walk
(``anchor.find_anchor``): the article marker nearest around it, or the anchor widened
until it holds most of the page's prose. Reads ``Document.elements``; runs before block
features are computed (the language guess must not count what it removes).
"""

from __future__ import annotations

from typing import ClassVar

from ..blocks import BlockKind, Removal
from .base import Document, Rule
from .page_type import ITEMS, PAGE_TYPE, GuessPageType
from .params import Param
from .prune import ARTICLE

# Block kinds as module names: on Python 3.11 an enum member read off its class costs
# a ``__getattr__`` call (the metaclass's), ten times a global's read.
_CAPTION = BlockKind.CAPTION
_TABLE = BlockKind.TABLE


class OutsideMainContainer(Rule):
    name = "outside_main_container"
    family = "structure"
    description = (
        "Blocks outside the page's main content container: the deepest element holding "
        "most of the page's prose (text density, paragraphs, few links), preferring "
        "<article>, <main> and itemprop=articleBody when they hold enough of it; never "
        "a <blockquote>, which is quoted inside the article. Text set in the container's "
        "parent itself (a cell's text beside a nested table) stays with it."
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"html"})
    uses_features: ClassVar[bool] = False
    requires = (GuessPageType,)

    gallery_captions_min_share = Param(
        0.5,
        "On a gallery, the container widens until it holds at least this share of the "
        "page's caption text: the captions are the text there, and the prose anchor, "
        "which counts no caption, sits in the standfirst above them.",
    )

    spec_min_rows = Param(
        3,
        "On a product page, a section after the container holding a table of at least "
        "this many rows joins it: the product's specifications, set apart from its "
        "description (a tab of their own), are its content as much.",
    )

    def apply(self, doc: Document) -> None:
        """Remove kept blocks outside the main container.

        The container is the article marker (itemprop=articleBody, ``<article>``)
        nearest around the prose anchor; without one, the anchor widened to its
        ancestors until it holds ``html_container_min_share`` of the page's prose and
        is no block quote (a letter or a statement quoted at length says most, but the
        article quoting it is the element around it).
        On a gallery, it widens further until it holds the captions too; on a listing,
        it is the element holding the items when the anchor lands outside them.
        """
        el = doc.elements
        if el is None or el.anchor < 0:
            return
        parent = el.parent
        n = len(parent)
        score = list(el.prose)
        for e in range(n - 1, 0, -1):
            if score[e]:  # (most elements hold no prose: adding 0.0 changes nothing)
                score[parent[e]] += score[e]
        best = el.anchor
        while best > 0 and el.marker[best] != ARTICLE:
            best = parent[best]
        marked = best > 0
        if not marked:
            need = self.config.html_container_min_share * score[0]
            best = el.anchor
            while best > 0 and (score[best] < need or el.tag[best] == "blockquote"):
                best = parent[best]
        items = doc.notes.get(ITEMS)
        if isinstance(items, int) and 0 < items < best < el.end[items]:
            best = items  # a thread's posts or a listing's items: all of them, not one
        elif (
            isinstance(items, int)
            and doc.notes.get(PAGE_TYPE) == "listing"
            and not best <= items < el.end[best]
        ):
            # A listing whose teasers are all links has little prose: the anchor can
            # land beside the items (a footer's line). Its items are its content.
            best = items
        if doc.notes.get(PAGE_TYPE) == "gallery":
            best = self._holding_captions(doc, best)
        if best == 0:
            return
        # Siblings before it with prose of their own join (a summary or standfirst
        # above the body); what follows the body is related material.
        # (An article marker says where the article ends: no siblings for it.)
        # The elements inside: the subtrees of these children of ``up``.
        end = el.end
        inside = [best]
        share = self.config.html_sibling_min_share * score[best]
        up = parent[best]
        e = up + 1
        while e < best and not marked:  # (up's children before it, one subtree a step)
            if parent[e] == up and score[e] > 0 and score[e] >= share:
                inside.append(e)
            e = end[e]
        if doc.notes.get(PAGE_TYPE) == "product":
            for e in self._spec_tables(doc, best):
                while parent[e] != up:
                    e = parent[e]
                inside.append(e)
        within = bytearray(n)  # 1 for the elements of those subtrees
        for e in inside:
            within[e : end[e]] = b"\x01" * (end[e] - e)
        reason = f"outside the main container (the main content is {el.label(best)})"
        # Text set in the parent itself, beside the container's element (a table cell
        # holding a paragraph of text and then a nested table, a <div> whose text runs
        # between its child elements), is the same stretch of the page as the container,
        # not a box beside it: it stays. (Not under an article marker, which says where
        # the article ends, nor when the parent is the body, where a page's loose lines
        # are its chrome.)
        own = -1 if marked or up == 0 else up
        removal = Removal(self.name, self.family, reason)  # (one for all: immutable)
        for block in doc.blocks:
            if block.removal is None and not within[block.element] and block.element != own:
                block.removal = removal
                block.pruned = True

    def _spec_tables(self, doc: Document, best: int) -> list[int]:
        """The elements of the kept tables of ``spec_min_rows`` rows or more that stand
        after the container ``best``, beside it (below its parent)."""
        el = doc.elements
        assert el is not None
        up = el.parent[best]
        return [
            b.element
            for b in doc.blocks
            if b.kind is _TABLE
            and b.removal is None
            and el.end[best] <= b.element < el.end[up]
            and b.text.count("\n") + 1 >= self.spec_min_rows
        ]

    def _holding_captions(self, doc: Document, best: int) -> int:
        """``best``, or its nearest ancestor holding ``gallery_captions_min_share`` of
        the page's kept caption text; when ``best`` is the body (the prose anchor found
        no prose: the captions are the page's text), the deepest element holding it."""
        el = doc.elements
        assert el is not None
        parent = el.parent
        chars = [0] * len(parent)
        for b in doc.blocks:
            if b.kind is _CAPTION and b.removal is None and not b.pruned:
                chars[b.element] += len(b.text)
        for e in range(len(parent) - 1, 0, -1):
            chars[parent[e]] += chars[e]
        need = self.gallery_captions_min_share * chars[0]
        if best == 0:
            # (Elements holding more than half of anything form one chain of
            # ancestors: the deepest is the last of them in page order.)
            return max((e for e in range(1, len(parent)) if chars[e] >= need), default=0)
        while best > 0 and chars[best] < need:
            best = parent[best]
        return best
