"""A stand-in for the Second Look service that follows its HTTP contract, for when the real one
cannot be started. It flags a few fixed phrases so tests know what to expect, and records the
outcome events it receives (codes only; the contract has no text in them)."""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

RULES = [
    (
        re.compile(r"\bJake Smith\b"),
        "student_privacy",
        "PRIV001",
        "error",
        "This names a student in full.",
        "A full name lets anyone find the child; families expect first names at most (policy P2).",
        {"title": "Say who without naming", "replacement": "one of our students"},
    ),
    (
        re.compile(r"\bfailed\b"),
        "parent_test",
        "PARENT003",
        "warning",
        "This points at a student's grade.",
        "Grades are private between the school and the family (policy P4).",
        {"title": "Keep it general", "replacement": "worked hard on"},
    ),
    (
        re.compile(r"\bASAP\b"),
        "district_voice",
        "VOICE002",
        "suggestion",
        "Spell out abbreviations.",
        "Not every family reads English shorthand (policy V1).",
        {"title": "Spell it out", "replacement": "as soon as possible"},
    ),
]


def utf16_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


def report_for(text: str) -> dict:
    findings = []
    for pattern, check, code, level, message, why, fix in RULES:
        for match in pattern.finditer(text):
            findings.append(
                {
                    "check": check,
                    "code": code,
                    "level": level,
                    "score": 0.9,
                    "threshold": 0.5,
                    "message": message,
                    "why": why,
                    "fix": fix,
                    "span": {"start": match.start(), "end": match.end()},
                    "span_utf16": {
                        "start": utf16_offset(text, match.start()),
                        "end": utf16_offset(text, match.end()),
                    },
                }
            )
    levels = {f["level"] for f in findings}
    verdict = "rethink" if "error" in levels else "review" if findings else "clean"
    return {
        "verdict": verdict,
        "findings": findings,
        "engines": {"fake": "rules"},
        "policy_version": "fake-1",
        "timing_ms": 1.0,
    }


class FakeService:
    def __init__(self, api_key: str) -> None:
        self.api_key = api_key
        self.events: list[dict] = []
        service = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # drafts never reach a log
                pass

            def reply(self, status: int, body: dict) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                if self.path == "/healthz":
                    self.reply(200, {"status": "ok"})
                else:
                    self.reply(404, {"error": {"code": "not_found", "message": "Not found"}})

            def do_POST(self) -> None:
                body = json.loads(
                    self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}"
                )
                if self.headers.get("Authorization") != f"Bearer {service.api_key}":
                    self.reply(
                        401,
                        {
                            "error": {
                                "code": "unauthorized",
                                "message": "Unknown or revoked API key",
                            }
                        },
                    )
                elif self.path == "/v1/check":
                    self.reply(200, report_for(body["text"]))
                elif self.path == "/v1/feedback":
                    service.events.extend(body["events"])
                    self.reply(202, {"accepted": len(body["events"])})
                else:
                    self.reply(404, {"error": {"code": "not_found", "message": "Not found"}})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeService:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
