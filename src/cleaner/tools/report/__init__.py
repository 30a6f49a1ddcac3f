"""The visual explanation: one self-contained HTML file per page, and an index for a batch.

    from cleaner import clean_and_explain
    from cleaner.tools.report import explain_html, write_batch_reports

    html = explain_html(clean_and_explain(raw), title="My page")
    index = write_batch_reports([("a.html", result_a), ("b.txt", result_b)], "reports/")

    cleaner explain PAGE -o report.html       (or: python -m cleaner.tools.report PAGE -o ...)
    cleaner explain PAGES... -o OUTDIR        (OUTDIR/index.html links one report a page)

A report shows the page's blocks in order: kept blocks as plain text, removed blocks
struck through and coloured by rule family, with the rule and the reason on hover (or
keyboard focus) and in a side list; a legend counts removals per family, and controls
show only removed or only kept blocks, or hide a family. It works without JavaScript
(the controls are form inputs and CSS), loads nothing from the network, and its
Content-Security-Policy forbids scripts and every external load, so page text, which is
untrusted and always escaped, cannot run in the reader's browser even if escaping failed.

The package: ``page`` renders one report, ``index`` the reports of a batch and their
index, ``command`` is ``cleaner explain``; ``shared`` holds the document frame, the
colours and the escaping they all use.
"""

from __future__ import annotations

# The names the single module had stay importable from here; ``X as X`` marks a
# re-export that is not in ``__all__`` (the documented API is the three functions).
from .command import build_explain_parser as build_explain_parser
from .command import main_explain
from .index import INDEX_NAME as INDEX_NAME
from .index import write_batch_reports
from .page import explain_html
from .shared import SNIPPET_CHARS as SNIPPET_CHARS
from .shared import UNNAMED_FAMILY as UNNAMED_FAMILY

__all__ = ["explain_html", "main_explain", "write_batch_reports"]
