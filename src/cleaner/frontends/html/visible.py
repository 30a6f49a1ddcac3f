"""What a browser shows, where the walk alone would not tell: hidden parts of the blocks
the walk does not walk into, and declarative shadow roots.

A ``<pre>`` or a data table becomes one block from its whole text, without the walk
visiting its descendants; ``unseen_inside`` takes out of it first what the walk leaves
out of a paragraph (the elements of ``SKIP_TAGS``, and those an immediate tree rule
prunes: hidden, screen-reader-only, ``<noscript>`` ...), so that hidden means hidden
everywhere. ``attach_shadow_roots`` puts the content of a ``<template
shadowrootmode>`` where a browser renders it: as its host's content, the host's own
children placed in the shadow tree's slots. ``in_sentence`` tells the walk whether an
inline element a tree rule matched is words a reader sees inside a line, which stay.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...spaces import squash
from ..tags import SKIP_TAGS, is_inline

if TYPE_CHECKING:
    from ...rules.elements import ElementJudge
    from ...rules.prune import PruneGuard
    from ...rules.tree import TreePlan, TreeRule

#: Skipped elements that can hold text (the others are empty, or dropped before the
#: walk with their text).
_SKIPPED_WITH_TEXT = ("textarea", "button", "option", "optgroup", "datalist", "math", "canvas")
_SKIPPED_WITH_TEXT += ("title", "map", "applet", "frameset")
#: Elements a declarative shadow root can be attached to (the DOM's ``attachShadow``),
#: besides custom elements (a name with a hyphen).
_SHADOW_HOSTS = frozenset(
    {"article", "aside", "blockquote", "body", "div", "footer", "header", "main", "nav"}
    | {"p", "section", "span", "h1", "h2", "h3", "h4", "h5", "h6"}
)
_SHADOW_MODES = frozenset({"open", "closed"})
#: The family of the rules whose matches a reader does not see (``rules/markup.py``).
HIDING_FAMILY = "hidden"


def inner_selector(plan: TreePlan) -> str:
    """The elements of a ``<pre>`` or a table ``unseen_inside`` judges: the skipped
    tags that can hold text, the elements with a class, an id or a hiding attribute,
    and the tags of immediate rules (one query finds them all)."""
    parts = list(_SKIPPED_WITH_TEXT)
    parts += ("[class]", "[id]")
    parts += (f"[{name}]" for name in sorted(plan.watched))
    parts += sorted(tag for tag, rule in plan.tag_rules.items() if rule.immediate)
    return ", ".join(parts)


def unseen_inside(
    node: Any, selector: str, judge: ElementJudge, guard: PruneGuard, plan: TreePlan
) -> list[tuple[str, Any, str, TreeRule, str]]:
    """Take out of ``node`` (a ``<pre>`` or a data table) what a paragraph would lose.

    The elements of ``SKIP_TAGS`` go without a trace, as in the walk. The elements
    the hiding rules (family 'hidden': the hidden attribute, display:none, sr-only ...)
    or an immediate rule's tags (``<noscript>``, a ``<video>``'s fallback) prune, judged
    and guarded as the walk judges and guards them, go too and are returned, in page
    order, as (tag, attributes, text, rule, reason), for the walk to make removed blocks
    of. Other class/id vocabularies are not asked here: inside a data table a class
    like 'player' or 'date' names the data. The kept text is left as it was, adjacent
    text runs joined as a browser shows them.
    """
    found = node.css(selector)
    if not found:
        return []
    root = node.mem_id
    gone: set[int] = set()
    removed: list[Any] = []
    pruned: list[tuple[str, Any, str, TreeRule, str]] = []
    watched = plan.watched
    tag_rules = plan.tag_rules
    last = root  # the engine reports the element itself when it matches: the walk judged it
    for el in found:
        mem_id = el.mem_id
        if mem_id == last:  # the engine reports an element once per selector it matches
            continue
        last = mem_id
        if gone and _inside(el, gone, root):
            continue
        tag = el.tag
        if tag not in SKIP_TAGS:
            attrs = el.attributes
            hit = None
            if "class" in attrs or "id" in attrs or not watched.isdisjoint(attrs):
                hit = judge.judge(tag, attrs)
                if hit is not None and hit[0].family != HIDING_FAMILY:
                    hit = None
            if hit is None and tag in tag_rules:
                rule = tag_rules[tag]
                reason = rule.check_tag(tag, attrs)
                if reason and rule.immediate:
                    hit = (rule, reason)
            if hit is None:
                continue
            text = squash(el.text(separator=" "))
            if not guard.allows(hit[0], el, text):
                continue
            if text:
                pruned.append((tag, attrs, text, hit[0], hit[1]))
        gone.add(mem_id)
        removed.append(el)
    parents: dict[int, Any] = {}
    for el in removed:
        parent = el.parent
        el.decompose()
        if parent is not None:
            parents[parent.mem_id] = parent
    for parent in parents.values():
        parent.merge_text_nodes()  # "foo<span hidden>x</span>bar" reads "foobar"
    return pruned


def _inside(el: Any, gone: set[int], root: int) -> bool:
    """Whether ``el`` lies inside one of the elements ``gone`` (below ``root``)."""
    node = el.parent
    while node is not None:
        mem_id = node.mem_id
        if mem_id == root:
            return False
        if mem_id in gone:
            return True
        node = node.parent
    return False


def is_shadow_root(template: Any) -> bool:
    """Whether a ``<template>`` declares a shadow root (``shadowrootmode``, or the
    older ``shadowroot``, 'open' or 'closed'); a plain template is never shown."""
    attrs = template.attributes
    mode = attrs.get("shadowrootmode")
    if mode is None:
        mode = attrs.get("shadowroot")
    return mode is not None and mode.strip().lower() in _SHADOW_MODES


def attach_shadow_roots(templates: list[Any]) -> None:
    """Show each declarative shadow root as a browser does: the template's content
    becomes its host's content, and the host's own children go into the content's
    ``<slot>``s (by their ``slot`` attribute; the rest to the first unnamed slot) or
    are not shown. A slot nothing goes into shows its own content. Shadow roots inside
    shadow roots are attached in turn; a host takes its first one only, the other
    templates stay plain templates (dropped with them).

    Linear: each template's content is queried once, each host's children read once.
    (Nodes are only unlinked, never freed, until the tree goes: a template met later
    inside a removed subtree finds no host.)
    """
    hosts: set[int] = set()
    stack = templates[::-1]
    while stack:
        template = stack.pop()
        host = template.parent
        if host is None or host.mem_id in hosts:
            continue
        tag = host.tag
        if tag not in _SHADOW_HOSTS and (tag is None or "-" not in tag):
            continue
        fragments = template.template_fragments()
        if not fragments:
            continue
        hosts.add(host.mem_id)
        content = fragments[0]
        inner = content.css("template, slot")
        _fill_slots(host, template, [n for n in inner if n.tag == "slot"])
        for child in list(content.iter(include_text=True)):
            template.insert_before(child, move=True)
        template.decompose()
        stack.extend(n for n in reversed(inner) if n.tag == "template" and is_shadow_root(n))


def _fill_slots(host: Any, template: Any, slots: list[Any]) -> None:
    """Move the host's children (but ``template``) into the slots they are assigned
    to; unassigned children go."""
    default = None
    named: dict[str, Any] = {}
    for slot in slots:
        name = slot.attributes.get("name") or ""
        if not name:
            if default is None:
                default = slot
        else:
            named.setdefault(name, slot)
    filled: set[int] = set()
    skip = template.mem_id
    for child in list(host.iter(include_text=True)):
        if child.mem_id == skip:
            continue
        tag = child.tag
        slot = None
        if tag == "-text":
            slot = default
        elif tag != "-comment" and tag != "template":
            name = child.attributes.get("slot")
            slot = named.get(name) if name else default
        if slot is None:
            child.decompose()
            continue
        slot.insert_before(child, move=True)
        filled.add(slot.mem_id)
    for slot in slots:
        if slot.mem_id in filled or slot.child is None:
            slot.decompose()
        else:
            slot.unwrap()  # nothing assigned: its own content shows


def in_sentence(node: Any, rule: TreeRule, judge: ElementJudge) -> bool:
    """Whether an inline element a tree rule matched is part of the words around it,
    which then keep it: what the rule names is on screen (a player link, a link that
    opens a pop-up), and words sit beside it in its line."""
    if not (rule.shown or (rule.links_shown and node.tag == "a")):
        return False
    return _words_beside(node, "prev", judge) or _words_beside(node, "next", judge)


def _words_beside(node: Any, side: str, judge: ElementJudge) -> bool:
    """Whether words sit right beside an inline element on ``side`` ("prev" or "next")
    in its line: the nearest sibling holding a letter or digit is text, or an inline
    element the tree rules leave (a headline link before a date), looked for up through
    the inline elements around it. Text of punctuation alone (the "|" between menu
    links) is passed over like blanks: it separates links, not words. A sibling the
    rules prune (the next link of a share bar) or a line break ends the search."""
    while True:
        sibling = getattr(node, side)
        while sibling is not None:
            tag = sibling.tag
            if tag == "-text":
                text = sibling.text_content
                # Letters or digits, not a bare separator ("&nbsp;|", " · ") between links.
                if text and any(ch.isalnum() for ch in text):
                    return True
            elif tag != "-comment":
                if not is_inline(tag):
                    return False  # a block, a line break: the line ends here
                if any(ch.isalnum() for ch in sibling.text()):
                    attrs = sibling.attributes
                    return not attrs or judge.judge(tag, attrs, sibling) is None
            sibling = getattr(sibling, side)
        node = node.parent
        if node is None or not is_inline(node.tag):
            return False
