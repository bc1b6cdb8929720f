"""parent_test promises: what a parent across the table would wince at is flagged, sentence by
sentence, with the rule's reason and a better wording; the teacher's ordinary life is not."""

from __future__ import annotations

from functools import partial

import pytest

from checks.pipeline import Pipeline
from checks.policy import Policy
from tests.checks.conduct_reports import check_findings, flagged_spans

CHECK = "parent_test"


findings = partial(check_findings, CHECK)
flagged = partial(flagged_spans, CHECK)


@pytest.mark.parametrize(
    ("code", "text", "span"),
    [
        (
            "PARENT001",
            "Field trip survived. Wine o'clock came early today 🍷",
            "Wine o'clock came early today 🍷",
        ),
        (
            "PARENT001",
            "Hungover and proctoring the state test. Pray for me.",
            "Hungover and proctoring the state test.",
        ),
        ("PARENT002", "Can't focus in staff meetings, the new coach is so hot 🔥", None),
        ("PARENT002", "Date night tonight... if you know what I mean 😏", None),
        (
            "PARENT003",
            "My 6th period is a bunch of feral little monsters.",
            "My 6th period is a bunch of feral little monsters.",
        ),
        ("PARENT003", "Covered the sped kids today, basically babysitting 🙄", None),
        ("PARENT004", "Helicopter mom emailed me nine times today. Get a life, lady.", None),
        (
            "PARENT005",
            "Our principal is a clueless idiot who hasn't taught a day in her life.",
            None,
        ),
        ("PARENT006", "Rumor has it a certain coach got a DUI last weekend 👀", None),
        ("PARENT007", "Honestly I don't get paid enough to care about your kid's grade.", None),
        ("PARENT008", "I just make up their participation grades, they'll never know lol", None),
        ("PARENT009", "Glad that monster is dead. Good riddance.", None),
        ("PARENT003", "I'm not saying my 6th period is lazy, but they are lazy.", None),
        ("PARENT010", "Told my 4th graders to make sure their parents vote for Jensen 🗳️", None),
    ],
)
def test_flags_what_a_parent_would_wince_at(
    pipeline: Pipeline, default_policy: Policy, code: str, text: str, span: str | None
) -> None:
    found = flagged(pipeline, default_policy, text)
    assert code in found
    if span is not None:
        assert found[code] == span


def test_campaigning_from_a_classroom_account_is_flagged(
    pipeline: Pipeline, default_policy: Policy
) -> None:
    text = "Friendly reminder from Room 12: vote NO on Prop 9, it's bad for schools."
    assert "PARENT012" in flagged(pipeline, default_policy, text, account="classroom")


def test_a_paraphrase_with_no_listed_words_is_still_caught(
    pipeline: Pipeline, default_policy: Policy
) -> None:
    text = "My kids this year are hopeless, none of them will make it."
    found = findings(pipeline, default_policy, text)
    assert [f.finding.code for f in found] == ["PARENT003"]
    assert "close in meaning to “" in found[0].finding.why
    assert text not in found[0].finding.why


@pytest.mark.parametrize(
    ("look_alike_of", "text"),
    [
        ("PARENT009", "Our team killed it at the science fair! 🔬🥇"),
        ("PARENT009", "Our robotics team killed it today!! 🤖"),
        ("PARENT003", "I'm exhausted but proud of these kids."),
        (
            "PARENT001",
            "Wine tasting fundraiser for the PTA on Friday! All proceeds go to the library 🍷📚",
        ),
        (
            "PARENT001",
            "Red Ribbon Week starts Monday: we're learning to say no to drugs and alcohol.",
        ),
        ("PARENT002", "Date night with my husband, first one since the baby! 💕"),
        (
            "PARENT001",
            "Had the best time at the staff holiday party last night. Ugly sweater contest winner!",
        ),
        ("PARENT003", "These kids are driving me crazy and I love them anyway 😂"),
        (
            "PARENT005",
            "Our principal stayed until 9pm to help us set up the book fair. Best boss ever.",
        ),
        ("PARENT004", "The parents at our school are so generous, thank you for the supplies!"),
        ("PARENT006", "Happy retirement to Mr. Ortiz after 30 years in room 114!"),
        (
            "PARENT007",
            "This job is hard and the pay isn't great, but I'd choose it again every time.",
        ),
        ("PARENT008", "We did a surprise pajama day and the kids loved it."),
        ("PARENT009", "Our volleyball girls destroyed the competition tonight 🏐"),
        ("PARENT010", "Reminder: the school bond vote is Tuesday. Polls open 7am to 8pm."),
        ("PARENT003", "Our special education team is the heart of this building 💙"),
        # anti-bullying posts rule the insult or the harm out
        ("PARENT003", "Kids are not stupid for making mistakes. We learn from every one!"),
        ("PARENT003", "My students are the opposite of lazy this week!"),
        ("PARENT003", "I never said my students were lazy; I said they were tired."),
        ("PARENT009", "No one deserves to be hurt because of who they are."),
        ("PARENT009", "No kid deserves to be bullied for how they talk."),
    ],
)
def test_benign_look_alikes_pass_clean(
    pipeline: Pipeline, default_policy: Policy, look_alike_of: str, text: str
) -> None:
    assert look_alike_of not in flagged(pipeline, default_policy, text)
    assert flagged(pipeline, default_policy, text) == {}


