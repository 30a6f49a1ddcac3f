"""Tree rules: rules the HTML front-end applies to the parsed page, before any block.

A ``TreeRule`` says which elements are boilerplate: by tag (``check_tag``), by hiding
or role attributes (``check_attrs``), by in-page link target (``check_anchor``), or by
the tokens of class names and ids (its ``vocabulary`` section of
``phrases/html_hints.txt``). The front-end asks them while it walks the page (through
``TreePlan``, the rules arranged for asking, and ``elements.ElementJudge``); each pruned
subtree becomes one removed block carrying the rule's name, family and reason.

``Elements`` is the table of block-level elements the walk met: what rules reading the
page's structure after the walk (``container.OutsideMainContainer``) look at, as
``Document.elements``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

import regex

from ..config import Config
from ..errors import ConfigError
from ..phrases import HINTS_FILE, PhraseBook, html_hints
from ..spaces import words_up_to
from .base import Document, Rule
from .container import OutsideMainContainer
from .elements import name_tokens
from .params import Param

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Slug generators keep letters and digits and drop the rest.
_WORD = regex.compile(r"[^\W_]+")
#: How many class names an element's label shows ('div.post.entry'): display only.
LABEL_CLASSES = 2
#: The bound of the rules whose vocabulary has weak entries ("~image" in html_hints.txt):
#: each declares ``weak_max_words = WEAK_MAX_WORDS``.
WEAK_MAX_WORDS = Param(
    50,
    "An element named by a weak token alone ('image', 'date', 'meta': words that say "
    "what an element holds, not that it is chrome) is pruned only if its text has at "
    "most this many words: a date line, an image's caption and credit (news captions "
    "run to 40 words and more), not the prose a theme wrapped in a box of that name.",
)


class TreeRule(Rule):
    """A rule the HTML front-end applies to the parsed page (see the module docstring).

    The front-end asks ``check_attrs`` about elements that carry a class, an id, or a
    hiding or role attribute, ``check_tag`` about every element it walks, and matches
    ``vocabulary`` tokens against class names and ids. A match prunes the subtree unless
    a guard refuses (``prune.PruneGuard``): the subtree holds the page's main content
    marker (``<main>``, ``itemprop=articleBody``, the largest ``<article>``) or, for
    guarded rules, more than ``max_share`` of the page's text.
    """

    kinds: ClassVar[frozenset[str]] = frozenset({"html"})
    uses_features: ClassVar[bool] = False
    #: Tags this rule prunes whatever their attributes.
    tags: ClassVar[frozenset[str]] = frozenset()
    #: Attributes ``check_attrs`` looks at (it is only asked about elements having one).
    attributes: ClassVar[frozenset[str]] = frozenset()
    #: The ``html_hints.txt`` section whose class/id entries this rule matches.
    vocabulary: ClassVar[str] = ""
    max_share = Param(
        0.5,
        "A match holding more than this share of the page's text is not pruned (a rule "
        "that waits for the prose anchor checks this when the page shows none before the "
        "walk); 1.0 or more: no limit.",
    )
    guard_min_chars = Param(
        200,
        "A match holding fewer characters than this is pruned whatever share of the "
        "page's text it holds.",
    )
    slug_min_words = Param(
        4,
        "An id of at least this many tokens that spells the element's heading "
        "('sharing-with-a-single-developer' on a section headed 'Sharing with a single "
        "developer', as documentation generators name sections) is the heading's slug, "
        "not a component's name: its tokens name nothing. Shorter ids ('share-this-story') "
        "stay names.",
    )
    #: What a match is, for reasons: "share tools" in "class/id 'share-bar': share tools".
    what: ClassVar[str] = ""
    #: True: prune as soon as the walk meets the element. False: a block-level match
    #: waits until the walk has found where the prose is, and is not pruned if it holds
    #: it (a blog theme may call the post's own box a "widget").
    immediate: ClassVar[bool] = False
    #: True for boilerplate that can hold long prose (comments, related teasers): the
    #: prose anchor avoids such subtrees when there is prose elsewhere.
    holds_prose: ClassVar[bool] = False
    #: True: what the rule names is on screen (a player, a share link), so a match on an
    #: inline element with words right beside it is part of the sentence and is walked
    #: as text, never cut out of it. False: what it names is not seen (hidden content,
    #: screen-reader text, tooltips), and is taken out wherever it is.
    shown: ClassVar[bool] = True
    #: True: what the rule names is not seen, but a link it names is the control that
    #: shows it ('popup', 'lightbox' on an ``<a>``): the link's words are on screen.
    links_shown: ClassVar[bool] = False
    #: True: a block-level match is not pruned but walked as a figure caption (its
    #: blocks are captions, judged by the block rules once the page's type and main
    #: container are known). An inline match is pruned as any other.
    walked_as_caption: ClassVar[bool] = False
    #: True: ``spares`` says which of the rule's matches are look-alikes it keeps.
    may_spare: ClassVar[bool] = False

    def __init__(self, config: Config, phrases: PhraseBook) -> None:
        super().__init__(config, phrases)
        entries: dict[str, list[tuple[str, ...]]] = {}
        exact: set[tuple[str, ...]] = set()
        not_after: frozenset[str] = frozenset()
        not_before: frozenset[str] = frozenset()
        unless: set[str] = set()
        weak: set[str] = set()
        if self.vocabulary:
            hints = html_hints()
            if self.vocabulary not in hints:
                raise ConfigError(f"{HINTS_FILE} has no section [{self.vocabulary}]")
            for line in hints[self.vocabulary]:
                if line.startswith("!"):
                    unless.update(line[1:].lower().split())
                    continue
                if line.startswith("~"):
                    line = line[1:]
                    weak.add("-".join(line.lower().split()))
                whole = line.startswith("=")
                tokens = tuple(name_tokens(line.lstrip("=")) if whole else line.lower().split())
                if whole:
                    exact.add(tokens)
                entries.setdefault(tokens[0], []).append(tokens)
            not_after = frozenset(w for line in hints.get("not_after", []) for w in line.split())
            not_before = frozenset(w for line in hints.get("not_before", []) for w in line.split())
        # Longest entries first, so a reason names the most specific one.
        self.entries: Mapping[str, tuple[tuple[str, ...], ...]] = {
            first: tuple(sorted(set(seqs), key=len, reverse=True))
            for first, seqs in entries.items()
        }
        #: First tokens of the entries: the front-end intersects them with a page's tokens.
        self.first_tokens: frozenset[str] = frozenset(self.entries)
        self._exact = frozenset(exact)
        # What ``match_tokens`` needs of each entry, worked out once: the entry, its
        # length, whether it must be the whole name, and its name in reasons.
        self._candidates = {
            first: tuple((e, len(e), e in self._exact, "-".join(e)) for e in seqs)
            for first, seqs in self.entries.items()
        }
        self._not_after = not_after
        self._not_before = not_before
        #: Tokens that make a class name none of this vocabulary's ("social-embed" is
        #: an embedded post, not share buttons).
        self._unless = frozenset(unless)
        #: Entries (as ``match_tokens`` names them) that only prune a short element.
        self.weak_entries: frozenset[str] = frozenset(weak)
        if weak and not hasattr(self, "weak_max_words"):
            raise ConfigError(
                f"{HINTS_FILE} [{self.vocabulary}] has weak entries but rule {self.name!r} "
                "declares no weak_max_words"
            )

    def apply(self, doc: Document) -> None:
        """Nothing to do on blocks: the front-end applied this rule to the tree.

        (Its prunings, immediate and deferred, are made while the blocks are made: a
        pruned subtree becomes one removed block, which a rule marking blocks cannot
        make. The rule stays in the registry to be listed, documented and disabled.)
        """

    def check_tag(self, tag: str, attrs: Mapping[str, Any] | None) -> str | None:
        """Why an element with this tag is pruned, or None."""
        if tag in self.tags:
            return f"<{tag}> element"
        return None

    def check_attrs(self, tag: str, attrs: Mapping[str, Any], node: Any) -> str | None:
        """Why an element with these attributes is pruned, or None."""
        return None

    def match_tokens(self, tokens: list[str], at: int) -> str | None:
        """The vocabulary entry matching ``tokens`` (one class name) from ``at``, or None."""
        if at > 0 and tokens[at - 1] in self._not_after:
            return None
        if self._unless and not self._unless.isdisjoint(tokens):
            return None
        for entry, length, exact, joined in self._candidates.get(tokens[at], ()):
            end = at + length
            # (Entries are filed under their first token: one-token entries match.)
            if length > 1 and tuple(tokens[at:end]) != entry:
                continue
            if exact:
                if at == 0 and end == len(tokens):
                    return joined
                continue
            if end < len(tokens) and tokens[end] in self._not_before:
                continue
            return joined
        return None

    def spares(self, node: Any) -> bool:
        """Whether a match on ``node`` (parsed) is a look-alike of what the rule names,
        kept whatever it holds (asked only when ``may_spare``)."""
        return False

    def weak_allows(self, text: str) -> bool:
        """Whether an element named by a weak token alone is pruned, by its text: only
        a short one is (a weak token is no evidence against prose)."""
        limit = getattr(self, "weak_max_words", 0)
        return words_up_to(text, limit) <= limit

    def weak_spares(self, node: Any) -> bool:
        """Whether an element a weak token alone names (``node``, parsed) is spared
        whatever its length; none is, unless a rule says which."""
        return False

    def is_heading_slug(self, ident: str, node: Any) -> bool:
        """Whether ``ident`` (the id of ``node``, a parsed element) is the slug of the
        element's heading: the element itself or its first child element, when that is
        an <h1>-<h6> whose words the id's tokens spell from the start."""
        tokens = name_tokens(ident)
        if len(tokens) < self.slug_min_words:
            return False
        heading = node if node.tag in _HEADINGS else node.child
        while heading is not None and heading.tag == "-text":
            heading = heading.next
        if heading is None or heading.tag not in _HEADINGS:
            return False
        words = _WORD.findall(heading.text(separator=" ").lower())
        return words[: len(tokens)] == tokens

    def check_anchor(self, href: str) -> str | None:
        """Why an in-page link (``href`` starting with '#') is pruned, or None."""
        return None

    def vocabulary_reason(self, entry: str) -> str:
        return f"class/id token {entry!r}: {self.what}"


