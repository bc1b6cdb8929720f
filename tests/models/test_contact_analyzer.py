"""Contact-detail promises: phone numbers in any style are found when the draft asks to call or
text them, and numbers that only look like phones (years, dates, IP addresses, scores, card
numbers) are not."""

from __future__ import annotations

import pytest

from models.presidio_engine import ContactAnalyzer, possible_contacts
from models.registry import Models


@pytest.fixture(scope="session")
def contact(models: Models) -> ContactAnalyzer:
    return ContactAnalyzer(models.nlp, models.settings.spacy_model)


def found(contact: ContactAnalyzer, models: Models, text: str) -> list[tuple[str, str]]:
    return [(r.entity_type, text[r.start : r.end]) for r in contact.analyze(models.nlp(text))]


PHONES = [
    ("Call his mom at 555-0134 if you found his jacket.", "555-0134"),
    ("If you find her backpack, text her dad on 07700 900 123.", "07700 900 123"),
    ("Mobile: 0490 75 40 81", "0490 75 40 81"),
    ("Text her dad at 503 201 3344 please.", "503 201 3344"),
]


@pytest.mark.parametrize(("text", "phone"), PHONES)
def test_phone_numbers_in_any_style_after_a_phone_word(contact, models, text, phone):
    assert found(contact, models, text) == [("PHONE_NUMBER", phone)]


NOT_PHONES = [
    "Call the office about 2024-2025 registration.",
    "Call me at 3:30 about my student's field trip form.",
    "Text GO to 81010 to join our class Remind.",
    "My student ran 3200 meters, call it a new record!",
    "Call me if you see 10.0.0.138 in the router log again.",
    "My credit card number is 4563824065059, charge the field trip to it.",
    "The science fair is 04/12/2026, call the office with questions.",
    "Our food drive collected 1250 cans and 300 boxes this week.",
]


@pytest.mark.parametrize("text", NOT_PHONES)
def test_numbers_that_only_look_like_phones_are_not_contact_details(contact, models, text):
    assert found(contact, models, text) == []


@pytest.mark.parametrize(
    ("text", "possible"),
    [
        ("Our team killed it at the science fair!", []),
        ("Pickup moved to 2:30 at the side doors.", ["STREET_ADDRESS"]),
        ("Email me at ms.rivera@example.org", ["EMAIL_ADDRESS"]),
        (
            "Text her dad at 503 201 3344 or write to dad@example.org",
            ["PHONE_NUMBER", "EMAIL_ADDRESS", "STREET_ADDRESS"],
        ),
    ],
)
def test_only_the_contact_types_a_draft_could_hold_are_looked_for(text, possible):
    assert possible_contacts(text) == possible
