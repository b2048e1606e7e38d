"""Fixtures shared by the ledger's tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from storage.db import Database, open_database
from tests.ledger.helpers import accounts


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """A database with the three accounts (``boss``, ``officer``, ``auditor``), on SQLite and on PostgreSQL.

    A test file whose tests want other rows defines its own ``db``, which takes the place of this one."""
    database = open_database(db_url)
    accounts(database)
    yield database
    database.close()
