"""Fit the contextual name classifier: the sparse feature weights and the `ContextLayer` together.

A token's logit is the sum of its windowed feature weights (as in the linear model) and of a
hidden ReLU layer over its MiniLM vector and its neighbours'. Both are learnt jointly with Adam
on the binary cross-entropy, in torch (already installed for the encoder), then exported to the
plain arrays `NameModel` computes with in numpy. Same rows, labels and vectors give the same
weights: fixed seeds, a fixed batch order, one thread, a fixed number of epochs.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import torch

from checks.privacy.name_model import MIN_WEIGHT, OFFSETS, ContextLayer, NameModel

UNITS = 64
WINDOW = 1
EPOCHS = 4
BATCH = 256
LEARNING_RATE = 2e-3
WEIGHT_DECAY = 1e-4
SPARSE_L1 = 1e-6
DECIMALS = 5


class _Tagger(torch.nn.Module):
    def __init__(self, features: int, inputs: int) -> None:
        super().__init__()
        self.sparse = torch.nn.EmbeddingBag(features, 1, mode="sum")
        torch.nn.init.zeros_(self.sparse.weight)
        self.hidden = torch.nn.Linear(inputs, UNITS)
        self.output = torch.nn.Linear(UNITS, 1)

    def forward(
        self, flat: torch.Tensor, offsets: torch.Tensor, dense: torch.Tensor
    ) -> torch.Tensor:
        sparse = self.sparse(flat, offsets)
        return (sparse + self.output(torch.relu(self.hidden(dense)))).squeeze(-1)


def fit_contextual(
    rows: Sequence[Sequence[str]],
    labels: Sequence[int],
    neighbourhoods: np.ndarray,
    seed: float,
    extend: float,
) -> NameModel:
    """The classifier learnt from windowed feature `rows` (offset-prefixed, as `windowed` makes
    them), token `labels` and each token's vector neighbourhood (`WINDOW` each side)."""
    torch.manual_seed(0)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        index: dict[str, int] = {}
        for row in rows:
            for feature in row:
                index.setdefault(feature, len(index))
        flat = np.array([index[f] for row in rows for f in row], dtype=np.int64)
        starts = np.cumsum([0] + [len(row) for row in rows])
        dense = torch.from_numpy(np.ascontiguousarray(neighbourhoods, dtype=np.float32))
        targets = torch.tensor(labels, dtype=torch.float32)
        tagger = _Tagger(len(index), dense.shape[1])
        optimiser = torch.optim.Adam(
            [
                {"params": tagger.sparse.parameters(), "weight_decay": 0.0},
                {
                    "params": [*tagger.hidden.parameters(), *tagger.output.parameters()],
                    "weight_decay": WEIGHT_DECAY,
                },
            ],
            lr=LEARNING_RATE,
        )
        order = torch.Generator().manual_seed(0)
        for _ in range(EPOCHS):
            permutation = torch.randperm(len(labels), generator=order).numpy()
            for first in range(0, len(labels), BATCH):
                batch = permutation[first : first + BATCH]
                pieces = [flat[starts[i] : starts[i + 1]] for i in batch]
                offsets = np.cumsum([0] + [len(p) for p in pieces[:-1]])
                logits = tagger(
                    torch.from_numpy(np.concatenate(pieces)),
                    torch.from_numpy(offsets),
                    dense[batch],
                )
                loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, targets[batch])
                loss = loss + SPARSE_L1 * tagger.sparse.weight.abs().sum()
                optimiser.zero_grad()
                loss.backward()
                optimiser.step()
    finally:
        torch.set_num_threads(threads)
    return _export(tagger, index, seed, extend)


def _export(tagger: _Tagger, index: dict[str, int], seed: float, extend: float) -> NameModel:
    sparse = tagger.sparse.weight.detach().numpy()[:, 0]
    weights: dict[int, dict[str, float]] = {o: {} for o in OFFSETS}
    for feature, column in index.items():
        if abs(sparse[column]) >= MIN_WEIGHT:
            offset, _, name = feature.partition(":")
            weights[int(offset)][name] = round(float(sparse[column]), DECIMALS)
    context = ContextLayer(
        window=WINDOW,
        hidden=_rounded(tagger.hidden.weight),
        hidden_bias=_rounded(tagger.hidden.bias),
        output=_rounded(tagger.output.weight[0]),
    )
    bias = round(float(tagger.output.bias.detach()), DECIMALS)
    return NameModel(bias=bias, weights=weights, seed=seed, extend=extend, context=context)


def _rounded(parameter: torch.Tensor) -> np.ndarray:
    return np.round(parameter.detach().numpy(), DECIMALS).astype(np.float32)
