"""The tone check's promises: it says which words hurt, with a reason and a calmer option, and
it leaves profanity-like praise, identity mentions and counter-speech alone."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager

import numpy as np
import pytest

from checks import parent_test, tone
from checks.analysis import Analysis
from checks.pipeline import Pipeline
from checks.policy import Policy
from checks.semantic import embed_batch
from checks.types import Draft, Report
from models.encoder import SentenceEncoder, WordPieces
from models.registry import Models
from models.tone import EmbeddedTone, word_starts
from models.tone_layers import word_vectors


def tone_findings(report: Report) -> list[tuple[str, str]]:
    return [(r.finding.code, r.level) for r in report.findings]


def spans(report: Report, text: str, code: str) -> list[str]:
    return [
        text[r.finding.start : r.finding.end] for r in report.findings if r.finding.code == code
    ]


@pytest.mark.parametrize(
    "text",
    [
        "our team killed it at the science fair",
        "this test was a beast",
        "sick moves at the talent show",
        "the kids crushed their reading goals",
        "that quiz was brutal",
        "Our robotics team killed it today! So proud of these kids.",
        "Proud to welcome our new Muslim and Jewish families to the PTA this year.",
        "Calling any group of people vermin is hate speech, and we talk with students about why.",
        "I hate grading on Sundays, but these essays are worth it.",
        "I am a gay man and a proud dad.",
        "Sex education permission forms are due Friday.",
        "It is not true that immigrants are criminals, and my students know it.",
        "Kill the lights, we are watching a movie!",
        "What a dumb mistake on my part, I posted the wrong date. Sorry!",
        "That was a stupid idea of mine, ha. Corrected the homework link.",
        "We dissected owl pellets in science. Gross? Yes. Amazing? Also yes.",
        "Happy retirement to Mrs. Alvarez after 32 years of teaching! We will miss you.",
    ],
)
def test_praise_identity_mentions_and_counter_speech_stay_clean(
    tone_only: Pipeline, default_policy: Policy, text: str
) -> None:
    assert tone_only.run(Draft(text), default_policy).verdict == "clean"


def test_profanity_is_the_span_and_a_milder_word_is_offered(
    tone_only: Pipeline, default_policy: Policy
) -> None:
    text = "Field day was a blast. Fucking proud of my 3rd graders!"
    report = tone_only.run(Draft(text), default_policy)
    [found] = [r for r in report.findings if r.finding.code == "TONE003"]
    assert text[found.finding.start : found.finding.end] == "Fucking"
    assert found.level == "warning"
    assert found.finding.fix is not None and found.finding.fix.replacement == "really"
    assert "obscene" in found.finding.why and "(policy S6, S7)" in found.finding.why


def test_a_swear_word_written_with_stars_is_still_profanity_and_the_span_is_the_whole_word(
    tone_only: Pipeline, default_policy: Policy
) -> None:
    text = "F*** Mondays. Indoor recess again."
    report = tone_only.run(Draft(text), default_policy)
    assert spans(report, text, "TONE003") == ["F***"]


def test_an_insult_points_at_the_insulting_words_not_the_whole_post(
    tone_only: Pipeline, default_policy: Policy
) -> None:
    text = "Great field trip today! Honestly some of the parents at pickup are complete morons."
    report = tone_only.run(Draft(text), default_policy)
    assert report.verdict == "review"
    flagged = [r for r in report.findings if r.level != "suggestion"]
    assert flagged
    for r in flagged:
        span = text[r.finding.start : r.finding.end]
        assert "morons" in span
        assert "field trip" not in span
        assert r.finding.fix is not None and r.finding.fix.replacement == ""


@pytest.mark.parametrize(
    ("text", "insult"),
    [
        ("Our new janitor is an idiot and I will not pretend otherwise.", "idiot"),
        ("I will never forgive those idiots at the district office.", "idiots"),
    ],
)
def test_an_insulting_word_is_an_insult_not_profanity(
    tone_only: Pipeline, default_policy: Policy, text: str, insult: str
) -> None:
    report = tone_only.run(Draft(text), default_policy)
    assert spans(report, text, "TONE005") == [insult]
    assert spans(report, text, "TONE003") == []


def test_a_threat_is_an_error_even_as_a_joke(tone_only: Pipeline, default_policy: Policy) -> None:
    text = "If that kid mouths off one more time I swear I will smack him."
    report = tone_only.run(Draft(text), default_policy)
    assert ("TONE004", "error") in tone_findings(report)
    assert report.verdict == "rethink"


def test_an_attack_on_a_group_flags_the_whole_statement(
    tone_only: Pipeline, default_policy: Policy
) -> None:
    text = "Nice weather for recess. Honestly immigrants are ruining this town."
    report = tone_only.run(Draft(text), default_policy)
    assert ("TONE006", "error") in tone_findings(report)
    assert spans(report, text, "TONE006") == ["Honestly immigrants are ruining this town"]


def test_a_draft_written_in_anger_gets_a_suggestion_to_wait(
    tone_only: Pipeline, default_policy: Policy
) -> None:
    text = "I am SO done with this district. Nobody listens to teachers, ever."
    report = tone_only.run(Draft(text), default_policy)
    [wait] = [r for r in report.findings if r.finding.code == "TONE008"]
    assert wait.level == "suggestion"
    assert "waiting before posting" in wait.finding.message
    assert "(policy S8)" in wait.finding.why
    assert (wait.finding.start, wait.finding.end) == (0, len(text))


def test_the_report_names_the_engine(tone_only: Pipeline, default_policy: Policy) -> None:
    assert tone_only.run(Draft("Picture day is Thursday!"), default_policy).engines == {
        "tone": "embedded"
    }


class CountingModel:
    """A stand-in tone model with Detoxify's labels; scores 'idiot' and 'explicit' words."""

    engine = "detoxify:unbiased"
    labels = ("toxicity", "insult", "sexual_explicit")

    def __init__(self) -> None:
        self.calls: list[int] = []

    def score(self, texts: Sequence[str]) -> list[dict[str, float]]:
        self.calls.append(len(texts))
        return [
            {
                "toxicity": 0.9 if "idiot" in t else 0.01,
                "insult": 0.8 if "idiot" in t else 0.01,
                "sexual_explicit": 0.7 if "explicit" in t else 0.01,
            }
            for t in texts
        ]


