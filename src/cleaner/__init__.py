"""cleaner: removes boilerplate from web pages and scraped text, and says why.

>>> from cleaner import clean_article
>>> clean_article(raw_page_text)          # the article body, as text
>>> clean_and_explain(raw).removed        # every removed block, with rule and reason
"""

from __future__ import annotations

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
    "Result",
    "Rule",
    "clean_and_explain",
    "clean_article",
]
__version__ = "0.1.0"


def _cleaner(config: Config | None, options: dict[str, Any]) -> Cleaner:
    from .pipeline import Cleaner

    return Cleaner(config, **options) if (config is not None or options) else _default()


def _default() -> Cleaner:
    # Built on each call (phrase compilation takes a few ms) would be wasteful; one
    # immutable default instance holds no per-document state, so it is safe to share.
    global _DEFAULT
    if _DEFAULT is None:
        from .pipeline import Cleaner

        _DEFAULT = Cleaner()
    return _DEFAULT


_DEFAULT: Cleaner | None = None


def clean_article(
    raw: str | bytes,
    *,
    url: str | None = None,
    kind: str | None = None,
    encoding: str | None = None,
    config: Config | None = None,
    output: str = "text",
    include_title: bool = False,
    links: bool = False,
    emphasis: bool = False,
    images: bool = False,
    **options: Any,
) -> str:
    """The article body of a page: kept paragraphs unaltered, in order.

    ``raw`` is HTML or scraped page text, ``str`` or ``bytes``; ``kind="text"`` or
    ``kind="html"`` skips the sniffing. ``encoding`` is the charset the server declared
    for bytes (the HTTP header's ``charset``), read before the page's ``<meta>``.
    ``output`` is ``"text"`` (default), ``"markdown"``, or ``"json"`` (a JSON document
    with the text, the Markdown and the page's declared title, author, date, language,
    URL ...). ``include_title`` puts the headline first; ``links``, ``emphasis`` and
    ``images`` add inline Markdown. ``options`` override ``Config`` fields.
    """
    return _cleaner(config, options).clean(
        raw,
        url=url,
        kind=kind,
        encoding=encoding,
        output=output,
        include_title=include_title,
        links=links,
        emphasis=emphasis,
        images=images,
    )


def clean_and_explain(
    raw: str | bytes,
    *,
    url: str | None = None,
    kind: str | None = None,
    encoding: str | None = None,
    config: Config | None = None,
    output: str = "text",
    include_title: bool = False,
    links: bool = False,
    emphasis: bool = False,
    images: bool = False,
    **options: Any,
) -> Result:
    """Like ``clean_article``, with a decision (rule, family, reason) for every block.

    The result carries the page's metadata (``result.title``, ``result.metadata``), the
    Markdown when ``output`` is ``"markdown"`` or ``"json"``, and ``result.to_json()``.
    """
    return _cleaner(config, options).explain(
        raw,
        url=url,
        kind=kind,
        encoding=encoding,
        output=output,
        include_title=include_title,
        links=links,
        emphasis=emphasis,
        images=images,
    )
