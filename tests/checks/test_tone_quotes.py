"""Quoting hateful or vulgar words to call them out is counter-speech, not the writer's tone;
a quotation with nothing around it to judge is still read."""

from __future__ import annotations

import pytest

from checks.pipeline import Pipeline
from checks.policy import Policy
from checks.tone_quotes import own_words
from checks.types import Draft


def test_quotations_are_replaced_when_the_writer_says_enough_around_them() -> None:
    assert (
        own_words('Someone wrote "go home, you losers" on our banner and we painted over it.')
        == "Someone wrote that on our banner and we painted over it."
    )
    assert own_words("\u201cYou people are trash\u201d is not how we talk at school.") == (
        "that is not how we talk at school."
    )


@pytest.mark.parametrize(
    "text",
    ['"You are all worthless idiots."', '"Shut up, losers" - a fan', "No quotes here, you idiot."],
)
def test_a_bare_quotation_or_an_unquoted_sentence_is_read_as_written(text: str) -> None:
    assert own_words(text) == text


@pytest.mark.parametrize(
    "text",
    [
        'A fan yelled "you f***ing losers" at our players tonight. That is not who we are.',
        'Someone scrawled "immigrants are scum" on the fence, so our class painted over it.',
        'When a student called a classmate a "retard", we talked about why that word hurts.',
    ],
)
def test_quoting_hate_to_call_it_out_stays_clean(
    tone_only: Pipeline, default_policy: Policy, text: str
) -> None:
    report = tone_only.run(Draft(text), default_policy)
    assert [r.finding.code for r in report.findings if r.level != "suggestion"] == []


def test_a_quoted_insult_with_nothing_around_it_is_still_flagged(
    tone_only: Pipeline, default_policy: Policy
) -> None:
    report = tone_only.run(Draft('"You are all worthless idiots."'), default_policy)
    assert report.verdict != "clean"


@pytest.mark.parametrize(
    ("text", "read"),
    [
        (
            "We talked about why calling someone stupid hurts more than you think.",
            "We talked about why calling someone that hurts more than you think.",
        ),
        (
            "Why would anyone think it's okay to call a classmate a loser?",
            "Why would anyone think it's okay to call a classmate that?",
        ),
        (
            "When a kid says 'you're so dumb', it hurts more than they know.",
            "When a kid says that, it hurts more than they know.",
        ),
    ],
)
def test_a_word_someone_else_calls_people_is_named_not_used(text: str, read: str) -> None:
    assert own_words(text) == read


@pytest.mark.parametrize(
    "text",
    [
        "Honestly I'd call that parent an idiot.",
        "We call ourselves the Wildcats and the kids love it.",
        "Mrs. Diaz called me back about the field trip forms.",
        "The kids' projects are in the teachers' lounge until Friday.",
    ],
)
def test_the_writers_own_naming_a_particle_and_apostrophes_are_read_as_written(text: str) -> None:
    assert own_words(text) == text


def test_an_anti_bullying_lesson_that_names_the_word_stays_clean(
    tone_only: Pipeline, default_policy: Policy
) -> None:
    text = "Great talk with my 5th graders about why calling people retarded is never okay."
    report = tone_only.run(Draft(text), default_policy)
    assert [r.finding.code for r in report.findings if r.level != "suggestion"] == []


@pytest.mark.parametrize(
    "text",
    ["The parents who call me a liar are idiots.", "Honestly I'd call that parent an idiot."],
)
def test_the_writers_own_insult_beside_or_as_a_naming_verb_is_still_flagged(
    tone_only: Pipeline, default_policy: Policy, text: str
) -> None:
    report = tone_only.run(Draft(text), default_policy)
    assert "TONE005" in {r.finding.code for r in report.findings}
