"""Placeholder for the `student_privacy` check while it is being written: no rules, no findings."""

from __future__ import annotations

from collections.abc import Iterable

from checks.analysis import Analysis
from checks.check import PerDraftCheck
from checks.rule import Rule
from checks.types import Draft, Finding
from models.registry import Models

NAME = "student_privacy"


def rules() -> list[Rule]:
    return []


class Placeholder(PerDraftCheck):
    name = NAME
    engine = "none"

    def rules(self) -> list[Rule]:
        return rules()

    def run(self, draft: Draft, analysis: Analysis) -> Iterable[Finding]:
        return []


def build(models: Models) -> Placeholder:
    return Placeholder()
