"""A small linear classifier over sentence embeddings: insult, threat, identity attack, anger.

Its weights are a `.npz` of plain arrays (no pickle), written by `python -m models.train_tone`.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

WEIGHTS_FILE = "tone_classifier.npz"
CLEAN = "clean"


@dataclass(frozen=True, slots=True)
class EmbeddingClassifier:
    """Multinomial logistic regression: softmax(x @ coef.T + intercept) over `classes`."""

    classes: tuple[str, ...]
    coef: np.ndarray
    intercept: np.ndarray

    def probabilities(self, embeddings: np.ndarray) -> np.ndarray:
        logits = embeddings @ self.coef.T + self.intercept
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)

    def save(self, path: Path, **metadata: str) -> None:
        np.savez(
            path,
            classes=np.array(self.classes),
            coef=self.coef.astype(np.float32),
            intercept=self.intercept.astype(np.float32),
            **{k: np.array(v) for k, v in metadata.items()},
        )


def load_classifier(path: Path | None = None) -> EmbeddingClassifier:
    """The classifier shipped in `models/data/`, or one at `path`."""
    source = path or resources.files("models").joinpath("data", WEIGHTS_FILE)
    with source.open("rb") as handle, np.load(handle, allow_pickle=False) as data:
        return EmbeddingClassifier(
            classes=tuple(str(c) for c in data["classes"]),
            coef=data["coef"].astype(np.float32),
            intercept=data["intercept"].astype(np.float32),
        )
