"""Profile → Plan: what the scheme states, and what goes into the 编制说明 (drafting notes) instead.

The scheme states only what the profile gives or the company explicitly accepts (`accept`); a
component the profile leaves out is not set, and the notes say so with the guideline's 参考做法.
Which clauses bind the company comes from `calculators.applicability`; guideline figures from
`calculators.params`; the drafter's own suggestions (used only when accepted) from `suggestions.yaml`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal
from pathlib import Path
from typing import Any, Literal

import yaml

from .errors import ProfileError
from .profile import Category, Profile, problem_line

NoteKind = Literal["适用判断", "未设置", "假设", "采纳建议", "参考做法", "测算口径"]
PERIODS_PER_YEAR = {"月度": 12, "季度": 4, "半年度": 2, "年度": 1}
MONTHS = PERIODS_PER_YEAR["月度"]
CATEGORIES: tuple[Category, ...] = ("技能", "专业技术", "管理")
DATA_DIR = Path(__file__).parent


@functools.cache
def suggestions() -> dict[str, Any]:
    return yaml.safe_load((DATA_DIR / "suggestions.yaml").read_text(encoding="utf-8"))


@functools.cache
def industries() -> dict[str, Any]:
    return yaml.safe_load((DATA_DIR / "industries.yaml").read_text(encoding="utf-8"))


def industry_class(industry: str) -> str:
    """餐饮 / 电力 / 制造 / 信息技术 / 其他: the first class whose words the industry name contains."""
    for name, info in industries().items():
        if any(word in industry for word in info["words"]):
            return name
    return "其他"


def _param(key: str) -> Any:
    from calculators.params import param

    return param(key)


def _quote(key: str) -> str:
    from calculators.params import parameter

    return parameter(key).quote or ""


def _ref(key: str) -> str:
    from calculators.params import ref

    return ref(key)


def _guideline_clause(doc_id: str) -> str:
    """The clause that says whom a guideline binds (its 适用范围), from the shared table."""
    from calculators.applicability import table

    return table().guidelines[doc_id].reference


def _clause(rule_id: str, ownership: str | None = None) -> str:
    """The clause a rule of the shared table rests on (for this ownership where it differs)."""
    from calculators.applicability import Ownership, rule_spec

    return rule_spec(rule_id).clause_for(Ownership(ownership) if ownership else None)


def _round_down(value: Decimal, unit: Decimal) -> Decimal:
    return (value / unit).to_integral_value(ROUND_FLOOR) * unit


def _yuan(value: Decimal) -> str:
    return f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,.2f}"


# ---- the plan -------------------------------------------------------------------------------


@dataclass
class Note:
    """One entry of the drafting notes: what was assumed, left out, accepted or offered as reference."""

    kind: NoteKind
    topic: str
    text: str
    refs: list[str] = field(default_factory=list)


@dataclass
class Seniority:
    start: Decimal
    increment: Decimal
    bands: int
    years_per_band: int
    distribution: dict[int, int] | None = None


@dataclass
class Steps:
    count: int
    first: Decimal
    increment: Decimal
    promotion: dict[str, int] | None = None


@dataclass
class Allowances:
    night_shift: Decimal | None
    environment: dict[str, Decimal]
    skill: dict[str, Decimal]
    team_leader: tuple[Decimal, Decimal] | None
    apprentice: Decimal | None
    other: dict[str, Any]

    def names(self) -> list[str]:
        """The allowances set, in the order of 第八条（五）, then the company's own."""
        found = [("夜班补贴", self.night_shift), ("作业环境补贴", self.environment), ("技能津贴", self.skill),
                 ("班组长津贴", self.team_leader), ("师带徒津贴", self.apprentice)]
        return [name for name, value in found if value] + list(self.other)


@dataclass
class Dept:
    score: Decimal | None
    members: dict[str, Decimal | None]
    categories: dict[str, Category]


@dataclass
class Performance:
    method: str | None
    cycle: str | None
    example_pool: Decimal | None
    departments: dict[str, Dept]
    coefficients: dict[str, Decimal]
    point_prices: dict[str, Decimal]
    work_log: dict[str, dict[str, Decimal]]
    kpis: dict[str, Decimal]
    forced: dict[str, Decimal]
    small_unit: int
    small_unit_given: bool  # the profile's own threshold; else the body keeps to the guideline's words
    research_base_share: dict[str, Decimal]

    @property
    def has_example(self) -> bool:
        return bool(self.departments) and self.example_pool is not None


