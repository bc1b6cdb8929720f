"""Districts: created with the default policy as version 1 and a fresh roster salt."""

from __future__ import annotations

import re
import secrets

from sqlalchemy.orm import Session

from app.storage import audit
from app.storage.clock import utcnow
from app.storage.policies import document_of, store_version
from app.storage.tables import District
from checks.policy import Policy

DISTRICT_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


class UnknownDistrict(LookupError):
    pass


def get_district(session: Session, district_id: str) -> District:
    district = session.get(District, district_id)
    if district is None:
        raise UnknownDistrict(district_id)
    return district


def ensure_district(
    session: Session, district_id: str, initial_policy: Policy, actor: str = "system"
) -> District:
    """The district, created on first use with `initial_policy` as its version 1."""
    if not DISTRICT_ID.match(district_id):
        raise ValueError("a district id is lower-case letters, digits, '-' or '_' (at most 64)")
    district = session.get(District, district_id)
    if district is not None:
        return district
    district = District(
        id=district_id,
        policy_number=1,
        roster_salt=secrets.token_hex(32),
        roster_generation=0,
        collect_outcome_counts=False,
        created_at=utcnow(),
    )
    session.add(district)
    session.flush()
    store_version(session, district_id, 1, document_of(initial_policy), actor, "initial policy")
    return district


def set_collect_outcome_counts(session: Session, district_id: str, on: bool, actor: str) -> None:
    district = get_district(session, district_id)
    if district.collect_outcome_counts == on:
        return
    audit.record(
        session,
        district_id,
        actor,
        "settings",
        [audit.FieldChange("collect_outcome_counts", district.collect_outcome_counts, on)],
    )
    district.collect_outcome_counts = on
