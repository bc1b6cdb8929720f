"""The Second Look service for the end-to-end tests: the real one (`secondlook serve` on a free
loopback port with a temporary database and a fresh teacher key) when it is installed, otherwise
the contract fake. SECONDLOOK_E2E_SERVICE=real|fake forces one."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from .fake_service import FakeService

START_TIMEOUT_S = 180
FAKE_KEY = "sk-test-teacher"


def _secondlook() -> str | None:
    candidate = Path(sys.executable).with_name("secondlook")
    found = str(candidate) if candidate.exists() else shutil.which("secondlook")
    if not found:
        return None
    for args in (["serve", "--help"], ["keys", "create", "--help"]):
        try:
            if subprocess.run([found, *args], capture_output=True, timeout=120).returncode != 0:
                return None
        except subprocess.TimeoutExpired:
            return None
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Service:
    """What the tests need of a service: where it is, a teacher key, and a direct check."""

    def __init__(self, url: str, key: str, fake: FakeService | None) -> None:
        self.url, self.key, self.fake = url, key, fake

    def report(self, text: str, platform: str = "web", account: str = "personal") -> dict:
        body = json.dumps(
            {
                "text": text,
                "context": {
                    "account": account,
                    "author_role": "teacher",
                    "platform": platform,
                    "audience": None,
                },
            }
        )
        request = urllib.request.Request(
            f"{self.url}/v1/check",
            data=body.encode(),
            method="POST",
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {self.key}"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.load(response)


def _wait_healthy(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"secondlook serve exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.5)
    raise RuntimeError(f"secondlook serve did not become healthy within {START_TIMEOUT_S}s")


@contextmanager
def _real(executable: str):
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "SECONDLOOK_DATABASE_URL": f"sqlite:///{Path(tmp) / 'secondlook.db'}"}
        created = subprocess.run(
            [executable, "keys", "create", "--role", "teacher", "--district", "default"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        key = created.stdout.split()[-1]
        port = _free_port()
        process = subprocess.Popen(
            [executable, "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_healthy(url, process)
            yield Service(url, key, None)
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


@contextmanager
def start_service():
    choice = os.environ.get("SECONDLOOK_E2E_SERVICE", "auto")
    executable = _secondlook() if choice in ("auto", "real") else None
    if choice == "real" and not executable:
        raise RuntimeError(
            "SECONDLOOK_E2E_SERVICE=real but `secondlook serve`/`keys create` is not available"
        )
    if executable:
        with _real(executable) as service:
            yield service
    else:
        with FakeService(FAKE_KEY) as fake:
            yield Service(fake.url, FAKE_KEY, fake)
