"""A small logistic-regression classifier that tells, token by token, whether a word is part of a
person's name, over cheap features of the shared spaCy doc.

Each token gets a few feature strings of its own (shape, part of speech, spaCy's entity tag,
census first- and last-name list membership, whether it is an English dictionary word, a title,
the word itself and its affixes, what the hand-written name rules said); a token's score sums the
weights of its own features and of its two neighbours' on each side, by offset. The weights are
plain JSON in `checks/data/name_model.json`, made by `python -m checks.privacy.train_names` from
WNUT-17 train and dev only. Names are read as runs of tokens: a run starts at a token whose
probability reaches `seed` and takes in neighbours that reach `extend`.

A second set of weights, `checks/data/name_model_minilm.json` (`train_names --contextual`), adds
a `ContextLayer`: one small hidden layer over each token's contextual all-MiniLM-L6-v2 vector
(from its fourth layer) and its neighbours' (which the semantic layer's encoder call already
computes), whose output is added
to the token's score; tokens of sentences too short to embed get the feature "no-context"
instead. It is used whenever the vectors are there, and costs two small matrix products a draft.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Token

OFFSETS = (-2, -1, 0, 1, 2)
MIN_WEIGHT = 0.01
"""Feature weights smaller than this are left out of the shipped JSON (they move no decision)."""
MODEL_FILE = "name_model.json"
CONTEXTUAL_MODEL_FILE = "name_model_minilm.json"
NO_CONTEXT = "no-context"


@dataclass(frozen=True, slots=True)
class Vocabularies:
    """Word lists the features look words up in (all lower case)."""

    first: frozenset[str]
    last: frozenset[str]
    english: frozenset[str]
    titles: frozenset[str]
    places: frozenset[str]
    ambiguous: frozenset[str]


def shape(text: str) -> str:
    if text[:1] == "@":
        return "handle"
    if text[:1] == "#":
        return "hashtag"
    if len(text) > 1 and text.isupper():
        return "UPPER"
    if text[:1].isupper() and text[1:].islower():
        return "Title"
    if text.islower():
        return "lower"
    if text[:1].isupper():
        return "Mixed"
    if any(c.isdigit() for c in text):
        return "digits"
    if not any(c.isalnum() for c in text):
        return "punct"
    return "other"


def token_features(doc: Doc, rule_flags: Sequence[str], vocab: Vocabularies) -> list[list[str]]:
    """Each token's own feature strings; `rule_flags[i]` names the hand-written rules that put
    token i inside a name ("" for none)."""
    return [_own_features(token, rule_flags[token.i], vocab) for token in doc]


def _own_features(token: Token, flag: str, vocab: Vocabularies) -> list[str]:
    lower = token.lower_
    kind = shape(token.text)
    features = [
        "shape=" + kind,
        "pos=" + token.pos_,
        "tag=" + token.tag_,
        "ent=" + token.ent_iob_ + token.ent_type_,
        "w=" + lower,
        "suffix=" + lower[-3:],
        "prefix=" + lower[:3],
    ]
    for word_list, name in (
        (vocab.first, "first"),
        (vocab.last, "last"),
        (vocab.english, "english"),
    ):
        if lower in word_list:
            features += [name, f"shape={kind}&{name}"]
    if token.ent_iob_ == "B" and token.ent_type_ == "PERSON":
        features.append(f"shape={kind}&person")
    if token.is_stop:
        features.append("stop")
    if lower in vocab.titles:
        features.append("title")
    if lower in vocab.ambiguous:
        features.append("ambiguous")
    if lower in vocab.places:
        features.append("place")
    if token.is_sent_start or token.i == 0:
        features.append("sentence-start")
    if flag:
        features.append("rule=" + flag)
    return features


def neighbourhoods(vectors: np.ndarray, window: int) -> np.ndarray:
    """Each token's vector beside those of its `window` neighbours on each side (zeros past the
    edges), in offset order: one row of `(2 * window + 1) * dims` per token."""
    size, dims = vectors.shape
    padded = np.vstack([np.zeros((window, dims), vectors.dtype), vectors])
    padded = np.vstack([padded, np.zeros((window, dims), vectors.dtype)])
    return np.hstack([padded[k : k + size] for k in range(2 * window + 1)])


@dataclass(frozen=True, slots=True, eq=False)
class ContextLayer:
    """A hidden ReLU layer over a token's contextual vector and its neighbours', whose output is
    one more term of the token's score: `relu(neighbourhood @ hidden.T + hidden_bias) @ output`."""

    window: int
    hidden: np.ndarray
    hidden_bias: np.ndarray
    output: np.ndarray

    def scores(self, vectors: np.ndarray) -> np.ndarray:
        rows = neighbourhoods(vectors.astype(np.float32, copy=False), self.window)
        return np.maximum(rows @ self.hidden.T + self.hidden_bias, 0.0) @ self.output

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ContextLayer) and self.to_json() == other.to_json()

    def to_json(self) -> dict:
        return {
            "window": self.window,
            "hidden": self.hidden.tolist(),
            "hidden_bias": self.hidden_bias.tolist(),
            "output": self.output.tolist(),
        }

    @classmethod
    def from_json(cls, data: Mapping) -> ContextLayer:
        return cls(
            window=int(data["window"]),
            hidden=np.asarray(data["hidden"], dtype=np.float32),
            hidden_bias=np.asarray(data["hidden_bias"], dtype=np.float32),
            output=np.asarray(data["output"], dtype=np.float32),
        )


