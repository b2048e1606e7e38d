"""Exporting inspection reports: the entry points the CLI and the GUI call.

The GUI's export dialog only builds an :class:`ExportOptions` and runs :func:`export` in its operation helper
with a progress callback and a cancel check; the CLI calls :func:`export_reports`. Each file is written under a
temporary name and renamed only when complete (:func:`storage.files.atomic_produce`); when both a PDF and a
workbook are asked for, both are finished before either is renamed, so a cancel or an error leaves nothing
under a final name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from checklist.messages import msg
from export.content import Signer, load_report
from export.fonts import ReportFontError
from export.pdf import write_pdf
from export.progress import CancelCheck, ExportCancelled, Progress, ProgressCallback
from export.xlsx import write_batch_workbook, write_workbook
from storage.db import Database
from storage.errors import KnownError
from storage.files import atomic_produce
from storage.listing import InspectionFilter

__all__ = [
    "ExportCancelled",
    "ExportOptions",
    "ExportWriteError",
    "ReportFontError",
    "Signer",
    "export",
    "export_batch",
    "export_reports",
]

Writer = Callable[[Path], None]


class ExportWriteError(KnownError):
    """A report file that cannot be written (folder missing or read-only, disk full …)."""


@dataclass(frozen=True)
class ExportOptions:
    """What to export, as the export dialog collects it (plain data, no Qt).

    Attributes:
        inspection_id: the inspection to report.
        pdf: where to write the PDF report, or None for none.
        xlsx: where to write the Excel workbook, or None for none.
        signers: who signed, printed in the signature block; empty prints lines to sign by hand.
        local_zone: the time zone for the local signing times (None: this computer's).
        language: the words of the PDF and the workbook, ``zh`` (the default) or ``en``; the record, its hash
            and the attached JSON are the same in both.
    """

    inspection_id: int
    pdf: Path | None = None
    xlsx: Path | None = None
    signers: tuple[Signer, ...] = ()
    local_zone: dt.tzinfo | None = None
    language: str = "zh"
    translation: str = ""  # printed first on the cover: a translation of the signed report (export.signing)
    translated_version: int | None = None  # a translation: the signed original's version, so its number

    @property
    def targets(self) -> list[Path]:
        return [path for path in (self.pdf, self.xlsx) if path is not None]


@contextmanager
def _reported_write_errors(targets: Sequence[Path]) -> Iterator[None]:
    """Turn a file-system failure into a message that says what happened, what was kept and what to do."""
    try:
        yield
    except OSError as exc:
        where = exc.filename or ", ".join(str(p) for p in targets)
        raise ExportWriteError(msg("report.cannot_write", where=where, reason=str(exc.strerror or exc))) from exc


def _produce_all(jobs: Sequence[tuple[Path, Writer]]) -> None:
    """Write every job to its temporary file, then rename them all: each job's rename waits until the jobs
    after it are written (nested :func:`atomic_produce`), so a failure anywhere leaves no final file."""
    if not jobs:
        return
    (path, write), rest = jobs[0], jobs[1:]

    def produce(tmp: Path) -> None:
        write(tmp)
        _produce_all(rest)

    atomic_produce(path, produce)


def export(
    db: Database,
    options: ExportOptions,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> list[Path]:
    """Write the reports that ``options`` asks for; return the paths written.

    Raises:
        ExportCancelled: ``cancelled()`` returned True; no file was left under a final name.
        ReportFontError: the PDF fonts cannot be loaded.
        KnownError: the inspection cannot be read (or changed while it was read).
    """
    tracker = Progress(progress, cancelled)
    tracker(0.0, "读取检查记录")
    content = load_report(db, options.inspection_id, options.signers, options.language)
    if options.translation:
        content = replace(content, translation=options.translation)
        if options.translated_version is not None:
            content = replace(content, version=options.translated_version)
    jobs: list[tuple[Path, Writer]] = []
    pdf_share = 0.85 if options.xlsx is not None else 1.0
    if options.pdf is not None:
        pdf_progress = tracker.part(0.05, pdf_share)
        jobs.append((options.pdf, lambda tmp: write_pdf(content, tmp, pdf_progress, options.local_zone)))
    if options.xlsx is not None:
        xlsx_progress = tracker.part(pdf_share if options.pdf is not None else 0.05, 1.0)
        jobs.append((options.xlsx, lambda tmp: write_workbook(content, tmp, xlsx_progress, options.local_zone)))
    with _reported_write_errors(options.targets):
        _produce_all(jobs)
    tracker(1.0, "完成")
    return options.targets


def export_reports(
    db: Database,
    inspection_id: int,
    pdf: Path | None = None,
    xlsx: Path | None = None,
    signers: Sequence[Signer] = (),
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    language: str = "zh",
) -> list[Path]:
    """Write the PDF and/or Excel report of one inspection; return the paths written (see :func:`export`)."""
    options = ExportOptions(inspection_id, pdf, xlsx, tuple(signers), language=language)
    return export(db, options, progress, cancelled)


def export_batch(
    db: Database,
    xlsx: Path,
    where: InspectionFilter,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> Path:
    """Every inspection matching ``where`` (a period, a site …) in one workbook for auditors: one row per
    inspection, and one row per failed item with its findings."""
    tracker = Progress(progress, cancelled)
    with _reported_write_errors([xlsx]):
        atomic_produce(xlsx, lambda tmp: write_batch_workbook(db, where, tmp, tracker))
    return xlsx
