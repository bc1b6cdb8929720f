"""Measure the tone check: `python -m app.evaluation.tone [--datasets DIR] [--dev FILE] [--engine E]`.

- HateCheck (`hatecheck/test_suite_cases.csv`), per functionality: every `*_h` functionality plus
  `profanity_nh` and `slur_reclaimed_nh` should be flagged (nothing hateful or profane belongs in a
  teacher's post); counter-speech, negation, identity mentions, slur homonyms and dislikes of things
  or trades should stay clean. "Flagged" = the tone check reports at warning or above under the
  default policy.
- Davidson (`davidson/davidson_labeled_data.csv`): offensive-or-hate vs neither, ROC AUC of the tone
  model's hostility score and of each label alone (alt-profanity-check was trained on data that
  includes Davidson, so only the classifier's labels are out of sample), and F1, precision and
  recall of the check's verdict, on a seeded random sample.
- A labelled dev file (`checks.evaluation` format; default `tests/data/devset.jsonl`): the tone
  check's precision, recall and false alarms.
- Speed: the tone check's p50 per draft, single and in a batch of 64, next to the whole pipeline's.

Figures are printed as they come (progress lines for the long passes); no draft text, only
aggregates.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score

from checks import tone
from checks.evaluation import fired_checks, read_examples
from checks.pipeline import Pipeline
from checks.policy import Policy, load_policy
from checks.registry import build_pipeline
from checks.types import Draft
from models.registry import Models, load_models
from models.settings import ModelSettings
from models.tone import HOSTILE_LABELS, hostility

SHOULD_FLAG_EXTRA = ("profanity_nh", "slur_reclaimed_nh")
SHOULD_PASS = (
    "counter_quote_nh",
    "counter_ref_nh",
    "negate_neg_nh",
    "ident_neutral_nh",
    "ident_pos_nh",
    "slur_homonym_nh",
    "target_obj_nh",
    "target_group_nh",
)
IDENTITY_MENTIONS = ("ident_neutral_nh", "ident_pos_nh")
DAVIDSON_SAMPLE = 2000
BATCH = 64
PROGRESS_EVERY = 8
SEED = 0

BENCH_DRAFTS = (
    "Our 4th graders presented their science fair projects today and the judges were impressed. "
    "Huge thanks to every parent who came out to support them! Next up: the spring concert.",
    "Reminder: picture day is Thursday. Please send the order forms back by Wednesday, and "
    "remember that retakes are in two weeks if anyone is absent. Smiles on!",
    "Honestly some of the parents at pickup today were complete idiots, blocking the bus lane "
    "again after three emails. I am so done with this. Rant over, grading time.",
    "The robotics team killed it at regionals this weekend! Sick moves from our drivers and a "
    "brutal final round, but the kids crushed it. So proud of every one of them.",
)


@dataclass(frozen=True, slots=True)
class Case:
    group: str
    text: str
    positive: bool


def tone_pipeline(models: Models) -> Pipeline:
    return Pipeline(models.nlp, [tone.build(models)])


def flagged(pipeline: Pipeline, policy: Policy, texts: Sequence[str], what: str) -> list[bool]:
    """Whether the tone check fires on each text, batch by batch, with a progress line."""
    result = []
    started = time.perf_counter()
    for offset in range(0, len(texts), BATCH):
        reports = pipeline.run_batch([Draft(t) for t in texts[offset : offset + BATCH]], policy)
        result.extend("tone" in fired_checks(r) for r in reports)
        if (offset // BATCH) % PROGRESS_EVERY == PROGRESS_EVERY - 1 or len(result) == len(texts):
            elapsed = time.perf_counter() - started
            print(f"  ... {what}: {len(result)}/{len(texts)} in {elapsed:.0f} s")
    return result


def hatecheck_cases(path: Path) -> list[Case]:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    wanted = set(SHOULD_FLAG_EXTRA) | set(SHOULD_PASS)
    return [
        Case(r["functionality"], r["test_case"].strip(), r["functionality"] not in SHOULD_PASS)
        for r in rows
        if r["functionality"].endswith("_h") or r["functionality"] in wanted
    ]


def report_hatecheck(pipeline: Pipeline, policy: Policy, path: Path) -> None:
    cases = hatecheck_cases(path)
    got = flagged(pipeline, policy, [c.text for c in cases], "HateCheck")
    by_group: dict[str, list[bool]] = defaultdict(list)
    for case, hit in zip(cases, got, strict=True):
        by_group[case.group].append(hit)
    print(f"\nHateCheck ({path.name}): share flagged per functionality")
    print(f"  {'functionality':<22} {'n':>5} {'flagged':>8}  expected")
    for group in sorted(by_group):
        hits = by_group[group]
        expected = "clean" if group in SHOULD_PASS else "flagged"
        print(f"  {group:<22} {len(hits):>5} {sum(hits) / len(hits):>8.3f}  {expected}")
    positives = [h for c, h in zip(cases, got, strict=True) if c.positive]
    negatives = [h for c, h in zip(cases, got, strict=True) if not c.positive]
    identity = [h for g in IDENTITY_MENTIONS for h in by_group[g]]
    print(
        f"  recall on the should-flag set:  {_share(positives):.3f} (target >= 0.85, n={len(positives)})"
    )
    print(
        f"  clean on the should-pass set:   {1 - _share(negatives):.3f} (target >= 0.80, n={len(negatives)})"
    )
    print(
        f"  clean on identity mentions:     {1 - _share(identity):.3f} (target >= 0.95, n={len(identity)})"
    )


def report_davidson(
    pipeline: Pipeline, policy: Policy, models: Models, path: Path, sample: int
) -> None:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows = random.Random(SEED).sample(rows, min(sample, len(rows)))
    texts = [r["tweet"] for r in rows]
    truth = [r["class"] != "2" for r in rows]  # 0 hate, 1 offensive, 2 neither
    assert models.tone is not None
    scores = [
        s
        for offset in range(0, len(texts), BATCH)
        for s in models.tone.score(texts[offset : offset + BATCH])
    ]
    print(f"\nDavidson ({path.name}), random sample of {len(rows)} (seed {SEED}):")
    print(f"  offensive-or-hate share: {_share(truth):.3f}")
    print(
        f"  ROC AUC, model hostility score: {roc_auc_score(truth, [hostility(s) for s in scores]):.3f}"
        " (target >= 0.90)"
    )
    labels = sorted({k for s in scores for k in s if k in HOSTILE_LABELS})
    for label in labels:
        print(f"  ROC AUC, '{label}' alone: {roc_auc_score(truth, [s[label] for s in scores]):.3f}")
    if "obscene" in labels and len(labels) > 1:
        others = [max(v for k, v in s.items() if k in labels and k != "obscene") for s in scores]
        print(f"  ROC AUC, without 'obscene': {roc_auc_score(truth, others):.3f}")
    got = flagged(pipeline, policy, texts, "Davidson")
    print(f"  F1 of the check at the default policy: {f1_score(truth, got):.3f}")
    print(
        f"  precision {precision_score(truth, got):.3f}  recall {recall_score(truth, got):.3f}",
        flush=True,
    )


def report_dev(pipeline: Pipeline, policy: Policy, path: Path) -> None:
    examples = read_examples(path)
    reports = [
        r
        for offset in range(0, len(examples), BATCH)
        for r in pipeline.run_batch([e.draft for e in examples[offset : offset + BATCH]], policy)
    ]
    fired = ["tone" in fired_checks(r) for r in reports]
    expected = ["tone" in e.expect for e in examples]
    benign = [f for f, e in zip(fired, examples, strict=True) if not e.expect]
    tp = sum(f and x for f, x in zip(fired, expected, strict=True))
    fp = sum(f and not x for f, x in zip(fired, expected, strict=True))
    fn = sum(x and not f for f, x in zip(fired, expected, strict=True))
    print(f"\nDev file ({path.name}), {len(examples)} drafts, {len(benign)} benign:")
    print(f"  tone: tp={tp} fp={fp} fn={fn}")
    print(
        f"  precision {tp / (tp + fp) if tp + fp else 1.0:.3f}  recall {tp / (tp + fn) if tp + fn else 1.0:.3f}"
    )
    print(f"  false alarms on benign drafts: {sum(benign)}/{len(benign)}")


def bench(models: Models, policy: Policy, repeats: int = 30) -> dict[str, float]:
    """p50 ms per draft: the tone check alone and the whole pipeline, single and in a batch of 64."""
    drafts = [Draft(t) for t in BENCH_DRAFTS]
    batch = [drafts[i % len(drafts)] for i in range(BATCH)]
    tone_only = tone_pipeline(models)
    whole = build_pipeline(models)
    figures = {}
    for name, pipeline in (("tone", tone_only), ("pipeline", whole)):
        pipeline.run_batch(batch, policy)
        single = [_ms(pipeline, [drafts[i % len(drafts)]], policy) for i in range(repeats)]
        batched = [_ms(pipeline, batch, policy) / BATCH for _ in range(max(repeats // 10, 3))]
        figures[f"{name}_single_p50_ms"] = statistics.median(single)
        figures[f"{name}_batch64_per_draft_ms"] = statistics.median(batched)
    spacy_only = Pipeline(models.nlp, [])
    single = [_ms(spacy_only, [drafts[i % len(drafts)]], policy) for i in range(repeats)]
    figures["spacy_single_p50_ms"] = statistics.median(single)
    return figures


def _ms(pipeline: Pipeline, drafts: Sequence[Draft], policy: Policy) -> float:
    started = time.perf_counter()
    pipeline.run_batch(drafts, policy)
    return (time.perf_counter() - started) * 1000


def print_bench(models: Models, policy: Policy) -> None:
    figures = bench(models, policy)
    engine = models.tone.engine if models.tone else "none"
    print(f"\nSpeed, drafts of at most 280 characters, engine {engine} (p50, ms per draft):")
    print(f"  spaCy pass alone, single:        {figures['spacy_single_p50_ms']:.1f}")
    print(f"  tone check (with its spaCy pass), single: {figures['tone_single_p50_ms']:.1f}")
    print(
        f"  tone check, per draft in a batch of {BATCH}: {figures['tone_batch64_per_draft_ms']:.1f}"
    )
    print(f"  whole pipeline, single:          {figures['pipeline_single_p50_ms']:.1f}")
    tone_share = figures["tone_single_p50_ms"] - figures["spacy_single_p50_ms"]
    print(
        f"  tone's share of the single-draft pipeline: {tone_share:.1f} ms"
        f" ({tone_share / figures['pipeline_single_p50_ms']:.0%})"
    )
    print(
        f"  whole pipeline, per draft in a batch of {BATCH}: {figures['pipeline_batch64_per_draft_ms']:.1f}"
    )


def _share(values: Sequence[bool]) -> float:
    return sum(values) / len(values) if values else 0.0


def default_datasets() -> Path | None:
    shared = Path(__file__).resolve().parents[3] / "shared" / "datasets"
    return shared if shared.is_dir() else None


def default_dev() -> Path | None:
    dev = Path(__file__).resolve().parents[2] / "tests" / "data" / "devset.jsonl"
    return dev if dev.is_file() else None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m app.evaluation.tone", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--datasets",
        type=Path,
        default=default_datasets(),
        help="folder holding hatecheck/ and davidson/ (default ../shared/datasets)",
    )
    parser.add_argument(
        "--dev",
        type=Path,
        default=default_dev(),
        help="a labelled JSONL file (checks.evaluation format; default tests/data/devset.jsonl)",
    )
    parser.add_argument("--engine", choices=("embedded", "detoxify"), default="embedded")
    parser.add_argument("--detoxify-variant", default="original")
    parser.add_argument("--detoxify-checkpoint", type=Path)
    parser.add_argument("--detoxify-sha256")
    parser.add_argument("--davidson-sample", type=int, default=DAVIDSON_SAMPLE)
    parser.add_argument("--no-bench", action="store_true", help="skip the speed figures")
    args = parser.parse_args(argv)
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(line_buffering=True)  # a long run shows each figure as it comes
    models = load_models(
        ModelSettings(
            tone_engine=args.engine,
            detoxify_variant=args.detoxify_variant,
            detoxify_checkpoint=args.detoxify_checkpoint,
            detoxify_sha256=args.detoxify_sha256,
        )
    )
    if models.tone is None:
        print(f"tone model did not load: {models.errors.get('tone')}")
        return 2
    policy = load_policy()
    pipeline = tone_pipeline(models)
    print(f"Tone check, engine {models.tone.engine}, default policy")
    if args.datasets is not None:
        hatecheck = args.datasets / "hatecheck" / "test_suite_cases.csv"
        davidson = args.datasets / "davidson" / "davidson_labeled_data.csv"
        if hatecheck.is_file():
            report_hatecheck(pipeline, policy, hatecheck)
        if davidson.is_file():
            report_davidson(pipeline, policy, models, davidson, args.davidson_sample)
    if args.dev is not None:
        report_dev(pipeline, policy, args.dev)
    if not args.no_bench:
        print_bench(models, policy)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
