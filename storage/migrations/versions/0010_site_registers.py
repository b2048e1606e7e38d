"""the site registers: dormitory buildings and rooms, the canteen's sittings settings per site

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dormitory_buildings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("site_id", sa.Integer(), sa.ForeignKey("sites.id", ondelete="RESTRICT"), nullable=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.UniqueConstraint("site_id", "name"),
    )
    op.create_index("ix_dormitory_buildings_site_id", "dormitory_buildings", ["site_id"])
    op.create_table(
        "dormitory_register_rooms",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "building_id",
            sa.Integer(),
            sa.ForeignKey("dormitory_buildings.id", ondelete="RESTRICT"),
            nullable=False,
        ),
        sa.Column("name", sa.String(30), nullable=False, unique=True),
        sa.Column("area_m2", sa.Float(), nullable=False),
        sa.Column("beds", sa.Integer(), nullable=False),
        sa.Column("location", sa.String(20), nullable=False),
        sa.Column("has_window", sa.Boolean(), nullable=False),
        sa.Column("bunk_beds", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_dormitory_register_rooms_building_id", "dormitory_register_rooms", ["building_id"])
    op.create_table(
        "canteen_plans",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("site_id", sa.Integer(), sa.ForeignKey("sites.id", ondelete="RESTRICT"), nullable=True, unique=True),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("canteen_plans")
    op.drop_index("ix_dormitory_register_rooms_building_id", "dormitory_register_rooms")
    op.drop_table("dormitory_register_rooms")
    op.drop_index("ix_dormitory_buildings_site_id", "dormitory_buildings")
    op.drop_table("dormitory_buildings")
