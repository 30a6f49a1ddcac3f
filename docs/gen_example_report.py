"""The example explain report of the documentation, made from the bundled sample page.

Run as a script to refresh the committed copy:

    python docs/gen_example_report.py

MkDocs also loads this file as a hook (see ``mkdocs.yml``): each build makes the report
afresh from the current rules, so the published example never lags behind them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "src" / "cleaner" / "samples" / "rferl-kazakhstan.txt"
#: Where the report lives, relative to the docs folder.
REPORT_URI = "examples/report.html"
TITLE = "Example: src/cleaner/samples/rferl-kazakhstan.txt"


def example_report() -> str:
    """The report of the sample page, as the current rules explain it."""
    from cleaner import clean_and_explain
    from cleaner.tools.report import explain_html

    result = clean_and_explain(SAMPLE.read_bytes(), kind="text")
    return explain_html(result, title=TITLE)


def on_files(files: Any, config: Any) -> Any:
    """MkDocs hook: serve a freshly made report in place of the committed copy."""
    from mkdocs.structure.files import File

    stale = files.get_file_from_path(REPORT_URI)
    if stale is not None:
        files.remove(stale)
    files.append(File.generated(config, REPORT_URI, content=example_report()))
    return files


if __name__ == "__main__":
    target = ROOT / "docs" / REPORT_URI
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(example_report(), encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)}")
