"""Train the embedded tone classifier: `python -m models.train_tone [--exemplars F] [--out F]`.

Trains ONLY on the hand-written exemplars in `models/tone_exemplars.tsv` (never on HateCheck or
Davidson, which the evaluation reports on). The model (`models.tone_layers`) is a copy of
all-MiniLM-L6-v2's layers above the word pieces' layer, fine-tuned with a softmax head over the
exemplars' word vectors; the layers below stay frozen (they are the encoder the pipeline runs
anyway), so their output is computed once.

The learning rate of the copied layers and the number of epochs are chosen by 5-fold
cross-validation on the exemplars (F1 of offensive vs the rest, the offensive classes' summed
probability at 0.5): of the settings within one standard error of the best, the one with the
fewest epochs, then the lower rate. The model is then trained on all exemplars with that setting,
its clean logit shifted from the exemplars' class prior to that of drafts (`prior_shift`), and
written as `models/data/tone_layers.safetensors`. Same exemplars + same encoder + one torch
thread => same weights.

Many exemplars share a frame and differ only by the group they name ("{G} are welcome here"). The
folds keep every frame whole (`models.tone_groups.frame`): otherwise a fold tests sentences the
model has seen with another group name, which rewards memorising frames.
"""

from __future__ import annotations

import argparse
import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedGroupKFold

from models.encoder import SentenceEncoder
from models.tone import word_starts
from models.tone_groups import frame
from models.tone_layers import CLEAN, WEIGHTS_FILE, ToneLayers, pad, word_vectors

HERE = Path(__file__).resolve().parent
DEFAULT_EXEMPLARS = HERE / "tone_exemplars.tsv"
DEFAULT_OUT = HERE / "data" / WEIGHTS_FILE
LEARNING_RATES = (5e-5, 1e-4)
"""For the copied transformer layers (the head, new, learns at `HEAD_LEARNING_RATE`)."""
HEAD_LEARNING_RATE = 1e-3
MAX_EPOCHS = 8
BATCH = 32
WEIGHT_DECAY = 0.01
SEED = 0
OFFENSIVE = ("insult", "threat", "identity_attack")
FOLDS = 5
CLASS_WEIGHT = {CLEAN: 2.0}
"""Clean exemplars count double. The exemplars hold about one clean line per offensive one, while
drafts are overwhelmingly clean; without it, a sentence unlike every exemplar ("sick moves at the
talent show") gets a prior that leans offensive."""


DRAFTS_CLEAN_SHARE = 0.9
"""The share of drafts with no tone problem that the shipped model's probabilities assume: about
nine in ten (155 of the project's 173 dev drafts expect no `tone` finding). Trained on the
exemplars alone, with clean lines weighted double, the model assumes 0.74 (`prior_shift`)."""


@dataclass(frozen=True, slots=True)
class Setting:
    learning_rate: float
    epochs: int
    cv_f1: float


def read_exemplars(path: Path) -> tuple[list[str], list[str]]:
    labels, texts = [], []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        label, sep, text = line.partition("\t")
        if not sep or not text.strip():
            raise ValueError(f"{path.name}:{number}: expected label<TAB>text")
        labels.append(label)
        texts.append(text.strip())
    return labels, texts


def exemplar_words(texts: Sequence[str], encoder: SentenceEncoder) -> list[np.ndarray]:
    """Each text's word vectors, as the tone engine computes them for a text it encodes."""
    _, pieces = encoder.encode_with_pieces(texts)
    return [word_vectors(p, word_starts(t)) for t, p in zip(texts, pieces, strict=True)]


def fit(
    encoder: SentenceEncoder,
    words: Sequence[np.ndarray],
    y: np.ndarray,
    classes: Sequence[str],
    learning_rate: float,
    epochs: int,
    check: tuple[Sequence[np.ndarray], np.ndarray] | None = None,
) -> tuple[ToneLayers, list[float]]:
    """Train a fresh copy of the encoder's top layers; with `check` (held-out words and labels),
    also the held-out offensive F1 after every epoch."""
    torch.manual_seed(SEED)
    order_rng = np.random.default_rng(SEED)
    model = ToneLayers.from_encoder(classes, encoder.layers_above_pieces())
    optimiser = torch.optim.AdamW(
        [
            {"params": model.layers.parameters(), "lr": learning_rate},
            {"params": model.head.parameters(), "lr": HEAD_LEARNING_RATE},
        ],
        weight_decay=WEIGHT_DECAY,
    )
    weights = torch.tensor([CLASS_WEIGHT.get(c, 1.0) for c in classes])
    loss = torch.nn.CrossEntropyLoss(weight=weights)
    targets = torch.from_numpy(y)
    curve = []
    for _ in range(epochs):
        model.train()
        order = order_rng.permutation(len(words))
        for first in range(0, len(order), BATCH):
            rows = order[first : first + BATCH]
            batch, padding = pad([words[i] for i in rows])
            optimiser.zero_grad()
            loss(model(batch, padding), targets[rows]).backward()
            optimiser.step()
        if check is not None:
            curve.append(offensive_f1(model, classes, *check))
    model.eval()
    return model, curve


