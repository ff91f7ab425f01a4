"""Compliance rules as small pure functions returning findings.

Each function checks one guideline rule against figures already known (no I/O, no parsing) and
returns `Finding`s: `error` when a rule is broken, `warning` when a soft ("一般") limit or a
case reference is exceeded, `info` to state what was checked and passed. The check calculators
are built from these, and the scheme-review module calls them directly on figures it extracts.
All thresholds come from `params`, each finding cites the clause its threshold rests on.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel

from .applicability import CompanyContext, Ownership, Research, clause, decide, rule_for_finding
from .numbers import MONTHS_PER_YEAR, fmt, pct
from .params import param, parameter, ref
from .severity import Severity


class Finding(BaseModel):
    """One result of a rule check, shown to users and reviewers as it is."""

    rule: str
    severity: Severity
    message: str
    citations: list[str]


def _finding(rule: str, severity: Severity | str, message: str, *param_keys: str) -> Finding:
    cites = list(dict.fromkeys(ref(k) for k in param_keys))
    return Finding(rule=rule, severity=severity, message=message, citations=cites)


def _basis(key: str) -> str:
    """“依据：<quote>” for a message, so a reader sees the clause without looking it up."""
    quote = parameter(key).quote
    return f"（依据：“{quote}”）" if quote else ""


def for_ownership(findings: list[Finding], ownership: Ownership | None) -> list[Finding]:
    """A finding under a rule that does not bind this company (两个低于 for a 民营 firm) is a reference
    (提醒), with the reason; the same table of rules decides it for the review."""
    if ownership is None:
        return findings
    out = []
    for f in findings:
        rule = rule_for_finding(f.rule)
        decision = decide(CompanyContext(ownership=ownership), rule) if rule else None
        binding = decision is None or decision.applies and decision.severity is Severity.ERROR
        if decision is not None and not binding and f.severity in (Severity.ERROR, Severity.WARNING):
            f = f.model_copy(update={"severity": Severity.WARNING, "message": f"（参考）{f.message}；{decision.reason}"})
        out.append(f)
    return out


def is_compliant(findings: Iterable[Finding]) -> bool:
    """Compliant means no `error` finding; warnings and notes do not fail a check."""
    return not any(f.severity is Severity.ERROR for f in findings)


# ---- 关键绩效指标 ----------------------------------------------------------------------------


def check_kpi(weights: Mapping[str, Decimal]) -> list[Finding]:
    """KPI count and weights (`kpi.*`): count_min–count_max indicators, never more than count_limit,
    each weight between weight_min and weight_max, and the weights summing to 100%."""
    count = check_kpi_count(len(weights))
    weights_found = check_kpi_weights(weights)
    if count.severity is not Severity.INFO:  # the pass note stands only when nothing else is said
        weights_found = [f for f in weights_found if f.severity is not Severity.INFO]
    return [count, *weights_found]


def check_kpi_weights(weights: Mapping[str, Decimal], equal: bool = False) -> list[Finding]:
    """Each weight between the floor and the cap, and the weights summing to 100% (a list written
    as "各项权重均等" is checked as equal weights). Count is checked apart (`check_kpi_count`)."""
    findings: list[Finding] = []
    low, high = param("kpi.weight_min"), param("kpi.weight_max")
    for name, weight in weights.items():
        if weight > high:
            findings.append(_finding("kpi.weight_max", Severity.ERROR, f"指标“{name}”权重 {pct(weight)} 超过单一指标上限 {pct(high)}{_basis('kpi.weight_max')}", "kpi.weight_max"))
        elif weight < low:
            findings.append(_finding("kpi.weight_min", Severity.ERROR, f"指标“{name}”权重 {pct(weight)} 低于单一指标下限 {pct(low)}{_basis('kpi.weight_min')}", "kpi.weight_min"))
    total = sum(weights.values(), Decimal(0))
    if abs(total - 1) > Decimal("0.0001") and not equal:
        findings.append(_finding("kpi.weight_sum", Severity.ERROR, f"各指标权重合计为 {pct(total)}，应为 100%", "kpi.weight_max"))
    if not findings:
        findings.append(_finding("kpi.weights", Severity.INFO, f"各指标权重均在 {pct(low)}–{pct(high)} 之间，合计 100%", "kpi.weight_max"))
    return findings


def check_kpi_count(count: int) -> Finding:
    """Indicators per department or post: principally `kpi.count_min`–`count_max`, as a rule never
    more than `kpi.count_limit`."""
    low, high, limit = param("kpi.count_min"), param("kpi.count_max"), param("kpi.count_limit")
    if count > limit:
        return _finding("kpi.count", Severity.ERROR, f"考核指标 {count} 个，超过一般上限 {limit} 个{_basis('kpi.count_limit')}", "kpi.count_limit")
    if not low <= count <= high:
        return _finding("kpi.count", Severity.WARNING, f"考核指标 {count} 个，不在原则上的 {low}–{high} 个之间{_basis('kpi.count_min')}", "kpi.count_min")
    return _finding("kpi.count", Severity.INFO, f"考核指标 {count} 个，在原则上的 {low}–{high} 个之间", "kpi.count_min")


# ---- 两个低于 ---------------------------------------------------------------------------------


def check_two_lower(
    wage_total_growth: Decimal | None,
    profit_growth: Decimal | None,
    avg_wage_growth: Decimal | None = None,
    productivity_growth: Decimal | None = None,
    hq_avg_wage_growth: Decimal | None = None,
) -> list[Finding]:
    """“两个低于” and wage–benefit linkage (qujing_skill 第五条), optionally the headquarters rule
    (soe_internal 第四十一条). Growth rates are fractions (0.08 = 8%), negative for a fall; a figure
    not known is None, and each comparison is made only when both of its figures are known."""
    findings = []
    if wage_total_growth is not None and profit_growth is not None:
        findings.append(_lower("two_lower.wage_total", "薪酬（工资）总额增长", wage_total_growth, "经济效益（利润）增长", profit_growth, "wage_total.wage_total_below_benefit"))
        if profit_growth < 0 and wage_total_growth >= 0:
            findings.append(_finding("two_lower.follows_benefit", Severity.ERROR, f"经济效益下降 {pct(-profit_growth)}，薪酬总额却未下降（{pct(wage_total_growth)}）{_basis('wage_total.follows_benefit')}", "wage_total.follows_benefit"))
    elif wage_total_growth is not None or profit_growth is not None:
        findings.append(_finding("two_lower.wage_total", Severity.INFO, "薪酬总额增长与经济效益增长需同时给出，才能检查第一个“低于”", "wage_total.wage_total_below_benefit"))
    if avg_wage_growth is not None and productivity_growth is not None:
        findings.append(_lower("two_lower.avg_wage", "职工平均薪酬增长", avg_wage_growth, "劳动生产率增长", productivity_growth, "wage_total.avg_wage_below_productivity"))
    elif avg_wage_growth is not None or productivity_growth is not None:
        findings.append(_finding("two_lower.avg_wage", Severity.INFO, "平均薪酬增长与劳动生产率增长需同时给出，才能检查第二个“低于”", "wage_total.avg_wage_below_productivity"))
    if hq_avg_wage_growth is not None and avg_wage_growth is not None:
        findings += check_headquarters_growth(hq_avg_wage_growth, avg_wage_growth)
    return findings


def check_headquarters_growth(hq_avg_wage_growth: Decimal, avg_wage_growth: Decimal) -> list[Finding]:
    """集团总部职工平均工资增长幅度原则上应低于本企业全部职工平均工资增长幅度 (soe_internal 第四十一条)."""
    return [_lower("two_lower.headquarters", "集团总部职工平均工资增长", hq_avg_wage_growth, "全部职工平均工资增长", avg_wage_growth, "wage_total.hq_avg_below_company")]


def check_internal_benefit_growth(subsidiary_growth: Decimal, group_growth: Decimal, who: str = "内部效益型企业") -> list[Finding]:
    """内部效益型企业原则上工资总额增幅不超过集团公司工资总额增幅 (soe_internal 第三十九条)."""
    key = "wage_total.internal_benefit_within_group"
    if subsidiary_growth > group_growth:
        return [_finding("wage_total.internal_benefit", Severity.ERROR, f"{who}工资总额增幅 {pct(subsidiary_growth)} 超过集团公司工资总额增幅 {pct(group_growth)}{_basis(key)}", key)]
    return [_finding("wage_total.internal_benefit", Severity.INFO, f"{who}工资总额增幅 {pct(subsidiary_growth)}，未超过集团公司工资总额增幅 {pct(group_growth)}", key)]


def _lower(rule: str, what: str, growth: Decimal, than: str, bound: Decimal, key: str) -> Finding:
    if growth > bound:
        return _finding(rule, Severity.ERROR, f"{what} {pct(growth)} 高于{than} {pct(bound)}{_basis(key)}", key)
    if growth == bound:  # 持平 is no 低于 when the parameter says strictly lower (lt); a warning only for le
        severity = Severity.ERROR if param(key) == "lt" else Severity.WARNING
        return _finding(rule, severity, f"{what} {pct(growth)} 与{than}持平，指引要求“低于”{_basis(key)}", key)
    return _finding(rule, Severity.INFO, f"{what} {pct(growth)} 低于{than} {pct(bound)}，符合要求", key)


# ---- 分红激励 ---------------------------------------------------------------------------------


def check_dividend(employees: int, recipients: int, tech_skill_recipients: int) -> list[Finding]:
    """Dividend incentive headcounts: recipients ≤ `dividend.recipients_max_share` of staff on post,
    technical and skilled staff ≥ `dividend.tech_skill_min_share` of recipients."""
    return check_dividend_figures(employees=employees, recipients=recipients, tech_skill_recipients=tech_skill_recipients)


def check_dividend_figures(
    *,
    employees: int | None = None,
    recipients: int | None = None,
    tech_skill_recipients: int | None = None,
    recipient_share: Decimal | None = None,
    tech_share: Decimal | None = None,
) -> list[Finding]:
    """The 第四十条 limits from what a scheme states: head counts, shares, or both (a share written
    in the scheme is used when the counts it rests on are not given). Unknown figures are None;
    a limit is checked only when its share is known or can be computed."""
    cap, floor = param("dividend.recipients_max_share"), param("dividend.tech_skill_min_share")
    if recipient_share is None and employees and recipients is not None:
        recipient_share = Decimal(recipients) / Decimal(employees)
    if tech_share is None and recipients and tech_skill_recipients is not None:
        tech_share = Decimal(tech_skill_recipients) / Decimal(recipients)
    findings = []
    if recipient_share is not None:
        counted = f"激励对象 {recipients} 人占在岗职工 {employees} 人的 " if employees and recipients is not None else "激励人数占在岗职工总数的 "
        if recipient_share > cap:
            most = f"（最多 {math.floor(cap * employees)} 人）" if employees else ""
            findings.append(_finding("dividend.recipients", Severity.ERROR, f"{counted}{pct(recipient_share)}，超过 {pct(cap)}{most}{_basis('dividend.recipients_max_share')}", "dividend.recipients_max_share"))
        else:
            findings.append(_finding("dividend.recipients", Severity.INFO, f"{counted}{pct(recipient_share)}，未超过 {pct(cap)}", "dividend.recipients_max_share"))
    if tech_share is not None:
        counted = f"技术技能人才 {tech_skill_recipients} 人占分红人数的 " if recipients and tech_skill_recipients is not None else "技术技能人才占分红人数的 "
        if tech_share < floor:
            least = f"（至少 {math.ceil(floor * recipients)} 人）" if recipients else ""
            findings.append(_finding("dividend.tech_skill", Severity.ERROR, f"{counted}{pct(tech_share)}，低于 {pct(floor)}{least}{_basis('dividend.tech_skill_min_share')}", "dividend.tech_skill_min_share"))
        else:
            findings.append(_finding("dividend.tech_skill", Severity.INFO, f"{counted}{pct(tech_share)}，不低于 {pct(floor)}", "dividend.tech_skill_min_share"))
    return findings


# ---- 薪酬结构 ---------------------------------------------------------------------------------


def check_pay_mix(category: str, base: Decimal, total: Decimal) -> list[Finding]:
    """Base vs performance pay of research staff: base ≥ `pay_mix.basic_research_base_min` of total
    for basic research, performance ≥ `pay_mix.applied_research_performance_min` for applied research."""
    return check_pay_mix_share(category, base / total)


def check_pay_mix_share(category: str, base_share: Decimal) -> list[Finding]:
    """`check_pay_mix` from the base pay's share of total pay (a fraction), as schemes state it."""
    if category == Research.BASIC:
        key, floor, share, what = "pay_mix.basic_research_base_min", param("pay_mix.basic_research_base_min"), base_share, "岗位基本薪酬"
    else:
        key, floor, share, what = "pay_mix.applied_research_performance_min", param("pay_mix.applied_research_performance_min"), 1 - base_share, "绩效薪酬"
    rule = "pay_mix.basic_research" if category == Research.BASIC else "pay_mix.applied_research"
    if share < floor:
        return [_finding(rule, Severity.ERROR, f"{category}类科技人才{what}占总薪酬 {pct(share)}，低于 {pct(floor)}{_basis(key)}", key)]
    return [_finding(rule, Severity.INFO, f"{category}类科技人才{what}占总薪酬 {pct(share)}，达到 {pct(floor)} 以上", key)]


