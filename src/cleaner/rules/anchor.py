"""The prose anchor: the element of an HTML page whose paragraphs say most.

It is found twice. Before the walk, from ``<p>`` text alone (``prose_anchor``): with it
known, the front-end prunes a tree-rule match off its ancestors without walking inside.
After the walk, from every block's prose value (``find_anchor``): the deferred
prunings spare it and its ancestors, and the main container (``container.py``) is
chosen around it. Either way it is the element whose own paragraphs (and, at half
weight, its children's) hold most prose, readability's old insight, preferring one
outside comments and related teasers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..blocks import Block, BlockKind
from .prune import ARTICLE

if TYPE_CHECKING:
    from ..config import Config
    from .elements import ElementJudge
    from .tree import Elements, TreeRule

# The thresholds are ``Config`` fields (``html_prose_*``, ``html_anchor_*``): the
# prose anchor serves every tree rule and the main container.
#: A block ending in an ellipsis is an excerpt cut short, a teaser's summary ("... may
#: soon..."): the prose of another page, which counts for nothing here.
_TRUNCATION_MARKS = ("...", "…", "[…]", "[...]", "(…)", "(...)")
# ``compiled.compiled_prepare``, imported at the first page (the front-end imports the
# rules: at the top, the import would be circular). It holds no page's data.
_prepare: list[Callable[[], Any]] = []


def prose_anchor(
    body: Any,
    paragraphs: list[Any],
    judge: ElementJudge,
    tag_rules: Mapping[str, TreeRule],
    config: Config,
    lengths: list[int] | None = None,
) -> set[int] | None:
    """Ids (``mem_id``) of the prose anchor and its ancestors, from ``<p>`` text alone.

    None when the page has too little ``<p>`` text to tell: the walk then defers the
    decisions until it has seen every block. ``lengths``: those of the paragraphs'
    text, when known (the compiled pass before the walk counts them).
    """
    min_chars = config.html_prose_min_chars
    levels = config.html_anchor_vote_levels
    child_weight = config.html_anchor_child_weight
    outside_share = config.html_anchor_outside_min_share
    scores: dict[int, float] = {}
    nodes: dict[int, Any] = {}
    # The elements a <p> votes for, by its parent: paragraphs share parents, and a
    # climb up the tree costs more than a look-up.
    chains: dict[int, list[int]] = {}
    if lengths is None:
        lengths = [len(p.text()) for p in paragraphs]
    for p, length in zip(paragraphs, lengths, strict=True):
        if length < min_chars:
            continue
        up = p.parent
        if up is None:
            continue
        chain = chains.get(up.mem_id)
        if chain is None:
            chain = chains[up.mem_id] = []
            for _ in range(levels):
                if up is None:
                    break
                chain.append(key := up.mem_id)
                nodes[key] = up
                up = up.parent
        weight = 1.0
        for key in chain:
            scores[key] = scores.get(key, 0.0) + length * weight
            weight *= child_weight
    if not scores:
        return None
    ranked = sorted(scores, key=scores.__getitem__, reverse=True)[: config.html_anchor_candidates]
    body_id = body.mem_id
    judge_element = judge.judge_element
    best_score = 0.0
    fallback: list[int] | None = None
    for key in ranked:
        score = scores[key]
        if score < outside_share * best_score:
            break
        chain: list[int] = []
        in_prose_boilerplate = doomed = False
        node = nodes[key]
        while node is not None:
            mem_id = node.mem_id
            chain.append(mem_id)
            tag = node.tag or ""
            attrs = node.attributes
            hit = judge_element(tag, attrs, node) if attrs and mem_id != body_id else None
            if hit is None and tag in tag_rules:
                hit = (tag_rules[tag], "")
            if hit is not None:
                # Hidden content, consent banners, players go whatever they hold.
                doomed = doomed or hit[0].immediate
                in_prose_boilerplate = in_prose_boilerplate or hit[0].holds_prose
            node = node.parent
        if doomed:
            continue
        if not best_score:
            if score < config.html_anchor_min_text:
                return None
            best_score = score
        if not in_prose_boilerplate:
            return set(chain)
        if fallback is None:
            fallback = chain
    return set(fallback) if fallback is not None else None


def find_anchor(
    blocks: list[Block], owners: list[int], el: Elements, config: Config
) -> tuple[int, set[int], list[float]]:
    """The prose anchor after the walk (-1: none), it and its ancestors (the elements
    the deferred prunings spare), and each block's prose value (0 for pruned blocks).

    A block votes for the element holding it and its nearest ancestors; a ``<p>``'s
    block, like a ``<p>`` before the walk, for the ``<p>``'s parent and up.
    """
    n = len(el.parent)
    parent = el.parent
    outside_share = config.html_anchor_outside_min_share
    twins = _twins()
    if twins is None:
        values = [0.0 if b.pruned else prose_value(b, config) for b in blocks]
        direct, anchor = prose_votes(values, owners, el, config)
    else:
        values = twins.anchor_values(blocks, config)
        direct, anchor = twins.anchor_votes(
            values,
            owners,
            parent,
            el.tag,
            config.html_anchor_vote_levels,
            config.html_anchor_child_weight,
        )
    anchor = _anchor_in_titled_article(blocks, owners, el, direct, anchor, outside_share)
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
        if direct[outside] >= outside_share * direct[anchor]:
            anchor = outside
    chain: set[int] = set()
    if direct[anchor] > 0:
        e = anchor
        while e >= 0:
            chain.add(e)
            e = parent[e]
    else:
        anchor = -1
    return anchor, chain, values


def prose_votes(
    values: list[float], owners: list[int], el: Elements, config: Config
) -> tuple[list[float], int]:
    """Each element's votes from the blocks' prose ``values`` (a block votes for the
    element holding it and its nearest ancestors), and the first element holding most."""
    parent = el.parent
    n = len(parent)
    levels = config.html_anchor_vote_levels
    child_weight = config.html_anchor_child_weight
    direct = [0.0] * n
    for value, owner in zip(values, owners, strict=True):
        if value:
            # A <p> votes from the element holding it, as before the walk: a box of
            # several paragraphs must outvote one longer paragraph standing alone,
            # which it could not were each <p> its own first level.
            e = parent[owner] if owner and el.tag[owner] == "p" else owner
            for _ in range(levels):
                direct[e] += value
                if not e:
                    break
                e = parent[e]
                value *= child_weight
    return direct, max(range(n), key=direct.__getitem__)


def _twins() -> Any:
    """The compiled twins of ``prose_value`` over a page's blocks and of ``prose_votes``
    (``_canchor.pxi``) when the compiled walk is used, else None."""
    if not _prepare:
        from ..frontends.html.compiled import compiled_prepare

        _prepare.append(compiled_prepare)
    return _prepare[0]()


def _anchor_in_titled_article(
    blocks: list[Block],
    owners: list[int],
    el: Elements,
    direct: Sequence[float],
    anchor: int,
    outside_share: float,
) -> int:
    """The best anchor inside the one article that carries the page's ``<h1>``, when
    the page holds several articles and the best anchor lies outside it.

    Blogs list related posts as ``<article>``s after the post; a related post with
    longer paragraphs must not become the page's article. The post is the one titled
    with the page's top heading (an ``<h1>``; teasers use lower levels).
    """
    parent = el.parent
    marker = el.marker
    if marker.count(ARTICLE) <= 1:
        return anchor  # no choice between articles to make
    # The article around each element (0: none); parents come before their children.
    article_of = [0] * len(parent)
    for e in range(1, len(parent)):
        article_of[e] = e if marker[e] == ARTICLE else article_of[parent[e]]
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
    if direct[best] >= outside_share * direct[anchor]:
        return best
    return anchor


def prose_value(block: Block, config: Config) -> float:
    """How much a block says 'article text here': long, sentence-like, few links."""
    text = block.text
    if block.kind not in (BlockKind.PARAGRAPH, BlockKind.QUOTE, BlockKind.LIST_ITEM):
        # A heading as long as a paragraph is a paragraph set in heading markup.
        long_heading = text.count(" ") + 1 >= config.html_heading_paragraph_words
        if block.kind is not BlockKind.HEADING or not long_heading:
            return 0.0
    n = len(text)
    if n < config.html_prose_min_chars:
        return 0.0
    if n < config.html_prose_min_word_chars * (text.count(" ") + 1):
        return 0.0  # words this short are a symbol run or a tag cloud, not sentences
    end = text.rstrip()
    if end.endswith(_TRUNCATION_MARKS):
        return 0.0
    value = (n - config.html_prose_block_cost) * (
        1.0 - block.link_density
    ) ** config.html_prose_link_exponent
    if end[-1:] not in ".!?…:;\"'”’»)。！？":
        value *= config.html_prose_unpunctuated_weight
    return value
