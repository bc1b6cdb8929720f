"""The Check protocol: what every check module provides to the pipeline."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar, Protocol

from checks.analysis import Analysis
from checks.rule import Rule
from checks.types import Draft, Finding


class Check(Protocol):
    """A check reads a draft's shared analysis and returns raw findings; it applies no thresholds."""

    name: ClassVar[str]
    engine: str

    def rules(self) -> Sequence[Rule]: ...

    def run(self, draft: Draft, analysis: Analysis) -> Iterable[Finding]: ...

    def run_batch(
        self, drafts: Sequence[Draft], analyses: Sequence[Analysis]
    ) -> list[list[Finding]]: ...


class PerDraftCheck:
    """Mixin for checks with no batch-level work: `run_batch` runs `run` on each draft."""

    def run(self, draft: Draft, analysis: Analysis) -> Iterable[Finding]:
        raise NotImplementedError

    def run_batch(
        self, drafts: Sequence[Draft], analyses: Sequence[Analysis]
    ) -> list[list[Finding]]:
        return [list(self.run(d, a)) for d, a in zip(drafts, analyses, strict=True)]
