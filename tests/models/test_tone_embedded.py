"""The embedded tone engine: shipped weights without pickle, and a training script that
reproduces them from the hand-written exemplars."""

from __future__ import annotations

from importlib import resources

import numpy as np
import pytest
import torch
from safetensors import safe_open

from models.encoder import TOKEN_LAYER
from models.registry import Models
from models.tone import EmbeddedTone, hostility, pool_offensive, word_starts
from models.tone_groups import frame
from models.tone_layers import WEIGHTS_FILE, load_layers, word_vectors
from models.train_tone import DEFAULT_EXEMPLARS, Setting, read_exemplars, train

SHIPPED = resources.files("models").joinpath("data", WEIGHTS_FILE)


def shipped_metadata() -> dict[str, str]:
    with resources.as_file(SHIPPED) as path, safe_open(str(path), framework="pt") as weights:
        return weights.metadata()


def test_shipped_weights_are_safetensors_with_the_layers_above_the_word_pieces() -> None:
    classifier = load_layers()
    assert classifier.classes == ("anger", "clean", "identity_attack", "insult", "threat")
    assert len(classifier.layers) == 6 - TOKEN_LAYER
    assert SHIPPED.read_bytes()[8:9] == b"{"  # a JSON header, then raw tensors: nothing to unpickle
    assert {"exemplars_sha256", "learning_rate", "epochs"} <= set(shipped_metadata())


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


def test_known_word_vectors_are_used_and_only_the_missing_ones_encoded(models: Models) -> None:
    tone = models.tone
    assert isinstance(tone, EmbeddedTone) and models.encoder is not None
    texts = ["You are a worthless idiot.", "The kids crushed their reading goals."]
    _, [pieces] = models.encoder.encode_with_pieces(texts[:1])
    known = word_vectors(pieces, word_starts(texts[0]))
    assert len(known) == 6  # five words and the full stop
    shared = tone.score(texts, [known, None])
    alone = tone.score(texts)
    for got, want in zip(shared, alone, strict=True):
        assert got == pytest.approx(want, abs=1e-4)


def test_without_an_encoder_only_profanity_is_scored() -> None:
    tone = EmbeddedTone(encoder=None)
    assert tone.labels == ("obscene",)
    assert set(tone.score(["Picture day is Thursday."])[0]) == {"obscene"}


def test_exemplars_cover_every_class() -> None:
    labels, texts = read_exemplars(DEFAULT_EXEMPLARS)
    assert set(labels) == set(load_layers().classes)
    assert len(texts) == len(set(texts))


def test_training_script_reproduces_the_shipped_weights(models: Models) -> None:
    """Retrained with the shipped setting (the cross-validation that chose it takes minutes) on
    one torch thread, as the script trains. Equal to 1e-3: eight epochs of float rounding differ
    by about 1e-4 between CPUs (vector instruction sets sum in different orders)."""
    assert models.encoder is not None
    metadata = shipped_metadata()
    setting = Setting(float(metadata["learning_rate"]), int(metadata["epochs"]), cv_f1=0.0)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        retrained, _ = train(DEFAULT_EXEMPLARS, models.encoder, setting)
    finally:
        torch.set_num_threads(threads)
    shipped = load_layers()
    assert retrained.classes == shipped.classes
    for name, tensor in shipped.state_dict().items():
        np.testing.assert_allclose(retrained.state_dict()[name].numpy(), tensor.numpy(), atol=1e-3)


def test_a_threat_against_a_group_is_not_lost_between_two_labels() -> None:
    scores = pool_offensive({"clean": 0.2, "anger": 0.05, "threat": 0.4, "identity_attack": 0.3})
    assert scores["threat"] == pytest.approx(0.7) and scores["identity_attack"] == 0.3
    assert "clean" not in scores and scores["anger"] == 0.05


def test_exemplars_that_differ_only_by_the_group_share_a_frame() -> None:
    assert frame("Muslim women are welcome here.") == frame("Deaf people are welcome here.")
    assert frame("We should celebrate immigrant families.") == "We should celebrate {G}."
    assert frame("Picture day is Thursday.") == "Picture day is Thursday."


def test_a_text_the_engine_encodes_itself_gets_the_pipelines_words(models: Models) -> None:
    text = 'Overheard in 3rd period. Kenji:"Is glue a food?" Me: "no."'
    assert word_starts(text) == [token.idx for token in models.nlp(text)]
