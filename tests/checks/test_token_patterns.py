"""Bounded wildcards ("up to ten words between") match exactly as spaCy's Matcher matches them,
without its cost on drafts that repeat a pattern's first word."""

from __future__ import annotations

import json
from pathlib import Path

from spacy.matcher import Matcher

from checks.rulepack import builtin_pack
from checks.token_patterns import TokenPatternMatcher, unbounded_wildcards
from models.registry import Models

DATA = Path(__file__).resolve().parents[1] / "data"
PACKS = ("parent_test", "district_voice", "student_contact")


def _drafts() -> list[str]:
    texts = []
    for path in sorted(DATA.glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


def test_only_any_token_wildcards_with_an_upper_bound_become_star() -> None:
    pattern = [
        {"LOWER": "you"},
        {"OP": "{0,14}"},
        {"LOWER": {"IN": ["at", "on"]}, "OP": "{0,2}"},
        {"OP": "{2,4}"},
        {"LEMMA": "know"},
    ]
    assert unbounded_wildcards(pattern) == [
        {"LOWER": "you"},
        {"OP": "*"},
        {"LOWER": {"IN": ["at", "on"]}, "OP": "{0,2}"},
        {"OP": "{2,4}"},
        {"LEMMA": "know"},
    ]


def test_a_match_longer_than_the_bound_is_not_a_match(models: Models) -> None:
    matcher = TokenPatternMatcher(models.nlp.vocab)
    matcher.add("follow", [{"LEMMA": "follow"}, {"OP": "{0,3}"}, {"LOWER": "kids"}])
    near = models.nlp("Follow me on insta kids!")
    far = models.nlp("Follow the recipe for the volcano with the kids.")
    assert [(s, e) for _, s, e in matcher(near)] == [(0, 5)]
    assert matcher(far) == []


def test_every_shipped_token_pattern_matches_as_spacy_matches_it(models: Models) -> None:
    plain = Matcher(models.nlp.vocab)
    cheap = TokenPatternMatcher(models.nlp.vocab)
    for check in PACKS:
        for rule in builtin_pack(check).rules:
            for pattern in rule.patterns:
                if pattern.kind == "token":
                    key = f"{rule.code}:{pattern.id}"
                    plain.add(key, [pattern.spec])
                    cheap.add(key, pattern.spec)
    drafts = [
        *_drafts(),
        "Thank you to your families, no one will know how much you mean to me and your kids.",
        "Kids, you can always DM me or text me here if you need help with the homework tonight.",
        " ".join(["you said no to me and your friend"] * 8),
    ]
    assert len(drafts) > 300
    for doc in models.nlp.pipe(drafts):
        assert sorted(cheap(doc)) == sorted(plain(doc))
