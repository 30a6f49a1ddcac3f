"""The JSON document of a result: text, Markdown, the page's metadata, removals.

Its shape is ``cleaner/schema/output.schema.json`` (shipped with the package; the tests
validate against it). Every metadata field is present, None (a list empty) when the page
declares nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..metadata import Metadata

if TYPE_CHECKING:
    from ..result import Result

__all__ = ["SCHEMA_RESOURCE", "document"]

#: The schema's place in the package (``importlib.resources``).
SCHEMA_RESOURCE = ("cleaner", "schema/output.schema.json")


def document(result: Result, *, removed: bool = True) -> dict[str, Any]:
    meta = result.metadata or Metadata(url=result.url)
    out: dict[str, Any] = {
        "text": result.text,
        "markdown": result.markdown,
        "title": meta.title,
        "author": meta.author,
        "date": meta.date,
        "language": meta.language,
        "url": meta.url or result.url,
        "site_name": meta.site_name,
        "description": meta.description,
        "image": meta.image,
        "categories": list(meta.categories),
        "tags": list(meta.tags),
        "license": meta.license,
        "input_kind": result.input_kind,
        "detected_language": result.language,
        "page_type": result.page_type,
        "confidence": result.confidence,
        "weak_reasons": list(result.weak_reasons),
    }
    if removed:
        out["removed"] = [
            {
                "index": b.index,
                "rule": b.rule,
                "family": b.family,
                "reason": b.reason,
                "kind": b.kind,
                "path": b.path,
                "text": b.text,
            }
            for b in result.removed
        ]
    return out
