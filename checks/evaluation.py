"""Measure the pipeline on labelled drafts: per-check precision, recall, F1 and false alarms.

A labelled draft is one JSON object per line: `{"id"?, "text", "context"?, "expect": [check ids]}`.
A check "fires" on a draft when it reports anything at warning or above.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

from checks.pipeline import Pipeline
from checks.policy import Policy
from checks.types import CHECK_NAMES, Account, AuthorRole, Context, Draft, Report, level_rank


class ExampleError(ValueError):
    """A labelled line that cannot be used; the message names the line and field, never the text."""


@dataclass(frozen=True, slots=True)
class Example:
    id: str
    draft: Draft
    expect: frozenset[str]


@dataclass(slots=True)
class CheckScore:
    check: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    benign_flagged: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Evaluation:
    scores: dict[str, CheckScore]
    examples: int
    benign: int
    benign_flagged: int
    fired: dict[str, frozenset[str]] = field(default_factory=dict)

    @property
    def false_alarm_rate(self) -> float:
        return self.benign_flagged / self.benign if self.benign else 0.0

    def check_false_alarm_rate(self, check: str) -> float:
        return self.scores[check].benign_flagged / self.benign if self.benign else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "examples": self.examples,
            "benign": self.benign,
            "false_alarm_rate": round(self.false_alarm_rate, 4),
            "checks": {
                name: {
                    "tp": s.tp,
                    "fp": s.fp,
                    "fn": s.fn,
                    "precision": round(s.precision, 4),
                    "recall": round(s.recall, 4),
                    "f1": round(s.f1, 4),
                    "false_alarm_rate": round(self.check_false_alarm_rate(name), 4),
                }
                for name, s in self.scores.items()
            },
        }


def context_from_dict(data: Any) -> Context:
    """A Context from a JSON object, rejecting unknown fields and values by name."""
    if data is None:
        return Context()
    if not isinstance(data, dict):
        raise ExampleError("`context` must be an object")
    unknown = set(data) - {"account", "author_role", "platform", "audience", "author_name"}
    if unknown:
        raise ExampleError(f"`context` has unknown field(s): {', '.join(sorted(unknown))}")
    if data.get("account", "personal") not in get_args(Account):
        raise ExampleError(f"`context.account` must be one of {', '.join(get_args(Account))}")
    if data.get("author_role", "teacher") not in get_args(AuthorRole):
        raise ExampleError(
            f"`context.author_role` must be one of {', '.join(get_args(AuthorRole))}"
        )
    return Context(**data)


def parse_examples(lines: Iterable[str], source: str = "<input>") -> list[Example]:
    examples = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ExampleError(f"{where}: not valid JSON ({exc.msg})") from None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise ExampleError(f"{where}: each line needs a string `text`")
        expect = data.get("expect", [])
        if not isinstance(expect, list) or not set(expect) <= set(CHECK_NAMES):
            raise ExampleError(f"{where}: `expect` must list check ids from {CHECK_NAMES}")
        try:
            context = context_from_dict(data.get("context"))
        except ExampleError as exc:
            raise ExampleError(f"{where}: {exc}") from None
        examples.append(
            Example(
                id=str(data.get("id", number)),
                draft=Draft(data["text"], context),
                expect=frozenset(expect),
            )
        )
    return examples


def read_examples(path: str | Path) -> list[Example]:
    with open(path, encoding="utf-8") as handle:
        return parse_examples(handle, source=str(path))


def fired_checks(report: Report) -> frozenset[str]:
    """The checks that reported anything at warning or above."""
    return frozenset(
        r.finding.check for r in report.findings if level_rank(r.level) >= level_rank("warning")
    )


def evaluate(
    pipeline: Pipeline, policy: Policy, examples: Sequence[Example], batch_size: int = 64
) -> Evaluation:
    reports: list[Report] = []
    for offset in range(0, len(examples), batch_size):
        chunk = examples[offset : offset + batch_size]
        reports.extend(pipeline.run_batch([e.draft for e in chunk], policy))
    return score_reports(examples, reports)


def score_reports(examples: Sequence[Example], reports: Sequence[Report]) -> Evaluation:
    """Compare each example's expected checks with what its report fired."""
    scores = {name: CheckScore(name) for name in CHECK_NAMES}
    result = Evaluation(scores=scores, examples=len(examples), benign=0, benign_flagged=0)
    for example, report in zip(examples, reports, strict=True):
        fired = fired_checks(report)
        result.fired[example.id] = fired
        _count(scores, example, fired)
        if not example.expect:
            result.benign += 1
            result.benign_flagged += bool(fired)
    return result


def _count(scores: dict[str, CheckScore], example: Example, fired: frozenset[str]) -> None:
    for name, score in scores.items():
        expected, got = name in example.expect, name in fired
        score.tp += expected and got
        score.fp += got and not expected
        score.fn += expected and not got
        score.benign_flagged += got and not example.expect
