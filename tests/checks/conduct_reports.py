"""What one conduct check reports on a draft: the helpers the parent_test, district_voice and
student_contact test modules share (each binds its own check's name)."""

from __future__ import annotations

from checks.pipeline import Pipeline
from checks.policy import Policy
from checks.types import Context, Draft, ReportedFinding


def check_findings(
    check: str, pipeline: Pipeline, policy: Policy, text: str, context: Context | None = None
) -> list[ReportedFinding]:
    """The check's findings on `text`, after the policy."""
    report = pipeline.run(Draft(text, context or Context()), policy)
    return [f for f in report.findings if f.finding.check == check]


def flagged_spans(
    check: str, pipeline: Pipeline, policy: Policy, text: str, account: str = "personal"
) -> dict[str, str]:
    """The check's codes at warning or above, each with the text of its span."""
    found = check_findings(check, pipeline, policy, text, Context(account=account))  # type: ignore[arg-type]
    return {
        f.finding.code: text[f.finding.start : f.finding.end]
        for f in found
        if f.level != "suggestion"
    }