class TreePlan:
    """The enabled tree rules arranged the way the HTML front-end asks them: by tag, by
    attribute, by the first token of their vocabulary entries.

    Worked out once per ``Cleaner`` (it depends on the rules only, never on a page) and
    read-only afterwards, so that no page pays for it.
    """

    __slots__ = (
        "anchor_rules",
        "attr_rules",
        "config",
        "container_rule",
        "first_tokens",
        "qualifiers",
        "rules",
        "tag_rules",
        "token_rules",
        "vocab_rules",
        "watched",
    )

    def __init__(self, rules: Iterable[Rule], config: Config | None = None) -> None:
        given = list(rules)
        #: The thresholds of the walk and the prose anchor, which serve every tree rule.
        self.config = config if config is not None else Config()
        #: The rules judging elements.
        self.rules = tuple(r for r in given if isinstance(r, TreeRule))
        #: For ``html_to_blocks``, which applies it to the blocks it returns (the
        #: pipeline runs it as any other rule).
        self.container_rule = next((r for r in given if isinstance(r, OutsideMainContainer)), None)
        tag_rules: dict[str, TreeRule] = {}
        for rule in self.rules:
            for tag in rule.tags:
                tag_rules.setdefault(tag, rule)
        self.tag_rules: Mapping[str, TreeRule] = tag_rules
        self.anchor_rules = tuple(
            r for r in self.rules if type(r).check_anchor is not TreeRule.check_anchor
        )
        self.attr_rules = tuple(r for r in self.rules if r.attributes)
        self.watched: frozenset[str] = frozenset().union(*(r.attributes for r in self.attr_rules))
        self.vocab_rules = tuple(r for r in self.rules if r.first_tokens)
        self.first_tokens: frozenset[str] = frozenset().union(
            *(r.first_tokens for r in self.vocab_rules)
        )
        #: The hints' [not_after] tokens: also qualifiers of the rest of their camelCase
        #: compound (``elements.described_positions``).
        self.qualifiers: frozenset[str] = frozenset().union(
            *(r._not_after for r in self.vocab_rules)
        )
        # Which rules (priority = position in ``vocab_rules``) have an entry starting
        # with each token.
        token_rules: dict[str, list[tuple[int, TreeRule]]] = {}
        for priority, rule in enumerate(self.vocab_rules):
            for token in rule.first_tokens:
                token_rules.setdefault(token, []).append((priority, rule))
        self.token_rules: Mapping[str, tuple[tuple[int, TreeRule], ...]] = {
            token: tuple(entries) for token, entries in token_rules.items()
        }


