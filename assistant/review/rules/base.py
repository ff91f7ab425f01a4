"""The rule registry: each rule is a small function from (scheme, facts) to hits.

A hit says what the scheme does wrong or leaves out; the engine turns it into a finding with the
guideline sentence quoted from the cited unit (chosen by the rule's keywords, never typed here).
Guideline figures come from `calculators.params` and the calculators' checks, not from this package.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Callable

from ..models import Severity
from ..scheme import Scheme

Facts = dict[str, Any]


@dataclass(frozen=True)
class Hit:
    severity: Severity
    message: str
    evidence: str | None = None
    cite: tuple[str, ...] = ()  # replaces the rule's citations (the first one is quoted)
    also: tuple[str, ...] = ()  # further units cited, e.g. those a calculator's check names
    keywords: tuple[str, ...] = ()  # replaces the rule's quote keywords


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    citations: tuple[str, ...]
    keywords: tuple[str, ...]
    check: Callable[[Scheme, Facts], list[Hit]] = field(compare=False)


RULES: dict[str, Rule] = {}


def rule(rule_id: str, title: str, cite: tuple[str, ...] | str, keywords: tuple[str, ...] | str = ()):
    """Register a rule; `keywords` pick the quoted sentence of the first cited unit."""
    cites = (cite,) if isinstance(cite, str) else tuple(cite)
    keys = (keywords,) if isinstance(keywords, str) else tuple(keywords)

    def register(fn: Callable[[Scheme, Facts], list[Hit]]) -> Callable[[Scheme, Facts], list[Hit]]:
        if rule_id in RULES:
            raise ValueError(f"duplicate rule id {rule_id}")
        RULES[rule_id] = Rule(rule_id, title, cites, keys, fn)
        return fn

    return register


def dec(value: Any) -> Decimal:
    """Facts hold floats; checks and parameters are Decimal: go through the text, as calculators do."""
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def param(key: str) -> Any:
    from calculators.params import param as _param

    return _param(key)


def checks():
    """The calculators' compliance checks (imported late: a rule whose check is missing is skipped)."""
    import calculators.checks as module

    return module


def from_findings(findings: list[Any], evidence: str | None, keep: Callable[[Any], bool] = lambda f: True) -> list[Hit]:
    """Hits from the calculators' findings: their message, severity and citations, our evidence.
    Their `info` findings only say a figure passed, so they are not review findings."""
    out = []
    for f in findings:
        if f.severity != "info" and keep(f):
            out.append(Hit(f.severity, f.message, evidence, also=tuple(f.citations)))
    return out


def pct_text(value: Any) -> str:
    """0.35 → "35%", formatted as the calculators format their own messages."""
    from calculators.numbers import pct

    return pct(dec(value))


def num_text(value: Any) -> str:
    """2000.0 → "2000", 2150.5 → "2150.5" (never "1.2e+06")."""
    return format(dec(value).normalize(), "f")
