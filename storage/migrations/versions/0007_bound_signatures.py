"""signatures bind everything signed; follow-ups are chained; a draft's 已整改 names who did it

- ``signatures.statement``: the signed statement (JSON) of a signature made from this version on: the record
  hash, signer, meaning, time, certificate, drawn signature, the audit chain's head and the stored report files
  it leaves; its CMS is ``record_signature``. Signatures made before keep NULL (their CMS signs the record).
- ``action_follow_ups.chain_hash``: each follow-up hashed onto the previous one of its inspection, the first
  onto the inspection's record hash (existing follow-ups are chained here, in id order).
- ``corrective_actions.done_by``: the account that recorded a draft's corrective action as 已整改.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from storage.audit import append_entries
    from storage.chain import follow_up_hash

    with op.batch_alter_table("signatures") as table:
        table.add_column(sa.Column("statement", sa.Text(), nullable=True))
    with op.batch_alter_table("corrective_actions") as table:
        table.add_column(sa.Column("done_by", sa.String(100), nullable=True))
    with op.batch_alter_table("action_follow_ups") as table:
        table.add_column(sa.Column("chain_hash", sa.String(64), nullable=True))
    connection = op.get_bind()
    rows = connection.execute(
        sa.text(
            'SELECT f.id, f.inspection_id, f.action_id, f.status, f.note, f."on", f.by, i.record_hash '
            "FROM action_follow_ups f JOIN inspections i ON i.id = f.inspection_id ORDER BY f.inspection_id, f.id"
        )
    ).all()
    previous: dict[int, str] = {}
    audited = []
    for row in rows:
        prev = previous.get(row.inspection_id, row.record_hash or "")
        digest = follow_up_hash(prev, row.inspection_id, row.action_id, row.status, row.note, row.on, row.by)
        connection.execute(
            sa.text("UPDATE action_follow_ups SET chain_hash = :h WHERE id = :id"), {"h": digest, "id": row.id}
        )
        previous[row.inspection_id] = digest
        audited.append(
            {
                "actor": "schema 0007",
                "action": "update",
                "table_name": "action_follow_ups",
                "row_id": row.id,
                "inspection_id": row.inspection_id,
                "old": {"chain_hash": None},
                "new": {"chain_hash": digest},
                "reason": "整改跟进链（迁移）",
            }
        )
    if audited:  # the audit trail says where the new column's values came from
        append_entries(connection, audited)


def downgrade() -> None:
    with op.batch_alter_table("action_follow_ups") as table:
        table.drop_column("chain_hash")
    with op.batch_alter_table("corrective_actions") as table:
        table.drop_column("done_by")
    with op.batch_alter_table("signatures") as table:
        table.drop_column("statement")
