"""Finding the documents of a batch, in a deterministic order, one at a time.

Inputs are files, folders (walked depth-first, entries sorted by name), ``-`` for
stdin, and lines of a ``--from-list`` file. A file is a page (.html, .htm, .txt, ...),
a JSON Lines file of records (.jsonl, .ndjson) or a web archive (.warc, .arc), each
possibly gzipped; other names are sniffed. Pages are read by the workers; records of
JSON Lines and WARC files are read here and handed over.

Nothing is listed ahead: documents stream out as they are found, numbered in order, so
memory stays bounded however many inputs there are.

The package: ``discover`` finds the inputs and tells their format, ``documents`` turns
each into documents (``jsonl`` and ``warc`` read the records of containers), ``names``
chooses output names; ``model`` holds the options and the records they pass along.
"""

from __future__ import annotations

from .discover import (
    format_from_name,
    iter_inputs,
    iter_sources,
    peek_format,
    probe_format,
    sniff_format,
)
from .documents import iter_documents
from .model import (
    DEFAULT_FIELDS,
    JSONL_EXTENSIONS,
    PAGE_EXTENSIONS,
    SNIFF_BYTES,
    WARC_EXTENSIONS,
    DocRef,
    ReadOptions,
    Source,
    TruncatedInputError,
)
from .names import Namer, mirror_path, page_stem

__all__ = [
    "DEFAULT_FIELDS",
    "JSONL_EXTENSIONS",
    "PAGE_EXTENSIONS",
    "SNIFF_BYTES",
    "WARC_EXTENSIONS",
    "DocRef",
    "Namer",
    "ReadOptions",
    "Source",
    "TruncatedInputError",
    "format_from_name",
    "iter_documents",
    "iter_inputs",
    "iter_sources",
    "mirror_path",
    "page_stem",
    "peek_format",
    "probe_format",
    "sniff_format",
]
