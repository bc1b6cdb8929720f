"""What teachers did with findings, as counts only: rule code, outcome, policy version; no text.

Counted only when the district turned `collect_outcome_counts` on. When it is off the service
still answers 202 with `accepted: 0`, so the extension never has to know the district's choice
and never retries.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from app.auth import Checker
from app.routes.check import ERRORS
from app.storage import outcomes
from app.storage.districts import get_district

router = APIRouter(prefix="/v1", tags=["feedback"], responses=ERRORS)


class OutcomeEvent(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(pattern=r"^(PRIV|TONE|PARENT|VOICE|CONTACT)\d{3}$")
    outcome: outcomes.Outcome
    policy_version: str = Field(min_length=1, max_length=64)


class FeedbackRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    events: list[OutcomeEvent] = Field(max_length=500)


@router.post("/feedback", status_code=202)
def feedback(body: FeedbackRequest, request: Request, principal: Checker) -> Any:
    """Add outcome events to the district's aggregate counts."""
    with request.app.state.database.session() as session:
        if not get_district(session, principal.district_id).collect_outcome_counts:
            return JSONResponse({"accepted": 0}, status_code=202)
        accepted = outcomes.add_outcomes(
            session,
            principal.district_id,
            [(e.code, e.outcome, e.policy_version) for e in body.events],
        )
    return {"accepted": accepted}
