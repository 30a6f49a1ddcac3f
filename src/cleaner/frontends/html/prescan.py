"""What the HTML path asks of a parsed page before the walk, found in one compiled pass.

Before the walk the path queries the page three times, each query a walk of the whole
tree: the elements declaring the page's kind (``declared.DECLARING``), the elements the
walk drops (``walk.DROP_SELECTOR``), and, once those are gone, the ``<p>``s and the
main-content markers (``prune.paragraphs_and_markers``); the prose anchor then reads
each ``<p>``'s text. Where the compiled walk is used, one pass in C finds all of it
(``_cmarks.pxi``): ``scan_page`` gives its answers, or None (the queries run: the
Python path, or a page the pass cannot read). The tests compare both on generated
markup and on every benchmark page (``scan_signature``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from ...config import Config
from ...rules.anchor import prose_anchor
from ...rules.prune import PruneGuard, paragraphs_and_markers, seen_markers
from .compiled import compiled_prepare

if TYPE_CHECKING:
    from ...rules.elements import ElementJudge
    from ...rules.tree import TreePlan


class PageScan(NamedTuple):
    """One page's answers, each list in page order."""

    #: The elements declaring the page's kind: at least those ``declared.DECLARING``
    #: matches (``declared_types`` asks each again).
    declaring: list[Any]
    #: The elements ``walk.DROP_SELECTOR`` matches under the body.
    dropped: list[Any]
    #: The ``<p>``s under the body, as if the dropped elements were gone, whose text
    #: holds ``html_prose_min_chars`` characters or more (shorter ones vote for no
    #: prose anchor), and the lengths of their text.
    paragraphs: list[Any]
    lengths: list[int]
    #: The main-content markers as ``paragraphs_and_markers`` gives them.
    marked: list[Any]


def scan_page(tree: Any, config: Config, twins: Any = None) -> PageScan | None:
    """The compiled pass's answers for a parsed page (``twins``: the compiled module,
    by default ``compiled_prepare()``'s), or None: ask the queries."""
    twins = twins or compiled_prepare()
    root = tree.root
    if twins is None or root is None:
        return None
    found = twins.scan_page(root, tree.body, config.html_prose_min_chars)
    return None if found is None else PageScan(*found)


def page_guard(body: Any, plan: TreePlan, judge: ElementJudge, scan: PageScan | None) -> PruneGuard:
    """The guard of one page's prunings before the walk (``walk.PageWalk``): its
    main-content markers a reader sees and its prose anchor, from ``scan`` or, when
    None, from the queries."""
    if scan is None:
        (paragraphs, marked), lengths = paragraphs_and_markers(body), None
    else:
        paragraphs, marked, lengths = scan.paragraphs, scan.marked, scan.lengths
    guard = PruneGuard(body, seen_markers(marked, judge, plan.tag_rules), plan.config)
    guard.anchor_chain = prose_anchor(body, paragraphs, judge, plan.tag_rules, plan.config, lengths)
    return guard


def scan_signature(page: str, twins: Any) -> tuple[Any, ...] | None:
    """``scan_page``'s answers for ``page`` as comparable data (each element as its tag
    and place in the page; None: the pass gave up), from the compiled pass (``twins``,
    the compiled module) or, with None, from the queries and the text it stands for."""
    from ...rules.declared import DECLARING, declared_types, declares
    from .parse import parse_html
    from .walk import DROP_SELECTOR

    config = Config()
    tree = parse_html(page)
    body = tree.body
    if tree.root is None or body is None:
        return ()
    order = {node.mem_id: i for i, node in enumerate(tree.root.traverse())}

    def places(nodes: list[Any]) -> list[tuple[str, int]]:
        return [(n.tag, order[n.mem_id]) for n in nodes]

    if twins is not None:
        scan = scan_page(tree, config, twins)
        if scan is None:
            return None
        declaring, dropped = scan.declaring, scan.dropped
    else:
        declaring, dropped = tree.css(DECLARING), body.css(DROP_SELECTOR)
    # (The query reports an element once per selector it matches; the pass may report
    # more: those the query does not match, which declare nothing.)
    declares = sorted(set(places([n for n in declaring if declares(n)])))
    result = (declared_types(tree, declaring), declares, places(dropped))
    for node in dropped:
        node.decompose()
    if twins is not None:
        paragraphs, lengths, marked = scan.paragraphs, scan.lengths, scan.marked
    else:
        paragraphs, marked = paragraphs_and_markers(body)
        lengths = [len(p.text()) for p in paragraphs]
        long = [i for i, n in enumerate(lengths) if n >= config.html_prose_min_chars]
        paragraphs, lengths = [paragraphs[i] for i in long], [lengths[i] for i in long]
    return (*result, places(paragraphs), lengths, places(marked))
