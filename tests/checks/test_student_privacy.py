"""student_privacy promises: every way a post identifies a student is found, with the exact span
and a de-identified fix; benign look-alikes stay clean."""

from __future__ import annotations

import pytest

from checks import student_privacy
from checks.analysis import Analysis
from checks.pipeline import Pipeline
from checks.policy import Policy
from checks.types import Context, Draft, Finding
from models.registry import Models


@pytest.fixture(scope="session")
def privacy(models: Models) -> student_privacy.StudentPrivacy:
    return student_privacy.build(models)


def run(
    check: student_privacy.StudentPrivacy,
    models: Models,
    text: str,
    context: Context | None = None,
    policy: Policy | None = None,
) -> list[Finding]:
    draft = Draft(text, context or Context())
    analysis = Analysis(draft=draft, doc=models.nlp(text), policy=policy or Policy())
    return list(check.run(draft, analysis))


def spans(findings: list[Finding], text: str) -> set[tuple[str, str]]:
    return {(f.code, text[f.start : f.end]) for f in findings}


POSITIVES = [
    # PRIV001: full names anywhere, in ALL CAPS, with possessives, in lists
    (
        "Huge congrats to Marcus Delgado for winning the spelling bee!",
        {("PRIV001", "Marcus Delgado")},
    ),
    ("CONGRATS MARCUS DELGADO!!! So proud.", {("PRIV001", "MARCUS DELGADO")}),
    (
        "Sophia Martinez's poster won first place at the district fair.",
        {("PRIV001", "Sophia Martinez's")},
    ),
    (
        "Aiden, Mia and Noah Thompson led the robotics demo today.",
        {("PRIV001", "Aiden, Mia and Noah Thompson")},
    ),
    # PRIV002: first names, initials and handles next to a student cue
    (
        "Shoutout to Aiden in 3rd period for the best science project!",
        {("PRIV002", "Aiden")},
    ),
    (
        "So proud of my 2nd graders. Aiden spelled necessary without any help!",
        {("PRIV002", "Aiden")},
    ),
    ("Ethan R. from room 14 built a working volcano.", {("PRIV002", "Ethan R.")}),
    ("Shoutout to jayden m. in 3rd period!", {("PRIV002", "jayden m.")}),
    ("My student Sofia read her poem to the whole school.", {("PRIV002", "Sofia")}),
    ("Follow my student @maya.makes for her amazing art!", {("PRIV002", "@maya.makes")}),
    # every later mention of a named student, and speakers in a quoted exchange
    (
        "Marcus Delgado read his poem at the assembly. So proud of Marcus!",
        {("PRIV001", "Marcus Delgado"), ("PRIV002", "Marcus")},
    ),
    (
        "My student Sofia built a robot arm. Sofia wants to be an engineer!",
        {("PRIV002", "Sofia"), ("PRIV002", "Sofia")},
    ),
    (
        'Overheard in 3rd period today. Kenji:"Is glue a food?"',
        {("PRIV002", "Kenji")},
    ),
    # PRIV004: education records tied to a student
    (
        "My student Sofia was suspended for fighting.",
        {
            ("PRIV002", "Sofia"),
            ("PRIV004", "suspended"),
        },
    ),
    (
        "Jayden got a D on the algebra test again, he needs to study.",
        {("PRIV004", "got a D")},
    ),
    (
        "One of my kids has ADHD and is on Ritalin.",
        {("PRIV004", "ADHD"), ("PRIV004", "Ritalin")},
    ),
    (
        "Her parents are divorcing and she is in foster care now.",
        {("PRIV004", "divorcing"), ("PRIV004", "foster care")},
    ),
    ("Marcus's mom called me about his IEP again.", {("PRIV004", " about his IEP")}),
    (
        "Jake Smith failed the spelling test again.",
        {("PRIV001", "Jake Smith"), ("PRIV004", "failed the spelling test")},
    ),
    (
        "She is pregnant and still comes to class every day.",
        {("PRIV004", "pregnant")},
    ),
    (
        "My student Xiomara just got her green card!",
        {
            ("PRIV002", "Xiomara"),
            ("PRIV004", "green card"),
        },
    ),
    (
        "He is undocumented and scared to come to school.",
        {("PRIV004", "undocumented")},
    ),
    # PRIV005: a student's or family's contact details
    ("Call his mom at 555-0134 if you found his jacket.", {("PRIV005", " at 555-0134")}),
    (
        "Call his mom at 503-201-3344 if you found his jacket.",
        {("PRIV005", " at 503-201-3344")},
    ),
    (
        "If anyone finds her backpack, email her dad at rgarcia77@gmail.com.",
        {("PRIV005", " at rgarcia77@gmail.com")},
    ),
    (
        "He lives on Maple Street, so he walks past the school.",
        {("PRIV005", " on Maple Street")},
    ),
    # names from many languages, not only the census lists
    (
        "Shout out to Bergljót Arnardóttir and Nhiên Trần for the science fair win!",
        {("PRIV001", "Bergljót Arnardóttir and Nhiên Trần")},
    ),
    ("So proud of my student Abiodun for finishing the marathon!", {("PRIV002", "Abiodun")}),
    # a player's number is no house number; a family name before "twins"; a name in a hashtag
    ("Jersey #23 Jayden hit the game-winner for our JV squad!", {("PRIV002", "Jayden")}),
    (
        "The Hernandez twins in my homeroom finally got their glasses!",
        {("PRIV002", " Hernandez")},
    ),
    (
        "#MiaStrong 💛 our whole 3rd grade is wearing yellow for her today.",
        {("PRIV002", "#MiaStrong ")},
    ),
    (
        "Please keep our 5th grader Emma in your thoughts; she starts chemo Monday.",
        {("PRIV002", "Emma"), ("PRIV004", "chemo")},
    ),
    # PRIV004: a test score and attendance tied to a student
    (
        "Emily G. scored a 1250 on the SAT practice test, so proud!",
        {("PRIV004", "scored a 1250")},
    ),
    (
        "Jayden missed the bus again and his attendance is slipping.",
        {("PRIV004", "his attendance")},
    ),
    # PRIV006: where a group of students is right now
    ("We're at the zoo with my 2nd graders until 2:30!", {("PRIV006", " until 2:30")}),
    ("The kids are at Lincoln Park right now, come say hi!", {("PRIV006", " right now")}),
    (
        "My 5th period is at the aquarium until 1:45, then back to school by 2:15.",
        {("PRIV006", " until 1:45")},
    ),
    ("Live from the regional spelling bee with my 4th graders!", {("PRIV006", "Live from ")}),
    # PRIV004: foster care in the words a teacher uses
    (
        "Her grandma is fostering her now, so notes go home to grandma.",
        {("PRIV004", "fostering her")},
    ),
    # PRIV007: photos and video of students
    ("Pics from our field trip with my 4th graders!", {("PRIV007", "Pics")}),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVES, ids=[p[0][:40] for p in POSITIVES])
