"""the health ledger's per-day counts of readings, kept by the database in the transaction of each reading

``reading_day_counts`` holds, per day, how many morning and afternoon readings there are and how many people
have both (whatever their status: the services take out the few who left or were anonymised). Triggers on
``health_readings`` keep it in step with every insert, delete and change of a key, however it is written (the
services, an import, retention, SQL by hand), so the daily summary and the missing list count a day without
reading its 40,000 readings. The roster gets a covering index for its headcount, (status, anonymised_at), in
place of the one on status, and one on the return date (the summary's "returned today").

Revision ID: 0016
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0019"
branch_labels = None
depends_on = None

# SQLite: row triggers, run as each row is written, so each sees the other half-day as it is at that moment.
# A changed key counts as the old key removed, then the new key added (the row itself left out of the first).
# No "INSERT OR …" in the triggers: an outer statement's conflict clause would override it.
SQLITE_TRIGGERS = (
    """
    CREATE TRIGGER reading_counts_insert AFTER INSERT ON health_readings BEGIN
        INSERT INTO reading_day_counts (day, morning, afternoon, complete)
        SELECT NEW.day, 0, 0, 0 WHERE NOT EXISTS (SELECT 1 FROM reading_day_counts WHERE day = NEW.day);
        UPDATE reading_day_counts SET
            morning = morning + (NEW.half = 0),
            afternoon = afternoon + (NEW.half = 1),
            complete = complete + EXISTS (
                SELECT 1 FROM health_readings r
                WHERE r.day = NEW.day AND r.employee_id = NEW.employee_id AND r.half = 1 - NEW.half)
        WHERE day = NEW.day;
    END
    """,
    """
    CREATE TRIGGER reading_counts_delete AFTER DELETE ON health_readings BEGIN
        UPDATE reading_day_counts SET
            morning = morning - (OLD.half = 0),
            afternoon = afternoon - (OLD.half = 1),
            complete = complete - EXISTS (
                SELECT 1 FROM health_readings r
                WHERE r.day = OLD.day AND r.employee_id = OLD.employee_id AND r.half = 1 - OLD.half)
        WHERE day = OLD.day;
    END
    """,
    """
    CREATE TRIGGER reading_counts_update AFTER UPDATE OF day, employee_id, half ON health_readings
    WHEN OLD.day IS NOT NEW.day OR OLD.employee_id IS NOT NEW.employee_id OR OLD.half IS NOT NEW.half
    BEGIN
        UPDATE reading_day_counts SET
            morning = morning - (OLD.half = 0),
            afternoon = afternoon - (OLD.half = 1),
            complete = complete - EXISTS (
                SELECT 1 FROM health_readings r
                WHERE r.day = OLD.day AND r.employee_id = OLD.employee_id AND r.half = 1 - OLD.half
                AND NOT (r.day = NEW.day AND r.employee_id = NEW.employee_id AND r.half = NEW.half))
        WHERE day = OLD.day;
        INSERT INTO reading_day_counts (day, morning, afternoon, complete)
        SELECT NEW.day, 0, 0, 0 WHERE NOT EXISTS (SELECT 1 FROM reading_day_counts WHERE day = NEW.day);
        UPDATE reading_day_counts SET
            morning = morning + (NEW.half = 0),
            afternoon = afternoon + (NEW.half = 1),
            complete = complete + EXISTS (
                SELECT 1 FROM health_readings r
                WHERE r.day = NEW.day AND r.employee_id = NEW.employee_id AND r.half = 1 - NEW.half)
        WHERE day = NEW.day;
    END
    """,
)

# PostgreSQL: statement triggers over the rows a statement wrote (transition tables), one pass per statement
# (a bulk delete by retention is one grouped query, not a call per row). Each first updates the days' count
# rows, which locks them: a concurrent writer of the same day waits, and the next query (a new snapshot, READ
# COMMITTED) sees what it committed, so a person's two half-days entered in two concurrent transactions are
# counted once. An update is the old rows removed and the new rows added (a correction that changes no key
# nets zero).
_PG_REMOVED = """
    UPDATE reading_day_counts c SET morning = c.morning - d.m, afternoon = c.afternoon - d.a
    FROM (SELECT day, count(*) FILTER (WHERE half = 0) AS m, count(*) FILTER (WHERE half = 1) AS a
          FROM old_rows GROUP BY day) d
    WHERE c.day = d.day;
    UPDATE reading_day_counts c SET complete = c.complete - d.n
    FROM (SELECT o.day, count(*) AS n
          FROM (SELECT day, employee_id, count(*) AS k FROM old_rows GROUP BY day, employee_id) o
          WHERE o.k = 2 OR EXISTS (
              SELECT 1 FROM health_readings r WHERE r.day = o.day AND r.employee_id = o.employee_id {unchanged})
          GROUP BY o.day) d
    WHERE c.day = d.day;
