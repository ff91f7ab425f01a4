"""Rules on technology staff (科技人才指引): 首席 posts, classified assessment, papers and titles,
basic-research cycles, OKR, base/performance mix, dividends, pay against managers, adjustment."""

from __future__ import annotations

from calculators import checks
from calculators.numbers import MONTHS_PER_YEAR
from calculators.params import param

from ..applicability import Level
from ..facts import Figure, PayMix, Research, SchemeFacts
from .base import Hit, check, from_findings, number, percent

_SOON = "建议改为："


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
    advice = f"{_SOON}“首席类职位合计不超过科技人才总数的 {percent(cap)}{most}。”"
    return from_findings(found, where.evidence if where else None, advice)


@check("classified-assessment")
def classified_assessment(f: SchemeFacts) -> list[Hit]:
    found = f.said.uniform_assessment
    if found is None:
        return []
    return [Hit("全体科技人员执行同一套考核指标、不区分岗位类型，未结合岗位特点分类实行绩效考核。", found,
                f"{_SOON}“基础研究人员以阶段性成果、同行评价为主；应用研究和技术开发人员以技术指标先进性、成果市场价值为主；技能人员以工作效率、质量为主，分类考核。”")]


@check("merit-not-papers")
def merit_not_papers(f: SchemeFacts) -> list[Hit]:
    found = f.said.papers
    if found is None:
        return []
    return [Hit("科技人才绩效等级主要依据论文、职称、学历或奖项确定，未克服“唯论文、唯职称、唯学历、唯奖项”倾向。", found,
                f"{_SOON}“科技人才绩效考核依据能力、实绩、贡献，不以论文数量、职称、学历和奖项作为绩效等级的主要依据。”")]


@check("basic-research-cycle")
def basic_research_cycle(f: SchemeFacts) -> list[Hit]:
    hits = []
    years = param("cycles.basic_research_assessment_years_min")
    for cycle in f.basic_research_cycles:
        advice = (f"{_SOON}“基础研究人员以 {years * MONTHS_PER_YEAR} 个月（{years}年）为考核周期，重大项目可以"
                  f"{param('cycles.basic_research_assessment_years_special_min')}至{param('cycles.basic_research_assessment_years_special_max')}"
                  "年为一个周期，过程中以阶段性评价代替考核。”")
        hits += from_findings(checks.check_basic_research_cycle(cycle.months), cycle.evidence, advice)
    return hits


@check("okr-pay-link")
def okr_pay_link(f: SchemeFacts) -> list[Hit]:
    found = f.said.okr_linked
    if found is None:
        return []
    return [Hit("方案将目标与关键成果法（OKR）的完成情况直接折算或挂钩到薪酬、奖金；OKR 应重反馈、轻考核，其完成情况不与薪酬直接挂钩。", found,
                f"{_SOON}“OKR 用于目标对齐和过程反馈，其完成情况不与薪酬、晋升直接挂钩；绩效奖金依据绩效考核（如360度考核）结果发放。”")]


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
        return f"{_SOON}“从事基础研究类的科技人才岗位基本薪酬占总薪酬的比例不低于 {percent(floor)}。”"
    floor = param("pay_mix.applied_research_performance_min")
    return f"{_SOON}“从事应用研究类的科技人才绩效薪酬占总薪酬的比例不低于 {percent(floor)}。”"


@check("pay-mix-basic-research")
def pay_mix_basic_research(f: SchemeFacts) -> list[Hit]:
    return _mix_hits(f, Research.BASIC)


@check("pay-mix-applied-research")
def pay_mix_applied_research(f: SchemeFacts) -> list[Hit]:
    return _mix_hits(f, Research.APPLIED)


