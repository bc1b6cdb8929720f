"""The API client over the session's already-loaded service: one place to add auth headers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.service import Service
from app.settings import Settings
from app.storage import keys

TESTS_PER_MINUTE = 100_000
"""The whole session shares one key; rate limiting has its own tests (test_keys.py)."""


@pytest.fixture(scope="session")
def client(service: Service, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """Sends an admin key of the default district with every request (a throwaway SQLite file)."""
    database = tmp_path_factory.mktemp("api") / "secondlook.db"
    settings = Settings(
        database_url=f"sqlite:///{database}",
        rate_limit_per_minute=TESTS_PER_MINUTE,
        rate_limit_burst=TESTS_PER_MINUTE,
    )
    app = create_app(settings, service=service)
    with TestClient(app) as test_client:
        with app.state.database.session() as session:
            _, token = keys.create_key(session, "default", "admin", "api-tests")
        test_client.headers["Authorization"] = f"Bearer {token}"
        yield test_client
