"""Several service processes share one PostgreSQL database: a policy saved through one takes
effect in the other within 5 seconds. Two real `secondlook serve` processes on loopback."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from app.storage import keys
from app.storage.database import Database
from app.storage.districts import ensure_district
from checks.policy import load_policy
from tests.app.console_app import free_port
from tests.app.storage_backends import postgres_schema_url

START_TIMEOUT_S = 240
TAKES_EFFECT_WITHIN_S = 5.0
DRAFT = {"text": "Proud of every one of you at the science fair today!"}


@pytest.fixture
def shared_database(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """A fresh PostgreSQL schema, migrated, with an admin key for the default district."""
    with postgres_schema_url() as url:
        database = Database(url)
        database.migrate()
        with database.session() as session:
            ensure_district(session, "default", load_policy())
            _, token = keys.create_key(session, "default", "admin", "comms-lead")
        database.dispose()
        yield url, token


def serve(url: str, port: int, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "SECONDLOOK_DATABASE_URL": url}
    with log.open("wb") as stderr:
        return subprocess.Popen(
            [sys.executable, "-m", "app.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )


def wait_ready(base: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        assert process.poll() is None, f"the service exited: {log.read_text()[-2000:]}"
        try:
            if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    pytest.fail(f"{base} was not ready within {START_TIMEOUT_S} s")


def test_a_policy_saved_in_one_process_takes_effect_in_the_other_within_5_seconds(
    shared_database: tuple[str, str], tmp_path: Path
) -> None:
    url, token = shared_database
    auth = {"Authorization": f"Bearer {token}"}
    ports = free_port(), free_port()
    logs = [tmp_path / f"serve-{p}.log" for p in ports]
    processes = [serve(url, port, log) for port, log in zip(ports, logs, strict=True)]
    first, second = (f"http://127.0.0.1:{p}" for p in ports)
    try:
        for base, process, log in zip((first, second), processes, logs, strict=True):
            wait_ready(base, process, log)
        before = httpx.post(f"{second}/v1/check", json=DRAFT, headers=auth, timeout=30)
        assert before.json()["policy_version"] == "v1"

        policy = httpx.get(f"{first}/v1/policy", headers=auth, timeout=10).json()["policy"]
        edit = {**policy, "allow_list": ["Lincoln Lions"]}
        saved = httpx.put(
            f"{first}/v1/policy",
            json={"policy": edit, "base_version": "v1"},
            headers=auth,
            timeout=10,
        )
        assert saved.json()["version"] == "v2"
        saved_at = time.monotonic()

        seen = None
        while time.monotonic() - saved_at < TAKES_EFFECT_WITHIN_S:
            report = httpx.post(f"{second}/v1/check", json=DRAFT, headers=auth, timeout=30)
            if report.json()["policy_version"] == "v2":
                seen = time.monotonic() - saved_at
                break
            time.sleep(0.2)
        assert seen is not None, "the second process still used v1 after 5 seconds"

        stale = httpx.put(
            f"{second}/v1/policy",
            json={"policy": policy, "base_version": "v1"},
            headers=auth,
            timeout=10,
        )
        assert stale.status_code == 409
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
