"""The anchored matcher skips patterns a draft cannot match, and finds exactly what spaCy's
Matcher over every pattern finds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.matcher import Matcher

from checks.anchored_matcher import Anchor, AnchoredMatcher, label_anchor, pattern_anchor
from checks.privacy import cues, records, whereabouts
from models.registry import Models

DATA = Path(__file__).resolve().parents[1] / "data"
PRIVACY_PATTERNS = {**cues.PATTERNS, **records.PATTERNS, **whereabouts.PATTERNS}


def _drafts() -> list[str]:
    texts = []
    for name in ("privacy_dev.jsonl", "devset.jsonl"):
        for line in (DATA / name).read_text("utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


def test_the_anchor_is_the_narrowest_required_word_set() -> None:
    pattern = [
        {"LEMMA": {"IN": ["get", "score", "earn"]}},
        {"LOWER": {"IN": ["a", "an"]}, "OP": "?"},
        {"LOWER": "percent"},
    ]
    assert pattern_anchor(pattern) == Anchor(frozenset({"percent"}), frozenset())


@pytest.mark.parametrize(
    "pattern",
    [
        [{"LOWER": "summer", "OP": "?"}, {"POS": "NOUN"}],
        [{"LOWER": "not", "OP": "!"}, {"IS_DIGIT": True}],
        [{"LOWER": {"REGEX": "^pic"}}],
        [{"LOWER": "very", "OP": "*"}, {"LOWER": {"NOT_IN": ["a"]}}],
    ],
    ids=["optional", "negated", "regex", "not-in"],
)
def test_a_pattern_without_a_required_word_has_no_anchor(pattern: list[dict]) -> None:
    assert pattern_anchor(pattern) is None


def test_a_label_runs_always_when_one_of_its_patterns_has_no_anchor() -> None:
    assert label_anchor([[{"LOWER": "iep"}], [{"IS_DIGIT": True}]]) is None
    assert label_anchor([[{"LOWER": "iep"}], [{"LEMMA": "suspend"}]]) == Anchor(
        frozenset({"iep"}), frozenset({"suspend"})
    )


def test_a_draft_without_the_words_runs_no_matcher_for_that_label(models: Models) -> None:
    matcher = AnchoredMatcher(models.nlp.vocab)
    matcher.add("retake", [[{"LEMMA": "retake"}]])
    assert matcher(models.nlp("Our team killed it at the science fair!")) == []
    found = matcher(models.nlp("Marcus finally passed his retake."))
    assert [(s.label_, s.text) for s in found] == [("retake", "retake")]


def test_it_finds_what_one_matcher_over_every_privacy_pattern_finds(models: Models) -> None:
    plain = Matcher(models.nlp.vocab)
    anchored = AnchoredMatcher(models.nlp.vocab)
    for label, patterns in PRIVACY_PATTERNS.items():
        plain.add(label, patterns)
        anchored.add(label, patterns)
    drafts = _drafts()
    assert len(drafts) > 100
    for doc in models.nlp.pipe(drafts):
        expected = sorted((s.label_, s.start, s.end) for s in plain(doc, as_spans=True))
        assert sorted((s.label_, s.start, s.end) for s in anchored(doc)) == expected
