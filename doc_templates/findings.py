"""The profile's own figures checked against the clauses that apply to the company.

Each figure goes through the calculators' pure checks; the applicability table then says how much a
breach weighs for this company: a binding 应/不得/限值 clause of a guideline that binds it is a 违反
(drafting is refused unless the user allows it), anything else a 提醒 or 提示 for the drafting notes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from calculators.severity import Severity

from .errors import ProfileError
from .plan import Plan


@dataclass
class DraftFinding:
    rule: str  # the applicability table's rule id ("" for a case reference)
    severity: Severity
    message: str  # the check's own message (it quotes the clause)
    clause: str  # unit id
    reason: str  # why the clause binds (or only refers) for this company
    citations: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.severity.label


class ComplianceError(ProfileError):
    """The profile's own figures breach a binding clause: nothing is drafted."""

    def __init__(self, findings: list[DraftFinding]) -> None:
        self.findings = findings
        items = "；".join(f"（{i}）{f.message}〔{clause_label(f.clause)}〕" for i, f in enumerate(findings, 1))
        super().__init__(f"企业概况中的数据违反对本企业有约束力的指引条款，未生成方案：{items}。"
                         "请修改企业概况；如确需按此起草，请使用 --allow-findings，问题将列入编制说明。")


def clause_label(unit_id: str) -> str:
    """《指引》第X条 for a unit id, as the drafted document names its clauses (典型案例N for 曲靖's
    cases, as its basis lines do; everywhere else `calculators.applicability.clause_name`)."""
    import knowledge

    from .draft import unit_label

    unit = knowledge.get_unit(unit_id)
    return f"《{unit.doc_title}》{unit_label(unit)}" if unit is not None else unit_id


def _checks() -> Any:
    import calculators.checks as module

    return module


def check_profile(plan: Plan) -> list[DraftFinding]:
    """Every breach or caution the profile's figures raise, weighed for this company, worst first."""
    raw = [*_two_lower(plan), *_kpis(plan), *_dividend(plan), *_pay_mix(plan), *_annual_salary(plan),
           *_forced(plan), *_chief_posts(plan), *_chief_pay(plan), *_team_leader(plan)]
    found = [f for f in (_weigh(plan, finding) for finding in raw) if f is not None]
    return sorted(found, key=lambda f: f.severity.rank)


def _weigh(plan: Plan, finding: Any) -> DraftFinding | None:
    from calculators.applicability import rule_for_finding

    if finding.severity is Severity.INFO:
        return None
    rule = rule_for_finding(finding.rule)
    clause = finding.citations[0] if finding.citations else ""
    if rule is None:  # a figure from a typical case: good practice, never binding
        return DraftFinding("", Severity.WARNING, finding.message, clause,
                            "典型案例是参考做法，不构成约束", list(finding.citations))
    decision = plan.binds(rule)
    if decision.severity is None:
        return None
    severity = max(Severity(finding.severity), decision.severity, key=lambda s: s.rank)  # the milder of the two
    return DraftFinding(rule, severity, finding.message, decision.clause, decision.reason,
                        list(dict.fromkeys([decision.clause, *finding.citations])))


def _two_lower(plan: Plan) -> Iterable[Any]:
    b = plan.profile.budget
    # a pair of growths is checked only when the profile gives both of its figures (no placeholders)
    totals = (b.wage_total_growth, b.profit_growth) if None not in (b.wage_total_growth, b.profit_growth) else (None, None)
    averages = (b.avg_wage_growth, b.productivity_growth) if None not in (b.avg_wage_growth, b.productivity_growth) else (None, None)
    return _checks().check_two_lower(*totals, *averages)


def _kpis(plan: Plan) -> Iterable[Any]:
    kpis = plan.performance.kpis
    return _checks().check_kpi(kpis) if kpis else []


def _dividend(plan: Plan) -> Iterable[Any]:
    d = plan.leading.post_dividend if plan.leading else None
    if d is None or not d.recipients:
        return []
    return _checks().check_dividend(plan.profile.headcount, d.recipients, d.tech_skill_recipients)


def _pay_mix(plan: Plan) -> Iterable[Any]:
    out = []
    for kind, share in plan.performance.research_base_share.items():
        out += _checks().check_pay_mix(kind, share, Decimal(1))
    return out


def _annual_salary(plan: Plan) -> Iterable[Any]:
    annual = plan.leading.annual_salary if plan.leading else None
    return _checks().check_annual_salary_split(annual.base_share) if annual and annual.base_share is not None else []


def _forced(plan: Plan) -> Iterable[Any]:
    forced = plan.performance.forced
    return _checks().check_forced_distribution_top(forced) if forced else []


def _chief_posts(plan: Plan) -> Iterable[Any]:
    if not plan.state_owned:
        return []
    grades = plan.profile.grades
    chiefs = sum(g.headcount for g in grades if g.name.startswith("首席"))
    tech = sum(g.headcount for g in grades if g.category in ("技能", "专业技术"))
    if not chiefs or not tech:
        return []
    return [f for f in _checks().check_job_grade_quota({"首席": chiefs}, tech, limits={}, chief_base=tech)
            if f.rule == "job_quota.chief"]


def _chief_pay(plan: Plan) -> Iterable[Any]:
    lt = plan.leading
    if lt is None or lt.chief_multiple is None:
        return []
    from calculators.params import param

    average = plan.profile.budget.annual_wage_total / plan.profile.headcount
    return _checks().check_chief_technician_pay(average * lt.chief_multiple, average) \
        if lt.chief_multiple < param("chief_technician.pay_multiple") else []


def _team_leader(plan: Plan) -> Iterable[Any]:
    a = plan.allowances
    if a is None or a.team_leader is None:
        return []
    return [*_checks().check_team_leader_allowance(a.team_leader[0], "最低档"),
            *_checks().check_team_leader_allowance(a.team_leader[1], "最高档")]


def refuse_or_keep(findings: list[DraftFinding], allow: bool) -> None:
    """Refuse drafting on any 违反 unless the user allows it (they are then listed in the notes)."""
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if errors and not allow:
        raise ComplianceError(errors)