@dataclass(frozen=True, slots=True)
class NameModel:
    """Weights by neighbour offset, a bias, the two decision thresholds, and for the contextual
    model the layer that reads contextual token vectors."""

    bias: float
    weights: Mapping[int, Mapping[str, float]]
    seed: float
    extend: float
    context: ContextLayer | None = None
    by_feature: Mapping[str, tuple[float, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """The weights regrouped by feature: one look-up gives a feature's five offsets."""
        names = {f for offset in OFFSETS for f in self.weights[offset]}
        table = {f: tuple(self.weights[o].get(f, 0.0) for o in OFFSETS) for f in names}
        object.__setattr__(self, "by_feature", table)

    @property
    def contextual(self) -> bool:
        return self.context is not None

    def probabilities(
        self, features: Sequence[Sequence[str]], vectors: np.ndarray | None = None
    ) -> list[float]:
        """P(token is part of a person's name) for every token; `vectors` (one row per token) are
        read by the contextual model only."""
        table = self.by_feature
        size = len(features)
        zero = (0.0,) * len(OFFSETS)
        # contributions[j][k]: what token j's features add to the token OFFSETS[k] before it.
        contributions = []
        for own in features:
            total = [0.0] * len(OFFSETS)
            for feature in own:
                for k, weight in enumerate(table.get(feature, zero)):
                    total[k] += weight
            contributions.append(total)
        edge = table.get("edge", zero)
        if self.context is not None and vectors is not None and size:
            scores = (self.context.scores(vectors) + self.bias).tolist()
        else:
            scores = [self.bias] * size
        out = []
        for i in range(size):
            score = scores[i]
            for k, offset in enumerate(OFFSETS):
                j = i + offset
                score += contributions[j][k] if 0 <= j < size else edge[k]
            out.append(1.0 / (1.0 + math.exp(-score)))
        return out

    def runs(self, probabilities: Sequence[float]) -> list[tuple[int, int]]:
        """Token ranges [start, end) of names: a seed token and its neighbours that extend it."""
        found = []
        i, size = 0, len(probabilities)
        while i < size:
            if probabilities[i] < self.seed:
                i += 1
                continue
            start = i
            while start > 0 and probabilities[start - 1] >= self.extend:
                start -= 1
            end = i + 1
            while end < size and probabilities[end] >= self.extend:
                end += 1
            if found and start < found[-1][1]:
                start = found.pop()[0]
            found.append((start, end))
            i = end
        return found

    def to_json(self) -> dict:
        data = {
            "bias": self.bias,
            "seed": self.seed,
            "extend": self.extend,
            "weights": {str(o): dict(sorted(self.weights[o].items())) for o in OFFSETS},
        }
        if self.context is not None:
            data["context"] = self.context.to_json()
        return data

    @classmethod
    def from_json(cls, data: Mapping) -> NameModel:
        return cls(
            bias=float(data["bias"]),
            weights={int(o): dict(w) for o, w in data["weights"].items()},
            seed=float(data["seed"]),
            extend=float(data["extend"]),
            context=ContextLayer.from_json(data["context"]) if "context" in data else None,
        )


def with_context_flags(features: Sequence[Sequence[str]], vectors: np.ndarray) -> list[list[str]]:
    """The contextual model's features: a token with no contextual vector says so."""
    missing = ~vectors.any(axis=1)
    return [[*own, NO_CONTEXT] if missing[i] else list(own) for i, own in enumerate(features)]


@lru_cache(maxsize=2)
def load_name_model(file: str = MODEL_FILE) -> NameModel:
    """Shipped weights (`MODEL_FILE` or `CONTEXTUAL_MODEL_FILE`), read once per process."""
    text = resources.files("checks").joinpath("data", file).read_text("utf-8")
    return NameModel.from_json(json.loads(text))


def save_name_model(model: NameModel, path: Path) -> None:
    path.write_text(json.dumps(model.to_json(), indent=0, sort_keys=True) + "\n", "utf-8")
