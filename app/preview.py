"""What would this policy change do? The same labelled sample, evaluated under the current and the
proposed policy: per check precision, recall and false alarms, the drafts whose result flips, and
a precision-recall curve per rule with the chosen threshold marked.

The curves come from one extra run with every rule's threshold at 0 (and the proposed enabled
switches and levels): a rule's check fires at threshold t when that rule scored at least t, or any
other rule of the check passed its proposed threshold. The sample is never stored or logged.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Sequence
from typing import Any

from app.service import Service
from checks.evaluation import CheckScore, Example, ExampleError, parse_examples, score_reports
from checks.pipeline import Pipeline
from checks.policy import DEFAULT_SELECT, Policy, RuleSetting
from checks.types import Finding, Report, level_rank

MAX_EXAMPLES = 2000
MAX_FLIPS = 200
CURVE_STEPS = 50


class SampleError(ValueError):
    """A sample that cannot be used; the message names the line and field, never the text."""


def parse_sample(text: str, fmt: str = "auto") -> list[Example]:
    """JSONL lines `{"text", "expect", "context"?}`, or CSV with `text` and `expect` columns
    (check names separated by `;`, `,` or `|`) and optional `id`, `account`, `author_role`."""
    if fmt == "auto":
        first = next((line.strip() for line in text.splitlines() if line.strip()), "")
        fmt = "jsonl" if first.startswith("{") else "csv"
    lines = text.splitlines() if fmt == "jsonl" else _csv_as_jsonl(text)
    try:
        examples = parse_examples(lines, source="sample")
    except ExampleError as exc:
        raise SampleError(str(exc)) from None
    if not examples:
        raise SampleError("the sample holds no labelled drafts")
    if len(examples) > MAX_EXAMPLES:
        raise SampleError(f"a sample holds at most {MAX_EXAMPLES} drafts")
    return examples


def _csv_as_jsonl(text: str) -> list[str]:
    reader = csv.DictReader(io.StringIO(text))
    columns = {c.strip().casefold(): c for c in reader.fieldnames or []}
    if "text" not in columns:
        raise SampleError("a CSV sample needs a `text` column (and an `expect` column)")
    lines = []
    for row in reader:
        expect = (row.get(columns.get("expect", ""), "") or "").replace("|", ";").replace(",", ";")
        context = {
            field: row[columns[field]].strip()
            for field in ("account", "author_role", "author_name")
            if field in columns and (row[columns[field]] or "").strip()
        }
        item: dict[str, Any] = {
            "text": row[columns["text"]] or "",
            "expect": [e.strip() for e in expect.split(";") if e.strip()],
            "context": context,
        }
        if "id" in columns and row[columns["id"]]:
            item["id"] = row[columns["id"]]
        lines.append(json.dumps(item))
    return lines


def preview(
    service: Service, current: Policy, proposed: Policy, examples: Sequence[Example]
) -> dict[str, Any]:
    """One run of the checks over the sample serves both policies and the curves, unless the two
    policies differ in what the checks read themselves (allow-list, roster, semantic settings)."""
    drafts = [e.draft for e in examples]
    raw_proposed = service.raw_findings(drafts, _every_check_runs(proposed))
    raw_current = (
        raw_proposed
        if current.check_inputs() == proposed.check_inputs()
        else service.raw_findings(drafts, _every_check_runs(current))
    )
    pipeline = service.pipeline
    before = score_reports(
        examples, [pipeline.report(d, f, current) for d, f in zip(drafts, raw_current, strict=True)]
    )
    after = score_reports(
        examples,
        [pipeline.report(d, f, proposed) for d, f in zip(drafts, raw_proposed, strict=True)],
    )
    return {
        "examples": len(examples),
        "current": {"version": current.version, **before.as_dict()},
        "proposed": after.as_dict(),
        "flips": _flips(examples, before.fired, after.fired),
        "curves": _curves(service.pipeline, proposed, examples, raw_proposed),
    }


def _every_check_runs(policy: Policy) -> Policy:
    """The same check inputs with every rule selected, so raw findings cover any rule a policy
    may switch on."""
    return dataclasses.replace(policy, select=DEFAULT_SELECT, ignore=(), rules={})


def _flips(
    examples: Sequence[Example],
    before: dict[str, frozenset[str]],
    after: dict[str, frozenset[str]],
) -> list[dict[str, Any]]:
    """The drafts whose fired checks change, with whether each change is right or wrong."""
    flips = []
    for example in examples:
        now, then = before[example.id], after[example.id]
        if now == then:
            continue
        changed = sorted(now ^ then)
        right = sum((c in then) == (c in example.expect) for c in changed)
        flips.append(
            {
                "id": example.id,
                "text": example.draft.text,
                "expect": sorted(example.expect),
                "current": sorted(now),
                "proposed": sorted(then),
                "effect": "better" if right == len(changed) else "worse" if not right else "mixed",
            }
        )
    return flips[:MAX_FLIPS]


def _curves(
    pipeline: Pipeline,
    proposed: Policy,
    examples: Sequence[Example],
    raw: Sequence[Sequence[Finding]],
) -> dict[str, dict[str, Any]]:
    rules = pipeline.rules
    unfiltered = dataclasses.replace(
        proposed,
        rules={
            **proposed.rules,
            **{
                code: RuleSetting(
                    enabled=proposed.is_selected(code),
                    level=proposed.level(code, None),  # type: ignore[arg-type]
                    threshold=0.0,
                )
                for code in rules
            },
        },
    )
    reports = [
        pipeline.report(e.draft, found, unfiltered) for e, found in zip(examples, raw, strict=True)
    ]
    scores = [_scores_by_code(report) for report in reports]
    curves = {}
    for code, rule in rules.items():
        if not proposed.is_selected(code) or not any(code in s for s in scores):
            continue
        chosen = proposed.threshold(code, rule.threshold)
        others = [
            any(
                c != code
                and rules[c].check == rule.check
                and s >= proposed.threshold(c, rules[c].threshold)
                for c, s in per.items()
            )
            for per in scores
        ]
        steps = sorted({round(i / CURVE_STEPS, 4) for i in range(CURVE_STEPS + 1)} | {chosen})
        points = [
            _point(rule.check, t, examples, scores, others, code) | {"threshold": t} for t in steps
        ]
        curves[code] = {
            "check": rule.check,
            "name": rule.name,
            "threshold": chosen,
            "points": points,
            "chosen": _point(rule.check, chosen, examples, scores, others, code),
        }
    return curves


def _scores_by_code(report: Report) -> dict[str, float]:
    """Each code's highest score among findings at warning or above."""
    best: dict[str, float] = {}
    for reported in report.findings:
        if level_rank(reported.level) >= level_rank("warning"):
            code = reported.finding.code
            best[code] = max(best.get(code, 0.0), reported.finding.score)
    return best


def _point(
    check: str,
    threshold: float,
    examples: Sequence[Example],
    scores: list[dict[str, float]],
    others: list[bool],
    code: str,
) -> dict[str, float]:
    score = CheckScore(check)
    for example, per, other in zip(examples, scores, others, strict=True):
        fired = other or per.get(code, -1.0) >= threshold
        expected = check in example.expect
        score.tp += fired and expected
        score.fp += fired and not expected
        score.fn += expected and not fired
    return {"precision": round(score.precision, 4), "recall": round(score.recall, 4)}
