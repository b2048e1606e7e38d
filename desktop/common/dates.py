"""Dates between Qt's date editors and Python."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate


def python_date(date: QDate) -> dt.date:
    """The day a date editor shows (``QDate.toPython`` is typed as returning ``object``)."""
    return dt.date(date.year(), date.month(), date.day())