def test_finds_what_identifies_a_student(privacy, models, text, expected):
    assert spans(run(privacy, models, text), text) == expected


BENIGN = [
    "Our robotics team killed it today!",
    "Our team killed it at the science fair!",
    "Happy birthday to my daughter Emma!",
    "Thanks to Principal Hayes for the coffee this morning.",
    "Mr. Lopez and I are chaperoning the dance on Friday.",
    "We read Charlotte's Web in class today.",
    "Go Wildcats!",
    "No school Monday for Martin Luther King Jr. Day.",
    "I graded 90 essays this weekend.",
    "I failed my driving test at 16, so be kind to yourselves, kids.",
    "Parent-teacher conferences are next week.",
    "My IEP meetings ran long today.",
    "Email me at jlopez@district.org with any questions.",
    "Half my class was out with the flu this week.",
    "Had coffee with Sarah before school, best start to the day.",
    "My students wrote letters to Abraham Lincoln for Presidents Day.",
    "This test was a beast, but my students were ready.",
    "We learned about Rosa Parks and Ruby Bridges today.",
    "Grading 120 quizzes tonight, send snacks.",
    "Field trip forms are due Friday!",
    "Jackson Elementary is hosting the book fair next week.",
    "Reading Wonder by R.J. Palacio with my 5th graders.",
    "Kids, DM me if you need help with the homework.",
    # the teacher's own handle, a class code, and the class pet are not students
    "Students!! add me on snap @msj_teaches if you want study tips",
    "Join our class Remind for updates: text @mrsk5 to 81010.",
    "Follow our class account @room14reads for book recommendations!",
    "Meet Nugget, our class hamster! My students voted him class mascot.",
    "Our class pet, a bearded dragon named Spike, had a big shed today.",
    "Students can follow @wmsathletics, the school's official account, for scores.",
    # headings with a colon are not speakers; a staff member named again is still staff
    "Reminder: permission slips are due Friday! Kahoot: 3rd period won again.",
    "Thanks to Principal Hayes for the pizza party. Hayes, you're the best!",
    "Jesus, my students are tired today. Thank God it's Friday!",
    "Dear Santa, my 2nd graders have been very good this year.",
    "Congrats Wildcats! My 5th graders won the district spelling bee.",
    # the teacher's own children and candidates for office are not students
    "Took my own kids to the pumpkin patch this weekend. Jack picked the biggest one!",
    "Told my 5th graders to remind their parents to vote for Jensen for school board.",
    "Can't believe my baby is graduating high school. Proud mama of Jake!",
    # hashtags whose words are words, not names
    "My 4th graders loved #BookWeek and #TeamGrace shirts!",
    # "right now" that says nothing about where the class is
    "My 2nd graders are obsessed with sharks right now. Send shark books!",
    # "we" at a teachers' rally are adults
    "We're at the state capitol until 3 for the teacher rally, come join us!",
    # students' own photos are theirs to share
    "Can't wait to see your summer pics, 3rd period!",
    # counts and times are not addresses or phone numbers
    "She collected 1250 cans and 300 boxes for the food drive!",
    "Call me at 3:30 about my student's field trip form.",
]


