"""The embedded tone engine: shipped weights without pickle, and a training script that
reproduces them from the hand-written exemplars."""

from __future__ import annotations

import numpy as np
import pytest

from models.registry import Models
from models.tone import EmbeddedTone, hostility, pool_offensive
from models.tone_classifier import load_classifier
from models.tone_groups import frame
from models.train_tone import DEFAULT_EXEMPLARS, read_exemplars, train


def test_shipped_classifier_is_plain_arrays() -> None:
    classifier = load_classifier()
    assert classifier.classes == ("anger", "clean", "identity_attack", "insult", "threat")
    assert classifier.coef.shape == (5, 384)


def test_embedded_engine_scores_profanity_and_the_classifier_labels(models: Models) -> None:
    tone = models.tone
    assert isinstance(tone, EmbeddedTone)
    assert tone.labels == ("obscene", "anger", "identity_attack", "insult", "threat")
    praise, insult = tone.score(
        ["The kids crushed their reading goals.", "You are a worthless idiot."]
    )
    assert hostility(praise) < 0.5 < hostility(insult)


def test_naming_a_group_is_not_profanity_swearing_is(models: Models) -> None:
    tone = models.tone
    assert isinstance(tone, EmbeddedTone)
    gay, black, swearing = tone.score(
        ["I am a gay man and a proud dad.", "Black history month starts today.", "Fucking proud!"]
    )
    assert gay["obscene"] < 0.5 and black["obscene"] < 0.5 < swearing["obscene"]


def test_known_sentence_vectors_are_used_and_only_the_missing_ones_encoded(models: Models) -> None:
    tone = models.tone
    assert isinstance(tone, EmbeddedTone) and models.encoder is not None
    texts = ["You are a worthless idiot.", "The kids crushed their reading goals."]
    known = models.encoder.encode(texts[:1])
    shared = tone.score(texts, [known[0], None])
    alone = tone.score(texts)
    for got, want in zip(shared, alone, strict=True):
        assert got == pytest.approx(want, abs=1e-4)


def test_without_an_encoder_only_profanity_is_scored() -> None:
    tone = EmbeddedTone(encoder=None)
    assert tone.labels == ("obscene",)
    assert set(tone.score(["Picture day is Thursday."])[0]) == {"obscene"}


def test_exemplars_cover_every_class() -> None:
    labels, texts = read_exemplars(DEFAULT_EXEMPLARS)
    assert set(labels) == set(load_classifier().classes)
    assert len(texts) == len(set(texts))


def test_training_script_reproduces_the_shipped_weights(models: Models) -> None:
    assert models.encoder is not None
    retrained, _, _ = train(DEFAULT_EXEMPLARS, models.encoder)
    shipped = load_classifier()
    assert retrained.classes == shipped.classes
    np.testing.assert_allclose(retrained.coef, shipped.coef, atol=1e-3)
    np.testing.assert_allclose(retrained.intercept, shipped.intercept, atol=1e-3)


def test_a_threat_against_a_group_is_not_lost_between_two_labels() -> None:
    scores = pool_offensive({"clean": 0.2, "anger": 0.05, "threat": 0.4, "identity_attack": 0.3})
    assert scores["threat"] == pytest.approx(0.7) and scores["identity_attack"] == 0.3
    assert "clean" not in scores and scores["anger"] == 0.05


def test_exemplars_that_differ_only_by_the_group_share_a_frame() -> None:
    assert frame("Muslim women are welcome here.") == frame("Deaf people are welcome here.")
    assert frame("We should celebrate immigrant families.") == "We should celebrate {G}."
    assert frame("Picture day is Thursday.") == "Picture day is Thursday."
