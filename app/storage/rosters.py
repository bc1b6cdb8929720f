"""A district's roster as salted HMAC digests (see `checks.roster`); names are never stored."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.storage import audit
from app.storage.districts import get_district
from app.storage.tables import RosterEntry
from checks.roster import Roster, names_from_csv


def replace_roster_from_csv(session: Session, district_id: str, csv_text: str, actor: str) -> int:
    """Hash the CSV's names with the district's salt and replace its roster; returns how many
    names were hashed. The names live only inside this call."""
    district = get_district(session, district_id)
    names = names_from_csv(csv_text)
    roster = Roster.from_names(names, bytes.fromhex(district.roster_salt))
    hashed = sum(1 for n in names if len(n.split()) >= 2)
    del names
    before = roster_size(session, district_id)
    session.execute(delete(RosterEntry).where(RosterEntry.district_id == district_id))
    session.add_all(
        [RosterEntry(district_id=district_id, kind="full", digest=d) for d in roster.full]
        + [RosterEntry(district_id=district_id, kind="part", digest=d) for d in roster.parts]
    )
    district.roster_generation += 1
    audit.record(
        session,
        district_id,
        actor,
        "roster",
        [audit.FieldChange("roster.full_name_digests", before, len(roster.full))],
    )
    return hashed


def roster_size(session: Session, district_id: str) -> int:
    """How many full-name digests the district's roster holds."""
    return len(
        session.scalars(
            select(RosterEntry.digest).where(
                RosterEntry.district_id == district_id, RosterEntry.kind == "full"
            )
        ).all()
    )


def load_roster(session: Session, district_id: str) -> Roster | None:
    """The district's roster, or None when none was uploaded."""
    district = get_district(session, district_id)
    rows = session.execute(
        select(RosterEntry.kind, RosterEntry.digest).where(RosterEntry.district_id == district_id)
    ).all()
    if not rows:
        return None
    return Roster(
        salt=bytes.fromhex(district.roster_salt),
        full=frozenset(d for k, d in rows if k == "full"),
        parts=frozenset(d for k, d in rows if k == "part"),
    )
