"""Measure the student_privacy check: `python -m app.evaluation.privacy [--datasets DIR] [--dev FILE]`.

What is measured, honestly:
- presidio-research `presidio/synth_dataset_v2.json` and WNUT-17 `wnut17/emerging.test.annotated`
  measure the check's *detection layer*, not the check: every person name it finds (students,
  staff, famous people alike, before any student cue is required) and every phone number, email
  and street address Presidio's contact analyzer finds, whoever they belong to. The check itself
  flags a lone first name only next to a student cue, so it reports far fewer names than this
  layer finds, on purpose.
- Matching rule (the same for every type and both sets): a found span and a gold span of the same
  type match when they overlap, and each gold span and each found span is used in at most one
  match, largest overlaps first. Precision = matches / found, recall = matches / gold. So "Ms.
  Kuyra" found for gold "Kuyra" matches (a fix replaces the whole span, which protects the
  person), but one found span "Aiden, Mia and Noah" recalls only one of three gold names, and
  two found halves of one gold name count one match and one false positive. The "exact" figures
  count only matches whose boundaries agree once a leading title ("Mr.", "Colonel": synth tags
  titles as a separate TITLE entity, WNUT-17 sometimes includes them), a trailing possessive and
  edge punctuation are set aside on both sides. Other synth entity types (ORGANIZATION, GPE...)
  are not scored; a name found inside one counts as a false positive. One exception: synth tags
  an address's parts ("28245", "Puruntie 82", "Apt. 595") as separate STREET_ADDRESS spans, so
  parts separated only by whitespace are joined into one gold address first. Synth's PERSON
  spans are never joined (", " separates different people in its lists). "Exact" is not
  meaningful for addresses: synth's gold runs on across lines to the city and country.
- WNUT-17 sentences are rebuilt by joining the tokens with single spaces (the corpus ships no
  original spacing), and the rebuilt text is what the pipeline parses, as it would a draft. A
  second WNUT-17 line leaves out, on both sides, the spans right after a detached "@" ("@
  NicholasPegg"): the test split labels 132 of its 464 such user mentions as people and the
  other 332 as nothing (the train split labels 6 of its 1,950 "@user" handles as people), so
  that line shows how much of the gap is the detector's and how much is those labels'. The
  first line is the one the target is read on.
- What was used for what: the person-name classifier (`checks/privacy/train_names.py`) is trained
  on WNUT-17 train and dev and, for the contextual classifier, on 5,000 teacher sentences written
  for this project and filled with Faker's names from 34 locales (`checks/privacy/name_augment.py`).
  Its size, training length and decision thresholds were chosen by training on WNUT-17 train plus
  those sentences and scoring on WNUT-17 dev and presidio's `generated_small.json` (55 names).
  `synth_dataset_v2.json` and the WNUT-17 test split are only ever evaluated on. One caveat:
  presidio-research generated its synthetic set with Faker too, so its names come from the same
  generator as ours (never its sentences or templates).
- The labelled teacher drafts (`tests/data/privacy_dev.jsonl` by default) measure the check
  itself through `checks.evaluation`: it "fires" when it reports anything at warning or above
  under the default policy.
- With the sentence encoder (the default), names are found with the contextual classifier over
  the token vectors of the semantic layer's encoder call, as in the service; `--no-encoder`
  measures the fallback.
- Latency: the check's own p50 per 280-character draft, after the shared spaCy pass and the
  shared encoder call (its share of the pipeline's budget), next to those two passes.

Only aggregate figures are printed; no draft text.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from checks import student_privacy
from checks.analysis import Analysis
from checks.evaluation import evaluate, read_examples
from checks.pipeline import Pipeline
from checks.policy import Policy, load_policy
from checks.privacy.names import NameFinder
from checks.privacy.span_scores import Span, SpanScore
from checks.privacy.train_names import contextual_vectors
from checks.privacy.wnut import read_person_sentences
from checks.semantic import embed_batch
from checks.types import Context, Draft
from models.presidio_engine import ContactAnalyzer
from models.registry import Models, load_models
from models.settings import ModelSettings
from models.spacy_pipeline import english_words

SYNTH_TYPES = ("PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS", "STREET_ADDRESS")
BENCH_DRAFT = (
    "So proud of my 3rd period today! Marcus Delgado finally passed his retake, and Mia R. read "
    "her poem to the whole school. We're at the science museum until 2:30, pics soon. If you "
    "find a blue jacket, call his mom at 503-201-3344. Go Wildcats! Thanks to Principal Hayes."
)[:280]
DEFAULT_DEV = Path(__file__).resolve().parents[2] / "tests" / "data" / "privacy_dev.jsonl"
DEFAULT_DATASETS = Path(__file__).resolve().parents[3] / "shared" / "datasets"

MATCHING = (
    "P/R: same-type spans overlap, one-to-one; exact: same boundaries without title/possessive"
)


def synth_scores(models: Models, path: Path) -> dict[str, SpanScore]:
    """Span-level precision and recall per entity type on presidio-research's synthetic set."""
    samples = json.loads(path.read_text("utf-8"))
    names = NameFinder(english_words(models.nlp))
    contact = ContactAnalyzer(models.nlp, models.settings.spacy_model)
    scores = {t: SpanScore() for t in SYNTH_TYPES}
    docs = list(models.nlp.pipe(s["full_text"] for s in samples))
    vectors = _vectors(models, docs)
    for sample, doc, v in zip(samples, docs, vectors, strict=True):
        found: dict[str, list[Span]] = {t: [] for t in SYNTH_TYPES}
        found["PERSON"] = [(n.start, n.end) for n in names.find(doc, vectors=v)]
        for result in contact.analyze(doc):
            found[result.entity_type].append((result.start, result.end))
        for entity_type, score in scores.items():
            gold = [
                (s["start_position"], s["end_position"])
                for s in sample["spans"]
                if s["entity_type"] == entity_type
            ]
            if entity_type == "STREET_ADDRESS":
                gold = join_fragments(sample["full_text"], gold)
            score.add(sample["full_text"], gold, found[entity_type])
    return scores


