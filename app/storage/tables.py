"""The stored tables (SQLAlchemy 2 declarative); Alembic migrations in `app/migrations` create them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class District(Base):
    """A school district: its current policy number, roster salt and data-collection choice."""

    __tablename__ = "districts"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    policy_number: Mapped[int] = mapped_column(Integer, default=0)
    roster_salt: Mapped[str] = mapped_column(String(64))
    roster_generation: Mapped[int] = mapped_column(Integer, default=0)
    collect_outcome_counts: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class PolicyVersion(Base):
    """One immutable saved policy: the document as JSON text, who saved it and when."""

    __tablename__ = "policy_versions"
    __table_args__ = (UniqueConstraint("district_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    district_id: Mapped[str] = mapped_column(ForeignKey("districts.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    document: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(128))
    note: Mapped[str] = mapped_column(String(256), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AuditEntry(Base):
    """One changed field: who (key name), when, old -> new (JSON values)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    district_id: Mapped[str] = mapped_column(ForeignKey("districts.id"), index=True)
    actor: Mapped[str] = mapped_column(String(128))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    action: Mapped[str] = mapped_column(String(32))
    field: Mapped[str] = mapped_column(String(256))
    old: Mapped[str] = mapped_column(Text)
    new: Mapped[str] = mapped_column(Text)
    policy_number: Mapped[int | None] = mapped_column(Integer, nullable=True)


class ApiKey(Base):
    """An API key, kept as the SHA-256 of its token; `prefix` identifies it in listings."""

    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    district_id: Mapped[str] = mapped_column(ForeignKey("districts.id"), index=True)
    name: Mapped[str] = mapped_column(String(128))
    role: Mapped[str] = mapped_column(String(16))
    prefix: Mapped[str] = mapped_column(String(16))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class RosterEntry(Base):
    """One salted HMAC digest of a student's normalised name (`full`) or name part (`part`)."""

    __tablename__ = "roster_entries"

    district_id: Mapped[str] = mapped_column(ForeignKey("districts.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(8), primary_key=True)
    digest: Mapped[str] = mapped_column(String(64), primary_key=True)


class OutcomeCount(Base):
    """How often teachers did something with a rule's finding, per policy version. Counts only."""

    __tablename__ = "outcome_counts"

    district_id: Mapped[str] = mapped_column(ForeignKey("districts.id"), primary_key=True)
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    outcome: Mapped[str] = mapped_column(String(16), primary_key=True)
    policy_version: Mapped[str] = mapped_column(String(64), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)
