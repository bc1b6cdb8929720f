"""Each district's current policy, with its roster attached, cached in-process.

A cached policy is re-validated at most every `refresh_seconds` with one primary-key read of the
district's version number and roster generation, so a policy saved by any process sharing the
database takes effect here within that interval (plus one request).
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select

from app.storage import policies, rosters
from app.storage.database import Database
from app.storage.tables import District
from checks.policy import Policy


@dataclass(slots=True)
class _Cached:
    stamp: tuple[int, int]
    policy: Policy
    checked_at: float


class CurrentPolicies:
    def __init__(
        self,
        database: Database,
        refresh_seconds: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.database = database
        self.refresh_seconds = refresh_seconds
        self.clock = clock
        self._cache: dict[str, _Cached] = {}
        self._lock = threading.Lock()

    def get(self, district_id: str) -> Policy:
        now = self.clock()
        with self._lock:
            cached = self._cache.get(district_id)
        if cached is not None and now - cached.checked_at < self.refresh_seconds:
            return cached.policy
        with self.database.session() as session:
            stamp = session.execute(
                select(District.policy_number, District.roster_generation).where(
                    District.id == district_id
                )
            ).one()
            if cached is not None and cached.stamp == tuple(stamp):
                cached.checked_at = now
                return cached.policy
            stored = policies.get_version(session, district_id, stamp[0])
            roster = rosters.load_roster(session, district_id)
        policy = dataclasses.replace(stored.policy(), roster=roster)
        with self._lock:
            self._cache[district_id] = _Cached((stamp[0], stamp[1]), policy, now)
        return policy

    def forget(self, district_id: str) -> None:
        """Drop the cached policy so this process sees its own save on the next request."""
        with self._lock:
            self._cache.pop(district_id, None)
