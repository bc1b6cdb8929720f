"""Names of groups of people, as drafts write them.

Training groups the exemplars that differ only by the group they name (`models.train_tone`), so
that cross-validation asks whether the classifier reads a new phrasing, not a known sentence with
another group in it; the tone normaliser counts these names as words (the English dictionary it
reads mostly lacks their plurals).
"""

from __future__ import annotations

import re

GROUPS: frozenset[str] = frozenset(
    (
        *("women", "woman", "female", "females", "girls", "men", "males", "trans", "transgender"),
        *("gay", "gays", "lesbian", "lesbians", "bisexual", "queer", "nonbinary", "lgbt", "lgbtq"),
        *("black", "blacks", "white", "whites", "asian", "asians", "latino", "latinos", "latina"),
        *("hispanic", "hispanics", "mexican", "mexicans", "arab", "arabs", "african", "africans"),
        *("muslim", "muslims", "islam", "islamic", "jew", "jews", "jewish", "christian", "hindu"),
        *("christians", "hindus", "sikh", "sikhs", "catholic", "catholics", "atheist", "atheists"),
        *("immigrant", "immigrants", "refugee", "refugees", "migrant", "migrants", "foreigners"),
        *("disabled", "autistic", "deaf", "blind", "roma", "indigenous", "native", "natives"),
        *("chinese", "american", "americans", "old"),
    )
)

_NAME = "|".join(sorted(GROUPS, key=len, reverse=True))
_NAMED_GROUP = re.compile(
    rf"\b(?:{_NAME})(?:\s+(?:{_NAME}))*"
    r"(?:\s+(?:people|person|men|women|kids|children|families|family|students|community|lives))?\b",
    re.IGNORECASE,
)


def frame(text: str) -> str:
    """The text with every group it names replaced by "{G}": "Muslim women are welcome here" and
    "Deaf people are welcome here" share the frame "{G} are welcome here"."""
    return _NAMED_GROUP.sub("{G}", text)
