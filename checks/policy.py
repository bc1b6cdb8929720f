"""A district's policy: which rules run, at what threshold and level, and who or what is exempt.

One TOML document per district; the default ships in the package (`checks/default_policy.toml`).
"""

from __future__ import annotations

import functools
import json
import tomllib
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from checks.roster import Roster
from checks.rule import Rule
from checks.rulepack import RulePackError, parse_custom_rules
from checks.types import LEVELS, Level


class PolicyError(ValueError):
    """A policy document that cannot be used; the message names the field."""


@dataclass(frozen=True, slots=True)
class RuleSetting:
    """A district's override for one rule code (or code prefix); None keeps the rule's default."""

    enabled: bool | None = None
    level: Level | None = None
    threshold: float | None = None


DEFAULT_SELECT: tuple[str, ...] = ("PRIV", "TONE", "PARENT", "VOICE", "CONTACT")


@dataclass(frozen=True, slots=True)
class Policy:
    version: str = "default"
    select: tuple[str, ...] = DEFAULT_SELECT
    ignore: tuple[str, ...] = ()
    rules: dict[str, RuleSetting] = field(default_factory=dict)
    allow_list: tuple[str, ...] = ()
    spokespeople: tuple[str, ...] = ()
    classroom_first_names_with_release: bool = False
    semantic_thresholds: dict[str, float] = field(default_factory=dict)
    custom_rules: tuple[dict[str, Any], ...] = ()
    roster: Roster | None = field(default=None, compare=False)

    def is_selected(self, code: str) -> bool:
        """A code runs when a `select` prefix matches and is longer than every matching `ignore`
        prefix (on a tie `ignore` wins, as in Ruff), unless a per-code setting enables or disables
        it."""
        setting = self._setting(code)
        if setting.enabled is not None:
            return setting.enabled
        chosen = _longest_prefix(code, self.select)
        dropped = _longest_prefix(code, self.ignore)
        return chosen > dropped

    def threshold(self, code: str, default: float) -> float:
        setting = self._setting(code)
        return default if setting.threshold is None else setting.threshold

    def level(self, code: str, default: Level) -> Level:
        setting = self._setting(code)
        return default if setting.level is None else setting.level

    def check_inputs(self) -> tuple[object, ...]:
        """The settings that checks read themselves while they look for findings; two policies
        with equal inputs get the same raw findings (the rest is applied by the pipeline)."""
        return (
            self.allow_list,
            self.classroom_first_names_with_release,
            tuple(sorted(self.semantic_thresholds.items())),
            _custom_rules_key(self.custom_rules),
            id(self.roster) if self.roster is not None else None,
        )

    def custom_rule(self, code: str) -> Rule | None:
        """The documentation (default level and threshold) of the district's own rule `code`."""
        return self.custom_rule_docs().get(code)

    def custom_rule_docs(self) -> dict[str, Rule]:
        """The district's own rules, by code, documented like the shipped ones."""
        if not self.custom_rules:
            return {}
        return _custom_rule_docs(_custom_rules_key(self.custom_rules))

    def _setting(self, code: str) -> RuleSetting:
        """The most specific setting: exact code first, then the longest matching prefix."""
        keys = sorted((k for k in self.rules if code.startswith(k)), key=len, reverse=True)
        merged: dict[str, Any] = {}
        for key in reversed(keys):
            merged.update({k: v for k, v in asdict(self.rules[key]).items() if v is not None})
        return RuleSetting(**merged)

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "select": list(self.select),
            "ignore": list(self.ignore),
            "rules": {
                code: {k: v for k, v in asdict(s).items() if v is not None}
                for code, s in sorted(self.rules.items())
            },
            "allow_list": list(self.allow_list),
            "spokespeople": list(self.spokespeople),
            "privacy": {
                "classroom_first_names_with_release": self.classroom_first_names_with_release
            },
            "semantic": {"thresholds": dict(sorted(self.semantic_thresholds.items()))},
            "custom_rules": [dict(rule) for rule in self.custom_rules],
        }


def _custom_rules_key(custom_rules: tuple[dict[str, Any], ...]) -> str:
    return json.dumps(list(custom_rules), sort_keys=True, default=str)


