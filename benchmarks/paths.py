"""Where the benchmark data lives: ``../shared/benchmarks`` beside the repository.

Found from this file's own location, so that a clone works wherever it is checked out;
``CLEANER_BENCH_DATA`` (or each command's ``--data``) points elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("CLEANER_BENCH_DATA", ROOT.parent / "shared" / "benchmarks"))
