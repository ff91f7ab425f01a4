"""Rules on assessment and performance pay: 先考核后分配, KPI, forced distribution, cycles, OKR."""

from __future__ import annotations

from decimal import Decimal

from ..scheme import Scheme
from .base import Facts, Hit, checks, dec, from_findings, param, pct_text, rule

Q8 = "qujing_skill/art-8"


def _performance_pay(facts: Facts) -> str | None:
    return facts["components"].get("绩效工资")


@rule("assess-before-allocate", "绩效工资应先考核后分配", Q8, "先考核后分配")
def assess_before_allocate(s: Scheme, facts: Facts) -> list[Hit]:
    link = facts["performance_link"]
    sentence = _performance_pay(facts)
    if not sentence or link.get("first_assess") or link.get("linked") or link.get("even"):
        return []
    return [Hit("warning", "方案设置了绩效工资，但未写明按考核结果分配（“先考核后分配”）。", None)]


@rule("performance-egalitarian", "绩效工资不得平均发放", Q8, "平均主义")
def performance_egalitarian(s: Scheme, facts: Facts) -> list[Hit]:
    even = facts["performance_link"].get("even")
    if not even:
        return []
    return [Hit("error", "绩效工资平均发放或不与考核结果挂钩，违背“先考核后分配”、破除平均主义的要求。", even)]


@rule("performance-three-level-link", "绩效工资与企业效益、部门和个人考核联动", Q8, "联动的分配机制")
def performance_three_level_link(s: Scheme, facts: Facts) -> list[Hit]:
    if not _performance_pay(facts) or facts["performance_link"].get("department"):
        return []
    return [Hit("info", "未见按部门（班组）考核结果确定部门绩效工资总量的安排；指引建议绩效工资与企业效益、部门考核、个人考核三级联动。", None)]


@rule("allocation-formula", "写明绩效工资分配公式", Q8, "部门绩效工资总量=")
def allocation_formula(s: Scheme, facts: Facts) -> list[Hit]:
    if not _performance_pay(facts) or facts["formulas"]:
        return []
    return [Hit("info", "方案未写明绩效工资的分配公式（如部门总量、个人所得的计算式），职工难以核对自己的所得。", None)]


def _kpi_hits(facts: Facts, keep) -> list[Hit]:
    hits = []
    for kpi in facts["kpi_sets"]:
        weights = {name: dec(w) for name, w in kpi["weights"].items()}
        hits += from_findings(checks().check_kpi(weights), kpi["evidence"], keep)
    return hits


def _is_count(finding) -> bool:
    return finding.rule == "kpi.count"


@rule("kpi-count", "KPI 指标个数", "soe_internal/art-28", "原则上为5-9个")
def kpi_count(s: Scheme, facts: Facts) -> list[Hit]:
    return _kpi_hits(facts, _is_count)


@rule("kpi-weight", "KPI 单一指标权重", "soe_internal/art-28", "单一指标考核权重")
def kpi_weight(s: Scheme, facts: Facts) -> list[Hit]:
    return _kpi_hits(facts, lambda f: not _is_count(f))


@rule("forced-distribution-top", "最高考核等级比例应从严控制", "soe_internal/art-32", "最高考核等级")
def forced_distribution_top(s: Scheme, facts: Facts) -> list[Hit]:
    hits = []
    for dist in facts["forced_distribution"]:
        quotas = {g: dec(q) for g, q in dist["quotas"].items()}
        hits += from_findings(checks().check_forced_distribution_top(quotas), dist["evidence"])
    return hits


@rule("forced-distribution-sum", "强制分布比例之和不超过100%", "soe_internal/art-32", "对考核各个等级的比例")
def forced_distribution_sum(s: Scheme, facts: Facts) -> list[Hit]:
    hits = []
    for dist in facts["forced_distribution"]:
        total = sum((dec(q) for q in dist["quotas"].values()), Decimal(0))
        if total > 1:
            hits.append(Hit("error", f"各考核等级比例合计 {pct_text(total)}，超过 100%，强制分布无法执行。", dist["evidence"]))
    return hits


@rule("assessment-cycle", "明确考核周期", Q8, "考核周期")
def assessment_cycle(s: Scheme, facts: Facts) -> list[Hit]:
    if not _performance_pay(facts) or facts["assessment_cycles"]:
        return []
    return [Hit("warning", "方案未写明绩效考核周期（月度、季度或年度）；指引要求明确考核程序、考核周期、考核等次和考核内容。", None,
                also=("soe_internal/art-31",))]


@rule("basic-research-cycle", "基础研究人才考核周期不宜过短", "soe_tech/art-25", "原则上以1年作为考核周期")
def basic_research_cycle(s: Scheme, facts: Facts) -> list[Hit]:
    minimum = param("cycles.basic_research_assessment_months_min")
    return [
        Hit("warning", f"对基础研究人才实行 {c['months']} 个月一次的考核，周期过短；指引要求适当延长，原则上以1年为考核周期。", c["evidence"])
        for c in facts["assessment_cycles"]
        if c["category"] == "基础研究" and c["months"] < minimum
    ]


@rule("result-application", "考核结果与岗位、职级调整挂钩", "soe_internal/art-33", "考核结果与薪酬分配")
def result_application(s: Scheme, facts: Facts) -> list[Hit]:
    if not _performance_pay(facts):
        return []
    if s.has(r"考核|考评|绩效", r"岗位调整|调岗|晋升|降级|降职|职级|薪级|聘任|能上能下|能增能减|岗级|淘汰"):
        return []
    return [Hit("info", "方案未写明考核结果在岗位调整、职级（薪级）晋升等方面的运用；指引要求考核结果与薪酬分配、岗位调整等挂钩。", None,
                also=(Q8,))]


@rule("okr-pay-link", "OKR 完成情况不直接与薪酬挂钩", "soe_tech/art-27", "不与薪酬")
def okr_pay_link(s: Scheme, facts: Facts) -> list[Hit]:
    sentence = facts.get("okr_linked")
    if not sentence:
        return []
    return [Hit("error", "方案将目标与关键成果法（OKR）的完成情况直接与薪酬、奖金挂钩；指引要求 OKR 重反馈、轻考核，不与薪酬直接挂钩（可配套 360 度考核与薪酬挂钩）。", sentence)]
