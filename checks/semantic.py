"""The semantic layer: drafts compared sentence by sentence with exemplar sentences.

All sentences of all drafts of a batch are embedded in ONE encoder call, shared by every check
that reads them (cached on `Analysis.shared`, computed by whichever check runs first). The same
forward pass gives every word of an embedded sentence a contextual vector (its word pieces'
vectors from a middle layer, `models.encoder.TOKEN_LAYER`, averaged), which the name classifier
of `student_privacy` reads. Exemplar embeddings are computed
once, when a check is built.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Span

from checks.analysis import Analysis
from checks.rulepack import ConductRule
from models.encoder import DIMENSIONS, SentenceEncoder, WordPieces

SHARED_KEY = "semantic.sentences"
MIN_WORDS = 3


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a draft: its character span and, when the encoder ran, its embedding row
    and one contextual vector per spaCy token (`token_end - token_start` rows)."""

    start: int
    end: int
    token_start: int
    token_end: int
    vector: np.ndarray | None
    token_vectors: np.ndarray | None = None


def sentences(analysis: Analysis) -> list[Sentence]:
    """The draft's sentences (as computed for the batch by `embed_batch`, or without vectors)."""
    cached = analysis.shared.get(SHARED_KEY)
    if cached is not None:
        return cached
    return [_sentence(span, None) for span in _spans(analysis)]


def embed_batch(analyses: Sequence[Analysis], encoder: SentenceEncoder | None) -> None:
    """Embed every sentence of every draft in one encoder call and cache them on each analysis.

    Sentences with fewer than MIN_WORDS words ("Wow.", "🍷🍷") carry no meaning the encoder can
    compare; they keep no vector and are matched by patterns only."""
    if encoder is None or all(SHARED_KEY in a.shared for a in analyses):
        return
    spans = [_spans(a) for a in analyses]
    texts = [s.text for per_draft in spans for s in per_draft if _words(s) >= MIN_WORDS]
    with_pieces = getattr(encoder, "encode_with_pieces", None)
    if with_pieces is None:
        vectors, pieces = encoder.encode(texts), None
    else:
        vectors, pieces = with_pieces(texts)
    embedded = iter(range(len(texts)))
    for analysis, per_draft in zip(analyses, spans, strict=True):
        analysis.shared[SHARED_KEY] = [
            _embedded(s, vectors, pieces, next(embedded))
            if _words(s) >= MIN_WORDS
            else _sentence(s, None)
            for s in per_draft
        ]


def token_vectors(analysis: Analysis) -> np.ndarray | None:
    """One contextual vector per token of the draft (zeros outside the embedded sentences), or
    None when no sentence of the draft has token vectors."""
    cached = analysis.shared.get(SHARED_KEY) or []
    if all(s.token_vectors is None for s in cached):
        return None
    matrix = np.zeros((len(analysis.doc), DIMENSIONS), dtype=np.float32)
    for sentence in cached:
        if sentence.token_vectors is not None:
            matrix[sentence.token_start : sentence.token_end] = sentence.token_vectors
    return matrix


def _spans(analysis: Analysis) -> list[Span]:
    return [s for s in analysis.doc.sents if s.text.strip()]


def _words(span: Span) -> int:
    return sum(1 for t in span if t.is_alpha)


def _sentence(
    span: Span, vector: np.ndarray | None, token_vectors: np.ndarray | None = None
) -> Sentence:
    tokens = [t for t in span if not t.is_space]
    return Sentence(
        start=tokens[0].idx,
        end=tokens[-1].idx + len(tokens[-1].text),
        token_start=span.start,
        token_end=span.end,
        vector=vector,
        token_vectors=token_vectors,
    )


def _embedded(
    span: Span, vectors: np.ndarray, pieces: Sequence[WordPieces] | None, row: int
) -> Sentence:
    """A sentence with its vector and, when the encoder gives word pieces (test doubles that wrap
    `encode` give none), each token's pieces averaged: a piece belongs to the token it starts in;
    a token with no piece, such as a space, gets zeros."""
    if pieces is None:
        return _sentence(span, vectors[row])
    own = pieces[row]
    starts = np.array([t.idx - span.start_char for t in span])
    owner = np.searchsorted(starts, own.starts, side="right") - 1
    sums = np.zeros((len(span), DIMENSIONS), dtype=np.float32)
    np.add.at(sums, owner, own.vectors)
    counts = np.bincount(owner, minlength=len(span)).astype(np.float32)
    return _sentence(span, vectors[row], sums / np.maximum(counts, 1.0)[:, None])


@dataclass(frozen=True, slots=True)
class Similarity:
    """How close a sentence is to a rule's nearest positive exemplar, and to its nearest near-miss."""

    positive: float
    exemplar: str
    negative: float


class ExemplarIndex:
    """Exemplar embeddings of a set of rules, encoded once; compares sentence vectors to them."""

    def __init__(self, rules: Sequence[ConductRule], encoder: SentenceEncoder) -> None:
        texts: list[str] = []
        self._owners: list[tuple[str, bool]] = []
        for rule in rules:
            for text in rule.positives:
                texts.append(text)
                self._owners.append((rule.code, True))
            for text in rule.negatives:
                texts.append(text)
                self._owners.append((rule.code, False))
        self._texts = texts
        self._matrix = encoder.encode(texts)
        self._codes = sorted({code for code, _ in self._owners})
        self._rows = {
            (code, positive): np.array(
                [i for i, owner in enumerate(self._owners) if owner == (code, positive)],
                dtype=np.int64,
            )
            for code in self._codes
            for positive in (True, False)
        }

    def compare(self, vector: np.ndarray) -> dict[str, Similarity]:
        """For one sentence vector: per rule code with positive exemplars, its similarities."""
        scores = self._matrix @ vector
        result = {}
        for code in self._codes:
            positive_rows = self._rows[(code, True)]
            if not len(positive_rows):
                continue
            best = positive_rows[int(np.argmax(scores[positive_rows]))]
            negative_rows = self._rows[(code, False)]
            negative = float(scores[negative_rows].max()) if len(negative_rows) else -1.0
            result[code] = Similarity(float(scores[best]), self._texts[best], negative)
        return result
