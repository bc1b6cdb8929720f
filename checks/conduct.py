"""The engine behind the three conduct checks (parent_test, district_voice, student_contact).

Each check runs its rule pack over a draft, sentence by sentence: spaCy patterns (token, phrase and
dependency matchers) and, when the sentence encoder is loaded, similarity to the rule's exemplars.
Both combine into one raw score per rule and sentence; the pipeline applies thresholds.

Scoring. A pattern match scores its `weight`. A sentence whose nearest positive exemplar has
similarity `s` at or above its family's threshold `t`, and closer than any near-miss exemplar,
scores `0.5 + 0.5 * (s - t) / (1 - t)`: exactly the default rule threshold (0.5) at `t`, so the
policy's `semantic.thresholds` move where a paraphrase alone starts to count. Both together
combine as independent evidence: `1 - (1 - pattern) * (1 - similarity)`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import DependencyMatcher, PhraseMatcher
from spacy.tokens import Doc, Span

from checks.analysis import Analysis
from checks.policy import Policy
from checks.rule import Rule
from checks.rulepack import ConductRule, Pattern, RulePack, parse_custom_rules
from checks.semantic import ExemplarIndex, Sentence, embed_batch, sentences
from checks.token_patterns import TokenPatternMatcher
from checks.tone_negation import ruled_out
from checks.types import Draft, Finding, Fix
from models.encoder import SentenceEncoder

SEMANTIC_AT_THRESHOLD = 0.5
SENTENCE_SLOT = "{sentence}"
CUSTOM_SETS_KEPT = 8  # compiled custom-rule sets kept (one per distinct policy seen recently)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why one rule fired on one sentence: the best pattern and the nearest exemplar."""

    pattern: Pattern | None = None
    similarity: float = 0.0
    exemplar: str | None = None
    semantic: float = 0.0

    @property
    def score(self) -> float:
        pattern = self.pattern.weight if self.pattern else 0.0
        return 1 - (1 - pattern) * (1 - self.semantic)


class CompiledRules:
    """A set of rules ready to run: their matchers on the pipeline's vocab and exemplar index."""

    def __init__(
        self, rules: Sequence[ConductRule], nlp: Language, encoder: SentenceEncoder | None
    ) -> None:
        self.rules = {r.code: r for r in rules}
        self._patterns: dict[str, tuple[str, Pattern]] = {}
        self._token = TokenPatternMatcher(nlp.vocab)
        self._phrase = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._dependency = DependencyMatcher(nlp.vocab)
        for rule in rules:
            for pattern in rule.patterns:
                key = f"{rule.code}:{pattern.id}"
                self._patterns[key] = (rule.code, pattern)
                if pattern.kind == "token":
                    self._token.add(key, pattern.spec)
                elif pattern.kind == "phrase":
                    self._phrase.add(key, list(nlp.tokenizer.pipe(pattern.spec)))
                else:
                    self._dependency.add(key, [pattern.spec])
        with_exemplars = [r for r in rules if r.positives]
        self.index = ExemplarIndex(with_exemplars, encoder) if encoder and with_exemplars else None

    def pattern_hits(self, doc: Doc) -> list[tuple[str, Pattern, int]]:
        """(rule code, pattern, first token) for every pattern match, negated ones dropped."""
        hits = []
        matches = list(self._token(doc)) if len(self._token) else []
        matches += list(self._phrase(doc)) if len(self._phrase) else []
        if len(self._dependency):
            matches += [(m, min(ids), max(ids) + 1) for m, ids in self._dependency(doc)]
        for match_id, start, end in matches:
            code, pattern = self._patterns[doc.vocab.strings[match_id]]
            if pattern.skip_negated and _negated(doc[start:end]):
                continue
            hits.append((code, pattern, start))
        return hits


