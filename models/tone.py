"""Tone models: each scores texts per label (toxicity, insult, threat, ...) in [0, 1]."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class ToneModel(Protocol):
    engine: str
    labels: tuple[str, ...]

    def score(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Scores for every text, computed in one call per batch."""
        ...


class EmbeddedTone:
    """The always-available default: alt-profanity-check's trained linear model."""

    engine = "embedded"
    labels = ("toxicity",)

    def __init__(self) -> None:
        from profanity_check import predict_prob

        self._predict_prob = predict_prob

    def score(self, texts: Sequence[str]) -> list[dict[str, float]]:
        if not texts:
            return []
        return [{"toxicity": float(p)} for p in self._predict_prob(list(texts))]