def join_fragments(text: str, spans: Sequence[Span]) -> list[Span]:
    """Synth tags an address's parts ("28245", "Puruntie 82", "Apt. 595") as separate
    STREET_ADDRESS spans; parts separated only by whitespace are one address."""
    joined: list[Span] = []
    for start, end in sorted(spans):
        if joined and not text[joined[-1][1] : start].strip():
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def wnut_scores(models: Models, path: Path) -> tuple[SpanScore, SpanScore]:
    """Person precision and recall on WNUT-17 noisy social text: over every span, and over the
    spans that do not follow a detached "@" (the test split labels 132 of its 464 "@ user"
    mentions as people and the rest as nothing; the train split, 6 of its 1,950 handles)."""
    sentences = read_person_sentences(path)
    names = NameFinder(english_words(models.nlp))
    score, outside_mentions = SpanScore(), SpanScore()
    docs = list(models.nlp.pipe(text for text, _ in sentences))
    for (text, gold), doc, v in zip(sentences, docs, _vectors(models, docs), strict=True):
        found = [(n.start, n.end) for n in names.find(doc, vectors=v)]
        score.add(text, gold, found)
        outside_mentions.add(
            text,
            [s for s in gold if not _after_mention(text, s)],
            [s for s in found if not _after_mention(text, s)],
        )
    return score, outside_mentions


def _after_mention(text: str, span: Span) -> bool:
    return text[max(span[0] - 2, 0) : span[0]] == "@ "


def _vectors(models: Models, docs: Sequence) -> Sequence:
    if models.encoder is None:
        return [None] * len(docs)
    return contextual_vectors(docs, models.encoder)


def privacy_latency_ms(
    models: Models, check: student_privacy.StudentPrivacy | None = None, runs: int = 200
) -> dict[str, float]:
    """p50 and p95 of the check alone on a 280-character draft (after the shared spaCy pass and
    the shared encoder call), and the p50 of that spaCy pass, in milliseconds."""
    check = check or student_privacy.build(models)
    draft = Draft(BENCH_DRAFT, Context())
    policy = load_policy()
    doc = models.nlp(BENCH_DRAFT)
    embedded = Analysis(draft=draft, doc=doc, policy=policy)
    embed_batch([embedded], models.encoder)
    check_times, nlp_times = [], []
    for _ in range(runs):
        analysis = Analysis(draft=draft, doc=doc, shared=dict(embedded.shared), policy=policy)
        started = time.perf_counter()
        list(check.run(draft, analysis))
        check_times.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        models.nlp(BENCH_DRAFT)
        nlp_times.append((time.perf_counter() - started) * 1000)
    check_times.sort()
    return {
        "chars": float(len(BENCH_DRAFT)),
        "check_p50_ms": statistics.median(check_times),
        "check_p95_ms": check_times[int(0.95 * len(check_times)) - 1],
        "spacy_pass_p50_ms": statistics.median(nlp_times),
    }


def dev_scores(models: Models, path: Path, policy: Policy) -> tuple[float, float, float, int]:
    """Precision, recall and false-alarm rate of the check alone on labelled drafts."""
    examples = read_examples(path)
    pipeline = Pipeline(models.nlp, [student_privacy.build(models)])
    result = evaluate(pipeline, policy, examples)
    score = result.scores[student_privacy.NAME]
    return score.precision, score.recall, result.false_alarm_rate, len(examples)


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.evaluation.privacy")
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    parser.add_argument("--no-encoder", action="store_true", help="measure the fallback names")
    args = parser.parse_args(list(argv) if argv is not None else None)
    models = load_models(ModelSettings(load_encoder=not args.no_encoder))

    synth = args.datasets / "presidio" / "synth_dataset_v2.json"
    if synth.exists():
        print(f"presidio-research synth_dataset_v2.json (detection layer; {MATCHING})")
        for entity_type, score in synth_scores(models, synth).items():
            print(score.line(entity_type))
    else:
        print(f"skipped presidio synth: {synth} not found")

    wnut = args.datasets / "wnut17" / "emerging.test.annotated"
    if wnut.exists():
        print(f"WNUT-17 test, sentences joined with spaces (detection layer; {MATCHING})")
        every, outside_mentions = wnut_scores(models, wnut)
        print(every.line("person"))
        print(outside_mentions.line("person, not after a detached @"))
    else:
        print(f"skipped WNUT-17: {wnut} not found")

    if args.dev.exists():
        precision, recall, false_alarms, count = dev_scores(models, args.dev, load_policy())
        print(f"dev set {args.dev.name} ({count} drafts, the check itself, warning or above):")
        print(
            f"  student_privacy  precision {precision:.3f}  recall {recall:.3f}  "
            f"false alarms on benign drafts {false_alarms:.3f}"
        )
    else:
        print(f"skipped dev set: {args.dev} not found")

    latency = privacy_latency_ms(models)
    print(
        f"latency on a {latency['chars']:.0f}-char draft: check p50 {latency['check_p50_ms']:.2f} ms,"
        f" p95 {latency['check_p95_ms']:.2f} ms (spaCy pass p50 {latency['spacy_pass_p50_ms']:.2f} ms,"
        f" timed in turn with the check: the check costs"
        f" {latency['check_p50_ms'] / latency['spacy_pass_p50_ms']:.2f} of a spaCy pass)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
