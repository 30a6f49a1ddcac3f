"""The HTML front-end: a whole page becomes the shared block list.

One parse with selectolax's Lexbor parser, then:

1. Code and controls go, in C (``script``, ``style``, ``svg``, form controls ...): they
   are not text a reader sees, so they leave no block behind.
2. Elements carrying a class, an id, or a hiding or role attribute are fetched with one
   CSS query and judged by the tree rules of ``rules/html.py`` (hidden content,
   landmarks, skip links, class/id vocabularies). All class names and ids of the page
   are tokenised in one pass over one string, so per-element Python work stays small.
3. One iterative walk (no recursion: 100,000 nested ``div``s are fine) over the body
   makes the blocks. A pruned element becomes one removed block (``pruned=True``) with
   its rule, reason and a short CSS-like path, and its subtree is not walked. Elements
   pruned by tag (``nav``, ``aside``, ``header``, ``footer``, players) are judged in
   the walk itself.
4. The main content container is the deepest element holding most of the page's prose;
   blocks outside it are removed by the ``outside_main_container`` rule.

Block text is the visible text with white space collapsed to single spaces. A single
``<br>`` becomes a newline inside the block; two or more in a row end the block, as
paragraph breaks do. Headings, list items, quotes, captions keep their kind; a data
table is one block (rows on lines, cells separated by tabs, as ``innerText`` does);
``<pre>`` keeps its newlines and indentation. Asked for, what the Markdown renderer needs
of the markup (links, emphasis, lists, a table's spans) is recorded on the blocks
(``html_markup.py``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import accumulate
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..blocks import Block, BlockKind, Removal
from ..config import Config
from ..rules.base import Rule
from ..rules.html import TreePlan, TreeRule, lower_case_tokens, name_tokens
from .tags import INLINE_TAGS, SKIP_TAGS

# -- element categories ----------------------------------------------------------------

#: Removed in C before anything else, so that no text of theirs reaches a pruned block's
#: text: code, styling, graphics and long option lists. (The walk skips the other
#: elements of ``_SKIP``; each tag here costs a pass of the selector engine.)
_DROP_SELECTOR = "script, style, svg, template, select"
#: Never walked into: no visible text of their own (what the drop above may leave).
_SKIP = SKIP_TAGS
#: Phrasing elements: their text belongs to the block around them.
_INLINE = INLINE_TAGS
# What the walk does with a tag (anything else is a block-level element).
_TEXT = "text"
_SKIPPED = "skip"
_BREAK = "br"
_INLINE_KIND = "inline"
_BLOCK = "block"
_SPECIAL = "special"  # block-level, with its own handling: pre, tables, lists, quotes
_CATEGORY: dict[str | None, str] = {"-text": _TEXT, "br": _BREAK}
_CATEGORY.update(dict.fromkeys(_SKIP, _SKIPPED))
_CATEGORY.update(dict.fromkeys(_INLINE, _INLINE_KIND))
_CATEGORY.update(
    dict.fromkeys(
        ("pre", "table", "ul", "ol", "menu", "dir", "li", "blockquote", "figcaption"), _SPECIAL
    )
)
_HAS_DIGIT = re.compile(r"\d")
#: A judged element whose verdict is not cached yet (``None`` is a verdict).
_UNJUDGED: Any = object()
_HEADING_LEVEL = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Block kinds as plain names: reading an Enum member off its class is slow in a hot loop.
_HEADING = BlockKind.HEADING
_CAPTION = BlockKind.CAPTION
_QUOTE = BlockKind.QUOTE
_LIST_ITEM = BlockKind.LIST_ITEM
_PARAGRAPH = BlockKind.PARAGRAPH
_LISTS = frozenset({"ul", "ol", "menu", "dir"})
#: Block elements made into one block without walking inside: pruned at once on a match.
_LEAF_BLOCKS = frozenset({"pre", "table", "p", "h1", "h2", "h3", "h4", "h5", "h6"})
#: Inside a table, any of these makes it a layout table, walked like any container.
_LAYOUT_SIGNS = (
    "table table, div, ul, ol, dl, h1, h2, h3, h4, h5, h6, blockquote, pre, section, "
    "article, form, nav, td p + p, th p + p"
)
#: Elements marking the main content; their ancestors are never pruned.
_MARKER_SELECTOR = "main, [role=main], [itemprop~=articleBody], article, [role=article]"
_PARAGRAPH_OR_MARKER = f"p, {_MARKER_SELECTOR}"

#: The best prose anchor outside subtrees the tree rules match is taken when its score
#: is at least this share of the best anchor's inside them.
_ANCHOR_OUTSIDE_MIN_SHARE = 0.1

#: What each block costs in the prose score, in characters: runs of short teasers earn
#: little, long paragraphs much.
_BLOCK_COST = 25
#: Blocks whose words average fewer characters than this (spaces included) hold no prose.
_SHORT_WORDS = 3
#: A block ending in an ellipsis is an excerpt cut short, a teaser's summary ("... may
#: soon..."): the prose of another page, which counts for nothing here.
_TRUNCATION_MARKS = ("...", "…", "[…]", "[...]", "(…)", "(...)")
#: Paragraphs shorter than this do not vote for the prose anchor (captions, bylines).
_ANCHOR_MIN_PARAGRAPH = 40
#: Below this much paragraph text the anchor is not trusted before the walk.
_ANCHOR_MIN_TEXT = 400

# Context bits carried down the walk.
_IN_LINK = 1
_IN_QUOTE = 2
_IN_CAPTION = 4
_ORDERED = 8
_IN_ITEM = 16
_LIST_SHIFT = 8  # list depth lives in the bits above
_CONTEXT_BITS = {"li": _IN_ITEM, "blockquote": _IN_QUOTE, "figcaption": _IN_CAPTION}

#: A ``<br>`` inside a block's text while it is being collected (text nodes never hold
#: NUL: the parser replaces it).
_BR = "\x00"
#: Pruned subtrees with less text than this are dropped without a block: nothing of
#: theirs would show in the output, and the explanation stays readable.
_MIN_PRUNED_CHARS = 1

# -- deep nesting ----------------------------------------------------------------------

#: Elements nested deeper than this are flattened before parsing. Lexbor, like every
#: HTML5 parser, checks open-element scopes on each block start tag, so parse time grows
#: with depth squared (100,000 nested divs take about 20 s); browsers cap depth too.
MAX_NESTING = 512
#: A page with fewer tags than this cannot nest deep enough to be slow to parse.
_NESTING_CHECK_MIN_TAGS = 4000
_NESTING_ESTIMATE = re.compile(
    r"<(/?)(?:div|section|article|aside|nav|header|footer|main|ul|ol|table|blockquote|"
    r"form|span|a|b|i|em|strong|font|center|figure|details|fieldset)(?=[\s/>])",
    re.IGNORECASE,
)
_TAG = re.compile(r"<!--.*?(?:-->|$)|<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*>", re.DOTALL)
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_RAW_TEXT = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"}
)
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "keygen",
    }
)
_OPTIONAL_END = frozenset(
    {
        "p",
        "li",
        "dt",
        "dd",
        "option",
        "optgroup",
        "tr",
        "td",
        "th",
        "thead",
        "tbody",
        "tfoot",
        "colgroup",
        "caption",
        "rb",
        "rt",
        "rtc",
        "rp",
        "html",
        "head",
        "body",
    }
)
_FLATTENED_BLOCKS = frozenset(
    {
        "div",
        "p",
        "section",
        "article",
        "aside",
        "nav",
        "header",
        "footer",
        "main",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "table",
        "tr",
        "td",
        "th",
        "blockquote",
        "pre",
        "figure",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
    }
)


def limit_nesting(html: str, max_depth: int = MAX_NESTING) -> str:
    """``html`` with elements nested deeper than ``max_depth`` flattened into text.

    Pages that cannot be that deep are returned unchanged after two C-level counts.
    Past the limit, start and end tags are dropped (block tags become ``<br>``), so the
    text stays, in order, inside the element at the limit.
    """
    if html.count("<") < _NESTING_CHECK_MIN_TAGS:
        return html
    steps = map({"": 1, "/": -1}.__getitem__, _NESTING_ESTIMATE.findall(html))
    if max(accumulate(steps, initial=0)) <= max_depth:
        return html
    return _flatten(html, max_depth)


def _flatten(html: str, max_depth: int) -> str:
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # open elements: name, dropped
    last = pos = 0
    while True:
        m = _TAG.search(html, pos)
        if m is None:
            break
        pos = m.end()
        name = m.group(2)
        if name is None:
            continue  # a comment
        name = name.lower()
        drop = False
        if not m.group(1):
            if name in _RAW_TEXT:
                end = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(html, pos)
                pos = end.end() if end else len(html)
                continue
            if name in _VOID or m.group(0).endswith("/>"):
                continue
            if len(stack) >= max_depth:
                stack.append((name, True))
                drop = True
            elif name not in _OPTIONAL_END:
                stack.append((name, False))
        else:
            for j in range(len(stack) - 1, max(-1, len(stack) - 64), -1):
                if stack[j][0] == name:
                    drop = stack[j][1]
                    del stack[j:]
                    break
            else:
                drop = len(stack) >= max_depth
        if drop:
            out.append(html[last : m.start()])
            out.append("<br>" if name in _FLATTENED_BLOCKS else "")
            last = m.end()
    if not out:
        return html
    out.append(html[last:])
    return "".join(out)


# -- the front-end ---------------------------------------------------------------------


def parse_html(html: str) -> LexborHTMLParser:
    """Parse a page once (nesting limited first); the tree ``html_to_blocks`` takes.

    Lexbor reads UTF-8: the page is encoded here, once (the parser's own encoding of a
    ``str`` costs as much again, and drops lone surrogates silently). Lone surrogates,
    which UTF-8 cannot hold, become U+FFFD, as any UTF-8 round trip would leave them.
    """
    html = limit_nesting(html)
    try:
        data = html.encode("utf-8")
    except UnicodeEncodeError:
        data = _LONE_SURROGATE.sub("\ufffd", html).encode("utf-8")
    return LexborHTMLParser(data)


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
    ``rules`` are the pipeline's enabled rules (only the ``TreeRule``s among them act
    here), or their ``TreePlan`` (what a ``Cleaner`` passes: built once, not per page);
    ``None`` means every built-in tree rule with ``config``. ``markup`` records on each
    block what the Markdown renderer needs of the page's markup (``Block.markup``);
    ``inline_marks=False`` leaves out links, emphasis and images (Markdown without them).
    """
    config = config or Config()
    if isinstance(rules, TreePlan):
        plan = rules
    else:
        plan = TreePlan(rules if rules is not None else _default_tree_rules(config))
    tree = parse_html(page) if isinstance(page, str) else page
    body = tree.body
    if body is None:
        return []
    for node in body.css(_DROP_SELECTOR):
        node.decompose()
    sources: list[tuple[Block, LexborNode]] | None = [] if markup else None
    blocks = _Page(body, plan, config, sources).blocks()
    if sources is not None:
        from .html_markup import record_markup

        record_markup(blocks, sources, inline=inline_marks)
    return blocks


