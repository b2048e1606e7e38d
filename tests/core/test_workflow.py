"""The state and permission rules of checklist.workflow, every role × state, without Qt or a database.

The expected tables below are written out by hand from the rules (who may write, who verifies, what comes
after what), not computed from the module under test, so a changed rule fails here.
"""

from __future__ import annotations

import itertools
import subprocess
import sys

import pytest

from checklist.workflow import (
    ACTION_STATUS_ZH,
    MEANING_ZH,
    ROLE_ZH,
    STATUS_ZH,
    ActionStatus,
    InspectionStatus,
    Meaning,
    Role,
    action_status_roles,
    can_manage_accounts,
    can_write,
    draft_action_choices,
    follow_up_choices,
    signable_meanings,
    verified_too_early,
)

OFFICER, MANAGER, AUDITOR = "officer", "manager", "auditor"
OPEN, DONE, VERIFIED = "open", "done", "verified"

FOLLOW_UPS = {
    (OFFICER, OPEN): [DONE],
    (OFFICER, DONE): [DONE],
    (OFFICER, VERIFIED): [],
    (MANAGER, OPEN): [DONE],
    (MANAGER, DONE): [DONE, VERIFIED],
    (MANAGER, VERIFIED): [],
    (AUDITOR, OPEN): [],
    (AUDITOR, DONE): [],
    (AUDITOR, VERIFIED): [],
}

DRAFT_ACTIONS = {
    (OFFICER, OPEN): [DONE],
    (OFFICER, DONE): [OPEN],
    (OFFICER, VERIFIED): [OPEN, DONE],
    (MANAGER, OPEN): [DONE],
    (MANAGER, DONE): [OPEN, VERIFIED],
    (MANAGER, VERIFIED): [OPEN, DONE],
    (AUDITOR, OPEN): [],
    (AUDITOR, DONE): [],
    (AUDITOR, VERIFIED): [],
}


def test_the_values_are_the_strings_the_database_stores() -> None:
    assert [s.value for s in InspectionStatus] == ["draft", "completed", "signed"]
    assert [r.value for r in Role] == ["officer", "manager", "auditor"]
    assert [m.value for m in Meaning] == ["inspector", "approver"]
    assert [a.value for a in ActionStatus] == ["open", "done", "verified"]
    # A member is its string: equal, hashed alike, formatted as the bare value.
    assert InspectionStatus.SIGNED == "signed" and {"signed": 1}[InspectionStatus.SIGNED] == 1
    assert f"{ActionStatus.DONE}" == "done" and str(Role.AUDITOR) == "auditor"


def test_every_state_has_its_chinese_name() -> None:
    assert ROLE_ZH == {"officer": "安全员", "manager": "单位主要负责人", "auditor": "审计员"}
    assert MEANING_ZH == {"inspector": "检查人", "approver": "单位主要负责人审核"}
    assert STATUS_ZH == {"draft": "草稿", "completed": "已完成", "signed": "已签署"}
    assert ACTION_STATUS_ZH == {"open": "待整改", "done": "已整改", "verified": "已验证"}


@pytest.mark.parametrize("role", [OFFICER, MANAGER, AUDITOR, "intruder", ""])
def test_who_may_write_and_manage_accounts(role: str) -> None:
    assert can_write(role) == (role in (OFFICER, MANAGER))
    assert can_manage_accounts(role) == (role == MANAGER)


@pytest.mark.parametrize(("role", "current"), list(FOLLOW_UPS))
def test_follow_up_choices_for_every_role_and_state(role: str, current: str) -> None:
    assert follow_up_choices(role, current) == FOLLOW_UPS[role, current]


@pytest.mark.parametrize(("role", "current"), list(DRAFT_ACTIONS))
def test_draft_action_choices_for_every_role_and_state(role: str, current: str) -> None:
    choices = draft_action_choices(role, current)
    assert choices == DRAFT_ACTIONS[role, current]
    assert current not in choices


def test_an_unknown_role_is_offered_nothing() -> None:
    for current in (OPEN, DONE, VERIFIED):
        assert follow_up_choices("intruder", current) == []
        assert draft_action_choices("intruder", current) == []
        assert follow_up_choices("Manager", current) == []  # roles are exact strings, not case-folded


