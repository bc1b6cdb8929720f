"""A service for the console, key and policy tests that needs no model download: a blank spaCy
pipeline and one scripted tone rule, "shouting in capitals", whose score is the share of words
written in capitals. Its numbers are easy to reason about, so the tests can say exactly which
drafts a threshold catches."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import spacy
from fastapi.testclient import TestClient

from app.main import create_app
from app.service import Service
from app.settings import Settings
from app.storage import keys
from checks.analysis import Analysis
from checks.check import PerDraftCheck
from checks.pipeline import Pipeline
from checks.policy import load_policy
from checks.rule import Rule
from checks.types import Draft, Finding
from models.registry import Models
from models.settings import ModelSettings

SHOUTING = Rule(
    code="TONE990",
    check="tone",
    name="shouting-in-capitals",
    level="warning",
    threshold=0.6,
    what="A post written mostly in capital letters.",
    why="Capitals read as shouting to a parent (policy S7).",
    example="NO PHONES IN CLASS. I MEAN IT.",
    tune="Raise the threshold to flag only posts that are almost all capitals.",
)

# A labelled sample with the scores the rule gives each draft (share of words in capitals).
SAMPLE = [
    ("WHO LEFT THE GYM DOOR OPEN AGAIN", ["tone"]),  # 1.0
    ("NO PHONES IN CLASS. I MEAN IT.", ["tone"]),  # 1.0
    ("I AM SO DONE with this class today", ["tone"]),  # 0.5
    ("Field trip forms are due FRIDAY, thank you families!", []),  # 0.11
    ("Go Lions! Big game tonight at 7", []),  # 0.0
    ("Our STEM night is Thursday at 6 in the library", []),  # 0.11
]
SAMPLE_JSONL = "\n".join(
    json.dumps({"id": f"s{i}", "text": text, "expect": expect})
    for i, (text, expect) in enumerate(SAMPLE, start=1)
)


class ShoutingCheck(PerDraftCheck):
    name = "tone"
    engine = "scripted"

    def rules(self) -> list[Rule]:
        return [SHOUTING]

    def run(self, draft: Draft, analysis: Analysis) -> Iterable[Finding]:
        words = [t.text for t in analysis.doc if t.is_alpha]
        if not words:
            return []
        capitals = sum(1 for w in words if w.isupper() and (len(w) > 1 or w == "I"))
        return [
            Finding(
                check="tone",
                code=SHOUTING.code,
                start=0,
                end=len(draft.text),
                score=capitals / len(words),
                message="This reads as shouting.",
                why=SHOUTING.why,
            )
        ]


def scripted_service() -> Service:
    nlp = spacy.blank("en")
    models = Models(settings=ModelSettings(load_encoder=False), nlp=nlp)
    return Service(models=models, pipeline=Pipeline(nlp, [ShoutingCheck()]), policy=load_policy())


@contextmanager
def console_client(database_url: str, **settings: object) -> Iterator[tuple[TestClient, str]]:
    """A running app over `database_url` and an admin key for its default district."""
    app = create_app(Settings(database_url=database_url, **settings), service=scripted_service())
    with TestClient(app) as client:
        with app.state.database.session() as session:
            _, token = keys.create_key(session, "default", "admin", "comms-lead")
        yield client, token


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