"""
_PG_ADDED = """
    INSERT INTO reading_day_counts AS c (day, morning, afternoon, complete)
    SELECT day, count(*) FILTER (WHERE half = 0), count(*) FILTER (WHERE half = 1), 0
    FROM new_rows GROUP BY day ORDER BY day
    ON CONFLICT (day) DO UPDATE SET morning = c.morning + EXCLUDED.morning, afternoon = c.afternoon + EXCLUDED.afternoon;
    UPDATE reading_day_counts c SET complete = c.complete + d.n
    FROM (SELECT n.day, count(DISTINCT n.employee_id) AS n FROM new_rows n
          WHERE EXISTS (SELECT 1 FROM health_readings r
                        WHERE r.day = n.day AND r.employee_id = n.employee_id AND r.half = 1 - n.half)
          GROUP BY n.day) d
    WHERE c.day = d.day;
"""
# in an update, the rows of the other half-day as they were: those the statement did not write
_PG_UNCHANGED = "AND NOT EXISTS (SELECT 1 FROM new_rows w WHERE w.day = r.day AND w.employee_id = r.employee_id AND w.half = r.half)"
POSTGRESQL_TRIGGERS = (
    "CREATE FUNCTION reading_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    + _PG_ADDED
    + " RETURN NULL; END $$",
    "CREATE FUNCTION reading_counts_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    + _PG_REMOVED.format(unchanged="")
    + " RETURN NULL; END $$",
    "CREATE FUNCTION reading_counts_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    + _PG_REMOVED.format(unchanged=_PG_UNCHANGED)
    + _PG_ADDED
    + " RETURN NULL; END $$",
    "CREATE FUNCTION reading_counts_truncate() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "DELETE FROM reading_day_counts; RETURN NULL; END $$",
    "CREATE TRIGGER reading_counts_insert AFTER INSERT ON health_readings REFERENCING NEW TABLE AS new_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION reading_counts_insert()",
    "CREATE TRIGGER reading_counts_delete AFTER DELETE ON health_readings REFERENCING OLD TABLE AS old_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION reading_counts_delete()",
    "CREATE TRIGGER reading_counts_update AFTER UPDATE ON health_readings "
    "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION reading_counts_update()",
    "CREATE TRIGGER reading_counts_truncate AFTER TRUNCATE ON health_readings "
    "FOR EACH STATEMENT EXECUTE FUNCTION reading_counts_truncate()",
)

# what the triggers keep, counted from the readings themselves (the readings of a database being upgraded)
RECOUNT = """
    INSERT INTO reading_day_counts (day, morning, afternoon, complete)
    SELECT day, sum(m), sum(a), sum(CASE WHEN m + a = 2 THEN 1 ELSE 0 END)
    FROM (SELECT day, employee_id, sum(CASE WHEN half = 0 THEN 1 ELSE 0 END) AS m,
                 sum(CASE WHEN half = 1 THEN 1 ELSE 0 END) AS a
          FROM health_readings GROUP BY day, employee_id) p
    GROUP BY day
"""


def upgrade() -> None:
    op.create_table(
        "reading_day_counts",
        sa.Column("day", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("morning", sa.Integer(), nullable=False),
        sa.Column("afternoon", sa.Integer(), nullable=False),
        sa.Column("complete", sa.Integer(), nullable=False),
    )
    postgresql = op.get_bind().dialect.name == "postgresql"
    for statement in POSTGRESQL_TRIGGERS if postgresql else SQLITE_TRIGGERS:
        op.execute(statement)
    op.execute(RECOUNT)
    op.drop_index("ix_employees_status", table_name="employees")
    op.create_index("ix_employees_status_anonymised", "employees", ["status", "anonymised_at"])
    op.create_index("ix_employees_return_date", "employees", ["return_date"])


def downgrade() -> None:
    op.drop_index("ix_employees_return_date", table_name="employees")
    op.drop_index("ix_employees_status_anonymised", table_name="employees")
    op.create_index("ix_employees_status", "employees", ["status"])
    for name in ("insert", "delete", "update", "truncate"):
        if op.get_bind().dialect.name == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS reading_counts_{name} ON health_readings")
            op.execute(f"DROP FUNCTION IF EXISTS reading_counts_{name}()")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS reading_counts_{name}")
    op.drop_table("reading_day_counts")