# ---- 强制分布 ---------------------------------------------------------------------------------


def check_forced_distribution_top(quotas: Mapping[str, Decimal]) -> list[Finding]:
    """The top grade (the first key) must be strictly controlled (soe_internal 第三十二条);
    above the reference case's `forced_distribution.top_share_reference` it is flagged as a warning."""
    if not quotas:
        return []
    top, share = next(iter(quotas.items()))
    reference = param("forced_distribution.top_share_reference")
    if share > reference:
        return [Finding(rule="forced_distribution.top", severity=Severity.WARNING,
                        message=f"最高等次“{top}”比例 {pct(share)} 高于案例参考的 {pct(reference)}，最高考核等级的数量应从严控制",
                        citations=[clause("forced-distribution-top"), ref("forced_distribution.top_share_reference")])]
    return [Finding(rule="forced_distribution.top", severity=Severity.INFO,
                    message=f"最高等次“{top}”比例 {pct(share)}，人数向下取整，体现从严控制",
                    citations=[clause("forced-distribution-top")])]


# ---- 薪级序列 ---------------------------------------------------------------------------------


def check_arithmetic_steps(amounts: Sequence[Decimal], what: str = "各档标准") -> list[Finding]:
    """年功工资各档、岗位薪级之间的差额应形成等差数列 (qujing_skill 第八条(三)(四)); also flags a
    step that pays less than the one below it."""
    findings: list[Finding] = []
    diffs = [b - a for a, b in itertools.pairwise(amounts)]
    falling = [i + 2 for i, d in enumerate(diffs) if d < 0]
    if falling:
        findings.append(Finding(rule="steps.monotonic", severity=Severity.ERROR, message=f"{what}第 {'、'.join(map(str, falling))} 档低于前一档，高档不应少于低档", citations=[clause("pay-step-arithmetic")]))
    if len(set(diffs)) > 1:
        shown = "、".join(fmt(d) for d in diffs[:8]) + ("…" if len(diffs) > 8 else "")
        findings.append(Finding(rule="steps.arithmetic", severity=Severity.WARNING, message=f"{what}之间的差额不相等（{shown}），指引要求各标准之间的差额形成等差数列", citations=[clause("pay-step-arithmetic")]))
    elif diffs:
        findings.append(Finding(rule="steps.arithmetic", severity=Severity.INFO, message=f"{what}之间的差额均为 {fmt(diffs[0])}，形成等差数列", citations=[clause("pay-step-arithmetic")]))
    return findings


