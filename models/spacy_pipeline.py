"""The spaCy English pipeline, from its registry package (never a download)."""

from __future__ import annotations

import spacy
from spacy.language import Language


def load_spacy(name: str) -> Language:
    """Load the installed spaCy package `name` (by default the en_core_web_sm 3.8.0 repackage)."""
    return spacy.load(name)


def english_words(nlp: Language) -> frozenset[str]:
    """The English dictionary words (WordNet's index) that spaCy's rule lemmatizer ships."""
    if "lemmatizer" not in nlp.pipe_names:
        raise ValueError("the spaCy pipeline has no lemmatizer; the English word list needs one")
    tables = nlp.get_pipe("lemmatizer").lookups
    if not tables.has_table("lemma_index"):
        raise ValueError("the spaCy lemmatizer has no lemma_index table")
    index = tables.get_table("lemma_index")
    return frozenset(w for words in index.values() for w in words if "_" not in w)
