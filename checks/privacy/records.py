"""Education records in a draft: grades, discipline, attendance, special education, health,
family circumstances and immigration status, found with lemma-aware spaCy Matcher patterns.

A record only matters when it is tied to a student; the check decides that (a student's name, a
student word or a third-person pronoun in the same sentence).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

GRADE_TOKEN = {"TEXT": {"REGEX": r"^(?:[A-DF][+-]?|\d{1,4}%?|zero)$"}}
"""A letter grade, a score (up to 4 digits: an SAT score is 400 to 1600) or a percentage."""
ASSESSMENTS = [
    "test",
    "exam",
    "quiz",
    "midterm",
    "final",
    "class",
    "course",
    "subject",
    "math",
    "english",
    "science",
    "reading",
    "algebra",
    "chemistry",
    "biology",
    "history",
    "grade",
    "semester",
    "sat",
    "act",
    "staar",
    "assessment",
]

_CATEGORY_PATTERNS: dict[str, list[list[dict]]] = {
    "grade": [
        [
            {"LEMMA": {"IN": ["get", "score", "earn", "receive", "make", "pull"]}},
            {"LOWER": {"IN": ["a", "an", "only"]}, "OP": "?"},
            GRADE_TOKEN,
            {"LOWER": {"IN": ["on", "in", "out", "percent", "%"]}},
        ],
        [{"LOWER": {"IN": ["gpa", "report"]}}, {"LOWER": "card", "OP": "?"}],
        [
            {"LEMMA": {"IN": ["low", "high", "bad", "good"]}, "OP": "?"},
            {"LOWER": "test"},
            {"LOWER": "score"},
        ],
    ],
    "failing": [
        [
            {"LEMMA": {"IN": ["fail", "flunk"]}},
            {"OP": "?", "LOWER": {"IN": ["the", "his", "her", "their", "another", "every"]}},
            {"OP": "{0,2}", "POS": {"IN": ["NOUN", "PROPN", "ADJ"]}},
            {"LEMMA": {"IN": ASSESSMENTS}},
        ],
        [{"LEMMA": {"IN": ["fail", "flunk"]}}, {"LOWER": {"IN": ["again", "out"]}}],
        [{"LOWER": "failing"}, {"LEMMA": {"IN": ASSESSMENTS}}],
        [{"LEMMA": {"IN": ["retake", "retook"]}}],
        [{"LEMMA": "repeat"}, {"LOWER": {"IN": ["the", "a"]}, "OP": "?"}, {"LOWER": "grade"}],
        [{"LOWER": {"IN": ["held", "kept"]}}, {"LOWER": "back"}],
        [{"LOWER": "summer"}, {"LOWER": "school"}],
    ],
    "ranking": [
        [
            {"LOWER": {"IN": ["lowest", "highest", "worst", "last"]}},
            {"LOWER": {"IN": ["score", "grade", "place"]}},
        ],
        [
            {"LOWER": {"IN": ["bottom", "top"]}},
            {"LOWER": "of"},
            {"LOWER": "the"},
            {"LOWER": "class"},
        ],
        [{"LEMMA": "rank"}, {"LOWER": {"IN": ["last", "first", "lowest"]}}],
        [{"LOWER": "class"}, {"LOWER": "rank"}],
    ],
    "discipline": [
        [{"LEMMA": {"IN": ["suspend", "expel"]}}],
        [{"LEMMA": {"IN": ["suspension", "expulsion", "detention", "write-up"]}}],
        [
            {"LOWER": {"IN": ["office", "discipline", "disciplinary"]}},
            {"LEMMA": {"IN": ["referral", "record", "report"]}},
        ],
        [
            {"LEMMA": "send"},
            {"LOWER": "to"},
            {"LOWER": "the"},
            {"LOWER": {"IN": ["office", "principal"]}},
        ],
    ],
    "attendance": [
        [{"LEMMA": "miss"}, {"LIKE_NUM": True}, {"LEMMA": {"IN": ["day", "week", "class"]}}],
        [{"LOWER": {"IN": ["absent", "absences", "tardies", "truant", "truancy"]}}],
        [{"LOWER": "chronically"}, {"LOWER": {"IN": ["absent", "late", "tardy"]}}],
        [{"LOWER": {"IN": ["his", "her", "their", "'s", "\u2019s"]}}, {"LOWER": "attendance"}],
    ],
    "special education": [
        [
            {"LEMMA": {"IN": ["have", "on", "get", "qualify", "with"]}},
            {"LOWER": {"IN": ["an", "a", "for", "his", "her"]}, "OP": "?"},
            {"LOWER": {"IN": ["iep", "504"]}},
        ],
        [
            {"LOWER": {"IN": ["iep", "504", "sped", "ese"]}},
            {"LEMMA": {"IN": ["kid", "student", "plan", "child", "boy", "girl"]}},
        ],
        [{"LOWER": {"IN": ["his", "her", "'s", "\u2019s"]}}, {"LOWER": {"IN": ["iep", "504"]}}],
        [
            {"LOWER": {"IN": ["special", "exceptional"]}},
            {"LOWER": {"IN": ["ed", "education", "needs"]}},
            {
                "LEMMA": {
                    "IN": ["kid", "student", "class", "classroom", "placement", "child", "program"]
                }
            },
        ],
        [
            {"LOWER": "in"},
            {"LOWER": {"IN": ["special", "sped"]}},
            {"LOWER": {"IN": ["ed", "education"]}, "OP": "?"},
        ],
        [
            {"LOWER": "life"},
            {"LOWER": "skills"},
            {"LEMMA": {"IN": ["class", "classroom", "kid", "student", "room"]}},
        ],
        [
            {"LOWER": {"IN": ["resource", "self-contained"]}},
            {"LEMMA": {"IN": ["room", "class", "classroom"]}},
        ],
    ],
    "diagnosis": [
        [
            {
                "LOWER": {
                    "IN": [
                        "adhd",
                        "autism",
                        "autistic",
                        "dyslexia",
                        "dyslexic",
                        "epilepsy",
                        "epileptic",
                        "diabetic",
                        "diabetes",
                        "bipolar",
                        "ocd",
                        "ptsd",
                        "anorexia",
                        "bulimia",
                        "depression",
                        "asperger",
                        "asperger's",
                        "aspergers",
                        "cancer",
                        "leukemia",
                        "chemo",
                        "chemotherapy",
                        "seizure",
                        "seizures",
                        "concussion",
                    ]
                }
            }
        ],
        [{"LEMMA": "diagnose"}],
        [{"LOWER": "on"}, {"LOWER": "the"}, {"LOWER": "spectrum"}],
        [
            {"LOWER": {"IN": ["anxiety", "eating", "learning", "seizure"]}},
            {"LEMMA": {"IN": ["disorder", "disability", "attack"]}},
        ],
        [{"LEMMA": {"IN": ["therapy", "therapist", "psychiatrist", "rehab"]}}],
    ],
    "medication": [
        [
            {
                "LOWER": {
                    "IN": [
                        "meds",
                        "medication",
                        "medications",
                        "ritalin",
                        "adderall",
                        "concerta",
                        "insulin",
                        "vyvanse",
                        "antidepressants",
                        "inhaler",
                        "epipen",
                    ]
                }
            }
        ],
    ],
    "pregnancy": [[{"LOWER": {"IN": ["pregnant", "pregnancy"]}}]],
    "family circumstances": [
        [
            {
                "LEMMA": {
                    "IN": [
                        "divorce",
                        "divorcing",
                        "custody",
                        "incarcerated",
                        "homeless",
                        "homelessness",
                        "evict",
                        "eviction",
                    ]
                }
            }
        ],
        [
            {"LOWER": "foster"},
            {"LEMMA": {"IN": ["care", "home", "kid", "child", "family", "parent", "placement"]}},
        ],
        [{"LEMMA": "foster"}, {"LOWER": {"IN": ["him", "her", "them"]}}],
        [{"LOWER": {"IN": ["kinship", "group"]}}, {"LEMMA": {"IN": ["care", "home"]}}],
        [{"LOWER": {"IN": ["in", "to"]}}, {"LOWER": {"IN": ["jail", "prison"]}}],
        [{"LOWER": "free"}, {"LOWER": {"IN": ["lunch", "and"]}}],
        [{"LEMMA": {"IN": ["parent", "mom", "dad"]}}, {"LEMMA": {"IN": ["split", "separate"]}}],
        [{"LEMMA": "pass"}, {"LOWER": "away"}],
    ],
    "immigration status": [
        [
            {
                "LOWER": {
                    "IN": ["undocumented", "daca", "deported", "deportation", "asylum", "refugee"]
                }
            }
        ],
        [{"LOWER": "illegal"}, {"LEMMA": {"IN": ["immigrant", "alien"]}}],
        [{"LOWER": "no"}, {"LOWER": "papers"}],
        [{"LOWER": "green"}, {"LEMMA": "card"}],
    ],
}


PATTERNS = {f"record:{category}": p for category, p in _CATEGORY_PATTERNS.items()}
# Phrases that name a group placement ("Life Skills class") identify students by themselves.
GROUP_WORDS = frozenset({"class", "classroom", "room", "kid", "kids", "student", "students"})


@dataclass(frozen=True, slots=True)
class RecordMention:
    category: str
    token_start: int
    token_end: int
    start: int
    end: int


def record_mentions(matches: dict[str, list[Span]]) -> list[RecordMention]:
    """Education-record phrases from the shared match pass; the longest wins where two overlap."""
    spans = [s for label, found in matches.items() if label.startswith("record:") for s in found]
    mentions: list[RecordMention] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if mentions and span.start < mentions[-1].token_end:
            continue
        category = span.label_.removeprefix("record:")
        mentions.append(
            RecordMention(category, span.start, span.end, span.start_char, span.end_char)
        )
    return mentions
