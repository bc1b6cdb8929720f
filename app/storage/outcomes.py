"""Aggregate outcome counts per district, rule code, outcome and policy version. Counts only."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Literal, get_args

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.storage.tables import OutcomeCount

Outcome = Literal["edited", "applied_fix", "posted_anyway", "reported_wrong"]
OUTCOMES: tuple[Outcome, ...] = get_args(Outcome)


def add_outcomes(
    session: Session, district_id: str, events: Iterable[tuple[str, Outcome, str]]
) -> int:
    """Add (code, outcome, policy_version) events to the counts; returns how many were added."""
    tally = Counter(events)
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    for (code, outcome, version), n in tally.items():
        statement = insert(OutcomeCount).values(
            district_id=district_id, code=code, outcome=outcome, policy_version=version, count=n
        )
        session.execute(
            statement.on_conflict_do_update(
                index_elements=["district_id", "code", "outcome", "policy_version"],
                set_={"count": OutcomeCount.count + n},
            )
        )
    return sum(tally.values())


def counts_by_code(session: Session, district_id: str) -> dict[str, dict[str, int]]:
    """{code: {outcome: count}} summed over policy versions."""
    result: dict[str, dict[str, int]] = {}
    rows = session.execute(
        select(OutcomeCount.code, OutcomeCount.outcome, OutcomeCount.count).where(
            OutcomeCount.district_id == district_id
        )
    )
    for code, outcome, count in rows:
        per_code = result.setdefault(code, dict.fromkeys(OUTCOMES, 0))
        per_code[outcome] += count
    return result
