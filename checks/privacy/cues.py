"""Student cues: the words that make a first name point at one particular child.

"my students", "my kids", "3rd period", "room 14", "my 2nd graders", a grade or team word. A cue
counts for its own sentence and the next one ("My 2nd graders rocked it. Aiden spelled ...").
"""

from __future__ import annotations

from itertools import pairwise

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

STUDENT_NOUNS = [
    "student",
    "pupil",
    "kid",
    "kiddo",
    "scholar",
    "learner",
    "grader",
    "kindergartner",
    "kindergartener",
    "kinder",
    "preschooler",
    "freshman",
    "freshmen",
    "sophomore",
    "junior",
    "senior",
    "athlete",
    "player",
    "homeroom",
    "advisee",
    "mentee",
    "classmate",
]
GROUP_NOUNS = ["class", "team", "squad", "section", "homeroom", "cohort", "club", "choir", "band"]
TEAM_WORDS = ["varsity", "jv", "quarterback", "captain", "mvp", "goalie", "pitcher", "striker"]
ORDINAL = {"TEXT": {"REGEX": r"^(?i:\d+(st|nd|rd|th)|first|second|third|fourth|fifth|sixth)$"}}
NUMBER = {"LIKE_NUM": True}

_PATTERNS: dict[str, list[list[dict]]] = {
    "student noun": [[{"LEMMA": {"IN": STUDENT_NOUNS}}], [{"LOWER": {"IN": STUDENT_NOUNS}}]],
    "my group": [
        [{"LOWER": {"IN": ["my", "our"]}}, {"OP": "?"}, {"LEMMA": {"IN": GROUP_NOUNS}}],
    ],
    "period or room": [
        [ORDINAL, {"LOWER": {"IN": ["period", "hour", "block"]}}],
        [{"LOWER": {"IN": ["period", "room", "rm", "hour", "block"]}}, NUMBER],
    ],
    "grade": [
        [ORDINAL, {"LOWER": {"IN": ["grade", "grader", "graders"]}}],
        [{"LOWER": "grade"}, NUMBER],
        [{"LOWER": {"IN": ["kindergarten", "prek", "pre-k"]}}],
    ],
    "team word": [[{"LOWER": {"IN": TEAM_WORDS}}]],
    "school honour": [
        [
            {"LOWER": "student"},
            {"LOWER": "of"},
            {"LOWER": "the"},
            {"LOWER": {"IN": ["month", "week"]}},
        ],
        [{"LOWER": "honor"}, {"LOWER": "roll"}],
    ],
}


class StudentCues:
    """Which sentences of a doc talk about students."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab)
        for label, patterns in _PATTERNS.items():
            self.matcher.add(label, patterns)

    def cue_tokens(self, doc: Doc) -> list[int]:
        """Token indices where a student cue starts."""
        return sorted({start for _, start, _ in self.matcher(doc)})

    def sentences_with_cue(self, doc: Doc) -> set[int]:
        """Start tokens of sentences that have a cue, or follow a sentence that has one."""
        sents = list(doc.sents)
        cued = {doc[i].sent.start for i in self.cue_tokens(doc)}
        result = set(cued)
        for previous, current in pairwise(sents):
            if previous.start in cued:
                result.add(current.start)
        return result
