"""The pipeline: one NLP pass, every enabled check over it, then the policy. The only place
thresholds, levels, allow-lists and exemptions are applied."""

from __future__ import annotations

import time
from collections.abc import Sequence

from spacy.language import Language

from checks.analysis import Analysis
from checks.check import Check
from checks.policy import Policy
from checks.rule import Rule
from checks.types import Draft, Finding, Report, ReportedFinding, level_rank, verdict_for


class Pipeline:
    """Runs checks over drafts. Build it once (models are heavy); call `run` or `run_batch` often."""

    def __init__(
        self, nlp: Language, checks: Sequence[Check], unavailable: dict[str, str] | None = None
    ) -> None:
        self.nlp = nlp
        self.checks = tuple(checks)
        self.unavailable = dict(unavailable or {})
        self.rules: dict[str, Rule] = {r.code: r for c in self.checks for r in c.rules()}

    @property
    def engines(self) -> dict[str, str]:
        return {c.name: c.engine for c in self.checks}

    def run(self, draft: Draft, policy: Policy) -> Report:
        return self.run_batch([draft], policy)[0]

    def run_batch(self, drafts: Sequence[Draft], policy: Policy) -> list[Report]:
        """One spaCy pass over the batch (`nlp.pipe`), each enabled check once over the batch."""
        started = time.perf_counter()
        raw = self.raw_findings(drafts, policy)
        elapsed_ms = (time.perf_counter() - started) * 1000 / max(len(drafts), 1)
        return [
            self.report(draft, findings, policy, elapsed_ms)
            for draft, findings in zip(drafts, raw, strict=True)
        ]

    def raw_findings(self, drafts: Sequence[Draft], policy: Policy) -> list[list[Finding]]:
        """What the checks say before the policy's thresholds, levels and exemptions: the
        expensive half of `run_batch`, which a preview runs once to compare several policies
        that share the same `policy.check_inputs()`."""
        docs = self.nlp.pipe(d.text for d in drafts)
        analyses = [
            Analysis(draft=d, doc=doc, policy=policy) for d, doc in zip(drafts, docs, strict=True)
        ]
        raw: list[list[Finding]] = [[] for _ in drafts]
        for check in self.checks:
            if not self._check_selected(check, policy):
                continue
            for found, per_draft in zip(raw, check.run_batch(drafts, analyses), strict=True):
                found.extend(per_draft)
        return raw

    def _check_selected(self, check: Check, policy: Policy) -> bool:
        return any(policy.is_selected(r.code) for r in check.rules())

    def report(
        self, draft: Draft, findings: Sequence[Finding], policy: Policy, timing_ms: float = 0.0
    ) -> Report:
        """Apply `policy` to a draft's raw findings: the cheap half of `run_batch`."""
        kept = [f for f in (self._apply(draft, f, policy) for f in findings) if f is not None]
        kept = _without_overlaps(kept)
        kept.sort(key=lambda r: (r.finding.start, r.finding.end, r.finding.code))
        return Report(
            verdict=verdict_for([r.level for r in kept]),
            findings=tuple(kept),
            engines=self.engines,
            unavailable=self.unavailable,
            policy_version=policy.version,
            timing_ms=round(timing_ms, 2),
        )

    def _apply(self, draft: Draft, finding: Finding, policy: Policy) -> ReportedFinding | None:
        rule = policy.custom_rule(finding.code) or self.rules.get(finding.code)
        if rule is None or not policy.is_selected(finding.code):
            return None
        threshold = policy.threshold(finding.code, rule.threshold)
        if finding.score < threshold:
            return None
        if _allow_listed(draft.text[finding.start : finding.end], policy.allow_list):
            return None
        if _exempt(draft, finding, policy):
            return None
        level = policy.level(finding.code, finding.level or rule.level)
        return ReportedFinding(finding=finding, level=level, threshold=threshold)


def _allow_listed(span_text: str, allow_list: Sequence[str]) -> bool:
    """A span that is an allow-listed name (a mascot, a school, a staff member) is never flagged."""
    norm = _normalise(span_text)
    return any(norm == _normalise(entry) for entry in allow_list)


def _normalise(text: str) -> str:
    text = text.strip().casefold()
    for suffix in ("'s", "\u2019s"):
        text = text.removesuffix(suffix)
    return " ".join(text.split())


def _exempt(draft: Draft, finding: Finding, policy: Policy) -> bool:
    """The district's communications account, and its authorised spokespeople, may speak for it."""
    if finding.check != "district_voice":
        return False
    ctx = draft.context
    if ctx.account == "district" and ctx.author_role == "communications":
        return True
    author = _normalise(ctx.author_name or "")
    return bool(author) and any(author == _normalise(p) for p in policy.spokespeople)


def _without_overlaps(findings: list[ReportedFinding]) -> list[ReportedFinding]:
    """Within one check, overlapping findings say the same thing twice: keep the strongest.

    A weaker finding that is broader than a stronger one (a whole-post suggestion around a flagged
    phrase) adds advice rather than repeating it, so it stays."""
    strongest_first = sorted(
        findings, key=lambda r: (level_rank(r.level), r.finding.score), reverse=True
    )
    kept: list[ReportedFinding] = []
    for candidate in strongest_first:
        if not any(_repeats(candidate.finding, k.finding) for k in kept):
            kept.append(candidate)
    return kept


def _repeats(weaker: Finding, stronger: Finding) -> bool:
    if weaker.check != stronger.check:
        return False
    overlaps = weaker.start < stronger.end and stronger.start < weaker.end
    broader = (
        weaker.start <= stronger.start
        and stronger.end <= weaker.end
        and (weaker.end - weaker.start > stronger.end - stronger.start)
    )
    return overlaps and not broader