def offensive_f1(
    model: ToneLayers, classes: Sequence[str], words: Sequence[np.ndarray], y: np.ndarray
) -> float:
    """F1 of telling the offensive classes from the rest by their summed probability: the
    decision the check reports at warning level (`anger` is a suggestion)."""
    offensive = [i for i, c in enumerate(classes) if c in OFFENSIVE]
    predicted = model.probabilities(words)[:, offensive].sum(axis=1) >= 0.5
    return float(f1_score(np.isin(y, offensive), predicted))


def choose(
    encoder: SentenceEncoder,
    words: Sequence[np.ndarray],
    y: np.ndarray,
    classes: Sequence[str],
    frames: Sequence[str],
) -> Setting:
    """The cross-validated setting (see the module's docstring), folds keeping frames whole."""
    folds = StratifiedGroupKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    splits = list(folds.split(np.zeros(len(y)), y, frames))
    scored: list[tuple[float, int, float, float]] = []
    for rate in LEARNING_RATES:
        curves = np.array(
            [
                fit(
                    encoder,
                    [words[i] for i in train],
                    y[train],
                    classes,
                    rate,
                    MAX_EPOCHS,
                    ([words[i] for i in test], y[test]),
                )[1]
                for train, test in splits
            ]
        )
        print(f"  learning rate {rate}: mean F1 by epoch {np.round(curves.mean(axis=0), 3)}")
        for epoch in range(MAX_EPOCHS):
            f1 = curves[:, epoch]
            scored.append(
                (rate, epoch + 1, float(f1.mean()), float(f1.std(ddof=1) / np.sqrt(FOLDS)))
            )
    _, _, best, error = max(scored, key=lambda s: s[2])
    rate, epochs, f1, _ = min(
        (s for s in scored if s[2] >= best - error), key=lambda s: (s[1], s[0])
    )
    return Setting(rate, epochs, f1)


def prior_shift(labels: Sequence[str]) -> float:
    """What to add to the clean logit so that the model's prior, the weighted share of clean
    exemplars, becomes `DRAFTS_CLEAN_SHARE` (Bayes' rule for a change of class prior, clean
    against everything else)."""
    weights = [CLASS_WEIGHT.get(label, 1.0) for label in labels]
    clean = sum(w for w, label in zip(weights, labels, strict=True) if label == CLEAN)
    trained = clean / sum(weights)
    return math.log(DRAFTS_CLEAN_SHARE / trained) - math.log(
        (1 - DRAFTS_CLEAN_SHARE) / (1 - trained)
    )


def train(
    exemplars: Path, encoder: SentenceEncoder, setting: Setting | None = None
) -> tuple[ToneLayers, Setting]:
    """The model trained on all exemplars, with `setting` or the one cross-validation chooses."""
    labels, texts = read_exemplars(exemplars)
    classes = sorted(set(labels))
    y = np.array([classes.index(label) for label in labels])
    words = exemplar_words(texts, encoder)
    setting = setting or choose(encoder, words, y, classes, [frame(t) for t in texts])
    model, _ = fit(encoder, words, y, classes, setting.learning_rate, setting.epochs)
    with torch.no_grad():
        model.head.bias[classes.index(CLEAN)] += prior_shift(labels)
    return model, setting


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exemplars", type=Path, default=DEFAULT_EXEMPLARS)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    torch.set_num_threads(1)
    encoder = SentenceEncoder()
    model, setting = train(args.exemplars, encoder)
    digest = hashlib.sha256(args.exemplars.read_bytes()).hexdigest()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(
        args.out,
        exemplars_sha256=digest,
        encoder=encoder.engine,
        learning_rate=str(setting.learning_rate),
        epochs=str(setting.epochs),
        cv_f1=f"{setting.cv_f1:.3f}",
    )
    print(f"classes: {', '.join(model.classes)}")
    print(
        f"learning rate {setting.learning_rate}, {setting.epochs} epochs ({FOLDS}-fold F1 of "
        f"offensive vs the rest, frames kept whole: {setting.cv_f1:.3f})"
    )
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