def _default_tree_rules(config: Config) -> list[Rule]:
    from ..phrases import PhraseBook
    from ..rules.html import TREE_RULES

    phrases = PhraseBook(config.languages, config.extra_phrases)
    return [cls(config, phrases) for cls in TREE_RULES if config.is_enabled(cls.name, cls.family)]


class _Page:
    """One page on its way to blocks. Built per call; nothing outlives it."""

    def __init__(
        self,
        body: LexborNode,
        plan: TreePlan,
        config: Config,
        sources: list[tuple[Block, LexborNode]] | None = None,
    ) -> None:
        self.body = body
        self.config = config
        self.container_rule = plan.container_rule
        self.tag_rules = plan.tag_rules
        self.anchor_rules = plan.anchor_rules
        self.attr_rules = plan.attr_rules
        self.watched = plan.watched
        self.vocab_rules = plan.vocab_rules
        self.first_tokens = plan.first_tokens
        self.token_rules = plan.token_rules
        #: Verdicts (priority, rule, reason) per class attribute and per class name or id.
        self._by_class: dict[str, Any] = {}
        self._by_name: dict[str, Any] = {}
        self._body_chars: int | None = None
        self._labels: dict[int, str] = {}
        #: With markup asked for: each block and the element its text came from.
        self.sources = sources
        paragraphs, marked = self._paragraphs_and_markers()
        self.protected, self.weakly_protected, self.markers = self._find_markers(marked)
        self.anchor_chain = self._prose_anchor(paragraphs)

    # -- judging elements before the walk ---------------------------------------------

    def _paragraphs_and_markers(self) -> tuple[list[LexborNode], list[LexborNode]]:
        """The ``<p>`` elements and the elements ``_MARKER_SELECTOR`` matches, in page
        order, as two separate queries would give them.

        One query finds both: each query walks the whole tree (about 0.1 ms a page).
        A ``<p>`` is in the second list only through a role or itemprop attribute (and
        the engine reports an element once per selector it matches); when a page has
        such a ``<p>``, the two queries run after all.
        """
        paragraphs: list[LexborNode] = []
        marked: list[LexborNode] = []
        for node in self.body.css(_PARAGRAPH_OR_MARKER):
            if node.tag != "p":
                marked.append(node)
                continue
            attrs = node.attributes
            if "role" in attrs or "itemprop" in attrs:
                return self.body.css("p"), self.body.css(_MARKER_SELECTOR)
            paragraphs.append(node)
        return paragraphs, marked

    def _find_markers(self, marked: list[LexborNode]) -> tuple[set[int], set[int], dict[int, int]]:
        """Elements holding a main-content marker, and the markers themselves.

        Markers map to 1 (``<main>``, role=main: the article is somewhere inside) or 2
        (itemprop=articleBody, ``<article>``: an article itself). Returns the elements
        holding a ``<main>`` or an articleBody (never pruned), the same plus those
        holding the largest ``<article>`` (not pruned while walking: comments can be
        ``<article>``s too, so that one only guards the rules that cannot wait), and
        the markers.
        """
        strong: list[LexborNode] = []
        articles: list[LexborNode] = []
        markers: dict[int, int] = {}
        for node in marked:
            tag = node.tag
            if tag == "main":
                markers[node.mem_id] = 1
                strong.append(node)
                continue
            attrs = node.attributes
            if "articleBody" in (attrs.get("itemprop") or "").split():
                markers[node.mem_id] = 2
                strong.append(node)
            elif tag == "article" or attrs.get("role") == "article":
                markers[node.mem_id] = 2
                articles.append(node)
            else:
                markers[node.mem_id] = 1
                strong.append(node)
        protected = _with_ancestors(strong[:8], set())
        weakly_protected = set(protected)
        if articles:
            # Listing pages hold many <article> teasers; the article is the biggest.
            _with_ancestors([max(articles, key=lambda n: len(n.text()))], weakly_protected)
        return protected, weakly_protected, markers

    def judge(self, tag: str, attrs: dict[str, str | None]) -> tuple[TreeRule, str] | None:
        """The first tree rule matching an element by its attributes or class/id tokens.

        Verdicts are kept per distinct class attribute and per id for the rest of the
        page: menus repeat the same few class names hundreds of times.
        """
        if not self.watched.isdisjoint(attrs):
            for rule in self.attr_rules:
                reason = rule.check_attrs(tag, attrs, None)
                if reason:
                    return (rule, reason)
        if not self.vocab_rules:
            return None
        best: tuple[int, TreeRule, str] | None = None
        classes = attrs.get("class")
        if classes:
            best = self._by_class.get(classes, _UNJUDGED)
            if best is _UNJUDGED:
                best = self._by_class[classes] = self._match_classes(classes)
        ident = attrs.get("id")
        # Ids with digits are generated ("post-1234", "comment-5"); their class says more.
        if ident and not _HAS_DIGIT.search(ident):
            by_name = self._by_name
            hit = by_name.get(ident, _UNJUDGED)
            if hit is _UNJUDGED:
                hit = by_name[ident] = self._match_name(ident)
            if hit is not None and (best is None or hit[0] < best[0]):
                best = hit
        return (best[1], best[2]) if best is not None else None

    def _match_classes(self, classes: str) -> tuple[int, TreeRule, str] | None:
        """The first vocabulary rule matching one of the class names, by priority."""
        # Most class attributes name nothing the vocabularies know: when no token of any
        # of the names starts a vocabulary entry, one set test says so.
        tokens = lower_case_tokens(classes)
        if tokens is not None and self.first_tokens.isdisjoint(tokens):
            return None
        by_name = self._by_name
        names = classes.split()
        if len(names) == 1 and tokens is not None:
            # A single lower-case name: its tokens are the ones just made.
            hit = by_name.get(names[0], _UNJUDGED)
            if hit is _UNJUDGED:
                hit = by_name[names[0]] = self._match_name(names[0], tokens)
            return hit
        best: tuple[int, TreeRule, str] | None = None
        for name in names:
            hit = by_name.get(name, _UNJUDGED)
            if hit is _UNJUDGED:
                hit = by_name[name] = self._match_name(name)
            if hit is not None and (best is None or hit[0] < best[0]):
                best = hit
        return best

    def judge_anchor(self, href: str) -> tuple[TreeRule, str] | None:
        """The first tree rule pruning an in-page link, by its target."""
        for rule in self.anchor_rules:
            reason = rule.check_anchor(href)
            if reason:
                return (rule, reason)
        return None

    def _match_name(
        self, name: str, tokens: list[str] | None = None
    ) -> tuple[int, TreeRule, str] | None:
        """The first vocabulary rule (priority, rule, reason) matching one class name
        (whose ``name_tokens`` the caller may pass)."""
        if tokens is None:
            tokens = name_tokens(name)
        if self.first_tokens.isdisjoint(tokens):
            return None  # no vocabulary entry starts with any of its tokens
        index = self.token_rules
        best: tuple[int, TreeRule, str] | None = None
        for at, token in enumerate(tokens):
            for priority, rule in index.get(token, ()):
                if best is not None and priority >= best[0]:
                    break
                entry = rule.match_tokens(tokens, at)
                if entry:
                    best = (priority, rule, entry)
                    break
        if best is None:
            return None
        return (best[0], best[1], best[1].vocabulary_reason(best[2]))

    def body_chars(self) -> int:
        if self._body_chars is None:
            self._body_chars = len(" ".join(self.body.text(separator=" ").split()))
        return self._body_chars

    def prune_now_allowed(self, rule: TreeRule, node: LexborNode, text: str) -> bool:
        """The guard of a pruning decided during the walk.

        Never an element holding a main-content marker; for rules that wait for the
        prose anchor, never one of its ancestors; without an anchor, never an element
        holding more than the rule's share of the page's text.
        """
        mem_id = node.mem_id
        if rule.immediate:
            if mem_id in self.weakly_protected:
                return False
        elif mem_id in self.protected:
            return False
        elif self.anchor_chain is not None:
            return mem_id not in self.anchor_chain
        if rule.max_share >= 1.0 or len(text) < 200:
            return True
        return len(text) <= rule.max_share * self.body_chars()

    def _prose_anchor(self, paragraphs: list[LexborNode]) -> set[int] | None:
        """Ids of the prose anchor and its ancestors, found from ``<p>`` text alone.

        The anchor is the element whose paragraphs (and, at half weight, its children's)
        hold most text, preferring one outside comments and related teasers. With
        it known, a match off its ancestors is pruned without walking inside. None when
        the page has too little ``<p>`` text to tell: the walk then defers the decision
        until it has seen every block.
        """
        scores: dict[int, float] = {}
        nodes: dict[int, LexborNode] = {}
        for p in paragraphs:
            length = len(p.text())
            if length < _ANCHOR_MIN_PARAGRAPH:
                continue
            up = p.parent
            weight = 1.0
            while up is not None and weight > 0.4:
                key = up.mem_id
                scores[key] = scores.get(key, 0.0) + length * weight
                nodes[key] = up
                up = up.parent
                weight /= 2
        if not scores:
            return None
        ranked = sorted(scores, key=scores.__getitem__, reverse=True)[:10]
        body_id = self.body.mem_id
        best_score = 0.0
        fallback: list[int] | None = None
        for key in ranked:
            score = scores[key]
            if score < _ANCHOR_OUTSIDE_MIN_SHARE * best_score:
                break
            chain: list[int] = []
            in_prose_boilerplate = doomed = False
            node: LexborNode | None = nodes[key]
            while node is not None:
                mem_id = node.mem_id
                chain.append(mem_id)
                tag = node.tag or ""
                attrs = node.attributes
                hit = self.judge(tag, attrs) if attrs and mem_id != body_id else None
                if hit is None and tag in self.tag_rules:
                    hit = (self.tag_rules[tag], "")
                if hit is not None:
                    # Hidden content, consent banners, players go whatever they hold.
                    doomed = doomed or hit[0].immediate
                    in_prose_boilerplate = in_prose_boilerplate or hit[0].holds_prose
                node = node.parent
            if doomed:
                continue
            if not best_score:
                if score < _ANCHOR_MIN_TEXT:
                    return None
                best_score = score
            if not in_prose_boilerplate:
                return set(chain)
            if fallback is None:
                fallback = chain
        return set(fallback) if fallback is not None else None

    # -- the walk ----------------------------------------------------------------------

    def blocks(self) -> list[Block]:
        body = self.body
        judge = self.judge
        watched = self.watched
        anchor_rules = self.anchor_rules
        tag_rules = self.tag_rules
        markers = self.markers
        anchor_chain = self.anchor_chain
        category = _CATEGORY
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
                self._emit_text(blocks, owners, parts, elements[seg_owner], seg_owner, seg_link)
                parts = []
            seg_owner = -1
            seg_link = 0
            if pending:
                for block, owner in pending:
                    block.index = len(blocks)
                    blocks.append(block)
                    owners.append(owner)
                pending.clear()

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
                    if ctx & _IN_LINK:
                        seg_link += len(text.strip())
                    continue
                kind = category.get(tag, _BLOCK)
                if kind is _SKIPPED:
                    continue
                if kind is _BREAK:
                    if owner == seg_owner:
                        parts.append(_BR)
                    continue
                attrs = node.attributes
                if attrs and ("class" in attrs or "id" in attrs or not watched.isdisjoint(attrs)):
                    hit = judge(tag, attrs)
                else:
                    hit = None
                if hit is None:
                    if tag in tag_rules:
                        rule = tag_rules[tag]
                        reason = rule.check_tag(tag, attrs)
                        if reason:
                            hit = (rule, reason)
                    elif tag == "a" and anchor_rules:
                        href = attrs.get("href")
                        if href and href[0] == "#":
                            hit = self.judge_anchor(href)
                if hit is not None and (
                    anchor_chain is not None
                    or hit[0].immediate
                    or kind is _INLINE_KIND
                    or tag in _LEAF_BLOCKS
                ):
                    rule, reason = hit
                    text = " ".join(node.text(separator=" ").split())
                    if self.prune_now_allowed(rule, node, text):
                        if text:
                            block = Block(
                                index=0,
                                text=text,
                                path=self._path(elements, owner, _label(tag, attrs)),
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
                    if tag == "a":
                        stack.append((node.iter(include_text=True), owner, ctx | _IN_LINK, False))
                    else:
                        stack.append((node.iter(include_text=True), owner, ctx, False))
                    break
                # A block-level element.
                if parts:
                    flush()
                new_ctx = ctx
                if kind is _SPECIAL:
                    if tag == "pre":
                        path = self._path(elements, owner, _label(tag, attrs))
                        self._emit_pre(blocks, owners, node, owner, path)
                        continue
                    if tag == "table":
                        if node.css_first(_LAYOUT_SIGNS) is None:
                            path = self._path(elements, owner, _label(tag, attrs))
                            self._emit_table(blocks, owners, node, owner, path)
                            continue
                    elif tag in _LISTS:
                        depth = (ctx >> _LIST_SHIFT) + 1
                        new_ctx = (ctx & 0xFF & ~(_ORDERED | _IN_ITEM)) | (depth << _LIST_SHIFT)
                        if tag == "ol":
                            new_ctx |= _ORDERED
                    else:
                        new_ctx = ctx | _CONTEXT_BITS[tag]
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
        return self._finish(blocks, owners, _Elements(elements, ends))

    # -- after the walk ----------------------------------------------------------------

    def _finish(self, blocks: list[Block], owners: list[int], el: _Elements) -> list[Block]:
        """Deferred prunings, the main container, paths and indexes."""
        n = len(el.parent)
        parent = el.parent
        values = [0.0 if b.pruned else _prose_value(b) for b in blocks]
        # The prose anchor: the element whose own paragraphs (and, at half weight, its
        # children's) say most; readability's old insight. It and its ancestors are kept.
        direct = [0.0] * n
        for value, owner in zip(values, owners, strict=True):
            if value:
                direct[owner] += value
                if owner:
                    direct[parent[owner]] += value / 2
        anchor = max(range(n), key=direct.__getitem__)
        anchor = _anchor_in_titled_article(blocks, owners, el, direct, anchor)
        # Prefer an anchor outside comments and related teasers (a long comment can
        # outweigh a short article), unless that leaves little prose.
        hit = el.hit
        up = anchor
        while up > 0 and (hit[up] is None or not hit[up][0].holds_prose):
            up = parent[up]
        if up > 0:  # the anchor lies in such a subtree: look at every element
            pruned_below = [False] * n
            for e in range(1, n):
                pruned_below[e] = pruned_below[parent[e]] or (
                    hit[e] is not None and hit[e][0].holds_prose
                )
            outside = max(
                (e for e in range(n) if not pruned_below[e]), key=direct.__getitem__, default=0
            )
            if direct[outside] >= _ANCHOR_OUTSIDE_MIN_SHARE * direct[anchor]:
                anchor = outside
        anchor_chain: set[int] = set()
        if direct[anchor] > 0:
            e = anchor
            while e >= 0:
                anchor_chain.add(e)
                e = parent[e]
        else:
            anchor = -1
        blocks, owners, values = self._prune_deferred(blocks, owners, values, el, anchor_chain)
        for i, (block, owner) in enumerate(zip(blocks, owners, strict=True)):
            block.index = i
            if not block.path:
                block.path = (
                    self._path(el, parent[owner], self._element_label(el, owner))
                    if owner
                    else "body"
                )
        if self.container_rule is not None and anchor >= 0:
            self._mark_outside_container(blocks, owners, values, el, anchor)
        return blocks

    def _prune_deferred(
        self,
        blocks: list[Block],
        owners: list[int],
        values: list[float],
        el: _Elements,
        keep: set[int],
    ) -> tuple[list[Block], list[int], list[float]]:
        """Apply the block-level prunings the walk deferred; one block per pruned subtree.

        Returns the blocks, their owners and their prose values (0 for pruned blocks).
        """
        n = len(el.parent)
        parent = el.parent
        hits = el.hit
        if not any(hits):
            return blocks, owners, values
        chars = [0] * n
        for block, owner in zip(blocks, owners, strict=True):
            if not block.pruned:
                chars[owner] += len(block.text)
        for e in range(n - 1, 0, -1):
            chars[parent[e]] += chars[e]
        total = chars[0]
        protected = self.protected
        root = [-1] * n
        for e in range(1, n):
            r = root[parent[e]]
            if r >= 0:
                root[e] = r
                continue
            hit = hits[e]
            if hit is None or e in keep or el.node[e].mem_id in protected:
                continue
            rule = hit[0]
            if rule.max_share < 1.0 and chars[e] >= 200 and chars[e] > rule.max_share * total:
                continue
            root[e] = e
        out: list[Block] = []
        out_owners: list[int] = []
        out_values: list[float] = []
        group: list[Block] = []
        group_root = -1

        def close() -> None:
            rule, reason = hits[group_root]
            text = " ".join(b.text for b in group)
            out.append(
                Block(
                    index=0,
                    text=" ".join(text.split()),
                    path=self._path(el, parent[group_root], self._element_label(el, group_root)),
                    pruned=True,
                    removal=Removal(rule.name, rule.family, reason),
                )
            )
            out_owners.append(parent[group_root])
            out_values.append(0.0)

        for block, owner, value in zip(blocks, owners, values, strict=True):
            r = root[owner]
            if r != group_root and group:
                close()
                group = []
            group_root = r
            if r < 0:
                out.append(block)
                out_owners.append(owner)
                out_values.append(value)
            else:
                group.append(block)
        if group:
            close()
        return out, out_owners, out_values

    # -- making blocks -----------------------------------------------------------------

    def _emit_text(
        self,
        blocks: list[Block],
        owners: list[int],
        parts: list[str],
        element: tuple[Any, ...],
        owner: int,
        link_chars: int,
    ) -> None:
        raw = "".join(parts)
        tag = element[3]
        ctx = element[2]
        if _BR in raw:
            texts = _split_breaks(raw)
            # Link characters were counted without surrounding white space; so is the
            # total.
            total = sum(map(len, texts)) - (len(texts) - 1)
        else:
            text = " ".join(raw.split())
            if not text:
                return
            texts = [text]
            total = len(text)
        level = _HEADING_LEVEL.get(tag, 0)
        if level:
            kind = _HEADING
        elif ctx & _IN_CAPTION:
            kind = _CAPTION
        elif ctx & _IN_QUOTE:
            kind = _QUOTE
        elif ctx & _IN_ITEM:
            kind = _LIST_ITEM
        else:
            kind = _PARAGRAPH
        list_depth = ctx >> _LIST_SHIFT
        ordered = bool(ctx & _ORDERED)
        density = min(1.0, link_chars / total) if total > 0 else 0.0
        for text in texts:
            block = Block(
                index=len(blocks),
                text=text,
                kind=kind,
                heading_level=level,
                link_density=density,
            )
            if list_depth:
                block.list_depth = list_depth
                block.ordered = ordered
            blocks.append(block)
            owners.append(owner)
            if self.sources is not None:
                self.sources.append((block, element[0]))

    def _emit_pre(
        self, blocks: list[Block], owners: list[int], node: LexborNode, el: int, path: str
    ) -> None:
        lines = node.text().split("\n")
        while lines and not lines[0].strip():
            lines.pop(0)
        while lines and not lines[-1].strip():
            lines.pop()
        if lines:
            block = Block(
                index=len(blocks),
                text="\n".join(line.rstrip() for line in lines),
                kind=BlockKind.CODE,
                path=path,
            )
            blocks.append(block)
            owners.append(el)
            if self.sources is not None:
                self.sources.append((block, node))

    def _emit_table(
        self, blocks: list[Block], owners: list[int], node: LexborNode, el: int, path: str
    ) -> None:
        rows: list[tuple[str, ...]] = []
        for tr in node.css("tr"):
            cells = tuple(
                " ".join(cell.text(separator=" ").split())
                for cell in tr.iter()
                if cell.tag in ("td", "th")
            )
            if any(cells):
                rows.append(cells)
        if not rows:
            return
        text = "\n".join("\t".join(cells) for cells in rows)
        link_chars = sum(len(a.text()) for a in node.css("a"))
        block = Block(
            index=len(blocks),
            text=text,
            kind=BlockKind.TABLE,
            path=path,
            link_density=min(1.0, link_chars / len(text)),
        )
        blocks.append(block)
        owners.append(el)
        if self.sources is not None:
            self.sources.append((block, node))

    def _path(self, el: _Elements | list[tuple[Any, ...]], owner: int, own: str) -> str:
        """'parent > element' for an element whose own label is ``own``."""
        if owner == 0:
            return own
        return f"{self._element_label(el, owner)} > {own}"

    def _element_label(self, el: _Elements | list[tuple[Any, ...]], e: int) -> str:
        label = self._labels.get(e)
        if label is None:
            if isinstance(el, _Elements):
                label = _label(el.tag[e], el.attrs[e])
            else:
                label = _label(el[e][3], el[e][7])
            self._labels[e] = label
        return label

    # -- the main content container ----------------------------------------------------

    def _mark_outside_container(
        self,
        blocks: list[Block],
        owners: list[int],
        values: list[float],
        el: _Elements,
        anchor: int,
    ) -> None:
        """Remove kept blocks outside the main container.

        The container is the article marker (itemprop=articleBody, ``<article>``)
        nearest around the prose anchor; without one, the anchor widened to its
        ancestors until it holds ``html_container_min_share`` of the page's prose.
        """
        rule = self.container_rule
        assert rule is not None
        parent = el.parent
        n = len(parent)
        score = [0.0] * n
        for value, owner in zip(values, owners, strict=True):
            if value:  # pruned blocks have none
                score[owner] += value
        for e in range(n - 1, 0, -1):
            score[parent[e]] += score[e]
        best = anchor
        while best > 0 and el.marker[best] != 2:
            best = parent[best]
        marked = best > 0
        if not marked:
            need = self.config.html_container_min_share * score[0]
            best = anchor
            while best > 0 and score[best] < need:
                best = parent[best]
        if best == 0:
            return
        # Siblings before it with prose of their own join (a summary or standfirst
        # above the body); what follows the body is related material.
        # (An article marker says where the article ends: no siblings for it.)
        inside = [False] * n
        inside[best] = True
        share = self.config.html_sibling_min_share * score[best]
        up = parent[best]
        for e in range(up + 1, best if not marked else up + 1):
            if parent[e] == up and score[e] > 0 and score[e] >= share:
                inside[e] = True
        for e in range(up + 1, el.end[up]):
            if inside[parent[e]]:
                inside[e] = True
        reason = f"outside the main container (the main content is {self._element_label(el, best)})"
        for block, owner in zip(blocks, owners, strict=True):
            if block.removal is None and not inside[owner]:
                block.remove(rule.name, rule.family, reason)
                block.pruned = True


class _Elements:
    """The block-level elements met by the walk, as parallel lists (0 = body)."""

    __slots__ = ("attrs", "ctx", "depth", "end", "hit", "marker", "node", "parent", "tag")

    def __init__(self, rows: list[tuple[Any, ...]], ends: list[int]) -> None:
        columns = list(zip(*rows, strict=True))
        self.node: list[LexborNode] = list(columns[0])
        self.parent: list[int] = list(columns[1])
        self.ctx: list[int] = list(columns[2])
        self.tag: list[str] = list(columns[3])
        #: 1: <main> or role=main; 2: the article itself (see ``_find_markers``).
        self.marker: list[int] = list(columns[4])
        self.depth: list[int] = list(columns[5])
        #: A deferred tree-rule match: rule and reason.
        self.hit: list[tuple[TreeRule, str] | None] = list(columns[6])
        self.attrs: list[dict[str, str | None] | None] = list(columns[7])
        #: One past the last element of each element's subtree.
        self.end = ends


def _with_ancestors(nodes: list[LexborNode], into: set[int]) -> set[int]:
    """Add the ids of ``nodes`` and of all their ancestors to ``into``."""
    for start in nodes:
        node: LexborNode | None = start
        while node is not None and node.mem_id not in into:
            into.add(node.mem_id)
            node = node.parent
    return into


def _anchor_in_titled_article(
    blocks: list[Block], owners: list[int], el: _Elements, direct: list[float], anchor: int
) -> int:
    """The best anchor inside the one article that carries the page's ``<h1>``, when
    the page holds several articles and the best anchor lies outside it.

    Blogs list related posts as ``<article>``s after the post; a related post with
    longer paragraphs must not become the page's article. The post is the one titled
    with the page's top heading (an ``<h1>``; teasers use lower levels).
    """
    parent = el.parent
    marker = el.marker
    if sum(1 for m in marker if m == 2) < 2:
        return anchor
    # The article around each element (0: none); parents come before their children.
    article_of = [0] * len(parent)
    for e in range(1, len(parent)):
        article_of[e] = e if marker[e] == 2 else article_of[parent[e]]
    titled = {
        article_of[owner]
        for block, owner in zip(blocks, owners, strict=True)
        if block.heading_level == 1 and not block.pruned
    }
    if len(titled) != 1:
        return anchor
    (article,) = titled
    if article <= 0 or el.end[article] > anchor >= article:
        return anchor  # no such article, or the anchor is already inside it
    best = max(range(article, el.end[article]), key=direct.__getitem__)
    if direct[best] >= _ANCHOR_OUTSIDE_MIN_SHARE * direct[anchor]:
        return best
    return anchor


def _prose_value(block: Block) -> float:
    """How much a block says 'article text here': long, sentence-like, few links."""
    if block.kind not in (BlockKind.PARAGRAPH, BlockKind.QUOTE, BlockKind.LIST_ITEM):
        return 0.0
    text = block.text
    n = len(text)
    if n < 40:
        return 0.0
    if n < _SHORT_WORDS * (text.count(" ") + 1):
        return 0.0  # words this short are a symbol run or a tag cloud, not sentences
    end = text.rstrip()
    if end.endswith(_TRUNCATION_MARKS):
        return 0.0
    value = (n - _BLOCK_COST) * (1.0 - block.link_density) ** 2
    if end[-1:] not in ".!?…:;\"'”’»)。！？":
        value *= 0.5
    return value


def _label(tag: str, attrs: dict[str, str | None] | None) -> str:
    """'tag#id.class1.class2': how paths name an element."""
    if not attrs:
        return tag
    ident = attrs.get("id")
    label = f"{tag}#{ident.strip()}" if ident and ident.strip() else tag
    classes = (attrs.get("class") or "").split()
    if classes:
        label += "." + ".".join(classes[:2])
    return label


def _split_breaks(raw: str) -> list[str]:
    """Text with ``<br>`` marks: lines joined by newlines, blocks split at empty lines."""
    out: list[str] = []
    lines: list[str] = []
    for chunk in raw.split(_BR):
        line = " ".join(chunk.split())
        if line:
            lines.append(line)
        elif lines:
            out.append("\n".join(lines))
            lines = []
    if lines:
        out.append("\n".join(lines))
    return out