@dataclass
class Leading:
    annual_salary: Any
    agreement_pay: bool
    special_award: bool
    excess_profit: Any
    post_dividend: Any
    chief_multiple: Decimal | None


@dataclass
class Plan:
    profile: Profile
    context: Any  # calculators.applicability.CompanyContext
    industry_class: str
    basic_wage: Decimal | None
    ability_items: dict[str, Decimal]
    seniority: Seniority | None
    steps: Steps | None
    start_steps: dict[str, int]
    allowances: Allowances | None
    performance: Performance
    leading: Leading | None
    deliberation: str
    deliberation_given: bool
    effective: str
    adjustment_cycle_years: int | None
    notes: list[Note] = field(default_factory=list)

    @property
    def state_owned(self) -> bool:
        return self.profile.state_owned

    def by_category(self) -> dict[str, int]:
        out: dict[str, int] = {c: 0 for c in CATEGORIES}
        for grade in self.profile.grades:
            out[grade.category] += grade.headcount
        return out

    def measures(self) -> frozenset[str]:
        """What the scheme sets, for the applicability of rules about a measure."""
        perf, lt = self.performance, self.leading
        found = {"basic_wage": self.basic_wage, "seniority": self.seniority, "pay_steps": self.steps,
                 "allowances": self.allowances, "kpi": perf.kpis, "forced_distribution": perf.forced,
                 "leading_talent": lt, "annual_salary": lt and lt.annual_salary,
                 "excess_profit": lt and lt.excess_profit, "dividend": lt and lt.post_dividend}
        return frozenset(k for k, v in found.items() if v)

    def binds(self, target: str) -> Any:
        """The applicability decision of a rule or clause for this company."""
        from calculators.applicability import decide

        return decide(self.context.model_copy(update={"measures": self.measures()}), target)


def company_context(profile: Profile) -> Any:
    from calculators.applicability import context_from

    staff = {g.category for g in profile.grades if g.headcount > 0} | profile.research_kinds
    return context_from(profile.company.ownership, profile.company.region, profile.company.industry, staff)


class _Notes:
    def __init__(self) -> None:
        self.items: list[Note] = []

    def add(self, kind: NoteKind, topic: str, text: str, *param_keys: str, refs: tuple[str, ...] = ()) -> None:
        self.items.append(Note(kind, topic, text, list(dict.fromkeys([*refs, *(_ref(k) for k in param_keys)]))))

    def reference(self, topic: str, text: str, *param_keys: str) -> None:
        """A 参考做法: the guideline case's own words, quoted from the parameter that holds them."""
        quotes = "；".join(f"“{_quote(k)}”" for k in param_keys)
        self.add("参考做法", topic, f"{text}{quotes}。", *param_keys)


def make_plan(profile: Profile) -> Plan:
    notes = _Notes()
    _check_complete(profile)
    steps = _steps(profile, notes)
    industry = industry_class(profile.company.industry)
    deliberation = profile.governance.deliberation
    plan = Plan(
        profile=profile,
        context=company_context(profile),
        industry_class=industry,
        basic_wage=_basic_wage(profile, notes),
        ability_items=_ability(profile, notes),
        seniority=_seniority(profile, notes),
        steps=steps,
        start_steps=_start_steps(profile, steps, notes),
        allowances=_allowances(profile, industry, notes),
        performance=_performance(profile, notes),
        leading=_leading(profile, industry, notes),
        deliberation=deliberation or "职工代表大会或职工大会",
        deliberation_given=deliberation is not None,
        effective=profile.governance.effective_date or "",
        adjustment_cycle_years=profile.governance.adjustment_cycle_years,
    )
    _procedure_notes(plan, notes)
    _applicability_notes(plan, notes)
    plan.notes = notes.items
    return plan


