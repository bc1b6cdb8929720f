"""The `student_contact` check: its rules live in `checks/rules/student_contact.yaml` (patterns and exemplars); the
conduct engine (`checks/conduct.py`) runs them, with the sentence encoder when it is loaded."""

from __future__ import annotations

from checks.conduct import ConductCheck
from checks.rule import Rule
from checks.rulepack import builtin_pack
from models.registry import Models

NAME = "student_contact"


def rules() -> list[Rule]:
    return [rule.doc() for rule in builtin_pack(NAME).rules]


def build(models: Models) -> ConductCheck:
    return ConductCheck(builtin_pack(NAME), models.nlp, models.encoder)
