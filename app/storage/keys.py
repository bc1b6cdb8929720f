"""API keys: a high-entropy token shown once; only its SHA-256 and a short prefix are kept."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, get_args

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.storage.clock import as_utc, utcnow
from app.storage.tables import ApiKey

Role = Literal["teacher", "cms", "admin"]
ROLES: tuple[Role, ...] = get_args(Role)
TOKEN_PREFIX = "sl_"
SHOWN_PREFIX_CHARS = 10


class UnknownKey(LookupError):
    pass


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class KeyView:
    id: int
    district_id: str
    name: str
    role: Role
    prefix: str
    created_at: datetime
    revoked_at: datetime | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "district": self.district_id,
            "name": self.name,
            "role": self.role,
            "prefix": self.prefix,
            "created_at": self.created_at.isoformat(),
            "revoked_at": None if self.revoked_at is None else self.revoked_at.isoformat(),
        }


def _view(row: ApiKey) -> KeyView:
    return KeyView(
        row.id,
        row.district_id,
        row.name,
        row.role,  # type: ignore[arg-type]
        row.prefix,
        as_utc(row.created_at),
        None if row.revoked_at is None else as_utc(row.revoked_at),
    )


def create_key(
    session: Session, district_id: str, role: Role, name: str | None = None
) -> tuple[KeyView, str]:
    """A new key and its token; the token is returned this once and never stored."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiKey(
        district_id=district_id,
        name=name or f"{role}-{secrets.token_hex(3)}",
        role=role,
        prefix=token[:SHOWN_PREFIX_CHARS],
        token_hash=token_hash(token),
        created_at=utcnow(),
    )
    session.add(row)
    session.flush()
    return _view(row), token


def find_active(session: Session, token: str) -> KeyView | None:
    """The key for `token` unless it is unknown or revoked."""
    row = session.scalar(select(ApiKey).where(ApiKey.token_hash == token_hash(token)))
    if row is None or row.revoked_at is not None:
        return None
    return _view(row)


def list_keys(session: Session, district_id: str | None = None) -> list[KeyView]:
    query = select(ApiKey).order_by(ApiKey.id)
    if district_id is not None:
        query = query.where(ApiKey.district_id == district_id)
    return [_view(r) for r in session.scalars(query)]


def revoke(session: Session, key_id: int) -> KeyView:
    row = session.get(ApiKey, key_id)
    if row is None:
        raise UnknownKey(str(key_id))
    if row.revoked_at is None:
        row.revoked_at = utcnow()
    return _view(row)


def key_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(ApiKey)) or 0