def _check_complete(profile: Profile) -> None:
    """A component that is set needs all its standards; every gap is listed at once."""
    comps, problems = profile.components, []
    basic = comps.basic_wage
    if basic is not None and basic.enabled and basic.amount is None and "基础工资" not in profile.accept:
        problems.append("薪酬单元 › 基础工资：已设置但未填写金额（或在“采纳的编制建议值”中选择“基础工资”）")
    seniority = comps.seniority
    if seniority is not None and seniority.enabled and seniority.missing() and "年功工资" not in profile.accept:
        problems.append(f"薪酬单元 › 年功工资：缺少{'、'.join(seniority.missing())}")
    steps = comps.pay_steps
    if steps is not None and steps.missing() and "薪级工资" not in profile.accept:
        problems.append(f"薪酬单元 › 薪级工资：缺少{'、'.join(steps.missing())}")
    if problems:
        raise ProfileError(problem_line(problems))


# ---- fixed pay ------------------------------------------------------------------------------


def _basic_wage(profile: Profile, notes: _Notes) -> Decimal | None:
    chosen = profile.components.basic_wage
    if chosen is not None and not chosen.enabled:
        return None
    if chosen is not None and chosen.amount is not None:
        return chosen.amount
    if "基础工资" in profile.accept:
        rule = suggestions()["基础工资"]
        budget = profile.budget
        monthly_fixed = (budget.annual_wage_total - budget.performance_pool) / profile.headcount / MONTHS
        unit = Decimal(str(rule["round_to"]))
        amount = max(_round_down(monthly_fixed * Decimal(str(rule["share_of_fixed"])), unit), unit)
        notes.add("采纳建议", "基础工资", f"企业采纳编制建议：基础工资取人均月固定工资预算的 "
                  f"{Decimal(str(rule['share_of_fixed'])) * 100:.0f}% 并取整，为 {_yuan(amount)} 元/月")
        return amount
    notes.add("未设置", "基础工资", "企业概况未设置基础工资，方案不设此单元。指引规定企业可结合实际设置基础工资，"
              "全体职工一个标准，可随当地物价水平调整；如需设置，请在概况中填写金额。", refs=(_clause("basic-wage-one-standard"),))
    return None


def _ability(profile: Profile, notes: _Notes) -> dict[str, Decimal]:
    chosen = profile.components.ability_wage
    if chosen is None or not chosen.enabled or not chosen.items:
        return {}
    return dict(chosen.items)


def _seniority(profile: Profile, notes: _Notes) -> Seniority | None:
    chosen = profile.components.seniority
    if chosen is not None and not chosen.enabled:
        return None
    given = chosen.model_dump(exclude_none=True, exclude={"enabled", "distribution"}) if chosen else {}
    if len(given) == 4:
        return Seniority(**given, distribution=chosen.distribution if chosen else None)
    if "年功工资" in profile.accept:
        values = {**suggestions()["年功工资"], **given}
        values = {k: Decimal(str(v)) if k in ("start", "increment") else int(v) for k, v in values.items()}
        notes.add("采纳建议", "年功工资", f"企业采纳编制建议：年功工资首段 {_yuan(values['start'])} 元/月、每段递增 "
                  f"{_yuan(values['increment'])} 元、共 {values['bands']} 段、每段 {values['years_per_band']} 年"
                  "（指引未规定金额）", refs=(_clause("seniority-arithmetic"),))
        return Seniority(**values, distribution=chosen.distribution if chosen else None)
    notes.add("未设置", "年功工资", "企业概况未设置年功工资，方案以一岗多薪（薪级工资）体现职工的历史贡献积累。"
              "指引规定可按工龄段设置年功工资，各标准之间的差额应形成等差数列；如需设置，请填写首段金额、"
              "段差、段数和每段年数。", refs=(_clause("seniority-arithmetic"),))
    return None


