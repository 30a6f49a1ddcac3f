"""``python -m cleaner.tools.report``: the same as ``cleaner explain``."""

from __future__ import annotations

from .command import main_explain

if __name__ == "__main__":
    raise SystemExit(main_explain(prog="python -m cleaner.tools.report"))
