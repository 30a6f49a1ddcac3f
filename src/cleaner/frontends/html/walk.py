"""The walk: a parsed page becomes the shared block list.

1. Code and controls go, in C (``script``, ``style``, ``svg``, form controls, frames'
   fallbacks ...): they are not text a reader sees, so they leave no block behind.
   Declarative shadow roots are put first where browsers show them (``visible.py``).
2. Before the walk, the page's main-content markers and the prose anchor are found
   (``rules/prune.py``, ``rules/anchor.py``).
3. One iterative walk (no recursion: 100,000 nested ``div``s are fine) over the body
   makes the blocks. Elements carrying a class, an id, or a hiding or role attribute are
   judged by the tree rules (``rules/elements.py``), and every element by its tag. A
   pruned element becomes one removed block (``pruned=True``) with its rule, reason and
   a short CSS-like path, and its subtree is not walked. A block-level match the guard
   cannot decide yet waits for the walk's end. A ``<pre>`` or a data table is one block,
   what the walk would skip or prune as hidden inside it taken out first.
4. After the walk, the prose anchor is found again from the blocks, and the deferred
   prunings are made (``rules/prune.py``). The blocks and the table of block-level
   elements (``rules.tree.Elements``) go to the rules; ``outside_main_container``
   removes what lies outside the main content container.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ...blocks import Block, Removal
from ...config import Config
from ...rules.base import Document, Rule
from ...rules.elements import ElementJudge
from ...rules.layout_tables import holds_prose_paragraphs
from ...rules.prune import PruneGuard
from ...rules.tree import Elements, TreePlan, element_label
from ...spaces import squash
from ..tags import INLINE_TAGS, SKIP_TAGS, is_custom
from .blocks import (
    BR,
    IN_CAPTION,
    IN_ITEM,
    IN_LINK,
    IN_QUOTE,
    LIST_SHIFT,
    ORDERED,
    emit_text,
    finish_blocks,
    make_leaf,
    walk_path,
)
from .compiled import compiled_prepare
from .parse import parse_html
from .prescan import PageScan, page_guard
from .visible import attach_shadow_roots, in_sentence, is_shadow_root

#: Removed in C before anything else, so that no text of theirs reaches a pruned block's
#: text: code, styling, graphics, long option lists, and the elements whose content the
#: parser keeps as raw markup a browser never shows (frames' fallbacks). (The walk skips
#: the other elements of ``SKIP_TAGS``; each tag here costs the selector engine a test
#: a node, and the compiled twin of the query a tag id compared: ``dropped_elements``.)
#: Declarative shadow roots are attached first (``visible.py``).
DROP_TAGS = ("script", "style", "svg", "template", "select", "iframe", "noframes", "noembed")
DROP_SELECTOR = ", ".join(DROP_TAGS)
_DROP_SET = frozenset(DROP_TAGS)
# What the walk does with a tag (anything else is a block-level element).
_TEXT = "text"
_SKIPPED = "skip"
_BREAK = "br"
_INLINE_KIND = "inline"
_BLOCK = "block"
_SPECIAL = "special"  # block-level, with its own handling: pre, tables, lists, quotes
_CATEGORY: dict[str | None, str] = {"-text": _TEXT, "br": _BREAK}
_CATEGORY.update(dict.fromkeys(SKIP_TAGS, _SKIPPED))
_CATEGORY.update(dict.fromkeys(INLINE_TAGS, _INLINE_KIND))
_CATEGORY.update(
    dict.fromkeys(
        ("pre", "table", "ul", "ol", "menu", "dir", "li", "blockquote", "figcaption"), _SPECIAL
    )
)
_LISTS = frozenset({"ul", "ol", "menu", "dir"})
#: Block elements made into one block without walking inside: pruned at once on a match.
_LEAF_BLOCKS = frozenset({"pre", "table", "p", "h1", "h2", "h3", "h4", "h5", "h6"})
#: Inside a table, any of these makes it a layout table, walked like any container.
_LAYOUT_SIGNS = (
    "table table, div, ul, ol, dl, h1, h2, h3, h4, h5, h6, blockquote, pre, section, "
    "article, form, nav, td p + p, th p + p, tr:only-child > td:only-child"
)


def tag_kind(tag: str | None) -> str:
    """What the walk does with a tag: ``_CATEGORY``'s, else inline for a custom element
    (``tags.is_custom``), else a block-level element. A nameless node (a ``<?php ?>``
    instruction: no browser shows it) is skipped, not a block splitting its paragraph."""
    if tag is None:
        return _SKIPPED
    kind = _CATEGORY.get(tag)
    if kind is None:
        kind = _INLINE_KIND if is_custom(tag) else _BLOCK
    return kind


_CONTEXT_BITS = {"li": IN_ITEM, "blockquote": IN_QUOTE, "figcaption": IN_CAPTION}
_ASK: Any = object()  # (``PageWalk``'s default: the twins ``compiled_prepare`` gives)


def html_to_blocks(
    page: str | LexborHTMLParser,
    rules: Sequence[Rule] | TreePlan | None = None,
    config: Config | None = None,
    *,
    markup: bool = False,
    inline_marks: bool = True,
) -> list[Block]:
    """The blocks of an HTML page, pruned subtrees and outside-container blocks removed.

    ``page`` is the HTML or a tree from ``parse_html`` (so that a caller can read the
    page's metadata from the same parse first; this function changes the tree).
    ``rules`` are the pipeline's enabled rules (only the tree rules and the container
    rule among them act here), or their ``TreePlan`` (built once, not per page);
    ``None`` means every built-in tree rule with ``config``. ``markup`` and
    ``inline_marks`` are ``walk_html``'s.
    """
    config = config or Config()
    if isinstance(rules, TreePlan):
        plan = rules
    else:
        plan = TreePlan(rules if rules is not None else _default_tree_rules(config), config)
    blocks, elements = walk_html(page, plan, markup=markup, inline_marks=inline_marks)
    if plan.container_rule is not None and elements is not None:
        doc = Document(blocks, config, kind="html", elements=elements)
        plan.container_rule.apply(doc)
    return blocks


def walk_html(
    page: str | LexborHTMLParser,
    plan: TreePlan,
    *,
    markup: bool = False,
    inline_marks: bool = True,
    scan: PageScan | None = None,
) -> tuple[list[Block], Elements | None]:
    """The blocks of an HTML page with its pruned subtrees removed, and the table of its
    block-level elements (None when the page has no body): what a ``Document`` of the
    page holds before the rules run (the pipeline's path; see ``html_to_blocks``).

    ``markup`` records on each block what renderers need of the page's markup
    (``Block.markup``: lists, quotes, code language, table grid, and with
    ``inline_marks`` links, emphasis and images); plain text needs none of it.
    ``scan``: the compiled pass's answers for the tree (``prescan.scan_page``).
    """
    tree = parse_html(page) if isinstance(page, str) else page
    body = tree.body
    if body is None:
        return [], None
    dropped = dropped_elements(body) if scan is None else scan.dropped
    shadow_roots = [n for n in dropped if n.tag == "template" and is_shadow_root(n)]
    if shadow_roots:
        attach_shadow_roots(shadow_roots)
        dropped = dropped_elements(body)  # what the shadow roots brought too
        scan = None  # (and the scan's paragraphs and markers are not the tree's)
    for node in dropped:
        node.decompose()
    sources: list[tuple[Block, LexborNode]] | None = [] if markup else None
    blocks, elements = PageWalk(body, plan, scan=scan).run(sources)
    if sources is not None:
        from .markup import record_markup

        record_markup(blocks, sources, inline=inline_marks)
    return blocks, elements


def dropped_elements(body: LexborNode) -> list[LexborNode]:
    """The elements ``DROP_SELECTOR`` matches under ``body``, in page order: found by
    the compiled twin where it is used (``_cfind.pxi``), else by the selector engine."""
    twins = compiled_prepare()
    if twins is None:
        return body.css(DROP_SELECTOR)
    return twins.find_elements(body, _DROP_SET)


def _default_tree_rules(config: Config) -> list[Rule]:
    from ...phrases import PhraseBook
    from ...rules.html import STRUCTURE_RULES

    phrases = PhraseBook(config.languages, config.extra_phrases)
    return [
        cls(config, phrases) for cls in STRUCTURE_RULES if config.is_enabled(cls.name, cls.family)
    ]


class PageWalk:
    """One page on its way to blocks. Built per call; nothing outlives it.

    Building it finds what the walk needs to know first: the main-content markers and
    the prose anchor; ``run`` walks.
    """

    __slots__ = ("body", "guard", "judge", "plan")

    def __init__(self, body: LexborNode, plan: TreePlan, compiled: Any = _ASK, scan: Any = None):
        """``compiled``: the compiled walk's module, whose twin of the judge's
        vocabulary matching judges class names (None: the Python matching); by default
        the module ``compiled_prepare`` gives (the self-test passes it, to compare).
        ``scan``: the paragraphs and markers found by the compiled pass (``prescan``)."""
        self.body = body
        self.plan = plan
        self.judge = ElementJudge(plan, compiled_prepare() if compiled is _ASK else compiled)
        self.guard = page_guard(body, plan, self.judge, scan)

    def run(
        self, sources: list[tuple[Block, LexborNode]] | None = None
    ) -> tuple[list[Block], Elements]:
        """The blocks and the element table, deferred prunings made; with ``sources``,
        each block the walk makes and its element go there (for markup)."""
        twins = compiled_prepare()  # the same blocks either way (``compiled.py``)
        walk = _walk if twins is None else twins.walk
        blocks, owners, el = walk(self.body, self.plan, self.judge, self.guard, sources)
        return finish_blocks(blocks, owners, el, self.guard.protected, self.plan.config, twins), el


def _walk(
    body: LexborNode,
    plan: TreePlan,
    judge: ElementJudge,
    guard: PruneGuard,
    sources: list[tuple[Block, LexborNode]] | None,
) -> tuple[list[Block], list[int], Elements]:
    """Walk the body once: the blocks, each block's element, and the element table."""
    judge_element = judge.judge
    judge_anchor = judge.judge_anchor
    allows = guard.allows
    watched = plan.watched
    anchor_rules = plan.anchor_rules
    tag_rules = plan.tag_rules
    markers = guard.markers
    anchor_chain = guard.anchor_chain
    category = _CATEGORY
    labels: dict[int, str] = {}
    blocks: list[Block] = []
    owners: list[int] = []  # element index of each block
    # Block-level elements in document order (0 = body): node, parent, context,
    # tag, marker, depth, deferred tree-rule match, attributes.
    elements: list[tuple[LexborNode, int, int, str, int, int, Any, Any]] = [
        (body, -1, 0, "body", 0, 0, None, None)
    ]
    ends: list[int] = [0]  # one past the last element of each element's subtree

    parts: list[str] = []
    seg_owner = -1
    seg_link = 0
    pending: list[tuple[Block, int]] = []  # pruned inline elements, after their block

    def flush() -> None:
        nonlocal parts, seg_owner, seg_link
        if parts:
            emit_text(blocks, owners, parts, elements[seg_owner], seg_owner, seg_link, sources)
            parts = []
        seg_owner = -1
        seg_link = 0
        if pending:
            for block, owner in pending:
                block.index = len(blocks)
                blocks.append(block)
                owners.append(owner)
            pending.clear()

    leaf = make_leaf(blocks, owners, elements, labels, judge, guard, plan, sources)

    # Stack entries: children iterator, owning block element, context, is-a-block.
    stack: list[tuple[Any, int, int, bool]] = [(body.iter(include_text=True), 0, 0, True)]
    while stack:
        it, owner, ctx, is_block = stack[-1]
        for node in it:
            tag = node.tag
            # Text nodes (half of all nodes) first, without the category look-up.
            if tag == "-text":
                text = node.text_content
                if not text:
                    continue
                if owner != seg_owner:
                    if text.isspace():
                        continue
                    if parts:
                        flush()
                    seg_owner = owner
                parts.append(text)
                if ctx & IN_LINK:
                    seg_link += len(text.strip())
                continue
            kind = category.get(tag)
            if kind is None:
                kind = tag_kind(tag)
            if kind is _SKIPPED:
                continue
            if kind is _BREAK:
                if owner == seg_owner:
                    parts.append(BR)
                continue
            attrs = node.attributes
            if attrs and ("class" in attrs or "id" in attrs or not watched.isdisjoint(attrs)):
                hit = judge_element(tag, attrs, node)
                if hit is not None and kind is _INLINE_KIND and in_sentence(node, hit[0], judge):
                    hit = None  # part of a sentence: its words stay in it
            else:
                hit = None
            caption = 0
            if hit is not None and hit[0].walked_as_caption and kind is not _INLINE_KIND:
                # Not pruned: its blocks are captions, which the block rules judge.
                hit = None
                caption = IN_CAPTION
            if hit is None:
                if tag in tag_rules:
                    rule = tag_rules[tag]
                    reason = rule.check_tag(tag, attrs)
                    if reason:
                        hit = (rule, reason)
                elif tag == "a" and anchor_rules:
                    href = attrs.get("href")
                    if href and href[0] == "#":
                        hit = judge_anchor(href)
                        if hit is not None and in_sentence(node, hit[0], judge):
                            hit = None  # "see the <a href=#content>content</a> below"
            if hit is not None and (
                anchor_chain is not None
                or hit[0].immediate
                or kind is _INLINE_KIND
                or tag in _LEAF_BLOCKS
            ):
                rule, reason = hit
                text = squash(node.text(separator=" "))
                if allows(rule, node, text):
                    if text:
                        block = Block(
                            index=0,
                            text=text,
                            path=walk_path(elements, labels, owner, element_label(tag, attrs)),
                            pruned=True,
                            removal=Removal(rule.name, rule.family, reason),
                        )
                        if kind is _INLINE_KIND and owner == seg_owner:
                            pending.append((block, owner))
                        else:
                            if parts:
                                flush()
                            block.index = len(blocks)
                            blocks.append(block)
                            owners.append(owner)
                    continue
                hit = None
            if kind is _INLINE_KIND:
                if tag == "a" and "href" in attrs:  # (without one: a named place, no link)
                    stack.append((node.iter(include_text=True), owner, ctx | IN_LINK, False))
                else:
                    stack.append((node.iter(include_text=True), owner, ctx, False))
                break
            # A block-level element.
            if parts:
                flush()
            new_ctx = ctx
            if kind is _SPECIAL:
                if tag == "pre" or tag == "table":
                    if tag == "pre" or (
                        node.css_first(_LAYOUT_SIGNS) is None
                        and not holds_prose_paragraphs(node, plan.config)
                    ):
                        leaf(node, tag, attrs, owner)
                        continue
                elif tag in _LISTS:
                    depth = (ctx >> LIST_SHIFT) + 1
                    new_ctx = (ctx & 0xFF & ~(ORDERED | IN_ITEM)) | (depth << LIST_SHIFT)
                    if tag == "ol":
                        new_ctx |= ORDERED
                else:
                    new_ctx = ctx | _CONTEXT_BITS[tag]
            new_ctx |= caption
            index = len(elements)
            elements.append(
                (
                    node,
                    owner,
                    new_ctx,
                    tag,
                    markers.get(node.mem_id, 0) if markers else 0,
                    elements[owner][5] + 1,
                    hit,
                    attrs,
                )
            )
            ends.append(0)
            stack.append((node.iter(include_text=True), index, new_ctx, True))
            break
        else:
            stack.pop()
            if is_block:
                if parts:
                    flush()
                ends[owner] = len(elements)
    if parts or pending:
        flush()
    return blocks, owners, Elements(elements, ends, labels)
