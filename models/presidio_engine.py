"""Presidio's analyzer, built in code around the already-loaded spaCy pipeline.

Presidio's default configuration would download `en_core_web_lg`; here it reuses our one pipeline
and reads the doc the pipeline already made (`nlp_artifacts`), so a draft is parsed once.
Only the recognizers a teacher's post needs are registered: phone numbers, email addresses and
street addresses. People's names come from the shared doc's entities and the name lists in
`checks/privacy/names.py`, not from a second NER pass.
"""

from __future__ import annotations

import logging
import re

from presidio_analyzer import (
    AnalyzerEngine,
    Pattern,
    PatternRecognizer,
    RecognizerRegistry,
    RecognizerResult,
)
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from presidio_analyzer.predefined_recognizers import (
    EmailRecognizer,
    PhoneRecognizer,
)
from spacy.language import Language
from spacy.tokens import Doc

PRESIDIO_LOGGER = "presidio-analyzer"
CONTACT_ENTITIES: tuple[str, ...] = ("PHONE_NUMBER", "EMAIL_ADDRESS", "STREET_ADDRESS")

_STREET_SUFFIX = (
    r"(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Court|Ct|Boulevard|Blvd|Way|Place|Pl"
    r"|Circle|Cir|Terrace|Ter|Parkway|Pkwy|Highway|Hwy|Trail|Trl|Loop|Square|Sq)\b\.?"
)
_STREET_PATTERNS = (
    Pattern(
        "number and street name with a suffix",
        rf"\b\d{{1,6}}\s+(?:[NSEW]\.?\s+)?(?:[A-Z][A-Za-z'-]+\s+){{1,3}}{_STREET_SUFFIX}"
        r"(?:\s+(?:Apt\.?|Suite|Unit|#)\s*\w+)?",
        0.6,
    ),
    Pattern(
        "house number after the street name (European style)",
        # capitalised words only (Presidio matches ignoring case unless told): "1250 cans and
        # 300 boxes" is no address
        r"\b\d{1,6}\s+(?-i:[A-Z][A-Za-z\u00c0-\u017f'-]+(?:\s+[A-Z][A-Za-z\u00c0-\u017f'-]+){0,2})"
        r"\s+\d{1,5}\b",
        0.4,
    ),
    Pattern(
        "number, street name and unit",
        r"\b\d{1,6}\s+(?:[A-Z][A-Za-z'-]+\s+){1,3}\d{0,4}\s*(?:Apt\.?|Suite|Unit)\s*\w+",
        0.5,
    ),
)

_PHONE_PATTERNS = (
    Pattern(
        "digit groups with separators, any country",
        r"(?<![\w/.])(?:\+\d{1,3}[-.\s])?\(?\d{2,4}\)?[-.\s]\d{3,4}[-.\s]\d{2,4}"
        r"(?:[-.\s]\d{2,4})?(?:\s?x\d{1,5})?(?![\w/])",
        0.4,
    ),
)


MIN_CONTACT_SCORE = 0.4
"""Results scoring lower are dropped: every recognizer above scores at least this on its own,
except `CuedPhoneRecognizer`, whose matches reach it only with a phone word just before them."""
CUE_WORDS = 5
_PHONE_WORD = re.compile(
    r"(?:tele)?phone|tel|cell|mobile|fax|desk|whatsapp|sms|reach|ring|dial"
    r"|(?:call|text)(?:s|ed|ing)?"
)
_NOT_A_PHONE = re.compile(
    r"^(?:19|20)\d\d\s?[-\u2013]\s?(?:19|20)?\d\d$"  # a span of years
    r"|^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$"  # a date
    r"|^\d{1,3}(?:\.\d{1,3}){3}$"  # an IP address
)


class DigitGroupsPhoneRecognizer(PatternRecognizer):
    """Digit groups written like a phone number in any country, never a span of years, a date
    or an IP address."""

    def __init__(self, patterns: list[Pattern] | None = None) -> None:
        super().__init__(
            supported_entity="PHONE_NUMBER",
            name=type(self).__name__,
            patterns=patterns or list(_PHONE_PATTERNS),
        )

    def invalidate_result(self, pattern_text: str) -> bool:
        return bool(_NOT_A_PHONE.match(pattern_text.strip()))


