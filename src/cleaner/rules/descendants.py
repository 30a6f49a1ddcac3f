"""Whether an element holds another by its tag: what the tree rules ask of a subtree
before the walk prunes it (a ``<header>`` holding a heading, a gallery's item holding a
``<figcaption>``).

The question is a selector query, ``css_first`` of type selectors; Lexbor parses the
selector on every call and tests each node against each selector of the list. Where
the compiled walk is used, its twin answers instead (``_cfirst.pxi``: tag ids compared,
the first match ends the walk); the tests compare both on generated markup and on every
benchmark page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# ``compiled.compiled_prepare``, imported at the first question (the front-end imports
# the rules: at the top, the import would be circular; inside the function, it would
# cost more than the answer). It holds no page's data.
_prepare: list[Callable[[], Any]] = []


def holds_tag(node: Any, tags: frozenset[str], selector: str) -> bool:
    """Whether ``node`` or an element under it has a tag in ``tags``; ``selector`` is the
    same question as a selector list (the type selectors of ``tags``), asked where the
    compiled walk is not used."""
    if not _prepare:
        from ..frontends.html.compiled import compiled_prepare

        _prepare.append(compiled_prepare)
    twins = _prepare[0]()
    if twins is None:
        return node.css_first(selector) is not None
    return twins.first_has(node, tags)
