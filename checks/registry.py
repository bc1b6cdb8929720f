"""The explicit list of checks, in report order, and how to build the pipeline from loaded models."""

from __future__ import annotations

import logging
from types import ModuleType

from checks import district_voice, parent_test, student_contact, student_privacy, tone
from checks.pipeline import Pipeline
from checks.rule import Rule
from models.registry import Models

log = logging.getLogger(__name__)

CHECK_MODULES: tuple[ModuleType, ...] = (
    student_privacy,
    tone,
    parent_test,
    district_voice,
    student_contact,
)


def all_rules() -> list[Rule]:
    """Every rule with its documentation; needs no model, so `secondlook rules` is instant."""
    return [rule for module in CHECK_MODULES for rule in module.rules()]


def build_pipeline(models: Models) -> Pipeline:
    """One instance of each check over the shared models; a check whose model is missing is
    reported unavailable (with the reason) instead of failing every request."""
    checks = []
    unavailable: dict[str, str] = {}
    for module in CHECK_MODULES:
        try:
            checks.append(module.build(models))
        except Exception as exc:
            unavailable[module.NAME] = f"{type(exc).__name__}: {exc}"
            log.warning("check %s unavailable: %s", module.NAME, type(exc).__name__)
    return Pipeline(models.nlp, checks, unavailable)