def analyses(models: Models, texts: Sequence[str]) -> list[Analysis]:
    return [Analysis(Draft(t), doc) for t, doc in zip(texts, models.nlp.pipe(texts), strict=True)]


def test_one_model_call_per_batch_and_one_more_only_when_something_scored(
    models: Models,
) -> None:
    model = CountingModel()
    check = tone.ToneCheck(model)
    benign = ["Picture day is Thursday.", "Bring a water bottle. Field day is tomorrow!"]
    check.run_batch([Draft(t) for t in benign], analyses(models, benign))
    assert model.calls == [3]
    mixed = [*benign, "Our principal is an idiot."]
    found = check.run_batch([Draft(t) for t in mixed], analyses(models, mixed))
    assert model.calls == [
        3,
        4,
        2,
    ]  # sentences, then one variant per content word ("principal", "idiot")
    assert found[:2] == [[], []]
    assert {f.code for f in found[2]} == {"TONE001", "TONE005", "TONE008"}
    assert {mixed[2][f.start : f.end] for f in found[2] if f.code != "TONE008"} == {"idiot"}


def test_a_long_sentence_costs_at_most_max_occluded_variants_and_the_culprit_is_among_them(
    models: Models,
) -> None:
    model = CountingModel()
    text = "Our principal, who runs every staff meeting on Monday mornings, is an idiot."
    [found] = tone.ToneCheck(model).run_batch([Draft(text)], analyses(models, [text]))
    assert model.calls == [1, tone.MAX_OCCLUDED]
    assert {text[f.start : f.end] for f in found if f.code != "TONE008"} == {"idiot"}


def test_every_detoxify_label_has_a_documented_rule(models: Models) -> None:
    from models.tone import HOSTILE_LABELS

    codes = {lr.label: lr.rule.code for lr in tone.LABEL_RULES}
    assert set(codes) == set(HOSTILE_LABELS)
    text = "That was explicit."
    [found] = tone.ToneCheck(CountingModel()).run_batch([Draft(text)], analyses(models, [text]))
    assert [f.code for f in found] == ["TONE007"]
    for rule in tone.rules():
        assert rule.code.startswith("TONE") and rule.what and rule.why and rule.example
        assert "(policy S" in rule.why and rule.code in rule.tune


class CountingEncoder:
    """Wraps the real encoder and counts the calls that run it and the sentences it embeds."""

    engine = "all-MiniLM-L6-v2"

    def __init__(self, inner: SentenceEncoder) -> None:
        self.inner = inner
        self.runs = 0
        self.sentences = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.runs += bool(texts)
        self.sentences += len(texts)
        return self.inner.encode(texts)

    def encode_with_pieces(self, texts: Sequence[str]) -> tuple[np.ndarray, list[WordPieces]]:
        self.runs += bool(texts)
        self.sentences += len(texts)
        return self.inner.encode_with_pieces(texts)

    def threads_for(self, sentences: int) -> AbstractContextManager[None]:
        return self.inner.threads_for(sentences)


