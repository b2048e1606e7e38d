"""every completed or signed record keeps its own copy of the company and site (the ones completed before 0015)

Schema 0015 made a record keep the company and site it names (``inspections.company_snapshot``) when it is
completed, so that editing 企业信息 later never makes a signed record read as altered. Records completed before
0015 kept no copy: their record hash still read the live company and site, so a manager could not change the
profile fields it covers (refused) nor rename the site, and a raw change of the profile showed up as a change
of the record.

This revision gives each of them the copy, taken from the company and site rows **as they are when this
migration runs** — exactly what ``storage.record.company_part`` read for them until now, and so exactly what
``fugong verify-record`` recomputed. A record that verifies before the upgrade therefore hashes byte for byte the
same and still verifies after it; one that fails before (its content, or its company, changed after it was
signed) still fails after, with the same recomputed hash. From here on a later edit of the company or a rename
of the site leaves every completed record as it was.

Each copy written here gets an audit entry (actor ``schema 0018``), as schema 0007 did for the follow-up chain,
so that the audit trail's replay of the row (``export.record_check``) names where the value came from.
Drafts keep no copy: they follow the profile until they are completed.

Revision ID: 0018
Revises: 0017
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

_INSPECTIONS = sa.table(
    "inspections",
    sa.column("id", sa.Integer()),
    sa.column("company_id", sa.Integer()),
    sa.column("site_id", sa.Integer()),
    sa.column("status", sa.String()),
    sa.column("company_snapshot", sa.JSON()),
)
_COMPANIES = sa.table(
    "companies",
    sa.column("id", sa.Integer()),
    sa.column("name", sa.String()),
    sa.column("credit_code", sa.String()),
    sa.column("address", sa.String()),
    sa.column("district", sa.String()),
    sa.column("company_type", sa.String()),
    sa.column("headcount", sa.Integer()),
)
_SITES = sa.table("sites", sa.column("id", sa.Integer()), sa.column("name", sa.String()))


def upgrade() -> None:
    from storage.audit import append_entries
    from storage.record import normalise

    connection = op.get_bind()
    rows = connection.execute(
        sa.select(
            _INSPECTIONS.c.id,
            _INSPECTIONS.c.company_snapshot,
            _COMPANIES.c.name,
            _COMPANIES.c.credit_code,
            _COMPANIES.c.address,
            _COMPANIES.c.district,
            _COMPANIES.c.company_type,
            _COMPANIES.c.headcount,
            _SITES.c.name.label("site_name"),
        )
        .select_from(_INSPECTIONS)
        .join(_COMPANIES, _COMPANIES.c.id == _INSPECTIONS.c.company_id)
        .outerjoin(_SITES, _SITES.c.id == _INSPECTIONS.c.site_id)
        .where(_INSPECTIONS.c.status != "draft")
        .order_by(_INSPECTIONS.c.id)
    ).all()
    audited = []
    for row in rows:
        if row.company_snapshot is not None:  # completed since 0015: it has its own copy already
            continue
        # The same dictionary storage.record.company_part builds from the live rows, normalised as complete()
        # keeps it (an absent site is None, as it is in the record).
        copy = normalise(
            {
                "company": {
                    "name": row.name,
                    "credit_code": row.credit_code,
                    "address": row.address,
                    "district": row.district,
                    "type": row.company_type,
                    "headcount": row.headcount,
                },
                "site": row.site_name,
            }
        )
        connection.execute(_INSPECTIONS.update().where(_INSPECTIONS.c.id == row.id).values(company_snapshot=copy))
        audited.append(
            {
                "actor": "schema 0018",
                "action": "update",
                "table_name": "inspections",
                "row_id": row.id,
                "inspection_id": row.id,
                "old": {"company_snapshot": None},
                "new": {"company_snapshot": copy},
                "reason": "记录保存完成时的企业和场所信息（迁移，取迁移时的企业信息）",
            }
        )
    if audited:  # the audit trail says where the copies came from
        append_entries(connection, audited)


def downgrade() -> None:
    """The copies stay: the records completed before 0015 read them like any other (nothing to undo)."""
