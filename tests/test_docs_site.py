"""The documentation site builds in MkDocs' strict mode: no broken link, anchor or reference.

Needs the ``docs`` tools (part of the ``test`` extra). Without them the test skips, except
under CI (``CI`` set), where it fails: CI must build the site.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from cleaner import clean_and_explain

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "src" / "cleaner" / "samples" / "rferl-kazakhstan.txt"
IN_CI = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
TOOLS = ("mkdocs", "material", "mkdocstrings", "mkdocstrings_handlers.python")


def _have(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:  # a missing parent package
        return False


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    missing = [m for m in TOOLS if not _have(m)]
    if missing:
        reason = f"documentation tools missing: {', '.join(missing)} (pip install '.[docs]')"
        if IN_CI:
            pytest.fail(f"{reason}; CI must build the documentation")
        pytest.skip(reason)
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, f"mkdocs build --strict failed:\n{build.stderr[-6000:]}"
    return out


def test_site_builds_strictly_with_every_page(site: Path) -> None:
    for page in ("index.html", "usage/index.html", "rules/index.html", "explain/index.html"):
        assert (site / page).is_file(), page
    # Pages other helpers may add are built when present.
    for name in sorted(p.stem for p in (ROOT / "docs").glob("*.md")):
        built = site / ("index.html" if name == "index" else f"{name}/index.html")
        assert built.is_file(), f"docs/{name}.md was not built"
    # Build helpers stay out of the published site.
    assert not list(site.rglob("gen_*.py"))


def test_api_reference_documents_the_public_api(site: Path) -> None:
    tree = LexborHTMLParser((site / "api" / "index.html").read_text(encoding="utf-8"))
    ids = {node.attributes.get("id") for node in tree.css("[id]")}
    for name in ("clean_article", "clean_and_explain", "Cleaner", "Config", "Result"):
        assert f"cleaner.{name}" in ids, name
    assert "cleaner.tools.report.explain_html" in ids
    assert "cleaner.tools.report.write_batch_reports" in ids


def test_example_report_is_published_fresh_and_linked(site: Path) -> None:
    from cleaner.tools.report import explain_html

    sample = SAMPLE
    published = (site / "examples" / "report.html").read_text(encoding="utf-8")
    current = explain_html(
        clean_and_explain(sample.read_bytes(), kind="text"),
        title="Example: src/cleaner/samples/rferl-kazakhstan.txt",
    )
    assert published == current  # made at build time from the current rules
    explain = LexborHTMLParser((site / "explain" / "index.html").read_text(encoding="utf-8"))
    assert "../examples/report.html" in {a.attributes.get("href") for a in explain.css("a")}


def test_committed_example_report_is_a_report_of_the_sample() -> None:
    # The committed copy (for reading the repository without building) may lag behind
    # the rules; it must still be a report of every block of the sample page.
    committed = LexborHTMLParser(
        (ROOT / "docs" / "examples" / "report.html").read_text(encoding="utf-8")
    )
    sample = clean_and_explain(SAMPLE.read_bytes())
    assert len(committed.css("#blocks .block")) == len(sample.blocks)
    assert committed.css("#blocks .block.removed") and committed.css("#legend li.legend-item")