def test_only_a_manager_may_verify_and_only_after_done() -> None:
    assert action_status_roles(VERIFIED) == (Role.MANAGER,)
    assert action_status_roles(DONE) == (Role.OFFICER, Role.MANAGER)
    assert action_status_roles(OPEN) == (Role.OFFICER, Role.MANAGER)
    assert AUDITOR not in action_status_roles("anything else")
    assert verified_too_early(VERIFIED, OPEN)
    assert not verified_too_early(VERIFIED, DONE)
    assert not verified_too_early(DONE, OPEN)


def test_the_choices_never_offer_what_the_rules_refuse() -> None:
    """Whatever is offered, for any role and state, passes the role check and the order check."""
    for role, current in itertools.product([OFFICER, MANAGER, AUDITOR], [OPEN, DONE, VERIFIED]):
        for status in [*follow_up_choices(role, current), *draft_action_choices(role, current)]:
            assert role in action_status_roles(status)
            assert not verified_too_early(status, current)


SIGNABLE = {
    # (role, status, signed so far) → meanings offered
    (OFFICER, "draft", ()): [],
    (MANAGER, "draft", ()): [],
    (OFFICER, "completed", ()): ["inspector"],
    (MANAGER, "completed", ()): ["inspector"],
    (AUDITOR, "completed", ()): [],
    (OFFICER, "signed", ("inspector",)): [],
    (MANAGER, "signed", ("inspector",)): ["approver"],
    (AUDITOR, "signed", ("inspector",)): [],
    (MANAGER, "signed", ("inspector", "approver")): [],
    (MANAGER, "signed", ()): [],  # no approval before the inspector's signature
    (MANAGER, "completed", ("inspector",)): [],  # a completed record already signed by the inspector
}


@pytest.mark.parametrize(("role", "status", "signed"), list(SIGNABLE))
def test_signable_meanings(role: str, status: str, signed: tuple[str, ...]) -> None:
    assert signable_meanings(role, status, signed) == SIGNABLE[role, status, signed]


def test_the_workflow_module_is_light() -> None:
    """The desktop imports it before the login form: it must not pull in a database, Qt or dataclasses."""
    code = (
        "import sys; import checklist.workflow, storage.errors; "
        "print(','.join(m for m in ('sqlalchemy', 'PySide6', 'dataclasses', 'storage.db') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_sign_off_stage_follows_the_signatures() -> None:
    from checklist.workflow import SIGN_OFF_STAGE_ZH, SignOffStage, sign_off_stage

    draft, completed, signed = InspectionStatus.DRAFT, InspectionStatus.COMPLETED, InspectionStatus.SIGNED
    inspector, approver = Meaning.INSPECTOR, Meaning.APPROVER
    assert sign_off_stage(draft, []) == SignOffStage.DRAFT
    assert sign_off_stage(completed, []) == SignOffStage.AWAITING_INSPECTOR
    assert sign_off_stage(signed, [inspector]) == SignOffStage.AWAITING_APPROVAL
    assert sign_off_stage(signed, [inspector, approver]) == SignOffStage.APPROVED
    assert sign_off_stage(signed, (m for m in [approver, inspector])) == SignOffStage.APPROVED  # any iterable
    assert sign_off_stage(draft, [inspector]) == SignOffStage.DRAFT  # a draft's status decides
    assert SIGN_OFF_STAGE_ZH == {
        "draft": "草稿",
        "awaiting_inspector": "待检查人签署",
        "awaiting_approval": "待审核签署",
        "approved": "已审核",
    }


def test_actions_are_edited_only_in_a_draft_and_overdue_only_while_open() -> None:
    import datetime as dt

    from checklist.workflow import ActionStatus, due_before_inspection, is_overdue, may_edit_actions

    assert may_edit_actions(InspectionStatus.DRAFT)
    assert not may_edit_actions(InspectionStatus.COMPLETED) and not may_edit_actions(InspectionStatus.SIGNED)
    day = dt.date(2026, 11, 20)
    assert due_before_inspection(dt.date(2026, 11, 19), day)
    assert not due_before_inspection(day, day) and not due_before_inspection(None, day)
    assert is_overdue(ActionStatus.OPEN, dt.date(2026, 11, 19), day)
    assert not is_overdue(ActionStatus.OPEN, day, day)  # due today: not yet late
    assert not is_overdue(ActionStatus.DONE, dt.date(2026, 11, 1), day)
    assert not is_overdue(ActionStatus.VERIFIED, dt.date(2026, 11, 1), day)
    assert not is_overdue(ActionStatus.OPEN, None, day)
