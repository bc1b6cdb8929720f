"""district_voice promises: only the district speaks for the district. A teacher who announces,
apologises or takes positions in its name is told to link to the district instead; pointing to
the district's own announcement is fine, and so is the district's communications account."""

from __future__ import annotations

from functools import partial

import pytest

from checks.pipeline import Pipeline
from checks.policy import Policy, policy_from_dict
from checks.types import Context, ReportedFinding
from tests.checks.conduct_reports import check_findings

CHECK = "district_voice"


findings = partial(check_findings, CHECK)


def codes(found: list[ReportedFinding]) -> dict[str, str]:
    return {f.finding.code: f.level for f in found}


@pytest.mark.parametrize(
    ("code", "text"),
    [
        (
            "VOICE001",
            "On behalf of the district, I want to apologize for this morning's bus delays.",
        ),
        (
            "VOICE001",
            "OFFICIAL ANNOUNCEMENT: school is closed Monday because of the water main break.",
        ),
        ("VOICE001", "The district's official position is that the new curriculum stays."),
        (
            "VOICE002",
            "Our district has decided to cancel every field trip for the rest of the year.",
        ),
        (
            "VOICE002",
            "I can confirm that the principal at Eastside has been placed on administrative leave.",
        ),
        ("VOICE002", "We as a district are moving to a four-day week next fall."),
    ],
)
def test_speaking_in_the_districts_name_is_flagged(
    pipeline: Pipeline, default_policy: Policy, code: str, text: str
) -> None:
    assert codes(findings(pipeline, default_policy, text)).get(code) == "warning"


@pytest.mark.parametrize(
    "text",
    [
        "Reminder: the district's official calendar is on the website. Break starts Dec 20.",
        "Check the district website for the official announcement about Monday's schedule.",
        "Our district's website has the official announcement about the new start times.",
        "Per the district's announcement, masks are optional starting Monday. Details at the link.",
        "Parents, thanks for your patience while we wait for the district's decision on snow days.",
        "We decided as a class to donate our prize money to the food bank!",
        "Board meeting tonight at 6 in the library. Public comment is open to all.",
    ],
)
def test_pointing_to_the_district_is_not_speaking_for_it(
    pipeline: Pipeline, default_policy: Policy, text: str
) -> None:
    assert [f for f in findings(pipeline, default_policy, text) if f.level != "suggestion"] == []


def test_the_fix_links_to_the_district_instead_of_restating_it(
    pipeline: Pipeline, default_policy: Policy
) -> None:
    text = "Big news! Our district has decided to cancel every field trip this spring."
    (found,) = findings(pipeline, default_policy, text)
    assert text[found.finding.start : found.finding.end] == (
        "Our district has decided to cancel every field trip this spring."
    )
    assert found.finding.fix is not None
    assert found.finding.fix.title == "Link to the district's announcement instead of restating it"
    assert "(policy O5, O6, P12)" in found.finding.why


def test_the_districts_communications_account_may_speak_for_it(
    pipeline: Pipeline, default_policy: Policy
) -> None:
    text = "On behalf of the district, we apologize for this morning's bus delays."
    comms = Context(account="district", author_role="communications")
    assert findings(pipeline, default_policy, text, comms) == []


def test_an_authorised_spokesperson_may_speak_for_it(
    pipeline: Pipeline, default_policy: Policy
) -> None:
    text = "On behalf of the district, we apologize for this morning's bus delays."
    policy = policy_from_dict({"spokespeople": ["Dana Whitfield"]})
    author = Context(author_name="Dana Whitfield")
    assert findings(pipeline, policy, text, author) == []
    assert findings(pipeline, policy, text, Context(author_name="Sam Ortiz")) != []


def test_an_opinion_on_district_matters_gets_a_disclaimer_suggestion(
    pipeline: Pipeline, default_policy: Policy
) -> None:
    text = "I think our district's new grading policy is going to be hard on teachers."
    (found,) = findings(pipeline, default_policy, text)
    assert (found.finding.code, found.level) == ("VOICE003", "suggestion")
    assert found.finding.fix is not None
    assert found.finding.fix.replacement == f"{text} (Views are my own, not my district's.)"


def test_an_opinion_that_already_says_it_is_personal_passes_clean(
    pipeline: Pipeline, default_policy: Policy
) -> None:
    text = "I think our district's new grading policy is a mistake. Views are my own."
    assert findings(pipeline, default_policy, text) == []


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("VOICE001", "On behalf of Roosevelt High, we are sorry for the confusion at graduation."),
        ("VOICE001", "Press release from Cedar Falls USD: the new calendar is final."),
        ("VOICE002", "Our district has made the tough choice to close the pool for good."),
        ("VOICE002", "The school board has decided to drop Spanish at the middle school."),
        ("VOICE002", "Sad to share that Principal Okafor resigned this morning."),
    ],
)
def test_district_decisions_and_statements_in_other_words_are_flagged(
    pipeline: Pipeline, default_policy: Policy, code: str, text: str
) -> None:
    assert codes(findings(pipeline, default_policy, text)).get(code) == "warning"


@pytest.mark.parametrize(
    "text",
    [
        "On behalf of my family, thank you for every card and casserole.",
        "The district's press release about the new calendar is on its website.",
        "Waiting to see what the board decides about start times. Fingers crossed!",
        "The board will decide on the bus routes at Tuesday's meeting; come to public comment.",
        "My 4th graders decided to write thank-you notes to the bus drivers.",
    ],
)
def test_thanks_pointers_and_pending_decisions_are_not_speaking_for_the_district(
    pipeline: Pipeline, default_policy: Policy, text: str
) -> None:
    assert [f for f in findings(pipeline, default_policy, text) if f.level != "suggestion"] == []
