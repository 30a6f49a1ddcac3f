"""Rendering a plan: as a scraper's text dump or as an HTML document."""

from __future__ import annotations

import html
from typing import Any

from hypothesis import strategies as st

from .model import GeneratedPage, PagePlan, Segment
from .plans import page_plans


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
