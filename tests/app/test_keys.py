"""Keys and roles: every /v1 route needs a key; wrong or revoked keys get 401, the wrong role or
district 403, too many requests 429 with Retry-After; health stays open."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.auth import RateLimiter
from app.cli import main
from app.main import create_app
from app.settings import Settings
from app.storage import keys
from app.storage.districts import ensure_district
from checks.policy import load_policy
from tests.app.console_app import bearer, console_client, scripted_service

DRAFT = {"text": "Great job at the science fair today, everyone!"}
BATCH = {"items": [{"id": "a", **DRAFT}]}


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[TestClient, str]]:
    with console_client(f"sqlite:///{tmp_path / 'keys.db'}") as pair:
        yield pair


def new_key(client: TestClient, role: keys.Role, district: str = "default") -> str:
    with client.app.state.database.session() as session:  # type: ignore[attr-defined]
        ensure_district(session, district, load_policy())
        _, token = keys.create_key(session, district, role)
    return token


def test_health_needs_no_key(served: tuple[TestClient, str]) -> None:
    client, _ = served
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/v1/check", DRAFT),
        ("POST", "/v1/check/batch", BATCH),
        ("GET", "/v1/rules", None),
        ("GET", "/v1/policy", None),
        ("POST", "/v1/feedback", {"events": []}),
        ("GET", "/v1/admin/overview", None),
    ],
)
def test_every_v1_route_needs_a_key(
    served: tuple[TestClient, str], method: str, path: str, body: dict | None
) -> None:
    client, _ = served
    response = client.request(method, path, json=body)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "missing_key"
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_a_wrong_key_gets_401(served: tuple[TestClient, str]) -> None:
    client, token = served
    response = client.post("/v1/check", json=DRAFT, headers=bearer(token[:-2] + "xx"))
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_key"


def test_a_revoked_key_gets_401(served: tuple[TestClient, str]) -> None:
    client, _ = served
    token = new_key(client, "teacher")
    assert client.post("/v1/check", json=DRAFT, headers=bearer(token)).status_code == 200
    with client.app.state.database.session() as session:  # type: ignore[attr-defined]
        key = keys.find_active(session, token)
        assert key is not None
        keys.revoke(session, key.id)
    assert client.post("/v1/check", json=DRAFT, headers=bearer(token)).status_code == 401


def test_a_teacher_checks_drafts_but_cannot_batch_or_edit_policy(
    served: tuple[TestClient, str],
) -> None:
    client, _ = served
    teacher = bearer(new_key(client, "teacher"))
    assert client.post("/v1/check", json=DRAFT, headers=teacher).status_code == 200
    batch = client.post("/v1/check/batch", json=BATCH, headers=teacher)
    assert batch.status_code == 403
    assert batch.json()["error"]["code"] == "forbidden_role"
    assert client.get("/v1/policy/versions", headers=teacher).status_code == 403
    assert client.get("/v1/admin/overview", headers=teacher).status_code == 403


def test_a_cms_checks_single_drafts_and_batches_but_cannot_edit_policy(
    served: tuple[TestClient, str],
) -> None:
    client, _ = served
    cms = bearer(new_key(client, "cms"))
    assert client.post("/v1/check", json=DRAFT, headers=cms).status_code == 200
    assert client.post("/v1/check/batch", json=BATCH, headers=cms).status_code == 200
    edit = {"policy": {"select": ["PRIV"]}, "base_version": "v1"}
    assert client.put("/v1/policy", json=edit, headers=cms).status_code == 403


def test_a_key_from_another_district_gets_403_when_naming_this_one(
    served: tuple[TestClient, str],
) -> None:
    client, _ = served
    other = bearer(new_key(client, "admin", district="riverside"))
    response = client.get("/v1/policy", params={"district": "default"}, headers=other)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden_district"
    own = client.get("/v1/policy", params={"district": "riverside"}, headers=other)
    assert own.status_code == 200


def test_too_many_requests_get_429_with_retry_after(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'rate.db'}"
    with console_client(url, rate_limit_per_minute=6, rate_limit_burst=2) as (client, token):
        statuses = [client.get("/v1/rules", headers=bearer(token)).status_code for _ in range(3)]
        limited = client.get("/v1/rules", headers=bearer(token))
    assert statuses == [200, 200, 429]
    assert limited.status_code == 429
    assert limited.headers["Retry-After"] == "10"
    assert limited.json()["error"]["code"] == "rate_limited"


def test_the_bucket_refills_with_time() -> None:
    now = [0.0]
    limiter = RateLimiter(per_minute=60, burst=1, clock=lambda: now[0])
    assert limiter.take(1) == 0
    assert limiter.take(1) == pytest.approx(1.0)
    assert limiter.take(2) == 0
    now[0] = 1.0
    assert limiter.take(1) == 0


def test_first_start_on_an_empty_database_prints_one_admin_key_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'fresh.db'}")
    with TestClient(create_app(settings, service=scripted_service())) as client:
        printed = capsys.readouterr().out
        token = next(w for w in printed.split() if w.startswith(keys.TOKEN_PREFIX))
        assert "store it now" in printed
        overview = client.get("/v1/admin/overview", headers=bearer(token))
        assert overview.json()["key"] == {"name": "setup-admin", "role": "admin"}
    with TestClient(create_app(settings, service=scripted_service())):
        assert keys.TOKEN_PREFIX not in capsys.readouterr().out


def test_the_keys_command_creates_lists_and_revokes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = ["--database-url", f"sqlite:///{tmp_path / 'cli.db'}"]
    assert (
        main(["keys", *url, "create", "--role", "cms", "--district", "lincoln", "--name", "cms"])
        == 0
    )
    created = capsys.readouterr().out
    token = next(w for w in created.split() if w.startswith(keys.TOKEN_PREFIX))
    assert "store it now" in created

    assert main(["keys", *url, "list", "--json"]) == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(k["name"], k["role"], k["district"]) for k in listed] == [("cms", "cms", "lincoln")]
    assert token not in str(listed) and token.startswith(listed[0]["prefix"])

    assert main(["keys", *url, "revoke", str(listed[0]["id"])]) == 0
    assert main(["keys", *url, "list"]) == 0
    assert "revoked" in capsys.readouterr().out
    assert main(["keys", *url, "revoke", "99"]) == 2
