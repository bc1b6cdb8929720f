"""Roster promises: a district's student names are matched as salted hashes, find names the
language model misses, and never appear in plain text anywhere."""

from __future__ import annotations

import logging
import pickle

import pytest

from checks import student_privacy
from checks.analysis import Analysis
from checks.policy import Policy
from checks.roster import Roster, names_from_csv
from checks.types import Context, Draft, Finding
from models.registry import Models

ROSTER_CSV = "first_name,last_name\nZephyr,Okonkwo\nQuilla,Abernathy-Soto\nMarisol,Vance\n"
SALT = b"district-salt-for-tests"


@pytest.fixture(scope="session")
def privacy(models: Models) -> student_privacy.StudentPrivacy:
    return student_privacy.build(models)


@pytest.fixture(scope="module")
def roster() -> Roster:
    return Roster.from_names(names_from_csv(ROSTER_CSV), SALT)


def run(check, models: Models, text: str, roster: Roster | None) -> list[Finding]:
    draft = Draft(text, Context(account="classroom"))
    policy = Policy(roster=roster)
    return list(check.run(draft, Analysis(draft=draft, doc=models.nlp(text), policy=policy)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("zephyr okonkwo crushed the mile run today", "zephyr okonkwo"),
        ("Big day for Quilla in 3rd period!", "Quilla"),
        ("MARISOL VANCE IS OUR SPELLING CHAMP", "MARISOL VANCE"),
    ],
)
def test_roster_names_are_found_even_when_the_model_misses_them(
    privacy, models, roster, text, expected
):
    found = [f for f in run(privacy, models, text, roster) if f.code == "PRIV003"]
    assert [text[f.start : f.end] for f in found] == [expected]
    assert found[0].fix is not None and "student" in found[0].fix.replacement


@pytest.mark.parametrize(
    "text",
    [
        "zephyr okonkwo crushed the mile run today",
        "The quilla is an Incan word for the moon.",
        "Marisol bought a new car.",
    ],
)
def test_no_roster_no_roster_findings(privacy, models, text):
    assert [f for f in run(privacy, models, text, None) if f.code == "PRIV003"] == []


def test_single_roster_names_need_a_student_cue(privacy, models, roster):
    assert [f.code for f in run(privacy, models, "Quilla bought a new car.", roster)] == []


def test_roster_keeps_no_plain_names(roster):
    dumped = repr(roster) + str(pickle.dumps(roster)) + str(roster.full) + str(roster.parts)
    for name in ("zephyr", "okonkwo", "quilla", "abernathy", "marisol", "vance"):
        assert name not in dumped.casefold()


def test_roster_names_never_reach_findings_or_logs(privacy, models, roster, caplog):
    text = "zephyr okonkwo and Marisol Vance crushed it in 3rd period"
    with caplog.at_level(logging.DEBUG):
        found = run(privacy, models, text, roster)
    assert {text[f.start : f.end] for f in found} >= {"zephyr okonkwo", "Marisol Vance"}
    shown = " ".join(
        f"{f!r} {f.message} {f.why} {f.fix.replacement if f.fix else ''}" for f in found
    )
    logged = " ".join(r.getMessage() for r in caplog.records)
    for name in ("zephyr", "okonkwo", "marisol", "vance", "quilla"):
        assert name not in shown.casefold()
        assert name not in logged.casefold()


def test_different_salts_give_different_hashes():
    names = names_from_csv(ROSTER_CSV)
    assert Roster.from_names(names, b"a").full.isdisjoint(Roster.from_names(names, b"b").full)
