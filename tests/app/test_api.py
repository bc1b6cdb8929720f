"""The HTTP API: a report for a good draft, and a clear 4xx with `{"error": {"code", "message"}}`
for every bad input, never a 500, and never the draft's text echoed back."""

from __future__ import annotations

import json

import pytest

from checks.policy import parse_policy
from tests.checks.test_rulepack import CUSTOM

DRAFT = "Our robotics team killed it today!! 1st place at regionals 🤖🏆 #STEM"


def assert_error(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message"}
    assert body["error"]["message"]
    if code is not None:
        assert body["error"]["code"] == code
    return body["error"]


def test_a_draft_gets_a_report_with_verdict_findings_engines_and_policy(client):
    response = client.post("/v1/check", json={"text": DRAFT, "context": {"platform": "x"}})
    assert response.status_code == 200
    report = response.json()
    assert report["verdict"] in {"clean", "review", "rethink"}
    assert isinstance(report["findings"], list)
    assert set(report["engines"]) >= {"tone"}
    assert report["policy_version"]
    assert report["timing_ms"] >= 0


def test_a_flagged_draft_reports_each_finding_in_full(client):
    text = "This damn copier jammed for the fifth time today."
    report = client.post("/v1/check", json={"text": text}).json()
    assert report["verdict"] in {"review", "rethink"}
    finding = next(f for f in report["findings"] if f["level"] != "suggestion")
    assert set(finding) == {
        "check",
        "code",
        "level",
        "score",
        "threshold",
        "message",
        "why",
        "fix",
        "span",
        "span_utf16",
    }
    assert finding["score"] >= finding["threshold"]
    assert 0 <= finding["span"]["start"] < finding["span"]["end"] <= len(text)


def test_a_batch_answers_every_item_in_order_by_id(client):
    items = [
        {"id": "post-3", "text": DRAFT},
        {"id": "post-1", "text": "Check the district website for the official announcement."},
        {"id": "post-2", "text": "This test was a beast, but my kids were ready!"},
    ]
    response = client.post("/v1/check/batch", json={"items": items})
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["id"] for r in results] == ["post-3", "post-1", "post-2"]
    assert all("verdict" in r and "error" not in r for r in results)


def test_a_bad_item_in_a_batch_gets_its_own_error_and_the_rest_are_checked(client):
    items = [
        {"id": "a", "text": "   "},
        {"id": "b", "text": DRAFT},
        {"id": "c", "text": "x" * 5001},
    ]
    results = client.post("/v1/check/batch", json={"items": items}).json()["results"]
    assert results[0]["error"]["code"] == "empty_text"
    assert "verdict" in results[1]
    assert results[2]["error"]["code"] == "text_too_long"


def test_the_rules_are_listed_with_their_documentation(client):
    rules = client.get("/v1/rules").json()["rules"]
    assert rules
    for rule in rules:
        assert rule["check"] in {
            "student_privacy",
            "tone",
            "parent_test",
            "district_voice",
            "student_contact",
        }
        assert rule["level"] in {"suggestion", "warning", "error"}
        assert all(rule["docs"][k] for k in ("what", "why", "example", "tune"))


def test_health_and_readiness_name_the_engines(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz").json()
    assert ready["status"] == "ready"
    assert "tone" in ready["engines"]


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"text": ""}, 422, "empty_text"),
        ({"text": "  \n\t  "}, 422, "empty_text"),
        ({"text": "a" * 5001}, 422, "text_too_long"),
        ({"text": 42}, 422, "invalid_request"),
        ({"text": ["So proud of", "Mia"]}, 422, "invalid_request"),
        ({"text": None}, 422, "invalid_request"),
        ({}, 422, "invalid_request"),
        ({"text": DRAFT, "context": "personal"}, 422, "invalid_request"),
        ({"text": DRAFT, "context": {"account": "school"}}, 422, "invalid_request"),
        ({"text": DRAFT, "context": {"author_role": "principal"}}, 422, "invalid_request"),
        ({"text": DRAFT, "context": {"mood": "tired"}}, 422, "invalid_request"),
        ({"text": DRAFT, "context": {"platform": 7}}, 422, "invalid_request"),
        ({"text": DRAFT, "colour": "blue"}, 422, "invalid_request"),
        ([DRAFT], 422, "invalid_request"),
    ],
)
def test_a_bad_check_request_gets_a_clear_4xx(client, body, status, code):
    assert_error(client.post("/v1/check", json=body), status, code)


