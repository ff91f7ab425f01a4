"""Rules on positions and performance management (内部薪酬分配指引): tenure of grades, KPI count and
weights, the weight of results among 业绩/能力/态度, the grade distribution and the use of results."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from calculators import checks
from calculators.params import param
from calculators.severity import Severity

from ..applicability import Level
from ..facts import SchemeFacts
from .base import REWORD, Hit, check, from_findings, percent


@check("kpi-count")
def kpi_count(f: SchemeFacts) -> list[Hit]:
    hits = []
    low, high, limit = param("kpi.count_min"), param("kpi.count_max"), param("kpi.count_limit")
    advice = f"{REWORD}“每个部门（岗位）的关键绩效指标原则上 {low} 至 {high} 个，最多不超过 {limit} 个，其余事项纳入指标库备选。”"
    for kpi in f.kpi_sets:
        complete = kpi.count is not None or kpi.equal or abs(sum(kpi.weights.values(), Decimal(0)) - 1) <= Decimal("0.001")
        if not complete:
            continue
        hits += from_findings([checks.check_kpi_count(kpi.size)], kpi.evidence, advice)
    return hits


@check("kpi-weight")
def kpi_weight(f: SchemeFacts) -> list[Hit]:
    hits = []
    low, high = param("kpi.weight_min"), param("kpi.weight_max")
    advice = f"{REWORD}“单一指标权重不超过 {percent(high)}、不低于 {percent(low)}，各指标权重合计 100%。”"
    for kpi in f.kpi_sets:
        if kpi.cap is not None and kpi.cap > high:
            hits.append(Hit(f"方案允许单一指标权重达到 {percent(kpi.cap)}，超过单一指标权重上限 {percent(high)}。", kpi.evidence, advice))
        if kpi.floor is not None and kpi.floor < low:
            hits.append(Hit(f"方案允许单一指标权重低至 {percent(kpi.floor)}，低于单一指标权重下限 {percent(low)}。", kpi.evidence, advice))
        weights = kpi.effective_weights()
        if len(weights) < 2:
            # "考核指标共十项，其中产量权重50%": one weight named above the ceiling breaches whatever the others are
            hits += [Hit(f"指标“{name}”权重 {percent(value)} 超过单一指标权重上限 {percent(high)}", kpi.rows.get(name, kpi.evidence), advice)
                     for name, value in kpi.weights.items() if value > high]
            continue
        for found in checks.check_kpi_weights(weights, equal=kpi.equal):
            if found.severity is Severity.INFO:
                continue
            name = next((n for n in kpi.rows if f"“{n}”" in found.message), None)
            evidence = kpi.rows[name] if name else kpi.evidence
            level = Level.ADVICE if found.rule == "kpi.weight_sum" else Level.BREACH
            hits += [replace(h, level=level) for h in from_findings([found], evidence, advice)]
    return hits


@check("performance-weight-main")
def performance_weight_main(f: SchemeFacts) -> list[Hit]:
    hits = []
    for found in f.categories:
        results = found.weights["业绩"]
        others = {k: v for k, v in found.weights.items() if k != "业绩"}
        if others and results < max(others.values()):
            shown = "、".join(f"{k}{percent(v)}" for k, v in found.weights.items())
            hits.append(Hit(f"个人绩效指标中业绩类权重（{percent(results)}）不是最大（{shown}），业绩类指标一般应占主要权重。", found.evidence,
                            f"{REWORD}“个人绩效考核中业绩类指标占主要权重，权重高于能力类、态度类指标。”"))
    return hits


@check("forced-distribution-top")
def forced_distribution_top(f: SchemeFacts) -> list[Hit]:
    reference = param("forced_distribution.top_share_reference")
    advice = f"{REWORD}“最高等次（优秀）人数不超过考核单元人数的 {percent(reference)}，人数向下取整。”"
    hits = []
    for dist in f.distributions:
        if dist.unlimited:
            hits.append(Hit("最高考核等级（优秀）人数不设上限或由部门自定，最高考核等级的数量应从严控制。", dist.evidence, advice))
            continue
        if dist.top is not None:
            top, share = dist.top
            hits += from_findings(checks.check_forced_distribution_top({top: share}), dist.evidence, advice)
    return hits


@check("forced-distribution-sum")
def forced_distribution_sum(f: SchemeFacts) -> list[Hit]:
    hits = []
    for dist in f.distributions:
        total = sum(dist.quotas.values(), Decimal(0))
        if len(dist.quotas) >= 2 and total > 1:
            hits.append(Hit(f"各考核等级比例合计 {percent(total)}，超过 100%，强制分布无法执行。", dist.evidence,
                            "建议调整各等级比例，使合计为 100%。"))
    return hits


@check("result-application")
def result_application(f: SchemeFacts) -> list[Hit]:
    said = f.said
    if said.results_decoupled is not None:
        return [Hit("方案规定考核结果不与薪酬分配挂钩（仅作评先评优依据）；考核结果应与薪酬分配、职务任免和岗位调整等挂钩。", said.results_decoupled,
                    f"{REWORD}“年度考核结果与绩效工资、年终奖励、岗位调整和薪级晋降挂钩。”")]
    if said.components.get("绩效工资") is None or said.results_used is not None:
        return []
    return [Hit("方案未写明考核结果在岗位调整、职级（薪级）晋升等方面的运用。", None,
                "建议补充：“年度考核结果与岗位调整、薪级晋升、评先评优挂钩。”", Level.PRACTICE)]


@check("grade-promotion-pace")
def grade_promotion_pace(f: SchemeFacts) -> list[Hit]:
    found = f.said.yearly_grade_promotion
    low, high = param("grades.promotion_years_min"), param("grades.promotion_years_max")
    slow = f.grade_promotion
    if found is None and slow is not None and slow.value > high:
        return [Hit(f"方案规定新进职工晋升一个职位等级需{slow.text}，慢于一般每 {low} 至 {high} 年晋升一个等级的节奏。", slow.evidence,
                    f"{REWORD}“新进职工一般每 {low} 至 {high} 年晋升一个职位等级，业绩突出的可破格晋升。”")]
    if found is None:
        return []
    return [Hit(f"方案规定职级每年晋升，快于新进职工一般每 {low} 至 {high} 年晋升一个等级的节奏。", found,
                f"{REWORD}“新进职工一般每 {low} 至 {high} 年晋升一个职位等级，业绩突出的可破格晋升。”")]
