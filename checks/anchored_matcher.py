"""A spaCy token Matcher that runs only the patterns a doc could match.

spaCy's Matcher tries every pattern at every token, so its cost grows with the number of patterns
even when a draft holds none of their words. Here each label gets its own Matcher and an anchor:
the words of the patterns' required tokens (`LOWER`, `ORTH` or `LEMMA`, equal to a word or `IN` a
list). A label whose every pattern has an anchor runs only on a doc that holds one of the anchor
words; a label with a pattern that has none always runs. The matches are the same as one Matcher's
over all the patterns, label by label.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

TokenSpec = dict[str, object]
REQUIRED_OPS = frozenset({"", "1", "+"})
"""A token with one of these operators must be in every match (`!`, `?`, `*`, `{0,n}` need not)."""


@dataclass(frozen=True, slots=True)
class Anchor:
    """Words one of which a doc must hold (lower-cased or verbatim, or as a lemma)."""

    words: frozenset[str]
    lemmas: frozenset[str]

    def found_in(self, words: set[str], lemmas: set[str]) -> bool:
        return not self.words.isdisjoint(words) or not self.lemmas.isdisjoint(lemmas)


def _values(spec: object) -> frozenset[str] | None:
    if isinstance(spec, str):
        return frozenset({spec})
    if isinstance(spec, dict) and set(spec) == {"IN"}:
        return frozenset(str(value) for value in spec["IN"])
    return None


def pattern_anchor(pattern: list[TokenSpec]) -> Anchor | None:
    """The narrowest word set among the pattern's required tokens, or None if it has none."""
    best: Anchor | None = None
    for token in pattern:
        if str(token.get("OP", "")) not in REQUIRED_OPS:
            continue
        for attr in ("LOWER", "ORTH", "LEMMA"):
            values = _values(token.get(attr))
            if values is None:
                continue
            anchor = Anchor(values, frozenset()) if attr != "LEMMA" else Anchor(frozenset(), values)
            if best is None or len(values) < len(best.words | best.lemmas):
                best = anchor
    return best


def label_anchor(patterns: Iterable[list[TokenSpec]]) -> Anchor | None:
    """The union of the patterns' anchors, or None when one pattern has none."""
    anchors = [pattern_anchor(p) for p in patterns]
    if any(a is None for a in anchors):
        return None
    return Anchor(
        frozenset().union(*(a.words for a in anchors if a)),
        frozenset().union(*(a.lemmas for a in anchors if a)),
    )


class AnchoredMatcher:
    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._labels: list[tuple[Anchor | None, Matcher]] = []

    def add(self, label: str, patterns: list[list[TokenSpec]]) -> None:
        matcher = Matcher(self.vocab)
        matcher.add(label, patterns)
        self._labels.append((label_anchor(patterns), matcher))

    def __call__(self, doc: Doc) -> list[Span]:
        """Every match as a labelled span, grouped by label in the order the labels were added."""
        words = {t.lower_ for t in doc} | {t.text for t in doc}
        lemmas = {t.lemma_ for t in doc}
        found: list[Span] = []
        for anchor, matcher in self._labels:
            if anchor is None or anchor.found_in(words, lemmas):
                found.extend(matcher(doc, as_spans=True))
        return found
