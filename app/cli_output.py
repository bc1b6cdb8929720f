"""The CLI's human-readable output: linter-style findings, rule pages and evaluation tables.

Nothing here prints a draft's text: a finding is shown by its position, code, advice and fix.
"""

from __future__ import annotations

from collections.abc import Sequence

from checks.evaluation import Evaluation
from checks.rule import Rule
from checks.types import Report, ReportedFinding


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a code-point offset."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def render_report(text: str, report: Report) -> str:
    """One line per finding, `LINE:COL-LINE:COL level CODE message` (end column exclusive), then
    its why and fix indented, then a summary line with the verdict."""
    lines: list[str] = []
    for reported in report.findings:
        lines.extend(_render_finding(text, reported))
    lines.append(_summary(report))
    return "\n".join(lines) + "\n"


def _render_finding(text: str, reported: ReportedFinding) -> list[str]:
    f = reported.finding
    (l1, c1), (l2, c2) = line_col(text, f.start), line_col(text, f.end)
    lines = [f"{l1}:{c1}-{l2}:{c2} {reported.level} {f.code} {f.message}", f"    why: {f.why}"]
    if f.fix is not None:
        shown = f.fix.replacement in f.fix.title
        lines.append(f"    fix: {f.fix.title}" + ("" if shown else f" -> {f.fix.replacement!r}"))
    return lines


def _summary(report: Report) -> str:
    counts = {level: 0 for level in ("error", "warning", "suggestion")}
    for reported in report.findings:
        counts[reported.level] += 1
    found = ", ".join(f"{n} {level}{'s' if n != 1 else ''}" for level, n in counts.items() if n)
    line = f"verdict: {report.verdict} ({found or 'nothing to flag'})"
    if report.unavailable:
        line += f"; not checked: {', '.join(sorted(report.unavailable))}"
    return line


def render_rules(rules: Sequence[Rule]) -> str:
    pages = []
    for rule in rules:
        pages.append(
            "\n".join(
                [
                    f"{rule.code} ({rule.check}): {rule.name}",
                    f"  default level: {rule.level}, threshold: {rule.threshold}",
                    f"  What it flags: {rule.what}",
                    f"  Why it matters: {rule.why}",
                    f"  Example: {rule.example}",
                    f"  How to tune: {rule.tune}",
                ]
            )
        )
    return "\n\n".join(pages) + "\n" if pages else "No rules.\n"


def render_evaluation(evaluation: Evaluation) -> str:
    header = f"{'check':<16} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7} {'F1':>6} {'false alarms':>13}"
    rows = [header, "-" * len(header)]
    for name, s in evaluation.scores.items():
        rows.append(
            f"{name:<16} {s.tp:>4} {s.fp:>4} {s.fn:>4} {s.precision:>9.2f} {s.recall:>7.2f}"
            f" {s.f1:>6.2f} {evaluation.check_false_alarm_rate(name):>13.1%}"
        )
    rows.append(
        f"{evaluation.examples} drafts, {evaluation.benign} benign; "
        f"false-alarm rate on benign drafts: {evaluation.false_alarm_rate:.1%} "
        f"({evaluation.benign_flagged}/{evaluation.benign} flagged at warning or above)"
    )
    return "\n".join(rows) + "\n"
