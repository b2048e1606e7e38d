"""Alembic environment: runs on the engine handed in by :func:`storage.db.migrate`."""

from __future__ import annotations

from alembic import context

from storage import (
    dormitory_models,  # noqa: F401  (the site registers' tables)
    ledger_models,  # noqa: F401  (the ledger's tables in Base.metadata)
)
from storage.models import Base

config = context.config
engine = config.attributes["engine"]

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        transaction_per_migration=True,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    context.run_migrations()
    connection.commit()
