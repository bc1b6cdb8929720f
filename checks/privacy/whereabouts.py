"""Where students can be found, and pictures of them: home addresses, handles, "we're at the zoo
until 2:30", and posts that say they show students in a photo or video."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

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
]
_GROUP_PATTERNS = [
    [{"LEMMA": {"IN": GROUP_OF_MINORS}}],
    [{"LOWER": {"IN": ["we", "we're", "were"]}}],
]
_MEDIA_PATTERNS = [
    [
        {
            "LEMMA": {
                "IN": [
                    "photo",
                    "pic",
                    "picture",
                    "video",
                    "selfie",
                    "footage",
                    "snapshot",
                    "clip",
                    "photograph",
                    "vid",
                    "pics",
                    "reel",
                    "livestream",
                ]
            }
        }
    ],
    [{"TEXT": {"IN": ["📸", "📷", "🎥", "📹"]}}],
    [{"LOWER": {"IN": ["swipe", "pictured"]}}],
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


@dataclass(frozen=True, slots=True)
class Mention:
    label: str
    start: int
    end: int
    token_start: int


class WhereaboutsMatcher:
    """Phrases about where students are now, home streets, handles, and photos or videos."""

    def __init__(self, nlp: Language) -> None:
        self.now = Matcher(nlp.vocab)
        for label, patterns in _NOW_PATTERNS.items():
            self.now.add(label, patterns)
        self.group = Matcher(nlp.vocab)
        self.group.add("group", _GROUP_PATTERNS)
        self.media = Matcher(nlp.vocab)
        self.media.add("media", _MEDIA_PATTERNS)
        self.home = Matcher(nlp.vocab)
        self.home.add("home street", _HOME_PATTERNS)

    def students_now(self, doc: Doc) -> list[Mention]:
        """A "now" phrase in a sentence that also names a group of students (or "we")."""
        group_sents = {doc[start].sent.start for _, start, _ in self.group(doc)}
        found = []
        for span in _longest(self.now(doc, as_spans=True)):
            if span.sent.start in group_sents:
                found.append(Mention(span.label_, span.start_char, span.end_char, span.start))
        return found

    def media_mentions(self, doc: Doc) -> list[Mention]:
        return [
            Mention("media", s.start_char, s.end_char, s.start)
            for s in _longest(self.media(doc, as_spans=True))
        ]

    def home_streets(self, doc: Doc) -> list[Mention]:
        """ "lives on Maple Street": the street part of the phrase."""
        found = []
        for span in _longest(self.home(doc, as_spans=True)):
            street = span[2:]
            found.append(Mention("home street", street.start_char, street.end_char, span.start))
        return found

    def handles(self, doc: Doc) -> list[Mention]:
        """ "@maya.makes": social media handles."""
        return [
            Mention("handle", t.idx, t.idx + len(t.text), t.i)
            for t in doc
            if t.text.startswith("@") and len(t.text) > 2
        ]


def _longest(spans: list) -> list:
    kept: list = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept
