"""Rules on technology staff (科技人才指引): 首席 posts, classified assessment, papers and titles,
basic-research cycles, OKR, base/performance mix, dividends, pay against managers, adjustment."""

from __future__ import annotations

from calculators import checks
from calculators.numbers import MONTHS_PER_YEAR
from calculators.params import param

from ..applicability import Level
from ..facts import Dividend, Figure, PayMix, Research, SchemeFacts
from .base import REWORD, Hit, check, from_findings, number, percent


@check("chief-post-quota")
def chief_post_quota(f: SchemeFacts) -> list[Hit]:
    chief = f.chief
    if chief is None:
        return []
    cap = param("grades.chief_share_max")
    counted = chief.chiefs is not None and chief.tech_staff is not None
    found = checks.check_chief_share(
        chiefs=int(chief.chiefs.value) if counted else None,  # type: ignore[union-attr]
        tech_staff=int(chief.tech_staff.value) if counted else None,  # type: ignore[union-attr]
        share=None if counted or chief.share is None else chief.share.value)
    where = chief.chiefs if counted else chief.share
    most = f"（{number(chief.tech_staff.value)} 人的 {percent(cap)} 即最多 {int(cap * chief.tech_staff.value)} 个）" if chief.tech_staff else ""
    advice = f"{REWORD}“首席类职位合计不超过科技人才总数的 {percent(cap)}{most}。”"
    return from_findings(found, where.evidence if where else None, advice)


@check("basic-research-cycle")
def basic_research_cycle(f: SchemeFacts) -> list[Hit]:
    hits = []
    years = param("cycles.basic_research_assessment_years_min")
    for cycle in f.basic_research_cycles:
        advice = (f"{REWORD}“基础研究人员以 {years * MONTHS_PER_YEAR} 个月（{years}年）为考核周期，重大项目可以"
                  f"{param('cycles.basic_research_assessment_years_special_min')}至{param('cycles.basic_research_assessment_years_special_max')}"
                  "年为一个周期，过程中以阶段性评价代替考核。”")
        hits += from_findings(checks.check_basic_research_cycle(cycle.months), cycle.evidence, advice)
    return hits


def _mix_hits(f: SchemeFacts, category: Research) -> list[Hit]:
    hits = []
    seen: set[str] = set()
    for mix in f.pay_mix:
        if mix.category is not category or mix.share.evidence.text in seen:
            continue
        seen.add(mix.share.evidence.text)
        hits += from_findings(checks.check_pay_mix_share(category.value, mix.base_share), mix.share.evidence, _mix_advice(mix))
    return hits


def _mix_advice(mix: PayMix) -> str:
    if mix.category is Research.BASIC:
        floor = param("pay_mix.basic_research_base_min")
        return f"{REWORD}“从事基础研究类的科技人才岗位基本薪酬占总薪酬的比例不低于 {percent(floor)}。”"
    floor = param("pay_mix.applied_research_performance_min")
    return f"{REWORD}“从事应用研究类的科技人才绩效薪酬占总薪酬的比例不低于 {percent(floor)}。”"


@check("pay-mix-basic-research")
def pay_mix_basic_research(f: SchemeFacts) -> list[Hit]:
    return _mix_hits(f, Research.BASIC)


@check("pay-mix-applied-research")
def pay_mix_applied_research(f: SchemeFacts) -> list[Hit]:
    return _mix_hits(f, Research.APPLIED)


def _dividend(f: SchemeFacts, name: str, advice: str) -> list[Hit]:
    if f.dividend is None:
        return []
    return [hit for d in (f.dividend, *f.dividend.others) for hit in _one_dividend(d, name, advice)]


def _one_dividend(d: Dividend, name: str, advice: str) -> list[Hit]:
    def whole(fig: Figure | None) -> int | None:
        return int(fig.value) if fig is not None else None

    found = checks.check_dividend_figures(
        employees=whole(d.employees), recipients=whole(d.recipients), tech_skill_recipients=whole(d.tech),
        recipient_share=d.recipient_share.value if d.recipient_share else None,
        tech_share=d.tech_share.value if d.tech_share else None)
    evidence = next((x.evidence for x in (d.recipients, d.recipient_share, d.tech, d.tech_share) if x is not None), None)
    if name == "dividend.tech_skill":
        evidence = next((x.evidence for x in (d.tech, d.tech_share, d.recipients) if x is not None), evidence)
    return from_findings(found, evidence, advice, name)


@check("dividend-recipients")
def dividend_recipients(f: SchemeFacts) -> list[Hit]:
    cap = param("dividend.recipients_max_share")
    return _dividend(f, "dividend.recipients", f"{REWORD}“每次分红激励人数不超过本企业在岗职工总数的 {percent(cap)}。”")


@check("dividend-tech-share")
def dividend_tech_share(f: SchemeFacts) -> list[Hit]:
    floor = param("dividend.tech_skill_min_share")
    return _dividend(f, "dividend.tech_skill", f"{REWORD}“参与分红的技术技能人才占总分红人数的比重不低于 {percent(floor)}。”")


@check("tech-pay-vs-management")
def tech_pay_vs_management(f: SchemeFacts) -> list[Hit]:
    hits = []
    advice = f"{REWORD}“科技人才薪酬水平和年度调薪幅度不低于同职级管理人员。”"
    for found in f.tech_vs_management:
        if found.ratio is None:
            hits.append(Hit("方案规定科技（研发）人员的薪酬水平或调薪幅度低于同职级管理人员，或以管理人员为上限。", found.evidence, advice))
            continue
        hits += from_findings(checks.check_tech_vs_management(found.ratio.value, "科技（研发）人员的薪酬水平或调薪幅度"), found.evidence, advice)
    return hits


@check("adjustment-mechanism")
def adjustment_mechanism(f: SchemeFacts) -> list[Hit]:
    longest = param("cycles.adjustment_years_max")
    advice = f"{REWORD}“薪酬水平每 {param('cycles.adjustment_years_min')} 至 {longest} 年评估调整一次，结合地区和行业薪酬水平、物价指数和企业效益确定调整幅度。”"
    if not f.adjustments:
        return [Hit("方案未写明薪酬标准的定期评估和调整机制（调整周期、调整依据）。", None, advice, Level.ADVICE)]
    hits = []
    for adjust in f.adjustments:
        if adjust.years is not None:
            hits += from_findings(checks.check_adjustment_cycle(adjust.years.value), adjust.evidence, advice)
    return hits


@check("excess-profit-mature")
def excess_profit_mature(f: SchemeFacts) -> list[Hit]:
    said = f.said
    if said.excess_profit is None or said.mature is None:
        return []
    return [Hit("企业自述发展成熟、经济效益良好，却实施科技人才超额利润分享；此类企业一般不再实施超额利润分享，可在工资总额内向科技人才倾斜。",
                said.excess_profit, "建议改为：在按工资效益联动机制确定的工资总额内向科技人才倾斜，不再实施超额利润分享。")]
