"""The rule registry: one check function per rule of the table (rules.yaml), from facts to hits.

A hit says what the scheme does wrong or leaves out, where (the scheme's own words), how far it
falls short (`Level`) and how to reword it. Whether that is a 违反, 提醒 or 提示 is decided by the
engine from the table, never here. Guideline figures come from `calculators.params` and the
calculators' checks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from calculators.checks import Finding
from calculators.numbers import fmt, pct
from calculators.severity import Severity

from ..applicability import Breach, LeftOut, Level, table
from ..facts import COMPONENTS, SchemeFacts, Statements
from ..models import Evidence


@dataclass(frozen=True)
class Hit:
    message: str
    evidence: Evidence | None  # None: the scheme leaves something out
    suggestion: str
    level: Level = Level.BREACH


Check = Callable[[SchemeFacts], list[Hit]]
REWORD = "建议改为："  # what a suggestion to replace the scheme's words starts with
ADD = "建议补充："  # … and one to add what it leaves out
CHECKS: dict[str, Check] = {}


def check(rule_id: str) -> Callable[[Check], Check]:
    """Register the check of a rule of the table; a rule checked twice is a programming error."""

    def register(fn: Check) -> Check:
        if rule_id in CHECKS:
            raise ValueError(f"rule {rule_id} has two checks")
        CHECKS[rule_id] = fn
        return fn

    return register


def statement_checks() -> None:
    """Register the rules the table declares in full: broken by one statement (`breached_by`), or
    missed by leaving a statement out (`left_out`)."""
    for spec in table().rules.values():
        if spec.breached_by is not None and spec.left_out is not None:
            # refused outright (a breach) or set up without what the clause asks for (left out)
            check(spec.id)(either(breached(spec.id, spec.breached_by), left_out(spec.id, spec.left_out)))
        elif spec.breached_by is not None:
            check(spec.id)(breached(spec.id, spec.breached_by))
        elif spec.left_out is not None:
            check(spec.id)(left_out(spec.id, spec.left_out))


def either(first: Check, then: Check) -> Check:
    """The first check's hits, else the second's."""
    return lambda f: first(f) or then(f)


def _statement(rule_id: str, name: str) -> str:
    field = Statements.model_fields.get(name)
    if field is None or field.annotation != Evidence | None:
        raise ValueError(f"rules.yaml: {rule_id} reads {name}, which is no statement with its evidence")
    return name


def breached(rule_id: str, breach: Breach) -> Check:
    """The check of a rule broken by one statement: a breach shown at the scheme's own words, with
    the clause's wording to put in their place. A statement the facts do not read is a table error."""
    statement = _statement(rule_id, breach.statement)

    def said(f: SchemeFacts) -> list[Hit]:
        where: Evidence | None = getattr(f.said, statement)
        return [] if where is None else [Hit(breach.finding, where, f"{REWORD}“{breach.rewording}”")]

    return said


def left_out(rule_id: str, spec: LeftOut) -> Check:
    """The check of a rule missed by leaving a statement out: shown where the scheme sets up its topic."""
    component = spec.topic in COMPONENTS
    topic = spec.topic if component else _statement(rule_id, spec.topic)
    missing = _statement(rule_id, spec.missing)

    def unsaid(f: SchemeFacts) -> list[Hit]:
        where: Evidence | None = f.said.components.get(topic) if component else getattr(f.said, topic)
        if where is None or getattr(f.said, missing) is not None:
            return []
        return [Hit(spec.finding, where, f"{ADD}“{spec.addition}”", spec.level)]

    return unsaid


def from_findings(findings: Iterable[Finding], evidence: Evidence | None, suggestion: str, *names: str) -> list[Hit]:
    """Hits from the calculators' findings (their message); `info` findings only say a figure passed.
    An `error` is a breach, a `warning` (a soft limit, a case reference) is advice."""
    out = []
    for f in findings:
        if f.severity is Severity.INFO or names and f.rule not in names:
            continue
        level = Level.BREACH if f.severity is Severity.ERROR else Level.ADVICE
        out.append(Hit(f.message, evidence, suggestion, level))
    return out


def percent(value: Decimal) -> str:
    return pct(value)


def number(value: Decimal) -> str:
    return fmt(value)