def test_a_draft_of_exactly_5000_characters_is_accepted(client):
    assert client.post("/v1/check", json={"text": "a " * 2500}).status_code == 200


@pytest.mark.parametrize(
    "raw",
    [b'{"text": "So proud of Mia"', b"text=hello", b"", b'{"text": "unterminated}'],
)
def test_malformed_json_gets_a_4xx(client, raw):
    response = client.post("/v1/check", content=raw, headers={"Content-Type": "application/json"})
    assert response.status_code in {400, 422}
    assert_error(response, response.status_code)


def test_a_body_that_is_not_utf8_gets_a_4xx(client):
    raw = '{"text": "Félicitations à Mia"}'.encode("latin-1")
    response = client.post("/v1/check", content=raw, headers={"Content-Type": "application/json"})
    assert response.status_code in {400, 422}
    assert_error(response, response.status_code)


def test_a_body_over_the_size_limit_gets_413(client):
    body = json.dumps({"text": "a" * 1_100_000})
    response = client.post("/v1/check", content=body, headers={"Content-Type": "application/json"})
    assert_error(response, 413, "body_too_large")


def batch(n: int, text: str = DRAFT) -> dict:
    return {"items": [{"id": f"post-{i}", "text": text} for i in range(n)]}


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (batch(101), "too_many_items"),
        (
            {"items": [{"id": "a", "text": DRAFT}, {"id": "a", "text": "Go Eagles!"}]},
            "duplicate_id",
        ),
        ({"items": "all of them"}, "invalid_request"),
        ({"items": [{"text": DRAFT}]}, "invalid_request"),
        ({"items": [{"id": 7, "text": DRAFT}]}, "invalid_request"),
        ({"items": [{"id": "", "text": DRAFT}]}, "invalid_request"),
        (
            {"items": [{"id": "a", "text": DRAFT, "context": {"account": "school"}}]},
            "invalid_request",
        ),
        ({"items": [{"id": "a", "text": 3.14}]}, "invalid_request"),
        ({}, "invalid_request"),
    ],
)
def test_a_bad_batch_gets_a_clear_4xx(client, body, code):
    assert_error(client.post("/v1/check/batch", json=body), 422, code)


def test_a_batch_of_exactly_100_items_is_accepted(client):
    response = client.post("/v1/check/batch", json=batch(100, "Go Eagles!"))
    assert response.status_code == 200
    assert len(response.json()["results"]) == 100


def test_an_error_never_echoes_the_draft(client):
    secret = "Devon Harris was suspended for fighting"
    for body in (
        {"text": secret, "context": {"account": "school"}},
        {"text": secret, "mood": 1},
        {"items": [{"id": "a", "text": secret}, {"id": "a", "text": secret}]},
    ):
        path = "/v1/check/batch" if "items" in body else "/v1/check"
        response = client.post(path, json=body)
        assert response.status_code == 422
        assert "Devon" not in response.text


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [("get", "/v1/check", 405), ("get", "/v1/nothing-here", 404), ("put", "/v1/rules", 405)],
)
def test_unknown_routes_and_methods_use_the_error_shape(client, method, path, status):
    assert_error(getattr(client, method)(path), status)


def test_the_rules_include_the_districts_own_and_what_its_policy_makes_of_them(client):
    document = parse_policy(CUSTOM + '\n[rules.TONE003]\nlevel = "error"\n').to_dict()
    base = client.get("/v1/policy").json()["version"]
    saved = client.put("/v1/policy", json={"policy": document, "base_version": base})
    assert saved.status_code == 200

    rules = {r["code"]: r for r in client.get("/v1/rules").json()["rules"]}
    restored = client.post(
        "/v1/policy/rollback", json={"to_version": base, "base_version": saved.json()["version"]}
    )
    assert restored.status_code == 200
    assert rules["PARENT090"]["source"] == "district"
    assert rules["PARENT090"]["docs"]["what"] == "Mockery of a rival school's students."
    assert rules["TONE003"]["source"] == "shipped"
    assert rules["TONE003"]["effective"]["level"] == "error"
