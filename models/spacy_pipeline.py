"""The spaCy English pipeline, from its registry package (never a download)."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

COLON_BEFORE_QUOTE = r"""(?<=[^\W\d_]):(?=["\u201c])"""
QUOTE_AFTER_COLON = r"""(?<=:)["\u201c]"""
"""A speaker's colon and the quotation glued to a word ('Jayden:"is this on the test?"'), which
spaCy's English tokenizer otherwise leaves as one token, hiding the speaker's name."""


def load_spacy(name: str) -> Language:
    """Load the installed spaCy package `name` (by default the en_core_web_sm 3.8.0 repackage),
    with the tokenizer also splitting a speaker's colon from a glued quotation."""
    return with_speaker_infixes(spacy.load(name))


def with_speaker_infixes(nlp: Language) -> Language:
    """`nlp`, its tokenizer also splitting a speaker's colon from a glued quotation: every
    tokenizer that must find the pipeline's words is made through here."""
    infixes = [*nlp.Defaults.infixes, COLON_BEFORE_QUOTE, QUOTE_AFTER_COLON]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


def english_words(nlp: Language) -> frozenset[str]:
    """The English dictionary words (WordNet's index) that spaCy's rule lemmatizer ships."""
    if "lemmatizer" not in nlp.pipe_names:
        raise ValueError("the spaCy pipeline has no lemmatizer; the English word list needs one")
    tables = nlp.get_pipe("lemmatizer").lookups
    if not tables.has_table("lemma_index"):
        raise ValueError("the spaCy lemmatizer has no lemma_index table")
    index = tables.get_table("lemma_index")
    return frozenset(w for words in index.values() for w in words if "_" not in w)
