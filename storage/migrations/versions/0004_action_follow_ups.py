"""follow-ups of corrective actions after completion or signing

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "action_follow_ups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("inspection_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("by", sa.String(length=100), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["action_id"], ["corrective_actions.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["inspection_id"], ["inspections.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_action_follow_ups_action_id", "action_follow_ups", ["action_id"])
    op.create_index("ix_action_follow_ups_inspection_id", "action_follow_ups", ["inspection_id"])


def downgrade() -> None:
    op.drop_index("ix_action_follow_ups_inspection_id", table_name="action_follow_ups")
    op.drop_index("ix_action_follow_ups_action_id", table_name="action_follow_ups")
    op.drop_table("action_follow_ups")
