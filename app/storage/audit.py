"""The audit log: every change to a district's policy or settings, one row per changed field."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.storage.clock import as_utc, utcnow
from app.storage.tables import AuditEntry

MISSING = None


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    old: Any
    new: Any


def flatten(document: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested tables become dotted fields (`rules.TONE001.threshold`); lists stay whole values."""
    flat: dict[str, Any] = {}
    for key, value in document.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and value:
            flat.update(flatten(value, f"{name}."))
        elif not (isinstance(value, dict) and not value):
            flat[name] = value
    return flat


def field_changes(old: dict[str, Any], new: dict[str, Any]) -> list[FieldChange]:
    """What differs between two documents, field by field, in field order."""
    before, after = flatten(old), flatten(new)
    return [
        FieldChange(name, before.get(name, MISSING), after.get(name, MISSING))
        for name in sorted(set(before) | set(after))
        if before.get(name, MISSING) != after.get(name, MISSING)
    ]


def record(
    session: Session,
    district_id: str,
    actor: str,
    action: str,
    changes: list[FieldChange],
    policy_number: int | None = None,
) -> None:
    at = utcnow()
    for change in changes:
        session.add(
            AuditEntry(
                district_id=district_id,
                actor=actor,
                at=at,
                action=action,
                field=change.field,
                old=json.dumps(change.old),
                new=json.dumps(change.new),
                policy_number=policy_number,
            )
        )


@dataclass(frozen=True, slots=True)
class AuditView:
    actor: str
    at: datetime
    action: str
    field: str
    old: Any
    new: Any
    policy_number: int | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "who": self.actor,
            "when": self.at.isoformat(),
            "action": self.action,
            "field": self.field,
            "old": self.old,
            "new": self.new,
            "policy_version": None if self.policy_number is None else f"v{self.policy_number}",
        }


def entries(session: Session, district_id: str, limit: int = 100) -> list[AuditView]:
    """The newest entries first."""
    rows = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.district_id == district_id)
        .order_by(AuditEntry.id.desc())
        .limit(limit)
    )
    return [
        AuditView(
            r.actor,
            as_utc(r.at),
            r.action,
            r.field,
            json.loads(r.old),
            json.loads(r.new),
            r.policy_number,
        )
        for r in rows
    ]