def check_grade_count(levels: int, stage: Literal["初创期", "成熟期"]) -> list[Finding]:
    """Job levels per post series: `grades.small_min`–`small_max` for start-ups and small firms,
    `grades.large_min`–`large_max` or more for mature and large ones."""
    prefix = "small" if stage == "初创期" else "large"
    low, high = param(f"grades.{prefix}_min"), param(f"grades.{prefix}_max")
    key = f"grades.{prefix}_min"
    who = "初创期、规模较小的企业" if stage == "初创期" else "发展成熟、规模较大的企业"
    if levels < low or (levels > high and stage == "初创期"):
        return [_finding("grades.count", Severity.WARNING, f"每个岗位序列划分 {levels} 个职级，{who}一般为 {low}–{high} 个{_basis(key)}", key)]
    if levels > high:
        return [_finding("grades.count", Severity.INFO, f"每个岗位序列划分 {levels} 个职级，多于 {high} 个（指引允许“或更多”）", key)]
    return [_finding("grades.count", Severity.INFO, f"每个岗位序列划分 {levels} 个职级，在{who}一般的 {low}–{high} 个之内", key)]


# ---- 职数比例 ---------------------------------------------------------------------------------


def check_job_grade_quota(
    counts: Mapping[str, int],
    base: int,
    limits: Mapping[str, Decimal] | None = None,
    chief_base: int | None = None,
) -> list[Finding]:
    """Headcount per skill grade against its share of the counted staff (`job_quota.limits`;
    `job_quota.unlimited` grades have none). With `chief_base` (the number of technology staff)
    also the 首席类 ≤ `grades.chief_share_max` rule."""
    limits = dict(param("job_quota.limits") if limits is None else limits)
    findings = []
    for grade, count in counts.items():
        if grade not in limits:
            continue
        cap = math.floor(limits[grade] * base)
        share = Decimal(count) / Decimal(base)
        if count > cap:
            findings.append(_finding(f"job_quota.{grade}", Severity.ERROR, f"{grade} {count} 人，占 {base} 人的 {pct(share)}，超过 {pct(limits[grade])}（最多 {cap} 人）{_basis('job_quota.limits')}", "job_quota.limits"))
        else:
            findings.append(_finding(f"job_quota.{grade}", Severity.INFO, f"{grade} {count} 人，未超过 {pct(limits[grade])}（最多 {cap} 人）", "job_quota.limits"))
    if chief_base is not None:
        chiefs = sum(c for g, c in counts.items() if g.startswith("首席"))
        cap_share = param("grades.chief_share_max")
        if Decimal(chiefs) > cap_share * chief_base:
            findings.append(_finding("job_quota.chief", Severity.ERROR, f"首席类职位 {chiefs} 人，超过科技人才总数 {chief_base} 人的 {pct(cap_share)}（最多 {math.floor(cap_share * chief_base)} 人）{_basis('grades.chief_share_max')}", "grades.chief_share_max"))
        else:
            findings.append(_finding("job_quota.chief", Severity.INFO, f"首席类职位 {chiefs} 人，未超过科技人才总数的 {pct(cap_share)}", "grades.chief_share_max"))
    return findings


