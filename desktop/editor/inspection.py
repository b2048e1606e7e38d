"""The open inspection: its answers as the officer gives them, saved as they are given (autosave).

Result clicks are saved at once and photos stored as soon as they are prepared, both on the thread pool (a
network round trip per write on PostgreSQL must not freeze the window); typed text (measurements, reasons,
notes, rooms) is saved there after a short pause (debounce), or as soon as the focus leaves the field
(:meth:`InspectionEditor.save_soon`). :meth:`InspectionEditor.flush` saves whatever is pending, and waits for
it, on item change and window close. Each save carries the inspection version of the previous one (optimistic
locking); when someone else saved in between, the editor reloads and says what was not saved.

Compliance is never decided here: outcomes come from :func:`checklist.evaluation.evaluate_inspection`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from checklist.catalog import Catalog, Item
from checklist.evaluation import Answer, Blocker, InspectionEvaluation, ItemOutcome, Result, evaluate_inspection
from checklist.register_evidence import NOTE_PREFIX, REGISTER_OF, RegisterEvidence
from checklist.workflow import ActionStatus, InspectionStatus, Role, can_write
from desktop.common.errors import error_text
from desktop.common.operations import Cancelled, Progress, run_in_background
from desktop.editor.signatures import SignatureRow, load_signatures
from storage import actions, inspections, photos, register_evidence
from storage.db import Database
from storage.errors import ConcurrentEditError, KnownError
from storage.record import place_names

DEBOUNCE_MS = 400


def prepare_files(paths: Sequence[Path], progress: Progress) -> list[photos.PreparedAttachment | KnownError]:
    """Read and prepare files to attach (off the GUI thread: plain data in, plain data out); a file that
    cannot be attached gives the KnownError that says why, in both languages."""
    results: list[photos.PreparedAttachment | KnownError] = []
    for number, path in enumerate(paths):
        progress.check()
        progress.update(number, len(paths), path.name)
        try:
            results.append(photos.prepare_attachment(path.name, photos.read_attachment(path)))
        except KnownError as error:
            results.append(error)
    return results


@dataclass
class _PhotoBatch:
    """Prepared files waiting to be stored for one item, and what to tell the caller when they are."""

    item_id: str
    attachments: list[photos.PreparedAttachment]
    problems: list[str]
    finish: Callable[[list[str]], None]


@dataclass
class _EvidenceJob:
    """A register's evidence to copy into one item (:meth:`InspectionEditor.apply_register_evidence`), and whom
    to tell: ``finish`` gets the evidence applied, or the KnownError that says why it was not."""

    item_id: str
    finish: Callable[[RegisterEvidence | KnownError], None]


@dataclass(frozen=True)
class EvidenceInfo:
    id: int
    item_id: str
    filename: str
    media_type: str
    data: bytes


@dataclass(frozen=True)
class ActionInfo:
    """A corrective action; ``status`` is its current status (open / done / verified): what the record says,
    or its latest follow-up (``storage.actions.action_status``)."""

    id: int
    item_id: str
    action: str
    owner: str
    due: dt.date | None
    status: str
    recorded_status: str = ActionStatus.OPEN  # as the (signed) record says
    verification_note: str = ""
    verified_on: dt.date | None = None


@dataclass(frozen=True)
class FollowUpInfo:
    """Progress recorded on a corrective action after completion or signing (整改跟进), outside the record."""

    action_id: int
    status: str  # done / verified
    note: str
    on: dt.date
    by: str
    recorded_at: dt.datetime


@dataclass(frozen=True)
class Header:
    """What the window title and the summary say about the inspection."""

    id: int
    company: str
    site: str
    date: dt.date
    inspector: str
    status: str
    supersedes: int | None = None  # the signed inspection this one corrects


@dataclass(frozen=True)
class LoadedInspection:
    """An inspection as the editor starts from it: plain data, read on any thread (:func:`read_inspection`)."""

    version: int
    catalogs: tuple[Catalog, ...]
    answers: dict[str, Answer]
    rooms: tuple[dict[str, Any], ...]
    evidence: tuple[EvidenceInfo, ...]
    actions: tuple[ActionInfo, ...]
    follow_ups: tuple[FollowUpInfo, ...]
    header: Header
    signatures: tuple[SignatureRow, ...]


def read_inspection(db: Database, inspection_id: int) -> LoadedInspection:
    """Read one inspection for the editor; no Qt object is touched, so it runs off the GUI thread when the
    window opens an inspection (on PostgreSQL: several round trips and every photo)."""
    inspection = inspections.load_inspection(db, inspection_id)
    follow_ups = actions.action_follow_ups(db, inspection_id)
    company, site = place_names(inspection)  # a completed or signed record: the names it was signed under
    return LoadedInspection(
        version=inspection.version,
        # Only the items that concern the company (LK28 二（二）4: malls, hotels …); for a completed or signed
        # record, the items it was signed with, whatever the company's type is now (the core's rule).
        catalogs=tuple(inspections.shown_catalogs(inspection)),
        answers=inspections.answers_of(inspection),
        rooms=tuple(inspections.room_rows_of(inspection)),
        evidence=tuple(EvidenceInfo(e.id, e.item_id, e.filename, e.media_type, e.data) for e in inspection.evidence),
        actions=tuple(
            ActionInfo(
                a.id,
                a.item_id,
                a.action,
                a.owner,
                a.due,
                actions.action_status(a, follow_ups),
                a.status,
                a.verification_note or "",
                a.verified_on,
            )
            for a in inspection.actions
        ),
        follow_ups=tuple(FollowUpInfo(f.action_id, f.status, f.note, f.on, f.by, f.recorded_at) for f in follow_ups),
        header=Header(
            inspection.id,
            company,
            site,
            inspection.date,
            inspection.inspector,
            inspection.status,
            inspection.supersedes_id,
        ),
        signatures=tuple(load_signatures(db, inspection_id) if inspection.status == InspectionStatus.SIGNED else []),
    )


class InspectionEditor(QObject):
    """Holds one inspection's state and writes every change through the storage services
    (:mod:`storage.inspections`, :mod:`storage.actions`).

    ``actor`` is the logged-in account, ``role`` its role: a role that may not change data (auditor) gets a
    read-only editor. The service layer makes the same check on every save, whatever this class allows.
    """

    answer_changed = Signal(str)  # item id
    rooms_changed = Signal()
    evidence_changed = Signal(str)  # item id
    actions_changed = Signal()
    reloaded = Signal()
    saved = Signal()
    conflict = Signal(str)  # what was not saved, in words
    save_failed = Signal(object)  # the KnownError; the typed values stay pending and are retried
    save_finished = Signal()  # the background autosave was written, or failed
    photos_done = Signal()  # files being attached in the background were stored or refused

    def __init__(
        self,
        db: Database,
        actor: str,
        inspection_id: int,
        parent: QObject | None = None,
        role: str = Role.OFFICER,
        loaded: LoadedInspection | None = None,
    ) -> None:
        """``loaded``: the inspection as :func:`read_inspection` read it (off the GUI thread); read here if
        not given."""
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.role = role
        self.read_only = not can_write(role)
        self.signatures: list[SignatureRow] = []
        self.inspection_id = inspection_id
        self.version = 0
        self.catalogs: list[Catalog] = []
        self.answers: dict[str, Answer] = {}
        self.rooms: list[dict[str, Any]] = []
        self.evidence: list[EvidenceInfo] = []
        self.actions: list[ActionInfo] = []
        self.follow_ups: list[FollowUpInfo] = []
        self.evaluation: InspectionEvaluation
        self.header: Header
        self._pending_items: set[str] = set()
        self._rooms_pending = False
        self._failing = False
        self._attaching = 0
        self._in_flight = False  # a background autosave is being written
        self._urgent = False  # a result click waits: saved as soon as the save in flight is written
        self._photo_batches: list[_PhotoBatch] = []  # prepared photos waiting for the save in flight
        self._evidence_jobs: list[_EvidenceJob] = []  # register evidence waiting for the save in flight
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._debounced)
        if loaded is None:
            self._load()
        else:
            self._apply(loaded)

    # --- reading --------------------------------------------------------------------------------------

    def _load(self) -> None:
        self._apply(read_inspection(self.db, self.inspection_id))

    def _apply(self, state: LoadedInspection) -> None:
        self.version = state.version
        self.catalogs = list(state.catalogs)
        self.answers = dict(state.answers)
        self.rooms = [dict(row) for row in state.rooms]
        self.evidence = list(state.evidence)
        self.follow_ups = list(state.follow_ups)
        self.actions = list(state.actions)
        self.header = state.header
        self.signatures = list(state.signatures)
        self._evaluate()

    def reload(self) -> None:
        self._timer.stop()
        self._pending_items.clear()
        self._rooms_pending = False
        self._load()
        self.reloaded.emit()

    def _evaluate(self) -> None:
        self.evaluation = evaluate_inspection(self.catalogs, self.answers, self.rooms)

    @property
    def editable(self) -> bool:
        return self.header.status == InspectionStatus.DRAFT and not self.read_only

    @property
    def signed_meanings(self) -> set[str]:
        return {signature.meaning for signature in self.signatures}

    @property
    def signed_by_me(self) -> set[str]:
        """The meanings the account using this editor already signed (it may not also approve)."""
        return {signature.meaning for signature in self.signatures if signature.signer == self.actor}

    @property
    def items(self) -> list[Item]:
        return [item for catalog in self.catalogs for item in catalog.items]

    def item(self, item_id: str) -> Item:
        for catalog in self.catalogs:
            for item in catalog.items:
                if item.id == item_id:
                    return item
        raise KeyError(item_id)

    def catalog_of(self, item_id: str) -> Catalog:
        for catalog in self.catalogs:
            if any(item.id == item_id for item in catalog.items):
                return catalog
        raise KeyError(item_id)

    def answer(self, item_id: str) -> Answer:
        return self.answers.get(item_id) or Answer()

    def outcome(self, item_id: str) -> ItemOutcome:
        return self.evaluation.outcomes[item_id]

    def evidence_of(self, item_id: str) -> list[EvidenceInfo]:
        return [e for e in self.evidence if e.item_id == item_id]

    def actions_of(self, item_id: str) -> list[ActionInfo]:
        return [a for a in self.actions if a.item_id == item_id]

    def follow_ups_of(self, action_id: int) -> list[FollowUpInfo]:
        return [f for f in self.follow_ups if f.action_id == action_id]

    @property
    def has_pending(self) -> bool:
        return bool(self._pending_items) or self._rooms_pending

    # --- changing answers -----------------------------------------------------------------------------

    def _change(self, item_id: str, answer: Answer, at_once: bool) -> None:
        if self.answers.get(item_id) == answer:
            return
        self.answers[item_id] = answer
        self._pending_items.add(item_id)
        self._evaluate()
        self.answer_changed.emit(item_id)
        if at_once:
            self._urgent = True
            self._save_in_background()
        else:
            self._timer.start()

    def set_result(self, item_id: str, result: Result | None) -> None:
        """A result button: saved at once, in the background (:attr:`saving`)."""
        self._change(item_id, replace(self.answer(item_id), result=result), at_once=True)

    def set_measurement(self, item_id: str, key: str, value: Any) -> None:
        """A measured value as typed (text, or True/False for yes/no); saved after a pause, invalid or not."""
        measurements = dict(self.answer(item_id).measurements)
        if value is None or value == "":
            measurements.pop(key, None)
        else:
            measurements[key] = value
        self._change(item_id, replace(self.answer(item_id), measurements=measurements), at_once=False)

    def set_override_reason(self, item_id: str, reason: str) -> None:
        self._change(item_id, replace(self.answer(item_id), override_reason=reason), at_once=False)

    def set_note(self, item_id: str, note: str) -> None:
        self._change(item_id, replace(self.answer(item_id), note=note), at_once=False)

    def set_rooms(self, rows: Sequence[dict[str, Any]]) -> None:
        """The whole dormitory-room table, as typed; saved after a pause."""
        rows = [dict(row) for row in rows]
        if rows == self.rooms:
            return
        self.rooms = rows
        self._rooms_pending = True
        self._evaluate()
        self.rooms_changed.emit()
        self._timer.start()

    # --- saving ---------------------------------------------------------------------------------------

    @Slot()
    def _debounced(self) -> None:
        self._save_in_background()

    @property
    def saving(self) -> bool:
        """Whether an autosave is being written in the background."""
        return self._in_flight

    def _save_in_background(self) -> None:
        """Write what is pending on the thread pool (a network round trip per answer on PostgreSQL must not
        freeze the window): the answers and rooms typed or clicked, then the photos prepared, with the current
        version. One at a time, in order; what comes meanwhile waits for the next (at once after a result
        click or a photo, after a pause for typing). A failure puts the answers back as pending and says so
        (:attr:`save_failed`, :attr:`conflict`): nothing typed is lost; a photo not stored is named to the
        caller that attached it."""
        self._timer.stop()
        if self._in_flight or not (self.has_pending or self._photo_batches or self._evidence_jobs):
            return
        answers = {item_id: self.answers[item_id] for item_id in sorted(self._pending_items)}
        rooms = [dict(row) for row in self.rooms] if self._rooms_pending else None
        batches, self._photo_batches = self._photo_batches, []
        jobs, self._evidence_jobs = self._evidence_jobs, []
        day = self.header.date
        self._pending_items.clear()
        self._rooms_pending = False
        self._urgent = False
        self._in_flight = True
        db, actor, inspection_id = self.db, self.actor, self.inspection_id
        written: dict[str, Any] = {"version": self.version, "answers": set(), "rooms": False}
        stored: list[tuple[_PhotoBatch, photos.PreparedAttachment, int]] = []
        refused: list[tuple[_PhotoBatch, str, KnownError]] = []  # said in words on the GUI thread
        applied: dict[int, RegisterEvidence | KnownError] = {}  # job index → evidence applied, or why not
        stored_answers: dict[str, Answer] = {}

        def work(_progress: Progress) -> int:  # no Qt here: plain values in, the new version out
            for item_id, answer in answers.items():
                written["version"] = inspections.save_answer(
                    db, actor, inspection_id, written["version"], item_id, answer
                )
                written["answers"].add(item_id)
            if rooms is not None:
                written["version"] = inspections.set_rooms(db, actor, inspection_id, written["version"], rooms)
                written["rooms"] = True
            for batch in batches:
                for attachment in list(batch.attachments):
                    try:
                        evidence_id, written["version"] = inspections.add_prepared_evidence(
                            db, actor, inspection_id, written["version"], batch.item_id, attachment
                        )
                    except ConcurrentEditError:
                        raise
                    except KnownError as error:  # this file is refused; the others are still stored
                        refused.append((batch, attachment.filename, error))
                        batch.attachments.remove(attachment)
                        continue
                    stored.append((batch, attachment, evidence_id))
                    batch.attachments.remove(attachment)
            for number, job in enumerate(jobs):
                try:
                    written["version"], evidence, stored_answers[job.item_id] = register_evidence.apply_evidence(
                        db, actor, inspection_id, written["version"], job.item_id, day
                    )
                except ConcurrentEditError:
                    raise
                except KnownError as error:  # the register could not be read, or the item is gone
                    applied[number] = error
                    continue
                applied[number] = evidence
            return int(written["version"])

        def evidence_applied(error: BaseException | None) -> None:
            for item_id, stored_answer in stored_answers.items():
                self._take_stored_answer(item_id, stored_answer)
            for number, job in enumerate(jobs):
                result = applied.get(number)
                if result is None:  # not reached: the save failed before it
                    reason = error if isinstance(error, KnownError) else KnownError(repr(error), repr(error))
                    result = reason
                job.finish(result)

        def photos_stored() -> None:
            for batch, filename, error in refused:
                batch.problems.append(f"{filename}: {error_text(error)}")
            for batch, attachment, evidence_id in stored:
                self.evidence.append(
                    EvidenceInfo(
                        evidence_id, batch.item_id, attachment.filename, attachment.media_type, attachment.data
                    )
                )
            for item_id in dict.fromkeys(batch.item_id for batch in batches):
                self.evidence_changed.emit(item_id)

        def done(version: int) -> None:
            self.version = version
            self._in_flight = False
            self._failing = False
            photos_stored()
            evidence_applied(None)
            self.saved.emit()
            self.save_finished.emit()
            for batch in batches:
                batch.finish(batch.problems)
            if self._photo_batches or self._evidence_jobs or (self._urgent and self.has_pending):
                self._save_in_background()
            elif self.has_pending:
                self._timer.start()

        def failed(error: BaseException) -> None:
            self.version = int(written["version"])  # what was written before the failure stays written
            self._in_flight = False
            self._pending_items.update(set(answers) - written["answers"])
            if rooms is not None and not written["rooms"]:
                self._rooms_pending = True
            photos_stored()
            for batch in batches:  # the files not stored are named, with the reason
                reason = error_text(error) if isinstance(error, KnownError) else repr(error)
                batch.problems += [f"{attachment.filename}: {reason}" for attachment in batch.attachments]
            self.save_finished.emit()
            if isinstance(error, ConcurrentEditError):
                self._conflict(error)
            elif isinstance(error, KnownError) and not self._failing:
                self._failing = True
                self.save_failed.emit(error)
            for batch in batches:
                batch.finish(batch.problems)
            evidence_applied(error)
            if self._photo_batches or self._evidence_jobs:  # attached or asked meanwhile: tried on their own
                self._save_in_background()
            if not isinstance(error, KnownError):
                raise error  # a bug: the application's error handler shows it

        run_in_background(None, work, done, failed, show_progress=False)

    @Slot()
    def save_soon(self) -> None:
        """Save what is pending now, in the background, without waiting for it (focus leaving a field: the
        window must not freeze for a slow database, nor run an event loop inside a focus change)."""
        if self.has_pending:
            self._urgent = True
            self._save_in_background()

    def _wait_for_save(self) -> None:
        """Block (the event loop running) until the background autosave, if any, is written."""
        while self._in_flight:
            loop = QEventLoop()
            self.save_finished.connect(loop.quit)
            if self._in_flight:
                loop.exec()
            self.save_finished.disconnect(loop.quit)

    def flush(self) -> bool:
        """Save everything pending now, after the background autosave if one is being written. False if
        something could not be saved (it stays pending)."""
        self._timer.stop()
        self._wait_for_save()
        self._urgent = False
        if not self.has_pending:
            return True
        try:
            for item_id in sorted(self._pending_items):
                self.version = inspections.save_answer(
                    self.db, self.actor, self.inspection_id, self.version, item_id, self.answers[item_id]
                )
                self._pending_items.discard(item_id)
            if self._rooms_pending:
                self.version = inspections.set_rooms(self.db, self.actor, self.inspection_id, self.version, self.rooms)
                self._rooms_pending = False
        except ConcurrentEditError as error:
            self._conflict(error)
            return False
        except KnownError as error:
            if not self._failing:
                self._failing = True
                self.save_failed.emit(error)
            return False
        self._failing = False
        self.saved.emit()
        return True

    def _unsaved_description(self) -> str:
        """What was typed and not saved, in the interface's language: 结果：合格；备注：…"""
        from checklist.changes import column_words, value_words
        from desktop.common.i18n import current_language, english

        language = current_language()
        colon, separator = (": ", "; ") if english() else ("：", "；")
        lines: list[str] = []
        for item_id in sorted(self._pending_items):
            answer = self.answers[item_id]
            labels = {m.key: (m.label_en if english() else m.label_zh) for m in self.item(item_id).measurements}
            parts = [f"{labels.get(k, k)}{colon}{v}" for k, v in answer.measurements.items()]
            if answer.result:
                result = value_words("result", answer.result.value, language, str)
                parts.append(f"{column_words('result', language)}{colon}{result}")
            if answer.override_reason:
                parts.append(f"{column_words('override_reason', language)}{colon}{answer.override_reason}")
            if answer.note:
                parts.append(f"{column_words('note', language)}{colon}{answer.note}")
            lines.append(f"{item_id}{colon}" + separator.join(parts))
        if self._rooms_pending:
            people = "people" if english() else "人"
            rooms = separator.join(
                f"{r.get('name')} {r.get('area_m2')} m² {r.get('occupants')} {people}" for r in self.rooms
            )
            lines.append(f"{column_words('dormitory_rooms', language)}{colon}{rooms}")
        return "\n".join(lines)

    def _conflict(self, error: KnownError) -> None:
        unsaved = self._unsaved_description()
        self.reload()
        self.conflict.emit(f"{error_text(error)}\n\n{unsaved}" if unsaved else error_text(error))

    def _run(self, change: Any) -> bool:
        """Run one immediate change (photo, action …) after saving what is pending."""
        if not self.flush():
            return False
        try:
            change()
        except ConcurrentEditError as error:
            self._conflict(error)
            return False
        return True

    # --- evidence from the registers (登记依据) ---------------------------------------------------------

    @staticmethod
    def has_register_evidence(item_id: str) -> bool:
        """Whether a register (health ledger, disinfection log, isolation area) gives evidence for the item."""
        return item_id in REGISTER_OF

    def read_register_evidence(
        self, item_id: str, done: Callable[[RegisterEvidence], None], failed: Callable[[BaseException], object]
    ) -> None:
        """Read the register's evidence for the item on the inspection's date, on the thread pool (a day of
        the ledger or a week of the log): ``done(evidence)`` or ``failed(error)`` on the GUI thread."""
        db, day = self.db, self.header.date
        run_in_background(
            None, lambda _progress: register_evidence.evidence_for(db, item_id, day), done, failed, show_progress=False
        )

    def apply_register_evidence(self, item_id: str, done: Callable[[RegisterEvidence | KnownError], None]) -> None:
        """Copy the register's evidence of the inspection's date into the item (its line into the note, the
        values its rules read), on the thread pool after what is pending, audited as every answer is; the
        officer's result and reason stay, so a different result can still be chosen with a reason. ``done``
        gets the evidence applied, or the KnownError that says why not."""
        self._evidence_jobs.append(_EvidenceJob(item_id, done))
        self._urgent = True
        self._save_in_background()

    def _take_stored_answer(self, item_id: str, stored: Answer) -> None:
        """The item's answer as stored after evidence was applied. If the officer typed in the item meanwhile,
        what was typed stays pending, with the evidence's note line and values taken in."""
        if item_id in self._pending_items:
            typed = self.answer(item_id)
            prefix = NOTE_PREFIX[REGISTER_OF[item_id]]
            lines = [line for line in typed.note.splitlines() if not line.startswith(prefix)]
            lines += [line for line in stored.note.splitlines() if line.startswith(prefix)]
            stored = replace(typed, measurements={**typed.measurements, **stored.measurements}, note="\n".join(lines))
        self.answers[item_id] = stored
        self._evaluate()
        self.answer_changed.emit(item_id)

    # --- evidence, actions, completion ----------------------------------------------------------------

    @property
    def attaching(self) -> bool:
        """Whether files are being read and prepared in the background (see :meth:`add_photos`)."""
        return self._attaching > 0

    def add_photos(
        self, item_id: str, paths: Sequence[Path], parent: QWidget | None, done: Callable[[list[str]], None]
    ) -> None:
        """Attach files to an item: each is read, checked, decoded, downscaled and thumbnailed on the thread
        pool (the window stays responsive; a file over the size limit is refused from its size, unread), then
        stored here, in order, with the inspection's version. ``done(problems)`` gets one line per file that
        could not be attached, in words. :meth:`wait_for_photos` waits for it (closing the window does)."""
        files = [Path(p) for p in paths]
        self._attaching += 1

        def finish(problems: list[str]) -> None:
            self._attaching -= 1
            self.photos_done.emit()
            done(problems)

        def prepared(results: list[photos.PreparedAttachment | KnownError]) -> None:
            problems = [error_text(r) for r in results if isinstance(r, KnownError)]
            ready = [r for r in results if isinstance(r, photos.PreparedAttachment)]
            if not ready:
                finish(problems)
                return
            # Stored on the thread pool too, after what is being saved and with what is pending.
            self._photo_batches.append(_PhotoBatch(item_id, ready, problems, finish))
            self._save_in_background()

        def failed(error: BaseException) -> None:
            if isinstance(error, Cancelled):
                finish([])  # nothing was stored
            else:
                finish([error_text(error) if isinstance(error, KnownError) else repr(error)])

        run_in_background(
            parent,
            lambda progress: prepare_files(files, progress),
            prepared,
            failed,
            show_progress=False,  # the window stays usable meanwhile; the caller says what is happening
        )

    def wait_for_photos(self) -> None:
        """Block (the event loop running) until every file being attached is stored or refused."""
        while self._attaching:
            loop = QEventLoop()
            self.photos_done.connect(loop.quit)
            if self._attaching:
                loop.exec()
            self.photos_done.disconnect(loop.quit)

    def remove_photo(self, evidence_id: int) -> None:
        found = next((e for e in self.evidence if e.id == evidence_id), None)
        if found is None:
            return

        def change() -> None:
            self.version = inspections.remove_evidence(
                self.db, self.actor, self.inspection_id, self.version, evidence_id
            )
            self.evidence.remove(found)

        if self._run(change):
            self.evidence_changed.emit(found.item_id)

    def add_action(self, item_id: str, action: str, owner: str, due: dt.date | None) -> bool:
        """Open a corrective action for an item (raises KnownError with the reason if refused)."""

        def change() -> None:
            action_id, self.version = actions.add_action(
                self.db, self.actor, self.inspection_id, self.version, item_id, action, owner, due
            )
            self.actions.append(ActionInfo(action_id, item_id, action.strip(), owner.strip(), due, ActionStatus.OPEN))

        if self._run(change):
            self.actions_changed.emit()
            return True
        return False

    def edit_action(self, action_id: int, action: str, owner: str, due: dt.date | None) -> bool:
        """Change what a corrective action of the draft says; False after a conflict (already reported).
        Raises KnownError with the reason if refused (a completed record, a due date before the inspection)."""

        def change() -> None:
            self.version = actions.edit_action(
                self.db, self.actor, self.inspection_id, self.version, action_id, action, owner, due
            )
            self.actions = [
                replace(a, action=action.strip(), owner=owner.strip(), due=due) if a.id == action_id else a
                for a in self.actions
            ]

        if self._run(change):
            self.actions_changed.emit()
            return True
        return False

    def delete_action(self, action_id: int) -> bool:
        """Delete a corrective action of the draft; False after a conflict (already reported). Raises KnownError
        with the reason if refused."""

        def change() -> None:
            self.version = actions.delete_action(self.db, self.actor, self.inspection_id, self.version, action_id)
            self.actions = [a for a in self.actions if a.id != action_id]

        if self._run(change):
            self.actions_changed.emit()
            return True
        return False

    def set_action_status(self, action_id: int, status: str, note: str, on: dt.date | None) -> bool:
        """Change a corrective action of the draft (open / done / verified, with a note and, when verified, the
        date); False after a conflict (already reported). Raises KnownError with the reason if refused."""

        def change() -> None:
            verified_on = on if status == ActionStatus.VERIFIED else None
            self.version = actions.update_action(
                self.db, self.actor, self.inspection_id, self.version, action_id, status, note.strip(), verified_on
            )
            self.actions = [
                replace(
                    a, status=status, recorded_status=status, verification_note=note.strip(), verified_on=verified_on
                )
                if a.id == action_id
                else a
                for a in self.actions
            ]

        if self._run(change):
            self.actions_changed.emit()
            return True
        return False

    def follow_up(self, action_id: int, status: str, note: str, on: dt.date) -> None:
        """Record that a corrective action of the completed or signed inspection was done or verified
        (整改跟进); the record itself, and its signatures, do not change. Raises KnownError if refused."""
        actions.follow_up_action(self.db, self.actor, self.inspection_id, action_id, status, note, on)
        self._load()  # the new history, and the inspection's version (its open-action count changed)
        self.actions_changed.emit()

    def blockers(self) -> list[Blocker]:
        """What still blocks completion, as the service sees the saved inspection (in both languages)."""
        self.flush()
        return inspections.blocker_details(inspections.load_inspection(self.db, self.inspection_id))

    def complete(self) -> str | None:
        """Mark the inspection completed; the record hash, or None after a conflict (already reported)."""
        digest: list[str] = []

        def change() -> None:
            digest.append(inspections.complete(self.db, self.actor, self.inspection_id, self.version))

        if not self._run(change):
            return None
        self._load()
        self.reloaded.emit()
        return digest[0]
