"""Clean a PySpark DataFrame column of HTML or page text, one ``Cleaner`` per partition.

::

    from cleaner.integrations.spark import clean_column

    pages = spark.read.parquet("crawl/")                    # a column "html"
    clean = clean_column(pages, "html", kind="html", explain=True)
    clean.select("url", "html_clean", "html_clean_removed").write.parquet("clean/")

The new column holds the article text (null where the input is null or cleaner refuses
it). ``explain=True`` adds ``<output>_language``, ``<output>_removed`` (blocks removed
per rule family) and ``<output>_error`` (why a record was refused). Options are
``Config`` fields plus ``disable=`` / ``enable=``, checked on the driver.

It runs on classic Spark sessions (it maps over ``DataFrame.rdd``), not over Spark
Connect, and needs neither pandas nor pyarrow.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from pyspark.sql import DataFrame
from pyspark.sql.types import (
    BinaryType,
    IntegerType,
    MapType,
    StringType,
    StructField,
    StructType,
)

from ..config import Config
from ..errors import CleanerError, InputTypeError, InputValueError
from . import CleanerRecipe

#: Suffixes of the columns that ``explain=True`` adds after the output column.
EXPLAIN_SUFFIXES: tuple[str, ...] = ("_language", "_removed", "_error")


@dataclass(frozen=True)
class PartitionCleaner:
    """The function ``mapPartitions`` runs: cleans one column of each row.

    It is shipped to the executors by pickling, so it holds a recipe and builds one
    ``Cleaner`` per partition, which then serves every row of that partition.
    """

    recipe: CleanerRecipe
    #: Position of the input column in each row.
    column_index: int
    explain: bool = False
    #: Position of the page URL column, if any (site rules use the URL's host).
    url_index: int | None = None

    def __call__(self, rows: Iterable[Any]) -> Iterator[tuple[Any, ...]]:
        cleaner = self.recipe.build()
        for row in rows:
            url = None if self.url_index is None else row[self.url_index]
            yield (*row, *self._clean(cleaner, row[self.column_index], url))

    def _clean(
        self, cleaner: Any, raw: str | bytes | bytearray | None, url: str | None
    ) -> tuple[Any, ...]:
        if raw is None:
            return (None, None, None, None) if self.explain else (None,)
        if isinstance(raw, bytearray):  # how Spark hands over a BinaryType value
            raw = bytes(raw)
        try:
            result = cleaner.explain(raw, url=url, kind=self.recipe.kind)
        except CleanerError as error:
            if not self.explain:
                return (None,)
            return None, None, None, f"{type(error).__name__}: {error}"
        if not self.explain:
            return (result.text,)
        return result.text, result.language, result.counts_by_family(), None


def clean_column(
    df: DataFrame,
    column: str,
    *,
    kind: str,
    output: str | None = None,
    explain: bool = False,
    url_column: str | None = None,
    config: Config | None = None,
    **options: Any,
) -> DataFrame:
    """``df`` with the cleaned text of ``column`` in a new column ``output``.

    ``kind`` is ``"html"`` or ``"text"``: what the column holds (string or binary).
    ``output`` defaults to ``<column>_clean``; ``url_column`` names a column of page
    URLs, if there is one. Rows and partitions keep their order.
    """
    recipe = CleanerRecipe.create(kind, config, **options)
    for name in (column, url_column):
        if name is not None and name not in df.columns:
            raise InputValueError(f"no column {name!r} in {df.columns}")
    if not isinstance(df.schema[column].dataType, StringType | BinaryType):
        raise InputTypeError(
            f"column {column!r} is {df.schema[column].dataType.simpleString()}, "
            "not string or binary"
        )
    output = output or f"{column}_clean"
    added = [StructField(output, StringType(), nullable=True)]
    if explain:
        language, removed, error = (output + suffix for suffix in EXPLAIN_SUFFIXES)
        added += [
            StructField(language, StringType(), nullable=True),
            StructField(removed, MapType(StringType(), IntegerType(), False), nullable=True),
            StructField(error, StringType(), nullable=True),
        ]
    clashes = sorted({f.name for f in added} & set(df.columns))
    if clashes:
        raise InputValueError(f"output columns {clashes} already exist; pass output=")
    schema = StructType([*df.schema.fields, *added])
    url_index = None if url_column is None else df.columns.index(url_column)
    cleaned = df.rdd.mapPartitions(
        PartitionCleaner(recipe, df.columns.index(column), explain, url_index),
        preservesPartitioning=True,
    )
    return df.sparkSession.createDataFrame(cleaned, schema)


__all__ = ["EXPLAIN_SUFFIXES", "PartitionCleaner", "clean_column"]
