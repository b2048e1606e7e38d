"""evidence thumbnails, made once when a photo is attached

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.add_column(sa.Column("thumbnail", sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column("thumbnail_width", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("thumbnail_height", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.drop_column("thumbnail_height")
        batch_op.drop_column("thumbnail_width")
        batch_op.drop_column("thumbnail")
