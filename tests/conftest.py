"""Session fixtures shared by every test directory: the models load once per test run."""

from __future__ import annotations

import pytest

from app.service import Service
from checks.pipeline import Pipeline
from checks.policy import Policy, load_policy
from checks.registry import build_pipeline
from models.registry import Models, load_models


@pytest.fixture(scope="session")
def models() -> Models:
    return load_models()


@pytest.fixture(scope="session")
def pipeline(models: Models) -> Pipeline:
    return build_pipeline(models)


@pytest.fixture(scope="session")
def default_policy() -> Policy:
    return load_policy()


@pytest.fixture(scope="session")
def service(models: Models, pipeline: Pipeline, default_policy: Policy) -> Service:
    return Service(models=models, pipeline=pipeline, policy=default_policy)


@pytest.fixture(scope="session")
def playwright():
    """One Playwright driver for every browser test of the run: the sync API refuses to start a
    second one while another is running (it holds an event loop)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as driver:
        yield driver
