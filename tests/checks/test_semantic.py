"""The semantic layer's promises: a paraphrase of an exemplar fires with no pattern, the reason
quotes the exemplar and never the draft, a batch costs one encoder call shared by the three
conduct checks, the policy moves similarity thresholds, and without the encoder the checks run
on patterns alone and say so."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from checks import district_voice, parent_test, student_contact
from checks.analysis import Analysis
from checks.pipeline import Pipeline
from checks.policy import Policy, policy_from_dict
from checks.semantic import SHARED_KEY, embed_batch, sentences
from checks.types import Context, Draft
from models.encoder import SentenceEncoder
from models.registry import Models

CONDUCT = (parent_test, district_voice, student_contact)
PARAPHRASE = "My kids this year are hopeless, none of them will make it."


class CountingEncoder:
    """Wraps the real encoder and counts calls and sentences."""

    engine = "all-MiniLM-L6-v2"

    def __init__(self, inner: SentenceEncoder) -> None:
        self.inner = inner
        self.calls = 0
        self.sentences = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        self.sentences += len(texts)
        return self.inner.encode(texts)


def conduct_pipeline(models: Models, encoder: object | None) -> Pipeline:
    shared = Models(settings=models.settings, nlp=models.nlp, encoder=encoder)  # type: ignore[arg-type]
    return Pipeline(models.nlp, [m.build(shared) for m in CONDUCT])


@pytest.fixture(scope="module")
def counting(models: Models) -> CountingEncoder:
    assert models.encoder is not None
    return CountingEncoder(models.encoder)


@pytest.fixture(scope="module")
def conduct(models: Models, counting: CountingEncoder) -> Pipeline:
    return conduct_pipeline(models, counting)


def test_a_batch_is_embedded_in_one_call_shared_by_the_three_checks(
    conduct: Pipeline, counting: CountingEncoder, default_policy: Policy
) -> None:
    drafts = [
        Draft("Our robotics team killed it today. So proud of these kids!"),
        Draft("Wow."),
        Draft("Students, add me on Snapchat. Don't tell the others."),
    ]
    counting.calls = counting.sentences = 0
    conduct.run_batch(drafts, default_policy)
    assert counting.calls == 1
    assert counting.sentences == 4  # "Wow." is too short to carry meaning and is not embedded


def test_sentences_are_cached_on_the_analysis(models: Models, counting: CountingEncoder) -> None:
    doc = models.nlp("Field trip today. The kids loved the aquarium!")
    analysis = Analysis(draft=Draft(doc.text), doc=doc)
    counting.calls = 0
    embed_batch([analysis], counting)  # type: ignore[arg-type]
    embed_batch([analysis], counting)  # type: ignore[arg-type]
    assert counting.calls == 1
    assert [doc.text[s.start : s.end] for s in sentences(analysis)] == [
        "Field trip today.",
        "The kids loved the aquarium!",
    ]
    assert all(s.vector is not None for s in analysis.shared[SHARED_KEY])


def test_a_paraphrase_fires_and_the_reason_quotes_the_exemplar_not_the_draft(
    conduct: Pipeline, default_policy: Policy
) -> None:
    (found,) = conduct.run(Draft(PARAPHRASE), default_policy).findings
    assert found.finding.code == "PARENT003"
    assert (found.finding.start, found.finding.end) == (0, len(PARAPHRASE))
    assert "close in meaning to “" in found.finding.why
    assert PARAPHRASE not in found.finding.why
    assert "hopeless" not in found.finding.why.split("close in meaning to")[0]


def test_the_policy_moves_a_familys_similarity_threshold(
    conduct: Pipeline, default_policy: Policy
) -> None:
    strict = policy_from_dict({"semantic": {"thresholds": {"contempt_students": 0.95}}})
    assert conduct.run(Draft(PARAPHRASE), default_policy).findings
    assert not conduct.run(Draft(PARAPHRASE), strict).findings


def test_without_the_encoder_the_checks_run_on_patterns_and_say_so(
    models: Models, default_policy: Policy
) -> None:
    patterns_only = conduct_pipeline(models, None)
    assert set(patterns_only.engines.values()) == {"patterns"}
    text = "Students, add me on Snapchat! Only my favorite students get the answers early."
    found = {f.finding.code for f in patterns_only.run(Draft(text), default_policy).findings}
    assert "CONTACT005" in found
    assert not patterns_only.run(Draft(PARAPHRASE), default_policy).findings


def test_with_the_encoder_the_engine_says_patterns_and_minilm(conduct: Pipeline) -> None:
    assert set(conduct.engines.values()) == {"patterns+minilm"}


def test_a_classroom_account_inviting_families_is_not_a_private_channel(
    conduct: Pipeline, default_policy: Policy
) -> None:
    draft = Draft("Follow our class page for updates, families!", Context(account="classroom"))
    assert conduct.run(draft, default_policy).findings == ()
