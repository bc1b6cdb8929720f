"""Anti-bullying posts rule hostility out ("No child deserves to be hurt"); a negation that asserts
it instead (a question, a comparison, someone's belief) leaves the finding."""

from __future__ import annotations

import pytest

from checks.pipeline import Pipeline
from checks.policy import Policy
from checks.types import Draft


@pytest.mark.parametrize(
    "text",
    [
        "No student should be made to feel worthless.",
        "No kid in my class deserves to be called a loser.",
        "No one in this building is a loser, and my 7th graders proved it today.",
        "I would never hurt a child, and I won't let anyone hurt mine.",
        "We will never tolerate the bullying of any student in room 14.",
        "To be clear, I never said the parents at pickup were idiots.",
        "There are no stupid questions in room 14.",
    ],
)
def test_hostility_the_writer_rules_out_is_not_flagged_nor_read_as_anger(
    tone_only: Pipeline, default_policy: Policy, text: str
) -> None:
    assert tone_only.run(Draft(text), default_policy).findings == ()


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Isn't it obvious that the parents at pickup are idiots?", "idiots"),
        ("No one else is as lazy as the parents at pickup.", "lazy"),
        ("They keep thinking I won't hurt them, the fools.", "hurt"),
        ("No student is worthless, but the parents at pickup are idiots.", "idiots"),
        ("I will never forgive those idiots at the district office.", "idiots"),
        ("I'm not saying the parents at pickup are idiots, but they block the bus lane.", "idiots"),
    ],
)
def test_a_negation_that_asserts_the_hostility_leaves_the_finding(
    tone_only: Pipeline, default_policy: Policy, text: str, word: str
) -> None:
    report = tone_only.run(Draft(text), default_policy)
    flagged = [
        text[r.finding.start : r.finding.end] for r in report.findings if r.level != "suggestion"
    ]
    assert any(word in span for span in flagged)