@check("single-performance-min-wage")
def single_performance_min_wage(f: SchemeFacts) -> list[Hit]:
    said = f.said
    if said.single_performance is not None and said.min_wage_refused is not None:
        return [Hit("方案对实行单一绩效薪酬的人员明确不保障最低工资；薪酬支付应符合国家关于最低工资标准等要求。", said.min_wage_refused,
                    "建议改为：“实行单一绩效薪酬的人员，每月薪酬支付不低于当地最低工资标准。”")]
    if said.single_performance is None or said.min_wage is not None:
        return []
    return [Hit("方案对部分人员实行单一绩效薪酬（不设岗位基本薪酬），但未写明薪酬支付不低于当地最低工资标准。", said.single_performance,
                "建议补充：“实行单一绩效薪酬的人员，每月薪酬支付不低于当地最低工资标准。”", Level.ADVICE)]


def _dividend(f: SchemeFacts, name: str, advice: str) -> list[Hit]:
    d = f.dividend
    if d is None:
        return []

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
    return _dividend(f, "dividend.recipients", f"{_SOON}“每次分红激励人数不超过本企业在岗职工总数的 {percent(cap)}。”")


@check("dividend-tech-share")
def dividend_tech_share(f: SchemeFacts) -> list[Hit]:
    floor = param("dividend.tech_skill_min_share")
    return _dividend(f, "dividend.tech_skill", f"{_SOON}“参与分红的技术技能人才占总分红人数的比重不低于 {percent(floor)}。”")


@check("tech-pay-vs-management")
def tech_pay_vs_management(f: SchemeFacts) -> list[Hit]:
    hits = []
    advice = f"{_SOON}“科技人才薪酬水平和年度调薪幅度不低于同职级管理人员。”"
    for found in f.tech_vs_management:
        if found.ratio is None:
            hits.append(Hit("方案规定科技（研发）人员的薪酬水平或调薪幅度低于同职级管理人员，或以管理人员为上限。", found.evidence, advice))
            continue
        hits += from_findings(checks.check_tech_vs_management(found.ratio.value, "科技（研发）人员的薪酬水平或调薪幅度"), found.evidence, advice)
    return hits


@check("adjustment-mechanism")
def adjustment_mechanism(f: SchemeFacts) -> list[Hit]:
    longest = param("cycles.adjustment_years_max")
    advice = f"{_SOON}“薪酬水平每 {param('cycles.adjustment_years_min')} 至 {longest} 年评估调整一次，结合地区和行业薪酬水平、物价指数和企业效益确定调整幅度。”"
    if not f.adjustments:
        return [Hit("方案未写明薪酬标准的定期评估和调整机制（调整周期、调整依据）。", None, advice, Level.ADVICE)]
    hits = []
    for adjust in f.adjustments:
        if adjust.years is not None:
            hits += from_findings(checks.check_adjustment_cycle(adjust.years.value), adjust.evidence, advice)
    return hits


@check("competency-requirements")
def competency_requirements(f: SchemeFacts) -> list[Hit]:
    found = f.said.no_competency
    if found is None:
        return []
    return [Hit("职级不设（不明确）能力素质或任职资格要求；每个等级应明确需要达到的最低能力素质要求。", found,
                f"{_SOON}“各职级明确最低能力素质（任职资格）要求，作为定级定薪的依据。”")]


@check("base-pay-monthly")
def base_pay_monthly(f: SchemeFacts) -> list[Hit]:
    found = f.said.base_pay_late
    if found is None:
        return []
    return [Hit("岗位基本薪酬按季度或按年发放；岗位基本薪酬一般按月发放。", found, f"{_SOON}“岗位基本薪酬按月发放。”")]


@check("excess-profit-mature")
def excess_profit_mature(f: SchemeFacts) -> list[Hit]:
    said = f.said
    if said.excess_profit is None or said.mature is None:
        return []
    return [Hit("企业自述发展成熟、经济效益良好，却实施科技人才超额利润分享；此类企业一般不再实施超额利润分享，可在工资总额内向科技人才倾斜。",
                said.excess_profit, "建议改为：在按工资效益联动机制确定的工资总额内向科技人才倾斜，不再实施超额利润分享。")]
