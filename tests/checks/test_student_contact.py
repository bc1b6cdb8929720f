"""student_contact promises: invitations into a teacher's personal channels, personal numbers,
secrets and favourites are flagged with a district-approved alternative; a classroom account
inviting families, and posts to other teachers, pass clean."""

from __future__ import annotations

from functools import partial

import pytest

from checks.pipeline import Pipeline
from checks.policy import Policy
from checks.types import Draft
from tests.checks.conduct_reports import flagged_spans

CHECK = "student_contact"


flagged = partial(flagged_spans, CHECK)


@pytest.mark.parametrize(
    ("code", "text", "span"),
    [
        (
            "CONTACT001",
            "Hey 8th graders, send me a friend request on Facebook so we can keep in touch!",
            None,
        ),
        ("CONTACT002", "Kids, slide into my DMs if you need homework help 😉", None),
        (
            "CONTACT002",
            "Who wants to play Fortnite with me tonight? My students know my gamertag 🎮",
            None,
        ),
        (
            "CONTACT003",
            "Seniors, need help over break? Here's my number: 612-555-0199",
            "Here's my number: 612-555-0199",
        ),
        (
            "CONTACT004",
            "Text me if you need anything. Don't tell your parents I gave you my cell, ok?",
            "Don't tell your parents I gave you my cell, ok?",
        ),
        ("CONTACT005", "Only my favorite students get the study guide early 😎", None),
        ("CONTACT006", "Extra credit for everyone in my class who follows me on TikTok!", None),
    ],
)
def test_flags_personal_contact_with_students(
    pipeline: Pipeline, default_policy: Policy, code: str, text: str, span: str | None
) -> None:
    found = flagged(pipeline, default_policy, text)
    assert code in found
    if span is not None:
        assert found[code] == span


@pytest.mark.parametrize(
    ("look_alike_of", "text", "account"),
    [
        ("CONTACT001", "Follow our class page for updates, families!", "classroom"),
        (
            "CONTACT001",
            "Students, follow our class account @room12reads for the reading challenge!",
            "classroom",
        ),
        (
            "CONTACT002",
            "Students, message me on Schoology if you're stuck on the homework.",
            "classroom",
        ),
        (
            "CONTACT001",
            "Teacher friends, follow me for classroom organization ideas! #teachersofinstagram",
            "personal",
        ),
        ("CONTACT002", "Fellow educators, DM me if you want my free fractions unit!", "personal"),
        (
            "CONTACT001",
            "My daughter just added me on Snapchat and I have no idea how it works 😂",
            "personal",
        ),
        (
            "CONTACT004",
            "Shhh, parents, don't tell the kids, but tomorrow is a surprise pajama day!",
            "personal",
        ),
        ("CONTACT005", "My favorite part of teaching is the lightbulb moment.", "personal"),
        (
            "CONTACT005",
            "My favorite student gift this year: a hand-drawn card that says I'm the best.",
            "personal",
        ),
        (
            "CONTACT006",
            "Kids who turn in every homework this week get a pizza party Friday 🍕",
            "personal",
        ),
        (
            "CONTACT002",
            "Gaming club meets Thursdays after school in room 204. All levels welcome 🎮",
            "personal",
        ),
        ("CONTACT003", "Text JOIN to 55555 to get the district's snow day alerts.", "personal"),
    ],
)
def test_district_channels_and_families_pass_clean(
    pipeline: Pipeline, default_policy: Policy, look_alike_of: str, text: str, account: str
) -> None:
    found = flagged(pipeline, default_policy, text, account)
    assert look_alike_of not in found
    assert found == {}


def test_a_personal_channel_is_flagged_even_from_a_classroom_account(
    pipeline: Pipeline, default_policy: Policy
) -> None:
    text = "Students, DM me on my personal Snapchat if you want the answer key 👻"
    assert "CONTACT002" in flagged(pipeline, default_policy, text, account="classroom")


def test_the_fix_points_to_district_channels(pipeline: Pipeline, default_policy: Policy) -> None:
    text = "Kids, slide into my DMs if you need homework help 😉"
    report = pipeline.run(Draft(text), default_policy)
    (found,) = [f.finding for f in report.findings if f.finding.check == CHECK]
    assert found.fix is not None
    assert "school messaging app" in found.fix.replacement
    assert "(policy C7, C8, C9, C10)" in found.why


@pytest.mark.parametrize(
    ("code", "text", "span"),
    [
        (
            "CONTACT002",
            "Cross country boys, DM me tonight for the meet schedule 🏃",
            "Cross country boys, DM me tonight for the meet schedule 🏃",
        ),
        ("CONTACT002", "Snap me your science fair photos over the weekend, my 3rd period!", None),
        (
            "CONTACT003",
            "Stuck on the essay? Text me at 651-555-0172 tonight, juniors.",
            "Text me at 651-555-0172 tonight, juniors.",
        ),
        ("CONTACT003", "Call me anytime at 651.555.0172 if the homework is confusing.", None),
        (
            "CONTACT004",
            "If something is wrong at home you can text me and nobody else has to know.",
            None,
        ),
    ],
)
def test_student_groups_numbers_and_secrets_in_other_words_are_flagged(
    pipeline: Pipeline, default_policy: Policy, code: str, text: str, span: str | None
) -> None:
    found = flagged(pipeline, default_policy, text)
    assert code in found
    if span is not None:
        assert found[code] == span


@pytest.mark.parametrize(
    ("look_alike_of", "text", "account"),
    [
        (
            "CONTACT002",
            "Track parents, text the team Remind code @xctrack for meet updates.",
            "classroom",
        ),
        ("CONTACT002", "Fellow band directors, DM me for my marching drill charts!", "personal"),
        (
            "CONTACT003",
            "Questions about lunch balances? Call the cafeteria at 651-555-0100.",
            "classroom",
        ),
        ("CONTACT004", "Finished the whole bag of candy corn. Nobody has to know 🤫", "personal"),
    ],
)
def test_school_numbers_team_parents_and_adult_jokes_pass_clean(
    pipeline: Pipeline, default_policy: Policy, look_alike_of: str, text: str, account: str
) -> None:
    found = flagged(pipeline, default_policy, text, account)
    assert look_alike_of not in found
