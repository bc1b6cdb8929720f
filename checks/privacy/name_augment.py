"""Written-here training sentences for the contextual name classifier, with their name spans.

WNUT-17 has about 1,100 person names, nearly all English-speaking celebrities and usernames; a
class list today has Abiodun, Bergljót, Nhiên and Rareș in it. These templates are teachers'
posts written for this project, filled with first and last names from Faker's locales (a name
generator on PyPI; a training-time dependency only, in the `dev` extra), so the classifier sees
names from many languages in the places a teacher writes them. About half of the sentences name
nobody and hold what must not be read as a name: company names made of surnames ("Driessen &
Jonker"), streets named after people, towns, titles of books and films.

`generate(count, seed)` is deterministic for a given Faker version (pinned in constraints.txt).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

Span = tuple[int, int]

LOCALES = (
    *("en_US", "en_GB", "en_IN", "en_NZ", "ga_IE", "es_MX", "es_ES", "pt_BR", "fr_FR", "fr_CA"),
    *("de_DE", "de_AT", "it_IT", "nl_NL", "pl_PL", "hu_HU", "cs_CZ", "sk_SK", "sl_SI", "hr_HR"),
    *("ro_RO", "lt_LT", "lv_LV", "et_EE", "fi_FI", "sv_SE", "da_DK", "no_NO", "is_IS", "tr_TR"),
    *("vi_VN", "tl_PH", "sw", "yo_NG"),
)
"""Locales whose names are written in the Latin alphabet."""

WITH_NAMES = (
    "So proud of {F} for finishing the reading challenge!",
    "Congrats to {P} on making the state honor choir!",
    "Shout out to {F} and {F2} for helping clean up the lab today.",
    "{P} read her poem at the assembly and nailed it.",
    "Huge thanks to {P} for volunteering at the book fair.",
    "{F}'s science project took first place at the district fair.",
    "Our class helpers this week: {F}, {F2} and {F3}.",
    "Today {P} taught the whole class how to solve it.",
    "Welcome to our new classmate, {P}!",
    "Happy birthday to {F}, the best line leader in 2nd grade.",
    "{L} scored twice in the second half.",
    "Coach says {F} was the MVP tonight.",
    "Met {P} at the conference, great talk on phonics.",
    "had lunch with {F} today lol",
    "shoutout to {f} for the cookies",
    "CONGRATS {PU}!!",
    "Thank you {P} and {P2} for chaperoning the trip.",
    "Ask {F} about the butterfly garden, she knows everything.",
    "{P} from our 4th grade team won teacher of the month.",
    "Can someone tell {F} the bus leaves at 8?",
    "I'm so jealous, said {F} to {F2}.",
    "Our student council president, {P}, opened the meeting.",
    "Mr. {L} and {P2} led the field day games.",
    "Principal {L} visited our classroom this morning.",
    "Dr. {P} spoke to the seniors about college.",
    "The award went to {P}, who worked all year for it.",
    "Please welcome our student teacher {P}.",
    "{F} and {F2} finally finished their robot.",
    "We miss you, {F}! Come back soon.",
    "{P}, {P2} and {P3} are our spelling bee finalists.",
    "Photo credit: {P}",
    "Written by {P}, grade 5.",
    "Look at {F} go on the monkey bars!",
    "According to {L}, the test is next week.",
    "{P}'s mom brought cupcakes for everyone.",
    "Our book buddy {F} picked a dinosaur book again.",
    "{p} came first in the race",
    "Great work today {F}",
    "{F} asked the best question of the day.",
)
"""Teachers' sentences naming people: {P} a full name, {F} a first name, {L} a surname, {PU}
and {p} a full name in capitals and in lower case, {f} a first name in lower case; a digit
makes another person."""

WITHOUT_NAMES = (
    "Field trip to {T} next Friday, permission slips due Monday.",
    "Thanks to {C} for donating twenty laptops to our school.",
    "We walked down {S} to see the parade.",
    "Our pen pals in {Y} sent us letters this week.",
    "The {C} team came in to talk about careers in science.",
    "Reading week starts Monday; bring your favourite book.",
    "We are learning about volcanoes and earthquakes.",
    "The bake sale raised money for the {T} food bank.",
    "Go Wildcats! Big game tonight at {T} High.",
    "Science Fair projects are due on Thursday.",
    "Our class visited the {T} Museum of Natural History.",
    "The library is closed for inventory until Monday.",
    "Spring Break starts Friday; enjoy the time off!",
    "Happy Thanksgiving from all of us in Room 12.",
    "We are moving to {S} next year.",
    "The new gym floor from {C} looks amazing.",
    "Lincoln Elementary is hosting Family Math Night.",
    "Our robotics club meets in the Media Center after school.",
    "We read Charlotte's Web and made spider crafts.",
    "Mark your calendars: Picture Day is October 3.",
    "{C} is a design agency based in {T}.",
    "My uncle works at {C} in {T}.",
    "She spent a year at {C} before teaching.",
    "The corner of {S} and {S2} is closed for the parade.",
    "Send the forms to 12 {S}, {T}.",
    "The {C} Orchestra plays at our school on Friday.",
    "Our sponsor this season is {C}.",
    "Meet us at {S} Park at noon.",
    "God bless our teachers and staff.",
    "We watched Finding Nemo for the movie afternoon.",
)
"""Sentences that name nobody: {C} a company, {T} a town, {S} a street, {Y} a country."""

_SLOT = re.compile(r"\{([A-Za-z]+)(\d?)\}")
PERSON_SLOTS = {
    "P": lambda first, last: f"{first} {last}",
    "F": lambda first, last: first,
    "L": lambda first, last: last,
    "PU": lambda first, last: f"{first} {last}".upper(),
    "p": lambda first, last: f"{first} {last}".lower(),
    "f": lambda first, last: first.lower(),
}


def fill(template: str, faker) -> tuple[str, list[Span]]:
    """The template with its slots filled from `faker`, and the character spans of the names."""
    people: dict[str, tuple[str, str]] = {}
    places: dict[str, Callable[[], str]] = {
        "C": faker.company,
        "T": faker.city,
        "S": faker.street_name,
        "Y": faker.country,
    }
    parts: list[str] = []
    spans: list[Span] = []
    position = 0
    for slot in _SLOT.finditer(template):
        parts.append(template[position : slot.start()])
        kind, number = slot.groups()
        start = sum(map(len, parts))
        if kind in PERSON_SLOTS:
            person = people.setdefault(number, (faker.first_name(), faker.last_name()))
            text = PERSON_SLOTS[kind](*person)
            spans.append((start, start + len(text)))
        else:
            text = places[kind]()
        parts.append(text)
        position = slot.end()
    parts.append(template[position:])
    return "".join(parts), spans


def generate(count: int, seed: int = 0, with_names: float = 0.55) -> list[tuple[str, list[Span]]]:
    """`count` sentences with their name spans; a share `with_names` of them name someone."""
    from faker import Faker

    rng = random.Random(seed)
    fakers: dict[str, Faker] = {}
    sentences = []
    for _ in range(count):
        locale = rng.choice(LOCALES)
        faker = fakers.setdefault(locale, Faker(locale))
        faker.seed_instance(rng.randrange(1 << 30))
        templates = WITH_NAMES if rng.random() < with_names else WITHOUT_NAMES
        sentences.append(fill(rng.choice(templates), faker))
    return sentences
