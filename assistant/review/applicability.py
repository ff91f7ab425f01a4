"""Which review rules bind this company, which only guide it, and how serious a breach is.

    table() → RuleTable                     the one table of rules (rules.yaml), typed
    decide(ctx, rule_id) → Decision         约束 / 倡导 / 参考 / 不适用, with the reason in Chinese
    severity(decision, level) → Severity    违反 / 提醒 / 提示 of one problem found

A clause's own words give its strength (`Modality`): 应 / 不得 / a figure set as a limit bind; 可 /
鼓励 / 探索 guide. A guideline that does not govern the company (a state-owned guideline for a private
firm, the 曲靖 guideline outside 曲靖) is a reference: its breaches are 提醒, never 违反.

When `calculators.applicability` (the table shared with drafting) lands in main, `decide` is the
one function to point at it; the rules and the engine do not change.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

from calculators.severity import Severity

TABLE_FILE = Path(__file__).with_name("rules.yaml")


class Ownership(StrEnum):
    STATE = "国有"
    NON_PUBLIC = "非公有制"


class StaffKind(StrEnum):
    SKILL = "技能"
    TECH = "科技"
    MANAGEMENT = "管理"


class Modality(StrEnum):
    MUST = "应"
    MUST_NOT = "不得"
    LIMIT = "限值"
    MAY = "可"
    ENCOURAGE = "鼓励"
    EXPLORE = "探索"

    @property
    def binding(self) -> bool:
        return self in (Modality.MUST, Modality.MUST_NOT, Modality.LIMIT)


class Status(StrEnum):
    BINDING = "约束"  # the guideline binds the company and the clause says 应/不得/限值
    ADVISORY = "倡导"  # the guideline binds the company, the clause says 可/鼓励/探索
    REFERENCE = "参考"  # the guideline does not govern the company
    NOT_APPLICABLE = "不适用"  # the clause is for another kind of company


class Level(StrEnum):
    """How far a scheme falls short, before asking whom the clause binds."""

    BREACH = "breach"  # contradicts the clause, or leaves out what it requires
    ADVICE = "advice"  # short of a reference value (a 案例) or of a soft point of the clause
    PRACTICE = "practice"  # good practice not written down


class GuidelineScope(BaseModel):
    model_config = ConfigDict(frozen=True)

    doc_id: str
    binds: frozenset[Ownership]
    region: tuple[str, ...] = ()
    region_name: str = ""
    staff: frozenset[StaffKind] = frozenset()
    reference: str


class RuleSpec(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    clause: str  # unit id
    modality: Modality
    ownership: frozenset[Ownership] = frozenset()
    quote: tuple[str, ...] = ()
    company: bool = False  # about the company as a whole (wage total, who decides), not one kind of staff

    @property
    def doc_id(self) -> str:
        return self.clause.split("/", 1)[0]


class RuleTable(BaseModel):
    guidelines: dict[str, GuidelineScope]
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
    guidelines = {doc: GuidelineScope(doc_id=doc, **entry) for doc, entry in raw["guidelines"].items()}
    rules = {rid: RuleSpec(id=rid, **entry) for rid, entry in raw["rules"].items()}
    for spec in rules.values():
        if spec.doc_id not in guidelines:
            raise ValueError(f"rules.yaml: rule {spec.id} cites {spec.clause}, a guideline the table does not scope")
    return RuleTable(guidelines=guidelines, rules=rules)


def rule_spec(rule_id: str) -> RuleSpec:
    return table().rules[rule_id]


def in_region(region: str | None, scope: GuidelineScope) -> bool:
    return not scope.region or bool(region) and any(name in region for name in scope.region)  # type: ignore[operator]


@cache
def doc_title(doc_id: str) -> str:
    import knowledge

    return next(f"《{d.title}》" for d in knowledge.catalog() if d.doc_id == doc_id)


def _guideline_gap(ctx: Context, scope: GuidelineScope, company: bool = False) -> str:
    """Why a guideline does not govern the company ("" when it does). A guideline for one kind of
    staff (技能人才) only guides a scheme written for technology staff alone, and never for rules
    about the company as a whole."""
    ownership = ctx.ownership or Ownership.NON_PUBLIC
    if ownership not in scope.binds:
        who = "、".join(o.value for o in Ownership if o in scope.binds)
        return f"适用于{who}企业，本企业为{ownership.value}企业"
    if scope.region and not in_region(ctx.region, scope):
        where = f"本企业在{ctx.region}" if ctx.region else "方案未写明企业位于该地区"
        return f"适用于{scope.region_name}的企业，{where}"
    if scope.staff and not company and StaffKind.TECH in ctx.staff and not (ctx.staff & scope.staff):
        return f"针对{'、'.join(s.value for s in scope.staff)}人才，本方案只涉及科技人才"
    return ""


def decide(ctx: Context, rule_id: str) -> Decision:
    """The rule decided for this company: whether it binds, only guides, or does not apply."""
    spec = rule_spec(rule_id)
    ownership = ctx.ownership or Ownership.NON_PUBLIC
    title = doc_title(spec.doc_id)
    label = f"{title}{article_label(spec.clause)}"

    def decision(status: Status, reason: str) -> Decision:
        return Decision(rule=rule_id, clause=spec.clause, status=status, modality=spec.modality, reason=reason)

    if spec.ownership and ownership not in spec.ownership:
        who = "、".join(o.value for o in Ownership if o in spec.ownership)
        return decision(Status.NOT_APPLICABLE, f"{label}针对{who}企业，本企业为{ownership.value}企业")
    gap = _guideline_gap(ctx, table().guidelines[spec.doc_id], spec.company)
    if gap:
        return decision(Status.REFERENCE, f"{title}{gap}，{article_label(spec.clause)}作为参考")
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


def article_label(unit_id: str) -> str:
    """soe_tech/art-49 → 第四十九条; a case or appendix → 案例N / 附件N."""
    from knowledge.numerals import int_to_cn

    kind, _, number = unit_id.split("/", 1)[1].partition("-")
    n = int(number.split("-")[0])
    return {"art": f"第{int_to_cn(n)}条", "case": f"案例{n}", "appendix": f"附件{n}"}[kind]
