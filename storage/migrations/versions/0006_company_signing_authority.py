"""the company signing authority: its certificate, and its key sealed per manager

Databases made before keep their accounts' old certificates (each from a one-off authority of its own) until a
manager runs ``fugong trust init``: that creates the authority, seals its key with the manager's password,
pins its fingerprint on that computer and issues every account a certificate for its existing key.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "signing_authority",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("certificate_pem", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "authority_keys",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "authority_id", sa.Integer(), sa.ForeignKey("signing_authority.id", ondelete="RESTRICT"), nullable=False
        ),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="RESTRICT"), nullable=False, unique=True),
        sa.Column("sealed_key", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("authority_keys")
    op.drop_table("signing_authority")