class Elements:
    """The block-level elements met by the walk, as parallel lists (0 = body), in page
    order: parents come before their children, and an element's subtree is the run of
    elements up to its ``end``."""

    __slots__ = (
        "anchor",
        "attrs",
        "ctx",
        "depth",
        "end",
        "hit",
        "labels",
        "marker",
        "node",
        "parent",
        "prose",
        "tag",
    )

    def __init__(
        self, rows: list[tuple[Any, ...]], ends: list[int], labels: dict[int, str]
    ) -> None:
        columns = list(zip(*rows, strict=True))
        self.node: list[Any] = list(columns[0])
        self.parent: list[int] = list(columns[1])
        #: The walk's context bits (in a link, a quote, a list ...).
        self.ctx: list[int] = list(columns[2])
        self.tag: list[str] = list(columns[3])
        #: ``prune.MAIN``, ``prune.ARTICLE`` or 0 (see ``prune.find_markers``).
        self.marker: list[int] = list(columns[4])
        self.depth: list[int] = list(columns[5])
        #: A deferred tree-rule match: rule and reason.
        self.hit: list[tuple[TreeRule, str] | None] = list(columns[6])
        self.attrs: list[dict[str, str | None] | None] = list(columns[7])
        #: One past the last element of each element's subtree.
        self.end = ends
        #: Labels made so far ('tag#id.class'), by element.
        self.labels = labels
        #: The prose anchor after the walk (-1: none), and the prose value of each
        #: element's own kept blocks (see ``anchor.prose_value``).
        self.anchor = -1
        self.prose: list[float] = []

    def label(self, e: int) -> str:
        """'tag#id.class1.class2': how paths and reasons name an element."""
        label = self.labels.get(e)
        if label is None:
            label = self.labels[e] = element_label(self.tag[e], self.attrs[e])
        return label

    def path(self, owner: int, own: str) -> str:
        """'parent > element' for an element under ``owner`` whose own label is ``own``."""
        return own if owner == 0 else f"{self.label(owner)} > {own}"


def element_label(tag: str, attrs: dict[str, str | None] | None) -> str:
    """'tag#id.class1.class2': how paths name an element."""
    if not attrs:
        return tag
    ident = attrs.get("id")
    label = f"{tag}#{ident.strip()}" if ident and ident.strip() else tag
    classes = (attrs.get("class") or "").split()
    if classes:
        label += "." + ".".join(classes[:LABEL_CLASSES])
    return label
