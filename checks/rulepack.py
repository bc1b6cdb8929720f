"""Declarative conduct rules (Vale-style rule packs): load, validate, and render their docs.

A rule pack is a YAML file under `checks/rules/` with a `check`, per-family similarity thresholds
and a list of rules. Each rule carries its code, level, threshold, message, why (citing the
guideline IDs of policy-research.md), a fix, its docs, spaCy patterns and exemplar sentences.
A district adds or overrides rules in its policy TOML (`[[custom_rules]]`) with the same fields.

Every validation error names the file (or policy entry) and the field, never any draft text.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, cast

import yaml
from spacy.matcher import DependencyMatcher, Matcher
from spacy.vocab import Vocab

from checks.rule import Rule
from checks.types import ACCOUNTS, LEVELS, Account, Level

PACK_FILES: dict[str, str] = {
    "parent_test": "parent_test.yaml",
    "district_voice": "district_voice.yaml",
    "student_contact": "student_contact.yaml",
}
PREFIXES: dict[str, str] = {
    "parent_test": "PARENT",
    "district_voice": "VOICE",
    "student_contact": "CONTACT",
}
PATTERN_KINDS = ("token", "phrase", "dependency")
RULE_FIELDS = {
    "code",
    "check",
    "name",
    "family",
    "level",
    "threshold",
    "message",
    "why",
    "fix",
    "docs",
    "patterns",
    "exemplars",
    "accounts",
    "unless",
    "skip_ruled_out",
}


class RulePackError(ValueError):
    """A rule pack or custom rule that cannot be used; the message names the source and field."""


@dataclass(frozen=True, slots=True)
class Pattern:
    """One spaCy pattern. `kind` picks the matcher: token (Matcher), phrase (PhraseMatcher on
    lowercase text) or dependency (DependencyMatcher). `weight` is its score when it matches;
    `skip_negated` drops a match whose verb is negated ("I would never ...")."""

    id: str
    kind: str
    label: str
    weight: float
    spec: Any
    skip_negated: bool = False


@dataclass(frozen=True, slots=True)
class RuleFix:
    """`replacement` replaces the flagged sentence; an empty replacement means "remove it"."""

    title: str
    replacement: str


@dataclass(frozen=True, slots=True)
class ConductRule:
    code: str
    check: str
    name: str
    family: str
    level: Level
    threshold: float
    message: str
    why: str
    fix: RuleFix
    what: str
    example: str
    tune: str
    patterns: tuple[Pattern, ...]
    positives: tuple[str, ...]
    negatives: tuple[str, ...]
    accounts: tuple[Account, ...]
    unless: tuple[str, ...]
    skip_ruled_out: bool = False
    """Drop a finding whose sentence rules out every hostile word in it ("Kids are not stupid
    for making mistakes": `checks.tone_negation`)."""

    def doc(self) -> Rule:
        return Rule(
            code=self.code,
            check=self.check,
            name=self.name,
            level=self.level,
            threshold=self.threshold,
            what=self.what,
            why=self.why,
            example=self.example,
            tune=self.tune,
        )


@dataclass(frozen=True, slots=True)
class RulePack:
    check: str
    families: dict[str, float]
    rules: tuple[ConductRule, ...]


def builtin_pack(check: str) -> RulePack:
    """The rule pack shipped in the package for `check` (parsed and validated once per process)."""
    return _builtin_pack(check)


@functools.cache
def _builtin_pack(check: str) -> RulePack:
    if check not in PACK_FILES:
        raise RulePackError(f"no rule pack for check `{check}`")
    resource = resources.files("checks").joinpath("rules", PACK_FILES[check])
    return parse_pack(resource.read_text("utf-8"), source=f"checks/rules/{PACK_FILES[check]}")


def load_pack(path: str | Path) -> RulePack:
    return parse_pack(Path(path).read_text("utf-8"), source=str(path))


def parse_pack(text: str, source: str) -> RulePack:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RulePackError(f"{source}: not valid YAML ({type(exc).__name__})") from None
    if not isinstance(data, dict):
        raise RulePackError(f"{source}: the top level must be a mapping")
    unknown = set(data) - {"check", "families", "rules"}
    if unknown:
        raise RulePackError(f"{source}: unknown field(s): {', '.join(sorted(unknown))}")
    check = data.get("check")
    if check not in PACK_FILES:
        raise RulePackError(f"{source}: `check` must be one of {', '.join(PACK_FILES)}")
    families_raw = data.get("families")
    if not isinstance(families_raw, dict) or not families_raw:
        raise RulePackError(f"{source}: `families` must map family names to thresholds")
    families = {
        str(name): _unit(value, f"{source}: `families.{name}`")
        for name, value in families_raw.items()
    }
    entries = data.get("rules")
    if not isinstance(entries, list) or not entries:
        raise RulePackError(f"{source}: `rules` must be a non-empty list")
    rules = tuple(
        parse_rule(entry, f"{source}: rules[{i}]", families, default_check=check)
        for i, entry in enumerate(entries)
    )
    codes = [r.code for r in rules]
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    if duplicates:
        raise RulePackError(f"{source}: duplicate rule code(s): {', '.join(duplicates)}")
    return RulePack(check=check, families=families, rules=rules)


def parse_custom_rules(entries: Sequence[Any]) -> tuple[ConductRule, ...]:
    """Validate a policy's `[[custom_rules]]`: same fields as a pack rule, plus `check`; the
    family must exist in that check's shipped pack (its similarity threshold comes from there)."""
    rules = []
    for i, entry in enumerate(entries):
        where = f"policy: custom_rules[{i}]"
        if not isinstance(entry, dict):
            raise RulePackError(f"{where}: must be a table")
        check = entry.get("check")
        if check not in PACK_FILES:
            raise RulePackError(f"{where}: `check` must be one of {', '.join(PACK_FILES)}")
        families = builtin_pack(check).families
        rules.append(parse_rule(entry, where, families, default_check=check))
    codes = [r.code for r in rules]
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    if duplicates:
        raise RulePackError(f"policy: custom_rules: duplicate code(s): {', '.join(duplicates)}")
    return tuple(rules)


def parse_rule(
    entry: Any, where: str, families: Mapping[str, float], default_check: str
) -> ConductRule:
    if not isinstance(entry, dict):
        raise RulePackError(f"{where}: each rule must be a mapping")
    unknown = set(entry) - RULE_FIELDS
    if unknown:
        raise RulePackError(f"{where}: unknown field(s): {', '.join(sorted(unknown))}")
    check = entry.get("check", default_check)
    if check != default_check:
        raise RulePackError(f"{where}: `check` must be `{default_check}`")
    code = _text(entry, "code", where)
    prefix = PREFIXES[check]
    digits = code.removeprefix(prefix)
    if not code.startswith(prefix) or len(digits) != 3 or not digits.isdigit():
        raise RulePackError(f"{where}: `code` must be {prefix} followed by three digits")
    where = f"{where} ({code})"
    family = _text(entry, "family", where)
    if family not in families:
        raise RulePackError(f"{where}: `family` must be one of {', '.join(sorted(families))}")
    level = entry.get("level")
    if level not in LEVELS:
        raise RulePackError(f"{where}: `level` must be one of {', '.join(LEVELS)}")
    fix = _table(entry, "fix", where)
    docs = _table(entry, "docs", where)
    exemplars = entry.get("exemplars", {})
    if not isinstance(exemplars, dict) or set(exemplars) - {"positive", "negative"}:
        raise RulePackError(f"{where}: `exemplars` must have only `positive` and `negative` lists")
    patterns = _patterns(entry.get("patterns", []), where)
    positives = _strings(exemplars.get("positive", []), f"{where}: `exemplars.positive`")
    if not patterns and not positives:
        raise RulePackError(f"{where}: needs `patterns` or `exemplars.positive` (or both)")
    accounts = _strings(entry.get("accounts", list(ACCOUNTS)), f"{where}: `accounts`")
    if not accounts or not set(accounts) <= set(ACCOUNTS):
        raise RulePackError(f"{where}: `accounts` must list some of {', '.join(ACCOUNTS)}")
    return ConductRule(
        code=code,
        check=check,
        name=_text(entry, "name", where),
        family=family,
        level=level,
        threshold=_unit(entry.get("threshold"), f"{where}: `threshold`"),
        message=_text(entry, "message", where),
        why=_text(entry, "why", where),
        fix=RuleFix(
            title=_text(fix, "title", f"{where}: fix"),
            replacement=_optional_text(fix, "replacement", f"{where}: fix"),
        ),
        what=_text(docs, "what", f"{where}: docs"),
        example=_text(docs, "example", f"{where}: docs"),
        tune=_text(docs, "tune", f"{where}: docs"),
        patterns=patterns,
        positives=positives,
        negatives=_strings(exemplars.get("negative", []), f"{where}: `exemplars.negative`"),
        accounts=cast(tuple[Account, ...], accounts),
        unless=tuple(s.casefold() for s in _strings(entry.get("unless", []), f"{where}: `unless`")),
        skip_ruled_out=bool(entry.get("skip_ruled_out", False)),
    )


def _patterns(raw: Any, where: str) -> tuple[Pattern, ...]:
    if not isinstance(raw, list):
        raise RulePackError(f"{where}: `patterns` must be a list")
    patterns = []
    vocab = Vocab()
    for i, item in enumerate(raw):
        at = f"{where}: patterns[{i}]"
        if not isinstance(item, dict):
            raise RulePackError(f"{at}: must be a mapping")
        unknown = set(item) - {"id", "kind", "label", "weight", "pattern", "skip_negated"}
        if unknown:
            raise RulePackError(f"{at}: unknown field(s): {', '.join(sorted(unknown))}")
        kind = item.get("kind", "token")
        if kind not in PATTERN_KINDS:
            raise RulePackError(f"{at}: `kind` must be one of {', '.join(PATTERN_KINDS)}")
        pattern = Pattern(
            id=_text(item, "id", at),
            kind=kind,
            label=_text(item, "label", at),
            weight=_unit(item.get("weight"), f"{at}: `weight`"),
            spec=item.get("pattern"),
            skip_negated=bool(item.get("skip_negated", False)),
        )
        _validate_spec(pattern, vocab, at)
        patterns.append(pattern)
    ids = [p.id for p in patterns]
    if len(set(ids)) != len(ids):
        raise RulePackError(f"{where}: pattern ids must be unique")
    return tuple(patterns)


def _validate_spec(pattern: Pattern, vocab: Vocab, at: str) -> None:
    """Compile the pattern once so a typo fails at load time, naming the pattern."""
    spec = pattern.spec
    try:
        if pattern.kind == "phrase":
            if not isinstance(spec, list) or not all(isinstance(s, str) and s for s in spec):
                raise RulePackError(f"{at}: `pattern` of a phrase must be a list of phrases")
        elif pattern.kind == "token":
            if not isinstance(spec, list) or not all(isinstance(t, dict) for t in spec):
                raise RulePackError(f"{at}: `pattern` of a token pattern must be a list of tokens")
            Matcher(vocab, validate=True).add(pattern.id, [spec])
        else:
            if not isinstance(spec, list) or not all(isinstance(t, dict) for t in spec):
                raise RulePackError(f"{at}: `pattern` of a dependency pattern must be a list")
            DependencyMatcher(vocab, validate=True).add(pattern.id, [spec])
    except RulePackError:
        raise
    except Exception as exc:
        raise RulePackError(f"{at}: `pattern` is not a valid spaCy pattern ({exc})") from None


def _table(entry: Mapping[str, Any], name: str, where: str) -> Mapping[str, Any]:
    value = entry.get(name)
    if not isinstance(value, dict):
        raise RulePackError(f"{where}: `{name}` must be a mapping")
    return value


def _text(entry: Mapping[str, Any], name: str, where: str) -> str:
    value = entry.get(name)
    if not isinstance(value, str) or not value.strip():
        raise RulePackError(f"{where}: `{name}` must be a non-empty string")
    return " ".join(value.split())


def _optional_text(entry: Mapping[str, Any], name: str, where: str) -> str:
    value = entry.get(name, "")
    if not isinstance(value, str):
        raise RulePackError(f"{where}: `{name}` must be a string")
    return value.strip()


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RulePackError(f"{where} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _unit(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise RulePackError(f"{where} must be a number between 0 and 1")
    return float(value)
