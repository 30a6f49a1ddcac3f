"""``python -m cleaner``: the same as the ``cleaner`` command."""

from __future__ import annotations

from .tools.cli import main

# Guarded: worker processes import the main module under another name.
if __name__ == "__main__":
    raise SystemExit(main())
