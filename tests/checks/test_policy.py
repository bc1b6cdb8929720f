"""A district's policy document: what it may say, how settings combine, and the error it gets for
a mistake (naming the field, so a communications officer can fix it)."""

from __future__ import annotations

import pytest

from checks.policy import (
    Policy,
    PolicyError,
    RuleSetting,
    load_policy,
    parse_policy,
    policy_from_dict,
)

DISTRICT = """
version = "westbrook-3"
select = ["PRIV", "TONE", "PARENT", "VOICE", "CONTACT"]
ignore = ["PARENT002"]
allow_list = ["Eagles", "Hayes Elementary", "Coach Rivera"]
spokespeople = ["Dr. Lena Ortiz"]

[privacy]
classroom_first_names_with_release = true

[rules.TONE]
threshold = 0.8

[rules.TONE003]
level = "error"

[rules.CONTACT001]
enabled = false
"""


def test_the_shipped_default_policy_runs_every_check_with_rule_defaults():
    policy = load_policy()
    assert policy.version == "default-1"
    for code in ("PRIV001", "TONE001", "PARENT001", "VOICE001", "CONTACT001"):
        assert policy.is_selected(code)
        assert policy.threshold(code, 0.55) == 0.55
        assert policy.level(code, "warning") == "warning"
    assert policy.allow_list == () and policy.spokespeople == ()


def test_a_district_policy_is_read_from_toml():
    policy = parse_policy(DISTRICT)
    assert policy.version == "westbrook-3"
    assert policy.allow_list == ("Eagles", "Hayes Elementary", "Coach Rivera")
    assert policy.spokespeople == ("Dr. Lena Ortiz",)
    assert policy.classroom_first_names_with_release is True


def test_a_policy_file_is_loaded_from_a_path(tmp_path):
    path = tmp_path / "westbrook.toml"
    path.write_text(DISTRICT, encoding="utf-8")
    assert load_policy(path).version == "westbrook-3"


def test_settings_combine_from_prefix_to_exact_code():
    policy = parse_policy(DISTRICT)
    assert policy.threshold("TONE003", 0.5) == 0.8
    assert policy.level("TONE003", "warning") == "error"
    assert policy.level("TONE001", "warning") == "warning"
    assert policy.threshold("PRIV001", 0.5) == 0.5


@pytest.mark.parametrize(
    ("code", "selected"),
    [
        ("PARENT001", True),
        ("PARENT002", False),
        ("CONTACT001", False),
        ("CONTACT002", True),
        ("TONE003", True),
    ],
)
def test_ignore_and_enabled_decide_which_codes_run(code, selected):
    assert parse_policy(DISTRICT).is_selected(code) is selected


@pytest.mark.parametrize(
    ("select", "ignore", "code", "selected"),
    [
        (("PRIV", "TONE"), ("TONE",), "TONE001", False),
        (("TONE001",), ("TONE",), "TONE001", True),
        (("TONE",), ("TONE001",), "TONE002", True),
        (("PRIV",), (), "TONE001", False),
        ((), (), "PRIV001", False),
    ],
)
def test_the_longer_prefix_wins_and_ignore_wins_a_tie(select, ignore, code, selected):
    assert Policy(select=select, ignore=ignore).is_selected(code) is selected


def test_a_per_code_setting_can_enable_a_rule_no_prefix_selects():
    policy = Policy(select=("PRIV",), rules={"TONE001": RuleSetting(enabled=True)})
    assert policy.is_selected("TONE001")


def test_a_policy_survives_a_round_trip_through_its_dict():
    policy = parse_policy(DISTRICT)
    again = policy_from_dict(policy.to_dict())
    assert again == policy


@pytest.mark.parametrize(
    ("document", "names"),
    [
        ('colour = "blue"', "colour"),
        ('select = "PRIV"', "select"),
        ("allow_list = ['Eagles', '']", "allow_list"),
        ('[rules.TONE001]\nlevel = "critical"', "rules.TONE001.level"),
        ("[rules.TONE001]\nthreshold = 1.5", "rules.TONE001.threshold"),
        ("[rules.TONE001]\nthreshold = true", "rules.TONE001.threshold"),
        ('[rules.TONE001]\nenabled = "yes"', "rules.TONE001.enabled"),
        ("[rules.TONE001]\nmute = true", "rules.TONE001"),
        ('rules = "all"', "rules"),
        ('[privacy]\nclassroom_first_names_with_release = "yes"', "privacy."),
        ("[semantic.thresholds]\nconduct = 2", "semantic.thresholds.conduct"),
        ("select = [", "not valid TOML"),
    ],
)
def test_a_mistake_in_a_policy_names_the_field(document, names):
    with pytest.raises(PolicyError, match=names.replace(".", r"\.")):
        parse_policy(document)


def test_a_policy_document_without_select_runs_every_check() -> None:
    policy = policy_from_dict({"version": "d-1", "rules": {"TONE001": {"threshold": 0.9}}})
    assert policy.is_selected("PRIV001") and policy.is_selected("CONTACT003")
