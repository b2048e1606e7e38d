"""a plan of the ventilation and disinfection log has the day it was adopted: no gap before it

Revision ID: 0019
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # NULL for the plans already set: they had no start and are counted on every day, as before
    with op.batch_alter_table("site_plans") as batch:
        batch.add_column(sa.Column("starts_on", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("site_plans") as batch:
        batch.drop_column("starts_on")
