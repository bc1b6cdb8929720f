"""Anti-bullying posts rule hostility out ("No child deserves to be hurt"); a negation that asserts
it instead (a question, a comparison, someone's belief) leaves the finding."""

from __future__ import annotations

import pytest

from checks import tone
from checks.pipeline import Pipeline
from checks.policy import Policy
from checks.types import Draft
from models.registry import Models


@pytest.fixture(scope="module")
def tone_only(models: Models) -> Pipeline:
    return Pipeline(models.nlp, [tone.build(models)])


@pytest.mark.parametrize(
    "text",
    [
        "No student should be made to feel worthless.",
        "No kid in my class deserves to be called a loser.",
        "No one in this building is a loser, and my 7th graders proved it today.",
        "I would never hurt a child, and I won't let anyone hurt mine.",
        "We will never tolerate the bullying of any student in room 14.",
    ],
)
def test_hostility_the_writer_rules_out_is_not_flagged_nor_read_as_anger(
    tone_only: Pipeline, default_policy: Policy, text: str
) -> None:
    assert tone_only.run(Draft(text), default_policy).findings == ()


@pytest.mark.parametrize(
    ("text", "code", "span"),
    [
        ("Isn't it obvious that the parents at pickup are idiots?", "TONE005", None),
        ("No one else is as lazy as the parents at pickup.", "TONE005", "lazy"),
        ("They keep thinking I won't hurt them, the fools.", "TONE004", "hurt"),
        ("No student is worthless, but the parents at pickup are idiots.", "TONE005", None),
    ],
)
def test_a_negation_that_asserts_the_hostility_leaves_the_finding(
    tone_only: Pipeline, default_policy: Policy, text: str, code: str, span: str | None
) -> None:
    found = [r.finding for r in tone_only.run(Draft(text), default_policy).findings]
    assert code in {f.code for f in found}
    if span is not None:
        assert {text[f.start : f.end] for f in found if f.code == code} == {span}
