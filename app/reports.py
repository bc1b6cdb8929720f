"""A Report as JSON: the one shape the API, the CLI and the batch job all return."""

from __future__ import annotations

from typing import Any

from app.spans import utf16_offsets
from checks.types import Report, ReportedFinding


def report_to_json(text: str, report: Report) -> dict[str, Any]:
    offsets = utf16_offsets(text)
    return {
        "verdict": report.verdict,
        "findings": [_finding_to_json(r, offsets) for r in report.findings],
        "engines": report.engines,
        "unavailable": report.unavailable,
        "policy_version": report.policy_version,
        "timing_ms": report.timing_ms,
    }


def _finding_to_json(reported: ReportedFinding, offsets: list[int]) -> dict[str, Any]:
    f = reported.finding
    return {
        "check": f.check,
        "code": f.code,
        "level": reported.level,
        "score": round(f.score, 4),
        "threshold": reported.threshold,
        "message": f.message,
        "why": f.why,
        "fix": None if f.fix is None else {"title": f.fix.title, "replacement": f.fix.replacement},
        "span": {"start": f.start, "end": f.end},
        "span_utf16": {"start": offsets[f.start], "end": offsets[f.end]},
    }
