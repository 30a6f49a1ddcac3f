"""What a batch is asked to do (``BatchOptions``) and what it did (``Summary``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .inputs import ReadOptions
from .templates import DEFAULT_MIN_PAGES, DEFAULT_MIN_SHARE


@dataclass
class BatchOptions:
    inputs: list[str]
    from_list: str | None = None
    #: Output: a tree under ``outdir``, a JSON Lines file ``jsonl`` ("-": stdout), or
    #: neither (stdout: one page's text, or JSON Lines with ``fmt="json"``).
    outdir: Path | None = None
    jsonl: str | None = None
    fmt: str = "text"
    read: ReadOptions = field(default_factory=ReadOptions)
    kind: str | None = None
    cleaner_options: dict[str, Any] = field(default_factory=dict)
    jobs: int = 1
    #: Clean in this process (one page): no worker start-up cost.
    inline: bool = False
    timeout: float | None = None
    errors: Path | None = None
    resume: bool = False
    timing: bool = True
    explain: bool = False
    #: Print the text of each page (stdout mode); off when ``explain`` replaces it.
    print_text: bool = True
    site_templates: bool = False
    template_min_pages: int = DEFAULT_MIN_PAGES
    template_min_share: float = DEFAULT_MIN_SHARE
    progress: bool = False
    #: How many documents there are, when known before reading them (the progress bar
    #: shows the total and an ETA).
    total: int | None = None
    #: Report each failure on stderr (when there is no error log).
    report_failures: bool = True
    colour: bool = False


@dataclass
class Summary:
    documents: int = 0
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    #: Documents cleaned by this run (a resumed run skips the ones done before).
    processed: int = 0
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def line(self) -> str:
        rate = self.processed / self.seconds if self.seconds > 0 else 0.0
        return (
            f"cleaner: {self.documents} documents: {self.ok} ok, {self.failed} failed, "
            f"{self.skipped} skipped; {self.bytes_in / 1e6:.1f} MB in, "
            f"{self.bytes_out / 1e6:.1f} MB out; {rate:.1f} docs/s ({self.seconds:.1f} s)"
        )
