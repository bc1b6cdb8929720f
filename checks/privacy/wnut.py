"""WNUT-17 CoNLL files (`token<TAB>BIO-tag`, a blank line between sentences) as text with person
spans: the trainer of the name classifier and the evaluation read them the same way."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

Span = tuple[int, int]


def read_conll(path: Path) -> list[list[tuple[str, str]]]:
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
            continue
        parts = line.split("\t")
        current.append((parts[0], parts[-1]))
    if current:
        sentences.append(current)
    return sentences


def person_spans(sentence: Sequence[tuple[str, str]]) -> tuple[str, list[Span]]:
    """The sentence rebuilt with single spaces (the corpus keeps no original spacing), and its
    gold person spans as character offsets."""
    spans: list[list[int]] = []
    offset = 0
    inside = False
    for token, tag in sentence:
        start, end = offset, offset + len(token)
        if tag == "B-person":
            spans.append([start, end])
            inside = True
        elif tag == "I-person" and inside:
            spans[-1][1] = end
        else:
            inside = False
        offset = end + 1
    return " ".join(t for t, _ in sentence), [(a, b) for a, b in spans]


def read_person_sentences(path: Path) -> list[tuple[str, list[Span]]]:
    return [person_spans(s) for s in read_conll(path)]
