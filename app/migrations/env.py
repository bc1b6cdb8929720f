"""Alembic environment: migrations run on the connection the service hands over, or on the URL in
SECONDLOOK_DATABASE_URL when run from the `alembic` command line."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from app.settings import Settings
from app.storage.database import normalise_url
from app.storage.tables import Base

config = context.config
target_metadata = Base.metadata


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(normalise_url(Settings().database_url))
    with engine.begin() as own_connection:
        context.configure(connection=own_connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()


run_migrations()
