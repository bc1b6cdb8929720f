"""The tone classifier: MiniLM's last transformer layers, fine-tuned, under a softmax head.

It reads what the sentence encoder has already computed: one vector per word (a spaCy token's
word pieces from layer `models.encoder.TOKEN_LAYER`, averaged, as the semantic layer gives them).
Copies of the encoder's layers above that one, fine-tuned on the tone exemplars, run over the
words; their output is averaged and one linear layer scores the classes. Unlike a pooled sentence
vector, these layers read word order, so "X are not Y" and "X are Y" reach the head apart. A draft
costs the two extra layers, not another pass of the encoder.

The weights are a safetensors file of plain tensors (no pickle), written by
`python -m models.train_tone`.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import numpy as np
import torch
from safetensors import safe_open
from safetensors.torch import save_file
from torch import nn

from models.encoder import DIMENSIONS, WordPieces

WEIGHTS_FILE = "tone_layers.safetensors"
CLEAN = "clean"
HEADS = 12
FEEDFORWARD = 1536
DROPOUT = 0.1
LAYER_NORM_EPS = 1e-12
CHUNK = 16


def _layer() -> nn.TransformerEncoderLayer:
    """A layer shaped like MiniLM's (BERT's post-norm layer with exact GELU)."""
    return nn.TransformerEncoderLayer(
        DIMENSIONS,
        HEADS,
        FEEDFORWARD,
        dropout=DROPOUT,
        activation="gelu",
        layer_norm_eps=LAYER_NORM_EPS,
        batch_first=True,
    )


class ToneLayers(nn.Module):
    """Transformer layers over a sentence's word vectors, mean-pooled, then a linear head."""

    def __init__(self, classes: Sequence[str], depth: int) -> None:
        super().__init__()
        self.classes = tuple(classes)
        self.layers = nn.ModuleList(_layer() for _ in range(depth))
        self.dropout = nn.Dropout(DROPOUT)
        self.head = nn.Linear(DIMENSIONS, len(self.classes))

    @classmethod
    def from_encoder(cls, classes: Sequence[str], source: Sequence[nn.Module]) -> ToneLayers:
        """Layers initialised as copies of the encoder's (`SentenceEncoder.layers_above_pieces`),
        a head initialised at random (seed the generator first for the same one)."""
        model = cls(classes, len(source))
        with torch.no_grad():
            for target, bert in zip(model.layers, source, strict=True):
                _copy_bert_layer(target, bert)
        return model

    def forward(self, words: torch.Tensor, padding: torch.Tensor) -> torch.Tensor:
        """Logits per sentence; `words` is (sentences, words, DIMENSIONS), `padding` True where
        a row is padding."""
        for layer in self.layers:
            words = layer(words, src_key_padding_mask=padding)
        keep = (~padding).unsqueeze(-1).to(words.dtype)
        pooled = (words * keep).sum(1) / keep.sum(1).clamp(min=1.0)
        return self.head(self.dropout(pooled))

    def probabilities(self, sentences: Sequence[np.ndarray]) -> np.ndarray:
        """Class probabilities (columns in `classes` order) for each sentence's word vectors.

        Sentences run longest first, `CHUNK` at a time, so that each chunk pads to similar
        lengths (one long sentence would otherwise make every short one cost as much)."""
        result = np.zeros((len(sentences), len(self.classes)), dtype=np.float32)
        order = sorted(range(len(sentences)), key=lambda i: -len(sentences[i]))
        self.eval()
        with torch.inference_mode():
            for first in range(0, len(order), CHUNK):
                rows = order[first : first + CHUNK]
                words, padding = pad([sentences[i] for i in rows])
                result[rows] = torch.softmax(self(words, padding), dim=-1).numpy()
        return result

    def save(self, path: Path, **metadata: str) -> None:
        tensors = {k: v.detach().contiguous() for k, v in self.state_dict().items()}
        save_file(
            tensors,
            str(path),
            metadata={
                "classes": ",".join(self.classes),
                "depth": str(len(self.layers)),
                **metadata,
            },
        )


def pad(sentences: Sequence[np.ndarray]) -> tuple[torch.Tensor, torch.Tensor]:
    """Word vectors of several sentences as one zero-padded tensor, and the padding mask. A
    sentence with no word vector gets one zero row, so that every row has something to pool."""
    longest = max(max(len(s) for s in sentences), 1)
    words = torch.zeros(len(sentences), longest, DIMENSIONS)
    padding = torch.ones(len(sentences), longest, dtype=torch.bool)
    for row, sentence in enumerate(sentences):
        words[row, : len(sentence)] = torch.from_numpy(np.asarray(sentence, dtype=np.float32))
        padding[row, : max(len(sentence), 1)] = False
    return words, padding


def word_vectors(pieces: WordPieces, word_starts: Sequence[int]) -> np.ndarray:
    """One vector per word that has word pieces (their mean), in order: a piece belongs to the
    word it starts in. `word_starts` are the words' character offsets in the encoded text; words
    without a piece (spaces) are left out, as the semantic layer's zero rows are."""
    starts = np.asarray(word_starts)
    if not len(starts):
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    owner = np.searchsorted(starts, pieces.starts, side="right") - 1
    sums = np.zeros((len(starts), DIMENSIONS), dtype=np.float32)
    np.add.at(sums, owner, pieces.vectors)
    counts = np.bincount(owner, minlength=len(starts))
    return sums[counts > 0] / counts[counts > 0, None].astype(np.float32)


def load_layers(path: Path | None = None) -> ToneLayers:
    """The model shipped in `models/data/`, or one at `path`."""
    source = path or resources.files("models").joinpath("data", WEIGHTS_FILE)
    with resources.as_file(source) as file, safe_open(str(file), framework="pt") as weights:
        metadata = weights.metadata()
        model = ToneLayers(metadata["classes"].split(","), int(metadata["depth"]))
        model.load_state_dict({k: weights.get_tensor(k) for k in weights.keys()})  # noqa: SIM118
    model.eval()
    return model


def _copy_bert_layer(target: nn.TransformerEncoderLayer, bert: nn.Module) -> None:
    """Copy a Hugging Face BertLayer's weights into a `torch.nn.TransformerEncoderLayer`."""
    attention = bert.attention
    target.self_attn.in_proj_weight.copy_(
        torch.cat(
            [attention.self.query.weight, attention.self.key.weight, attention.self.value.weight]
        )
    )
    target.self_attn.in_proj_bias.copy_(
        torch.cat([attention.self.query.bias, attention.self.key.bias, attention.self.value.bias])
    )
    target.self_attn.out_proj.load_state_dict(attention.output.dense.state_dict())
    target.norm1.load_state_dict(attention.output.LayerNorm.state_dict())
    target.linear1.load_state_dict(bert.intermediate.dense.state_dict())
    target.linear2.load_state_dict(bert.output.dense.state_dict())
    target.norm2.load_state_dict(bert.output.LayerNorm.state_dict())
