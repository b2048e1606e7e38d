"""the employee health ledger: roster, consent, readings, observation, signed daily summaries, retention

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "employees",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("department", sa.String(100), nullable=False),
        sa.Column("post", sa.String(100), nullable=False),
        sa.Column("category", sa.String(8), nullable=False),
        sa.Column("outsourcing_company", sa.String(100), nullable=False),
        sa.Column("id_number", sa.String(18), nullable=False),
        sa.Column("phone", sa.String(20), nullable=False),
        sa.Column("dormitory_room", sa.String(30), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("return_date", sa.Date(), nullable=True),
        sa.Column("returned_from", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("anonymised_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_employees_status", "employees", ["status"])
    op.create_index("ix_employees_name", "employees", ["name"])
    op.create_table(
        "consent_records",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("employee_id", sa.Integer(), sa.ForeignKey("employees.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("consented_on", sa.Date(), nullable=False),
        sa.Column("notice_version", sa.String(20), nullable=False),
        sa.Column("purpose", sa.String(100), nullable=False),
        sa.Column("recorded_by", sa.String(100), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("employee_id", "notice_version"),
    )
    op.create_index("ix_consent_records_employee_id", "consent_records", ["employee_id"])
    op.create_table(
        "health_readings",
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), sa.ForeignKey("employees.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("half", sa.SmallInteger(), nullable=False),
        sa.Column("temperature", sa.SmallInteger(), nullable=True),
        sa.Column("symptoms", sa.SmallInteger(), nullable=False),
        sa.Column("flagged", sa.Boolean(), nullable=False),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.Column("entered_by", sa.Integer(), nullable=False),
        sa.Column("entered_at", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", "employee_id", "half"),
        sqlite_with_rowid=False,
    )
    op.create_index(
        "ix_readings_flagged",
        "health_readings",
        ["day"],
        sqlite_where=sa.text("flagged = 1"),  # as SQLAlchemy writes the condition, so SQLite uses the index
        postgresql_where=sa.text("flagged"),
    )
    op.create_table(
        "observations",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("employee_id", sa.Integer(), sa.ForeignKey("employees.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_observations_employee_id", "observations", ["employee_id"])
    op.create_index("ix_observations_active_end", "observations", ["active", "end"])
    op.create_table(
        "observation_changes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "observation_id", sa.Integer(), sa.ForeignKey("observations.id", ondelete="RESTRICT"), nullable=False
        ),
        sa.Column("change", sa.String(10), nullable=False),
        sa.Column("old_start", sa.Date(), nullable=True),
        sa.Column("old_end", sa.Date(), nullable=True),
        sa.Column("new_start", sa.Date(), nullable=False),
        sa.Column("new_end", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("by", sa.String(100), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_observation_changes_observation_id", "observation_changes", ["observation_id"])
    op.create_table(
        "day_signoffs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("day", sa.Date(), nullable=False, unique=True),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.Column("record_hash", sa.String(64), nullable=False),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("signer_name", sa.String(100), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=False),
        sa.Column("certificate_sha256", sa.String(64), nullable=False),
        sa.Column("record_signature", sa.LargeBinary(), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=True),
        sa.Column("xlsx", sa.LargeBinary(), nullable=True),
        sa.Column("xlsx_p7s", sa.LargeBinary(), nullable=True),
    )
    op.create_table(
        "import_mappings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("source", sa.String(100), nullable=False, unique=True),
        sa.Column("mapping", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "retention_runs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("run_at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.String(100), nullable=False),
        sa.Column("cutoff", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(40), nullable=False),
        sa.Column("removed", sa.JSON(), nullable=False),
    )
    op.create_table(
        "ledger_settings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("fever_threshold_c", sa.Float(), nullable=False),
        sa.Column("retention_days", sa.Integer(), nullable=True),
        sa.Column("epidemic_over_on", sa.Date(), nullable=True),
        sa.Column("notice_version", sa.String(20), nullable=False),
    )


def downgrade() -> None:
    for table in (
        "ledger_settings",
        "retention_runs",
        "import_mappings",
        "day_signoffs",
        "observation_changes",
        "observations",
        "health_readings",
        "consent_records",
        "employees",
    ):
        op.drop_table(table)
