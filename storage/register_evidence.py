"""An inspection item's evidence from the register that backs it (登记依据), read and applied in one place for
every register: the health ledger (GN-01, BJHQ-2, LK28-2), the ventilation and disinfection log (GN-04, GN-06,
GN-10) and the isolation area (GN-14, GN-15). Which register backs which item, and the verdict, are
:mod:`checklist.register_evidence`'s; the reading and the copy into the item are each register's own
``evidence_for`` / ``apply_evidence``.

* :func:`evidence_for` (item, the inspection's date) → :class:`RegisterEvidence`: the line and its verdict.
* :func:`apply_evidence` copies it into the draft's item (audited as every answer is: ``save_answer``) and
  returns the item's answer as stored, so the editor shows what the record now holds.
"""

from __future__ import annotations

import datetime as dt

from checklist.evaluation import Answer
from checklist.messages import msg
from checklist.register_evidence import (
    REGISTER_OF,
    Register,
    RegisterEvidence,
    isolation_verdict,
    site_log_verdict,
)
from storage import inspections, isolation, ledger, site_log
from storage.db import Database
from storage.errors import InvalidInputError


def has_evidence(item_id: str) -> bool:
    return item_id in REGISTER_OF


def _register(item_id: str) -> Register:
    register = REGISTER_OF.get(item_id)
    if register is None:
        raise InvalidInputError(msg("evidence.no_register", item=item_id))
    return register


def evidence_for(db: Database, item_id: str, day: dt.date) -> RegisterEvidence:
    """What the register says for ``item_id`` on ``day`` (the inspection's date): the isolation area's evidence
    is its areas and the last uses begun by the end of that day."""
    register = _register(item_id)
    if register is Register.LEDGER:
        health = ledger.evidence_for(db, item_id, day)
        return RegisterEvidence(item_id, register, health.text_zh, health.text_en, health.verdict)
    if register is Register.SITE_LOG:
        logged = site_log.evidence_for(db, item_id, day)
        verdict = site_log_verdict(item_id, logged.entries, logged.gaps)
        return RegisterEvidence(item_id, register, logged.text_zh, logged.text_en, verdict)
    area = isolation.evidence_for(db, item_id, day)
    areas = isolation.list_areas(db)
    uses = isolation.uses(db, limit=1, up_to=day)
    verdict = isolation_verdict(item_id, len(areas), len(uses), area.open_steps)
    return RegisterEvidence(item_id, register, area.text_zh, area.text_en, verdict)


def apply_evidence(
    db: Database, actor: str, inspection_id: int, expected_version: int | None, item_id: str, day: dt.date
) -> tuple[int, RegisterEvidence, Answer]:
    """Copy the register's evidence of ``day`` into the draft's item: the line into the note (replacing an
    earlier one), the measurements the item's rules read; the officer's result and override reason stay.
    Returns the inspection's new version, the evidence and the item's answer as now stored."""
    register = _register(item_id)
    evidence = evidence_for(db, item_id, day)
    if register is Register.LEDGER:
        version, _ = ledger.apply_evidence(db, actor, inspection_id, expected_version, item_id, day)
    elif register is Register.SITE_LOG:
        version, _ = site_log.apply_evidence(db, actor, inspection_id, expected_version, item_id, day)
    else:
        version, _ = isolation.apply_evidence(db, actor, inspection_id, expected_version, item_id, day)
    answers = inspections.answers_of(inspections.load_inspection(db, inspection_id))
    return version, evidence, answers.get(item_id) or Answer()
