"""Detoxify's published variants: where each checkpoint lives and which transformer it needs.

The checkpoint URLs are Detoxify's own (`detoxify.detoxify.MODEL_URLS`); the config and tokenizer
files come from the Hugging Face repository of the transformer each variant was fine-tuned from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from detoxify.detoxify import MODEL_URLS

HUB_FILE_URL = "https://huggingface.co/{repo}/resolve/main/{name}"
TRANSFORMER_DIR = "transformer"
_HASH_IN_NAME = re.compile(r"-([a-f0-9]{8,})\.")


@dataclass(frozen=True, slots=True)
class DetoxifyVariant:
    name: str
    checkpoint_url: str
    transformer_repo: str
    transformer_files: tuple[str, ...]

    @property
    def checkpoint_name(self) -> str:
        return PurePosixPath(self.checkpoint_url).name

    @property
    def published_sha256_prefix(self) -> str:
        """The sha256 prefix Detoxify put in the file name (torch hub's convention)."""
        match = _HASH_IN_NAME.search(self.checkpoint_name)
        return match.group(1) if match else ""

    def checkpoint_path(self, model_dir: Path) -> Path:
        return model_dir / self.name / self.checkpoint_name

    def file_urls(self) -> dict[str, str]:
        """Every file a local install needs: relative path under `<model_dir>/<variant>/` -> URL."""
        files = {self.checkpoint_name: self.checkpoint_url}
        for name in self.transformer_files:
            files[f"{TRANSFORMER_DIR}/{name}"] = HUB_FILE_URL.format(
                repo=self.transformer_repo, name=name
            )
        return files


_BERT = ("config.json", "vocab.txt", "tokenizer_config.json")
_ROBERTA = ("config.json", "vocab.json", "merges.txt")
_XLM_R = ("config.json", "sentencepiece.bpe.model")
_ALBERT = ("config.json", "spiece.model")

VARIANTS: dict[str, DetoxifyVariant] = {
    v.name: v
    for v in (
        DetoxifyVariant("original", MODEL_URLS["original"], "bert-base-uncased", _BERT),
        DetoxifyVariant("unbiased", MODEL_URLS["unbiased"], "roberta-base", _ROBERTA),
        DetoxifyVariant("multilingual", MODEL_URLS["multilingual"], "xlm-roberta-base", _XLM_R),
        DetoxifyVariant("original-small", MODEL_URLS["original-small"], "albert-base-v2", _ALBERT),
        DetoxifyVariant("unbiased-small", MODEL_URLS["unbiased-small"], "albert-base-v2", _ALBERT),
    )
}


def variant(name: str) -> DetoxifyVariant:
    try:
        return VARIANTS[name]
    except KeyError:
        raise ValueError(
            f"unknown Detoxify variant {name!r}; choose one of {', '.join(VARIANTS)}"
        ) from None