def _steps(profile: Profile, notes: _Notes) -> Steps | None:
    chosen = profile.components.pay_steps
    given = chosen.model_dump(exclude_none=True, exclude={"promotion"}) if chosen else {}
    promotion = chosen.promotion if chosen else None
    if len(given) == 3:
        return Steps(**given, promotion=promotion)
    if "薪级工资" not in profile.accept:
        notes.add("未设置", "薪级工资", "企业概况未设置薪级工资，方案实行一岗一薪（每个岗位等级一个岗位工资标准）。"
                  "指引建议采用岗位等级和一岗多薪，各岗位薪级之间的差额形成等差数列（附件1）；如需设置，请填写薪级数、"
                  "第1薪级金额和级差。", "post_grades.steps_shown", refs=(_clause("pay-step-arithmetic"),))
        return None
    rule = suggestions()["薪级工资"]
    wages = sorted(g.wage for g in profile.grades)
    median = wages[len(wages) // 2]
    unit = Decimal(str(rule["round_to"]))
    increment = max(_round_down(median * Decimal(str(rule["increment_share"])), unit), unit)
    values = {"count": _param("post_grades.steps_shown"), "first": increment * rule["first_in_increments"],
              "increment": increment, **given}
    notes.add("采纳建议", "薪级工资", f"企业采纳编制建议：{values['count']} 个薪级、第1薪级 {_yuan(values['first'])} 元/月、"
              f"级差 {_yuan(values['increment'])} 元（级差约为岗位工资中位数的 "
              f"{Decimal(str(rule['increment_share'])) * 100:.0f}%；指引未规定金额）", "post_grades.steps_shown")
    return Steps(count=values["count"], first=values["first"], increment=values["increment"], promotion=promotion)


def _start_steps(profile: Profile, steps: Steps | None, notes: _Notes) -> dict[str, int]:
    if steps is None:
        return {}
    out: dict[str, int] = {}
    missing = [g.name for g in profile.grades if g.start_step is None]
    too_high = [f"“{g.name}”的起点薪级 {g.start_step} 超过了薪级总数 {steps.count}"
                for g in profile.grades if g.start_step is not None and g.start_step > steps.count]
    if too_high:
        raise ProfileError(problem_line(too_high))
    accepted = "起点薪级" in profile.accept
    gap = int(suggestions()["起点薪级"]["gap"])
    ranks = {w: i for i, w in enumerate(sorted({g.wage for g in profile.grades}))}
    for grade in profile.grades:
        if grade.start_step is not None:
            out[grade.name] = grade.start_step
        elif accepted:
            out[grade.name] = min(1 + gap * ranks[grade.wage], max(steps.count - 1, 1))
        else:
            out[grade.name] = 1
    if missing and accepted:
        notes.add("采纳建议", "起点薪级", f"企业采纳编制建议：{'、'.join(missing)} 的起点薪级按岗位工资由低到高每档相差 "
                  f"{gap} 个薪级确定", "post_grades.steps_shown")
    elif missing:
        notes.add("假设", "起点薪级", f"{'、'.join(missing)} 未填写起点薪级，方案按第1薪级起套。指引附件1要求体现每个岗位"
                  "起点薪级的差异（重点考虑工作年限与学历的关系），请按岗位填写起点薪级。", "post_grades.appendix_1_grades")
    return out


# ---- allowances -----------------------------------------------------------------------------


def _allowances(profile: Profile, industry: str, notes: _Notes) -> Allowances | None:
    chosen = profile.components.allowances
    suggested = "；".join(f"{name}（{who}）" for name, who in industries()[industry]["allowances"])
    if chosen is not None and not chosen.enabled:
        return None
    if chosen is None or not chosen.given():
        notes.add("未设置", "津贴补贴", f"企业概况未给出津贴补贴标准，方案不设津贴补贴。结合所属行业（{profile.company.industry}），"
                  f"可考虑设置：{suggested}。标准由企业自定；已在岗位工资中体现的不再重复设置。",
                  refs=(_clause("allowance-soe-policy"),))
        _allowance_references(notes, skill=True, leader=True, apprentice=True)
        return None
    leader = (chosen.team_leader.min, chosen.team_leader.max) if chosen.team_leader else None
    plan = Allowances(night_shift=chosen.night_shift, environment=dict(chosen.environment or {}),
                      skill=dict(chosen.skill or {}), team_leader=leader, apprentice=chosen.apprentice,
                      other={k: v for k, v in (chosen.other or {}).items()})
    missing = [name for name, _ in industries()[industry]["allowances"] if name not in plan.names()]
    if missing:
        fitting = "；".join(f"{n}（{w}）" for n, w in industries()[industry]["allowances"] if n in missing)
        notes.add("未设置", "津贴补贴", f"方案只列企业概况给出的津贴补贴。结合所属行业，还可考虑：{fitting}。",
                  refs=(_clause("allowance-soe-policy"),))
    _allowance_references(notes, skill="技能津贴" in missing, leader="班组长津贴" in missing,
                          apprentice="师带徒津贴" in missing)
    return plan


def _allowance_references(notes: _Notes, skill: bool, leader: bool, apprentice: bool) -> None:
    if skill:
        notes.reference("技能津贴", "典型案例中的做法：", "allowances.skill_case2", "allowances.skill_case4")
    if leader:
        notes.reference("班组长津贴", "典型案例中的做法：", "allowances.team_leader_min")
    if apprentice:
        notes.reference("师带徒津贴", "典型案例中的做法：", "allowances.apprentice_monthly", "allowances.apprentice_months_min")


# ---- performance ----------------------------------------------------------------------------


def _performance(profile: Profile, notes: _Notes) -> Performance:
    from .profile import Performance as Given

    chosen = profile.components.performance or Given.model_validate({})
    if chosen.method is None:
        notes.add("未设置", "绩效工资分配方式", "企业概况未选择积分制或计件制，方案列出指引给出的两种分配公式，由各部门考核办法"
                  "明确采用哪一种（指引：考核等次一般采用“积分累计”，技能人才以“绩”为主，重点考虑效益与计件关系）。",
                  refs=(_clause("allocation-formula"),))
    if chosen.cycle is None:
        notes.add("未设置", "考核周期", "企业概况未给出考核周期，方案规定由绩效考核办法明确。指引要求明确考核周期，"
                  "考核周期一般为月、季、半年、年度、任期或以完成特定任务目标为周期。", refs=(_clause("assessment-cycle"), "soe_internal/art-31"))
    pool = chosen.example_pool
    if chosen.departments and pool is None and chosen.cycle is not None:
        periods = PERIODS_PER_YEAR[chosen.cycle]
        pool = (profile.budget.performance_pool / periods).quantize(Decimal("0.01"))
        notes.add("测算口径", "分配示例", f"分配示例的当期可供分配绩效工资总量按年度绩效工资总量 ÷ {periods} 计，为 {_yuan(pool)} 元")
    departments = {name: Dept(score=d.score, members=dict(d.members or {}), categories=dict(d.categories or {}))
                   for name, d in (chosen.departments or {}).items()} if pool is not None else {}
    if not departments:
        notes.add("未设置", "分配示例", "企业概况未给出部门积分（或计件）示例，方案只列分配公式，不列示例。"
                  "如需示例，请填写当期可供分配绩效工资总量和部门、职工的积分（计件数）。")
    coefficients: dict[str, Decimal] = {str(k): v for k, v in (chosen.category_coefficients or {}).items()}
    needed = {c for d in departments.values() for c in d.categories.values()} - set(coefficients)
    if needed:
        raise ProfileError(f"企业概况有误：分配示例中有{'、'.join(sorted(needed))}岗位人员，但未填写其计件（积分）折算系数"
                           "（指引：管理、专业技术岗位分别为 1×a%、1×b%，由企业确定）")
    forced = dict(chosen.forced_distribution or {})
    if not forced:
        notes.add("未设置", "考核等次比例", "企业概况未给出考核等次比例，方案只规定最高等次人数从严控制、按考核结果确定等次，"
                  "不作强制分布。", refs=(_clause("forced-distribution-top"),))
        notes.reference("考核等次比例", "案例中的做法：", "forced_distribution.quotas")
    small_unit = chosen.small_unit_headcount or _param("forced_distribution.small_unit_headcount")
    if forced and chosen.small_unit_headcount is None:
        notes.add("假设", "部分强制分布", f"方案按指引原文规定“职工数量较少”的考核单元实行部分强制分布，未写具体人数；编制中按"
                  f"不足 {small_unit} 人测算（指引未给具体人数，此为本系统的解释），建议在方案中明确。",
                  "forced_distribution.small_unit_headcount")
    return Performance(
        method=chosen.method, cycle=chosen.cycle, example_pool=pool, departments=departments,
        coefficients=coefficients, point_prices=dict(chosen.point_prices or {}),
        work_log={k: dict(v) for k, v in (chosen.work_log or {}).items()}, kpis=dict(chosen.kpis or {}),
        forced=forced, small_unit=small_unit, small_unit_given=chosen.small_unit_headcount is not None,
        research_base_share={str(k): v for k, v in (chosen.research_base_share or {}).items()},
    )


# ---- incentives and procedure ---------------------------------------------------------------


def _leading(profile: Profile, industry: str, notes: _Notes) -> Leading | None:
    chosen = profile.components.leading_talent
    if chosen is None or not chosen.enabled:
        if industries()[industry]["leading_talent"] and chosen is None:
            notes.add("未设置", "高技能领军人才激励", "企业概况未设置高技能领军人才激励，方案不设此章。出现获得全国劳动模范、"
                      "中华技能大奖等荣誉或经认定的高技能领军人才时，可按指引第十条另行制定激励办法。",
                      refs=(_clause("leading-talent-raise"),))
            notes.reference("首席技师待遇", "典型案例中的做法：", "chief_technician.pay_multiple")
        return None
    if chosen.annual_salary is not None and chosen.annual_salary.base_share is None:
        raise ProfileError("企业概况有误：薪酬单元 › 高技能领军人才激励 › 年薪制：未填写基本年薪占比")
    if chosen.excess_profit is not None and not chosen.excess_profit.tiers:
        raise ProfileError("企业概况有误：薪酬单元 › 高技能领军人才激励 › 超额利润分享：未填写分段计提比例"
                           "（指引要求计提比例按不同比例分段提取）")
    notes.add("参考做法", "高技能领军人才待遇", "指引鼓励参照高级管理人员标准落实高技能领军人才经济待遇；方案按企业概况"
              "给出的激励方式规定，未写入此项，如采纳请在方案中另行明确标准。", refs=(_clause("leading-talent-executive-standard"),))
    return Leading(
        annual_salary=chosen.annual_salary, agreement_pay=bool(chosen.agreement_pay),
        special_award=bool(chosen.special_award), excess_profit=chosen.excess_profit,
        post_dividend=chosen.post_dividend, chief_multiple=chosen.chief_multiple,
    )


def _procedure_notes(plan: Plan, notes: _Notes) -> None:
    profile = plan.profile
    if not plan.deliberation_given:
        notes.add("未设置", "民主程序", "企业概况未指明审议机构，方案写作“职工代表大会或职工大会”，请按本企业实际保留其一。",
                  refs=(_clause("soe-congress"),))
    if plan.adjustment_cycle_years is None:
        notes.add("未设置", "薪酬调整周期", "企业概况未给出薪酬水平评估调整周期，方案规定定期评估。指引：",
                  "cycles.adjustment_years_min")
        notes.items[-1].text += f"“{_quote('cycles.adjustment_years_min')}”。"
    if profile.payment.pay_day is None:
        notes.add("未设置", "发薪日", "企业概况未给出每月发薪日，方案规定在与职工约定的日期支付。请在劳动合同或本方案中写明具体日期。")
    if profile.job_evaluation.method is None:
        notes.add("未设置", "岗位评价方法", "企业概况未给出岗位评价方法。指引所列方法中，要素计分法主要适用于规模较大、组织结构"
                  "复杂的企业，排序法、配对对比法、因素比较法主要适用于工作性质单一、岗位较少的企业。",
                  refs=(_clause("job-evaluation", "国有"), "soe_tech/art-15"))
    if not profile.company.region:
        notes.add("假设", "所在地区", "企业概况未给出所在地区，按曲靖市企业判断《曲靖市企业技能人才薪酬分配指引（试行）》的适用；"
                  "如不在曲靖市，该指引只作参考，请更正。", refs=(_guideline_clause("qujing_skill"),))


ADVISORY_RULES = ("skill-representatives",)  # 可-clauses worth a line in the notes where they apply


def _applicability_notes(plan: Plan, notes: _Notes) -> None:
    from calculators.applicability import Status, decide_guideline, rule_spec, table

    for doc_id in table().guidelines:
        decision = decide_guideline(plan.context, doc_id)
        notes.add("适用判断", decision.status.value, decision.reason, refs=(decision.clause,))
    for rule in ADVISORY_RULES:
        decision = plan.binds(rule)
        if decision.status is Status.ADVISORY:
            notes.add("参考做法", rule_spec(rule).title, f"指引规定“{rule_spec(rule).quote}”，本企业可在工资集体协商中采用。",
                      refs=(decision.clause,))
