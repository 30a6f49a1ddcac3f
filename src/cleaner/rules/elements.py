"""Judging an element by its attributes: which tree rule, if any, names it boilerplate.

Class names and ids are split into lower-case tokens (``shareBar-top`` -> share, bar,
top) and matched against the vocabularies of the tree rules (``phrases/html_hints.txt``).
``ElementJudge`` holds one page's verdicts: menus repeat the same few class names
hundreds of times, so each distinct class attribute and name is judged once a page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .tree import TreePlan, TreeRule

# A hump in camelCase ("shareBar") or between a digit run and a word: a token boundary.
# (``re``, not ``regex``: ASCII classes only, and ``re`` substitutes three times faster.)
_CAMEL_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_NAME_SEPARATORS = str.maketrans({"-": " ", "_": " ", ":": " ", ".": " "})
_HAS_DIGIT = re.compile(r"\d")
#: A judged element whose verdict is not cached yet (``None`` is a verdict).
_UNJUDGED: Any = object()
#: A class name's or id's verdict: rank (lower wins), rule, reason, and whether it rests
#: on a weak token alone.
_Verdict = tuple[int, "TreeRule", str, bool]


def name_tokens(name: str) -> list[str]:
    """The lower-cased tokens of one class name or id: 'shareBar-top' -> share, bar, top."""
    if name.lower() == name:
        return name.translate(_NAME_SEPARATORS).split()  # no humps to find
    return _CAMEL_HUMP.sub(" ", name).translate(_NAME_SEPARATORS).lower().split()


def described_positions(name: str, tokens: list[str], qualifiers: frozenset[str]) -> frozenset[int]:
    """Positions of ``tokens`` (``name_tokens(name)``) that a qualifier earlier in the
    same camelCase compound describes rather than names: in 'anchorWithStickyNavbar'
    the words after 'With' say what the anchor is shown with, as 'has-sticky-nav' on a
    page wrapper would, and name no component of their own. ``qualifiers`` are the
    hints' [not_after] tokens; a separator ends their reach ('player-with-x__caption'
    is a BEM element of its own, and 'has-nav' is caught by [not_after] alone)."""
    out: set[int] = set()
    at = 0
    for part in name.translate(_NAME_SEPARATORS).split():
        words = name_tokens(part)
        for i, word in enumerate(words[:-1]):
            if word in qualifiers:
                out.update(range(at + i + 1, at + len(words)))
                break
        at += len(words)
    # (The parts' tokens are the name's: a hump never sits beside a separator.)
    return frozenset(out) if at == len(tokens) else frozenset()


def lower_case_tokens(names: str) -> list[str] | None:
    """The tokens of every name in a space-separated list (a class attribute) when it is
    all lower case, which makes them the union of each name's ``name_tokens``; else None
    (camelCase humps split names in ways one pass over the list cannot)."""
    if names.lower() != names:
        return None
    return names.translate(_NAME_SEPARATORS).split()


class ElementJudge:
    """The tree rules' verdicts on one page's elements. Built per page; nothing
    outlives it."""

    __slots__ = (
        "_by_class",
        "_by_name",
        "_matcher",
        "anchor_rules",
        "attr_rules",
        "first_tokens",
        "qualifiers",
        "token_rules",
        "vocab_rules",
        "watched",
    )

    def __init__(self, plan: TreePlan, compiled: Any = None) -> None:
        """``compiled``: the compiled walk's module, whose twin of the vocabulary
        matching (``VocabularyTwin``: ``_match_classes``, ``_match_name``) then judges
        class names and ids; None: this class's methods."""
        self.anchor_rules = plan.anchor_rules
        self.attr_rules = plan.attr_rules
        self.watched = plan.watched
        self.vocab_rules = plan.vocab_rules
        self.first_tokens = plan.first_tokens
        self.qualifiers = plan.qualifiers
        self.token_rules = plan.token_rules
        #: Verdicts (priority, rule, reason) per class attribute and per class name or id.
        self._by_class: dict[str, Any] = {}
        self._by_name: dict[str, Any] = {}
        # (The twin shares the verdicts per name.)
        self._matcher: Any = (
            self
            if compiled is None
            else compiled.VocabularyTwin(self, self._by_class, self._by_name)
        )

    def judge(
        self, tag: str, attrs: dict[str, str | None], node: Any = None
    ) -> tuple[TreeRule, str] | None:
        """The first tree rule matching an element by its attributes or class/id tokens.

        Verdicts are kept per distinct class attribute and per id for the rest of the
        page: menus repeat the same few class names hundreds of times. A verdict that
        rests on a weak token alone ('image', 'date': see ``TreeRule.weak_allows``)
        holds only if the element's text (``node``, when given) is short and the rule
        does not spare the element (``TreeRule.weak_spares``: a gallery's item).
        """
        if not self.watched.isdisjoint(attrs):
            for rule in self.attr_rules:
                reason = rule.check_attrs(tag, attrs, None)
                if reason:
                    return (rule, reason)
        if not self.vocab_rules:
            return None
        best: _Verdict | None = None
        classes = attrs.get("class")
        if classes:
            best = self._by_class.get(classes, _UNJUDGED)
            if best is _UNJUDGED:
                best = self._by_class[classes] = self._matcher._match_classes(classes)
        ident = attrs.get("id")
        # Ids with digits are generated ("post-1234", "comment-5"); their class says more.
        if ident and not _HAS_DIGIT.search(ident):
            by_name = self._by_name
            hit = by_name.get(ident, _UNJUDGED)
            if hit is _UNJUDGED:
                hit = by_name[ident] = self._matcher._match_name(ident)
            # (A section's id spelling its heading names no component.)
            if (
                hit is not None
                and (best is None or hit[0] < best[0])
                and (node is None or not hit[1].is_heading_slug(ident, node))
            ):
                best = hit
        if best is None:
            return None
        if best[3] and node is not None:
            rule = best[1]
            if not rule.weak_allows(node.text(separator=" ")) or rule.weak_spares(node):
                return None
        return (best[1], best[2])

    @property
    def judge_element(self) -> Callable[..., tuple[TreeRule, str] | None]:
        """``judge`` as this page answers it fastest: the compiled twin's (the walk's,
        ``VocabularyTwin.judge``, the same verdicts without an interpreted frame a
        call) when the judge has one, else ``judge`` itself."""
        return self._matcher.judge

    def judge_anchor(self, href: str) -> tuple[TreeRule, str] | None:
        """The first tree rule pruning an in-page link, by its target."""
        for rule in self.anchor_rules:
            reason = rule.check_anchor(href)
            if reason:
                return (rule, reason)
        return None

    def _match_classes(self, classes: str) -> _Verdict | None:
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
        best: _Verdict | None = None
        for name in names:
            hit = by_name.get(name, _UNJUDGED)
            if hit is _UNJUDGED:
                hit = by_name[name] = self._match_name(name)
            if hit is not None and (best is None or hit[0] < best[0]):
                best = hit
        return best

    def _match_name(self, name: str, tokens: list[str] | None = None) -> _Verdict | None:
        """The first vocabulary rule (rank, rule, reason, weak) matching one class name
        (whose ``name_tokens`` the caller may pass). A weak entry ranks after every
        other entry of every rule: a strong token beside it names the element."""
        if tokens is None:
            tokens = name_tokens(name)
        if self.first_tokens.isdisjoint(tokens):
            return None  # no vocabulary entry starts with any of its tokens
        described: frozenset[int] = frozenset()
        if not self.qualifiers.isdisjoint(tokens[:-1]) and name.lower() != name:
            described = described_positions(name, tokens, self.qualifiers)
        index = self.token_rules
        weak_rank = len(self.vocab_rules)
        best: tuple[int, TreeRule, str] | None = None
        for at, token in enumerate(tokens):
            if at in described:
                continue
            for priority, rule in index.get(token, ()):
                if best is not None and priority >= best[0]:
                    break
                entry = rule.match_tokens(tokens, at)
                if entry:
                    if entry in rule.weak_entries:
                        if best is None or priority + weak_rank < best[0]:
                            best = (priority + weak_rank, rule, entry)
                        continue
                    best = (priority, rule, entry)
                    break
        if best is None:
            return None
        rank, rule, entry = best
        return (rank, rule, rule.vocabulary_reason(entry), rank >= weak_rank)
