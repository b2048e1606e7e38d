"""A streaming reader of a workbook's first worksheet, for the ledger's imports (花名册, gate-camera readings).

openpyxl's read-only mode builds an object per cell through its descriptor machinery and, for a sheet without a
``<dimension>`` (as openpyxl's own write-only files are), parses the whole sheet twice: a roster of 20,000 rows
took over 30 s of it. This reads the same values in one pass of the C XML parser (expat), row by row, and gives
what ``openpyxl`` gives with ``values_only=True``: shared and inline strings (phonetic runs left out), numbers as
``int`` or ``float``, booleans, error texts, dates and times (cells styled with a date format, the 1900 or 1904
calendar) as :class:`datetime.datetime`, using openpyxl's own date-format rules.

Refused with :class:`WorkbookError`: a file that is no zip, no workbook or damaged; a document type declaration
(no entity can expand); a part that inflates past its limit (a zip bomb). A cell holding a formula is reported by
:class:`FormulaCell` with its row number; a row wider than ``max_columns`` by :class:`TooWide`.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import zipfile
from collections.abc import Callable, Iterator
from typing import Any
from xml.parsers import expat

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

MAX_PART_BYTES = 400_000_000
"""The most a worksheet or shared-strings part may inflate to (a sheet of 50,000 rows × 60 columns is ~150 MB)."""
CHUNK = 1 << 16
# Excel's East Asian built-in date formats (27–36, 50–58), which openpyxl's table of built-ins leaves out.
EAST_ASIAN_DATE_IDS = frozenset(range(27, 37)) | frozenset(range(50, 59))

Row = tuple[int, list[object]]


class WorkbookError(Exception):
    """The file cannot be read as a workbook (no zip, no worksheet, damaged XML, a DTD, a part too large)."""


class FormulaCell(Exception):
    def __init__(self, row: int) -> None:
        super().__init__(row)
        self.row = row


class TooManyRows(Exception):
    """The sheet goes on past the row limit."""


class TooWide(Exception):
    def __init__(self, row: int) -> None:
        super().__init__(row)
        self.row = row


def _local(name: str) -> str:
    return name.rpartition(":")[2] if ":" in name else name


def _parser(start: Callable[..., None], end: Callable[[str], None], text: Callable[[str], None]) -> Any:
    """An expat parser that refuses any document type declaration (so no entity can expand)."""
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.buffer_size = CHUNK

    def no_doctype(*_: object) -> None:
        raise WorkbookError("a document type declaration")

    parser.StartDoctypeDeclHandler = no_doctype
    parser.EntityDeclHandler = no_doctype
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    return parser


def _chunks(archive: zipfile.ZipFile, name: str) -> Iterator[bytes]:
    """One zip member, inflated in chunks, refused past :data:`MAX_PART_BYTES` (a zip bomb)."""
    try:
        part = archive.open(name)
    except KeyError:
        raise WorkbookError(f"no part {name}") from None
    with part:
        total = 0
        while chunk := part.read(CHUNK):
            total += len(chunk)
            if total > MAX_PART_BYTES:
                raise WorkbookError(f"{name} inflates past the limit")
            yield chunk


def _parse(
    archive: zipfile.ZipFile,
    name: str,
    start: Callable[..., None],
    end: Callable[[str], None] = lambda _: None,
    text: Callable[[str], None] = lambda _: None,
) -> None:
    parser = _parser(start, end, text)
    for chunk in _chunks(archive, name):
        parser.Parse(chunk, False)
    parser.Parse(b"", True)


def _relationships(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id → (type, target path inside the zip) of the relationships of ``part`` ("" the package)."""
    folder, base = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", f"{base}.rels")
    found: dict[str, tuple[str, str]] = {}

    def start(tag: str, attrs: dict[str, str]) -> None:
        if _local(tag) == "Relationship" and "Id" in attrs and "Target" in attrs:
            target = attrs["Target"]
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            found[attrs["Id"]] = (attrs.get("Type", ""), path)

    _parse(archive, rels, start)
    return found


def _workbook(archive: zipfile.ZipFile) -> tuple[str, str | None, str | None, dt.datetime]:
    """(first worksheet's path, shared strings' path, styles' path, the calendar's epoch)."""
    root = _relationships(archive, "")
    book = next((path for kind, path in root.values() if kind.endswith("/officeDocument")), "xl/workbook.xml")
    sheets: list[str] = []
    epoch = CALENDAR_WINDOWS_1900

    def start(tag: str, attrs: dict[str, str]) -> None:
        nonlocal epoch
        local = _local(tag)
        if local == "sheet":
            rid = next((v for k, v in attrs.items() if k != "sheetId" and _local(k) == "id"), None)
            if rid is not None:
                sheets.append(rid)
        elif local == "workbookPr" and attrs.get("date1904") in ("1", "true"):
            epoch = CALENDAR_MAC_1904

    _parse(archive, book, start)
    relations = _relationships(archive, book)
    worksheet = next(
        (relations[r][1] for r in sheets if r in relations and relations[r][0].endswith("/worksheet")), None
    )
    if worksheet is None:
        raise WorkbookError("no worksheet")
    names = set(archive.namelist())
    strings = next((p for kind, p in relations.values() if kind.endswith("/sharedStrings") and p in names), None)
    styles = next((p for kind, p in relations.values() if kind.endswith("/styles") and p in names), None)
    return worksheet, strings, styles, epoch


