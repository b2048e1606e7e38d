"""the privacy notice in force: its text, or a reference to where the company keeps it

Revision ID: 0017
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ledger_settings") as batch:
        batch.add_column(sa.Column("notice_text", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("ledger_settings") as batch:
        batch.drop_column("notice_text")