class CuedPhoneRecognizer(DigitGroupsPhoneRecognizer):
    """Phone numbers without an area code or in a style no other pattern knows ("555-0134",
    "0490 75 40 81", "9472 7916"), which digits alone cannot tell from other numbers: each match
    scores 0.05, and only a phone word among the five words before it ("call his mom at
    555-0134", "Mobile: 0490 75 40 81") lifts it to `MIN_CONTACT_SCORE`. Seven to fifteen
    digits. ("Number" is no phone word: a card, licence or social security number follows it as
    often.)"""

    def __init__(self) -> None:
        super().__init__(
            patterns=[
                Pattern(
                    "digit groups after a phone word",
                    r"(?<![\w/$\u20ac\u00a3.,:])\+?\(?\d[\d ().-]{5,18}\d(?:\s?x\d{1,5})?"
                    r"(?![\w/%:])",
                    0.05,
                )
            ]
        )

    def enhance_using_context(
        self,
        text: str,
        raw_recognizer_results: list[RecognizerResult],
        other_raw_recognizer_results: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts,
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        """Lift a match to `MIN_CONTACT_SCORE` when one of the five words before it is a phone
        word. (Presidio's own context enhancer skips stop words, and "call" is one.)"""
        for result in raw_recognizer_results:
            before = text[: result.start].split()[-CUE_WORDS:]
            if any(_PHONE_WORD.fullmatch(word.strip(".,:;!?()").lower()) for word in before):
                result.score = MIN_CONTACT_SCORE
                result.recognition_metadata[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] = (
                    True
                )
        return raw_recognizer_results

    def invalidate_result(self, pattern_text: str) -> bool:
        digits = sum(c.isdigit() for c in pattern_text.split("x")[0])
        return not 7 <= digits <= 15 or super().invalidate_result(pattern_text)


class SharedSpacyNlpEngine(SpacyNlpEngine):
    """A Presidio NLP engine over a spaCy pipeline that is already loaded.

    The contact recognizers read text, tokens and lemmas, never NER entities, so every label of
    the pipeline's NER is in `labels_to_ignore`: Presidio neither maps them per draft nor warns
    "Entity ORDINAL is not mapped to a Presidio entity"."""

    def __init__(self, nlp: Language, model_name: str) -> None:
        labels = nlp.get_pipe("ner").labels if "ner" in nlp.pipe_names else ()
        super().__init__(
            models=[{"lang_code": "en", "model_name": model_name}],
            ner_model_configuration=NerModelConfiguration(labels_to_ignore=list(labels)),
        )
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


def contact_registry() -> RecognizerRegistry:
    """Phone numbers (validated US and Canadian numbers, digit groups written like a phone
    number anywhere, and shorter ones right after a phone word), email addresses and street
    addresses only."""
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.add_recognizer(PhoneRecognizer(supported_regions=("US", "CA")))
    registry.add_recognizer(DigitGroupsPhoneRecognizer())
    registry.add_recognizer(CuedPhoneRecognizer())
    registry.add_recognizer(EmailRecognizer())
    registry.add_recognizer(
        PatternRecognizer(supported_entity="STREET_ADDRESS", patterns=list(_STREET_PATTERNS))
    )
    return registry


def quiet_presidio() -> None:
    """Presidio's analyzer logs the draft's context words at DEBUG ("Context list is: ...") and
    a line per recognizer at INFO; drafts are never logged, so it speaks only from WARNING up."""
    logging.getLogger(PRESIDIO_LOGGER).setLevel(logging.WARNING)


class ContactAnalyzer:
    """Finds contact details in a doc the shared pipeline already parsed."""

    def __init__(self, nlp: Language, model_name: str) -> None:
        quiet_presidio()
        self.engine = build_analyzer(nlp, model_name, contact_registry())
        self._nlp_engine: SharedSpacyNlpEngine = self.engine.nlp_engine

    def analyze(self, doc: Doc) -> list[RecognizerResult]:
        entities = possible_contacts(doc.text)
        if not entities:
            return []
        return self.engine.analyze(
            text=doc.text,
            language="en",
            entities=entities,
            nlp_artifacts=self._nlp_engine.artifacts(doc),
            score_threshold=MIN_CONTACT_SCORE,
        )


MIN_PHONE_DIGITS = 7
"""No recognizer above finds a phone number of fewer digits."""


def possible_contacts(text: str) -> list[str]:
    """The contact types the text could hold at all: a phone number needs seven digits, an
    email address an "@", a street address a house number. Most drafts hold none, and then
    Presidio is not run (0.9 to 1.3 ms of the privacy check's 6 to 9 ms, measured)."""
    digits = sum(c.isdigit() for c in text)
    entities = []
    if digits >= MIN_PHONE_DIGITS:
        entities.append("PHONE_NUMBER")
    if "@" in text:
        entities.append("EMAIL_ADDRESS")
    if digits:
        entities.append("STREET_ADDRESS")
    return entities