def _shared_strings(archive: zipfile.ZipFile, name: str) -> list[str]:
    strings: list[str] = []
    pieces: list[str] = []
    collect = False
    phonetic = 0

    def start(tag: str, _: dict[str, str]) -> None:
        nonlocal collect, phonetic
        local = _local(tag)
        if local == "t":
            collect = not phonetic
        elif local == "rPh":
            phonetic += 1
        elif local == "si":
            pieces.clear()

    def end(tag: str) -> None:
        nonlocal collect, phonetic
        local = _local(tag)
        if local == "t":
            collect = False
        elif local == "rPh":
            phonetic -= 1
        elif local == "si":
            strings.append("".join(pieces))

    def text(data: str) -> None:
        if collect:
            pieces.append(data)

    _parse(archive, name, start, end, text)
    return strings


def _date_styles(archive: zipfile.ZipFile, name: str) -> frozenset[int]:
    """The indexes of the cell formats (``cellXfs``) whose number format is a date or time."""
    custom: dict[int, str] = {}
    formats: list[int] = []
    inside = False

    def start(tag: str, attrs: dict[str, str]) -> None:
        nonlocal inside
        local = _local(tag)
        if local == "numFmt" and "numFmtId" in attrs:
            custom[int(attrs["numFmtId"])] = attrs.get("formatCode", "")
        elif local == "cellXfs":
            inside = True
        elif local == "xf" and inside:
            formats.append(int(attrs.get("numFmtId", "0")))

    def end(tag: str) -> None:
        nonlocal inside
        if _local(tag) == "cellXfs":
            inside = False

    _parse(archive, name, start, end)

    def is_date(format_id: int) -> bool:
        if format_id in EAST_ASIAN_DATE_IDS:
            return True
        code = custom.get(format_id) or BUILTIN_FORMATS.get(format_id)
        return bool(code) and is_date_format(code)

    return frozenset(i for i, format_id in enumerate(formats) if is_date(format_id))


def _column(reference: str) -> int:
    """1-based column of a cell reference such as ``AB12``."""
    number = 0
    for character in reference:
        if "A" <= character <= "Z":
            number = number * 26 + ord(character) - 64
        else:
            break
    return number


def _number(text: str) -> int | float:
    return float(text) if "." in text or "E" in text or "e" in text else int(text)


def read_rows(path: str, *, max_columns: int, max_row: int) -> Iterator[Row]:
    """Yield (row number, cell values) of the workbook's first worksheet; rows without any cell are left out and
    trailing empty cells dropped. :class:`TooManyRows` past row ``max_row``, :class:`TooWide` past column
    ``max_columns``, :class:`FormulaCell` at a formula."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise WorkbookError(str(error)) from None
    with archive:
        try:
            yield from _read(archive, max_columns, max_row)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, IndexError, expat.ExpatError) as error:
            raise WorkbookError(str(error)) from None


def _read(archive: zipfile.ZipFile, max_columns: int, max_row: int) -> Iterator[Row]:
    sheet, strings_part, styles_part, epoch = _workbook(archive)
    strings = _shared_strings(archive, strings_part) if strings_part else []
    dates = _date_styles(archive, styles_part) if styles_part else frozenset()
    done: list[Row] = []
    cells: list[object] = []
    pieces: list[str] = []
    row = column = style = phonetic = 0
    kind = "n"
    collect = in_data = False

    def value(raw: str) -> object:
        if kind == "s":
            return strings[int(raw)]
        if kind in ("inlineStr", "str", "e"):
            return raw
        if kind == "b":
            return raw.strip() in ("1", "true")
        if kind == "d":
            try:
                return dt.datetime.fromisoformat(raw.strip())
            except ValueError:
                return raw
        number = _number(raw.strip())
        if style in dates:
            try:
                return from_excel(number, epoch)
            except (OverflowError, ValueError):
                return "#VALUE!"
        return number

    def start(tag: str, attrs: dict[str, str]) -> None:
        nonlocal row, column, style, phonetic, kind, collect, in_data
        local = _local(tag)
        if not in_data:
            in_data = local == "sheetData"
            return
        if local == "c":
            reference = attrs.get("r")
            column = _column(reference) if reference else column + 1
            kind = attrs.get("t", "n")
            style = int(attrs.get("s", "0"))
            pieces.clear()
        elif local == "v" or (local == "t" and not phonetic):
            collect = True
        elif local == "rPh":
            phonetic += 1
        elif local == "f":
            raise FormulaCell(row)
        elif local == "row":
            reference = attrs.get("r")
            row = int(reference) if reference else row + 1
            if row > max_row:
                raise TooManyRows
            column = 0
            cells.clear()

    def end(tag: str) -> None:
        nonlocal phonetic, collect, in_data
        if not in_data:
            return
        local = _local(tag)
        if local in ("v", "t"):
            collect = False
        elif local == "c":
            if pieces:
                if column > max_columns:
                    raise TooWide(row)
                if column > len(cells):
                    cells.extend([None] * (column - len(cells)))
                cells[column - 1] = value("".join(pieces))
        elif local == "rPh":
            phonetic -= 1
        elif local == "row":
            while cells and cells[-1] is None:
                cells.pop()
            done.append((row, list(cells)))
        elif local == "sheetData":
            in_data = False

    def text(data: str) -> None:
        if collect:
            pieces.append(data)

    parser = _parser(start, end, text)
    for chunk in _chunks(archive, sheet):
        parser.Parse(chunk, False)
        yield from done
        done.clear()
    parser.Parse(b"", True)
    yield from done
