"""Reported speech: words a draft quotes or names are someone else's, not the writer's tone.

"A parent wrote "those kids are animals" under our post, and I deleted it" calls hate out; scored
as written, the quoted words make it read as hate. So does "We talked about why calling someone
stupid hurts": the word is named, not used. The tone check scores the writer's own words: each
quotation, and the word a naming verb gives someone ("calling people X", "called her a X"), is
replaced by "that", as long as enough of the sentence remains to be judged.

A naming verb whose subject is the writer ("I'd call him an idiot", "we call ourselves...") is the
writer's own word and is read as written.
"""

from __future__ import annotations

import re

QUOTED = re.compile(
    r"\"[^\"\n]+\"|\u201c[^\u201d\n]+\u201d|\u2018[^\u2019\n]+\u2019"
    r"|(?<![\w'])'(?=[^\W\d_])(?:[^'\n]|(?<=\w)'(?=\w)){1,40}(?<=[\w!?.*])'(?![\w'])"
)
"""A quotation in double quotes, curly single quotes, or straight single quotes around a few
words ('you're so dumb'); an apostrophe inside or after a word ("kids' projects") opens none."""

OBJECTS = (
    r"me|you|him|her|us|them|someone|somebody|anyone|anybody|everyone|everybody|each other|"
    r"one another|others|a (?:classmate|kid|student|friend|child)|"
    r"(?:[^\W\d_]+\s+)?(?:people|kids|students|classmates|children|friends|boys|girls|folks)"
)
"""Whom a naming verb names: pronouns, and people, kids or students with at most one word before
them ("calling disabled people ...")."""

NOT_A_NAME = (
    r"(?:out|up|back|off|in|on|over|down|to|for|about|and|or|but|when|if|at|by|with|from)\b"
)

NAMED = re.compile(
    rf"\b(?:call|calls|called|calling|name|names|named|naming)\s+(?:{OBJECTS})\s+"
    rf"(?!{NOT_A_NAME}|(?:an?\s+)?\x00)"
    r"(?P<name>(?:an?\s+)?(?:[^\W\d_][\w*'-]*\s+[^\W\d_][\w*'-]*(?=\s*[.,;:!?)]|\s*$)"
    r"|[^\W\d_][\w*'-]*))",
    re.IGNORECASE,
)
"""A naming verb, whom it names, and the name: two words when they end the clause ("call me a
camel fucker?"), the next word otherwise ("calling someone stupid hurts", "who call me a liar
are idiots": the writer's "idiots" stays); never a particle ("called me out") or a name already
quoted."""

WRITER_NAMES = re.compile(
    r"\b(?:i|we)(?:'m|'d|'ll|'ve|\s+am|\s+would|\s+will|\s+just|\s+really|\s+do|\s+did|\s+always"
    r"|\s+often|\s+sometimes|\s+have)*\s*$",
    re.IGNORECASE,
)
"""The writer as the naming verb's subject: "I'd call him an idiot" is the writer's own word."""

WORD = re.compile(r"[^\W\d_]+")
"""A run of letters: a word, as the tone check counts what it reads."""

MIN_OWN_WORDS = 3
"""A sentence with fewer words outside its quotations is judged by the quotation itself (a
pasted quote with its author, a slogan): there is nothing else to read."""


def own_words(sentence: str) -> str:
    """The sentence with each quotation and each name given by someone else replaced by "that",
    or unchanged when fewer than MIN_OWN_WORDS words would remain."""
    masked = NAMED.sub(_named, QUOTED.sub(_MASK, sentence))
    if _MASK not in masked or len(WORD.findall(masked)) < MIN_OWN_WORDS:
        return sentence
    return masked.replace(_MASK, "that")


_MASK = "\x00"


def _named(match: re.Match[str]) -> str:
    if WRITER_NAMES.search(match.string[: match.start()]):
        return match.group(0)
    name = match.group("name")
    start = match.start("name") - match.start()
    return match.group(0)[:start] + _MASK + name[len(name.rstrip()) :]
