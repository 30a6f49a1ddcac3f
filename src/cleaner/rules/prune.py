"""When a tree rule's match may prune a subtree of an HTML page.

The page's main content markers (``<main>``, role=main, itemprop=articleBody,
``<article>``) and the prose anchor guard the prunings: an element holding one is never
pruned. ``PruneGuard`` decides the prunings made while the front-end walks the page;
``prune_deferred`` makes the ones that waited for the walk to find the prose, one
removed block per pruned subtree.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..blocks import Block, Removal
from ..spaces import squash

if TYPE_CHECKING:
    from ..config import Config
    from .elements import ElementJudge
    from .tree import Elements, TreeRule

#: ``Elements.marker`` codes: <main> or role=main (the article is somewhere inside) ...
MAIN = 1
#: ... and itemprop=articleBody or <article> (an article itself).
ARTICLE = 2
#: Elements marking the main content; their ancestors are never pruned.
MARKER_SELECTOR = "main, [role=main], [itemprop~=articleBody], article, [role=article]"
_PARAGRAPH_OR_MARKER = f"p, {MARKER_SELECTOR}"


def paragraphs_and_markers(body: Any) -> tuple[list[Any], list[Any]]:
    """The ``<p>`` elements and the elements ``MARKER_SELECTOR`` matches, in page
    order, as two separate queries would give them.

    One query finds both: each query walks the whole tree (about 0.1 ms a page).
    A ``<p>`` is in the second list only through a role or itemprop attribute (and
    the engine reports an element once per selector it matches); when a page has
    such a ``<p>``, the two queries run after all.
    """
    paragraphs: list[Any] = []
    marked: list[Any] = []
    for node in body.css(_PARAGRAPH_OR_MARKER):
        if node.tag != "p":
            marked.append(node)
            continue
        attrs = node.attributes
        if "role" in attrs or "itemprop" in attrs:
            return body.css("p"), body.css(MARKER_SELECTOR)
        paragraphs.append(node)
    return paragraphs, marked


def seen_markers(
    marked: list[Any], judge: ElementJudge, tag_rules: Mapping[str, TreeRule]
) -> list[Any]:
    """Those of the markers ``marked`` a reader sees: none inside (or itself) an element
    that a tree rule naming unseen content matches by its tag or attributes (the hidden
    attribute, aria-hidden, display:none, ``<noscript>`` ...). A hidden ``<article>`` is
    a copy a script may show, never the page's main content: it guards nothing and is no
    container.

    Each element is judged once however many markers it holds (listing pages hold
    hundreds of ``<article>``s).
    """
    unseen: dict[int, bool] = {}  # element id: it or an ancestor is unseen
    # Only the rules matching a tag or a watched attribute name unseen content (none
    # matching class names and ids does): an element with neither is not asked.
    watched = judge.watched

    def is_unseen(node: Any) -> bool:
        path: list[int] = []
        found = False
        while node is not None and node.tag != "body":  # (the walk judges no body)
            mem_id = node.mem_id
            known = unseen.get(mem_id)
            if known is not None:
                found = known
                break
            path.append(mem_id)
            tag = node.tag or ""
            attrs = node.attributes
            if tag not in tag_rules and watched.isdisjoint(attrs):
                node = node.parent
                continue
            hit = judge.judge(tag, attrs) if attrs else None
            if hit is None and tag in tag_rules:
                reason = tag_rules[tag].check_tag(tag, attrs)
                hit = (tag_rules[tag], reason) if reason else None
            # (What the markup states, not a class name's guess: an article in a
            # 'modal' may be the one the snapshot shows.)
            if hit is not None and not hit[0].shown and not hit[0].vocabulary:
                found = True
                break
            node = node.parent
        for mem_id in path:
            unseen[mem_id] = found
        return found

    return [node for node in marked if not is_unseen(node)]


class PruneGuard:
    """Which of one page's elements the tree rules may prune while the walk meets
    them. Built per page; nothing outlives it."""

    __slots__ = ("_body", "_body_chars", "anchor_chain", "markers", "protected", "weak")

    def __init__(self, body: Any, marked: list[Any], config: Config) -> None:
        self._body = body
        self._body_chars: int | None = None
        self.protected, self.weak, self.markers = find_markers(
            marked, config.html_max_guarding_markers
        )
        #: Ids of the prose anchor found before the walk and its ancestors (None:
        #: not known, the block-level prunings wait for the walk).
        self.anchor_chain: set[int] | None = None

    def body_chars(self) -> int:
        if self._body_chars is None:
            self._body_chars = len(squash(self._body.text(separator=" ")))
        return self._body_chars

    def allows(self, rule: TreeRule, node: Any, text: str) -> bool:
        """The guard of a pruning decided during the walk.

        Never an element holding a main-content marker; for rules that wait for the
        prose anchor, never one of its ancestors; without an anchor, never an element
        holding more than the rule's share of the page's text.
        """
        if rule.may_spare and rule.spares(node):
            return False
        mem_id = node.mem_id
        if rule.immediate:
            if mem_id in self.weak:
                return False
        elif mem_id in self.protected:
            return False
        elif self.anchor_chain is not None:
            return mem_id not in self.anchor_chain
        if rule.max_share >= 1.0 or len(text) < rule.guard_min_chars:
            return True
        return len(text) <= rule.max_share * self.body_chars()


def find_markers(marked: list[Any], max_guarding: int) -> tuple[set[int], set[int], dict[int, int]]:
    """Elements holding a main-content marker, and the markers themselves.

    Markers map to ``MAIN`` (``<main>``, role=main: the article is somewhere inside) or
    ``ARTICLE`` (itemprop=articleBody, ``<article>``: an article itself). Returns the
    elements holding one of the first ``max_guarding`` ``<main>``s or articleBodies
    (never pruned), the same plus those holding the largest ``<article>`` (not pruned
    while walking: comments can be ``<article>``s too, so that one only guards the
    rules that cannot wait), and the markers.
    """
    strong: list[Any] = []
    articles: list[Any] = []
    markers: dict[int, int] = {}
    for node in marked:
        tag = node.tag
        if tag == "main":
            markers[node.mem_id] = MAIN
            strong.append(node)
            continue
        attrs = node.attributes
        if "articleBody" in (attrs.get("itemprop") or "").split():
            markers[node.mem_id] = ARTICLE
            strong.append(node)
        elif tag == "article" or attrs.get("role") == "article":
            markers[node.mem_id] = ARTICLE
            articles.append(node)
        else:
            markers[node.mem_id] = MAIN
            strong.append(node)
    protected = _with_ancestors(strong[:max_guarding], set())
    weakly_protected = set(protected)
    if articles:
        # Listing pages hold many <article> teasers; the article is the biggest. An
        # article inside another holds no more text than it and comes after it, so
        # only the outermost ones are measured: each text read once, not once per
        # article around it.
        outer = _outermost(articles)
        _with_ancestors([max(outer, key=lambda n: len(n.text()))], weakly_protected)
    return protected, weakly_protected, markers


def _outermost(nodes: list[Any]) -> list[Any]:
    """Those of ``nodes`` (in page order) not inside another of them.

    Each element is visited once: a climb stops at an element already known to be
    inside one of ``nodes`` or outside all of them.
    """
    ids = {node.mem_id for node in nodes}
    inside: dict[int, bool] = {}  # element id: below one of ``nodes``
    out: list[Any] = []
    for node in nodes:
        path: list[int] = []
        up = node.parent
        found = False
        while up is not None:
            mem_id = up.mem_id
            if mem_id in inside:
                found = inside[mem_id]
                break
            path.append(mem_id)
            if mem_id in ids:
                found = True
                break
            up = up.parent
        for mem_id in path:
            inside[mem_id] = found
        if not found:
            out.append(node)
    return out


def _with_ancestors(nodes: list[Any], into: set[int]) -> set[int]:
    """Add the ids of ``nodes`` and of all their ancestors to ``into``."""
    for start in nodes:
        node = start
        while node is not None and node.mem_id not in into:
            into.add(node.mem_id)
            node = node.parent
    return into


def prune_deferred(
    blocks: list[Block],
    owners: list[int],
    values: list[float],
    el: Elements,
    keep: set[int],
    protected: set[int],
) -> tuple[list[Block], list[int], list[float]]:
    """Apply the block-level prunings the walk deferred; one block per pruned subtree.

    ``keep`` are the elements spared (the prose anchor and its ancestors), ``protected``
    the ids of elements holding a main-content marker. Returns the blocks, their owners
    and their prose values (0 for pruned blocks).
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
        if rule.may_spare and rule.spares(el.node[e]):
            continue
        if (
            rule.max_share < 1.0
            and chars[e] >= rule.guard_min_chars
            and chars[e] > rule.max_share * total
        ):
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
                text=squash(text),
                path=el.path(parent[group_root], el.label(group_root)),
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
