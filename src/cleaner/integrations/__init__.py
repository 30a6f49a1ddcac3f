"""Run cleaner inside the engines a crawl already runs on.

- ``cleaner.integrations.datatrove``: datatrove pipeline steps, an extractor for HTML
  records and a formatter for records that already hold text
  (``pip install 'article-cleaner[datatrove]'``).
- ``cleaner.integrations.spark``: clean a DataFrame column with PySpark, one ``Cleaner``
  per partition (``pip install 'article-cleaner[spark]'``).

Importing this package imports neither engine (nor does ``import cleaner``); each
submodule imports its own.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..config import Config
from ..errors import ConfigError

if TYPE_CHECKING:
    from ..pipeline import Cleaner

#: The input kinds an integration can be told its records hold.
KINDS: tuple[str, ...] = ("html", "text")


@dataclass(frozen=True)
class CleanerRecipe:
    """How to build a ``Cleaner``, in plain values that pickle.

    Engines ship pipeline steps and functions to other processes and machines by
    pickling them, but a ``Cleaner`` (compiled patterns) and a ``Config`` (read-only
    mapping views) do not pickle. Steps carry a recipe instead and build their
    ``Cleaner`` where they run, once per process or partition.
    """

    #: "html" or "text": what the records hold, so no record is sniffed.
    kind: str
    #: ``Config`` fields that differ from the defaults, as (name, value) pairs.
    changes: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def create(cls, kind: str, config: Config | None = None, **options: Any) -> CleanerRecipe:
        """A recipe for ``Cleaner(config, **options)``, checked now rather than on a worker.

        Unknown options, rule or family names raise ``ConfigError`` here, in the driver,
        so a typo fails before a cluster job starts.
        """
        if kind not in KINDS:
            raise ConfigError(f"kind must be one of {KINDS}, not {kind!r}")
        resolved = Config.from_options(config, **options) if options else (config or Config())
        recipe = cls(kind, _changes(resolved))
        recipe.build()  # validates rule and family names (Config alone does not)
        return recipe

    def config(self) -> Config:
        return Config(**dict(self.changes))

    def build(self) -> Cleaner:
        from ..pipeline import Cleaner

        return Cleaner(self.config())


def _changes(config: Config) -> tuple[tuple[str, Any], ...]:
    default = Config()
    changes = []
    for f in dataclasses.fields(Config):
        value = getattr(config, f.name)
        if value == getattr(default, f.name):
            continue
        if isinstance(value, Mapping):
            value = dict(value)  # a mappingproxy does not pickle; Config re-wraps it
        changes.append((f.name, value))
    return tuple(changes)


__all__ = ["KINDS", "CleanerRecipe"]
