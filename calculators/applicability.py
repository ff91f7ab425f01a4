"""To whom each guideline, clause and rule applies: one table (`parameters/applicability.yaml`)
shared by drafting and review.

    ctx = CompanyContext(ownership=Ownership.STATE, region="曲靖市", staff={StaffKind.SKILL})
    decide(ctx, "two-lower")            → Decision(status=约束, severity=违反, reason=…)
    decide(ctx, "qujing_skill/art-6")   → Decision(status=不适用, reason="第六条适用于非公有制企业…")
    decide_guideline(ctx, "soe_tech")   → Decision for the whole guideline
    decisions(ctx)                      → every rule of the table

A clause's own words give its strength (`Modality`): 应/不得/限值 are binding, 可/鼓励/探索 advisory.
Whether a breach is a 违反 (error), 提醒 (warning) or 提示 (info) follows from the guideline binding
the company and the strength; a rule outside its scope (第五条 for a private firm, research pay-mix
without researchers) is 不适用 and yields no finding. Unknown facts are assumed and said so.
"""

from __future__ import annotations

import functools
import re
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .errors import CalculationError
from .params import all_parameters, fill
from .severity import Severity

TABLE = "applicability"


class Ownership(StrEnum):
    STATE = "国有"
    NON_PUBLIC = "非公有制"


# The words a profile or a company context may use for an ownership, and what each means. 外资 is
# left out on purpose: a profile must say which guidelines bind it (the review's CLI adds it).
OWNERSHIP_WORDS: dict[str, Ownership] = {
    "国有": Ownership.STATE, "国有企业": Ownership.STATE, "国企": Ownership.STATE, "国有控股": Ownership.STATE,
    "国有独资": Ownership.STATE,
    "非公有制": Ownership.NON_PUBLIC, "非公": Ownership.NON_PUBLIC, "非公有制企业": Ownership.NON_PUBLIC,
    "民营": Ownership.NON_PUBLIC, "民营企业": Ownership.NON_PUBLIC, "私营": Ownership.NON_PUBLIC,
    "私营企业": Ownership.NON_PUBLIC, "民企": Ownership.NON_PUBLIC, "私企": Ownership.NON_PUBLIC,
}
# The same words as a reader's choice: 我们是民营企业 → 非公有制 (longest first, so 非公有制 is not 国有).
OWNERSHIP_CHOICES: dict[str, tuple[str, ...]] = {
    o.value: tuple(sorted((w for w, v in OWNERSHIP_WORDS.items() if v is o), key=len, reverse=True)) for o in Ownership}


class Research(StrEnum):
    """The kind of research a research post does (科技人才指引第三十四条 sets their pay mix apart)."""

    BASIC = "基础研究"
    APPLIED = "应用研究"


# The Research values as a type, for input models and forms that offer them as choices.
ResearchName = Literal["基础研究", "应用研究"]


class StaffKind(StrEnum):
    """Staff a guideline speaks of: post categories, and research staff by the kind of research."""

    SKILL = "技能"
    PROFESSIONAL = "专业技术"
    MANAGEMENT = "管理"
    BASIC_RESEARCH = Research.BASIC.value
    APPLIED_RESEARCH = Research.APPLIED.value


class Modality(StrEnum):
    """How strongly a clause is worded."""

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
    """What a clause or rule is for this company."""

    BINDING = "约束"  # the guideline binds the company and the clause is worded 应/不得/限值
    ADVISORY = "倡导"  # the guideline binds the company, the clause says 可/鼓励/探索
    REFERENCE = "参考"  # the guideline does not bind the company: good practice to refer to
    NOT_APPLICABLE = "不适用"  # outside the clause's scope (another ownership, no such staff or measure)


class CompanyContext(BaseModel):
    """What the decision needs to know about a company; None (or empty) means not stated."""

    model_config = ConfigDict(frozen=True)

    ownership: Ownership | None = None
    region: str | None = None
    industry: str | None = None
    staff: frozenset[StaffKind] = frozenset()
    # Measures the scheme sets (dividend, kpi, annual_salary, forced_distribution …): rules about a
    # measure apply only where it is set. None means "not known": such rules are kept.
    measures: frozenset[str] | None = None


class Decision(BaseModel):
    """One clause or rule, decided for one company."""

    target: str  # the rule id or unit id asked about
    clause: str  # the unit id that carries the rule for this company
    doc_id: str
    status: Status
    modality: Modality
    severity: Severity | None  # of a breach; None when the rule does not apply
    reason: str  # Chinese, for users
    assumptions: list[str] = Field(default_factory=list)  # Chinese: what was assumed, to correct

    @property
    def binding(self) -> bool:
        return self.status is Status.BINDING

    @property
    def applies(self) -> bool:
        return self.status is not Status.NOT_APPLICABLE


class GuidelineScope(BaseModel):
    doc_id: str
    ownership: frozenset[Ownership]
    region: tuple[str, ...] = ()
    region_name: str | None = None
    staff: frozenset[StaffKind]
    reference_staff: frozenset[StaffKind] = frozenset()
    reference: str
    quote: str


class ClauseScope(BaseModel):
    unit: str
    ownership: frozenset[Ownership] = frozenset()
    staff: frozenset[StaffKind] = frozenset()
    modality: Modality | None = None
    instead: str | None = None
    description: str


class RuleScope(BaseModel):
    ownership: frozenset[Ownership] = frozenset()
    staff: frozenset[StaffKind] = frozenset()
    industry: frozenset[str] = frozenset()
    needs: frozenset[str] = frozenset()


class RuleSpec(BaseModel):
    id: str
    title: str
    modality: Modality
    clause: str  # the default clause
    clauses: dict[Ownership, str] = Field(default_factory=dict)  # a clause per ownership, when it differs
    quotes: dict[Ownership, str] = Field(default_factory=dict)  # the wording of those clauses
    scope: RuleScope = Field(default_factory=RuleScope)
    findings: tuple[str, ...] = ()  # the calculators' finding rule names this rule covers
    params: tuple[str, ...] = ()  # the parameters holding the rule's figures (`kpi.count_min` …)
    quote: str  # the wording of the default clause

    def clause_for(self, ownership: Ownership | None) -> str:
        return self.clauses.get(ownership, self.clause) if ownership else self.clause

    def quote_for(self, ownership: Ownership | None) -> str:
        return self.quotes.get(ownership, self.quote) if ownership in self.clauses else self.quote


class Table(BaseModel):
    guidelines: dict[str, GuidelineScope]
    clauses: dict[str, ClauseScope]
    industries: dict[str, tuple[str, ...]]
    rules: dict[str, RuleSpec]


# ---- the table ------------------------------------------------------------------------------


@functools.cache
def table() -> Table:
    """The applicability table as typed models, read once from the parameter file."""
    guidelines, clauses, industries, rules = {}, {}, {}, {}
    prefix = TABLE + "."
    for key, p in all_parameters().items():
        if not key.startswith(prefix):
            continue
        name, value = key[len(prefix):], dict(p.value)
        kind = value.pop("kind")
        if kind == "guideline":
            guidelines[name] = GuidelineScope(doc_id=name, reference=p.reference, quote=p.quote or "", **value)
        elif kind == "clause":
            clauses[value["unit"]] = ClauseScope(description=p.description, **value)
        elif kind == "industry":
            industries[name] = tuple(value["words"])
        elif kind == "rule":
            rules[name] = RuleSpec(id=name, title=fill(p.description), clause=p.reference, quote=p.quote or "",
                                   modality=value["modality"], clauses=value.get("clauses") or {},
                                   quotes=value.get("quotes") or {},
                                   scope=RuleScope(**(value.get("scope") or {})),
                                   findings=tuple(value.get("findings") or ()),
                                   params=tuple(value.get("params") or ()))
        else:  # a typo in the table is a bug, said plainly
            raise ValueError(f"applicability.{name}: unknown kind {kind!r}")
    return Table(guidelines=guidelines, clauses=clauses, industries=industries, rules=rules)


