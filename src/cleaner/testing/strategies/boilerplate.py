"""Boilerplate: the segments of each injected kind, as real sites print them."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st

from ..banks import AGENCIES, COMMENTERS, TIMELINES, Bank
from .article import _captions, _headlines
from .model import Segment


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