def check_chief_share(*, chiefs: int | None = None, tech_staff: int | None = None, share: Decimal | None = None) -> list[Finding]:
    """首席类职位 ≤ `grades.chief_share_max` of the technology staff, from a head count over the
    number of technology staff, or from a share the scheme states; [] when neither is known."""
    cap = param("grades.chief_share_max")
    if share is None and chiefs is not None and tech_staff:
        share = Decimal(chiefs) / Decimal(tech_staff)
    if share is None:
        return []
    counted = f"首席类职位 {chiefs} 个占科技人才 {tech_staff} 人的 " if chiefs is not None and tech_staff else "首席类职位占科技人才总数的 "
    if share > cap:
        most = f"（最多 {math.floor(cap * tech_staff)} 个）" if tech_staff else ""
        return [_finding("job_quota.chief", Severity.ERROR, f"{counted}{pct(share)}，超过 {pct(cap)}{most}{_basis('grades.chief_share_max')}", "grades.chief_share_max")]
    return [_finding("job_quota.chief", Severity.INFO, f"{counted}{pct(share)}，未超过 {pct(cap)}", "grades.chief_share_max")]


# ---- 科技人才薪酬水平、考核与调整周期 ---------------------------------------------------------------


def check_tech_vs_management(ratio: Decimal, what: str = "科技人才薪酬水平或增长") -> list[Finding]:
    """原则上科技人才薪酬水平和增长速度不低于同职级管理人员 (soe_tech 第四十九条): `ratio` is the
    technology staff's pay (or raise) as a fraction of same-grade managers' (0.8 = 八成)."""
    key = "tech_pay.management_ratio_min"
    floor = param(key)
    if ratio < floor:
        return [_finding("tech_pay.management", Severity.ERROR, f"{what}为同职级管理人员的 {pct(ratio)}，低于同职级管理人员{_basis(key)}", key)]
    return [_finding("tech_pay.management", Severity.INFO, f"{what}为同职级管理人员的 {pct(ratio)}，不低于同职级管理人员", key)]


