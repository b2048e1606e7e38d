"""Corrective actions (整改措施): added and changed on a draft, followed up (done, verified) once it is completed
or signed. Who may do what, and after which state, is decided by :mod:`checklist.workflow`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from checklist.company import company_today
from checklist.limits import Counted
from checklist.messages import msg
from checklist.workflow import (
    FOLLOW_UP_ROLES,
    ActionStatus,
    InspectionStatus,
    action_status_roles,
    due_before_inspection,
    may_edit_actions,
    may_verify,
    verified_too_early,
)
from storage import inputs
from storage.chain import follow_up_hash
from storage.db import Database
from storage.errors import InvalidInputError, NotFoundError, PermissionDeniedError, RecordLockedError
from storage.inspections import get_editable, get_inspection, refresh_results
from storage.models import ActionFollowUp, CorrectiveAction, Inspection
from storage.unit_of_work import unit_of_work


def _check_status(status: str) -> None:
    if status not in set(ActionStatus):
        raise InvalidInputError(msg("action.status_unknown", status=status, known=", ".join(ActionStatus)))


def _check_note(status: str, note: str) -> None:
    if status == ActionStatus.VERIFIED and not note.strip():
        raise InvalidInputError(msg("action.verification_note"))


def _check_order(status: str, current: str) -> None:
    if verified_too_early(status, current):
        raise InvalidInputError(msg("action.verified_before_done"))


def _check_text(action: str, owner: str) -> tuple[str, str]:
    action, owner = inputs.note(action, "action"), inputs.name(owner, "owner", required=False)
    if not action.strip():
        raise InvalidInputError(msg("action.text_missing"))
    if not owner.strip():
        raise InvalidInputError(msg("action.owner_missing"))
    return action, owner


def _check_due(due: dt.date | None, inspection: Inspection) -> None:
    if due_before_inspection(due, inspection.date):
        assert due is not None
        raise InvalidInputError(
            f"the due date {due.isoformat()} is before the inspection of {inspection.date.isoformat()}; "
            "nothing was saved — choose a date on or after the inspection",
            f"完成期限 {due.isoformat()} 早于检查日期 {inspection.date.isoformat()}；未保存，请选择检查当天或之后的日期",
        )


def _editable_action(
    session: Session, inspection_id: int, expected_version: int | None, action_id: int
) -> tuple[Inspection, CorrectiveAction]:
    """The draft and its corrective action ``action_id``, when the action itself may be changed
    (:func:`checklist.workflow.may_edit_actions`)."""
    inspection = get_inspection(session, inspection_id)
    if not may_edit_actions(inspection.status):
        raise RecordLockedError(
            f"inspection {inspection_id} is {inspection.status}: its corrective actions can no longer be edited or "
            "deleted; nothing was changed — record progress as a follow-up, or correct a signed record with a new "
            "version",
            f"检查记录 #{inspection_id} 已完成或已签署，整改措施不能再修改或删除；没有修改任何数据。整改进展请记录为整改跟进，"
            "已签署的记录请通过新版本更正",
        )
    inspection = get_editable(session, inspection_id, expected_version, photo_bytes=False)
    corrective = next((a for a in inspection.actions if a.id == action_id), None)
    if corrective is None:
        raise NotFoundError(
            f"inspection {inspection_id} has no corrective action {action_id}",
            f"检查记录 #{inspection_id} 没有编号为 {action_id} 的整改措施",
        )
    return inspection, corrective


def edit_action(
    db: Database,
    actor: str,
    inspection_id: int,
    expected_version: int | None,
    action_id: int,
    action: str,
    owner: str,
    due: dt.date | None,
) -> int:
    """Change what a corrective action of a draft says (text, owner, due date); return the new inspection
    version. The audit trail keeps the values before and after."""
    action, owner = _check_text(action, owner)
    with unit_of_work(db, actor) as session:
        inspection, corrective = _editable_action(session, inspection_id, expected_version, action_id)
        _check_due(due, inspection)
        corrective.action, corrective.owner, corrective.due = action.strip(), owner.strip(), due
        refresh_results(inspection)
        session.flush()
        return inspection.version


def delete_action(db: Database, actor: str, inspection_id: int, expected_version: int | None, action_id: int) -> int:
    """Delete a corrective action of a draft (a mistyped one); return the new inspection version. The audit
    trail keeps what it said."""
    with unit_of_work(db, actor) as session:
        inspection, corrective = _editable_action(session, inspection_id, expected_version, action_id)
        if any(f.action_id == action_id for f in follow_ups_of(session, inspection_id)):
            raise RecordLockedError(
                f"corrective action {action_id} has follow-ups recorded while the inspection was completed; it is "
                "kept — change its text instead",
                "此整改措施已有整改跟进记录，不能删除，已保留；可修改其内容",
            )
        inspection.actions.remove(corrective)
        refresh_results(inspection)
        session.flush()
        return inspection.version


def add_action(
    db: Database,
    actor: str,
    inspection_id: int,
    expected_version: int | None,
    item_id: str,
    action: str,
    owner: str,
    due: dt.date | None,
    status: str = ActionStatus.OPEN,
) -> tuple[int, int]:
    """Open a corrective action for an item; return (action id, new inspection version)."""
    action, owner = _check_text(action, owner)
    _check_status(status)
    with unit_of_work(db, actor) as session:
        inspection = get_editable(session, inspection_id, expected_version, photo_bytes=False)
        _check_due(due, inspection)
        if item_id not in {r.item_id for r in inspection.responses}:
            raise NotFoundError(msg("inspection.no_item", id=inspection_id, item=item_id))
        inputs.count(Counted.ACTIONS, len(inspection.actions) + 1)
        corrective = CorrectiveAction(
            item_id=item_id, action=action.strip(), owner=owner.strip(), due=due, status=status
        )
        inspection.actions.append(corrective)
        refresh_results(inspection)
        session.flush()
        return corrective.id, inspection.version


def update_action(
    db: Database,
    actor: str,
    inspection_id: int,
    expected_version: int | None,
    action_id: int,
    status: str,
    verification_note: str = "",
    verified_on: dt.date | None = None,
) -> int:
    """Change a corrective action of a draft. The same rules as follow-ups: verified only by a manager, with
    a note, and after it was done."""
    _check_status(status)
    verification_note = inputs.note(verification_note, "verification note")
    _check_note(status, verification_note)
    with unit_of_work(db, actor, allowed=action_status_roles(status)) as session:
        inspection = get_editable(session, inspection_id, expected_version, photo_bytes=False)
        corrective = next((a for a in inspection.actions if a.id == action_id), None)
        if corrective is None:
            raise NotFoundError(msg("inspection.no_action", id=inspection_id, action=action_id))
        _check_order(status, corrective.status)
        if status == ActionStatus.VERIFIED and not may_verify(actor, corrective.done_by):
            raise PermissionDeniedError(
                f"{actor} recorded this corrective action as done and cannot also verify it; another manager "
                "verifies; nothing was changed",
                f"{actor} 已记录此整改措施为已整改，不能再由本人验证，须由另一位负责人验证；没有修改任何数据",
            )
        if status == ActionStatus.DONE:
            corrective.done_by = actor
        elif status == ActionStatus.OPEN:
            corrective.done_by = None
        corrective.status = status
        corrective.verification_note = verification_note
        corrective.verified_on = verified_on
        refresh_results(inspection)
        session.flush()
        return inspection.version


def follow_up_action(
    db: Database, actor: str, inspection_id: int, action_id: int, status: str, note: str, on: dt.date
) -> int:
    """Record that a corrective action of a completed or signed inspection was done, or verified (by a
    manager: whoever verifies is not whoever did it). The signed record itself is not changed."""
    if status not in FOLLOW_UP_ROLES:
        raise InvalidInputError(msg("action.follow_up_status", status=status))
    note = inputs.note(note, "note")
    _check_note(status, note)
    if on > company_today() + dt.timedelta(days=1):  # a day of grace beyond the company's today
        raise InvalidInputError(
            f"a follow-up is recorded when it happened; {on.isoformat()} is in the future",
            f"整改跟进只能记录已发生的事；{on.isoformat()} 是将来的日期",
        )
    with unit_of_work(db, actor, allowed=action_status_roles(status)) as session:
        inspection = get_inspection(session, inspection_id)
        if inspection.status == InspectionStatus.DRAFT:
            raise InvalidInputError(msg("action.draft_follow_up", id=inspection_id))
        action = next((a for a in inspection.actions if a.id == action_id), None)
        if action is None:
            raise NotFoundError(msg("inspection.no_action", id=inspection_id, action=action_id))
        history = follow_ups_of(session, inspection_id)
        _check_order(status, action_status(action, history))
        if status == ActionStatus.VERIFIED:
            done = [f for f in history if f.action_id == action_id and f.status == ActionStatus.DONE]
            done_by = max(done, key=lambda f: f.id).by if done else None
            if not may_verify(actor, done_by):
                raise PermissionDeniedError(
                    f"{actor} recorded this corrective action as done and cannot also verify it; another manager "
                    "verifies; nothing was changed",
                    f"{actor} 已记录此整改措施为已整改，不能再由本人验证，须由另一位负责人验证；没有修改任何数据",
                )
        previous = history[-1].chain_hash if history else inspection.record_hash
        follow_up = ActionFollowUp(
            action_id=action_id,
            inspection_id=inspection_id,
            status=status,
            note=note.strip(),
            on=on,
            by=actor,
            chain_hash=follow_up_hash(previous or "", inspection_id, action_id, status, note.strip(), on, actor),
        )
        session.add(follow_up)
        session.flush()
        statuses = [action_status(a, [*history, follow_up]) for a in inspection.actions]
        inspection.open_actions = sum(1 for current in statuses if current != ActionStatus.VERIFIED)
        session.flush()
        return follow_up.id


def follow_ups_of(session: Session, inspection_id: int) -> list[ActionFollowUp]:
    return list(
        session.scalars(
            select(ActionFollowUp).where(ActionFollowUp.inspection_id == inspection_id).order_by(ActionFollowUp.id)
        )
    )


def action_follow_ups(db: Database, inspection_id: int) -> list[ActionFollowUp]:
    with db.session() as session:
        return follow_ups_of(session, inspection_id)


def action_status(action: CorrectiveAction, follow_ups: Sequence[ActionFollowUp]) -> str:
    """An action's current status: its latest follow-up, or what the record says."""
    latest = [f for f in follow_ups if f.action_id == action.id]
    return latest[-1].status if latest else action.status
