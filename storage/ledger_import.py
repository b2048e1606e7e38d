"""Importing the roster (花名册) and gate-camera readings from Excel (.xlsx) or CSV files.

The service API (stable; the desktop and the command line use it), each a "check" that stores nothing and a
"commit" that stores all good rows in one transaction or nothing:

* :func:`read_table` → header and rows of a file (``.xlsx``: the first sheet; ``.csv``: UTF-8, or GB18030 as
  Chinese Excel writes it). Refused in one sentence: a damaged or truncated workbook, a file over
  :data:`MAX_FILE_BYTES` or :data:`MAX_ROWS` rows, a formula cell, an encoding that is neither.
* :func:`check_roster_file` → :class:`storage.roster.RosterCheck`; :func:`commit_roster_file` stores the good
  rows (refused whole unless ``accept_bad``).
* :func:`check_readings_file` → :class:`ReadingsCheck` (columns found by their headers — 姓名, 体温, 时间 … —
  or by the mapping remembered for ``source``; unknown names and bad values listed by row);
  :func:`commit_readings_file` stores them and remembers the mapping for the source; :func:`import_sources` lists
  the sources remembered and :func:`suggested_mapping` the columns a file's headers would get.

Messages name rows by number, never a person's ID number, phone or temperature.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from checklist.company import company_now
from checklist.ledger import (
    FIELD_EN,
    FIELD_ZH,
    HalfDay,
    LedgerError,
    clean_text,
    is_late,
    parse_symptoms,
    validate_temperature,
)
from checklist.text import one_line
from storage import roster, stored_json
from storage.db import Database
from storage.errors import InvalidInputError
from storage.ledger import HEADCOUNT, EntryResult, enter_checked
from storage.ledger_models import Employee, ImportMapping
from storage.models import utcnow
from storage.roster import BadRow, RosterCheck
from storage.unit_of_work import unit_of_work

MAX_FILE_BYTES = 20_000_000
MAX_ROWS = 50_000
MAX_COLUMNS = 60
MAX_CELL_CHARS = 500

Table = tuple[list[str], list[tuple[int, list[object]]]]
"""A file's header texts, and its data rows as (row number in the file, cell values)."""


def _refuse(path: Path, en: str, zh: str) -> InvalidInputError:
    return InvalidInputError(f"{path.name}: {en}; nothing was imported", f"{path.name}：{zh}；未导入任何数据")


