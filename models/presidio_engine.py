"""Presidio's analyzer, built in code around the already-loaded spaCy pipeline.

Presidio's default configuration would download `en_core_web_lg`; here it reuses our one pipeline
and reads the doc the pipeline already made (`nlp_artifacts`), so a draft is parsed once.
"""

from __future__ import annotations

import os

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine
from spacy.language import Language
from spacy.tokens import Doc


class SharedSpacyNlpEngine(SpacyNlpEngine):
    """A Presidio NLP engine over a spaCy pipeline that is already loaded."""

    def __init__(self, nlp: Language, model_name: str) -> None:
        super().__init__(models=[{"lang_code": "en", "model_name": model_name}])
        self.nlp = {"en": nlp}

    def load(self) -> None:
        """Already loaded: never fetch or load a second copy."""

    def artifacts(self, doc: Doc) -> NlpArtifacts:
        """Presidio's view of a doc the pipeline already parsed."""
        return self._doc_to_nlp_artifact(doc, "en")


def build_analyzer(nlp: Language, model_name: str, registry: RecognizerRegistry) -> AnalyzerEngine:
    """An AnalyzerEngine on the shared pipeline with exactly the recognizers in `registry`."""
    engine = SharedSpacyNlpEngine(nlp, model_name)
    return AnalyzerEngine(nlp_engine=engine, registry=registry, supported_languages=["en"])
