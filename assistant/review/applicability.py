"""Which review rules bind this company, which only guide it, and how serious a breach is.

    table() → RuleTable                     the review's rules (rules.yaml): name, clause, modality, scope
    decide(ctx, rule_id) → Decision         约束 / 倡导 / 参考 / 不适用, with the reason in Chinese
    severity(decision, level) → Severity    违反 / 提醒 / 提示 of one problem found

Whom each guideline and clause binds (曲靖指引: enterprises in 曲靖, 第五条 state-owned, 第六条
非公有制; the two state-owned guidelines: state-owned enterprises) is read from the table shared with
drafting, `calculators.applicability` (parameters/applicability.yaml); this module adds only what
the review needs on top: a rule's own scope, a region the scheme leaves unstated (read as outside
曲靖, and said so), and the clause's own words for the severity.

A clause's own words give its strength (`Modality`): 应 / 不得 / a figure set as a limit bind; 可 /
鼓励 / 探索 guide. A guideline that does not govern the company is a reference: its breaches are
提醒, never 违反.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

from calculators import applicability as shared
from calculators.applicability import Modality, Ownership, StaffKind, Status, clause_place, guideline_title
from calculators.params import fill
from calculators.severity import Severity

TABLE_FILE = Path(__file__).with_name("rules.yaml")
TECH_STAFF = frozenset({StaffKind.PROFESSIONAL, StaffKind.BASIC_RESEARCH, StaffKind.APPLIED_RESEARCH})

__all__ = ["TECH_STAFF", "Breach", "Context", "Decision", "LeftOut", "Level", "Modality", "Ownership", "RuleSpec", "RuleTable", "StaffKind", "Status",
           "decide", "region_words", "rule_spec", "severity", "table"]


class Level(StrEnum):
    """How far a scheme falls short, before asking whom the clause binds."""

    BREACH = "breach"  # contradicts the clause, or leaves out what it requires
    ADVICE = "advice"  # short of a reference value (a 案例) or of a soft point of the clause
    PRACTICE = "practice"  # good practice not written down


class Breach(BaseModel):
    """A rule that one statement of a scheme breaks: no check function needed (rules/base.py)."""

    model_config = ConfigDict(frozen=True)

    statement: str  # a field of the facts' `Statements`
    finding: str
    rewording: str  # the clause's wording to put in the statement's place


class LeftOut(BaseModel):
    """A rule a scheme misses when it sets something up (`topic`: a pay component such as 绩效工资, or
    a statement) without saying what the clause asks of it (`missing`, a statement)."""

    model_config = ConfigDict(frozen=True)

    topic: str
    missing: str
    finding: str
    addition: str  # the wording to add
    level: Level


class RuleSpec(BaseModel):
    """A review rule: its name and scope here; its clause, modality and wording in the shared table."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    ownership: frozenset[Ownership] = frozenset()  # the review checks it only for these companies
    company: bool = False  # about the company as a whole (wage total, who decides), not one kind of staff
    breached_by: Breach | None = None
    left_out: LeftOut | None = None

    @property
    def shared(self) -> shared.RuleSpec:
        return shared.rule_spec(self.id)

    @property
    def modality(self) -> Modality:
        return self.shared.modality

    def clause_for(self, ownership: Ownership | None) -> str:
        """The clause the rule rests on for this company (a clause per ownership where it differs)."""
        return self.shared.clause_for(ownership)

    def quote_for(self, ownership: Ownership | None) -> str:
        """The clause's own wording the quote is cut around."""
        return self.shared.quote_for(ownership)


class RuleTable(BaseModel):
    rules: dict[str, RuleSpec]


class Context(BaseModel):
    """What the decision needs to know about the company; None when neither read nor given."""

    model_config = ConfigDict(frozen=True)

    ownership: Ownership | None = None
    region: str | None = None  # a place name as the scheme writes it; None when not stated
    staff: frozenset[StaffKind] = frozenset()


class Decision(BaseModel):
    rule: str
    clause: str
    status: Status
    modality: Modality
    reason: str  # Chinese, shown to reviewers
    assumptions: list[str] = Field(default_factory=list)


@cache
def table() -> RuleTable:
    raw = yaml.safe_load(TABLE_FILE.read_text(encoding="utf-8"))
    rules = {rid: RuleSpec(id=rid, **{**entry, "name": fill(entry["name"])}) for rid, entry in raw["rules"].items()}
    missing = set(rules) - set(shared.rule_ids())
    if missing:
        raise ValueError(f"rules.yaml: rules {sorted(missing)} are not in calculators/parameters/applicability.yaml")
    return RuleTable(rules=rules)


def rule_spec(rule_id: str) -> RuleSpec:
    return table().rules[rule_id]


def region_words(doc_id: str) -> tuple[str, ...]:
    """The place names a regional guideline binds (曲靖市 and its counties), from the shared table."""
    return tuple(shared.table().guidelines[doc_id].region)


def decide(ctx: Context, rule_id: str) -> Decision:
    """The rule decided for this company: whether it binds, only guides, or does not apply."""
    spec = rule_spec(rule_id)
    ownership = ctx.ownership or Ownership.NON_PUBLIC
    clause = spec.clause_for(ownership)
    doc_id = clause.split("/", 1)[0]
    title = guideline_title(doc_id)
    label = f"{title}{clause_place(clause)}"

    def decision(status: Status, reason: str) -> Decision:
        return Decision(rule=rule_id, clause=clause, status=status, modality=spec.modality, reason=reason)

    if spec.ownership and ownership not in spec.ownership:
        who = "、".join(o.value for o in Ownership if o in spec.ownership)
        return decision(Status.NOT_APPLICABLE, f"{label}针对{who}企业，本企业为{ownership.value}企业")
    scope = shared.table().guidelines[doc_id]
    if scope.region and not ctx.region:
        return decision(Status.REFERENCE, f"{title}适用于{scope.region_name}的企业，方案未写明企业位于{scope.region_name}，"
                                          f"{clause_place(clause)}作为参考")
    # A guideline for one kind of staff guides a scheme for technology staff alone, never a rule about the company.
    staff = ctx.staff if not spec.company and ctx.staff & TECH_STAFF and StaffKind.SKILL not in ctx.staff else frozenset()
    unit = shared.decide(shared.CompanyContext(ownership=ownership, region=ctx.region, staff=staff), clause)
    if unit.status is Status.NOT_APPLICABLE:
        return decision(Status.NOT_APPLICABLE, unit.reason)
    if unit.status is Status.REFERENCE:
        why = unit.reason.removeprefix(label + "：").removesuffix("，对本企业为参考")
        return decision(Status.REFERENCE, f"{why}，{clause_place(clause)}作为参考")
    if spec.modality.binding:
        return decision(Status.BINDING, f"{label}是约束性要求（{spec.modality.value}），对本企业适用")
    return decision(Status.ADVISORY, f"{label}是倡导性规定（{spec.modality.value}），本企业可结合实际采用")


def severity(decision: Decision, level: Level) -> Severity:
    """违反 only where a binding clause of a governing guideline is broken; 提醒 for advice and for
    a breach of a guideline that is only a reference; 提示 for good practice."""
    if level is Level.PRACTICE:
        return Severity.INFO
    if decision.status is Status.BINDING:
        return Severity.ERROR if level is Level.BREACH else Severity.WARNING
    if decision.status is Status.REFERENCE and not decision.modality.binding:
        return Severity.INFO
    return Severity.WARNING