@pytest.mark.parametrize("text", BENIGN)
def test_benign_look_alikes_stay_clean(privacy, models, text):
    assert run(privacy, models, text) == []


def test_full_name_fix_is_the_de_identified_wording(privacy, models):
    text = "Huge congrats to Marcus Delgado for winning!"
    (finding,) = run(privacy, models, text)
    assert finding.fix is not None
    fixed = text[: finding.start] + finding.fix.replacement + text[finding.end :]
    assert fixed == "Huge congrats to one of my students for winning!"


def test_every_mention_of_a_named_student_gets_its_own_fix(privacy, models):
    text = "Marcus Delgado read his poem at the assembly. So proud of Marcus!"
    findings = sorted(run(privacy, models, text), key=lambda f: f.start, reverse=True)
    assert findings[0].message == "This names the same student again: leave every mention out."
    fixed = text
    for finding in findings:
        assert finding.fix is not None
        fixed = fixed[: finding.start] + finding.fix.replacement + fixed[finding.end :]
    assert (
        fixed == "One of my students read his poem at the assembly. So proud of one of my students!"
    )


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        (
            "Aiden, Mia and Noah Thompson rocked their science fair projects today.",
            "Three of my students rocked their science fair projects today.",
        ),
        (
            "So proud of Marcus Delgado and Priya Shah's poster!",
            "So proud of two of my students' poster!",
        ),
    ],
)
def test_names_listed_together_get_one_fix_that_counts_them(privacy, models, text, fixed):
    [finding] = run(privacy, models, text)
    assert finding.code == "PRIV001"
    assert text[: finding.start] + finding.fix.replacement + text[finding.end :] == fixed


def test_possessive_and_sentence_start_fixes_read_naturally(privacy, models):
    text = "Sophia Martinez's poster won first place."
    (finding,) = run(privacy, models, text)
    fixed = text[: finding.start] + finding.fix.replacement + text[finding.end :]
    assert fixed == "My student's poster won first place."


RECORD_FIXES = [
    (
        "So proud of Marcus Delgado! He finally passed his retake.",
        "So proud of Marcus Delgado! He finally did great.",
    ),
    ("Jaylen aced his retake today!", "Jaylen did great today!"),
    ("Marcus's mom called me about his IEP again.", "Marcus's mom called me again."),
    (
        "Carter is a joy. His parents are going through a divorce, so be gentle with him.",
        "Carter is a joy.",
    ),
    (
        "Great week in room 12. My student Sofia was suspended for fighting. Go Wildcats!",
        "Great week in room 12. Go Wildcats!",
    ),
    (
        "Best field day ever! Tyler failed the chemistry final again.",
        "Best field day ever!",
    ),
]


@pytest.mark.parametrize(("text", "fixed"), RECORD_FIXES, ids=[r[0][:40] for r in RECORD_FIXES])
def test_record_fixes_leave_a_sentence_that_reads_well(privacy, models, text, fixed):
    records = [f for f in run(privacy, models, text) if f.code == "PRIV004"]
    assert len(records) == 1
    (record,) = records
    result = text[: record.start] + record.fix.replacement + text[record.end :]
    assert result == fixed
    assert "  " not in result
    assert not result.rstrip(".!").endswith((" his", " her", " their"))


def test_one_sentence_with_two_details_gets_one_record_finding(privacy, models):
    text = "Long week! One of my kids has ADHD and is on Ritalin."
    records = [f for f in run(privacy, models, text) if f.code == "PRIV004"]
    assert [(r.start, r.end, r.fix and r.fix.replacement) for r in records] == [(10, len(text), "")]


def test_no_removal_is_offered_when_it_would_delete_the_whole_post(privacy, models):
    text = "🎉 So proud of Jake Smith, who failed the spelling test last week and aced it today!"
    [record] = [f for f in run(privacy, models, text) if f.code == "PRIV004"]
    assert record.fix is None
    assert "private record" in record.message
    assert text[record.start : record.end] == "failed the spelling test"


