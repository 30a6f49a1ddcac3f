"""Declared dates, read as ISO 8601 or not at all."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

_ISO_DATE = re.compile(
    r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"
    r"(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?\s*$",
    re.IGNORECASE,
)
_COMPACT_DATE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?\s*$")


def normalise_date(value: str | None) -> str | None:
    """A declared date as ISO 8601 (``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM:SS[±HH:MM]``).

    Accepts ISO 8601 and its common variants, ``YYYYMMDD``, and RFC 2822 dates; None
    for anything it cannot read with certainty (no day-month order is guessed).
    """
    if not value or len(value) > 64:
        return None
    match = _ISO_DATE.match(value) or _COMPACT_DATE.match(value)
    if match is not None:
        groups = match.groups()
        year, month, day = int(groups[0]), int(groups[1]), int(groups[2])
        hour = groups[3]
        zone = groups[6] if len(groups) > 6 else None
        try:
            if hour is None:
                return datetime(year, month, day).date().isoformat()
            stamp = datetime(year, month, day, int(hour), int(groups[4]), int(groups[5] or 0))
        except ValueError:
            return None
        offset = _offset(zone)
        if offset is not None:
            stamp = stamp.replace(tzinfo=offset)
        return stamp.isoformat()
    from email.utils import parsedate_to_datetime  # only for dates that are not ISO

    try:
        stamp = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return stamp.isoformat() if stamp is not None else None


def _offset(zone: str | None) -> timezone | None:
    if not zone:
        return None
    if zone.upper() in ("Z", "UTC", "GMT"):
        return timezone.utc
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    if hours > 18 or minutes > 59:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))