def read_table(path: Path) -> Table:
    """The header and rows of an ``.xlsx`` (first sheet) or ``.csv`` file, with every limit checked."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise _refuse(path, f"cannot be read ({error.strerror})", f"无法读取（{error.strerror}）") from None
    if size > MAX_FILE_BYTES:
        raise _refuse(
            path, f"is larger than {MAX_FILE_BYTES // 1_000_000} MB", f"超过 {MAX_FILE_BYTES // 1_000_000} MB"
        )
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        rows = _xlsx_rows(path)
    elif suffix == ".csv":
        rows = _csv_rows(path)
    else:
        raise _refuse(path, "is neither an .xlsx nor a .csv file", "既不是 .xlsx 文件也不是 .csv 文件")
    header: list[str] | None = None
    data: list[tuple[int, list[object]]] = []
    for number, cells in rows:
        if len(cells) > MAX_COLUMNS:
            raise _refuse(
                path, f"row {number} has more than {MAX_COLUMNS} columns", f"第 {number} 行超过 {MAX_COLUMNS} 列"
            )
        for cell in cells:
            if isinstance(cell, str) and len(cell) > MAX_CELL_CHARS:
                raise _refuse(
                    path,
                    f"row {number} has a cell longer than {MAX_CELL_CHARS} characters",
                    f"第 {number} 行有超长单元格",
                )
        if header is None:
            if any(c not in (None, "") for c in cells):
                header = [str(c).strip() if c is not None else "" for c in cells]
            continue
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
            continue
        if len(data) >= MAX_ROWS:
            raise _refuse(path, f"has more than {MAX_ROWS} rows", f"超过 {MAX_ROWS} 行")
        data.append((number, cells))
    if header is None:
        raise _refuse(path, "holds no header row", "没有表头行")
    return header, data


def _xlsx_rows(path: Path) -> list[tuple[int, list[object]]]:
    """The first sheet's rows, streamed in one pass (:mod:`storage.ledger_xlsx`; openpyxl's read-only mode took
    over 30 s for a roster of 20,000)."""
    from storage import ledger_xlsx

    rows: list[tuple[int, list[object]]] = []
    try:
        for number, cells in ledger_xlsx.read_rows(str(path), max_columns=MAX_COLUMNS, max_row=MAX_ROWS + 1):
            for cell in cells:
                if isinstance(cell, str) and cell.startswith("="):
                    raise ledger_xlsx.FormulaCell(number)
            rows.append((number, cells))
    except ledger_xlsx.WorkbookError:
        raise _refuse(
            path,
            "is not a readable Excel workbook (damaged, truncated or of another kind)",
            "不是可读取的 Excel 工作簿（已损坏、不完整或是其他类型的文件）",
        ) from None
    except ledger_xlsx.FormulaCell as formula:
        raise _refuse(
            path,
            f"row {formula.row} holds a formula; save the sheet as values only",
            f"第 {formula.row} 行含有公式，请将表格另存为纯数值",
        ) from None
    except ledger_xlsx.TooWide as wide:
        raise _refuse(
            path, f"row {wide.row} has more than {MAX_COLUMNS} columns", f"第 {wide.row} 行超过 {MAX_COLUMNS} 列"
        ) from None
    except ledger_xlsx.TooManyRows:
        raise _refuse(path, f"has more than {MAX_ROWS} rows", f"超过 {MAX_ROWS} 行") from None
    return rows


def _csv_rows(path: Path) -> list[tuple[int, list[object]]]:
    raw = path.read_bytes()
    if b"\x00" in raw:
        raise _refuse(path, "is not a text file", "不是文本文件")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes almost any bytes; kept for safety
        raise _refuse(path, "is neither UTF-8 nor GB18030 text", "既不是 UTF-8 也不是 GB18030 编码的文本")
    if "\ufffd" in text:
        raise _refuse(path, "holds characters that cannot be read", "含有无法识别的字符")
    try:
        sample = text[:4096]
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return [(n, list(r)) for n, r in enumerate(csv.reader(io.StringIO(text), dialect), start=1)]
    except csv.Error as error:
        raise _refuse(path, f"is not a readable CSV file ({error})", f"不是可读取的 CSV 文件（{error}）") from None


# ---------------------------------------------------------------------------------------------------
# Roster files

_ROSTER_HEADERS: dict[str, str] = {}
for _key, _zh in FIELD_ZH.items():
    _ROSTER_HEADERS[_zh] = _key
    _ROSTER_HEADERS[FIELD_EN[_key].lower()] = _key
    _ROSTER_HEADERS[_key] = _key
_ROSTER_HEADERS.update(
    {"身份证号码": "id_number", "手机": "phone", "电话": "phone", "手机号码": "phone", "宿舍": "dormitory_room"}
)


def _header_key(text: str, known: Mapping[str, str]) -> str | None:
    cleaned = text.strip().replace(" ", "").replace("（", "(").split("(")[0]
    return known.get(cleaned) or known.get(cleaned.lower()) or known.get(text.strip().lower())


def roster_rows(path: Path) -> list[tuple[int, dict[str, object]]]:
    header, data = read_table(path)
    columns = {i: key for i, text in enumerate(header) if (key := _header_key(text, _ROSTER_HEADERS))}
    if "name" not in columns.values():
        raise _refuse(path, "has no 姓名 (name) column", "没有“姓名”列")
    return [
        (number, {key: cells[i] if i < len(cells) else None for i, key in columns.items()}) for number, cells in data
    ]


def check_roster_file(db: Database, path: Path) -> RosterCheck:
    """Check a roster file; nothing is stored."""
    return roster.check_roster(db, roster_rows(path))


def commit_roster_file(db: Database, actor: str, path: Path, *, accept_bad: bool = False) -> RosterCheck:
    """Store a roster file's good rows in one transaction (refused whole when it has bad rows or duplicates,
    unless ``accept_bad``)."""
    return roster.commit_roster(db, actor, roster_rows(path), accept_bad=accept_bad)


# ---------------------------------------------------------------------------------------------------
# Gate-camera readings

READING_FIELDS = ("name", "temperature", "time", "symptoms")
READING_HEADERS: dict[str, str] = {
    "姓名": "name",
    "人员姓名": "name",
    "name": "name",
    "person": "name",
    "体温": "temperature",
    "温度": "temperature",
    "测温结果": "temperature",
    "temperature": "temperature",
    "temp": "temperature",
    "时间": "time",
    "测温时间": "time",
    "识别时间": "time",
    "通行时间": "time",
    "time": "time",
    "datetime": "time",
    "症状": "symptoms",
    "symptoms": "symptoms",
}


@dataclass(frozen=True)
class ReadingRow:
    row: int
    employee_id: int
    day: dt.date
    half: HalfDay
    temperature_c: float
    symptoms: int


@dataclass(frozen=True)
class ReadingsCheck:
    """Good rows (one per person and half-day: the highest temperature of the half-day is kept), bad rows with
    their reason, the mapping used (field → header)."""

    good: list[ReadingRow] = field(default_factory=list)
    bad: list[BadRow] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)
    rows_read: int = 0

    @property
    def clean(self) -> bool:
        return not self.bad


def _mapping(session: Session, header: Sequence[str], source: str, given: Mapping[str, str] | None) -> dict[str, str]:
    if given:
        mapping = dict(given)
    else:
        kept = session.scalar(select(ImportMapping.mapping).where(ImportMapping.source == source)) if source else None
        stored = _remembered(kept)
        if stored and all(h in header for h in stored.values()):
            mapping = dict(stored)
        else:
            mapping = {}
            for text in header:
                key = _header_key(text, READING_HEADERS)
                if key and key not in mapping:
                    mapping[key] = text
    missing = [f for f in ("name", "temperature", "time") if f not in mapping or mapping[f] not in header]
    if missing:
        shown = [one_line(text, 30) for text in header[:12]]  # a header cell may hold a line break
        raise InvalidInputError(
            f"the file has no column for {', '.join(missing)} (headers: {', '.join(shown)}); give the mapping "
            "(e.g. temperature=体温(℃)); nothing was imported",
            f"文件中找不到 {', '.join(missing)} 对应的列（表头：{'、'.join(shown)}），请指定列对应关系；未导入任何数据",
        )
    return mapping


def _time(value: object) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    text = clean_text("time", value, 40).replace("/", "-").replace("T", " ")
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        raise LedgerError("time", f"{text!r} is not a date and time", f"“{text}”不是日期时间") from None


def _check_readings(session: Session, path: Path, source: str, given: Mapping[str, str] | None) -> ReadingsCheck:
    header, data = read_table(path)
    mapping = _mapping(session, header, source, given)
    index = {f: header.index(h) for f, h in mapping.items() if f in READING_FIELDS}
    people: dict[str, list[int]] = {}
    for employee_id, name in session.execute(
        select(Employee.id, Employee.name).where(Employee.status.in_(HEADCOUNT), Employee.anonymised_at.is_(None))
    ):
        people.setdefault(name, []).append(employee_id)
    best: dict[tuple[int, dt.date, HalfDay], ReadingRow] = {}
    bad: list[BadRow] = []
    for number, cells in data:

        def cell(key: str, cells: list[object] = cells) -> object:
            i = index.get(key)
            return cells[i] if i is not None and i < len(cells) else None

        try:
            name = clean_text("name", cell("name"), 50, required=True)
            ids = people.get(name, [])
            if not ids:
                raise LedgerError("name", "is not on the roster (or has left)", "不在花名册中（或已离岗）")
            if len(ids) > 1:
                raise LedgerError("name", "matches several people on the roster", "与花名册中多人同名")
            when = _time(cell("time"))
            temperature = validate_temperature(cell("temperature"))
            symptoms = parse_symptoms(cell("symptoms")) if "symptoms" in index else 0
        except LedgerError as error:
            bad.append(BadRow(number, error.field, error.message_en, error.message_zh))
            continue
        half = HalfDay.MORNING if when.hour < 12 else HalfDay.AFTERNOON
        reading = ReadingRow(number, ids[0], when.date(), half, temperature, symptoms)
        key = (reading.employee_id, reading.day, half)
        kept = best.get(key)
        if kept is None or (reading.temperature_c, reading.symptoms) > (kept.temperature_c, kept.symptoms):
            best[key] = reading
    return ReadingsCheck(sorted(best.values(), key=lambda r: r.row), bad, mapping, len(data))


def check_readings_file(
    db: Database, path: Path, *, source: str = "", mapping: Mapping[str, str] | None = None
) -> ReadingsCheck:
    """Check a gate camera's export; nothing is stored."""
    with db.session() as session:
        return _check_readings(session, path, source.strip(), mapping)


