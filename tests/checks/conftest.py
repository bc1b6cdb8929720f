"""Fixtures shared by the check tests."""

from __future__ import annotations

import pytest

from checks import tone
from checks.pipeline import Pipeline
from models.registry import Models


@pytest.fixture(scope="session")
def tone_only(models: Models) -> Pipeline:
    """The pipeline with the tone check alone: what a tone test reports is the tone check's."""
    return Pipeline(models.nlp, [tone.build(models)])
