"""The loaded engine behind the API: models, pipeline and the current policy, built once."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.settings import Settings
from checks.pipeline import Pipeline
from checks.policy import Policy, load_policy
from checks.registry import build_pipeline
from checks.types import Draft, Finding, Report
from models.registry import Models, load_models


@dataclass(slots=True)
class Service:
    models: Models
    pipeline: Pipeline
    policy: Policy
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def load(cls, settings: Settings) -> Service:
        models = load_models(settings.model_settings())
        return cls(
            models=models,
            pipeline=build_pipeline(models),
            policy=load_policy(settings.policy_file),
        )

    def check(self, drafts: Sequence[Draft], policy: Policy | None = None) -> list[Report]:
        """Run a batch; one at a time per process (the models use both cores already)."""
        with self._lock:
            return self.pipeline.run_batch(drafts, policy or self.policy)

    def raw_findings(
        self, drafts: Sequence[Draft], policy: Policy, batch_size: int = 64
    ) -> list[list[Finding]]:
        """The checks' findings before the policy is applied, a batch at a time, so a long
        preview never holds the models for more than one batch while checks wait."""
        raw: list[list[Finding]] = []
        for offset in range(0, len(drafts), batch_size):
            with self._lock:
                raw.extend(self.pipeline.raw_findings(drafts[offset : offset + batch_size], policy))
        return raw
