"""Policy versions: every save is a new immutable version; a save on a stale base is refused.

The district row's `policy_number` is the current version. A save moves it with a compare-and-set
(`UPDATE ... WHERE policy_number = base`), so two admins, in one process or several, never
overwrite each other: the second gets `StaleVersion`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.storage import audit
from app.storage.clock import as_utc, utcnow
from app.storage.tables import District, PolicyVersion
from checks.policy import Policy, policy_from_dict


class StaleVersion(Exception):
    """The policy changed since the editor loaded it."""

    def __init__(self, current: int) -> None:
        super().__init__(f"the current version is v{current}")
        self.current = current


class UnknownVersion(LookupError):
    pass


def version_label(number: int) -> str:
    return f"v{number}"


def parse_version_label(label: str | int) -> int:
    """`v3`, `3` or 3 -> 3."""
    text = str(label).strip().removeprefix("v")
    if not text.isdigit():
        raise UnknownVersion(str(label))
    return int(text)


def document_of(policy: Policy) -> dict[str, Any]:
    """The stored form of a policy: its dict without the version label (the number is the version)."""
    document = policy.to_dict()
    document.pop("version", None)
    return document


@dataclass(frozen=True, slots=True)
class StoredPolicy:
    number: int
    document: dict[str, Any]
    author: str
    note: str
    created_at: datetime

    @property
    def label(self) -> str:
        return version_label(self.number)

    def policy(self) -> Policy:
        return policy_from_dict({**self.document, "version": self.label})

    def summary(self) -> dict[str, Any]:
        return {
            "version": self.label,
            "author": self.author,
            "note": self.note,
            "created_at": self.created_at.isoformat(),
        }


def _stored(row: PolicyVersion) -> StoredPolicy:
    return StoredPolicy(
        row.number, json.loads(row.document), row.author, row.note, as_utc(row.created_at)
    )


def store_version(
    session: Session,
    district_id: str,
    number: int,
    document: dict[str, Any],
    author: str,
    note: str,
) -> None:
    session.add(
        PolicyVersion(
            district_id=district_id,
            number=number,
            document=json.dumps(document, sort_keys=True),
            author=author,
            note=note,
            created_at=utcnow(),
        )
    )


def current_number(session: Session, district_id: str) -> int:
    number = session.scalar(select(District.policy_number).where(District.id == district_id))
    if number is None:
        raise UnknownVersion(district_id)
    return number


def get_version(session: Session, district_id: str, number: int) -> StoredPolicy:
    row = session.scalar(
        select(PolicyVersion).where(
            PolicyVersion.district_id == district_id, PolicyVersion.number == number
        )
    )
    if row is None:
        raise UnknownVersion(version_label(number))
    return _stored(row)


def current_version(session: Session, district_id: str) -> StoredPolicy:
    return get_version(session, district_id, current_number(session, district_id))


def list_versions(session: Session, district_id: str) -> list[StoredPolicy]:
    """Newest first."""
    rows = session.scalars(
        select(PolicyVersion)
        .where(PolicyVersion.district_id == district_id)
        .order_by(PolicyVersion.number.desc())
    )
    return [_stored(r) for r in rows]


def save_policy(
    session: Session,
    district_id: str,
    policy: Policy,
    base_number: int,
    actor: str,
    note: str = "",
    action: str = "policy",
) -> StoredPolicy:
    """Store `policy` as the next version if `base_number` is still current; audit each field."""
    base = get_version(session, district_id, base_number)
    number = base_number + 1
    moved = session.execute(
        update(District)
        .where(District.id == district_id, District.policy_number == base_number)
        .values(policy_number=number)
    )
    if moved.rowcount != 1:
        raise StaleVersion(current_number(session, district_id))
    document = document_of(policy)
    store_version(session, district_id, number, document, actor, note)
    audit.record(
        session, district_id, actor, action, audit.field_changes(base.document, document), number
    )
    session.flush()
    return get_version(session, district_id, number)


def rollback(
    session: Session, district_id: str, to_number: int, base_number: int, actor: str
) -> StoredPolicy:
    """A new version equal to an older one; history is never rewritten."""
    older = get_version(session, district_id, to_number)
    return save_policy(
        session,
        district_id,
        older.policy(),
        base_number,
        actor,
        note=f"rollback to {older.label}",
        action="rollback",
    )
