"""Hypothesis strategies that build realistic pages with a known answer.

A generated page is an article (paragraphs and sub-headings in en, de, fr, es or ru)
with boilerplate of every family injected where real sites put it: chrome at the top,
media stubs and repeated captions between paragraphs, pull quotes, share bars, trailer
boxes and notices at the end. Each page says which article it must clean to.

    from hypothesis import given
    from cleaner.testing.strategies import text_pages

    @given(text_pages())
    def test_my_pipeline(page):
        assert page.matches(my_clean(page.raw)), page.problems(my_clean(page.raw))

This module needs ``hypothesis`` (the ``test`` extra); the core library never imports it.
``python -m cleaner.testing.strategies`` measures how many generated pages cleaner gets exactly
right and which rules fail on which kind of boilerplate.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

try:
    from hypothesis import assume
    from hypothesis import strategies as st
except ImportError as exc:  # the core library runs without hypothesis; this module cannot
    raise ImportError(
        "cleaner.testing.strategies needs hypothesis: pip install 'cleaner[test]' (or hypothesis)"
    ) from exc

from .banks import AGENCIES, BANKS, COMMENTERS, TIMELINES, Bank

if TYPE_CHECKING:
    from ..result import Result

__all__ = [
    "KINDS",
    "LANGUAGES",
    "GeneratedPage",
    "PagePlan",
    "Segment",
    "articles",
    "clean_sample",
    "html_pages",
    "page_plans",
    "paragraphs",
    "render_html",
    "render_text",
    "sentences",
    "text_pages",
]

LANGUAGES: tuple[str, ...] = tuple(BANKS)

#: Every kind of boilerplate the pages carry, and the cleaner family meant to remove it.
#: Injected in this order within a zone, which is the order sites print them in.
KINDS = MappingProxyType(
    {
        "cookie_notice": "trailers",
        "accessibility": "accessibility",
        "banner": "navigation",
        "masthead": "quality",
        "menu": "navigation",
        "breadcrumb": "navigation",
        "share_bar": "navigation",
        "counter": "navigation",
        "media_stub": "media",
        "media_label": "media",
        "caption_repeat": "duplicates",
        "pull_quote": "duplicates",
        "paragraph_repeat": "duplicates",
        "inline_link": "navigation",
        "newsletter": "trailers",
        "button": "navigation",
        "trailer": "trailers",
        "copyright": "trailers",
    }
)

# Where each kind may appear. Shrinking prefers the first zone listed.
_ZONES = MappingProxyType(
    {
        "cookie_notice": ("top", "bottom"),
        "accessibility": ("top", "bottom"),
        "banner": ("top",),
        "masthead": ("top",),
        "menu": ("top", "bottom"),
        "breadcrumb": ("top",),
        "share_bar": ("top", "bottom", "body"),
        "counter": ("top", "bottom"),
        "media_stub": ("body",),
        "media_label": ("body",),
        "caption_repeat": ("body",),
        "pull_quote": ("body",),
        "paragraph_repeat": ("body",),
        "inline_link": ("body",),
        "newsletter": ("bottom", "body"),
        "button": ("bottom",),
        "trailer": ("bottom",),
        "copyright": ("bottom",),
    }
)

#: Segment kinds that belong to the article, and those that are optional in a gold
#: annotation (kept or dropped, either is right, but at most once).
ARTICLE_KINDS = frozenset({"paragraph", "subheading"})
OPTIONAL_KINDS = frozenset({"headline", "dateline", "byline", "caption"})


@dataclass(frozen=True)
class Segment:
    """Consecutive lines of one kind, in one zone of the page."""

    kind: str
    lines: tuple[str, ...]
    zone: str = "body"
    #: Per line: whether a blank line precedes it in a text dump (players and their
    #: titles, menus and repeated captions sit on adjacent lines).
    gaps: tuple[bool, ...] = ()
    #: Which rendering a kind uses ("list", "inline", "video", ...).
    variant: str = ""

    @property
    def role(self) -> str:
        if self.kind in ARTICLE_KINDS:
            return "article"
        if self.kind in OPTIONAL_KINDS:
            return "optional"
        return "boilerplate"


@dataclass(frozen=True)
class TextLayout:
    """How a scraper laid the page out as text: newlines and stray white space."""

    newline: str = "\n"
    #: Single newlines everywhere (no blank lines), as some innerText dumps have.
    dense: bool = False
    indent: str = ""
    trailing: str = ""


@dataclass(frozen=True)
class PagePlan:
    """A page before rendering: its segments in page order and its text layout."""

    language: str
    segments: tuple[Segment, ...]
    layout: TextLayout = TextLayout()

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.kind for s in self.segments if s.role == "boilerplate"))


@dataclass(frozen=True, repr=False)
class GeneratedPage:
    """A rendered page, the article it must clean to, and what was injected into it."""

    raw: str
    input_kind: str
    language: str
    #: Article blocks (paragraphs and sub-headings), in order: the expected output.
    article: tuple[str, ...]
    #: Lines that may be kept or dropped (headline, dateline, byline, captions).
    optional: tuple[str, ...]
    #: (kind, line) of every injected boilerplate line.
    boilerplate: tuple[tuple[str, str], ...]

    @property
    def expected(self) -> str:
        """The article as ``clean_article`` renders it: blocks separated by a blank line."""
        return "\n\n".join(self.article)

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(kind for kind, _ in self.boilerplate))

    def problems(self, output: str) -> list[str]:
        """Everything wrong with ``output`` as the cleaned page; empty when it is right.

        Right means: the article blocks exactly once each, in order, nothing else except
        optional lines, and no optional line twice. Lines are compared after Unicode NFC
        and white-space collapsing (the HTML path collapses white space).
        """
        out = _paragraphs(output)
        expected = [_norm(p) for p in self.article]
        wanted = set(expected)
        optional = {_norm(p) for p in self.optional}
        found: list[str] = []
        core = [p for p in out if p not in optional or p in wanted]
        counts = Counter(core)
        for p in expected:
            if counts[p] == 0:
                found.append(f"lost article block: {_short(p)}")
            elif counts[p] > 1:
                found.append(f"article block kept {counts[p]} times: {_short(p)}")
        for p in core:
            if p not in wanted:
                found.append(f"kept {self.kind_of(p)}: {_short(p)}")
        if not found and core != expected:
            found.append("article blocks out of order")
        everything = Counter(out)
        for p in optional - wanted:
            if everything[p] > 1:
                found.append(f"optional line kept {everything[p]} times: {_short(p)}")
        return found

    def matches(self, output: str) -> bool:
        return not self.problems(output)

    def kind_of(self, line: str) -> str:
        """The injected kind a line of output comes from ("unknown" if none)."""
        line = _norm(line)
        for kind, text in self.boilerplate:
            if _norm(text) == line:
                return kind
        for kind, text in self.boilerplate:
            text = _norm(text)
            if line in text or text in line:
                return kind
        return "unknown"

    def failure_patterns(self, result: Result) -> list[str]:
        """Short labels for what went wrong, naming the rule or the injected kind.

        ``"lost article: quality/outside_main_run"`` (a rule removed article text) or
        ``"kept: media_stub"`` (boilerplate of that kind survived).
        """
        out = _paragraphs(result.text)
        wanted = {_norm(p) for p in self.article}
        optional = {_norm(p) for p in self.optional}
        kept = Counter(out)
        patterns: list[str] = []
        for p in dict.fromkeys(_norm(a) for a in self.article):
            if kept[p]:
                continue
            rules = {
                f"{d.family}/{d.rule}" for d in result.blocks if not d.kept and _norm(d.text) == p
            }
            patterns.extend(f"lost article: {r}" for r in sorted(rules or {"not in output"}))
        for p in dict.fromkeys(out):
            if p in wanted:
                if kept[p] > 1:
                    patterns.append(f"kept twice: {self.kind_of(p)}")
            elif p not in optional:
                patterns.append(f"kept: {self.kind_of(p)}")
            elif kept[p] > 1:
                patterns.append("kept twice: optional line")
        if not patterns and self.problems(result.text):
            patterns.append("article blocks out of order")
        return patterns

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (a failing page kept as a fixture); ``from_dict`` reads it."""
        return {
            "input_kind": self.input_kind,
            "language": self.language,
            "kinds": list(self.kinds),
            "raw": self.raw,
            "article": list(self.article),
            "optional": list(self.optional),
            "boilerplate": [list(pair) for pair in self.boilerplate],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> GeneratedPage:
        return cls(
            raw=data["raw"],
            input_kind=data["input_kind"],
            language=data["language"],
            article=tuple(data["article"]),
            optional=tuple(data["optional"]),
            boilerplate=tuple((kind, line) for kind, line in data["boilerplate"]),
        )

    def __repr__(self) -> str:
        # What Hypothesis prints for a falsifying example: enough to reproduce it.
        return (
            f"GeneratedPage(input_kind={self.input_kind!r}, language={self.language!r}, "
            f"kinds={list(self.kinds)}, raw={self.raw!r})"
        )


# -- article text ----------------------------------------------------------------------


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _compose_sentence(
    language: str,
    template: str,
    subject_gender: tuple[str, str],
    verb: str,
    obj: str,
    complement: str,
    clause: str,
) -> tuple[str, tuple[str, ...]]:
    """A sentence and its core (subject, verb, object, complement): two sentences with
    one core say the same thing, one with a trailing clause and one without."""
    subject, gender = subject_gender
    if language == "ru":  # Russian past tense agrees with the subject's gender
        verb += {"m": "", "f": "а", "n": "о"}[gender]
    lower = BANKS[language].lower_subject
    text = template.format(
        S=subject,
        s=_lower_first(subject) if lower else subject,
        V=verb,
        O=obj,
        C=complement,
        Cc=_upper_first(complement),
        clause=clause,
    )
    return text, (subject, verb, obj, complement)


def _sentence_strategy(language: str) -> st.SearchStrategy[tuple[str, tuple[str, ...]]]:
    bank = BANKS[language]
    return st.builds(
        _compose_sentence,
        st.just(language),
        st.sampled_from(bank.templates),
        st.sampled_from(bank.subjects),
        st.sampled_from(bank.verbs),
        st.sampled_from(bank.objects),
        st.sampled_from(bank.complements),
        st.sampled_from(bank.clauses),
    )


def _headline_strategy(bank: Bank) -> st.SearchStrategy[str]:
    return st.builds(
        lambda template, topic: _upper_first(template.format(topic=topic)),
        st.sampled_from(bank.headline_templates),
        st.sampled_from(bank.topics),
    )


def _caption_strategy(bank: Bank) -> st.SearchStrategy[str]:
    return st.builds(
        lambda what, where, credit: what + where + credit,
        st.sampled_from(bank.captions),
        st.sampled_from(bank.caption_places),
        st.sampled_from((".", bank.caption_suffix)),
    )


# Built once: strategies are immutable, and building them per draw costs more than
# drawing from them.
_SENTENCES = MappingProxyType({lang: _sentence_strategy(lang) for lang in BANKS})
_HEADLINES = MappingProxyType({lang: _headline_strategy(bank) for lang, bank in BANKS.items()})
_CAPTIONS = MappingProxyType({lang: _caption_strategy(bank) for lang, bank in BANKS.items()})


def sentences(language: str = "en") -> st.SearchStrategy[str]:
    """One news sentence in ``language`` (6 to 30 words), ending with a full stop."""
    return _SENTENCES[language].map(lambda pair: pair[0])


def paragraphs(language: str = "en", max_sentences: int = 4) -> st.SearchStrategy[str]:
    """A paragraph: one to ``max_sentences`` sentences, none saying the same thing."""
    return st.lists(
        _SENTENCES[language],
        min_size=1,
        max_size=max_sentences,
        unique_by=lambda pair: pair[1],
    ).map(lambda pairs: " ".join(text for text, _ in pairs))


@st.composite
def articles(
    draw: st.DrawFn, language: str = "en", min_paragraphs: int = 3, max_paragraphs: int = 8
) -> tuple[str, ...]:
    """Article blocks: paragraphs with a sub-heading or two between them."""
    return tuple(
        s.lines[0] for s in draw(_article_segments(language, min_paragraphs, max_paragraphs))
    )


@st.composite
def _article_segments(
    draw: st.DrawFn, language: str, min_paragraphs: int = 3, max_paragraphs: int = 8
) -> list[Segment]:
    bank = BANKS[language]
    sizes = draw(st.lists(st.integers(1, 4), min_size=min_paragraphs, max_size=max_paragraphs))
    # No sentence (core) twice in an article: real articles do not repeat themselves,
    # and a repeat would make one paragraph a contained copy of another.
    drawn = draw(
        st.lists(
            _SENTENCES[language],
            min_size=sum(sizes),
            max_size=sum(sizes),
            unique_by=lambda pair: pair[1],
        )
    )
    texts: list[str] = []
    at = 0
    for size in sizes:
        texts.append(" ".join(text for text, _ in drawn[at : at + size]))
        at += size
    # Belt and braces: a paragraph whose words all appear, in order, inside another is a
    # shorter copy of it (the contained_duplicate rule rightly drops it).
    keys = [f" {_key(t)} " for t in texts]
    texts = [
        t
        for i, t in enumerate(texts)
        if not any(j != i and keys[i] in keys[j] for j in range(len(keys)))
    ]
    assume(len(texts) >= min(min_paragraphs, 2))
    blocks = [Segment("paragraph", (t,)) for t in texts]
    # Sub-headings go between paragraphs, never first or last.
    if len(blocks) >= 3:
        count = draw(st.integers(0, min(2, len(blocks) // 3)))
        headings = draw(
            st.lists(st.sampled_from(bank.subheadings), min_size=count, max_size=count, unique=True)
        )
        slots = draw(
            st.lists(st.integers(1, len(blocks) - 1), min_size=count, max_size=count, unique=True)
        )
        for slot, heading in sorted(zip(slots, headings, strict=True), reverse=True):
            blocks.insert(slot, Segment("subheading", (heading,)))
    return blocks


def _headlines(bank: Bank, avoid: str = "") -> st.SearchStrategy[str]:
    """Headlines (of videos, related articles), never the page's own ``avoid``."""
    strategy = _HEADLINES[bank.language]
    return strategy.filter(lambda headline: headline != avoid) if avoid else strategy


def _captions(bank: Bank) -> st.SearchStrategy[str]:
    return _CAPTIONS[bank.language]


# -- boilerplate -----------------------------------------------------------------------


def _seg(
    kind: str,
    lines: Sequence[str],
    zone: str,
    gaps: Sequence[bool] | None = None,
    variant: str = "",
) -> Segment:
    lines = tuple(lines)
    return Segment(
        kind, lines, zone, tuple(gaps) if gaps is not None else (True,) * len(lines), variant
    )


def _tight(kind: str, lines: Sequence[str], zone: str, variant: str = "") -> Segment:
    return _seg(kind, lines, zone, (True,) + (False,) * (len(lines) - 1), variant)


@st.composite
def _boilerplate(
    draw: st.DrawFn, kind: str, zone: str, bank: Bank, site: str, headline: str
) -> list[Segment]:
    """The segments of one injected kind (pull quotes and repeats are placed elsewhere)."""
    pick = st.sampled_from
    if kind == "cookie_notice":
        return [_seg(kind, [draw(pick(bank.cookie_notices))], zone)]
    if kind == "accessibility":
        if zone == "bottom":
            return [_seg(kind, [draw(pick(bank.accessibility_bottom))], zone)]
        links = draw(st.lists(pick(bank.accessibility_top), min_size=1, max_size=2, unique=True))
        return [_tight(kind, links, zone)]
    if kind == "banner":
        return [_seg(kind, [draw(pick(bank.banners))], zone)]
    if kind == "masthead":
        segments = [_seg(kind, [site], zone)]
        if draw(st.booleans()):
            segments.append(_seg("dateline", [draw(pick(bank.datelines))], zone))
        return segments
    if kind == "menu":
        items = draw(st.lists(pick(bank.menu), min_size=3, max_size=7, unique=True))
        return [_tight(kind, items, zone, variant="list")]
    if kind == "breadcrumb":
        separator = draw(pick(("›", ">", "/", "»", "|")))
        trail = [bank.menu[0], draw(pick(bank.menu[1:])), draw(pick(bank.regions))]
        return [_seg(kind, [f" {separator} ".join(trail)], zone)]
    if kind == "share_bar":
        words = draw(st.lists(pick(bank.share_words[1:]), min_size=2, max_size=4, unique=True))
        words.insert(0, bank.share_words[0])
        if draw(st.booleans()):
            return [_seg(kind, [" ".join(words)], zone, variant="inline")]
        return [_tight(kind, words, zone, variant="list")]
    if kind == "counter":
        n = draw(st.integers(1, 999))
        return [_seg(kind, [draw(pick(bank.counters)).format(n=n)], zone)]
    if kind == "media_stub":
        return [_media_stub(draw, bank, zone, headline)]
    if kind == "media_label":
        label = draw(pick(bank.media_labels))
        text = label.format(caption=draw(_captions(bank)), agency=draw(pick(AGENCIES)))
        return [_seg(kind, [text], zone)]
    if kind == "caption_repeat":
        caption = draw(_captions(bank))
        return [_tight("caption", [caption, caption], zone, variant="repeat")]
    if kind == "inline_link":
        text = draw(pick(bank.inline_links)).format(headline=draw(_headlines(bank, headline)))
        return [_seg(kind, [text], zone)]
    if kind == "newsletter":
        return [_seg(kind, [draw(pick(bank.newsletters))], zone)]
    if kind == "button":
        return [_seg(kind, [draw(pick(bank.buttons))], zone)]
    if kind == "trailer":
        return [_trailer(draw, bank, site, zone, headline)]
    if kind == "copyright":
        return [_seg(kind, [draw(pick(bank.copyrights)).format(site=site)], zone)]
    raise ValueError(f"unknown boilerplate kind {kind!r}")


def _media_stub(draw: st.DrawFn, bank: Bank, zone: str, headline: str) -> Segment:
    """A video player as innerText leaves it: title, 'please wait', a message, a timeline."""
    lines: list[str] = []
    gaps: list[bool] = []
    if draw(st.integers(0, 3)):  # most embeds print the video's title above the player
        lines.append(draw(_headlines(bank, headline)))
        gaps.append(True)
    parts = draw(
        st.lists(
            st.sampled_from(("wait", "message", "timeline")), min_size=1, max_size=3, unique=True
        )
    )
    titled = bool(lines)
    for part in ("wait", "message", "timeline"):
        if part not in parts:
            continue
        if part == "wait":
            lines.append(draw(st.sampled_from(bank.stub_waits)))
        elif part == "message":
            lines.append(draw(st.sampled_from(bank.stub_messages)))
        else:
            lines.append(draw(st.sampled_from(TIMELINES)))
        # The first stub line sits right under the title; the rest stand apart.
        gaps.append(not (titled and len(lines) == 2))
    return Segment("media_stub", tuple(lines), zone, tuple(gaps), variant="video")


def _trailer(draw: st.DrawFn, bank: Bank, site: str, zone: str, headline: str) -> Segment:
    box = draw(st.sampled_from(("about", "related", "comments")))
    if box == "about":
        lines = [
            draw(st.sampled_from(bank.about_headings)),
            draw(st.sampled_from(bank.about_texts)).format(site=site),
            draw(st.sampled_from(bank.archive_links)),
        ]
    elif box == "related":
        lines = [draw(st.sampled_from(bank.related_headings))]
        lines += draw(st.lists(_headlines(bank, headline), min_size=2, max_size=4, unique=True))
    else:
        lines = [draw(st.sampled_from(bank.comment_headings))]
        count = draw(st.integers(1, 3))
        for name, text in zip(
            COMMENTERS[:count], draw(st.permutations(bank.comments)), strict=False
        ):
            lines += [name, text]
    return _seg("trailer", lines, zone, variant=box)


# -- whole pages -----------------------------------------------------------------------


@st.composite
def page_plans(
    draw: st.DrawFn,
    languages: Iterable[str] = LANGUAGES,
    kinds: Iterable[str] = tuple(KINDS),
    min_kinds: int = 1,
    max_kinds: int = 8,
    headline: bool | None = None,
) -> PagePlan:
    """A page: an article with up to ``max_kinds`` kinds of boilerplate injected.

    ``kinds`` limits the boilerplate to some kinds (keys of ``KINDS``); ``headline``
    forces the optional headline on or off (None: drawn).
    """
    languages = tuple(languages)
    kinds = tuple(kinds)
    for kind in kinds:
        if kind not in KINDS:
            raise ValueError(f"unknown boilerplate kind {kind!r}; known: {sorted(KINDS)}")
    language = draw(st.sampled_from(languages))
    bank = BANKS[language]
    site = draw(st.sampled_from(bank.sites))
    article = draw(_article_segments(language))
    headline = draw(_headlines(bank))
    chosen = (
        set(
            draw(
                st.lists(
                    st.sampled_from(kinds), min_size=min_kinds, max_size=max_kinds, unique=True
                )
            )
        )
        if kinds
        else set()
    )

    top: list[Segment] = []
    bottom: list[Segment] = []
    # body[g]: segments inserted just before article block g (g == 0: a lead item).
    body: dict[int, list[Segment]] = {}
    paragraph_at = [i for i, s in enumerate(article) if s.kind == "paragraph"]
    for kind in KINDS:
        if kind not in chosen:
            continue
        zone = draw(st.sampled_from(_ZONES[kind]))
        if kind == "pull_quote":
            _add_pull_quote(draw, article, paragraph_at, body)
            continue
        if kind == "paragraph_repeat":
            source = draw(st.sampled_from(paragraph_at))
            gap = draw(st.integers(source + 1, len(article)))
            segment = Segment(kind, article[source].lines, "body", (True,), variant="repeat")
            body.setdefault(gap, []).append(segment)
            continue
        segments = draw(_boilerplate(kind, zone, bank, site, headline))
        if zone == "top":
            top.extend(segments)
        elif zone == "bottom":
            bottom.extend(segments)
        else:
            lead = kind in ("media_stub", "caption_repeat")
            gap = draw(st.integers(0 if lead else 1, len(article) - 1))
            body.setdefault(gap, []).extend(segments)

    with_headline = draw(st.booleans()) if headline is None else headline
    if with_headline:
        # The headline closes the top zone; a share bar or counter printed under the
        # headline stays below it.
        under = [s for s in top if s.kind in ("share_bar", "counter")]
        top = [s for s in top if s not in under]
        top.append(Segment("headline", (headline,), "top", (True,)))
        if draw(st.booleans()):
            top.append(Segment("byline", (draw(st.sampled_from(bank.bylines)),), "top", (True,)))
        top.extend(under)

    ordered: list[Segment] = list(top)
    for i, block in enumerate(article):
        ordered.extend(body.get(i, ()))
        ordered.append(block)
    ordered.extend(body.get(len(article), ()))
    ordered.extend(bottom)

    layout = TextLayout(
        newline=draw(st.sampled_from(("\n", "\r\n"))),
        dense=draw(st.sampled_from((False, False, False, True))),
        indent=draw(st.sampled_from(("", "", " ", "\t"))),
        trailing=draw(st.sampled_from(("", "", " ", "\u00a0"))),
    )
    return PagePlan(language, tuple(ordered), layout)


def _add_pull_quote(
    draw: st.DrawFn, article: list[Segment], paragraph_at: list[int], body: dict[int, list[Segment]]
) -> None:
    """A sentence of a longer paragraph printed again as a quote, before or after it."""
    sources = [i for i in paragraph_at if len(_split_sentences(article[i].lines[0])) > 1]
    if sources:
        source = draw(st.sampled_from(sources))
        sentence = draw(st.sampled_from(_split_sentences(article[source].lines[0])))
        quote = draw(st.sampled_from(("{}", "“{}”", '"{}"'))).format(sentence)
        gap = draw(st.integers(1, len(article) - 1))
    else:
        # Only one-sentence paragraphs: the quote repeats a whole one, after it.
        source = draw(st.sampled_from(paragraph_at))
        quote = article[source].lines[0]
        gap = draw(st.integers(source + 1, len(article)))
    body.setdefault(gap, []).append(Segment("pull_quote", (quote,), "body", (True,)))


def _split_sentences(paragraph: str) -> list[str]:
    # Generated sentences end with "." and never contain ". " inside.
    parts = paragraph.split(". ")
    return [p if p.endswith(".") else p + "." for p in parts]


def render_text(plan: PagePlan) -> GeneratedPage:
    """The page as a scraper's innerText dump."""
    lay = plan.layout
    out: list[str] = []
    for segment in plan.segments:
        gaps = segment.gaps or (True,) * len(segment.lines)
        for line, gap in zip(segment.lines, gaps, strict=True):
            if out:
                out.append(lay.newline if (lay.dense or not gap) else lay.newline * 2)
            out.append(f"{lay.indent}{line}{lay.trailing}")
    return _page(plan, "".join(out), "text")


def render_html(plan: PagePlan) -> GeneratedPage:
    """The page as an HTML document with header, article, asides and footer."""
    top = [s for s in plan.segments if s.zone == "top" and s.kind not in ("headline", "byline")]
    head = [s for s in plan.segments if s.kind in ("headline", "byline")]
    middle = [s for s in plan.segments if s.zone == "body"]
    bottom = [s for s in plan.segments if s.zone == "bottom"]
    title = next((s.lines[0] for s in head if s.kind == "headline"), "")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{plan.language}"><head><meta charset="utf-8">',
        f"<title>{_esc(title)}</title>" if title else "",
        '<link rel="stylesheet" href="/static/site.css"></head>',
        "<body>",
        "<script>window.dataLayer = window.dataLayer || [];</script>",
        '<header class="site-header">',
        *(_html_segment(s) for s in top),
        "</header>",
        '<main id="main"><article class="story">',
        *(_html_segment(s) for s in head),
        '<div class="story-body">',
        *(_html_segment(s) for s in middle),
        "</div></article></main>",
        *(_html_segment(s) for s in bottom),
        "</body></html>",
    ]
    return _page(plan, "\n".join(p for p in parts if p), "html")


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _html_segment(segment: Segment) -> str:
    kind, lines = segment.kind, [_esc(line) for line in segment.lines]
    first = lines[0]
    if kind == "paragraph":
        return f"<p>{first}</p>"
    if kind == "subheading":
        return f"<h2>{first}</h2>"
    if kind == "headline":
        return f'<h1 class="headline">{first}</h1>'
    if kind == "byline":
        return f'<p class="byline"><span class="author">{first}</span></p>'
    if kind == "dateline":
        return f'<time datetime="2022-01-06T09:00:00Z">{first}</time>'
    if kind == "cookie_notice":
        return f'<div class="cookie-consent" role="dialog"><p>{first}</p></div>'
    if kind == "accessibility":
        links = "".join(f'<a class="skip-link" href="#main">{x}</a>' for x in lines)
        return f'<div class="a11y-links">{links}</div>'
    if kind == "banner":
        return f'<div class="breaking-news"><strong>{first}</strong></div>'
    if kind == "masthead":
        return f'<div class="masthead"><a class="logo" href="/">{first}</a></div>'
    if kind == "menu":
        items = "".join(f'<li><a href="/section/{i}">{x}</a></li>' for i, x in enumerate(lines))
        return f'<nav class="main-menu"><ul>{items}</ul></nav>'
    if kind == "breadcrumb":
        return f'<nav class="breadcrumb" aria-label="Breadcrumb"><p>{first}</p></nav>'
    if kind == "share_bar":
        if segment.variant == "inline":
            return f'<div class="share-tools"><p>{first}</p></div>'
        items = "".join(f'<li><a href="#share">{x}</a></li>' for x in lines)
        return f'<ul class="share-tools">{items}</ul>'
    if kind == "counter":
        return f'<div class="meta"><a class="comment-count" href="#comments">{first}</a></div>'
    if kind == "media_stub":
        inner = "".join(f"<div>{x}</div>" for x in lines)
        return f'<figure class="media-video"><div class="player">{inner}</div></figure>'
    if kind == "media_label":
        return f'<figure><img src="/img/photo.jpg" alt=""><figcaption>{first}</figcaption></figure>'
    if kind == "caption":
        return (
            f'<figure><img src="/img/photo.jpg" alt=""><figcaption>{first}</figcaption></figure>'
            f'<p class="caption-mobile">{lines[-1]}</p>'
        )
    if kind == "pull_quote":
        return f'<blockquote class="pull-quote"><p>{first}</p></blockquote>'
    if kind == "paragraph_repeat":
        return f'<div class="pullout"><p>{first}</p></div>'
    if kind == "inline_link":
        return f'<p class="related-inline"><a href="/news/related">{first}</a></p>'
    if kind == "newsletter":
        return (
            f'<div class="newsletter-signup"><p>{first}</p>'
            '<form><input type="email" name="email"></form></div>'
        )
    if kind == "button":
        return f'<button class="load-more" type="button">{first}</button>'
    if kind == "trailer":
        rest = "".join(f"<p>{x}</p>" for x in lines[1:])
        if segment.variant == "related":
            rest = (
                "<ul>" + "".join(f'<li><a href="/news/x">{x}</a></li>' for x in lines[1:]) + "</ul>"
            )
        return f'<aside class="{segment.variant}"><h3>{first}</h3>{rest}</aside>'
    if kind == "copyright":
        return f'<footer class="site-footer"><p class="copyright">{first}</p></footer>'
    raise ValueError(f"no HTML rendering for segment kind {kind!r}")


def _page(plan: PagePlan, raw: str, input_kind: str) -> GeneratedPage:
    article: list[str] = []
    optional: list[str] = []
    boilerplate: list[tuple[str, str]] = []
    for segment in plan.segments:
        role = segment.role
        for line in segment.lines:
            if role == "article":
                article.append(line)
            elif role == "optional":
                optional.append(line)
            else:
                boilerplate.append((segment.kind, line))
    return GeneratedPage(
        raw=raw,
        input_kind=input_kind,
        language=plan.language,
        article=tuple(article),
        optional=tuple(dict.fromkeys(optional)),
        boilerplate=tuple(boilerplate),
    )


def text_pages(**options: Any) -> st.SearchStrategy[GeneratedPage]:
    """Pages as scraped text dumps; ``options`` as for ``page_plans``."""
    return page_plans(**options).map(render_text)


def html_pages(**options: Any) -> st.SearchStrategy[GeneratedPage]:
    """Pages as HTML documents; ``options`` as for ``page_plans``."""
    return page_plans(**options).map(render_html)


# -- comparison helpers ----------------------------------------------------------------

_NON_WORD = re.compile(r"[\W_]+")


def _norm(line: str) -> str:
    return " ".join(unicodedata.normalize("NFC", line).split())


def _paragraphs(text: str) -> list[str]:
    return [p for p in (_norm(line) for line in text.splitlines()) if p]


def _key(text: str) -> str:
    return _NON_WORD.sub(" ", text.casefold()).strip()


def _short(text: str, limit: int = 90) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


# -- measurement -----------------------------------------------------------------------


def clean_sample(
    strategy: st.SearchStrategy[GeneratedPage], cleaner: Any, examples: int
) -> list[tuple[GeneratedPage, list[str]]]:
    """Clean ``examples`` pages drawn from ``strategy`` (the same pages every run:
    derandomised) with ``cleaner``; each page with its failure patterns (empty when
    the page came out exactly right)."""
    from hypothesis import HealthCheck, Phase, given, settings

    outcomes: list[tuple[GeneratedPage, list[str]]] = []

    @settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def run(page: GeneratedPage) -> None:
        result = cleaner.explain(page.raw, kind=page.input_kind)
        outcomes.append((page, page.failure_patterns(result) if page.problems(result.text) else []))

    run()
    return outcomes


def _measure(argv: Sequence[str] | None = None) -> int:
    """Clean generated pages and report the share cleaned exactly, by language and kind."""
    import argparse

    from .. import Cleaner

    parser = argparse.ArgumentParser(
        prog="python -m cleaner.testing.strategies", description=_measure.__doc__
    )
    parser.add_argument("-n", "--examples", type=int, default=500)
    parser.add_argument("--html", action="store_true", help="HTML pages instead of text dumps")
    parser.add_argument("--language", action="append", choices=LANGUAGES)
    parser.add_argument("--kind", action="append", choices=sorted(KINDS))
    parser.add_argument("--show", type=int, default=0, help="print this many failing pages")
    parser.add_argument(
        "--minimise",
        metavar="DIR",
        help="shrink one failing page per failure pattern and write it to DIR as JSON",
    )
    args = parser.parse_args(argv)

    cleaner = Cleaner()
    factory = html_pages if args.html else text_pages
    strategy = factory(languages=args.language or LANGUAGES, kinds=args.kind or tuple(KINDS))
    outcomes = clean_sample(strategy, cleaner, args.examples)
    total = len(outcomes)
    exact = sum(not patterns for _, patterns in outcomes)
    what = "HTML" if args.html else "text"
    print(f"{exact}/{total} generated {what} pages cleaned exactly ({exact / total:.1%})")
    _table("by language", outcomes, lambda page: [page.language])
    _table(
        "by injected kind (pages carrying it)",
        outcomes,
        lambda page: list(page.kinds) or ["(none)"],
    )
    patterns = Counter(p for _, found in outcomes for p in dict.fromkeys(found))
    print("\nfailure patterns (pages):")
    for pattern, count in patterns.most_common():
        langs = Counter(page.language for page, found in outcomes if pattern in found)
        print(f"  {count:4}  {pattern:55} {dict(sorted(langs.items()))}")
    if args.minimise:
        _minimise(outcomes, factory, cleaner, args.minimise)
    shown = 0
    for page, found in outcomes:
        if found and shown < args.show:
            shown += 1
            print("\n" + "-" * 70, "\n", found, "\n", page.raw, sep="")
    return 0


def _minimise(
    outcomes: list[tuple[GeneratedPage, list[str]]], factory: Any, cleaner: Any, out_dir: str
) -> None:
    """For each failure pattern (and language it was seen in), the smallest failing page."""
    import json
    from pathlib import Path

    from hypothesis import HealthCheck, find, settings
    from hypothesis.errors import NoSuchExample, Unsatisfiable

    seen: dict[tuple[str, str], GeneratedPage] = {}
    for page, patterns in outcomes:
        for pattern in patterns:
            seen.setdefault((pattern, page.language), page)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    quiet = settings(
        derandomize=True,
        database=None,
        deadline=None,
        max_examples=2000,
        suppress_health_check=list(HealthCheck),
    )
    for (pattern, language), example in sorted(seen.items()):

        def fails_so(page: GeneratedPage, pattern: str = pattern) -> bool:
            result = cleaner.explain(page.raw, kind=page.input_kind)
            return bool(page.problems(result.text)) and pattern in page.failure_patterns(result)

        strategy = factory(languages=[language], kinds=example.kinds or tuple(KINDS))
        try:
            smallest = find(strategy, fails_so, settings=quiet)
        except (NoSuchExample, Unsatisfiable) as exc:  # the failing page is too rare to find
            print(f"  could not shrink {pattern!r} ({language}): {type(exc).__name__}")
            continue
        slug = re.sub(r"[^a-z0-9]+", "-", f"{smallest.input_kind}-{language}-{pattern}".lower())
        record = {"pattern": pattern, "status": "fails", "why": "", **smallest.to_dict()}
        path = out / f"{slug.strip('-')}.json"
        path.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"  wrote {path}")


def _table(title: str, outcomes: list[tuple[GeneratedPage, list[str]]], keys: Any) -> None:
    seen: Counter[str] = Counter()
    good: Counter[str] = Counter()
    for page, found in outcomes:
        for key in keys(page):
            seen[key] += 1
            good[key] += not found
    print(f"\n{title}:")
    for key in sorted(seen):
        print(f"  {key:18} {good[key]:4}/{seen[key]:<4} {good[key] / seen[key]:6.1%}")


if __name__ == "__main__":
    raise SystemExit(_measure())
