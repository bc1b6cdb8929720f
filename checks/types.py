"""The engine's central types: what goes in (Draft), what checks say (Finding), what comes out (Report)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Level = Literal["suggestion", "warning", "error"]
Verdict = Literal["clean", "review", "rethink"]
Account = Literal["personal", "classroom", "district"]
AuthorRole = Literal["teacher", "staff", "communications"]

LEVELS: tuple[Level, ...] = ("suggestion", "warning", "error")
ACCOUNTS: tuple[Account, ...] = ("personal", "classroom", "district")
AUTHOR_ROLES: tuple[AuthorRole, ...] = ("teacher", "staff", "communications")
CHECK_NAMES: tuple[str, ...] = (
    "student_privacy",
    "tone",
    "parent_test",
    "district_voice",
    "student_contact",
)


def level_rank(level: Level) -> int:
    """Order of severity: suggestion < warning < error."""
    return LEVELS.index(level)


@dataclass(frozen=True, slots=True)
class Context:
    """Where and by whom a draft will be published. Checks read it; the policy exempts by it."""

    account: Account = "personal"
    author_role: AuthorRole = "teacher"
    platform: str | None = None
    audience: str | None = None
    author_name: str | None = None


@dataclass(frozen=True, slots=True)
class Draft:
    """A post before it is published. Its text never leaves the process and is never logged."""

    text: str
    context: Context = field(default_factory=Context)

    def __repr__(self) -> str:
        return f"Draft(<{len(self.text)} chars>, {self.context!r})"


@dataclass(frozen=True, slots=True)
class Fix:
    """A safer wording for a finding's span: `replacement` replaces text[start:end]."""

    title: str
    replacement: str


@dataclass(frozen=True, slots=True)
class Finding:
    """A raw finding from a check: a span, a score in [0, 1], and advice. No threshold applied yet.

    `level` is the check's suggested level for this occurrence (for example, higher on a personal
    account); the policy may override it per code.
    """

    check: str
    code: str
    start: int
    end: int
    score: float
    message: str
    why: str
    fix: Fix | None = None
    level: Level | None = None

    def __repr__(self) -> str:
        return f"Finding({self.code} {self.start}:{self.end} score={self.score:.2f})"


@dataclass(frozen=True, slots=True)
class ReportedFinding:
    """A finding after the policy: it passed its threshold and carries its final level."""

    finding: Finding
    level: Level
    threshold: float


@dataclass(frozen=True, slots=True)
class Report:
    """What the pipeline says about one draft."""

    verdict: Verdict
    findings: tuple[ReportedFinding, ...]
    engines: dict[str, str]
    unavailable: dict[str, str]
    policy_version: str
    timing_ms: float


def verdict_for(levels: list[Level]) -> Verdict:
    """`clean` when nothing is at warning or above, `review` when the worst is warning, else `rethink`."""
    if "error" in levels:
        return "rethink"
    if "warning" in levels:
        return "review"
    return "clean"
