"""``python -m cleaner.testing.strategies``: how many generated pages cleaner gets right."""

from __future__ import annotations

from .measure import _measure

if __name__ == "__main__":
    raise SystemExit(_measure())