def rule_ids() -> list[str]:
    return list(table().rules)


def rule_spec(rule_id: str) -> RuleSpec:
    try:
        return table().rules[rule_id]
    except KeyError:
        raise CalculationError(f"适用表中没有规则“{rule_id}”") from None


def clause(rule_id: str) -> str:
    """The unit id a rule of the table rests on: code cites a rule's clause by the rule, so each
    clause is named once, in the table."""
    return rule_spec(rule_id).clause


def rule_for_finding(finding_rule: str) -> str | None:
    """The table's rule id for a calculators finding name (`kpi.count` → `kpi-count`)."""
    for spec in table().rules.values():
        if finding_rule in spec.findings:
            return spec.id
    return None


def is_manufacturing(industry: str | None) -> bool:
    if not industry:
        return False
    return any(word in industry for word in table().industries.get("manufacturing", ()))


_ORDER = {member: i for i, member in enumerate([*Ownership, *StaffKind])}


def _listed(values: frozenset[Ownership] | frozenset[StaffKind]) -> str:
    """“国有、非公有制” in the enums' own order."""
    return "、".join(v.value for v in sorted(values, key=_ORDER.__getitem__))


def in_region(region: str | None, doc_id: str) -> bool | None:
    """True/False for a stated region, None when the guideline has no region or none is stated."""
    scope = table().guidelines[doc_id]
    if not scope.region:
        return True
    if not region:
        return None
    return any(name in region for name in scope.region)


# ---- decisions ------------------------------------------------------------------------------

_UNIT = re.compile(r"^(?P<doc>[a-z_]+)/(?P<kind>art|case|appendix)-(?P<n>\d+)(?:-\d+)?$")


def clause_place(unit_id: str) -> str:
    """soe_tech/art-49 → 第四十九条, qujing_skill/case-2 → 案例2, …/appendix-1 → 附件1: a clause's name
    inside its guideline (an id of another shape is returned as it is)."""
    match = _UNIT.match(unit_id)
    if not match:
        return unit_id
    from knowledge.numerals import int_to_cn

    n = int(match["n"])
    return {"art": f"第{int_to_cn(n)}条", "case": f"案例{n}", "appendix": f"附件{n}"}[match["kind"]]


@functools.cache
def guideline_title(doc_id: str) -> str:
    """《曲靖市企业技能人才薪酬分配指引（试行）》 for qujing_skill."""
    import knowledge

    return next((f"《{d.title}》" for d in knowledge.catalog() if d.doc_id == doc_id), doc_id)


def clause_name(unit_id: str) -> str:
    """《曲靖市企业技能人才薪酬分配指引（试行）》第八条 for qujing_skill/art-8: how people name a clause."""
    return f"{guideline_title(unit_id.split('/', 1)[0])}{clause_place(unit_id)}"


def _doc_of(unit_id: str) -> str:
    doc_id = unit_id.split("/", 1)[0]
    if doc_id not in table().guidelines:
        raise CalculationError(f"适用表中没有指引“{doc_id}”")
    return doc_id


def _assumed(ctx: CompanyContext, doc_id: str) -> tuple[CompanyContext, list[str]]:
    """Fill what the context leaves out, and say so: unknown ownership is taken as 非公有制
    (the state-owned guidelines then only refer), an unknown region as the guideline's own."""
    notes: list[str] = []
    ownership, region = ctx.ownership, ctx.region
    if ownership is None:
        ownership = Ownership.NON_PUBLIC
        notes.append("未说明所有制性质，按非公有制企业判断；如为国有企业请更正")
    scope = table().guidelines[doc_id]
    if scope.region and not region:
        region = scope.region_name
        notes.append(f"未说明所在地区，按{scope.region_name}企业判断；如不在{scope.region_name}请更正")
    staff = ctx.staff
    if not staff:
        staff = frozenset({StaffKind.SKILL, StaffKind.PROFESSIONAL, StaffKind.MANAGEMENT})
        notes.append("未说明人员类别，按有技能、专业技术和管理岗位人员判断")
    return ctx.model_copy(update={"ownership": ownership, "region": region, "staff": staff}), notes