def commit_readings_file(
    db: Database,
    actor: str,
    path: Path,
    *,
    source: str = "",
    mapping: Mapping[str, str] | None = None,
    accept_bad: bool = False,
    now_local: dt.datetime | None = None,
) -> tuple[ReadingsCheck, list[EntryResult]]:
    """Store a gate camera's readings (all half-days of the file in one transaction) and remember the mapping
    for ``source``. Refused whole when a row is bad, unless ``accept_bad``. Readings typed more than two hours
    after their half-day are marked late, as when typed by hand."""
    source = source.strip()
    if len(source) > 100:
        raise InvalidInputError("the source name is longer than 100 characters", "来源名称超过 100 个字符")
    now_local = now_local or company_now()
    with unit_of_work(db, actor) as session:
        check = _check_readings(session, path, source, mapping)
        if check.bad and not accept_bad:
            raise InvalidInputError(
                f"{len(check.bad)} bad row(s); nothing was imported — correct the file, or accept to import only the "
                "good rows",
                f"有 {len(check.bad)} 行有误；未导入任何数据——请改正文件，或确认只导入无误的行",
            )
        groups: dict[tuple[dt.date, HalfDay], dict[int, tuple[float, int]]] = {}
        for reading in check.good:
            groups.setdefault((reading.day, reading.half), {})[reading.employee_id] = (
                reading.temperature_c,
                reading.symptoms,
            )
        results: list[EntryResult] = []
        for (day, half), checked in sorted(groups.items()):
            try:
                late = is_late(day, half, now_local)
            except LedgerError as error:
                raise InvalidInputError(
                    f"{error.message_en}; nothing was imported", f"{error.message_zh}；未导入任何数据"
                ) from None
            results.append(enter_checked(session, actor, day, half, checked, late))
        if source:
            stored = session.scalar(select(ImportMapping).where(ImportMapping.source == source))
            if stored is None:
                session.add(ImportMapping(source=source, mapping=check.mapping))
            elif stored.mapping != check.mapping:
                stored.mapping = check.mapping
                stored.updated_at = utcnow()
        return check, results


