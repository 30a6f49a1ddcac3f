"""Small page builders shared by the rule tests."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pytest
from hypothesis import strategies as st

from cleaner import Cleaner, Config, Result
from cleaner.blocks import Block
from cleaner.features import compute_features
from cleaner.phrases import PhraseBook
from cleaner.rules.base import Document, Rule
from cleaner.rules.tree import Elements

try:
    from cleaner.frontends.html import _cwalk  # type: ignore[attr-defined]
except ImportError:
    _cwalk = None

#: Marks a test of the compiled walk's twins: skipped where the extension is not built.
needs_extension = pytest.mark.skipif(_cwalk is None, reason="the compiled walk is not built")

PROSE = (
    "The council voted on Tuesday to extend the clinic program for another year, after a "
    "long debate in which members weighed its cost against the families it has helped.",
    "Supporters said the money had been well spent and pointed to a report that found "
    "waiting times at the city's clinics had fallen by almost a third since it began.",
    "Critics, however, argued that the figures were too early to judge and that the "
    "council should have asked for an independent review before committing more funds.",
    "The mayor said she would publish the full accounts in the spring so that residents "
    "could see for themselves where every part of the budget had gone during the year.",
)


def page(*middle: str, before: int = 2, after: int = 2) -> str:
    """Lines in the middle of an article: prose paragraphs around them, blank lines between."""
    lines = [*PROSE[:before], *middle, *PROSE[len(PROSE) - after :]]
    return "\n\n".join(lines)


def explain(text: str, cleaner: Cleaner | None = None) -> Result:
    return (cleaner or Cleaner()).explain(text, kind="text")


def decision(result: Result, text: str):
    """The decision for the block whose text is exactly ``text`` (the first one)."""
    for block in result.blocks:
        if block.text == text:
            return block
    raise AssertionError(f"no block {text!r}")


def removed_by(result: Result, text: str) -> str | None:
    return decision(result, text).rule


# -- rules called directly on hand-built blocks (jusText style) ------------------------

_BOOKS: dict[tuple, PhraseBook] = {}


def phrase_book(config: Config) -> PhraseBook:
    """The phrase book of ``config`` (built once per set of languages and extra phrases)."""
    key = (config.languages, tuple(sorted(config.extra_phrases.items())))
    if key not in _BOOKS:
        _BOOKS[key] = PhraseBook(config.languages, config.extra_phrases)
    return _BOOKS[key]


def make_rule(
    rule_cls: type[Rule], config: Config | None = None, *, kind: str = "text", **params: object
) -> Rule:
    """A rule built for ``config`` and input ``kind`` (as the pipeline sets it up), with
    ``params`` overriding its declared Params."""
    config = config or Config()
    if params:
        config = config.replace(rule_params={rule_cls.name: params})
    return rule_cls(config, phrase_book(config)).for_kind(kind)


def make_doc(*items: str | Block, kind: str = "text", config: Config | None = None) -> Document:
    """A document of the given blocks (text becomes a paragraph), features computed."""
    config = config or Config()
    blocks = [item if isinstance(item, Block) else Block(0, item) for item in items]
    for i, block in enumerate(blocks):
        block.index = i
    stopwords = phrase_book(config).stopwords
    language = compute_features(blocks, stopwords, config)
    return Document(
        blocks,
        config,
        language=language,
        stopwords=stopwords.get(language, frozenset()) if language else frozenset(),
        kind=kind,
    )


def reason(rule: Rule, text: str, config: Config | None = None) -> str | None:
    """What a line rule says about a one-block document of ``text``."""
    doc = make_doc(text, config=config or rule.config)
    return rule.reason_for(doc.blocks[0], doc)


def reason_between_prose(rule_cls: type[Rule], line: str, **params: object) -> str | None:
    """What a line rule (built with ``params``) says about ``line`` standing between two
    paragraphs of the article."""
    rule = make_rule(rule_cls, **params)
    doc = make_doc(PROSE[0], line, PROSE[1], config=rule.config)
    return rule.reason_for(doc.blocks[1], doc)


def removed(doc: Document, text: str) -> str | None:
    """The rule that removed the first block whose text is ``text``."""
    block = next(b for b in doc.blocks if b.text == text)
    return block.removal.rule if block.removal else None


def prose(chars: int, word: str = "lorem") -> str:
    """A lower-case sentence of exactly ``chars`` characters (prose from about 50)."""
    text = (f"{word} " * chars)[: chars - 1]
    if text.endswith(" "):
        text = text[:-1] + "x"
    return text + "."


def words(n: int, word: str = "word") -> str:
    """``n`` words: "word word word"."""
    return " ".join([word] * n)


def expected_failures(names: Iterable[str], reasons: Mapping[str, str]) -> list[Any]:
    """``names`` as parameters, those in ``reasons`` marked as strict expected failures
    (a page below its bar today must keep failing until it is fixed, then say so)."""
    return [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=reasons[n]))
        if n in reasons
        else n
        for n in names
    ]


def element_table(parents: list[int], prose: list[float], anchor: int) -> Elements:
    """An element table (0 = body) of ``div``s with these parents, in page order, each
    element's own prose and the prose anchor."""
    n = len(parents)
    rows = [(None, p, 0, "div" if e else "body", 0, 0, None, None) for e, p in enumerate(parents)]
    ends = [n] * n
    for e in range(1, n):
        # A subtree runs until the next element that is not inside it.
        ends[e] = next((f for f in range(e + 1, n) if not _inside(parents, f, e)), n)
    el = Elements(rows, ends, {})
    el.prose = prose
    el.anchor = anchor
    return el


def _inside(parents: list[int], e: int, ancestor: int) -> bool:
    while e > ancestor:
        e = parents[e]
    return e == ancestor


def nested_markup(
    tags: st.SearchStrategy[str],
    text: st.SearchStrategy[str],
    *,
    attrs: st.SearchStrategy[str] | None = None,
    max_leaves: int = 25,
) -> st.SearchStrategy[str]:
    """Generated markup for the compiled twins' tests: elements of ``tags`` with
    ``attrs`` (none: no attributes), up to four children a level, around leaves of
    ``text``."""
    attributes = st.just("") if attrs is None else attrs

    def element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.builds(
            lambda tag, attr, inner: f"<{tag}{attr}>{inner}</{tag}>",
            tags,
            attributes,
            st.lists(children, max_size=4).map("".join),
        )

    return st.recursive(text, element, max_leaves=max_leaves)
