"""Service settings reach the model loaders: engine choice, local Detoxify paths, threads."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from app.settings import Settings


def test_environment_settings_reach_the_model_loaders(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SECONDLOOK_TONE_ENGINE", "detoxify")
    monkeypatch.setenv("SECONDLOOK_DETOXIFY_MODEL_DIR", "/srv/models/detoxify")
    monkeypatch.setenv("SECONDLOOK_TORCH_THREADS", "2")
    models = Settings().model_settings()
    assert models.tone_engine == "detoxify"
    assert models.detoxify_model_dir == Path("/srv/models/detoxify")
    assert models.torch_threads == 2


def test_one_torch_thread_by_default_and_never_zero() -> None:
    assert Settings().model_settings().torch_threads == 1
    with pytest.raises(ValidationError):
        Settings(torch_threads=0)
