"""Reported speech: words a draft quotes are someone else's, not the writer's tone.

"A parent wrote "those kids are animals" under our post, and I deleted it" calls hate out; scored
as written, the quoted words make it read as hate. The tone check scores the writer's own words:
each quotation is replaced by "that", as long as enough of the sentence remains to be judged.
"""

from __future__ import annotations

import re

QUOTED = re.compile(r"\"[^\"\n]+\"|\u201c[^\u201d\n]+\u201d")
"""A quotation in straight or curly double quotes (single quotes double as apostrophes)."""

_WORD = re.compile(r"[^\W\d_]+")

MIN_OWN_WORDS = 3
"""A sentence with fewer words outside its quotations is judged by the quotation itself (a
pasted quote with its author, a slogan): there is nothing else to read."""


def own_words(sentence: str) -> str:
    """The sentence with each quotation replaced by "that", or unchanged when fewer than
    MIN_OWN_WORDS words would remain."""
    masked = QUOTED.sub("that", sentence)
    if masked == sentence or len(_WORD.findall(QUOTED.sub(" ", sentence))) < MIN_OWN_WORDS:
        return sentence
    return masked
