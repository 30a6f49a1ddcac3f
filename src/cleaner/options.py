"""What a caller wants back from a page: the format and what it includes.

One frozen ``OutputOptions`` travels from ``clean_article`` through ``Cleaner.clean``
to ``Cleaner.explain`` instead of five keywords repeated in every signature; it is
checked once, where it is made.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .errors import InputValueError

#: What ``Cleaner.clean`` can return: plain text, Markdown, a JSON document, or HTML.
OUTPUTS = ("text", "markdown", "json", "html")


@dataclass(frozen=True, slots=True)
class OutputOptions:
    """``output`` is ``"text"``, ``"markdown"``, ``"json"`` (text, Markdown and the
    page's metadata) or ``"html"`` (clean HTML; see docs/output-formats.md).
    ``include_title`` puts the page's title first; ``links``, ``emphasis`` and
    ``images`` add inline markup (Markdown or HTML)."""

    output: str = "text"
    include_title: bool = False
    links: bool = False
    emphasis: bool = False
    images: bool = False

    def __post_init__(self) -> None:
        if self.output not in OUTPUTS:
            raise InputValueError(f"output must be one of {OUTPUTS}, got {self.output!r}")

    @property
    def wants_metadata(self) -> bool:
        """Whether the page's metadata is read for these options (JSON or the title)."""
        return self.output == "json" or self.include_title

    @classmethod
    def merge(cls, options: OutputOptions | None, fields: Mapping[str, Any]) -> OutputOptions:
        """``options`` (default ones when None) with ``fields`` overriding; a name that
        is no field raises ``TypeError``, as an unknown keyword argument would."""
        base = DEFAULT_OPTIONS if options is None else options
        if not fields:
            return base
        unknown = sorted(set(fields) - set(FIELDS))
        if unknown:
            raise TypeError(f"unexpected keyword arguments: {', '.join(unknown)}")
        return dataclasses.replace(base, **fields)


#: The field names, which callers may also pass as keywords.
FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(OutputOptions))
DEFAULT_OPTIONS = OutputOptions()
