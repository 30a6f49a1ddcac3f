"""Whole pages: an article with boilerplate placed where sites put it."""

from __future__ import annotations

from collections.abc import Iterable
from types import MappingProxyType

from hypothesis import strategies as st

from ..banks import BANK_SETS
from .article import _article_segments, _headlines
from .boilerplate import _boilerplate
from .model import KINDS, LANGUAGES, PagePlan, Segment, TextLayout

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


@st.composite
def page_plans(
    draw: st.DrawFn,
    languages: Iterable[str] = LANGUAGES,
    kinds: Iterable[str] = tuple(KINDS),
    min_kinds: int = 1,
    max_kinds: int = 8,
    headline: bool | None = None,
    bank: str = "dev",
) -> PagePlan:
    """A page: an article with up to ``max_kinds`` kinds of boilerplate injected.

    ``kinds`` limits the boilerplate to some kinds (keys of ``KINDS``); ``headline``
    forces the optional headline on or off (None: drawn); ``bank`` picks the word bank's
    boilerplate: "dev" (tune on it) or "heldout" (written apart from the phrase files:
    report on it).
    """
    languages = tuple(languages)
    kinds = tuple(kinds)
    for kind in kinds:
        if kind not in KINDS:
            raise ValueError(f"unknown boilerplate kind {kind!r}; known: {sorted(KINDS)}")
    if bank not in BANK_SETS:
        raise ValueError(f"unknown bank {bank!r}; known: {sorted(BANK_SETS)}")
    banks = BANK_SETS[bank]
    language = draw(st.sampled_from(languages))
    lexicon = banks[language]
    site = draw(st.sampled_from(lexicon.sites))
    article = draw(_article_segments(language))
    headline = draw(_headlines(lexicon))
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
        segments = draw(_boilerplate(kind, zone, lexicon, site, headline))
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
            top.append(Segment("byline", (draw(st.sampled_from(lexicon.bylines)),), "top", (True,)))
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
