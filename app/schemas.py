"""The HTTP API's request and response shapes (OpenAPI at /docs)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictStr

from checks.types import Context


class ContextIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    account: Literal["personal", "classroom", "district"] = "personal"
    author_role: Literal["teacher", "staff", "communications"] = "teacher"
    platform: StrictStr | None = Field(default=None, max_length=64)
    audience: StrictStr | None = Field(default=None, max_length=64)
    author_name: StrictStr | None = Field(
        default=None, max_length=128, description="The author's name, as spokespeople are listed."
    )

    def to_context(self) -> Context:
        return Context(**self.model_dump())


class CheckRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: StrictStr = Field(description="The draft, at most 5,000 characters. Never stored.")
    context: ContextIn = Field(default_factory=ContextIn)


class BatchItem(CheckRequest):
    id: StrictStr = Field(min_length=1, max_length=128)


class BatchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    items: list[BatchItem] = Field(description="At most 100 drafts.")


class Span(BaseModel):
    start: int
    end: int


class FixOut(BaseModel):
    title: str
    replacement: str


class FindingOut(BaseModel):
    check: str
    code: str
    level: Literal["suggestion", "warning", "error"]
    score: float
    threshold: float
    message: str
    why: str
    fix: FixOut | None
    span: Span = Field(description="Unicode code points, end exclusive.")
    span_utf16: Span = Field(description="UTF-16 code units, for JavaScript strings.")


class ReportOut(BaseModel):
    verdict: Literal["clean", "review", "rethink"]
    findings: list[FindingOut]
    engines: dict[str, str]
    unavailable: dict[str, str]
    policy_version: str
    timing_ms: float


class ErrorBody(BaseModel):
    code: str
    message: str


class ErrorOut(BaseModel):
    error: ErrorBody


class BatchResultOut(BaseModel):
    id: str
    verdict: Literal["clean", "review", "rethink"] | None = None
    findings: list[FindingOut] | None = None
    engines: dict[str, str] | None = None
    unavailable: dict[str, str] | None = None
    policy_version: str | None = None
    timing_ms: float | None = None
    error: ErrorBody | None = None


class BatchOut(BaseModel):
    results: list[BatchResultOut]