def test_a_record_in_a_one_sentence_post_leaves_the_name_its_own_fix(pipeline, default_policy):
    text = "Please pray for Carter, one of my 2nd graders, his parents are going through a divorce."
    report = pipeline.run(Draft(text, Context(account="personal")), default_policy)
    found = {(r.finding.code, text[r.finding.start : r.finding.end]) for r in report.findings}
    assert found == {("PRIV002", "Carter"), ("PRIV004", "divorce")}


def test_a_contact_detail_goes_with_the_word_that_leads_into_it(privacy, models):
    text = "If anyone finds Lily's backpack, email her dad at rgarcia77@gmail.com. Thanks!"
    [contact] = [f for f in run(privacy, models, text) if f.code == "PRIV005"]
    fixed = text[: contact.start] + contact.fix.replacement + text[contact.end :]
    assert fixed == "If anyone finds Lily's backpack, email her dad. Thanks!"


def test_location_fix_drops_the_time(privacy, models):
    text = "We're at the zoo with my 2nd graders until 2:30!"
    (finding,) = run(privacy, models, text)
    fixed = text[: finding.start] + finding.fix.replacement + text[finding.end :]
    assert fixed == "We're at the zoo with my 2nd graders!"


def test_every_finding_cites_a_policy_clause(privacy, models):
    for text, _ in POSITIVES:
        for finding in run(privacy, models, text):
            assert "(polic" in finding.why


def test_personal_account_makes_photos_of_students_a_warning(privacy, models):
    text = "Pics from our field trip with my 4th graders!"
    personal = run(privacy, models, text, Context(account="personal"))
    classroom = run(privacy, models, text, Context(account="classroom"))
    assert [f.level for f in personal] == ["warning"]
    assert [f.level for f in classroom] == [None]


def test_photo_with_names_is_a_warning_on_a_classroom_account(privacy, models):
    text = "Video of my 3rd period presenting! Great job Aiden and Mia!"
    found = run(privacy, models, text, Context(account="classroom"))
    media = [f for f in found if f.code == "PRIV007"]
    assert [(text[f.start : f.end], f.level) for f in media] == [("Video", "warning")]


def test_classroom_first_names_follow_the_media_release_setting(privacy, models):
    text = "Shoutout to Aiden in 3rd period for the best project!"
    classroom = Context(account="classroom")
    released = Policy(classroom_first_names_with_release=True)
    assert spans(run(privacy, models, text, classroom), text) == {("PRIV002", "Aiden")}
    assert run(privacy, models, text, classroom, released) == []
    assert spans(run(privacy, models, text, Context(account="personal"), released), text) == {
        ("PRIV002", "Aiden")
    }


def test_full_names_are_flagged_even_with_a_media_release(privacy, models):
    text = "Congrats to Marcus Delgado on the win!"
    released = Policy(classroom_first_names_with_release=True)
    found = run(privacy, models, text, Context(account="classroom"), released)
    assert spans(found, text) == {("PRIV001", "Marcus Delgado")}
    text = "Congrats to Marcus Delgado and Priya Shah on the win!"
    found = run(privacy, models, text, Context(account="classroom"), released)
    assert spans(found, text) == {("PRIV001", "Marcus Delgado and Priya Shah")}


def test_the_teachers_own_name_is_never_flagged(privacy, models):
    text = "Jenna Morales here, so proud of my 3rd period today!"
    assert run(privacy, models, text, Context(author_name="Jenna Morales")) == []
    assert spans(run(privacy, models, text), text) == {("PRIV001", "Jenna Morales")}


def test_allow_listed_names_are_skipped_at_candidate_time(privacy, models):
    text = "Coach Rivera's Wildcats won again! Proud of my team."
    policy = Policy(allow_list=("Coach Rivera's Wildcats",))
    assert run(privacy, models, text, policy=policy) == []


def test_pipeline_reports_full_names_as_errors(pipeline: Pipeline, default_policy):
    report = pipeline.run(Draft("Huge congrats to Marcus Delgado!"), default_policy)
    privacy_findings = [r for r in report.findings if r.finding.check == "student_privacy"]
    assert [(r.finding.code, r.level) for r in privacy_findings] == [("PRIV001", "error")]
    assert report.verdict == "rethink"


def test_rules_are_documented():
    codes = [r.code for r in student_privacy.rules()]
    assert codes == [f"PRIV00{i}" for i in range(1, 8)]
    for rule in student_privacy.rules():
        assert rule.what and rule.why and rule.example and rule.tune
        assert "policy P" in rule.why or "policies P" in rule.why