def decide_guideline(ctx: CompanyContext, doc_id: str) -> Decision:
    """Whether a whole guideline binds the company (约束) or is only a reference (参考)."""
    if doc_id not in table().guidelines:
        raise CalculationError(f"适用表中没有指引“{doc_id}”")
    full, notes = _assumed(ctx, doc_id)
    scope = table().guidelines[doc_id]
    title = guideline_title(doc_id)
    why_not = _guideline_gap(full, scope)
    if why_not:
        return Decision(target=doc_id, clause=scope.reference, doc_id=doc_id, status=Status.REFERENCE,
                        modality=Modality.MAY, severity=Severity.WARNING, reason=f"{title}{why_not}，对本企业为参考",
                        assumptions=notes)
    who = _listed(scope.ownership)
    where = f"{scope.region_name}的" if scope.region_name else ""
    return Decision(target=doc_id, clause=scope.reference, doc_id=doc_id, status=Status.BINDING,
                    modality=Modality.MUST, severity=Severity.ERROR,
                    reason=f"{title}适用于{where}{who}企业，本企业在其范围内", assumptions=notes)


def _guideline_gap(ctx: CompanyContext, scope: GuidelineScope) -> str:
    """Why a guideline does not bind the company ("" when it does)."""
    if ctx.ownership not in scope.ownership:
        who = _listed(scope.ownership)
        return f"适用于{who}企业，本企业为{ctx.ownership}企业"
    if scope.region and not in_region(ctx.region, scope.doc_id):
        return f"适用于{scope.region_name}的企业，本企业在{ctx.region}"
    if not (ctx.staff & scope.staff):
        kinds = _listed(scope.staff)
        return f"约束{kinds}人员，本企业没有此类人员"
    return ""


def decide(ctx: CompanyContext, target: str) -> Decision:
    """A rule id of the table (`two-lower`) or a unit id (`qujing_skill/art-5`), decided for `ctx`."""
    if target in table().rules:
        return _decide_rule(ctx, rule_spec(target))
    if "/" in target:
        return _decide_unit(ctx, target)
    if target in table().guidelines:
        return decide_guideline(ctx, target)
    raise CalculationError(f"适用表中没有规则或条款“{target}”")


def decisions(ctx: CompanyContext) -> list[Decision]:
    """Every rule of the table, decided for `ctx`, in table order."""
    return [_decide_rule(ctx, spec) for spec in table().rules.values()]


def _severity(status: Status, modality: Modality) -> Severity | None:
    """违反 where a binding clause binds; 提醒 for advice or a binding clause of a mere reference;
    提示 for advice in a reference; nothing where the clause does not apply."""
    if status is Status.NOT_APPLICABLE:
        return None
    if status is Status.BINDING:
        return Severity.ERROR
    if status is Status.REFERENCE and not modality.binding:
        return Severity.INFO
    return Severity.WARNING


def _decide_unit(ctx: CompanyContext, unit_id: str) -> Decision:
    doc_id = _doc_of(unit_id)
    base = decide_guideline(ctx, doc_id)
    label = f"{guideline_title(doc_id)}{clause_place(unit_id)}"
    if "/case-" in unit_id or "/appendix-" in unit_id:
        return base.model_copy(update={
            "target": unit_id, "clause": unit_id, "status": Status.REFERENCE, "modality": Modality.MAY,
            "severity": Severity.INFO, "reason": f"{label}是典型案例或示例表，为参考做法，不构成约束"})
    clause = table().clauses.get(unit_id)
    full, _ = _assumed(ctx, doc_id)
    modality = clause.modality if clause and clause.modality else Modality.MUST
    update: dict[str, Any] = {"target": unit_id, "clause": unit_id, "modality": modality}
    if clause and clause.ownership and full.ownership not in clause.ownership:
        who = _listed(clause.ownership)
        instead = f"，本企业适用{clause_place(clause.instead)}" if clause.instead else ""
        return base.model_copy(update={**update, "status": Status.NOT_APPLICABLE, "severity": None,
                                       "reason": f"{label}适用于{who}企业{instead}"})
    if clause and clause.staff and not (full.staff & clause.staff):
        kinds = _listed(clause.staff)
        return base.model_copy(update={**update, "status": Status.NOT_APPLICABLE, "severity": None,
                                       "reason": f"{label}针对{kinds}岗位，本企业没有此类人员"})
    if base.status is Status.REFERENCE:
        status, reason = Status.REFERENCE, f"{label}：{base.reason}"
    else:
        status = Status.BINDING if modality.binding else Status.ADVISORY
        reason = f"{label}：{clause.description}，本企业为{full.ownership}企业" if clause else f"{label}：{base.reason}"
    return base.model_copy(update={**update, "status": status, "severity": _severity(status, modality),
                                   "reason": reason})


