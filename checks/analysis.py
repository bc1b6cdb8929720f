"""The one NLP pass over a draft, shared by every check."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from checks.policy import Policy
from checks.types import Draft


@dataclass(slots=True)
class Analysis:
    """A draft's spaCy doc plus features that checks compute once and share (keyed by name).

    `shared` holds batch-computed features such as sentence embeddings, so that three checks that
    all read embeddings pay for one encoder call per batch. `policy` is the policy of the run, for
    checks whose rules a district tunes beyond thresholds (custom rules, similarity thresholds).
    """

    draft: Draft
    doc: Doc
    shared: dict[str, Any] = field(default_factory=dict)
    policy: Policy | None = None