def check_adjustment_cycle(years: Decimal) -> list[Finding]:
    """The pay-level adjustment cycle (`cycles.adjustment_years_*`): a longer cycle is a breach."""
    longest = param("cycles.adjustment_years_max")
    if years > longest:
        return [_finding("cycles.adjustment", Severity.ERROR, f"薪酬水平每 {fmt(years)} 年调整一次，长于一般以 {param('cycles.adjustment_years_min')} 至 {longest} 年为周期的要求{_basis('cycles.adjustment_years_max')}", "cycles.adjustment_years_max")]
    return [_finding("cycles.adjustment", Severity.INFO, f"薪酬水平每 {fmt(years)} 年调整一次，在 {longest} 年以内", "cycles.adjustment_years_max")]


def check_basic_research_cycle(months: int) -> list[Finding]:
    """The basic-research assessment cycle (`cycles.basic_research_assessment_years_min`): a shorter
    cycle is a breach."""
    key = "cycles.basic_research_assessment_years_min"
    years = param(key)
    shortest = years * MONTHS_PER_YEAR
    if months < shortest:
        return [_finding("cycles.basic_research", Severity.ERROR, f"基础研究人才每 {months} 个月考核一次，短于原则上 {shortest} 个月（{years}年）的考核周期{_basis(key)}", key)]
    return [_finding("cycles.basic_research", Severity.INFO, f"基础研究人才考核周期 {months} 个月，不短于 {shortest} 个月", key)]


