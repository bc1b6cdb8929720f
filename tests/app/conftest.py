"""The API client over the session's already-loaded service: one place to add auth headers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.service import Service
from app.settings import Settings


@pytest.fixture(scope="session")
def client(service: Service) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(), service=service)) as test_client:
        yield test_client
