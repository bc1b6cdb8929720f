"""Undo the spellings people use to slip hostile words past filters, before the tone model reads.

"k1ll", "s c u m", "peopledisgust", "cancr", "trahs", "stuuupid": each is read as the word it
disguises, so that the tone model scores what a parent would read. Only words outside the English
dictionary are touched, and only when the repair lands on a word of the hostile lexicon
(`checks.tone_lexicon`), a group name (`models.tone_groups`) or, for digits and symbols standing
in for letters, a dictionary word: a name, a hashtag or a school's jargon is left as written. The normalised text is only scored;
spans are always taken on the draft as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from checks.tone_lexicon import HOSTILE
from models.tone_groups import GROUPS

LEET = {"0": "o", "1": "il", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"}
"""Digits and symbols written for letters; "1" stands for "i" or "l"."""

_TOKEN = re.compile(r"[^\W_][\w@$*!]*")
_SPACED = re.compile(r"(?<![^\W_])(?:[^\W\d_] ){2,}[^\W\d_](?![^\W_])")
"""Three or more single letters separated by single spaces: "i d i o t"."""
_REPEATS = re.compile(r"(.)\1{2,}")
_QUANTITY = re.compile(r"\d+[a-z]*")
"""A number and its unit or ordinal ("10am", "4th", "5k"): never leetspeak."""
_INFLECTIONS = ("s", "es", "ed", "d", "ing", "er", "ers", "'s")

MIN_REPAIR = 4
"""Words shorter than this are never repaired by edit distance: too many near neighbours."""


class Normaliser:
    """`normalise(text)` returns the text with disguised hostile words written plainly."""

    def __init__(self, dictionary: Iterable[str]) -> None:
        self._hostile = _inflected(HOSTILE)
        self._known = frozenset(dictionary) | self._hostile | _inflected(GROUPS)
        self._deletes: dict[str, set[str]] = {}
        for word in HOSTILE | GROUPS | {w + "s" for w in HOSTILE}:
            if len(word) >= MIN_REPAIR:
                for variant in {word, *_deletions(word)}:
                    self._deletes.setdefault(variant, set()).add(word)

    def __call__(self, text: str) -> str:
        text = _SPACED.sub(lambda m: self._spaced(m.group()), text)
        return _TOKEN.sub(lambda m: self._token(m.group(), m.start() == 0), text)

    def known(self, word: str) -> bool:
        """Whether `word` (lower case) is a dictionary or lexicon word, or one inflected."""
        return word in self._known or any(
            word.endswith(ending) and word[: -len(ending)] in self._known for ending in _INFLECTIONS
        )

    def _spaced(self, run: str) -> str:
        joined = run.replace(" ", "").casefold()
        if self._hostile_word(joined) or (len(joined) >= MIN_REPAIR and self.known(joined)):
            return joined
        return self._split(joined) or run

    def _token(self, token: str, first: bool) -> str:
        core = token.rstrip("!")
        word = core.casefold()
        if self.known(word) or not any(c.isalpha() for c in word):
            return token
        repaired = (
            self._unleet(word)
            or self._unstar(word)
            or self._unrepeat(word)
            or self._split(word)
            or (self._nearest(word) if first or core.islower() or core.isupper() else None)
        )
        return token if repaired is None else repaired + token[len(core) :]

    def _unleet(self, word: str) -> str | None:
        if not any(c in LEET for c in word) or _QUANTITY.fullmatch(word):
            return None
        variants = [""]
        for c in word:
            variants = [v + r for v in variants for r in LEET.get(c, c)]
        for variant in variants:
            if variant in self._hostile or (len(variant) >= MIN_REPAIR and self.known(variant)):
                return variant
        return next(filter(None, (self._nearest(v) for v in variants)), None)

    def _unstar(self, word: str) -> str | None:
        if "*" not in word.strip("*"):
            return None
        pattern = re.compile(word.replace("*", "[a-z]"))
        matches = sorted(w for w in self._hostile if pattern.fullmatch(w))
        return matches[0] if len(matches) == 1 else None

    def _unrepeat(self, word: str) -> str | None:
        for squeezed in (_REPEATS.sub(r"\1\1", word), _REPEATS.sub(r"\1", word)):
            if squeezed != word and self._hostile_word(squeezed):
                return squeezed
        return None

    def _split(self, word: str) -> str | None:
        """Two words glued together, one of them hostile: "peopledisgust" -> "people disgust"."""
        if len(word) < 5 or not word.isalpha():
            return None
        splits = [
            (word[:i], word[i:])
            for i in range(1, len(word))
            if _part(word[:i]) and _part(word[i:]) and self.known(word[:i]) and self.known(word[i:])
        ]
        hostile = [
            (max(len(p) for p in parts if self._hostile_word(p)), parts)
            for parts in splits
            if any(self._hostile_word(p) for p in parts)
        ]
        return " ".join(max(hostile)[1]) if hostile else None

    def _hostile_word(self, word: str) -> bool:
        return word in self._hostile or (word.endswith("s") and word[:-1] in self._hostile)

    def _nearest(self, word: str) -> str | None:
        """A hostile word or group name one deletion, insertion, substitution or swap away, if
        any: a base word before an inflected one, the longer first ("hatrd" is "hatred" before
        "hated")."""
        if len(word) < MIN_REPAIR or not word.isalpha():
            return None
        candidates = set(self._deletes.get(word, ()))
        for variant in _deletions(word):
            candidates |= {w for w in self._deletes.get(variant, ()) if _one_edit(word, w)}
        return min(candidates, key=lambda w: (w not in HOSTILE | GROUPS, -len(w), w), default=None)


def _part(word: str) -> bool:
    return len(word) >= 2 or word in ("i", "a")


def _inflected(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w + e for w in words for e in ("", "s", "es", "ed", "ing", "er", "ers"))


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _one_edit(a: str, b: str) -> bool:
    """Whether `a` and `b` differ by one substitution, one adjacent swap, or one deletion."""
    if abs(len(a) - len(b)) == 1:
        return True  # they share a deletion and differ in length by one
    if len(a) != len(b):
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return len(diff) == 1 or (
        len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
    )
