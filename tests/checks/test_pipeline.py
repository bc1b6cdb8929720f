"""The pipeline's promises, with small fake checks so they hold whatever the real checks find:
thresholds and levels per code, select/ignore by prefix, allow-list, the district exemption,
authorised spokespeople, overlap de-duplication, verdicts and batching."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pytest
import spacy

from checks.analysis import Analysis
from checks.pipeline import Pipeline
from checks.policy import Policy, RuleSetting
from checks.rule import Rule
from checks.types import Context, Draft, Finding, Level

PREFIX = {
    "student_privacy": "PRIV",
    "tone": "TONE",
    "parent_test": "PARENT",
    "district_voice": "VOICE",
    "student_contact": "CONTACT",
}


def rule(code: str, check: str, level: Level = "warning", threshold: float = 0.5) -> Rule:
    return Rule(code, check, code.lower(), level, threshold, "what", "why", "example", "tune")


@dataclass
class PhraseCheck:
    """A test double for the Check protocol: flags each occurrence of a phrase with a fixed score."""

    name: str
    phrases: dict[str, tuple[str, float]]
    levels: dict[str, Level] = field(default_factory=dict)
    engine: str = "fake"
    batches_seen: int = 0

    def rules(self) -> list[Rule]:
        return [rule(code, self.name) for code, _ in self.phrases.values()]

    def run(self, draft: Draft, analysis: Analysis) -> list[Finding]:
        found = []
        for phrase, (code, score) in self.phrases.items():
            start = draft.text.find(phrase)
            while start >= 0:
                end = start + len(phrase)
                found.append(
                    Finding(
                        self.name,
                        code,
                        start,
                        end,
                        score,
                        f"{code} message",
                        f"{code} why",
                        level=self.levels.get(phrase),
                    )
                )
                start = draft.text.find(phrase, end)
        return found

    def run_batch(
        self, drafts: Sequence[Draft], analyses: Sequence[Analysis]
    ) -> list[list[Finding]]:
        self.batches_seen += 1
        return [self.run(d, a) for d, a in zip(drafts, analyses, strict=True)]


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.blank("en")


def codes(
    pipeline: Pipeline, text: str, policy: Policy, context: Context | None = None
) -> list[str]:
    report = pipeline.run(Draft(text, context or Context()), policy)
    return [r.finding.code for r in report.findings]


def test_a_finding_at_its_threshold_is_reported_with_the_rules_default_level(nlp):
    tone = PhraseCheck("tone", {"stupid": ("TONE001", 0.5), "dumb": ("TONE002", 0.49)})
    report = Pipeline(nlp, [tone]).run(Draft("this stupid copier, so dumb"), Policy())
    assert [(r.finding.code, r.level, r.threshold) for r in report.findings] == [
        ("TONE001", "warning", 0.5)
    ]
    assert (report.findings[0].finding.start, report.findings[0].finding.end) == (5, 11)


def test_a_district_raises_or_lowers_a_threshold_per_code(nlp):
    tone = PhraseCheck("tone", {"stupid": ("TONE001", 0.6)})
    pipeline = Pipeline(nlp, [tone])
    strict = Policy(rules={"TONE001": RuleSetting(threshold=0.7)})
    lenient = Policy(rules={"TONE": RuleSetting(threshold=0.3)})
    assert codes(pipeline, "this stupid copier", strict) == []
    assert codes(pipeline, "this stupid copier", lenient) == ["TONE001"]


def test_a_district_sets_a_level_per_code_and_the_verdict_follows(nlp):
    contact = PhraseCheck("student_contact", {"snap me": ("CONTACT001", 0.9)})
    pipeline = Pipeline(nlp, [contact])
    draft = Draft("kids, snap me after practice")
    assert pipeline.run(draft, Policy()).verdict == "review"
    escalated = Policy(rules={"CONTACT001": RuleSetting(level="error")})
    report = pipeline.run(draft, escalated)
    assert [r.level for r in report.findings] == ["error"]
    assert report.verdict == "rethink"
    softened = Policy(rules={"CONTACT": RuleSetting(level="suggestion")})
    assert pipeline.run(draft, softened).verdict == "clean"


def test_a_checks_suggested_level_stands_unless_the_policy_overrides_it(nlp):
    privacy = PhraseCheck(
        "student_privacy", {"Mia Thompson": ("PRIV001", 0.9)}, levels={"Mia Thompson": "error"}
    )
    pipeline = Pipeline(nlp, [privacy])
    draft = Draft("So proud of Mia Thompson today!")
    assert pipeline.run(draft, Policy()).findings[0].level == "error"
    policy = Policy(rules={"PRIV001": RuleSetting(level="warning")})
    assert pipeline.run(draft, policy).findings[0].level == "warning"


@pytest.mark.parametrize(
    ("select", "ignore", "settings", "expected"),
    [
        (("PRIV", "TONE"), (), {}, ["PRIV001", "TONE001", "TONE002"]),
        (("PRIV",), (), {}, ["PRIV001"]),
        (("PRIV", "TONE"), ("TONE",), {}, ["PRIV001"]),
        (("PRIV", "TONE"), ("TONE002",), {}, ["PRIV001", "TONE001"]),
        (("TONE001",), ("TONE",), {}, ["TONE001"]),
        (("PRIV", "TONE"), (), {"TONE001": RuleSetting(enabled=False)}, ["PRIV001", "TONE002"]),
        (("PRIV",), (), {"TONE002": RuleSetting(enabled=True)}, ["PRIV001", "TONE002"]),
    ],
)
def test_rules_are_selected_and_ignored_by_code_or_prefix(nlp, select, ignore, settings, expected):
    privacy = PhraseCheck("student_privacy", {"Devon Harris": ("PRIV001", 0.9)})
    tone = PhraseCheck("tone", {"damn": ("TONE001", 0.9), "crap": ("TONE002", 0.9)})
    policy = Policy(select=select, ignore=ignore, rules=settings)
    text = "Devon Harris broke the damn printer, what crap"
    assert sorted(codes(Pipeline(nlp, [privacy, tone]), text, policy)) == expected


def test_a_check_with_no_selected_rule_does_not_run_at_all(nlp):
    tone = PhraseCheck("tone", {"damn": ("TONE001", 0.9)})
    Pipeline(nlp, [tone]).run(Draft("damn"), Policy(ignore=("TONE",)))
    assert tone.batches_seen == 0


def test_a_finding_whose_code_has_no_rule_is_dropped(nlp):
    class Stray(PhraseCheck):
        def rules(self) -> list[Rule]:
            return []

    stray = Stray("tone", {"damn": ("TONE999", 0.99)})
    assert codes(Pipeline(nlp, [stray]), "damn it", Policy(select=("TONE999",))) == []


@pytest.mark.parametrize(
    ("text", "allow_list", "expected"),
    [
        ("Go Eagles! Beat the Hornets", ("Eagles",), ["PRIV001"]),
        ("Thanks Principal Hayes's team", ("hayes",), []),
        ("Thanks Principal HAYES", ("  Hayes ",), []),
        ("Thanks Principal Hayes", ("Hayes Elementary",), ["PRIV001"]),
    ],
)
def test_an_allow_listed_name_is_never_flagged(nlp, text, allow_list, expected):
    privacy = PhraseCheck(
        "student_privacy",
        {"Hornets": ("PRIV001", 0.9), "Hayes's": ("PRIV001", 0.9), "HAYES": ("PRIV001", 0.9)}
        | {"Hayes": ("PRIV001", 0.9)},
    )
    found = codes(Pipeline(nlp, [privacy]), text, Policy(allow_list=allow_list))
    assert sorted(set(found)) == expected


ANNOUNCEMENT = "On behalf of the district, school is cancelled tomorrow. Devon Harris, stay safe"


@pytest.mark.parametrize(
    ("context", "voice_reported"),
    [
        (Context(account="district", author_role="communications"), False),
        (Context(account="district", author_role="teacher"), True),
        (Context(account="personal", author_role="communications"), True),
        (Context(account="classroom", author_role="teacher"), True),
        (Context(account="personal", author_name="Dr. Lena Ortiz"), False),
        (Context(account="personal", author_name="  dr. lena   ORTIZ "), False),
        (Context(account="personal", author_name="Lena"), True),
    ],
)
def test_the_district_and_its_spokespeople_may_speak_for_it(nlp, context, voice_reported):
    voice = PhraseCheck("district_voice", {"On behalf of the district": ("VOICE001", 0.9)})
    privacy = PhraseCheck("student_privacy", {"Devon Harris": ("PRIV001", 0.9)})
    policy = Policy(spokespeople=("Dr. Lena Ortiz",))
    found = codes(Pipeline(nlp, [voice, privacy]), ANNOUNCEMENT, policy, context)
    assert ("VOICE001" in found) is voice_reported
    assert "PRIV001" in found


def test_overlapping_findings_of_one_check_are_reported_once_keeping_the_strongest(nlp):
    privacy = PhraseCheck(
        "student_privacy", {"Mia Thompson": ("PRIV001", 0.95), "Thompson": ("PRIV002", 0.7)}
    )
    report = Pipeline(nlp, [privacy]).run(Draft("Proud of Mia Thompson"), Policy())
    assert [(r.finding.code, r.finding.start, r.finding.end) for r in report.findings] == [
        ("PRIV001", 9, 21)
    ]


def test_overlapping_findings_of_different_checks_are_both_reported(nlp):
    tone = PhraseCheck("tone", {"lazy idiots": ("TONE001", 0.9)})
    parent = PhraseCheck("parent_test", {"lazy idiots": ("PARENT001", 0.8)})
    found = codes(Pipeline(nlp, [tone, parent]), "my class is lazy idiots", Policy())
    assert sorted(found) == ["PARENT001", "TONE001"]


def test_a_weaker_broader_finding_adds_advice_and_stays(nlp):
    tone = PhraseCheck(
        "tone",
        {"so done with this damn job": ("TONE002", 0.6), "damn": ("TONE001", 0.9)},
        levels={"so done with this damn job": "suggestion"},
    )
    report = Pipeline(nlp, [tone]).run(Draft("I am so done with this damn job"), Policy())
    assert [(r.finding.code, r.level) for r in report.findings] == [
        ("TONE002", "suggestion"),
        ("TONE001", "warning"),
    ]


@pytest.mark.parametrize(
    ("levels", "verdict"),
    [
        ({}, "clean"),
        ({"damn": "suggestion"}, "clean"),
        ({"damn": "warning"}, "review"),
        ({"damn": "warning", "Devon Harris": "error"}, "rethink"),
    ],
)
def test_the_verdict_is_set_by_the_worst_level(nlp, levels, verdict):
    tone = PhraseCheck("tone", {p: ("TONE001", 0.9) for p in levels if p == "damn"}, levels)
    privacy = PhraseCheck(
        "student_privacy",
        {p: ("PRIV001", 0.9) for p in levels if p == "Devon Harris"},
        levels,
    )
    report = Pipeline(nlp, [tone, privacy]).run(
        Draft("Devon Harris broke the damn printer"), Policy()
    )
    assert report.verdict == verdict


def test_a_batch_runs_each_check_once_and_keeps_the_drafts_order(nlp):
    tone = PhraseCheck("tone", {"damn": ("TONE001", 0.9)})
    pipeline = Pipeline(nlp, [tone])
    drafts = [Draft("our robotics team killed it"), Draft("damn printer"), Draft("go team")]
    reports = pipeline.run_batch(drafts, Policy(version="district-7"))
    assert tone.batches_seen == 1
    assert [r.verdict for r in reports] == ["clean", "review", "clean"]
    assert {r.policy_version for r in reports} == {"district-7"}
    assert reports[1].engines == {"tone": "fake"}


def test_findings_are_ordered_by_position(nlp):
    tone = PhraseCheck("tone", {"crap": ("TONE002", 0.9), "damn": ("TONE001", 0.9)})
    report = Pipeline(nlp, [tone]).run(Draft("damn printer, what crap"), Policy())
    assert [r.finding.start for r in report.findings] == [0, 19]


def test_an_unavailable_check_is_named_in_every_report(nlp):
    pipeline = Pipeline(nlp, [], unavailable={"tone": "OSError: checkpoint missing"})
    report = pipeline.run(Draft("hello class"), Policy())
    assert report.unavailable == {"tone": "OSError: checkpoint missing"}
    assert report.verdict == "clean"
