"""The spaCy English pipeline, from its registry package (never a download)."""

from __future__ import annotations

import spacy
from spacy.language import Language


def load_spacy(name: str) -> Language:
    """Load the installed spaCy package `name` (by default the en_core_web_sm 3.8.0 repackage)."""
    return spacy.load(name)