@functools.lru_cache(maxsize=32)
def _custom_rule_docs(key: str) -> dict[str, Rule]:
    return {rule.code: rule.doc() for rule in parse_custom_rules(json.loads(key))}


def _custom_rules(data: dict[str, Any]) -> tuple[dict[str, Any], ...]:
    """A district's own conduct rules (`[[custom_rules]]`), validated like a shipped rule pack."""
    value = data.get("custom_rules", [])
    if not isinstance(value, list):
        raise PolicyError("`custom_rules` must be an array of tables ([[custom_rules]])")
    try:
        parse_custom_rules(value)
    except RulePackError as exc:
        raise PolicyError(str(exc)) from None
    return tuple(value)


def _longest_prefix(code: str, prefixes: tuple[str, ...]) -> int:
    return max((len(p) for p in prefixes if code.startswith(p)), default=0)


def policy_from_dict(data: dict[str, Any]) -> Policy:
    """Validate a parsed policy document; every error names the offending field."""
    known = {
        "version",
        "select",
        "ignore",
        "rules",
        "allow_list",
        "spokespeople",
        "privacy",
        "semantic",
        "custom_rules",
    }
    unknown = set(data) - known
    if unknown:
        raise PolicyError(f"unknown policy field(s): {', '.join(sorted(unknown))}")
    privacy = _table(data, "privacy")
    semantic = _table(data, "semantic")
    return Policy(
        version=str(data.get("version", "default")),
        select=_strings(data, "select", DEFAULT_SELECT),
        ignore=_strings(data, "ignore", ()),
        rules={code: _rule_setting(code, v) for code, v in _table(data, "rules").items()},
        allow_list=_strings(data, "allow_list", ()),
        spokespeople=_strings(data, "spokespeople", ()),
        classroom_first_names_with_release=_bool(
            privacy, "privacy.classroom_first_names_with_release", False
        ),
        semantic_thresholds={
            name: _unit_float(v, f"semantic.thresholds.{name}")
            for name, v in _table(semantic, "thresholds").items()
        },
        custom_rules=_custom_rules(data),
    )


def parse_policy(text: str) -> Policy:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"policy is not valid TOML: {exc}") from None
    return policy_from_dict(data)


def load_policy(path: str | Path | None = None) -> Policy:
    """The policy at `path`, or the default one shipped in the package."""
    if path is None:
        text = resources.files("checks").joinpath("default_policy.toml").read_text("utf-8")
    else:
        text = Path(path).read_text("utf-8")
    return parse_policy(text)


def _table(data: dict[str, Any], name: str) -> dict[str, Any]:
    value = data.get(name, {})
    if not isinstance(value, dict):
        raise PolicyError(f"`{name}` must be a table")
    return value


def _strings(data: dict[str, Any], name: str, default: tuple[str, ...]) -> tuple[str, ...]:
    value = data.get(name)
    if value is None:
        return default
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise PolicyError(f"`{name}` must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _bool(data: dict[str, Any], name: str, default: bool) -> bool:
    value = data.get(name.rsplit(".", 1)[-1], default)
    if not isinstance(value, bool):
        raise PolicyError(f"`{name}` must be true or false")
    return value


def _unit_float(value: Any, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise PolicyError(f"`{name}` must be a number between 0 and 1")
    return float(value)


def _rule_setting(code: str, value: Any) -> RuleSetting:
    if not isinstance(value, dict):
        raise PolicyError(f"`rules.{code}` must be a table")
    unknown = set(value) - {"enabled", "level", "threshold"}
    if unknown:
        raise PolicyError(f"`rules.{code}` has unknown field(s): {', '.join(sorted(unknown))}")
    enabled = value.get("enabled")
    if enabled is not None and not isinstance(enabled, bool):
        raise PolicyError(f"`rules.{code}.enabled` must be true or false")
    level = value.get("level")
    if level is not None and level not in LEVELS:
        raise PolicyError(f"`rules.{code}.level` must be one of {', '.join(LEVELS)}")
    threshold = value.get("threshold")
    return RuleSetting(
        enabled=enabled,
        level=level,
        threshold=None if threshold is None else _unit_float(threshold, f"rules.{code}.threshold"),
    )
