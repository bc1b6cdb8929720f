"""Who is calling: a Bearer API key, its role and district, and a per-key rate limit.

Roles: `teacher` may check drafts, `cms` may also check batches, `admin` may do everything
(policy edits, the console). Wrong or revoked key: 401. Right key, wrong role or district: 403.
Over the rate: 429 with `Retry-After` (seconds).
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import Depends, Query, Request

from app.errors import ApiError
from app.storage import keys
from app.storage.database import Database

Permission = Literal["read", "check", "batch", "admin"]

PERMISSIONS: dict[keys.Role, frozenset[Permission]] = {
    "teacher": frozenset({"read", "check"}),
    "cms": frozenset({"read", "check", "batch"}),
    "admin": frozenset({"read", "check", "batch", "admin"}),
}


@dataclass(frozen=True, slots=True)
class Principal:
    """The caller behind a valid key."""

    key_id: int
    name: str
    role: keys.Role
    district_id: str


class RateLimiter:
    """An in-process token bucket per key: `burst` requests at once, refilled at `per_minute`."""

    def __init__(
        self, per_minute: float, burst: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self.clock = clock
        self._buckets: dict[int, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, key_id: int) -> float:
        """Spend one token; returns 0 when allowed, else the seconds until a token is back."""
        now = self.clock()
        with self._lock:
            tokens, last = self._buckets.get(key_id, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            if tokens >= 1:
                self._buckets[key_id] = (tokens - 1, now)
                return 0.0
            self._buckets[key_id] = (tokens, now)
            return (1 - tokens) / self.rate if self.rate > 0 else math.inf


def bearer_token(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(
            401,
            "missing_key",
            "Send an API key as `Authorization: Bearer <key>`.",
            {"WWW-Authenticate": "Bearer"},
        )
    return token.strip()


def authenticate(database: Database, token: str) -> Principal:
    with database.session() as session:
        key = keys.find_active(session, token)
    if key is None:
        raise ApiError(
            401,
            "invalid_key",
            "This API key is unknown or was revoked.",
            {"WWW-Authenticate": "Bearer"},
        )
    return Principal(key.id, key.name, key.role, key.district_id)


def authorised(permission: Permission) -> Callable[..., Principal]:
    """A FastAPI dependency: the caller's key must allow `permission`, in the named district."""

    def dependency(
        request: Request,
        district: Annotated[
            str | None, Query(description="Optional; when given, it must be the key's district.")
        ] = None,
    ) -> Principal:
        principal = authenticate(request.app.state.database, bearer_token(request))
        if permission not in PERMISSIONS[principal.role]:
            raise ApiError(
                403, "forbidden_role", f"A `{principal.role}` key cannot do this ({permission})."
            )
        if district is not None and district != principal.district_id:
            raise ApiError(403, "forbidden_district", "This key belongs to another district.")
        wait = request.app.state.rate_limiter.take(principal.key_id)
        if wait > 0:
            seconds = max(1, math.ceil(wait))
            raise ApiError(
                429,
                "rate_limited",
                f"Too many requests with this key; try again in {seconds} s.",
                {"Retry-After": str(seconds)},
            )
        return principal

    return dependency


Reader = Annotated[Principal, Depends(authorised("read"))]
Checker = Annotated[Principal, Depends(authorised("check"))]
BatchCaller = Annotated[Principal, Depends(authorised("batch"))]
Admin = Annotated[Principal, Depends(authorised("admin"))]
