"""the ventilation and disinfection log with its plans and signed days; the isolation area, its uses and closures

Revision ID: 0009
Revises: 0014
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "site_plans",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("place", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("times_per_day", sa.Integer(), nullable=False),
        sa.UniqueConstraint("place", "kind"),
    )
    op.create_table(
        "site_log_entries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("place", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("method", sa.String(30), nullable=False),
        sa.Column("chlorine_mg_per_l", sa.Float(), nullable=True),
        sa.Column("contact_minutes", sa.Float(), nullable=True),
        sa.Column("duration_minutes", sa.Float(), nullable=True),
        sa.Column("vehicle_surfaces", sa.Boolean(), nullable=False),
        sa.Column("mask_bins_cleared", sa.Boolean(), nullable=False),
        sa.Column("waste_cleared", sa.Boolean(), nullable=False),
        sa.Column("done_by", sa.String(100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column(
            "corrects_id", sa.Integer(), sa.ForeignKey("site_log_entries.id", ondelete="RESTRICT"), nullable=True
        ),
        sa.Column("entered_by", sa.String(100), nullable=False),
        sa.Column("entered_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_site_log_day_place_kind", "site_log_entries", ["day", "place", "kind"])
    op.create_table(
        "site_day_signoffs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("day", sa.Date(), nullable=False, unique=True),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.Column("record_hash", sa.String(64), nullable=False),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("signer_name", sa.String(100), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=False),
        sa.Column("certificate_sha256", sa.String(64), nullable=False),
        sa.Column("record_signature", sa.LargeBinary(), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=True),
    )
    op.create_table(
        "isolation_areas",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("place", sa.String(100), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("supplies", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "isolation_uses",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("area_id", sa.Integer(), sa.ForeignKey("isolation_areas.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("employee_id", sa.Integer(), sa.ForeignKey("employees.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("temperature", sa.SmallInteger(), nullable=True),
        sa.Column("symptoms", sa.SmallInteger(), nullable=False),
        sa.Column("referred_to", sa.String(200), nullable=False),
        sa.Column("cdc_reported_at", sa.DateTime(), nullable=True),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("from_reading_day", sa.Integer(), nullable=True),
        sa.Column("from_reading_half", sa.SmallInteger(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("entered_by", sa.String(100), nullable=False),
    )
    op.create_index("ix_isolation_uses_employee_id", "isolation_uses", ["employee_id"])
    op.create_index("ix_isolation_uses_started_at", "isolation_uses", ["started_at"])
    op.create_table(
        "isolation_closures",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("use_id", sa.Integer(), sa.ForeignKey("isolation_uses.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("place", sa.String(100), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=False),
        sa.Column("reopened_at", sa.DateTime(), nullable=True),
        sa.Column(
            "log_entry_id", sa.Integer(), sa.ForeignKey("site_log_entries.id", ondelete="RESTRICT"), nullable=True
        ),
    )
    op.create_index("ix_isolation_closures_use_id", "isolation_closures", ["use_id"])


def downgrade() -> None:
    for table in (
        "isolation_closures",
        "isolation_uses",
        "isolation_areas",
        "site_day_signoffs",
        "site_log_entries",
        "site_plans",
    ):
        op.drop_table(table)
