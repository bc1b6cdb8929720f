"""Policies over HTTP, on SQLite and PostgreSQL: every save is a new version, a stale base gets
409, invalid documents 422 naming the field, diffs and rollbacks, the audit log, a saved policy
takes effect on the next check, and feedback is counted only where the district allows it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.app.console_app import SAMPLE, SAMPLE_JSONL, bearer, console_client
from tests.app.storage_backends import database_url

SHOUTY_BUT_BELOW_DEFAULT = "I AM SO DONE with this class today"


@pytest.fixture(params=["sqlite", "postgresql"])
def served(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[TestClient, dict]]:
    with database_url(request.param, tmp_path) as url, console_client(url) as (client, token):
        yield client, bearer(token)


def current(client: TestClient, auth: dict) -> dict[str, Any]:
    return client.get("/v1/policy", headers=auth).json()


def with_threshold(document: dict[str, Any], code: str, value: float) -> dict[str, Any]:
    rules = {**document.get("rules", {}), code: {"threshold": value}}
    return {**document, "rules": rules}


def test_a_saved_policy_is_a_new_version_and_applies_to_the_next_check(
    served: tuple[TestClient, dict],
) -> None:
    client, auth = served
    before = client.post("/v1/check", json={"text": SHOUTY_BUT_BELOW_DEFAULT}, headers=auth)
    assert before.json()["verdict"] == "clean"
    policy = current(client, auth)
    assert policy["version"] == "v1"

    saved = client.put(
        "/v1/policy",
        json={
            "policy": with_threshold(policy["policy"], "TONE990", 0.4),
            "base_version": "v1",
            "note": "catch half-capital posts",
        },
        headers=auth,
    )
    assert saved.status_code == 200
    assert saved.json()["version"] == "v2"
    assert saved.json()["author"] == "comms-lead"

    after = client.post("/v1/check", json={"text": SHOUTY_BUT_BELOW_DEFAULT}, headers=auth).json()
    assert after["policy_version"] == "v2"
    assert [f["code"] for f in after["findings"]] == ["TONE990"]
    assert after["findings"][0]["threshold"] == 0.4


def test_a_save_on_a_stale_base_version_gets_409(served: tuple[TestClient, dict]) -> None:
    client, auth = served
    document = current(client, auth)["policy"]
    first = {"policy": with_threshold(document, "TONE990", 0.5), "base_version": "v1"}
    second = {"policy": with_threshold(document, "TONE990", 0.9), "base_version": "v1"}
    assert client.put("/v1/policy", json=first, headers=auth).status_code == 200
    refused = client.put("/v1/policy", json=second, headers=auth)
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "stale_version"
    assert "v2" in refused.json()["error"]["message"]
    assert current(client, auth)["policy"]["rules"]["TONE990"] == {"threshold": 0.5}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"rules": {"TONE990": {"threshold": 1.5}}}, "rules.TONE990.threshold"),
        ({"rules": {"TONE990": {"level": "loud"}}}, "rules.TONE990.level"),
        ({"allow_list": "Lincoln Lions"}, "allow_list"),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_an_invalid_policy_gets_422_naming_the_field(
    served: tuple[TestClient, dict], change: dict[str, Any], field: str
) -> None:
    client, auth = served
    document = {**current(client, auth)["policy"], **change}
    response = client.put("/v1/policy", json={"policy": document, "base_version": 1}, headers=auth)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_policy"
    assert field in response.json()["error"]["message"]


def test_versions_diff_rollback_and_the_audit_log(served: tuple[TestClient, dict]) -> None:
    client, auth = served
    document = current(client, auth)["policy"]
    edit = {**with_threshold(document, "TONE990", 0.4), "allow_list": ["Lincoln Lions"]}
    client.put("/v1/policy", json={"policy": edit, "base_version": "v1"}, headers=auth)

    versions = client.get("/v1/policy/versions", headers=auth).json()
    assert versions["current"] == "v2"
    assert [v["version"] for v in versions["versions"]] == ["v2", "v1"]

    diff = client.get("/v1/policy/diff", params={"from": "v1", "to": "v2"}, headers=auth).json()
    assert diff["changes"] == [
        {"field": "allow_list", "old": [], "new": ["Lincoln Lions"]},
        {"field": "rules.TONE990.threshold", "old": None, "new": 0.4},
    ]

    rolled = client.post(
        "/v1/policy/rollback", json={"to_version": "v1", "base_version": "v2"}, headers=auth
    )
    assert rolled.json()["version"] == "v3"
    assert rolled.json()["policy"] == document
    assert rolled.json()["note"] == "rollback to v1"

    audit = client.get("/v1/admin/audit", headers=auth).json()["entries"]
    newest = {(e["action"], e["field"], e["policy_version"]) for e in audit}
    assert ("rollback", "rules.TONE990.threshold", "v3") in newest
    assert ("policy", "allow_list", "v2") in newest
    assert {e["who"] for e in audit} == {"comms-lead"}


def test_diff_of_an_unknown_version_is_404(served: tuple[TestClient, dict]) -> None:
    client, auth = served
    response = client.get("/v1/policy/diff", params={"from": "v1", "to": "v9"}, headers=auth)
    assert response.status_code == 404


def test_feedback_is_counted_only_when_the_district_allows_it(
    served: tuple[TestClient, dict],
) -> None:
    client, auth = served
    events = {
        "events": [
            {"code": "TONE990", "outcome": "reported_wrong", "policy_version": "v1"},
            {"code": "TONE990", "outcome": "edited", "policy_version": "v1"},
        ]
    }
    off = client.post("/v1/feedback", json=events, headers=auth)
    assert (off.status_code, off.json()) == (202, {"accepted": 0})

    client.put("/v1/admin/settings", json={"collect_outcome_counts": True}, headers=auth)
    on = client.post("/v1/feedback", json=events, headers=auth)
    assert (on.status_code, on.json()) == (202, {"accepted": 2})

    counts = client.get("/v1/admin/overview", headers=auth).json()["outcome_counts"]
    assert counts["TONE990"] == {
        "edited": 1,
        "applied_fix": 0,
        "posted_anyway": 0,
        "reported_wrong": 1,
    }


def test_feedback_refuses_text_and_unknown_outcomes(served: tuple[TestClient, dict]) -> None:
    client, auth = served
    with_text = {
        "events": [
            {"code": "TONE990", "outcome": "edited", "policy_version": "v1", "text": "a draft"}
        ]
    }
    assert client.post("/v1/feedback", json=with_text, headers=auth).status_code == 422
    odd = {"events": [{"code": "TONE990", "outcome": "liked", "policy_version": "v1"}]}
    assert client.post("/v1/feedback", json=odd, headers=auth).status_code == 422


def test_preview_shows_what_a_lower_threshold_would_catch(
    served: tuple[TestClient, dict],
) -> None:
    client, auth = served
    proposed = with_threshold(current(client, auth)["policy"], "TONE990", 0.4)
    result = client.post(
        "/v1/policy/preview", json={"policy": proposed, "sample": SAMPLE_JSONL}, headers=auth
    ).json()
    assert result["examples"] == len(SAMPLE)
    assert result["current"]["checks"]["tone"]["recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert result["proposed"]["checks"]["tone"]["recall"] == 1.0
    assert result["proposed"]["checks"]["tone"]["precision"] == 1.0
    assert [(f["id"], f["effect"]) for f in result["flips"]] == [("s3", "better")]
    curve = result["curves"]["TONE990"]
    assert curve["threshold"] == 0.4
    assert curve["chosen"] == {"precision": 1.0, "recall": 1.0}
    at_zero = next(p for p in curve["points"] if p["threshold"] == 0.0)
    assert at_zero["recall"] == 1.0 and at_zero["precision"] == 0.5


def test_preview_reads_csv_samples(served: tuple[TestClient, dict]) -> None:
    client, auth = served
    csv_sample = "id,text,expect\nc1,NO PHONES IN CLASS. I MEAN IT.,tone\nc2,Go Lions!,\n"
    policy = current(client, auth)["policy"]
    result = client.post(
        "/v1/policy/preview", json={"policy": policy, "sample": csv_sample}, headers=auth
    ).json()
    assert result["current"]["checks"]["tone"] == result["proposed"]["checks"]["tone"]
    assert result["proposed"]["checks"]["tone"]["recall"] == 1.0
    assert result["flips"] == []


def test_a_malformed_sample_gets_422_without_echoing_it(served: tuple[TestClient, dict]) -> None:
    client, auth = served
    policy = current(client, auth)["policy"]
    sample = '{"text": "Maya Okonkwo failed her test", "expect": ["gossip"]}'
    response = client.post(
        "/v1/policy/preview", json={"policy": policy, "sample": sample}, headers=auth
    )
    assert response.status_code == 422
    assert "Okonkwo" not in response.text
    assert "sample:1" in response.json()["error"]["message"]


def test_a_roster_upload_is_hashed_on_arrival(served: tuple[TestClient, dict]) -> None:
    client, auth = served
    roster = "first_name,last_name\nMaya,Okonkwo\nLiam,Brennan\n"
    uploaded = client.post(
        "/v1/admin/roster", files={"file": ("roster.csv", roster, "text/csv")}, headers=auth
    )
    assert uploaded.json() == {"names_hashed": 2}
    overview = client.get("/v1/admin/overview", headers=auth).json()
    assert overview["roster"] == {"full_name_digests": 2}
    assert "Okonkwo" not in str(overview)
    policy = client.app.state.policies.get("default")  # type: ignore[attr-defined]
    assert policy.roster is not None and policy.roster.has_full_name("maya okonkwo")
