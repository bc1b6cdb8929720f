"""A district's student roster, kept only as salted hashes of normalised names.

The plain names exist only while a CSV is being read; what is kept, stored and compared are
HMAC-SHA256 digests of each normalised first name, last name and full name. A draft's candidate
tokens and bigrams are hashed the same way and looked up.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass


def normalise_name(name: str) -> str:
    """Case-, accent- and spacing-insensitive form: "  José  O'Neil " -> "jose o'neil"."""
    decomposed = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def hash_name(salt: bytes, name: str) -> str:
    return hmac.new(salt, normalise_name(name).encode("utf-8"), hashlib.sha256).hexdigest()


@dataclass(frozen=True, slots=True)
class Roster:
    """Salted hashes of full names (`full`) and of their single parts (`parts`)."""

    salt: bytes
    full: frozenset[str]
    parts: frozenset[str]

    def __repr__(self) -> str:
        return f"Roster(<{len(self.full)} students>)"

    @classmethod
    def from_names(cls, names: Iterable[str], salt: bytes) -> Roster:
        full: set[str] = set()
        parts: set[str] = set()
        for name in names:
            words = normalise_name(name).split()
            if len(words) < 2:
                continue
            full.add(hash_name(salt, " ".join(words)))
            full.add(hash_name(salt, f"{words[0]} {words[-1]}"))
            parts.update(hash_name(salt, w) for w in words)
        return cls(salt=salt, full=frozenset(full), parts=frozenset(parts))

    def has_full_name(self, candidate: str) -> bool:
        return hash_name(self.salt, candidate) in self.full

    def has_name_part(self, candidate: str) -> bool:
        return hash_name(self.salt, candidate) in self.parts


def names_from_csv(data: str) -> list[str]:
    """Student names from a roster CSV: a `name` column, or `first_name`/`last_name` columns, or
    else the first one or two columns of each row. The list must not outlive the hashing."""
    rows = list(csv.reader(io.StringIO(data)))
    if not rows:
        return []
    header = [h.strip().casefold() for h in rows[0]]
    if "name" in header:
        i = header.index("name")
        return [r[i] for r in rows[1:] if len(r) > i and r[i].strip()]
    if "first_name" in header and "last_name" in header:
        f, la = header.index("first_name"), header.index("last_name")
        return [f"{r[f]} {r[la]}" for r in rows[1:] if len(r) > max(f, la)]
    return [" ".join(c for c in r[:2] if c.strip()) for r in rows if any(c.strip() for c in r[:2])]
