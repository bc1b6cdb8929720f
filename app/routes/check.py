"""Checking drafts: one, or a batch of up to 100; and the rules with their documentation."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from app.auth import BatchCaller, Checker, Reader
from app.errors import ApiError
from app.reports import report_to_json
from app.schemas import BatchOut, BatchRequest, CheckRequest, ErrorOut, ReportOut
from app.service import Service
from checks.registry import all_rules
from checks.types import Draft

router = APIRouter(prefix="/v1", tags=["check"])

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut},
    401: {"model": ErrorOut},
    403: {"model": ErrorOut},
    429: {"model": ErrorOut},
    413: {"model": ErrorOut},
    422: {"model": ErrorOut},
    503: {"model": ErrorOut},
}


def _service(request: Request) -> Service:
    service = getattr(request.app.state, "service", None)
    if service is None:
        raise ApiError(503, "not_ready", "The models are still loading; try again shortly.")
    return service


def text_problem(text: str, limit: int) -> tuple[str, str] | None:
    """Why a draft's text cannot be checked, as (code, message), or None."""
    if not text.strip():
        return "empty_text", "The draft is empty."
    if len(text) > limit:
        return "text_too_long", f"The draft has {len(text)} characters; the limit is {limit}."
    return None


@router.post("/check", response_model=ReportOut, responses=ERRORS)
def check(
    body: CheckRequest,
    request: Request,
    principal: Checker,
) -> dict[str, Any]:
    """Check one draft against the key's district policy. The text is analysed in memory and
    never stored or logged."""
    problem = text_problem(body.text, request.app.state.settings.max_text_chars)
    if problem:
        raise ApiError(422, *problem)
    service = _service(request)
    policy = request.app.state.policies.get(principal.district_id)
    report = service.check([Draft(body.text, body.context.to_context())], policy)[0]
    return report_to_json(body.text, report)


@router.post(
    "/check/batch", response_model=BatchOut, response_model_exclude_none=True, responses=ERRORS
)
def check_batch(
    body: BatchRequest,
    request: Request,
    principal: BatchCaller,
) -> dict[str, Any]:
    """Check up to 100 drafts in one pass. An item that cannot be checked gets its own error;
    the others are still checked."""
    settings = request.app.state.settings
    if len(body.items) > settings.max_batch_items:
        raise ApiError(
            422,
            "too_many_items",
            f"A batch holds at most {settings.max_batch_items} items; this one has {len(body.items)}.",
        )
    ids = [item.id for item in body.items]
    if len(set(ids)) != len(ids):
        raise ApiError(422, "duplicate_id", "Every item in a batch needs its own `id`.")
    service = _service(request)
    problems = {item.id: text_problem(item.text, settings.max_text_chars) for item in body.items}
    valid = [item for item in body.items if problems[item.id] is None]
    policy = request.app.state.policies.get(principal.district_id)
    reports = service.check([Draft(i.text, i.context.to_context()) for i in valid], policy)
    by_id = {
        item.id: report_to_json(item.text, report)
        for item, report in zip(valid, reports, strict=True)
    }
    results = []
    for item in body.items:
        problem = problems[item.id]
        if problem:
            results.append({"id": item.id, "error": {"code": problem[0], "message": problem[1]}})
        else:
            results.append({"id": item.id, **by_id[item.id]})
    return {"results": results}


@router.get("/rules")
def rules(request: Request, principal: Reader) -> dict[str, Any]:
    """Every rule, shipped and the district's own: code, check, default level and threshold, its
    documentation, and what the district's current policy makes of it (`effective`)."""
    policy = request.app.state.policies.get(principal.district_id)
    shipped = [(rule, "shipped") for rule in all_rules()]
    own = [(rule, "district") for rule in policy.custom_rule_docs().values()]
    return {
        "policy_version": policy.version,
        "rules": [
            {
                **rule.as_dict(),
                "source": source,
                "effective": {
                    "enabled": policy.is_selected(rule.code),
                    "level": policy.level(rule.code, rule.level),
                    "threshold": policy.threshold(rule.code, rule.threshold),
                },
            }
            for rule, source in shipped + own
        ],
    }
