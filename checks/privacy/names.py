"""People's names in a parsed draft, and who each one is (a possible student, staff, famous, family).

Two sources agree or complement each other: the shared spaCy doc's PERSON entities, and name lists
(US Census 1990 first names and the 30,000 most frequent surnames, shipped in `checks/data/`),
which find names the small model misses in lower-case, ALL CAPS and noisy text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

Role = Literal["person", "staff", "famous", "family", "author"]

STAFF_TITLES = frozenset(
    [
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "miss",
        "mx",
        "mx.",
        "dr",
        "dr.",
        "principal",
        "coach",
        "superintendent",
        "counselor",
        "nurse",
        "dean",
        "professor",
        "prof",
        "prof.",
        "officer",
        "librarian",
        "sra",
        "sra.",
        "sr",
        "sr.",
        "senor",
        "señor",
        "senora",
        "señora",
        "madame",
        "mme",
        "monsieur",
        "mister",
        "teacher",
        "pastor",
        "father",
        "rev",
        "rev.",
        "reverend",
        "judge",
        "deputy",
        "sheriff",
    ]
)
FAMOUS_TITLES = frozenset(
    [
        "president",
        "senator",
        "governor",
        "mayor",
        "congressman",
        "congresswoman",
        "saint",
        "st",
        "st.",
        "king",
        "queen",
        "prince",
        "princess",
        "sir",
        "lord",
        "lady",
        "author",
        "poet",
        "writer",
        "scientist",
        "artist",
        "composer",
        "representative",
        "rep",
        "rep.",
        "justice",
    ]
)
FAMILY_WORDS = frozenset(
    [
        "daughter",
        "son",
        "niece",
        "nephew",
        "grandson",
        "granddaughter",
        "husband",
        "wife",
        "brother",
        "sister",
        "mom",
        "dad",
        "mother",
        "father",
        "cousin",
        "grandma",
        "grandpa",
        "grandmother",
        "grandfather",
        "stepson",
        "stepdaughter",
        "hubby",
        "fiance",
        "fiancé",
        "fiancée",
        "partner",
        "baby",
        "toddler",
    ]
)
AMBIGUOUS_FIRST_NAMES = frozenset(
    [
        "will",
        "may",
        "june",
        "april",
        "august",
        "grace",
        "hope",
        "faith",
        "joy",
        "rose",
        "art",
        "bill",
        "mark",
        "pat",
        "sue",
        "don",
        "ray",
        "guy",
        "max",
        "chase",
        "king",
        "miles",
        "page",
        "young",
        "summer",
        "autumn",
        "dawn",
        "eve",
        "iris",
        "ivy",
        "lily",
        "daisy",
        "holly",
        "rich",
        "frank",
        "gay",
        "harmony",
        "honey",
        "sunny",
        "buddy",
        "christian",
        "major",
        "lane",
        "ward",
        "sterling",
        "chance",
        "royal",
        "precious",
        "angel",
        "baby",
        "star",
        "sky",
        "river",
        "storm",
        "wade",
        "dean",
        "earl",
        "carol",
        "bob",
        "an",
        "so",
        "ok",
        "lee",
        "long",
        "west",
        "north",
        "south",
        "young",
        "golden",
        "green",
        "brown",
        "white",
        "black",
        "gray",
        "grey",
        "hunter",
        "cash",
        "sage",
        "crystal",
        "ruby",
        "pearl",
        "amber",
        "jasmine",
        "violet",
        "hazel",
        "olive",
        "ginger",
        "penny",
        "misty",
        "candy",
        "sandy",
        "rusty",
        "dusty",
        "gene",
        "van",
        "tom",
        "kay",
        "ty",
        "bo",
        "mason",
        "carter",
        "taylor",
        "cooper",
        "parker",
        "tucker",
        "fisher",
        "porter",
        "baker",
        "walker",
        "christmas",
        "easter",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "july",
        "september",
        "october",
        "november",
        "december",
    ]
)
FAMOUS_PEOPLE = frozenset(
    n.casefold()
    for n in (
        "Martin Luther King",
        "Martin Luther King Jr.",
        "Abraham Lincoln",
        "George Washington",
        "Thomas Jefferson",
        "Benjamin Franklin",
        "Rosa Parks",
        "Harriet Tubman",
        "Frederick Douglass",
        "Ruby Bridges",
        "Jackie Robinson",
        "Helen Keller",
        "Anne Frank",
        "Maya Angelou",
        "Langston Hughes",
        "Cesar Chavez",
        "Susan B. Anthony",
        "Sally Ride",
        "Neil Armstrong",
        "Amelia Earhart",
        "Albert Einstein",
        "Isaac Newton",
        "Marie Curie",
        "Charles Darwin",
        "Thomas Edison",
        "Ada Lovelace",
        "Katherine Johnson",
        "Leonardo da Vinci",
        "Pablo Picasso",
        "Vincent van Gogh",
        "Frida Kahlo",
        "William Shakespeare",
        "Dr. Seuss",
        "Roald Dahl",
        "Eric Carle",
        "Mo Willems",
        "Judy Blume",
        "Beverly Cleary",
        "E.B. White",
        "J.K. Rowling",
        "Harry Potter",
        "Charlotte",
        "Barack Obama",
        "Michelle Obama",
        "Taylor Swift",
        "Michael Jordan",
        "LeBron James",
        "Serena Williams",
        "Simone Biles",
        "Malala Yousafzai",
        "Christopher Columbus",
        "Wolfgang Amadeus Mozart",
        "Ludwig van Beethoven",
    )
)
PLACE_NAMES = frozenset(
    [
        "georgia",
        "virginia",
        "carolina",
        "florida",
        "austin",
        "dallas",
        "houston",
        "jordan",
        "paris",
        "london",
        "florence",
        "savannah",
        "phoenix",
        "chelsea",
        "victoria",
        "denver",
        "aurora",
        "orlando",
        "raleigh",
        "sydney",
        "brooklyn",
        "india",
        "america",
        "china",
        "israel",
        "kenya",
        "tennessee",
        "nevada",
        "montana",
        "dakota",
        "washington",
        "lincoln",
    ]
)
PLACE_WORDS = frozenset(
    [
        "day",
        "school",
        "elementary",
        "middle",
        "high",
        "academy",
        "park",
        "street",
        "avenue",
        "road",
        "center",
        "library",
        "museum",
        "zoo",
        "university",
        "college",
        "county",
        "city",
        "hall",
        "field",
        "stadium",
        "gym",
        "arena",
        "church",
        "hospital",
        "river",
        "lake",
        "mountain",
        "island",
        "beach",
        "bridge",
        "square",
        "station",
        "airport",
        "district",
        "prep",
        "charter",
        "tech",
        "state",
        "institute",
        "foundation",
        "club",
        "cafe",
        "restaurant",
        "drive",
        "lane",
        "boulevard",
        "place",
        "court",
        "terrace",
        "circle",
        "rue",
        "calle",
        "strasse",
        "avenida",
        "plaza",
    ]
)
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
_FAMOUS_PARTS = frozenset(part for name in FAMOUS_PEOPLE for part in name.split())
_INITIAL = re.compile(r"^[A-Z]\.?$")
_NAME_TOKEN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'\u2019-]*$")
_NON_PERSON_ENTS = frozenset(
    {"GPE", "LOC", "ORG", "NORP", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT"}
)


@dataclass(frozen=True, slots=True)
class NameSpan:
    """A person's name in a doc: token and character offsets, how many name words, who it is."""

    token_start: int
    token_end: int
    start: int
    end: int
    words: int
    has_initial: bool
    sources: frozenset[str]
    role: Role

    @property
    def is_full(self) -> bool:
        return self.words >= 2


