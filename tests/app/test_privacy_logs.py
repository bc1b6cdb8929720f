"""Privacy first: at DEBUG, through the API and the CLI, no draft text reaches a log or stderr.

The drafts carry made-up marker words that no library would ever log on its own, and they are
written to be flagged, so that the finding paths (not only the clean path) are exercised."""

from __future__ import annotations

import io
import json
import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import cli

DRAFTS = [
    "Zephyrine Quillfeather in my 3rd period failed the damn chem test again, what a disaster",
    "Kids, text me at 555-201-3344 and snap me @brightwaterteach, don't tell your parents",
    "On behalf of the district: Glimmerbrook Elementary will close for good in June",
    "This damn copier ate my Marblethorpe worksheets, what a piece of crap",
]
MARKERS = [
    "Quillfeather",
    "Zephyrine",
    "brightwaterteach",
    "201-3344",
    "Glimmerbrook",
    "Marblethorpe",
]


def leaks(text: str) -> list[str]:
    """Every draft, or marker word from one, that appears in `text`."""
    return [m for m in [*DRAFTS, *MARKERS] if m.casefold() in text.casefold()]


def logged(records: list[logging.LogRecord]) -> str:
    parts = []
    for record in records:
        parts.append(record.getMessage())
        parts.append(record.exc_text or "")
        parts.append(str(record.args))
    return "\n".join(parts)


@pytest.fixture
def debug_logging(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    root = logging.getLogger()
    previous = root.level
    root.setLevel(logging.DEBUG)
    caplog.set_level(logging.DEBUG)
    yield caplog
    root.setLevel(previous)


def test_the_api_logs_no_draft_text_at_debug(client, debug_logging):
    flagged = 0
    for text in DRAFTS:
        report = client.post("/v1/check", json={"text": text}).json()
        flagged += report["verdict"] != "clean"
    items = [{"id": f"d{i}", "text": t} for i, t in enumerate(DRAFTS)]
    client.post("/v1/check/batch", json={"items": items})
    client.post("/v1/check/batch", json={"items": [*items, items[0]]})
    client.post("/v1/check", json={"text": DRAFTS[0], "context": {"account": "school"}})
    client.post("/v1/check", json={"text": DRAFTS[1] * 200})
    client.post(
        "/v1/check",
        content=f'{{"text": "{DRAFTS[2]}"'.encode(),
        headers={"Content-Type": "application/json"},
    )
    assert flagged >= 2, "the drafts must exercise the finding paths"
    assert debug_logging.records, "DEBUG logging was on and captured"
    assert leaks(logged(debug_logging.records)) == []


def test_the_cli_logs_no_draft_text_at_debug(monkeypatch, capsys, debug_logging, pipeline):
    monkeypatch.setattr(cli, "_load_pipeline", lambda settings: pipeline)
    codes = []
    for text in DRAFTS:
        for args in (["check"], ["check", "--format", "json"]):
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
            codes.append(cli.main(["--log-level", "DEBUG", *args]))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((DRAFTS[0] * 100).encode())))
    codes.append(cli.main(["--log-level", "DEBUG", "check"]))
    _, err = capsys.readouterr()
    assert 1 in codes and codes[-1] == 2
    assert leaks(err) == []
    assert leaks(logged(debug_logging.records)) == []


def test_the_cli_process_writes_no_draft_text_to_stderr_at_debug(tmp_path):
    lines = [json.dumps({"id": str(i), "text": t}) for i, t in enumerate(DRAFTS)]
    lines += ['{"id": "broken", "text": "Zephyrine Quillfeather', json.dumps({"text": 7})]
    source = tmp_path / "drafts.jsonl"
    source.write_text("\n".join(lines), encoding="utf-8")
    command = Path(sys.executable).with_name("secondlook")
    done = subprocess.run(
        [str(command), "--log-level", "DEBUG", "check", "--jsonl", str(source)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 2, done.stderr[-2000:]
    assert len(done.stdout.splitlines()) == len(lines)
    assert "DEBUG" in done.stderr
    assert leaks(done.stderr) == []
