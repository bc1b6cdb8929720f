"""A district's policy: read it, save a new version (admin), list and diff versions, roll back,
and preview what a proposed policy would do on a labelled sample."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict, Field, StrictStr
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from app.auth import Admin, Principal, Reader
from app.errors import ApiError
from app.preview import SampleError, parse_sample, preview
from app.routes.check import ERRORS, _service
from app.storage import audit, policies
from app.storage.database import Database
from checks.policy import Policy, PolicyError, policy_from_dict

router = APIRouter(prefix="/v1/policy", tags=["policy"], responses=ERRORS)

Version = StrictStr | int


class PolicySave(BaseModel):
    model_config = ConfigDict(extra="forbid")

    policy: dict[str, Any] = Field(description="The whole policy document, as JSON.")
    base_version: Version = Field(description="The version the edit started from, e.g. `v3`.")
    note: StrictStr = Field(default="", max_length=256)


class Rollback(BaseModel):
    model_config = ConfigDict(extra="forbid")

    to_version: Version
    base_version: Version


class PreviewRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    policy: dict[str, Any] = Field(description="The proposed policy document.")
    sample: StrictStr = Field(
        max_length=2_000_000,
        description="Labelled drafts as JSONL (`text`, `expect`) or CSV (`text`, `expect`). "
        "Used for this answer only: never stored, never logged.",
    )
    format: str = Field(default="auto", pattern="^(auto|jsonl|csv)$")


def validated(document: dict[str, Any]) -> Policy:
    try:
        return policy_from_dict({k: v for k, v in document.items() if k != "version"})
    except PolicyError as exc:
        raise ApiError(422, "invalid_policy", str(exc)) from None


def version_number(label: Version) -> int:
    try:
        return policies.parse_version_label(label)
    except policies.UnknownVersion:
        raise ApiError(422, "invalid_version", f"`{label}` is not a version like `v3`.") from None


def _database(request: Request) -> Database:
    return request.app.state.database


def _stored_json(stored: policies.StoredPolicy) -> dict[str, Any]:
    return {**stored.summary(), "policy": stored.document}


@router.get("")
def get_policy(request: Request, principal: Reader) -> dict[str, Any]:
    """The district's current policy and its version."""
    with _database(request).session() as session:
        return _stored_json(policies.current_version(session, principal.district_id))


@router.put("")
def put_policy(body: PolicySave, request: Request, principal: Admin) -> dict[str, Any]:
    """Save the policy as a new version. 409 when `base_version` is no longer current, so two
    admins never overwrite each other; every changed field lands in the audit log."""
    policy = validated(body.policy)
    base = version_number(body.base_version)
    stored = _save(
        request,
        principal,
        lambda s: policies.save_policy(
            s, principal.district_id, policy, base, principal.name, body.note
        ),
    )
    return _stored_json(stored)


def _save(
    request: Request,
    principal: Principal,
    write: Callable[[Session], policies.StoredPolicy],
) -> policies.StoredPolicy:
    try:
        with _database(request).session() as session:
            stored = write(session)
    except policies.StaleVersion as exc:
        raise ApiError(
            409,
            "stale_version",
            f"The policy changed since you loaded it ({exc}); reload and apply your edit again.",
        ) from None
    except policies.UnknownVersion as exc:
        raise ApiError(404, "unknown_version", f"There is no policy version `{exc}`.") from None
    request.app.state.policies.forget(principal.district_id)
    return stored


@router.get("/versions")
def list_versions(request: Request, principal: Admin) -> dict[str, Any]:
    """Every saved version, newest first: who saved it, when, and why."""
    with _database(request).session() as session:
        current = policies.current_number(session, principal.district_id)
        versions = policies.list_versions(session, principal.district_id)
    return {
        "current": policies.version_label(current),
        "versions": [v.summary() for v in versions],
    }


@router.get("/diff")
def diff(
    request: Request,
    from_version: Annotated[StrictStr, Query(alias="from")],
    to_version: Annotated[StrictStr, Query(alias="to")],
    principal: Admin,
) -> dict[str, Any]:
    """Field-by-field changes between two versions."""
    start, end = version_number(from_version), version_number(to_version)
    try:
        with _database(request).session() as session:
            old = policies.get_version(session, principal.district_id, start)
            new = policies.get_version(session, principal.district_id, end)
    except policies.UnknownVersion as exc:
        raise ApiError(404, "unknown_version", f"There is no policy version `{exc}`.") from None
    return {
        "from": old.label,
        "to": new.label,
        "changes": [
            {"field": c.field, "old": c.old, "new": c.new}
            for c in audit.field_changes(old.document, new.document)
        ],
    }


@router.post("/rollback")
def rollback(body: Rollback, request: Request, principal: Admin) -> dict[str, Any]:
    """A new version equal to an older one; history is never rewritten."""
    to, base = version_number(body.to_version), version_number(body.base_version)
    stored = _save(
        request,
        principal,
        lambda s: policies.rollback(s, principal.district_id, to, base, principal.name),
    )
    return _stored_json(stored)


@router.post("/preview")
async def preview_policy(
    body: PreviewRequest, request: Request, principal: Admin
) -> dict[str, Any]:
    """What would this change do? Per check precision, recall and false alarms under the current
    and the proposed policy, the drafts whose result flips, and a precision-recall curve per
    rule. The sample is used for this answer only: never stored, never logged."""
    proposed = validated(body.policy)
    try:
        examples = parse_sample(body.sample, body.format)
    except SampleError as exc:
        raise ApiError(422, "invalid_sample", str(exc)) from None
    current = request.app.state.policies.get(principal.district_id)
    service = _service(request)
    return await run_in_threadpool(preview, service, current, proposed, examples)
