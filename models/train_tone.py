"""Train the embedded tone classifier: `python -m models.train_tone [--exemplars F] [--out F]`.

Trains ONLY on the hand-written exemplars in `models/tone_exemplars.tsv` (never on HateCheck or
Davidson, which the evaluation reports on). The regularisation strength is chosen by stratified
5-fold cross-validation on those exemplars (macro F1), then the model is refit on all of them and
written as `models/data/tone_classifier.npz`. Same exemplars + same encoder => same weights.
"""

from __future__ import annotations

import argparse
import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score

from models.encoder import SentenceEncoder
from models.tone_classifier import WEIGHTS_FILE, EmbeddingClassifier

HERE = Path(__file__).resolve().parent
DEFAULT_EXEMPLARS = HERE / "tone_exemplars.tsv"
DEFAULT_OUT = HERE / "data" / WEIGHTS_FILE
C_GRID = (0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0)
SEED = 0


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


def choose_c(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    scored = []
    for c in C_GRID:
        model = LogisticRegression(C=c, max_iter=5000)
        scored.append((cross_val_score(model, x, y, cv=folds, scoring="f1_macro").mean(), c))
    best_f1, best_c = max(scored)
    return best_c, float(best_f1)


def train(exemplars: Path, encoder: SentenceEncoder) -> tuple[EmbeddingClassifier, float, float]:
    labels, texts = read_exemplars(exemplars)
    x = encoder.encode(texts).astype(np.float64)
    y = np.array(labels)
    best_c, cv_f1 = choose_c(x, y)
    model = LogisticRegression(C=best_c, max_iter=5000).fit(x, y)
    classifier = EmbeddingClassifier(
        classes=tuple(str(c) for c in model.classes_),
        coef=model.coef_.astype(np.float32),
        intercept=model.intercept_.astype(np.float32),
    )
    return classifier, best_c, cv_f1


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exemplars", type=Path, default=DEFAULT_EXEMPLARS)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    encoder = SentenceEncoder()
    classifier, best_c, cv_f1 = train(args.exemplars, encoder)
    digest = hashlib.sha256(args.exemplars.read_bytes()).hexdigest()
    classifier.save(args.out, exemplars_sha256=digest, encoder=encoder.engine, c=str(best_c))
    print(f"classes: {', '.join(classifier.classes)}")
    print(f"C={best_c} (5-fold macro F1 on the exemplars {cv_f1:.3f})")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
