"""A rule's identity and documentation: the handle policies select and tune by, and the text users read."""

from __future__ import annotations

from dataclasses import dataclass

from checks.types import Level


@dataclass(frozen=True, slots=True)
class Rule:
    """One documented rule. `code` never changes meaning once released (retire it instead).

    The four documentation fields follow Ruff's rule pages: what it flags, why it matters (with the
    district guideline it rests on), an example, and how to tune it.
    """

    code: str
    check: str
    name: str
    level: Level
    threshold: float
    what: str
    why: str
    example: str
    tune: str

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "check": self.check,
            "name": self.name,
            "level": self.level,
            "threshold": self.threshold,
            "docs": {
                "what": self.what,
                "why": self.why,
                "example": self.example,
                "tune": self.tune,
            },
        }