def with_counting_encoder(models: Models) -> tuple[Models, CountingEncoder]:
    """The session's models, with the embedded tone engine and the encoder counting encodes."""
    assert models.encoder is not None
    counting = CountingEncoder(models.encoder)
    shared = Models(
        settings=models.settings,
        nlp=models.nlp,
        tone=EmbeddedTone(counting),  # type: ignore[arg-type]
        encoder=counting,  # type: ignore[arg-type]
    )
    return shared, counting


def test_tone_reads_the_word_vectors_the_semantic_layer_computes(
    models: Models, default_policy: Policy
) -> None:
    shared, counting = with_counting_encoder(models)
    pipeline = Pipeline(models.nlp, [tone.build(shared), parent_test.build(shared)])
    counting.runs = counting.sentences = 0  # building encoded parent_test's exemplars
    drafts = [
        Draft("Our robotics team killed it today. So proud of these kids!"),
        Draft("Picture day is Thursday, please send the forms back."),
    ]
    assert pipeline.run_batch(drafts, default_policy)[0].verdict == "clean"
    assert (counting.runs, counting.sentences) == (1, 3)
    counting.runs = counting.sentences = 0
    pipeline.run_batch([Draft("Go team! Picture day is Thursday.")], default_policy)
    assert counting.sentences == 2  # "Go team!" is too short for the semantic layer: tone embeds it


def explained(
    models: Models, policy: Policy, text: str, code: str
) -> tuple[list[str], tuple[int, int]]:
    """The spans of `code` in one draft, and the encoder's (calls, sentences) for it."""
    shared, counting = with_counting_encoder(models)
    report = Pipeline(models.nlp, [tone.build(shared)]).run(Draft(text), policy)
    return spans(report, text, code), (counting.runs, counting.sentences)


def test_profanity_alone_is_explained_without_encoding_its_variants(
    models: Models, default_policy: Policy
) -> None:
    text = "Fucking proud of my 3rd graders today."
    assert explained(models, default_policy, text, "TONE003") == (["Fucking"], (1, 1))


def test_the_word_vectors_shared_by_the_semantic_layer_are_the_ones_the_engine_computes(
    models: Models,
) -> None:
    assert models.encoder is not None
    text = "Our robotics team killed it at regionals. Parents, thank you for driving the kids!"
    [analysis] = analyses(models, [text])
    embed_batch([analysis], models.encoder)
    found = tone._sentences(0, analysis)
    assert len(found) == 2
    for sentence in found:
        own = text[sentence.start : sentence.end]
        _, [pieces] = models.encoder.encode_with_pieces([own])
        assert sentence.words_read is not None
        np.testing.assert_allclose(
            sentence.words_read, word_vectors(pieces, word_starts(own)), atol=1e-5
        )


@pytest.mark.parametrize(
    ("hostile", "benign"),
    [
        ("Gay people are disgusting.", "Gay people are not disgusting, and I will keep saying it."),
        ("Women can't do math.", "Anyone who tells girls that women can't do math is wrong."),
        (
            "I would never trust a Jewish colleague with the budget.",
            "Our Jewish colleague runs the budget and does it brilliantly.",
        ),
        ("Deaf students are slow.", "I hate the new attendance software."),
    ],
)
def test_the_same_words_in_another_order_or_aimed_at_a_thing_read_differently(
    tone_only: Pipeline, default_policy: Policy, hostile: str, benign: str
) -> None:
    """Negation, calling a claim out and disliking a thing: the word order the tone layers read."""
    assert ("TONE006", "error") in tone_findings(tone_only.run(Draft(hostile), default_policy))
    assert tone_only.run(Draft(benign), default_policy).verdict == "clean"


class GroupAttackModel:
    """A stand-in tone model that reads an attack on a group in any sentence saying 'vermin'."""

    engine = "detoxify:original"
    labels = ("identity_attack",)

    def __init__(self) -> None:
        self.calls: list[int] = []

    def score(self, texts: Sequence[str]) -> list[dict[str, float]]:
        self.calls.append(len(texts))
        return [{"identity_attack": 0.9 if "vermin" in t else 0.01} for t in texts]


def test_a_sentence_reported_only_as_a_whole_costs_no_occlusion(models: Models) -> None:
    model = GroupAttackModel()
    text = "Recess was fun. People from that country are vermin."
    [found] = tone.ToneCheck(model).run_batch([Draft(text)], analyses(models, [text]))
    assert model.calls == [2]
    assert [text[f.start : f.end] for f in found] == ["People from that country are vermin"]


def test_an_insult_read_from_the_semantic_layer_is_explained_without_the_encoder(
    models: Models, default_policy: Policy
) -> None:
    text = "Great field trip today! Honestly some of the parents at pickup are complete morons."
    [span], encoded = explained(models, default_policy, text, "TONE005")
    assert "morons" in span and "field trip" not in span
    assert encoded == (1, 2)
