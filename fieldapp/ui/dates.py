"""Dates as people type them: "03.12.2026", "3.12.26", "03122026", "3/12", "2026-12-03", "3.12.2026 14.30".

Pure Python (no Qt), used by every date and date-time input. Day comes before month,
as in Denmark (and most of Europe); a four-digit first part means ISO (year first).
A two-digit year is in this century; a missing year is this year.
"""

from __future__ import annotations

import re
from datetime import date, datetime

_DATE = re.compile(
    r"""^\s*(?:
        (?P<iso_y>\d{4})[-./](?P<iso_m>\d{1,2})[-./](?P<iso_d>\d{1,2})      # 2026-12-03
      | (?P<d>\d{1,2})[-./ ]\s*(?P<m>\d{1,2})(?:[-./ ]\s*(?P<y>\d{4}|\d{2}))?\.?  # 3.12.2026, 3.12.26, 3.12
      | (?P<packed>\d{8}|\d{6}|\d{4})                                    # 03122026, 031226, 0312
    )""",
    re.VERBOSE,
)
_TIME = re.compile(
    r"^(?:kl\.?|at|t)?\s*(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2})|(?P<packed>\d{2}))?\s*$", re.IGNORECASE
)


def _year(text: str | None, today: date) -> int:
    if not text:
        return today.year
    number = int(text)
    return 2000 + number if len(text) == 2 else number


def parse_date_text(text: str, today: date | None = None) -> tuple[date, str] | None:
    """The date at the start of ``text`` and what follows it; ``None`` if it is not a real date."""
    today = today or date.today()
    match = _DATE.match(text)
    if match is None:
        return None
    parts = match.groupdict()
    if parts["iso_y"]:
        day, month, year = int(parts["iso_d"]), int(parts["iso_m"]), int(parts["iso_y"])
    elif parts["d"]:
        day, month, year = int(parts["d"]), int(parts["m"]), _year(parts["y"], today)
    else:
        packed = parts["packed"]
        day, month = int(packed[:2]), int(packed[2:4])
        year = _year(packed[4:] or None, today)
    try:
        return date(year, month, day), text[match.end() :]
    except ValueError:  # 31.02, month 13 …
        return None


def parse_date(text: str, today: date | None = None) -> date | None:
    """A whole date, nothing after it; ``None`` when ``text`` is not one."""
    found = parse_date_text(text, today)
    if found is None or found[1].strip():
        return None
    return found[0]


def parse_datetime(
    text: str, default_time: tuple[int, int] = (0, 0), today: date | None = None
) -> datetime | None:
    """A date with an optional time ("3.12.26 14.30", "03122026 kl. 9"); ``default_time`` when none is typed."""
    found = parse_date_text(text, today)
    if found is None:
        return None
    day, rest = found
    rest = rest.strip().lstrip(",").strip()
    hour, minute = default_time
    if rest:
        match = _TIME.match(rest)
        if match is None:
            return None
        hour = int(match["h"])
        minute = int(match["mi"] or match["packed"] or 0)
        if hour > 23 or minute > 59:
            return None
    return datetime(day.year, day.month, day.day, hour, minute)