@dataclass(frozen=True, slots=True)
class NameLists:
    first: frozenset[str]
    last: frozenset[str]


@lru_cache(maxsize=1)
def name_lists() -> NameLists:
    """The census first names and surnames, plus popular first names of today's students (lower
    case), read once per process."""
    data = resources.files("checks").joinpath("data")
    first = data.joinpath("first_names.txt").read_text("utf-8").split()
    first += data.joinpath("modern_first_names.txt").read_text("utf-8").split()
    last = data.joinpath("last_names.txt").read_text("utf-8").split()
    return NameLists(first=frozenset(first) - STOP_WORDS, last=frozenset(last) - STOP_WORDS)


class NameFinder:
    """Finds people's names in a doc and tells staff, famous people and family from the rest."""

    def __init__(self, lists: NameLists | None = None) -> None:
        self.lists = lists or name_lists()

    def find(self, doc: Doc, author_name: str | None = None) -> list[NameSpan]:
        candidates = self._from_entities(doc) + self._from_lists(doc)
        merged = [c for c in _merge(candidates) if not _in_address(doc, c[0], c[1])]
        author = {w.casefold() for w in re.findall(r"[^\W\d_]+", author_name or "")}
        return [self._classify(doc, *c, author) for c in merged]

    def _from_entities(self, doc: Doc) -> list[tuple[int, int, frozenset[str]]]:
        found = []
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            start, end = _trim(doc, ent.start, ent.end)
            if end - start == 1 and doc[start].pos_ != "PROPN":
                continue
            if end < len(doc) and doc[end].lower_ in PLACE_WORDS:
                continue
            if end > start and any(_looks_like_name(doc[i]) for i in range(start, end)):
                found.append((start, end, frozenset({"model"})))
        return found

    def _from_lists(self, doc: Doc) -> list[tuple[int, int, frozenset[str]]]:
        found = []
        i = 0
        while i < len(doc):
            token = doc[i]
            if not self._is_first_name(token):
                i += 1
                continue
            end = i + 1
            while end < len(doc) and end - i < 4 and self._continues_name(doc[end]):
                end += 1
            if end < len(doc) and doc[end].lower_ in PLACE_WORDS:
                i = end + 1
                continue
            if end - i == 1 and not self._alone_is_name(token):
                i += 1
                continue
            found.append((i, end, frozenset({"lists"})))
            i = end
        return found

    def _is_first_name(self, token: Token) -> bool:
        return _looks_like_name(token) and token.text.casefold() in self.lists.first

    def _continues_name(self, token: Token) -> bool:
        if _INITIAL.match(token.text):
            return True
        if token.lower_ in NAME_SUFFIXES:
            return True
        if not _looks_like_name(token) or token.is_stop or token.lower_ in PLACE_WORDS:
            return False
        lower = token.text.casefold()
        return lower in self.lists.last or lower in self.lists.first or token.pos_ == "PROPN"

    def _alone_is_name(self, token: Token) -> bool:
        """A lone first name counts unless it is also a common word, a place, or part of a longer
        place or organisation name."""
        lower = token.text.casefold()
        if lower in AMBIGUOUS_FIRST_NAMES or lower in PLACE_NAMES:
            return False
        if token.ent_type_ in _NON_PERSON_ENTS:
            ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
            return ent is None or len(ent) == 1
        return True

    def _classify(
        self, doc: Doc, start: int, end: int, sources: frozenset[str], author: set[str]
    ) -> NameSpan:
        span = doc[start:end]
        words = [t for t in span if not _INITIAL.match(t.text) and t.lower_ not in NAME_SUFFIXES]
        role = _role(doc, span, author)
        return NameSpan(
            token_start=start,
            token_end=end,
            start=span.start_char,
            end=span.end_char,
            words=len(words),
            has_initial=len(words) < len(span),
            sources=sources,
            role=role,
        )


