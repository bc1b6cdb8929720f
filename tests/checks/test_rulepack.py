"""Rule packs are declarative and validated: every shipped rule is documented and cites the
policy, a broken file fails with a message naming the file and the field, and a district adds,
overrides or disables rules in its policy TOML without code."""

from __future__ import annotations

import re
import textwrap

import pytest

from checks import district_voice, parent_test, student_contact
from checks.pipeline import Pipeline
from checks.policy import Policy, PolicyError, parse_policy
from checks.rulepack import PACK_FILES, RulePackError, builtin_pack, parse_pack
from checks.types import Draft

VALID_RULE = """
check: student_contact
families:
  secrecy: 0.6
rules:
  - code: CONTACT090
    name: test-rule
    family: secrecy
    level: warning
    threshold: 0.5
    message: A message.
    why: A reason (policy C9).
    fix: {title: A fix, replacement: ''}
    docs: {what: What., example: Example., tune: Tune.}
    patterns:
      - {id: p, label: a label, weight: 0.8, kind: phrase, pattern: ["pinky promise"]}
"""


@pytest.mark.parametrize("check", sorted(PACK_FILES))
def test_every_shipped_rule_is_documented_and_cites_the_policy(check: str) -> None:
    pack = builtin_pack(check)
    assert pack.rules
    for rule in pack.rules:
        assert re.search(r"\(policy [A-Z]\d+", rule.why), rule.code
        assert rule.what and rule.example and rule.tune and rule.fix.title
        assert rule.positives and rule.negatives, rule.code
        assert rule.family in pack.families


def test_check_modules_render_their_rules_from_the_packs() -> None:
    for module in (parent_test, district_voice, student_contact):
        rendered = module.rules()
        assert [r.code for r in rendered] == [r.code for r in builtin_pack(module.NAME).rules]
        assert all(r.check == module.NAME for r in rendered)
    contact = {r.code: r for r in student_contact.rules()}
    assert contact["CONTACT004"].level == "error"
    assert contact["CONTACT004"].name == "secrecy-with-students"


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        (
            VALID_RULE.replace("level: warning", "level: severe"),
            r"rules\[0\] \(CONTACT090\): `level`",
        ),
        (
            VALID_RULE.replace("code: CONTACT090", "code: PARENT090"),
            r"rules\[0\]: `code` must be CONTACT",
        ),
        (
            VALID_RULE.replace("family: secrecy", "family: gossip"),
            r"`family` must be one of secrecy",
        ),
        (VALID_RULE.replace("threshold: 0.5", "threshold: 5"), r"\(CONTACT090\): `threshold`"),
        (VALID_RULE.replace("    message: A message.\n", ""), r"\(CONTACT090\): `message`"),
        (VALID_RULE.replace("kind: phrase", "kind: regex"), r"patterns\[0\]: `kind`"),
        (
            VALID_RULE.replace(
                'kind: phrase, pattern: ["pinky promise"]', "pattern: [{LOWER: {IN: [yes, no]}}]"
            ),
            r"patterns\[0\]: `pattern` is not a valid spaCy pattern",
        ),
        (
            VALID_RULE.replace("    name: test-rule\n", "    name: test-rule\n    colour: red\n"),
            r"unknown field\(s\): colour",
        ),
        (VALID_RULE + VALID_RULE.split("rules:\n")[1], r"duplicate rule code\(s\): CONTACT090"),
        ("check: [unclosed", r"not valid YAML"),
    ],
)
def test_a_broken_pack_fails_naming_the_file_and_field(broken: str, message: str) -> None:
    assert parse_pack(VALID_RULE, "district/rules.yaml").rules[0].code == "CONTACT090"
    with pytest.raises(RulePackError, match=message) as raised:
        parse_pack(broken, "district/rules.yaml")
    assert str(raised.value).startswith("district/rules.yaml")


CUSTOM = textwrap.dedent(
    """
    version = "riverside-3"

    [[custom_rules]]
    check = "parent_test"
    code = "PARENT090"
    name = "rival-school-mockery"
    family = "contempt_students"
    level = "warning"
    threshold = 0.5
    message = "This mocks students of another school."
    why = "Their parents read your posts too (policy S3, S4)."
    fix = { title = "Congratulate both teams", replacement = "Great game tonight, both teams played hard!" }
    docs = { what = "Mockery of a rival school's students.", example = "Eastside kids can't play.", tune = "Disable with [rules.PARENT090]." }
    exemplars = { positive = ["Eastside kids are a bunch of losers."], negative = ["Great game against Eastside tonight."] }

    [[custom_rules.patterns]]
    id = "rival"
    label = "mockery of a rival school"
    weight = 0.8
    kind = "token"
    pattern = [{ LOWER = "eastside" }, { LOWER = { IN = ["kids", "students"] } }, { LEMMA = "be" }, { LOWER = { IN = ["frauds", "soft"] } }]
    """
)


def test_a_district_adds_its_own_rule_in_the_policy(pipeline: Pipeline) -> None:
    policy = parse_policy(CUSTOM)
    text = "Great win tonight! Eastside kids are frauds, everyone knows it."
    report = pipeline.run(Draft(text), policy)
    (found,) = [r for r in report.findings if r.finding.code == "PARENT090"]
    assert (
        text[found.finding.start : found.finding.end]
        == "Eastside kids are frauds, everyone knows it."
    )
    assert found.level == "warning"
    assert found.finding.fix is not None
    assert found.finding.fix.replacement == "Great game tonight, both teams played hard!"
    assert policy.custom_rule("PARENT090") is not None
    assert policy.to_dict()["custom_rules"][0]["code"] == "PARENT090"


def test_a_district_disables_a_rule_with_the_existing_settings(pipeline: Pipeline) -> None:
    policy = parse_policy(CUSTOM + "\n[rules.PARENT090]\nenabled = false\n")
    report = pipeline.run(Draft("Eastside kids are frauds, everyone knows it."), policy)
    assert "PARENT090" not in {r.finding.code for r in report.findings}


def test_a_district_overrides_a_shipped_rule(pipeline: Pipeline, default_policy: Policy) -> None:
    override = CUSTOM.replace('"PARENT090"', '"PARENT001"').replace(
        'family = "contempt_students"', 'family = "substances"'
    )
    policy = parse_policy(override)
    hungover = Draft("Hungover and proctoring the state test.")
    assert "PARENT001" in {r.finding.code for r in pipeline.run(hungover, default_policy).findings}
    assert "PARENT001" not in {r.finding.code for r in pipeline.run(hungover, policy).findings}
    rival = pipeline.run(Draft("Eastside kids are frauds."), policy)
    assert [r.finding.message for r in rival.findings if r.finding.code == "PARENT001"] == [
        "This mocks students of another school."
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('level = "warning"', 'level = "loud"'), r"custom_rules\[0\] \(PARENT090\): `level`"),
        (('check = "parent_test"', 'check = "tone"'), r"custom_rules\[0\]: `check`"),
        (("weight = 0.8", "weight = 2"), r"patterns\[0\]: `weight`"),
    ],
)
def test_a_broken_custom_rule_fails_naming_the_field(change: tuple[str, str], message: str) -> None:
    with pytest.raises(PolicyError, match=message):
        parse_policy(CUSTOM.replace(*change))


def test_custom_rules_must_be_an_array_of_tables() -> None:
    with pytest.raises(PolicyError, match="`custom_rules` must be an array of tables"):
        parse_policy('custom_rules = "PARENT090"')
