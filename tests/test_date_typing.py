"""Dates typed as Danes type them parse to the right day (the parser behind every date field)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from fieldapp.ui.dates import parse_date, parse_datetime

TODAY = date(2026, 11, 26)


@pytest.mark.parametrize(
    "typed",
    [
        "03.12.2026",
        "3.12.2026",
        "3.12.26",
        "03122026",
        "031226",
        "3/12/2026",
        "3-12-2026",
        "2026-12-03",
        " 3. 12. 2026 ",
        "3.12",
    ],
)
def test_every_common_way_of_typing_the_third_of_december(typed):
    assert parse_date(typed, TODAY) == date(2026, 12, 3)


@pytest.mark.parametrize(
    "typed", ["31.02.2026", "13.13.2026", "3.12.2026 x", "tomorrow", "", "12", "3.12.202"]
)
def test_what_is_not_a_date_is_refused_not_guessed(typed):
    assert parse_date(typed, TODAY) is None


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("03.12.2026 14.30", datetime(2026, 12, 3, 14, 30)),
        ("3.12.26 14:30", datetime(2026, 12, 3, 14, 30)),
        ("03122026 1430", datetime(2026, 12, 3, 14, 30)),
        ("3.12.2026 kl. 9", datetime(2026, 12, 3, 9, 0)),
        ("03.12.2026", datetime(2026, 12, 3, 10, 15)),  # no time typed: the time it had stays
    ],
)
def test_date_and_time(typed, expected):
    assert parse_datetime(typed, (10, 15), TODAY) == expected


def test_a_time_that_does_not_exist_is_refused():
    assert parse_datetime("3.12.2026 25.00", today=TODAY) is None
