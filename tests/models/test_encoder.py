"""The sentence encoder's promises: one forward pass gives the sentence vectors the semantic layer
compares and the word-piece vectors the name classifier reads, each piece placed in the text."""

import numpy as np

from models.encoder import DIMENSIONS
from models.registry import Models

DRAFTS = [
    "So proud of Marcus today!",
    "Abiodun and Bergljót finished the robot, and it works.",
    "ok",
]


def test_word_pieces_come_with_the_same_sentence_vectors_as_encode(models: Models) -> None:
    vectors, pieces = models.encoder.encode_with_pieces(DRAFTS)
    np.testing.assert_allclose(vectors, models.encoder.encode(DRAFTS), atol=1e-5)
    assert len(pieces) == len(DRAFTS)
    for text, own in zip(DRAFTS, pieces, strict=True):
        assert own.vectors.shape == (len(own.starts), DIMENSIONS)
        assert all(text[start] != " " for start in own.starts)
    assert pieces[0].starts[:4].tolist() == [0, 3, 9, 12]


def test_no_sentences_cost_no_forward_pass(models: Models) -> None:
    vectors, pieces = models.encoder.encode_with_pieces([])
    assert vectors.shape == (0, DIMENSIONS) and pieces == []


def test_a_batch_keeps_the_callers_order(models: Models) -> None:
    vectors, pieces = models.encoder.encode_with_pieces(DRAFTS)
    for text, vector, own in zip(DRAFTS, vectors, pieces, strict=True):
        alone_vector, (alone,) = models.encoder.encode_with_pieces([text])
        np.testing.assert_allclose(vector, alone_vector[0], atol=1e-5)
        np.testing.assert_allclose(own.vectors, alone.vectors, atol=1e-4)


def test_a_large_call_runs_on_the_batch_threads_and_then_gives_them_back(
    models: Models, monkeypatch
) -> None:
    import torch

    from models.encoder import LARGE_CALL, SentenceEncoder

    encoder = SentenceEncoder(batch_threads=2)
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    calls: list[int] = []
    real = torch.set_num_threads
    monkeypatch.setattr(torch, "set_num_threads", lambda n: (calls.append(n), real(n)))
    try:
        encoder.encode(["Spelling bee practice after lunch."] * (LARGE_CALL - 1))
        assert calls == []
        encoder.encode_with_pieces(["Spelling bee practice after lunch."] * LARGE_CALL)
        assert calls == [2, 1]
        assert torch.get_num_threads() == 1
    finally:
        real(before)
