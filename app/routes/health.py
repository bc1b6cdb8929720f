"""Liveness and readiness: is the process up, are the models loaded, which engines run."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz")
def readyz(request: Request) -> Any:
    service = getattr(request.app.state, "service", None)
    if service is None:
        return JSONResponse({"status": "loading"}, status_code=503)
    return {
        "status": "ready",
        "engines": service.pipeline.engines,
        "unavailable": service.pipeline.unavailable,
        "model_errors": service.models.errors,
        "policy_version": service.policy.version,
        "load_seconds": round(service.models.load_seconds, 2),
    }
