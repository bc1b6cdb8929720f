"""Span-level precision and recall with one matching rule for every entity type and data set.

A found span and a gold span match when they overlap; each gold and each found span is used in
at most one match, largest overlaps first (so one found span over "Aiden, Mia and Noah" recalls
one name, not three). "Exact" matches also agree on boundaries once a leading title, a trailing
possessive and edge punctuation are set aside on both sides.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

Span = tuple[int, int]
TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "sir",
        "madam",
        "colonel",
        "col",
        "general",
        "gen",
        "captain",
        "capt",
        "sgt",
        "sergeant",
        "president",
        "senator",
        "governor",
        "mayor",
        "coach",
        "principal",
        "judge",
        "rev",
        "father",
        "sister",
        "brother",
    ]
)
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


@dataclass(slots=True)
class SpanScore:
    """Counts for one entity type under both matching rules (see the module docstring)."""

    gold: int = 0
    found: int = 0
    matched: int = 0
    exact: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def exact_precision(self) -> float:
        return self.exact / self.found if self.found else 0.0

    @property
    def exact_recall(self) -> float:
        return self.exact / self.gold if self.gold else 0.0

    def add(self, text: str, gold: Sequence[Span], found: Sequence[Span]) -> None:
        self.gold += len(gold)
        self.found += len(found)
        pairs = match_one_to_one(gold, found)
        self.matched += len(pairs)
        self.exact += sum(core(text, g) == core(text, f) for g, f in pairs)

    def line(self, label: str) -> str:
        return (
            f"  {label:<16} precision {self.precision:.3f}  recall {self.recall:.3f}  "
            f"| exact P {self.exact_precision:.3f} R {self.exact_recall:.3f}  "
            f"(gold {self.gold}, found {self.found})"
        )


def match_one_to_one(gold: Sequence[Span], found: Sequence[Span]) -> list[tuple[Span, Span]]:
    """Pairs of overlapping gold and found spans, each span used at most once, largest overlaps
    first: one found span that covers two gold names recalls only one of them."""
    candidates = sorted(
        (
            (min(g[1], f[1]) - max(g[0], f[0]), gi, fi)
            for gi, g in enumerate(gold)
            for fi, f in enumerate(found)
            if _overlap(g, f)
        ),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_found: set[int] = set()
    pairs = []
    for _, gi, fi in candidates:
        if gi not in used_gold and fi not in used_found:
            used_gold.add(gi)
            used_found.add(fi)
            pairs.append((gold[gi], found[fi]))
    return pairs


def core(text: str, span: Span) -> Span:
    """A span without a leading title ("Mr.", "Colonel"), a trailing possessive or edge
    punctuation and spaces: the part both annotation styles agree is the name."""
    start, end = span
    while True:
        piece = text[start:end]
        trimmed = _EDGE.sub("", piece)
        if trimmed != piece:
            start += piece.index(trimmed) if trimmed else len(piece)
            end = start + len(trimmed)
            continue
        first, _, rest = piece.partition(" ")
        if rest and first.rstrip(".").casefold() in TITLES:
            start += len(first) + 1
            continue
        if piece.endswith(("'s", "\u2019s")) and len(piece) > 2:
            end -= 2
            continue
        return start, end


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]
