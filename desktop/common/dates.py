"""Dates between Qt's date editors and Python."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime

from checklist.company import COMPANY_TIME, company_now, company_today


def qdate(day: dt.date) -> QDate:
    """A Python date for a date editor."""
    return QDate(day.year, day.month, day.day)


def company_qdate() -> QDate:
    """Today in the company's zone (UTC+8), not this computer's: what a register's date field starts at and
    the last day it offers."""
    return qdate(company_today())


def company_qdatetime() -> QDateTime:
    """The company's wall-clock minute now (UTC+8), for a time field that starts at the present."""
    now = company_now()
    return QDateTime(qdate(now.date()), QTime(now.hour, now.minute))


def python_date(date: QDate) -> dt.date:
    """The day a date editor shows (``QDate.toPython`` is typed as returning ``object``)."""
    return dt.date(date.year(), date.month(), date.day())


def company_and_utc_minute(moment: dt.datetime) -> tuple[str, str]:
    """A stored UTC moment (naive or aware) as the company's local minute, as the reports print it whatever this
    computer's zone is, and as the UTC time of day: ("2026-12-01 14:26", "06:26")."""
    utc = moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)
    return utc.astimezone(COMPANY_TIME).strftime("%Y-%m-%d %H:%M"), utc.strftime("%H:%M")


def company_and_utc_text(moment: dt.datetime) -> str:
    """A stored UTC moment as a table or a log shows it: "2026-12-01 14:26（UTC+8；06:26 UTC）"."""
    local, utc = company_and_utc_minute(moment)
    return QCoreApplication.translate("Dates", "%1（UTC+8；%2 UTC）").replace("%1", local).replace("%2", utc)
