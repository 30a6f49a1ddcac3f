"""cleaner: removes boilerplate from web pages and scraped text, and says why.

>>> from cleaner import clean_article
>>> clean_article(raw_page_text)          # the article body, as text
>>> clean_and_explain(raw).removed        # every removed block, with rule and reason
>>> clean_tree(selector.root).xpath("//a")  # an lxml tree in, the article as lxml out
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from .config import Config
from .errors import (
    CleanerError,
    ConfigError,
    InputBinaryError,
    InputTooLargeError,
    InputTypeError,
    InputValueError,
)
from .options import FIELDS as OUTPUT_FIELDS
from .options import OutputOptions
from .result import BlockDecision, Result

if TYPE_CHECKING:
    from .pipeline import Cleaner
    from .rules import Rule

# The pipeline (and regex with it) loads on first use, so that importing cleaner, or
# its pytest plugin, stays cheap: ``cleaner.Cleaner`` and ``cleaner.Rule`` resolve here.
_LAZY = {"Cleaner": ".pipeline", "Rule": ".rules"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "BlockDecision",
    "Cleaner",
    "CleanerError",
    "Config",
    "ConfigError",
    "InputBinaryError",
    "InputTooLargeError",
    "InputTypeError",
    "InputValueError",
    "OutputOptions",
    "Result",
    "Rule",
    "clean_and_explain",
    "clean_article",
    "clean_tree",
]
__version__ = "0.1.0"


def _split(options: dict[str, Any]) -> tuple[OutputOptions, dict[str, Any]]:
    """The output options among ``options`` as one object, and the rest (``Config``)."""
    fields = {k: options[k] for k in options.keys() & set(OUTPUT_FIELDS)}
    rest = {k: v for k, v in options.items() if k not in fields}
    return OutputOptions.merge(None, fields), rest


def _cleaner(config: Config | None, options: dict[str, Any]) -> Cleaner:
    """A ``Cleaner`` for these settings, shared between calls with equal ones.

    Building one compiles every rule's patterns (tens of ms, against a few ms to clean
    a page). A ``Cleaner`` is immutable and keeps nothing from one page to the next, so
    sharing it carries no state between calls. Settings that cannot be a cache key (a
    ``Config`` object, a dict of phrases, a list) build a new one.
    """
    if config is None and not options:
        return _default()
    # The type too: ``1`` and ``True`` are equal keys but not equal settings.
    key = (config, tuple(sorted((k, type(v), v) for k, v in options.items())))
    try:
        hash(key)
    except TypeError:
        from .pipeline import Cleaner

        return Cleaner(config, **options)
    return _shared(*key)


@lru_cache(maxsize=16)
def _shared(config: Config | None, options: tuple[tuple[str, type, Any], ...]) -> Cleaner:
    from .pipeline import Cleaner

    return Cleaner(config, **{name: value for name, _, value in options})


@cache
def _default() -> Cleaner:
    from .pipeline import Cleaner

    return Cleaner()


def clean_article(
    raw: str | bytes | Any,
    *,
    url: str | None = None,
    kind: str | None = None,
    encoding: str | None = None,
    config: Config | None = None,
    **options: Any,
) -> str:
    """The article body of a page: kept paragraphs unaltered, in order.

    ``raw`` is HTML or scraped page text, ``str`` or ``bytes``, or a parsed page: an
    lxml element (``lxml.html``), a parsel or Scrapy ``Selector``, a selectolax parser
    or node. ``kind="text"`` or ``kind="html"`` skips the sniffing. ``encoding`` is the
    charset the server declared for bytes (the HTTP header's ``charset``), read before
    the page's ``<meta>``. ``output`` is ``"text"`` (default), ``"markdown"``,
    ``"html"`` (clean HTML: an ``<article>``), or ``"json"`` (a JSON document with the
    text, the Markdown and the page's declared title, author, date, language, URL ...).
    ``include_title`` puts the headline first; ``links``, ``emphasis`` and ``images``
    add inline markup (see ``OutputOptions``). Other ``options`` override ``Config``
    fields; calls with equal ones share one ``Cleaner``.
    """
    output, settings = _split(options)
    return _cleaner(config, settings).clean(
        raw, url=url, kind=kind, encoding=encoding, options=output
    )


def clean_and_explain(
    raw: str | bytes | Any,
    *,
    url: str | None = None,
    kind: str | None = None,
    encoding: str | None = None,
    config: Config | None = None,
    **options: Any,
) -> Result:
    """Like ``clean_article``, with a decision (rule, family, reason) for every block.

    The result carries the page's metadata (``result.title``, ``result.metadata``), the
    Markdown when ``output`` is ``"markdown"`` or ``"json"``, the HTML (``result.html``)
    when it is ``"html"``, and ``result.to_json()``.
    """
    output, settings = _split(options)
    return _cleaner(config, settings).explain(
        raw, url=url, kind=kind, encoding=encoding, options=output
    )


def clean_tree(
    raw: str | bytes | Any,
    *,
    url: str | None = None,
    kind: str | None = None,
    encoding: str | None = None,
    config: Config | None = None,
    **options: Any,
) -> Any:
    """The article as an lxml element, for code that goes on with XPath.

    Takes what ``clean_article`` takes (a string, bytes, or a parsed page such as a
    parsel ``Selector``'s ``root``) and returns an ``lxml.html.HtmlElement``: an
    ``<article>`` holding the tree of ``output="html"`` (headings, paragraphs, lists,
    tables, quotes, code, captions; ``links``, ``emphasis`` and ``images`` add inline
    elements). The caller's tree is left as it was.
    """
    output, settings = _split(options)
    return _cleaner(config, settings).clean_tree(
        raw, url=url, kind=kind, encoding=encoding, options=output
    )
