"""The open inspection: its answers as the officer gives them, saved as they are given (autosave).

Result clicks are saved at once; typed text (measurements, reasons, notes, rooms) is saved after a short
pause (debounce), and :meth:`InspectionEditor.flush` saves whatever is pending on focus-out, item change and
window close. Each save carries the inspection version of the previous one (optimistic locking); when
someone else saved in between, the editor reloads and says what was not saved.

Compliance is never decided here: outcomes come from :func:`checklist.evaluation.evaluate_inspection`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from checklist.catalog import Catalog, Item, for_company
from checklist.evaluation import Answer, Blocker, InspectionEvaluation, ItemOutcome, Result, evaluate_inspection
from checklist.workflow import ActionStatus, InspectionStatus, Role, can_write
from desktop.common.errors import error_text
from desktop.editor.signatures import SignatureRow, load_signatures
from storage import actions, inspections
from storage.db import Database
from storage.errors import ConcurrentEditError, KnownError

DEBOUNCE_MS = 400


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

    def __init__(
        self, db: Database, actor: str, inspection_id: int, parent: QObject | None = None, role: str = Role.OFFICER
    ) -> None:
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
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._debounced)
        self._load()

    # --- reading --------------------------------------------------------------------------------------

    def _load(self) -> None:
        inspection = inspections.load_inspection(self.db, self.inspection_id)
        self.version = inspection.version
        # The officer sees only the items that concern this company's type (LK28 二（二）4: malls, hotels …).
        self.catalogs = for_company(inspections.catalogs_of(inspection), inspection.company.company_type)
        self.answers = inspections.answers_of(inspection)
        self.rooms = inspections.room_rows_of(inspection)
        self.evidence = [EvidenceInfo(e.id, e.item_id, e.filename, e.media_type, e.data) for e in inspection.evidence]
        follow_ups = actions.action_follow_ups(self.db, self.inspection_id)
        self.follow_ups = [FollowUpInfo(f.action_id, f.status, f.note, f.on, f.by, f.recorded_at) for f in follow_ups]
        self.actions = [
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
        ]
        self.header = Header(
            inspection.id,
            inspection.company.name,
            inspection.site.name if inspection.site else "",
            inspection.date,
            inspection.inspector,
            inspection.status,
            inspection.supersedes_id,
        )
        self.signatures = (
            load_signatures(self.db, self.inspection_id) if inspection.status == InspectionStatus.SIGNED else []
        )
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
            self.flush()
        else:
            self._timer.start()

    def set_result(self, item_id: str, result: Result | None) -> None:
        """A result button: saved at once."""
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
        self.flush()

    def flush(self) -> bool:
        """Save everything pending now. False if something could not be saved (it stays pending)."""
        self._timer.stop()
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

    # --- evidence, actions, completion ----------------------------------------------------------------

    def add_photos(self, item_id: str, paths: Iterable[Path]) -> list[str]:
        """Attach files to an item; returns one message per file that could not be attached.

        Raises:
            KnownError: the database refused the change (the files attached before it stay attached).
        """
        problems: list[str] = []
        if not self.flush():
            return [str(p) for p in paths]
        for path in paths:
            try:
                data = Path(path).read_bytes()
            except OSError as error:
                problems.append(f"{path}: {error.strerror or error}")
                continue
            try:
                evidence_id, self.version = inspections.add_evidence(
                    self.db, self.actor, self.inspection_id, self.version, item_id, Path(path).name, data
                )
            except ConcurrentEditError as error:
                self._conflict(error)
                problems.append(f"{path}: {error}")
                break
            self.evidence.append(
                EvidenceInfo(
                    evidence_id, item_id, Path(path).name, inspections.media_type_of(Path(path).name, data), data
                )
            )
        self.evidence_changed.emit(item_id)
        return problems

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
