"""Detoxify, run offline from a local checkpoint, behind the `ToneModel` interface.

A Detoxify checkpoint is a pickle: `torch.load` can run code while reading it. So the file is read
once, its sha256 checked when one is configured, and only those verified bytes are unpickled.
Detoxify's own loader then builds the model; it is pointed at the local transformer directory
(config and tokenizer files, next to the checkpoint) so that transformers never calls the hub.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from models.detoxify_variants import TRANSFORMER_DIR, variant
from models.tone import HOSTILE_LABELS

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


class CheckpointError(ValueError):
    """A checkpoint that must not or cannot be loaded; the message says why, never the content."""


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_verified(path: Path, expected_sha256: str | None) -> bytes:
    """The file's bytes, refused unless they hash to `expected_sha256` (when one is given)."""
    data = path.read_bytes()
    if expected_sha256:
        actual = sha256_of(data)
        if not hmac.compare_digest(actual, expected_sha256.strip().lower()):
            raise CheckpointError(
                f"checkpoint {path.name} has sha256 {actual}, expected {expected_sha256}"
            )
    return data


def _pointed_at_local_transformer(data: bytes, transformer_dir: Path) -> io.BytesIO:
    """The checkpoint re-serialised with `arch.args.model_type` set to the local directory."""
    import torch

    loaded: Any = torch.load(io.BytesIO(data), map_location="cpu", weights_only=False)
    if not _is_detoxify_checkpoint(loaded):
        raise CheckpointError(
            "checkpoint lacks Detoxify's config (arch.args, dataset.args.classes) or state_dict"
        )
    loaded["config"]["arch"]["args"]["model_type"] = str(transformer_dir)
    buffer = io.BytesIO()
    torch.save(loaded, buffer)
    buffer.seek(0)
    return buffer


def _is_detoxify_checkpoint(loaded: Any) -> bool:
    try:
        config = loaded["config"]
        return (
            isinstance(config["arch"]["args"], dict)
            and bool(config["dataset"]["args"]["classes"])
            and "state_dict" in loaded
        )
    except (KeyError, TypeError):
        return False


class DetoxifyTone:
    """Scores per Detoxify label; labels outside `HOSTILE_LABELS` (identity mentions) are dropped."""

    def __init__(
        self,
        variant_name: str,
        checkpoint: Path,
        sha256: str | None = None,
        transformer_dir: Path | None = None,
    ) -> None:
        from detoxify import Detoxify

        variant(variant_name)
        transformer_dir = transformer_dir or checkpoint.parent / TRANSFORMER_DIR
        if not checkpoint.is_file():
            raise CheckpointError(
                f"no checkpoint at {checkpoint}; run `secondlook models download {variant_name}`"
            )
        if not (transformer_dir / "config.json").is_file():
            raise CheckpointError(
                f"no config.json in {transformer_dir}; run `secondlook models download {variant_name}`"
            )
        data = read_verified(checkpoint, sha256)
        self._model = Detoxify(
            model_type=variant_name,
            checkpoint=_pointed_at_local_transformer(data, transformer_dir),
        )
        self.engine = f"detoxify:{variant_name}"
        self.labels = tuple(c for c in self._model.class_names if c in HOSTILE_LABELS)

    def score(self, texts: Sequence[str]) -> list[dict[str, float]]:
        if not texts:
            return []
        raw = self._model.predict(list(texts))
        columns = {label: _as_list(raw[label]) for label in self.labels}
        return [{label: columns[label][i] for label in self.labels} for i in range(len(texts))]


def _as_list(values: float | list[float]) -> list[float]:
    return [float(v) for v in values] if isinstance(values, list) else [float(values)]
