"""The benchmark pages beside the repository (``../shared/benchmarks``), as CI lays them out.

Missing, the tests that read them fail in CI (``CI`` set) and are skipped locally.
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"


def html_pages(name: str) -> list[tuple[str, str]]:
    """(page id, decoded text) of every page of the set ``name``'s HTML track."""
    folder = BENCHMARKS / name / "html"
    paths = sorted(folder.glob("*.html.gz"))
    if not paths:
        reason = f"{folder} (the benchmark pages) is not beside the repository"
        if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
            pytest.fail(f"{reason}; CI must check every page against it")
        pytest.skip(reason)
    return [
        (
            p.name.removesuffix(".html.gz"),
            gzip.decompress(p.read_bytes()).decode("utf-8", "replace"),
        )
        for p in paths
    ]
