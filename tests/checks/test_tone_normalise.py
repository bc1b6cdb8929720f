"""The tone normaliser reads disguised hostile words as written plainly, and leaves a teacher's
names, numbers and slang alone; the check flags a disguised insult with its span on the draft."""

from __future__ import annotations

import pytest

from checks.pipeline import Pipeline
from checks.policy import Policy
from checks.tone_normalise import Normaliser
from checks.types import Draft
from models.registry import Models
from models.spacy_pipeline import english_words


@pytest.fixture(scope="module")
def normalise(models: Models) -> Normaliser:
    return Normaliser(english_words(models.nlp) | models.nlp.Defaults.stop_words)


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("That parent is an 1d10t.", "That parent is an idiot."),
        ("The new coach is a l0ser.", "The new coach is a loser."),
        (
            "Honestly the board is a bunch of m o r o n s.",
            "Honestly the board is a bunch of morons.",
        ),
        ("Those people are just plain stupd.", "Those people are just plain stupid."),
        ("What a pathteic excuse for a meeting.", "What a pathetic excuse for a meeting."),
        ("That ref was such a f*cking joke.", "That ref was such a fucking joke."),
        ("Those kids are totally worthlesstrash.", "Those kids are totally worthless trash."),
        ("He is sooo stuuupid.", "He is sooo stupid."),
    ],
)
def test_disguised_hostile_words_are_read_plainly(
    normalise: Normaliser, written: str, read: str
) -> None:
    assert normalise(written) == read


@pytest.mark.parametrize(
    "text",
    [
        "So proud of Kaylee and Jaxon for the 4th grade spelling bee!",
        "Ms. Rapp's class won 1st place at 3pm today, sooo proud!!!",
        "Grades A B C are posted. Email @mrsjones with questions.",
        "Mrs. Dyck read Charlotte's Web to the 2nd graders.",
        "Our STEM expo is 10am-2pm in room 104, bring your lab notebooks.",
    ],
)
def test_names_numbers_and_school_words_are_left_as_written(
    normalise: Normaliser, text: str
) -> None:
    assert normalise(text) == text


def flagged_spans(pipeline: Pipeline, policy: Policy, text: str) -> list[str]:
    """The text of every finding at warning or above."""
    report = pipeline.run(Draft(text), policy)
    return [
        text[r.finding.start : r.finding.end] for r in report.findings if r.level != "suggestion"
    ]


def test_a_spelled_out_insult_is_flagged_on_the_letters_as_written(
    tone_only: Pipeline, default_policy: Policy
) -> None:
    text = "Field trip is Friday. Some of these parents are total i d i o t s about the forms."
    spans = flagged_spans(tone_only, default_policy, text)
    assert "i d i o t s" in " ".join(spans)
    assert all(not s.startswith("Field") for s in spans)


def test_a_leetspeak_insult_is_flagged_with_its_span(
    tone_only: Pipeline, default_policy: Policy
) -> None:
    text = "Great game tonight! The other team's coach is a total 1d10t though."
    spans = flagged_spans(tone_only, default_policy, text)
    assert any("1d10t" in s for s in spans)
    assert all("Great game" not in s for s in spans)
