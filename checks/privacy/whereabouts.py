"""Where students can be found, and pictures of them: home addresses, handles, "we're at the zoo
until 2:30", and posts that say they show students in a photo or video."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

TIME = {"TEXT": {"REGEX": r"^(?:\d{1,2}(?::\d{2})?(?:am|pm)?|noon|lunch|dismissal|pickup)$"}}

_NOW_PATTERNS: dict[str, list[list[dict]]] = {
    "until a time": [
        [
            {"LOWER": {"IN": ["until", "till", "til", "'til"]}},
            TIME,
            {"LOWER": {"IN": ["am", "pm", "a.m.", "p.m."]}, "OP": "?"},
        ],
    ],
    "right now": [
        [{"LOWER": "right"}, {"LOWER": "now"}],
        [{"LOWER": {"IN": ["currently", "rn"]}}],
        [{"LOWER": "live"}, {"LOWER": "from"}],
        [{"LOWER": "all"}, {"LOWER": "afternoon"}],
    ],
    "on the way": [
        [{"LEMMA": {"IN": ["head", "walk"]}}, {"LOWER": {"IN": ["to", "over", "into"]}}],
        [{"LOWER": "on"}, {"LOWER": "our"}, {"LOWER": "way"}, {"LOWER": "to"}],
        [{"LEMMA": "arrive"}, {"LOWER": {"IN": ["at", "in"]}}],
        [{"LOWER": "just"}, {"LEMMA": "arrive"}],
    ],
}
GROUP_OF_MINORS = [
    "student",
    "kid",
    "class",
    "grader",
    "team",
    "scholar",
    "kiddo",
    "trip",
    "kindergartner",
    "squad",
    "choir",
    "band",
    "period",
    "homeroom",
    "freshman",
    "sophomore",
    "preschooler",
]
PLACE = [
    {"LOWER": {"IN": ["at", "in", "to", "from", "on"]}},
    {"POS": {"IN": ["DET", "ADJ", "PRON"]}, "OP": "{0,3}"},
    {"POS": {"IN": ["NOUN", "PROPN"]}, "ENT_TYPE": {"NOT_IN": ["DATE", "TIME"]}},
]
"""Somewhere a group can be found ("at the zoo", "from the regional spelling bee", "on the
bus"); not a time ("on Friday", "in the morning")."""
WE = ("we", "we're", "were")
_GROUP_PATTERNS = [
    [{"LEMMA": {"IN": GROUP_OF_MINORS}}],
    [{"LOWER": {"IN": list(WE)}}],
]
ADULT_OUTINGS = [
    "rally",
    "conference",
    "convention",
    "union",
    "staff",
    "colleague",
    "coworker",
    "retreat",
    "workshop",
    "husband",
    "wife",
    "hubby",
]
"""Words that make a sentence's "we" the teacher's adult company ("We're at the state capitol
until 3 for the teacher rally"), not a class."""
MEDIA_WORDS = [
    "photo",
    "photos",
    "pic",
    "pics",
    "picture",
    "pictures",
    "video",
    "videos",
    "selfie",
    "selfies",
    "footage",
    "snapshot",
    "photograph",
    "vid",
    "reel",
    "livestream",
    "pictured",
]
_MEDIA_PATTERNS = [
    [{"LOWER": {"IN": MEDIA_WORDS}}],
    [{"TEXT": {"IN": ["\U0001f4f8", "\U0001f4f7", "\U0001f3a5", "\U0001f4f9"]}}],
]
_HOME_PATTERNS = [
    [
        {"LEMMA": "live"},
        {"LOWER": {"IN": ["on", "at"]}},
        {"IS_TITLE": True, "OP": "+"},
        {
            "LOWER": {
                "IN": [
                    "street",
                    "st",
                    "avenue",
                    "ave",
                    "road",
                    "rd",
                    "lane",
                    "ln",
                    "drive",
                    "dr",
                    "court",
                    "ct",
                    "way",
                    "boulevard",
                    "blvd",
                    "place",
                    "circle",
                ]
            }
        },
    ],
]


PATTERNS: dict[str, list[list[dict]]] = {
    **{f"now:{label}": patterns for label, patterns in _NOW_PATTERNS.items()},
    "group": _GROUP_PATTERNS,
    "adults": [[{"LEMMA": {"IN": ADULT_OUTINGS}}]],
    "place": [PLACE],
    "media": _MEDIA_PATTERNS,
    "home street": _HOME_PATTERNS,
}


@dataclass(frozen=True, slots=True)
class Mention:
    label: str
    start: int
    end: int
    token_start: int


def students_now(matches: dict[str, list[Span]], sentence_of: list[int]) -> list[Mention]:
    """A "now" phrase in a sentence that also names a group of students (or "we", unless the
    sentence says the company is adults) and a place ("My 2nd graders are obsessed with sharks
    right now" says nothing about where they are)."""
    place_sents = {sentence_of[s.start] for s in matches.get("place", [])}
    adult_sents = {sentence_of[s.start] for s in matches.get("adults", [])}
    group_sents = {
        sentence_of[s.start]
        for s in matches.get("group", [])
        if s.text.lower() not in WE or sentence_of[s.start] not in adult_sents
    }
    now = [s for label, spans in matches.items() if label.startswith("now:") for s in spans]
    return [
        Mention(span.label_, span.start_char, span.end_char, span.start)
        for span in longest(now)
        if sentence_of[span.start] in group_sents & place_sents
    ]


def media_mentions(matches: dict[str, list[Span]]) -> list[Mention]:
    """Photos and videos the post shares; not someone else's ("can't wait to see your summer
    pics")."""
    return [
        Mention("media", s.start_char, s.end_char, s.start)
        for s in longest(matches.get("media", []))
        if not {t.lower_ for t in s.doc[max(s.start - 2, 0) : s.start]} & {"your", "their"}
    ]


def home_streets(matches: dict[str, list[Span]]) -> list[Mention]:
    """ "lives on Maple Street": the street part of the phrase."""
    return [
        Mention("home street", s[2:].start_char, s[2:].end_char, s.start)
        for s in longest(matches.get("home street", []))
    ]


PLATFORM_WORDS = frozenset(
    {"insta", "instagram", "ig", "snap", "snapchat", "tiktok", "twitter", "x", "threads"}
    | {"bluesky", "facebook", "fb", "page", "account", "handle", "channel", "youtube", "remind"}
)


INSTITUTION_WORDS = ("school", "district", "athletic", "pta", "pto", "library", "official")
"""Words in a handle that make it an institution's account ("@wmsathletics", "@lincolnpta")."""


def handles(doc: Doc) -> list[Mention]:
    """ "@maya.makes": social media handles, except the author's own ("follow my insta
    @coachdave_lifts", "add me on snap @msj_teaches", "our class account @room14reads"), class
    codes ("text @mrsk5 to 81010") and institutions' accounts ("follow @wmsathletics for
    scores")."""
    return [
        Mention("handle", t.idx, t.idx + len(t.text), t.i)
        for t in doc
        if t.text.startswith("@")
        and len(t.text) > 2
        and not _own_or_code(doc, t.i)
        and not any(word in t.lower_ for word in INSTITUTION_WORDS)
    ]


def _own_or_code(doc: Doc, i: int) -> bool:
    before = [t.lower_ for t in doc[max(i - 4, 0) : i]]
    if "me" in before or (
        before[-1:] and before[-1] in PLATFORM_WORDS and {"my", "our"} & set(before)
    ):
        return True
    after = doc[i + 1 : i + 3]
    return len(after) == 2 and after[0].lower_ == "to" and after[1].like_num


def longest(spans: list[Span]) -> list[Span]:
    """Where matches overlap, the earliest and then the longest wins."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept
