"""The states of a record and who may move it: one source for every layer.

Inspection statuses (草稿 → 已完成 → 已签署), account roles, sign-off meanings and corrective-action states are
defined here once, with the pure rules that say which role may do what, and after which state. The service
layer enforces them (:mod:`storage.inspections`, :mod:`storage.actions`, :mod:`export.signing`) and the
desktop asks the same functions which buttons to offer, so a button is offered for exactly the changes the
service would accept. Values are the strings stored in the database (no migration): a ``StrEnum`` equals its
string.

Pure Python and cheap to import (the desktop uses it before the login form shows): no dataclasses, no
database, no Qt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum


class InspectionStatus(StrEnum):
    """Where an inspection is: a draft is edited, a completed one is locked until reopened, a signed one is
    never changed again (a correction is a new version)."""

    DRAFT = "draft"
    COMPLETED = "completed"
    SIGNED = "signed"


class Role(StrEnum):
    """An account's role: 安全员 fills in inspections, 单位主要负责人 also approves, signs and manages accounts,
    审计员 reads, verifies and exports everything and changes nothing."""

    OFFICER = "officer"
    MANAGER = "manager"
    AUDITOR = "auditor"


class Meaning(StrEnum):
    """What a signature says: 检查人 (the inspector signs the completed record), then 单位主要负责人审核."""

    INSPECTOR = "inspector"
    APPROVER = "approver"


class ActionStatus(StrEnum):
    """A corrective action (整改措施): 待整改, 已整改, 已验证 (checked by a manager, after it was done)."""

    OPEN = "open"
    DONE = "done"
    VERIFIED = "verified"


ROLE_ZH: dict[str, str] = {Role.OFFICER: "安全员", Role.MANAGER: "单位主要负责人", Role.AUDITOR: "审计员"}
MEANING_ZH: dict[str, str] = {Meaning.INSPECTOR: "检查人", Meaning.APPROVER: "单位主要负责人审核"}
STATUS_ZH: dict[str, str] = {
    InspectionStatus.DRAFT: "草稿",
    InspectionStatus.COMPLETED: "已完成",
    InspectionStatus.SIGNED: "已签署",
}
ACTION_STATUS_ZH: dict[str, str] = {
    ActionStatus.OPEN: "待整改",
    ActionStatus.DONE: "已整改",
    ActionStatus.VERIFIED: "已验证",
}

WRITE_ROLES: tuple[Role, ...] = (Role.OFFICER, Role.MANAGER)
"""The roles that may change data (an auditor never can)."""
ACCOUNT_ADMIN_ROLES: tuple[Role, ...] = (Role.MANAGER,)
"""The roles that may create, disable and enable accounts."""
COMPANY_ADMIN_ROLES: tuple[Role, ...] = (Role.MANAGER,)
"""The roles that may change the company profile (address, 所在区, type, headcount) and add sites after set-up."""
SIGNING_ROLES: dict[Meaning, tuple[Role, ...]] = {
    Meaning.INSPECTOR: (Role.OFFICER, Role.MANAGER),
    Meaning.APPROVER: (Role.MANAGER,),
}
"""Who may sign with each meaning."""
FOLLOW_UP_ROLES: dict[ActionStatus, tuple[Role, ...]] = {
    ActionStatus.DONE: WRITE_ROLES,
    ActionStatus.VERIFIED: (Role.MANAGER,),  # whoever verifies is a manager, not whoever did it
}
"""Who may record a corrective action as done, or as verified."""


def role_signs(role: str) -> bool:
    """Whether an account of ``role`` ever signs (a record as 检查人 or 审核, a register day), and so gets its own
    signing key and a certificate when it is made: an officer or a manager. An auditor only reads and verifies,
    which needs the company authority's certificate, not a key of its own."""
    return any(role in roles for roles in SIGNING_ROLES.values())


def can_write(role: str) -> bool:
    """Whether ``role`` may change data."""
    return role in WRITE_ROLES


def can_manage_accounts(role: str) -> bool:
    """Whether ``role`` may create, disable and enable accounts."""
    return role in ACCOUNT_ADMIN_ROLES


def may_edit_company(role: str) -> bool:
    """Whether ``role`` may change the company profile and its sites after set-up: the 单位主要负责人, who
    answers for what the report says about the company."""
    return role in COMPANY_ADMIN_ROLES


def may_rename_site(role: str) -> bool:
    """Whether ``role`` may rename a site: a manager (as for the rest of the company profile). Records that name
    the site are no reason to refuse: a completed or signed record keeps the site's name as it was when it was
    completed (schema 0015, and 0018 for the records completed before), and its hash vouches for that copy; a
    draft simply shows the new name."""
    return may_edit_company(role)


def may_remove_site(role: str, records_naming_it: int) -> bool:
    """Whether ``role`` may remove a site that ``records_naming_it`` records name (inspections, drafts too, and
    anything else kept for the site): a manager (as for the rest of the company profile), and only a site no
    record names — a record keeps what it was made for."""
    return may_edit_company(role) and records_naming_it == 0


