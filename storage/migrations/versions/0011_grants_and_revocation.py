"""pending grants of the authority key to promoted managers, and the authority's revocation lists

Revision ID: 0011
Revises: 0015
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "authority_grants",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "authority_id", sa.Integer(), sa.ForeignKey("signing_authority.id", ondelete="RESTRICT"), nullable=False
        ),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="RESTRICT"), nullable=False, unique=True),
        sa.Column("granted_by", sa.Integer(), sa.ForeignKey("users.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("wrapped_key", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "revocation_lists",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "authority_id", sa.Integer(), sa.ForeignKey("signing_authority.id", ondelete="RESTRICT"), nullable=False
        ),
        sa.Column("number", sa.Integer(), nullable=False, unique=True),
        sa.Column("crl_der", sa.LargeBinary(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("revocation_lists")
    op.drop_table("authority_grants")