def _remembered(stored: Any) -> dict[str, str] | None:
    """A remembered mapping (field → header text), or None when what is stored is not one: a mapping altered by
    raw SQL (:mod:`storage.stored_json`) is forgotten, and the columns are found by their headers again."""
    kept = stored_json.mapping(stored)
    if kept is None or not all(isinstance(header, str) for header in kept.values()):
        return None
    return kept


def import_sources(db: Database) -> dict[str, dict[str, str]]:
    """The sources whose column mapping is remembered (e.g. "东门测温门"), each with its mapping (field → header)."""
    with db.session() as session:
        rows = session.execute(select(ImportMapping.source, ImportMapping.mapping).order_by(ImportMapping.source))
        return {
            source: {str(k): v for k, v in kept.items()}
            for source, stored in rows
            if (kept := _remembered(stored)) is not None
        }


def suggested_mapping(db: Database, header: Sequence[str], source: str = "") -> dict[str, str]:
    """The columns :func:`check_readings_file` would use for ``header`` without a mapping given: the one
    remembered for ``source`` when the file still has all its headers, else the columns found by their headers.
    Unlike the check it never refuses: a field it cannot find is left out, for the user to choose."""
    with db.session() as session:
        try:
            return _mapping(session, header, source.strip(), None)
        except InvalidInputError:
            found: dict[str, str] = {}
            for text in header:
                key = _header_key(text, READING_HEADERS)
                if key and key not in found:
                    found[key] = text
            return found