def _in_address(doc: Doc, start: int, end: int) -> bool:
    """Capitalised words after a house number, or across a line break, are an address."""
    previous = doc[start - 1] if start > 0 else None
    return (previous is not None and previous.like_num) or "\n" in doc[start:end].text


def _looks_like_name(token: Token) -> bool:
    text = token.text
    if not _NAME_TOKEN.match(text) or len(text) < 2:
        return False
    return text[0].isupper() and (text[1:].islower() or text.isupper() or "'" in text)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop titles, possessive endings, place words and punctuation from an entity's edges."""
    while start < end and (doc[start].is_punct or doc[start].lower_ in STAFF_TITLES):
        start += 1
    while end > start and (
        doc[end - 1].is_punct or doc[end - 1].lower_ in {"'s", "\u2019s"} | PLACE_WORDS
    ):
        end -= 1
    return start, end


def _merge(
    candidates: list[tuple[int, int, frozenset[str]]],
) -> list[tuple[int, int, frozenset[str]]]:
    merged: list[tuple[int, int, frozenset[str]]] = []
    for start, end, sources in sorted(candidates):
        if merged and start < merged[-1][1]:
            last_start, last_end, last_sources = merged[-1]
            merged[-1] = (last_start, max(last_end, end), last_sources | sources)
        else:
            merged.append((start, end, sources))
    return merged


def _role(doc: Doc, span: Span, author: set[str]) -> Role:
    lower = [t.text.casefold() for t in span if t.lower_ not in NAME_SUFFIXES]
    if author and set(lower) <= author:
        return "author"
    before = doc[max(span.start - 3, 0) : span.start]
    prev = doc[span.start - 1].lower_ if span.start > 0 else ""
    if prev in STAFF_TITLES or (
        span.start > 1 and prev == "." and doc[span.start - 2].lower_ in STAFF_TITLES
    ):
        return "staff"
    text = " ".join(lower)
    if text in FAMOUS_PEOPLE or prev in FAMOUS_TITLES or _is_holiday(doc, span):
        return "famous"
    if span.end - span.start >= 2 and set(lower) <= _FAMOUS_PARTS:
        return "famous"
    if prev == "by" and span.start > 1 and not doc[span.start - 2].is_stop:
        return "famous"
    if any(t.lower_ in FAMILY_WORDS for t in before) and any(
        t.lower_ in {"my", "our"} for t in before
    ):
        return "family"
    return "person"


def _is_holiday(doc: Doc, span: Span) -> bool:
    following = [t.lower_ for t in doc[span.end : span.end + 3]]
    return "day" in following[:3] and following[0] in {"day", "jr", "jr.", "'s", "\u2019s"}
