"""People's names in a parsed draft, and who each one is (a possible student, staff, famous, family).

A token classifier (`checks/privacy/name_model.py`, trained on WNUT-17 social text) decides which
words are names; when the semantic layer's encoder has given every token a contextual vector, the
contextual classifier (also trained on teacher sentences full of names from many languages)
reads each token's vector and its neighbours' too. Its features include what two hand-written rules say: the shared spaCy doc's
PERSON entities, and name lists (US Census 1990 first names and the 30,000 most frequent
surnames, shipped in `checks/data/`), which catch names the small model misses in lower case,
ALL CAPS and noisy text. A few sure cues override it (a word after "Ms." or "my name is"), and a
few sure exclusions veto it (a lone place, a lower-case dictionary word, a school name).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Literal

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from checks.privacy.name_model import (
    CONTEXTUAL_MODEL_FILE,
    NameModel,
    Vocabularies,
    load_name_model,
    token_features,
    with_context_flags,
)

Role = Literal["person", "staff", "famous", "family", "author", "pet"]

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
PET_WORDS = frozenset(
    {"hamster", "guinea", "gerbil", "rabbit", "bunny", "turtle", "tortoise", "fish", "goldfish"}
    | {"lizard", "gecko", "snake", "frog", "parakeet", "bird", "pet", "mascot", "puppy", "kitten"}
    | {"dog", "cat", "chicken", "chicks", "caterpillar", "axolotl", "dragon", "iguana", "crab"}
    | {"mouse", "ferret", "chinchilla", "parrot", "tarantula", "snail", "pony", "horse", "goat"}
    | {"duck", "pig", "lamb"}
)
"""Words that, right after a name ("Nugget, our class hamster") or just before it ("a bearded
dragon named Spike"), say it is an animal's."""

PARENT_WORDS = frozenset(
    {"mom", "mum", "mama", "momma", "mommy", "dad", "daddy", "papa", "mother", "father"}
)
FAMILY_WORDS = PARENT_WORDS | frozenset(
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
        "spring",
        "winter",
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
        # names said as exclamations ("Jesus, my students are tired today")
        *("God", "Jesus", "Christ", "Jesus Christ", "Lord", "Allah", "Buddha"),
        # and the ones children write letters to
        *("Santa", "Santa Claus", "Tooth Fairy", "Easter Bunny"),
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
TITLE_WORDS_ALONE = frozenset({"teacher", "father", "nurse", "coach", "officer", "judge", "deputy"})
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
_FAMOUS_PARTS = frozenset(part for name in FAMOUS_PEOPLE for part in name.split())
_INITIAL = re.compile(r"^[A-Z]\.?$|^[a-z]\.$|^(?:[A-Z]\.){2,3}$")
_DOTTED_INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$")
_NAME_TOKEN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'\u2019-]*$")
PLACE_ENTS = frozenset({"GPE", "LOC", "NORP", "FAC"})
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


PERSON_WORDS = FAMILY_WORDS - {"baby", "partner"} | {"student", "kid", "friend", "boy", "girl"}
NAME_CUES = (
    ("my", "name", "is"),
    ("name", "is"),
    ("named",),
    ("called",),
    ("name", ":"),
    *((call, who) for call in ("call", "calls") for who in ("me", "him", "her", "them")),
)
GREETINGS = frozenset(
    {"hi", "hey", "hello", "dear", "congrats", "congratulations", "welcome", "bye", "goodbye"}
)
QUOTES = frozenset({'"', "'", "\u201c", "\u2018", "\u201d", "\u2019"})
SPEAKER_WORDS = PERSON_WORDS | {"me", "teacher", "student", "students", "class", "everyone"}
NAME_JOINERS = frozenset({",", "and", "&"})


class NameFinder:
    """Finds people's names in a doc and tells staff, famous people and family from the rest.

    The name classifier (`checks/privacy/name_model.py`) decides, token by token; the hand-written
    rules below (spaCy's PERSON entities, census-list first names followed by surnames) are among
    its features, and a word right after a title, a greeting or "my name is", or a speaker's
    label in a quoted exchange, is always a name. Single words listed with a name join it, and so
    does every later mention of a name found (the same person, with the same role)."""

    def __init__(
        self,
        english: frozenset[str],
        lists: NameLists | None = None,
        model: NameModel | None = None,
        contextual: NameModel | None = None,
    ) -> None:
        self.lists = lists or name_lists()
        self._model = model
        self._contextual = contextual
        self.vocab = Vocabularies(
            first=self.lists.first,
            last=self.lists.last,
            english=english,
            titles=STAFF_TITLES | FAMOUS_TITLES,
            places=PLACE_NAMES | PLACE_WORDS,
            ambiguous=AMBIGUOUS_FIRST_NAMES,
        )

    @property
    def model(self) -> NameModel:
        """The given classifier, or the shipped one (read on first use, so the trainer can use
        `features` before any weights exist)."""
        if self._model is None:
            self._model = load_name_model()
        return self._model

    @property
    def contextual(self) -> NameModel:
        """The classifier that also reads contextual token vectors (given, or the shipped one)."""
        if self._contextual is None:
            self._contextual = load_name_model(CONTEXTUAL_MODEL_FILE)
        return self._contextual

    def features(self, doc: Doc, vectors: np.ndarray | None = None) -> list[list[str]]:
        """The classifier's per-token features of `doc` (also what the trainer learns from),
        with the contextual model's extra flags when there are `vectors`."""
        features = token_features(doc, self.rule_flags(doc), self.vocab)
        return features if vectors is None else with_context_flags(features, vectors)

    def rule_flags(self, doc: Doc) -> list[str]:
        """For every token, which hand-written rules put it inside a name: "model", "lists",
        "lists+model" or ""."""
        flags: list[set[str]] = [set() for _ in doc]
        for start, end, sources in self._from_entities(doc) + self._from_lists(doc):
            for i in range(start, end):
                flags[i] |= sources
        return ["+".join(sorted(f)) for f in flags]

    def find(
        self, doc: Doc, author_name: str | None = None, vectors: np.ndarray | None = None
    ) -> list[NameSpan]:
        """Names in `doc`; `vectors` (one contextual vector per token, from the semantic layer)
        switch to the contextual classifier."""
        flags = self.rule_flags(doc)
        features = token_features(doc, flags, self.vocab)
        if vectors is None:
            model = self.model
        else:
            model, features = self.contextual, with_context_flags(features, vectors)
        probabilities = model.probabilities(features, vectors)
        for i in self._after_name_cues(doc) + self._speakers(doc):
            probabilities[i] = max(probabilities[i], model.seed)
        candidates = []
        for start, end in model.runs(probabilities):
            start, end = self._shrink(doc, start, end, probabilities, model.seed)
            start, end = _trim(doc, _with_leading_initials(doc, start), _with_initials(doc, end))
            if self._is_name_run(doc, start, end):
                sources = {"classifier"} | {s for f in flags[start:end] for s in f.split("+") if s}
                candidates.append((start, end, frozenset(sources)))
        candidates += self._listed_with(doc, candidates)
        kept = [c for c in candidates if not _in_address(doc, c[0], c[1])]
        author = {w.casefold() for w in re.findall(r"[^\W\d_]+", author_name or "")}
        names = _same_roles(doc, [self._classify(doc, *c, author) for c in kept])
        return sorted(names + self._mentioned_again(doc, names), key=lambda n: n.token_start)

    def _is_name_run(self, doc: Doc, start: int, end: int) -> bool:
        """Whether the classifier's run of tokens can be a name at all: not an abbreviation, a
        plain word, a lone place or a place's name ("Lincoln Park")."""
        if end <= start or not any(t.is_alpha for t in doc[start:end]):
            return False
        if end - start == 1 and (self._is_abbreviation(doc[start]) or self._is_place(doc[start])):
            return False
        if all(self._is_plain_word(t) for t in doc[start:end]):
            return False
        return not (end < len(doc) and doc[end].lower_ in PLACE_WORDS)

    def _name_shaped(self, token: Token) -> bool:
        """A capitalised word that is a first name, or no dictionary word (nor the plural of
        one: "Wildcats"), stop word, title or place word."""
        lower = token.lower_
        if not _looks_like_name(token) or token.is_stop or lower in self.vocab.titles:
            return False
        if lower in PLACE_WORDS or lower in PLACE_NAMES:
            return False
        if lower in self.lists.first:
            return True
        singular = lower[:-1] if lower.endswith("s") else lower
        return lower not in self.vocab.english and singular not in self.vocab.english

    def _could_be_name(self, token: Token) -> bool:
        """A name-shaped word that spaCy does not call a place or an organisation."""
        return self._name_shaped(token) and token.ent_type_ not in _NON_PERSON_ENTS

    def _speakers(self, doc: Doc) -> list[int]:
        """Who speaks in a draft written as a script ('Jayden: "Is this on the test?"', "Me: what
        is 7 x 8? Jayden: 56!"): a name-shaped word at the start of a line or sentence followed
        by a colon, when a quotation follows the colon or another speaker answers (a name or
        "Me", "Teacher", "Student"...: "Reminder:" and "Update:" are headings, not speakers).
        (spaCy's entity tags are not asked: it calls half of the speakers places.)"""
        labels = [
            t.i
            for t in doc[:-1]
            if doc[t.i + 1].text == ":"
            and t.is_alpha
            and t.text[:1].isupper()
            and (t.i == 0 or t.is_sent_start or "\n" in doc[t.i - 1].text)
        ]
        named = [i for i in labels if self._name_shaped(doc[i])]
        people = {doc[i].lower_ for i in labels if doc[i].lower_ in SPEAKER_WORDS}
        dialogue = len({doc[i].lower_ for i in named} | people) >= 2
        return [i for i in named if dialogue or (i + 2 < len(doc) and doc[i + 2].text in QUOTES)]

    def _listed_with(
        self, doc: Doc, names: Sequence[tuple[int, int, frozenset[str]]]
    ) -> list[tuple[int, int, frozenset[str]]]:
        """Single words listed with a name ("Hleb, Sheila and Donna"): a word joined to a name
        by a comma, "and" or both that could be a name itself."""
        taken = {i for start, end, _ in names for i in range(start, end)}
        found: list[tuple[int, int, frozenset[str]]] = []
        for start, end, _ in names:
            for step, edge in ((-1, start - 1), (1, end)):
                i = edge
                while 0 <= i < len(doc) and abs(i - edge) < 2 and doc[i].lower_ in NAME_JOINERS:
                    i += step
                if i == edge or not 0 <= i < len(doc) or i in taken:
                    continue
                if self._could_be_name(doc[i]) and not _in_longer_name(doc, i):
                    taken.add(i)
                    found.append((i, i + 1, frozenset({"list"})))
        return found

    def _mentioned_again(self, doc: Doc, names: Sequence[NameSpan]) -> list[NameSpan]:
        """A name found in the draft, written again in full or one of its words on its own
        ("Marcus Delgado passed his retake. So proud of Marcus!"): the same person, with the
        same role."""
        if not names:
            return []
        taken = {i for n in names for i in range(n.token_start, n.token_end)}
        folded = [t.text.casefold() for t in doc]
        again = []
        for name in (n for n in names if n.token_end - n.token_start > 1):
            words = folded[name.token_start : name.token_end]
            for i in range(len(doc) - len(words) + 1):
                end = i + len(words)
                if folded[i:end] == words and taken.isdisjoint(range(i, end)):
                    taken.update(range(i, end))
                    again.append(_same_person(doc, i, end, name, name.words))
        parts: dict[str, NameSpan] = {}
        for name in names:
            for token in doc[name.token_start : name.token_end]:
                if token.is_alpha and len(token.text) > 1 and not token.is_stop:
                    parts.setdefault(folded[token.i], name)
        for i, word in enumerate(folded):
            source = parts.get(word)
            if source is None or i in taken:
                continue
            token = doc[i]
            if token.is_stop:
                continue
            if token.text.islower() and token.lower_ in self.vocab.english:
                continue
            if _in_longer_name(doc, token.i) or _in_address(doc, token.i, token.i + 1):
                continue
            again.append(_same_person(doc, token.i, token.i + 1, source, 1))
        return again

    def _shrink(
        self, doc: Doc, start: int, end: int, probabilities: Sequence[float], seed: float
    ) -> tuple[int, int]:
        """Drop words at the edges of a name that the classifier only half believes and that
        show no sign of a name themselves ("CONGRATS MARCUS DELGADO"), the lower-case person
        word that introduces a name ("my kid Mali") and a greeting ("Congrats Anika")."""

        def weak(i: int) -> bool:
            if doc[i].text.islower() and doc[i].lower_ in PERSON_WORDS:
                return True
            if doc[i].lower_ in GREETINGS:
                return True
            return probabilities[i] < seed and not self._name_evidence(doc[i])

        while end - start > 1 and weak(start):
            start += 1
        while end - start > 1 and weak(end - 1):
            end -= 1
        return start, end

    def _name_evidence(self, token: Token) -> bool:
        lower = token.lower_
        if lower in self.lists.first or lower in self.lists.last or token.ent_type_ == "PERSON":
            return True
        if _INITIAL.match(token.text):
            return True
        shouted = token.text.isupper()
        return token.pos_ == "PROPN" and not shouted and lower not in self.vocab.english

    def _is_abbreviation(self, token: Token) -> bool:
        """A short word in capitals that is no first name: "DM", "PE", "SAT"."""
        text = token.text
        return text.isupper() and len(text) <= 3 and text.casefold() not in self.lists.first

    def _is_place(self, token: Token) -> bool:
        """A lone word spaCy calls a place or nationality ("Poland", "Monroe") and no first name."""
        return token.ent_type_ in PLACE_ENTS and token.lower_ not in self.lists.first

    def _is_plain_word(self, token: Token) -> bool:
        """A lower-case dictionary word that is no first name: "mom", "poster"."""
        return (
            token.text.islower()
            and token.lower_ in self.vocab.english
            and token.lower_ not in self.lists.first
        )

    def hashtag_names(self, doc: Doc) -> list[tuple[int, int, int]]:
        """Hashtags with a first name among their capitalised words ("#MiaStrong",
        "#PrayForLiam"), as (start, end, token index); not "#BookWeek" or "#TeamGrace" (a word
        as much as a name)."""
        found = []
        for token in doc[:-1]:
            tag = doc[token.i + 1]
            if token.text != "#" or token.whitespace_:
                continue
            parts = [w.lower() for w in _CAMEL_WORDS.findall(tag.text)]
            if len(parts) > 1 and any(
                w in self.lists.first and w not in self.vocab.english | AMBIGUOUS_FIRST_NAMES
                for w in parts
            ):
                found.append((token.idx, tag.idx + len(tag.text), token.i))
        return found

    def _after_name_cues(self, doc: Doc) -> list[int]:
        """Words that can only be names: a capitalised word right after a title ("ms. Kuyra",
        "Dr. Holst") or a person word ("my kid Mali", "my student Sofia"), a word that could be
        a name after a greeting ("Congrats Mia!", "Hi Christin,"), or any word after "my name
        is", "we call him", "named", or a family name before "twins", "sisters"... ("the
        Hernandez twins")."""
        found = []
        lower = [t.lower_ for t in doc]
        for token in doc[1:]:
            i = token.i
            if not token.is_alpha or token.is_stop or lower[i] in PLACE_WORDS:
                continue
            previous = lower[i - 1]
            if previous == "." and i > 1:
                previous = lower[i - 2] + "."
            titled = previous in STAFF_TITLES and previous not in TITLE_WORDS_ALONE
            if token.text[:1].isupper() and (titled or previous in PERSON_WORDS):
                found.append(i)
                continue
            if previous in GREETINGS and self._name_shaped(token):
                found.append(i)
                continue
            following = lower[i + 1] if i + 1 < len(doc) else ""
            if previous == "the" and following in SIBLINGS and token.text[:1].isupper():
                found.append(i)
                continue
            words = tuple(lower[max(i - 3, 0) : i])
            if any(words[-len(cue) :] == cue for cue in NAME_CUES):
                found.append(i)
        return found

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


_CAMEL_WORDS = re.compile(r"[A-Z][a-z]+")
SIBLINGS = frozenset(
    {"twins", "triplets", "sisters", "brothers", "siblings", "boys", "girls", "kids"}
)
NUMBER_WORDS = frozenset({"#", "number", "no", "no.", "jersey"})
"""Words before a number that make it a player's number, not a house number ("#23 Jayden")."""


def _in_address(doc: Doc, start: int, end: int) -> bool:
    """Capitalised words after a house number, or across a line break, are an address."""
    previous = doc[start - 1] if start > 0 else None
    house_number = (
        previous is not None
        and previous.like_num
        and (start < 2 or doc[start - 2].lower_ not in NUMBER_WORDS)
    )
    return house_number or "\n" in doc[start:end].text


def _same_roles(doc: Doc, names: list[NameSpan]) -> list[NameSpan]:
    """A name whose words all belong to a staff member's, a famous person's or another known
    non-student's name in the same draft is that person ("Principal Hayes ... Hayes, you're the
    best!")."""
    known = [n for n in names if n.role != "person"]
    words = [{t.text.casefold() for t in doc[n.token_start : n.token_end]} for n in known]
    same = []
    for name in names:
        own = {t.text.casefold() for t in doc[name.token_start : name.token_end]}
        role = next((k.role for k, w in zip(known, words, strict=True) if own <= w), None)
        same.append(replace(name, role=role) if name.role == "person" and role else name)
    return same


def _same_person(doc: Doc, start: int, end: int, name: NameSpan, words: int) -> NameSpan:
    """Another mention, tokens [start, end), of the person `name` names."""
    return NameSpan(
        token_start=start,
        token_end=end,
        start=doc[start].idx,
        end=doc[end - 1].idx + len(doc[end - 1].text),
        words=words,
        has_initial=name.has_initial and words == name.words,
        sources=frozenset({"again"}),
        role=name.role,
    )


def _in_longer_name(doc: Doc, i: int) -> bool:
    """Whether the word at `i` is part of a longer proper name or a number ("White Stripes",
    "Rue Al Imam", "Loveland Technologies", "Hersnapvej 75"): a capitalised word or a number
    beside it, other than a sentence's first word."""
    before = doc[i - 1] if i > 0 and not doc[i].is_sent_start else None
    after = doc[i + 1] if i + 1 < len(doc) and not doc[i + 1].is_sent_start else None
    return any(
        t is not None and (t.like_num or (t.is_alpha and t.text[:1].isupper()))
        for t in (before, after)
    )


def _with_initials(doc: Doc, end: int) -> int:
    """Take in initials and suffixes that follow a name: "Ethan R.", "Martin Luther King Jr."."""
    while end < len(doc) and (_INITIAL.match(doc[end].text) or doc[end].lower_ in NAME_SUFFIXES):
        end += 1
    return end


def _with_leading_initials(doc: Doc, start: int) -> int:
    """Take in dotted initials before a name: "R.J. Palacio", "J. Smith"."""
    while start > 0 and _DOTTED_INITIALS.match(doc[start - 1].text):
        start -= 1
    return start


def _looks_like_name(token: Token) -> bool:
    text = token.text
    if not _NAME_TOKEN.match(text) or len(text) < 2:
        return False
    return text[0].isupper() and (text[1:].islower() or text.isupper() or "'" in text)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop titles, possessive endings, place words, punctuation and lower-case function words
    ("Proud mama of Jake": not "of Jake") from an entity's edges."""
    while start < end and (
        doc[start].is_punct or doc[start].lower_ in STAFF_TITLES or _function_word(doc[start])
    ):
        start += 1
    while end > start and (
        doc[end - 1].is_punct
        or doc[end - 1].lower_ in {"'s", "\u2019s"} | PLACE_WORDS
        or _function_word(doc[end - 1])
    ):
        end -= 1
    return start, end


def _function_word(token: Token) -> bool:
    return token.is_stop and token.is_lower


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
    if [t.lower_ for t in before][-2:] in (["vote", "for"], ["voting", "for"]) or prev in {
        "elect",
        "re-elect",
        "reelect",
    }:
        return "famous"
    after = [t.lower_ for t in doc[span.end : span.end + 5] if not t.is_sent_start]
    if any(w in PET_WORDS for w in after[:5]) or any(t.lower_ in PET_WORDS for t in before):
        return "pet"
    if any(t.lower_ in FAMILY_WORDS for t in before) and any(
        t.lower_ in {"my", "our"} for t in before
    ):
        return "family"
    if _parent_of(before):
        return "family"
    return "person"


def _parent_of(before: Span) -> bool:
    """ "Proud mama of Jake": the writer's own child (not "the mom of Jake", someone else's)."""
    words = [t.lower_ for t in before]
    return (
        len(words) >= 2
        and words[-1] == "of"
        and words[-2] in PARENT_WORDS
        and (len(words) < 3 or words[-3] not in {"the", "a", "his", "her", "their", "'s"})
    )


def _is_holiday(doc: Doc, span: Span) -> bool:
    following = [t.lower_ for t in doc[span.end : span.end + 3]]
    return "day" in following[:3] and following[0] in {"day", "jr", "jr.", "'s", "\u2019s"}