# ---- 津贴、年薪、首席技师 ------------------------------------------------------------------------


def check_team_leader_allowance(amount: Decimal, who: str = "班组长") -> list[Finding]:
    """班组长津贴 within `allowances.team_leader_min`–`_max` 元/月, the reference case's range."""
    low, high = param("allowances.team_leader_min"), param("allowances.team_leader_max")
    if not low <= amount <= high:
        return [_finding("allowance.team_leader", Severity.WARNING, f"{who}的班组长津贴 {fmt(amount)} 元/月，不在案例参考的 {low}–{high} 元/月之间", "allowances.team_leader_min")]
    return []


def check_annual_salary_split(base_share: Decimal) -> list[Finding]:
    """年薪制：基本年薪占比应相对较小、按月发放，绩效年薪占比应相对较大 (qujing_skill 第十条)."""
    cap = param("annual_salary.base_share_max")
    if base_share >= cap:
        return [_finding("annual_salary.base_share", Severity.ERROR, f"基本年薪占年薪总额 {pct(base_share)}，不小于绩效年薪，不符合“基本年薪占比应相对较小”{_basis('annual_salary.base_share_max')}", "annual_salary.base_share_max")]
    return [_finding("annual_salary.base_share", Severity.INFO, f"基本年薪占 {pct(base_share)}，绩效年薪占 {pct(1 - base_share)}，基本年薪占比较小", "annual_salary.base_share_max")]


def check_chief_technician_pay(pay: Decimal, average_wage: Decimal) -> list[Finding]:
    """首席技师薪酬 ≥ `chief_technician.pay_multiple` × 在岗职工平均工资 (the reference case)."""
    multiple = param("chief_technician.pay_multiple")
    floor = (average_wage * multiple).quantize(Decimal("0.01"))
    if pay < floor:
        return [_finding("chief_technician.pay", Severity.WARNING, f"首席技师薪酬 {fmt(pay)} 元低于在岗职工平均工资 {fmt(average_wage)} 元的 {fmt(multiple)} 倍（{fmt(floor)} 元）{_basis('chief_technician.pay_multiple')}", "chief_technician.pay_multiple")]
    return [_finding("chief_technician.pay", Severity.INFO, f"首席技师薪酬为在岗职工平均工资的 {fmt((pay / average_wage).quantize(Decimal('0.01')))} 倍，不低于 {fmt(multiple)} 倍", "chief_technician.pay_multiple")]
