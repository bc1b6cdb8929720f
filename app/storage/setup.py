"""First start: the default district exists, and an empty database gets one admin key."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError

from app.storage import keys
from app.storage.database import Database
from app.storage.districts import ensure_district
from checks.policy import Policy

SETUP_KEY_NAME = "setup-admin"


def prepare(database: Database, district_id: str, initial_policy: Policy) -> str | None:
    """Migrate, make sure `district_id` exists, and when no key exists yet create an admin key
    and return its token (to be shown once); otherwise return None."""
    database.migrate()
    try:
        with database.session() as session:
            ensure_district(session, district_id, initial_policy)
    except IntegrityError:
        pass  # another process sharing the database created it first
    with database.session() as session:
        if keys.key_count(session):
            return None
        _, token = keys.create_key(session, district_id, "admin", SETUP_KEY_NAME)
        return token
