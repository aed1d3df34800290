"""The lint vocabulary: rules (id, severity, what they are about) and the findings they produce."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    about: str  # one line for documentation and the rule table


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    message: str  # a sentence fit to show a user

    def __str__(self) -> str:
        return f"{self.severity}: {self.message} [{self.rule}]"


RULES: dict[str, Rule] = {}


def rule(id_: str, severity: Severity, about: str) -> Rule:
    """Register a rule; modules declare theirs at import time."""
    if id_ in RULES:
        raise ValueError(f"lint rule {id_} declared twice")
    RULES[id_] = Rule(id_, severity, about)
    return RULES[id_]


def finding(r: Rule, message: str) -> Finding:
    return Finding(r.id, r.severity, message)
