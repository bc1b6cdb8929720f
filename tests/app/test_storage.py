"""What the service stores, on SQLite and on PostgreSQL: versions are immutable, a stale save is
refused, every change is audited per field, keys and rosters are kept only as hashes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from app.storage import audit, keys, outcomes, policies, rosters
from app.storage.database import Database, normalise_url
from app.storage.districts import ensure_district, set_collect_outcome_counts
from app.storage.tables import ApiKey, PolicyVersion, RosterEntry
from checks.policy import Policy, load_policy, policy_from_dict
from tests.app.storage_backends import database_url


def edited(fields: dict[str, Any]) -> Policy:
    """The default policy with some fields changed, as the console sends a whole document."""
    return policy_from_dict({**policies.document_of(load_policy()), **fields})


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    with database_url(request.param, tmp_path) as url:
        db = Database(url)
        db.migrate()
        with db.session() as session:
            ensure_district(session, "lincoln", load_policy())
        yield db
        db.dispose()


def test_plain_postgresql_urls_use_psycopg3() -> None:
    assert normalise_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("sqlite:///var/secondlook.db") == "sqlite:///var/secondlook.db"


def test_migrating_twice_is_harmless(database: Database) -> None:
    database.migrate()
    with database.session() as session:
        assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0001"


def test_a_new_district_starts_at_version_1_with_the_default_policy(database: Database) -> None:
    with database.session() as session:
        current = policies.current_version(session, "lincoln")
    assert current.label == "v1"
    assert current.author == "system"
    assert current.policy().select == load_policy().select


def test_every_save_is_a_new_version_and_old_ones_stay(database: Database) -> None:
    stricter = edited({"rules": {"TONE001": {"threshold": 0.8}}})
    with database.session() as session:
        saved = policies.save_policy(session, "lincoln", stricter, 1, "dr-okafor")
    with database.session() as session:
        versions = policies.list_versions(session, "lincoln")
        first = policies.get_version(session, "lincoln", 1)
    assert saved.label == "v2"
    assert [v.label for v in versions] == ["v2", "v1"]
    assert first.policy().threshold("TONE001", 0.5) == 0.5
    assert versions[0].policy().threshold("TONE001", 0.5) == 0.8


def test_a_save_on_a_stale_base_is_refused(database: Database) -> None:
    edit = edited({"allow_list": ["Lincoln Lions"]})
    with database.session() as session:
        policies.save_policy(session, "lincoln", edit, 1, "first-admin")
    with pytest.raises(policies.StaleVersion) as refused, database.session() as session:
        policies.save_policy(session, "lincoln", edit, 1, "second-admin")
    assert refused.value.current == 2
    with database.session() as session:
        assert policies.current_number(session, "lincoln") == 2


def test_every_change_is_audited_per_field_with_who_old_and_new(database: Database) -> None:
    edit = edited({"rules": {"TONE001": {"threshold": 0.7}}, "allow_list": ["Lincoln Lions"]})
    with database.session() as session:
        policies.save_policy(session, "lincoln", edit, 1, "comms-lead")
        log = audit.entries(session, "lincoln")
    changed = {e.field: (e.old, e.new) for e in log}
    assert changed == {
        "allow_list": ([], ["Lincoln Lions"]),
        "rules.TONE001.threshold": (None, 0.7),
    }
    assert {e.actor for e in log} == {"comms-lead"}
    assert {e.policy_number for e in log} == {2}


def test_rollback_creates_a_new_version_equal_to_the_older_one(database: Database) -> None:
    with database.session() as session:
        policies.save_policy(session, "lincoln", edited({"ignore": ["VOICE"]}), 1, "comms-lead")
        restored = policies.rollback(session, "lincoln", 1, 2, "comms-lead")
        first = policies.get_version(session, "lincoln", 1)
    assert restored.label == "v3"
    assert restored.document == first.document
    assert restored.note == "rollback to v1"


def test_keys_are_stored_as_hashes_and_revoked_keys_stop_working(database: Database) -> None:
    with database.session() as session:
        view, token = keys.create_key(session, "lincoln", "teacher", "room-12")
    with database.session() as session:
        stored = session.scalars(select(ApiKey.token_hash)).all()
        assert token not in stored
        assert keys.token_hash(token) in stored
        assert keys.find_active(session, token) == view
        assert token.startswith(view.prefix)
        keys.revoke(session, view.id)
    with database.session() as session:
        assert keys.find_active(session, token) is None
        assert keys.find_active(session, token + "x") is None


def test_a_roster_is_kept_as_salted_digests_never_names(database: Database) -> None:
    csv_text = "first_name,last_name\nMaya,Okonkwo\nLiam,Brennan-Smith\n"
    with database.session() as session:
        assert rosters.replace_roster_from_csv(session, "lincoln", csv_text, "comms-lead") == 2
    with database.session() as session:
        digests = session.scalars(select(RosterEntry.digest)).all()
        roster = rosters.load_roster(session, "lincoln")
    assert not any("maya" in d or "okonkwo" in d for d in digests)
    assert roster is not None
    assert roster.has_full_name("Maya Okonkwo")
    assert not roster.has_full_name("Maya Brennan")


def test_outcome_counts_add_up_per_rule_and_outcome(database: Database) -> None:
    events = [
        ("PRIV001", "edited", "v1"),
        ("PRIV001", "edited", "v1"),
        ("PRIV001", "reported_wrong", "v1"),
    ]
    with database.session() as session:
        set_collect_outcome_counts(session, "lincoln", True, "comms-lead")
        assert outcomes.add_outcomes(session, "lincoln", events) == 3
    with database.session() as session:
        outcomes.add_outcomes(session, "lincoln", [("PRIV001", "edited", "v1")])
        counts = outcomes.counts_by_code(session, "lincoln")
    assert counts["PRIV001"]["edited"] == 3
    assert counts["PRIV001"]["reported_wrong"] == 1
    assert counts["PRIV001"]["posted_anyway"] == 0


def test_policy_documents_are_stored_without_draft_text(database: Database) -> None:
    with database.session() as session:
        documents = session.scalars(select(PolicyVersion.document)).all()
    assert all('"text"' not in d for d in documents)
