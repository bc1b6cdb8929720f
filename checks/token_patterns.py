"""spaCy token patterns with bounded wildcards ("up to ten words between"), matched in linear time.

spaCy expands `{"OP": "{0,14}"}` into fourteen optional tokens, and its Matcher follows every way
of taking or skipping each one from every place the pattern can start: one such rule took 97 ms on
a 60-word draft that repeats "you", and the time grows with the square of the draft. Here a
wildcard that reads any token is matched as `*`, which the Matcher follows in one state, and each
candidate is then confirmed by the original pattern on the candidate's own few tokens. The matches
are exactly the original pattern's; only candidates cost the original's price.
"""

from __future__ import annotations

import re

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

TokenSpec = dict[str, object]
_BOUNDED = re.compile(r"\{0?,\d+\}")


def unbounded_wildcards(pattern: list[TokenSpec]) -> list[TokenSpec]:
    """The pattern with every bounded any-token wildcard (`{OP: "{0,n}"}`) made `*`."""
    return [
        {"OP": "*"} if set(token) == {"OP"} and _BOUNDED.fullmatch(str(token["OP"])) else token
        for token in pattern
    ]


class TokenPatternMatcher:
    """A Matcher for token patterns, one pattern per key, with cheap bounded wildcards."""

    def __init__(self, vocab: Vocab) -> None:
        self._candidates = Matcher(vocab)
        self._exact: dict[int, Matcher] = {}
        self._vocab = vocab

    def __len__(self) -> int:
        return len(self._candidates)

    def add(self, key: str, pattern: list[TokenSpec]) -> None:
        loose = unbounded_wildcards(pattern)
        self._candidates.add(key, [loose])
        if loose != pattern:
            exact = Matcher(self._vocab)
            exact.add(key, [pattern])
            self._exact[self._vocab.strings[key]] = exact

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(key id, start, end) for every match, as spaCy's Matcher over the patterns gives them."""
        found = []
        for key, start, end in self._candidates(doc):
            exact = self._exact.get(key)
            if exact is None or any(
                s == 0 and e == end - start for _, s, e in exact(doc[start:end])
            ):
                found.append((key, start, end))
        return found