class ConductCheck:
    """One conduct check over its shipped rule pack, plus the policy's custom rules for it."""

    def __init__(self, pack: RulePack, nlp: Language, encoder: SentenceEncoder | None) -> None:
        self.name = pack.check
        self.engine = "patterns+minilm" if encoder is not None else "patterns"
        self._pack = pack
        self._nlp = nlp
        self._encoder = encoder
        self._builtin = CompiledRules(pack.rules, nlp, encoder)
        self._with_custom: dict[str, CompiledRules] = {}

    def rules(self) -> list[Rule]:
        return [r.doc() for r in self._pack.rules]

    def run(self, draft: Draft, analysis: Analysis) -> list[Finding]:
        return self.run_batch([draft], [analysis])[0]

    def run_batch(
        self, drafts: Sequence[Draft], analyses: Sequence[Analysis]
    ) -> list[list[Finding]]:
        embed_batch(analyses, self._encoder)
        return [self._findings(d, a) for d, a in zip(drafts, analyses, strict=True)]

    def _findings(self, draft: Draft, analysis: Analysis) -> list[Finding]:
        policy = analysis.policy or Policy()
        compiled = self._compiled(policy)
        folded = draft.text.casefold()
        active = {
            code: rule
            for code, rule in compiled.rules.items()
            if draft.context.account in rule.accounts
            and not any(phrase in folded for phrase in rule.unless)
        }
        if not active:
            return []
        spans = sentences(analysis)
        evidence = _pattern_evidence(compiled, analysis.doc, spans, active)
        if compiled.index is not None:
            thresholds = {**self._pack.families, **policy.semantic_thresholds}
            _add_semantic_evidence(evidence, compiled.index, spans, active, thresholds)
        return [
            _finding(active[code], spans[where], found, draft.text)
            for (code, where), found in sorted(
                evidence.items(), key=lambda kv: (kv[0][1], kv[0][0])
            )
            if not (
                active[code].skip_ruled_out
                and ruled_out(analysis.doc, spans[where].start, spans[where].end)
            )
        ]

    def _compiled(self, policy: Policy) -> CompiledRules:
        custom = [r for r in policy.custom_rules if r.get("check") == self.name]
        if not custom:
            return self._builtin
        key = json.dumps(custom, sort_keys=True, default=str)
        if key not in self._with_custom:
            if len(self._with_custom) >= CUSTOM_SETS_KEPT:
                self._with_custom.pop(next(iter(self._with_custom)))
            extra = parse_custom_rules(custom)
            replaced = {r.code for r in extra}
            rules = [r for r in self._pack.rules if r.code not in replaced] + list(extra)
            self._with_custom[key] = CompiledRules(rules, self._nlp, self._encoder)
        return self._with_custom[key]


def _pattern_evidence(
    compiled: CompiledRules,
    doc: Doc,
    spans: Sequence[Sentence],
    active: Mapping[str, ConductRule],
) -> dict[tuple[str, int], Evidence]:
    """The strongest pattern per (rule, sentence)."""
    evidence: dict[tuple[str, int], Evidence] = {}
    for code, pattern, token in compiled.pattern_hits(doc):
        where = _sentence_of(spans, token)
        if code not in active or where < 0:
            continue
        current = evidence.get((code, where))
        if current is None or current.pattern is None or pattern.weight > current.pattern.weight:
            evidence[(code, where)] = Evidence(pattern=pattern)
    return evidence


def _add_semantic_evidence(
    evidence: dict[tuple[str, int], Evidence],
    index: ExemplarIndex,
    spans: Sequence[Sentence],
    active: Mapping[str, ConductRule],
    thresholds: Mapping[str, float],
) -> None:
    """Each embedded sentence's nearest exemplar per rule, where it clears the family threshold."""
    for where, sentence in enumerate(spans):
        if sentence.vector is None:
            continue
        for code, sim in index.compare(sentence.vector).items():
            rule = active.get(code)
            if rule is None:
                continue
            semantic = _semantic_score(sim.positive, sim.negative, thresholds[rule.family])
            if semantic <= 0:
                continue
            pattern = evidence.get((code, where), Evidence()).pattern
            evidence[(code, where)] = Evidence(pattern, sim.positive, sim.exemplar, semantic)


def _semantic_score(positive: float, negative: float, threshold: float) -> float:
    if positive < threshold or positive <= negative:
        return 0.0
    if threshold >= 1:
        return 1.0
    span = 1 - SEMANTIC_AT_THRESHOLD
    return SEMANTIC_AT_THRESHOLD + span * (positive - threshold) / (1 - threshold)


def _negated(span: Span) -> bool:
    return any(t.dep_ == "neg" or any(c.dep_ == "neg" for c in t.children) for t in span)


def _sentence_of(spans: Sequence[Sentence], token: int) -> int:
    for i, sentence in enumerate(spans):
        if sentence.token_start <= token < sentence.token_end:
            return i
    return -1


def _finding(rule: ConductRule, sentence: Sentence, evidence: Evidence, text: str) -> Finding:
    reasons = []
    if evidence.pattern is not None:
        reasons.append(f"it reads as {evidence.pattern.label}")
    if evidence.exemplar is not None:
        reasons.append(
            f"it is close in meaning to “{evidence.exemplar}” (similarity {evidence.similarity:.2f})"
        )
    return Finding(
        check=rule.check,
        code=rule.code,
        start=sentence.start,
        end=sentence.end,
        score=round(min(evidence.score, 1.0), 4),
        message=rule.message,
        why=f"{rule.why} Flagged because {' and '.join(reasons)}.",
        fix=Fix(
            title=rule.fix.title,
            replacement=rule.fix.replacement.replace(
                SENTENCE_SLOT, text[sentence.start : sentence.end]
            ),
        ),
    )