def test_a_school_bond_reminder_from_a_classroom_account_passes_clean(
    pipeline: Pipeline, default_policy: Policy
) -> None:
    text = "Reminder from Room 12: the school bond vote is Tuesday. Polls open 7am to 8pm."
    assert "PARENT012" not in flagged(pipeline, default_policy, text, account="classroom")


def test_a_personal_political_opinion_is_at_most_a_suggestion(
    pipeline: Pipeline, default_policy: Policy
) -> None:
    text = "I think the governor's budget is a mistake for working families."
    found = findings(pipeline, default_policy, text)
    assert [(f.finding.code, f.level) for f in found] == [("PARENT011", "suggestion")]
    assert found[0].finding.fix is not None
    assert found[0].finding.fix.replacement.startswith(text)
    assert "Views are my own" in found[0].finding.fix.replacement


@pytest.mark.parametrize(
    "text",
    [
        "The mayor read to my 2nd graders today, they loved it!",
        "Our student council president gave a great speech at the assembly.",
        "My students wrote letters to the governor about recycling.",
        "We learned how Congress passes a law today.",
    ],
)
def test_naming_an_official_is_civics_not_an_opinion(
    pipeline: Pipeline, default_policy: Policy, text: str
) -> None:
    assert "PARENT011" not in {f.finding.code for f in findings(pipeline, default_policy, text)}


@pytest.mark.parametrize(
    "text",
    [
        "The mayor's new plan is a disaster for our kids.",
        "I support the mayor's reelection, she has done a lot for schools.",
    ],
)
def test_a_verdict_on_an_official_gets_the_views_are_my_own_suggestion(
    pipeline: Pipeline, default_policy: Policy, text: str
) -> None:
    found = findings(pipeline, default_policy, text)
    assert ("PARENT011", "suggestion") in [(f.finding.code, f.level) for f in found]


def test_a_political_opinion_with_a_disclaimer_passes_clean(
    pipeline: Pipeline, default_policy: Policy
) -> None:
    text = "I'm voting yes on Prop 4 this fall. These views are my own, not my employer's."
    assert findings(pipeline, default_policy, text) == []


def test_each_finding_cites_policy_and_offers_a_better_wording(
    pipeline: Pipeline, default_policy: Policy
) -> None:
    text = "Long week. They don't pay me enough to deal with these kids, so I don't."
    (finding,) = [f.finding for f in findings(pipeline, default_policy, text)]
    assert finding.code == "PARENT007"
    assert text[finding.start : finding.end] == (
        "They don't pay me enough to deal with these kids, so I don't."
    )
    assert "(policy S7, S9)" in finding.why
    assert finding.fix is not None
    assert finding.fix.replacement == "This job is hard some days, and these kids are worth it."


def test_a_district_can_raise_a_threshold_to_silence_a_rule(
    pipeline: Pipeline, default_policy: Policy
) -> None:
    from checks.policy import policy_from_dict

    text = "Hungover and proctoring the state test."
    strict = policy_from_dict({"rules": {"PARENT001": {"threshold": 0.99}}})
    assert "PARENT001" in flagged(pipeline, default_policy, text)
    assert "PARENT001" not in flagged(pipeline, strict, text)


@pytest.mark.parametrize(
    ("code", "text", "span"),
    [
        ("PARENT001", "Smoked a joint and graded lab reports, best Sunday.", None),
        ("PARENT001", "Happy 420 from your favorite history teacher 🌿", None),
        ("PARENT002", "Girls trip to Miami, first stop the strip club 💃", None),
        (
            "PARENT003",
            "Honestly, that girl in my 4th period is a little psycho.",
            "Honestly, that girl in my 4th period is a little psycho.",
        ),
        ("PARENT003", "Half my 7th period will end up in prison, mark my words.", None),
        ("PARENT004", "The dad who cornered me at open house is a total lunatic.", None),
        ("PARENT005", "Mr. Grant is the laziest teacher in this building.", None),
        ("PARENT005", "Our assistant principal is a clown 🤡", None),
        ("PARENT007", "This school is a complete joke and this job is soul-sucking.", None),
    ],
)
def test_paraphrases_of_each_class_are_flagged(
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
            "PARENT001",
            "The smoke alarm went off during the chili cook-off, everyone is fine.",
            "personal",
        ),
        ("PARENT002", "Our dance team nailed the routine at the pep rally!", "classroom"),
        ("PARENT003", "That kid is a natural leader, he ran our class meeting.", "personal"),
        ("PARENT003", "The kids dressed up as clowns for circus day 🤡🎪", "classroom"),
        (
            "PARENT003",
            "Our civics unit ended with a visit from a retired prison warden.",
            "classroom",
        ),
        ("PARENT004", "The mom who runs our book fair is a total gem.", "personal"),
        ("PARENT005", "I was the laziest teacher alive today, movie day and naps.", "personal"),
        (
            "PARENT007",
            "Some days this job is exhausting, and the kids make it worth it.",
            "personal",
        ),
    ],
)
def test_look_alikes_of_each_class_pass_clean(
    pipeline: Pipeline, default_policy: Policy, look_alike_of: str, text: str, account: str
) -> None:
    assert look_alike_of not in flagged(pipeline, default_policy, text, account)