def _decide_rule(ctx: CompanyContext, spec: RuleSpec) -> Decision:
    full, notes = _assumed(ctx, _doc_of(spec.clause_for(ctx.ownership)))
    clause = spec.clause_for(full.ownership)
    doc_id = _doc_of(clause)
    label = f"{guideline_title(doc_id)}{clause_place(clause)}"

    def decision(status: Status, reason: str) -> Decision:
        return Decision(target=spec.id, clause=clause, doc_id=doc_id, status=status, modality=spec.modality,
                        severity=_severity(status, spec.modality), reason=reason, assumptions=notes)

    gap = _scope_gap(full, spec.scope)
    if gap:
        return decision(Status.NOT_APPLICABLE, f"{spec.title}：{gap}，对本企业不适用")
    unit = _decide_unit(ctx, clause)
    if unit.status is Status.NOT_APPLICABLE:
        return decision(Status.NOT_APPLICABLE, f"{spec.title}：{unit.reason}，对本企业不适用")
    said = f"{label}规定“{spec.quote_for(full.ownership)}”"
    if unit.status is Status.REFERENCE:
        return decision(Status.REFERENCE, f"{spec.title}：{said}；{unit.reason.removeprefix(label + '：')}")
    if spec.modality.binding:
        return decision(Status.BINDING, f"{spec.title}：{said}，是约束性要求，对本企业有约束力")
    return decision(Status.ADVISORY, f"{spec.title}：{said}，是倡导性规定，本企业可结合实际采用")


def _scope_gap(ctx: CompanyContext, scope: RuleScope) -> str:
    if scope.ownership and ctx.ownership not in scope.ownership:
        return f"只适用于{_listed(scope.ownership)}企业"
    if scope.staff and not (ctx.staff & scope.staff):
        return f"本企业没有{_listed(scope.staff)}人员"
    if scope.industry and not any(_industry_matches(ctx.industry, name) for name in scope.industry):
        return "只适用于制造业企业" if "manufacturing" in scope.industry else "行业不符"
    if scope.needs and ctx.measures is not None and not (scope.needs & ctx.measures):
        return "方案未设置相应事项"
    return ""


def _industry_matches(industry: str | None, name: str) -> bool:
    return is_manufacturing(industry) if name == "manufacturing" else bool(industry and name in industry)


def context_from(ownership: Any = None, region: str | None = None, industry: str | None = None,
                 staff: Any = (), measures: Any = None) -> CompanyContext:
    """A context from loose values ("国有", "非公", ["技能"]); unknown values raise in Chinese."""
    owner = None
    if ownership is not None:
        owner = ownership if isinstance(ownership, Ownership) else OWNERSHIP_WORDS.get(str(ownership).strip())
        if owner is None:
            raise CalculationError(f"所有制性质应为“国有”或“非公有制”，收到“{ownership}”", "ownership")
    try:
        kinds = frozenset(StaffKind(s) for s in staff)
    except ValueError:
        raise CalculationError(f"人员类别应为：{'、'.join(StaffKind)}", "staff") from None
    return CompanyContext(ownership=owner, region=region, industry=industry, staff=kinds,
                          measures=frozenset(measures) if measures is not None else None)
