"""The one NLP pass over a draft, shared by every check."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from checks.types import Draft


@dataclass(slots=True)
class Analysis:
    """A draft's spaCy doc plus features that checks compute once and share (keyed by name).

    `shared` holds batch-computed features such as sentence embeddings, so that three checks that
    all read embeddings pay for one encoder call per batch.
    """

    draft: Draft
    doc: Doc
    shared: dict[str, Any] = field(default_factory=dict)
