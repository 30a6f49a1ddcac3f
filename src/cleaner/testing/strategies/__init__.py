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

This package needs ``hypothesis`` (the ``test`` extra); the core library never imports it.
``python -m cleaner.testing.strategies`` measures how many generated pages cleaner gets exactly
right and which rules fail on which kind of boilerplate.

The package: ``model`` (segments, plans, ``GeneratedPage``), ``article`` (article text),
``boilerplate`` (the injected kinds), ``plans`` (whole pages), ``render`` (text and HTML),
``encoded`` (pages as bytes in web encodings, declared or not, and as XHTML) and
``measure`` (the ``python -m`` report).
"""

from __future__ import annotations

try:
    import hypothesis  # noqa: F401  (only to fail early, with the message below)
except ImportError as exc:  # the core library runs without hypothesis; this module cannot
    raise ImportError(
        "cleaner.testing.strategies needs hypothesis: pip install 'article-cleaner[testing]'"
    ) from exc

# Imported after the check above, so a missing hypothesis gives its message.
from .article import CAST, articles, paragraphs, sentences
from .encoded import EncodedPage, as_xhtml, encoded_pages
from .measure import clean_sample
from .model import KINDS, LANGUAGES, GeneratedPage, PagePlan, Segment
from .plans import page_plans
from .render import html_pages, render_html, render_text, text_pages

__all__ = [
    "CAST",
    "KINDS",
    "LANGUAGES",
    "EncodedPage",
    "GeneratedPage",
    "PagePlan",
    "Segment",
    "articles",
    "as_xhtml",
    "clean_sample",
    "encoded_pages",
    "html_pages",
    "page_plans",
    "paragraphs",
    "render_html",
    "render_text",
    "sentences",
    "text_pages",
]
