"""Load every model once (in the service's lifespan or the CLI's start), never at import time.

A model that fails to load is recorded in `errors`; the checks that need it are then reported
unavailable instead of failing requests.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field

import torch
from spacy.language import Language
from threadpoolctl import threadpool_limits

from models.encoder import SentenceEncoder
from models.settings import ModelSettings
from models.spacy_pipeline import load_spacy
from models.tone import ToneModel, load_tone_model

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Models:
    settings: ModelSettings
    nlp: Language
    tone: ToneModel | None = None
    encoder: SentenceEncoder | None = None
    errors: dict[str, str] = field(default_factory=dict)
    load_seconds: float = 0.0


def load_models(settings: ModelSettings | None = None) -> Models:
    settings = settings or ModelSettings()
    started = time.perf_counter()
    torch.set_num_threads(settings.torch_threads)
    # numpy's BLAS as well: its small products (the name and tone classifiers' layers) stall for
    # tens of milliseconds when a BLAS thread waits for a core that another process holds.
    threadpool_limits(settings.torch_threads, user_api="blas")
    models = Models(settings=settings, nlp=load_spacy(settings.spacy_model))
    if settings.load_encoder:
        try:
            models.encoder = SentenceEncoder(settings.batch_threads or os.cpu_count() or 1)
        except Exception as exc:
            models.errors["encoder"] = f"{type(exc).__name__}: {exc}"
            log.warning("sentence encoder unavailable: %s", type(exc).__name__)
    try:
        models.tone = load_tone_model(settings, models.encoder)
    except Exception as exc:  # a broken model package must not take the service down
        models.errors["tone"] = f"{type(exc).__name__}: {exc}"
        log.warning("tone model unavailable: %s", type(exc).__name__)
    models.load_seconds = time.perf_counter() - started
    return models
