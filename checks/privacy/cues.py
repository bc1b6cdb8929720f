"""Student cues: the words that make a first name point at one particular child.

"my students", "my kids", "3rd period", "room 14", "my 2nd graders", a grade or team word. A cue
counts for its own sentence and its neighbours ("My 2nd graders rocked it. Aiden spelled ...",
"Welcome back Liam! My 5th graders missed you.").
"""

from __future__ import annotations

from spacy.tokens import Span

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


PATTERNS = {f"cue:{label}": patterns for label, patterns in _PATTERNS.items()}


def cued_sentences(matches: dict[str, list[Span]], sentence_of: list[int]) -> set[int]:
    """Indices of sentences that have a cue, or are next to a sentence that has one. "My own
    kids" are the teacher's children, not students."""
    cued = {
        sentence_of[s.start]
        for label, found in matches.items()
        if label.startswith("cue:")
        for s in found
        if not (s.start > 0 and s.doc[s.start - 1].lower_ == "own")
    }
    return cued | {i + 1 for i in cued} | {i - 1 for i in cued if i > 0}