def action_status_roles(status: str) -> tuple[Role, ...]:
    """The roles that may give a corrective action ``status`` (待整改 and 已整改: whoever may change data)."""
    for given, roles in FOLLOW_UP_ROLES.items():
        if given == status:
            return roles
    return WRITE_ROLES


def verified_too_early(status: str, current: str) -> bool:
    """Whether giving ``status`` to an action whose status is ``current`` skips 已整改 (verified while open)."""
    return status == ActionStatus.VERIFIED and current == ActionStatus.OPEN


def follow_up_choices(role: str, current: str) -> list[ActionStatus]:
    """The follow-ups (整改跟进) ``role`` may record now on a corrective action of a completed or signed
    inspection whose current status is ``current``: 已整改 by whoever may change data, 已验证 by a verifying
    role and only after 已整改. A verified action is closed: nothing more."""
    if current == ActionStatus.VERIFIED:
        return []
    return [
        status for status, roles in FOLLOW_UP_ROLES.items() if role in roles and not verified_too_early(status, current)
    ]


def draft_action_choices(role: str, current: str) -> list[ActionStatus]:
    """The statuses ``role`` may give a corrective action of a draft, other than ``current``: 待整改 and 已整改
    for whoever may change data, 已验证 as for a follow-up (a verifying role, after 已整改)."""
    if not can_write(role):
        return []
    return [
        status
        for status in ActionStatus
        if status != current and role in action_status_roles(status) and not verified_too_early(status, current)
    ]


def signable_meanings(role: str, status: str, signed: Iterable[str], signed_by_me: Iterable[str] = ()) -> list[Meaning]:
    """The sign-off meanings ``role`` may give now, in order: 检查人 on a completed record not yet signed by
    one, then the review (单位主要负责人审核) once the 检查人 has signed — by someone else (``signed_by_me``:
    the meanings this account already gave on the record; the 检查人 never reviews their own record)."""
    done = set(signed)
    possible: list[Meaning] = []
    if (
        status == InspectionStatus.COMPLETED
        and Meaning.INSPECTOR not in done
        and role in SIGNING_ROLES[Meaning.INSPECTOR]
    ):
        possible.append(Meaning.INSPECTOR)
    if (
        status == InspectionStatus.SIGNED
        and Meaning.INSPECTOR in done
        and Meaning.APPROVER not in done
        and role in SIGNING_ROLES[Meaning.APPROVER]
        and Meaning.INSPECTOR not in set(signed_by_me)
    ):
        possible.append(Meaning.APPROVER)
    return possible


class SignOffStage(StrEnum):
    """Where a record stands in sign-off, as the inspections list shows it: 草稿 (being filled in), 待检查人签署
    (completed), 待审核签署 (signed by the 检查人), 已审核 (approved by the 单位主要负责人)."""

    DRAFT = "draft"
    AWAITING_INSPECTOR = "awaiting_inspector"
    AWAITING_APPROVAL = "awaiting_approval"
    APPROVED = "approved"


SIGN_OFF_STAGE_ZH: dict[str, str] = {
    SignOffStage.DRAFT: "草稿",
    SignOffStage.AWAITING_INSPECTOR: "待检查人签署",
    SignOffStage.AWAITING_APPROVAL: "待审核签署",
    SignOffStage.APPROVED: "已审核",
}


def sign_off_stage(status: str, signed: Iterable[str]) -> SignOffStage:
    """The sign-off stage of a record with ``status`` and the signature meanings ``signed``: the same order
    :func:`signable_meanings` enforces (检查人 on a completed record, then the review)."""
    done = set(signed)
    if status == InspectionStatus.DRAFT:
        return SignOffStage.DRAFT
    if Meaning.APPROVER in done:
        return SignOffStage.APPROVED
    if status == InspectionStatus.SIGNED and Meaning.INSPECTOR in done:
        return SignOffStage.AWAITING_APPROVAL
    return SignOffStage.AWAITING_INSPECTOR


def may_verify(verifier: str, done_by: str | None) -> bool:
    """Separation of duties for corrective actions: whoever verifies an action is not whoever recorded it
    done (``done_by``: the account of the latest 已整改 follow-up; None when it was marked done in the record)."""
    return done_by is None or verifier != done_by


def may_edit_actions(status: str) -> bool:
    """Whether the corrective actions themselves (text, owner, due date; deleting one) may change: only while
    the inspection is a draft. Once completed the record is locked, and once signed it is what was signed;
    progress on an action is then recorded as a follow-up (整改跟进), beside the record."""
    return status == InspectionStatus.DRAFT


def due_before_inspection(due: dt.date | None, inspection_date: dt.date) -> bool:
    """Whether a corrective action's due date (完成期限) lies before the inspection that found the problem: a
    slip of the keyboard (an action cannot be due before its finding), refused rather than warned."""
    return due is not None and due < inspection_date


def is_overdue(status: str, due: dt.date | None, today: dt.date) -> bool:
    """Whether a corrective action is overdue (已逾期): still 待整改 after its due date."""
    return status == ActionStatus.OPEN and due is not None and due < today
