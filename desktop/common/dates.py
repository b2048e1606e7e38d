"""Dates between Qt's date editors and Python."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate


def python_date(date: QDate) -> dt.date:
    """The day a date editor shows (``QDate.toPython`` is typed as returning ``object``)."""
    return dt.date(date.year(), date.month(), date.day())


def company_and_utc_minute(moment: dt.datetime) -> tuple[str, str]:
    """A stored UTC moment (naive or aware) as the company's local minute, as the reports print it whatever this
    computer's zone is, and as the UTC time of day: ("2026-12-01 14:26", "06:26")."""
    from checklist.company import COMPANY_TIME

    utc = moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)
    return utc.astimezone(COMPANY_TIME).strftime("%Y-%m-%d %H:%M"), utc.strftime("%H:%M")
