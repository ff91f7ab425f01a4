"""Checks of a wage plan against guideline limits: the “两个低于” and wage–benefit linkage
(曲靖指引第五条), dividend headcounts (科技人才指引第四十条), base/performance pay mix
(第三十四条) and skill-grade headcount quotas (曲靖案例4, 科技人才指引第十九条)."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, ClassVar

from pydantic import Field

from knowledge.reader.fields import PER_HEAD_WORDS, Reads, Shape
from knowledge.reader.models import Kind

from .applicability import OWNERSHIP_CHOICES, Ownership, Research, ResearchName, clause
from .base import CalcInput, Count, MoneyInput, Number, cited, findings_out, result
from .checks import (
    check_dividend,
    check_job_grade_quota,
    check_pay_mix,
    check_two_lower,
    for_ownership,
    is_compliant,
)
from .errors import CalculationError
from .numbers import fmt, pct, q
from .params import param, param_table_text, param_text, ref
from .registry import register

# ---- 两个低于 -----------------------------------------------------------------------------------


WAGE_TOTAL_CUES = ("工资总额", "薪酬总额", "工资总量", "工资总盘子", "总工资", "工资预算", "薪酬总量", "工资总支出")
PROFIT_CUES = ("利润", "效益", "净利润", "利润总额", "经济效益")
BENEFIT_CUES = PROFIT_CUES + ("营业收入", "营收", "收入")


class TwoLowerInput(CalcInput):
    reading_topics: ClassVar[tuple[str, ...]] = ("两个低于", "工资总额", "劳动生产率", "效益", "利润", "平均工资", "增长", "增幅")
    # optional figures judged against each other: one given in no complete comparison is asked the other of
    reading_comparisons: ClassVar[tuple[tuple[str, str], ...]] = (("avg_wage_growth", "productivity_growth"),
                                                                    ("hq_avg_wage_growth", "avg_wage_growth"))
    wage_total_growth: Annotated[Number, Reads(Kind.PERCENT, cues=WAGE_TOTAL_CUES, signed=True, avoid=("总部",), ask="如“工资总额增长10%”")] = Field(
        ..., title="工资总额增长率", description="薪酬（工资）总额增长率，小数，0.10 即 10%，下降为负数")
    profit_growth: Annotated[Number, Reads(Kind.PERCENT, cues=PROFIT_CUES, signed=True, avoid=("超额",), ask="如“利润增长8%”")] = Field(
        ..., title="经济效益增长率", description="利润等经济效益指标增长率，小数")
    avg_wage_growth: Annotated[Number | None, Reads(Kind.PERCENT, cues=("平均工资", "人均工资", "平均薪酬", "人均收入", "人均薪酬", "平均收入", "人均"),
                                                    signed=True, avoid=("总部",))] = Field(
        None, title="平均工资增长率", description="可选：职工平均薪酬增长率")
    productivity_growth: Annotated[Number | None, Reads(Kind.PERCENT, cues=("劳动生产率", "人均产值", "人均效益", "全员劳动生产率"), signed=True)] = Field(
        None, title="劳动生产率增长率", description="可选：劳动生产率增长率")
    hq_avg_wage_growth: Annotated[Number | None, Reads(Kind.PERCENT, cues=("总部",), signed=True)] = Field(
        None, title="总部平均工资增长率", description="可选（集团公司）：总部职工平均工资增长率，与全部职工平均工资增长率比较")
    ownership: Annotated[Ownership | None, Reads(Kind.NUMBER, shape=Shape.CHOICE, choices=OWNERSHIP_CHOICES)] = Field(
        None, title="企业性质", description="可选：国有 或 非公有制；“两个低于”约束国有企业，非公有制企业作参考（曲靖指引第五条、第六条）")


@register(
    "two-lower-check",
    "“两个低于”检查",
    "检查工资总额与效益联动及“两个低于”（曲靖指引第五条）：薪酬总额的增长低于企业经济效益的增长，员工平均薪酬的增长低于企业劳动生产率的增长；"
    "经济效益减，薪酬总额减。集团可再检查总部平均工资增幅低于全部职工（国有企业内部薪酬分配指引第四十一条）。增长率用小数（0.08 即 8%）。",
    TwoLowerInput,
    {"wage_total_growth": 0.06, "profit_growth": 0.08, "avg_wage_growth": 0.05, "productivity_growth": 0.07},
    (clause("two-lower"),),
)
def two_lower_check(inp: TwoLowerInput) -> dict[str, Any]:
    findings = for_ownership(check_two_lower(inp.wage_total_growth, inp.profit_growth, inp.avg_wage_growth,
                                             inp.productivity_growth, inp.hq_avg_wage_growth), inp.ownership)
    steps = [f"工资总额增长 {pct(inp.wage_total_growth)} 对比 经济效益增长 {pct(inp.profit_growth)}"]
    if inp.avg_wage_growth is not None and inp.productivity_growth is not None:
        steps.append(f"平均工资增长 {pct(inp.avg_wage_growth)} 对比 劳动生产率增长 {pct(inp.productivity_growth)}")
    if inp.hq_avg_wage_growth is not None and inp.avg_wage_growth is not None:
        steps.append(f"总部平均工资增长 {pct(inp.hq_avg_wage_growth)} 对比 全部职工平均工资增长 {pct(inp.avg_wage_growth)}")
    return result(
        cited(findings, clause("two-lower")), "工资总额增长率 < 经济效益增长率；平均工资增长率 < 劳动生产率增长率",
        steps, inp, compliant=is_compliant(findings), findings=findings_out(findings),
    )


class LinkageInput(MoneyInput):
    reading_topics: ClassVar[tuple[str, ...]] = ("联动", "工效联动", "挂钩", "联动系数", "挂钩系数", "工资总额基数", "浮动系数", "工效挂钩")
    base_total: Annotated[Number, Reads(Kind.MONEY, cues=("工资总额基数", "上年工资总额", "去年工资总额", "基数", "上年", "去年", "工资总额"),
                                        avoid=PER_HEAD_WORDS, ask="如“上年工资总额5000万元”")] = Field(
        ..., gt=0, title="上年工资总额", description="工资总额基数（清算后上年工资总额）")
    benefit_growth: Annotated[Number, Reads(Kind.PERCENT, cues=BENEFIT_CUES, signed=True, ask="如“利润增长10%”")] = Field(
        ..., title="经济效益增长率", description="联动指标（利润总额等）增长率，小数，下降为负数")
    ratio: Annotated[Number, Reads((Kind.NUMBER, Kind.MULTIPLE, Kind.PERCENT), cues=("联动系数", "挂钩系数", "系数", "浮动比例", "联动比例", "挂钩比例", "联动", "挂钩"),
                                   ask="如“联动系数0.7”")] = Field(
        ..., gt=0, title="联动系数", description="工资总额增幅与效益增幅之比，如 0.7 表示效益每增长 1%，工资总额增长 0.7%")
    headcount_growth: Annotated[Number | None, Reads(Kind.PERCENT, cues=("人数", "职工人数", "人员", "员工数"), signed=True)] = Field(
        None, gt=-1, title="职工人数增长率", description="可选：用于推算平均工资增长率")
    productivity_growth: Annotated[Number | None, Reads(Kind.PERCENT, cues=("劳动生产率", "人均产值"), signed=True)] = Field(
        None, title="劳动生产率增长率", description="可选：与平均工资增长率比较")


@register(
    "wage-total-linkage",
    "工资总额效益联动测算",
    "按“经济效益增，薪酬总额增；经济效益减，薪酬总额减”（曲靖指引第五条；国有企业内部薪酬分配指引第三十八条工资总额与经济效益强联动）"
    "测算本年工资总额 = 上年工资总额 × (1 + 效益增长率 × 联动系数)，并检查“两个低于”。",
    LinkageInput,
    {"base_total": 12000000, "benefit_growth": 0.10, "ratio": 0.7, "headcount_growth": 0.01, "productivity_growth": 0.09},
    (clause("wage-follows-benefit"), clause("external-benefit-linkage")),
)
def wage_total_linkage(inp: LinkageInput) -> dict[str, Any]:
    growth = inp.benefit_growth * inp.ratio
    total = q(inp.base_total * (1 + growth), inp.precision)
    if total < 0:
        raise CalculationError("测算的工资总额为负数，请检查效益增长率与联动系数", "ratio")
    avg_growth = None
    steps = [f"工资总额增长率 = {pct(inp.benefit_growth)} × {fmt(inp.ratio)} = {pct(growth)}",
             f"本年工资总额 = {fmt(inp.base_total)} × (1 + {pct(growth)}) = {fmt(total)}"]
    if inp.headcount_growth is not None:
        avg_growth = ((1 + growth) / (1 + inp.headcount_growth) - 1).quantize(Decimal("0.0001"))
        steps.append(f"平均工资增长率 = (1 + {pct(growth)}) ÷ (1 + {pct(inp.headcount_growth)}) − 1 = {pct(avg_growth)}")
    findings = check_two_lower(growth, inp.benefit_growth, avg_growth, inp.productivity_growth)
    return result(
        cited(findings, clause("wage-follows-benefit"), clause("external-benefit-linkage")), "本年工资总额 = 上年工资总额 × (1 + 经济效益增长率 × 联动系数)",
        steps, inp, total=total, amount=total - q(inp.base_total, inp.precision), wage_total_growth=growth, avg_wage_growth=avg_growth,
        compliant=is_compliant(findings), findings=findings_out(findings),
    )


# ---- 分红激励 -----------------------------------------------------------------------------------


class DividendInput(CalcInput):
    reading_topics: ClassVar[tuple[str, ...]] = ("分红", "岗位分红", "项目分红", "激励对象", "分红激励", "分红人数", "股权激励")
    employees: Annotated[Count, Reads((Kind.PEOPLE, Kind.COUNT), cues=("在岗职工", "职工", "员工", "在岗", "全体", "总人数", "全公司", "共有", "公司有", "我们有", "单位", "企业",
                                                         "人数"), avoid=("激励", "分红"), ask="如“在岗职工200人”")] = Field(
        ..., ge=1, title="在岗职工总数", description="本企业在岗职工总数")
    reading_alternatives: ClassVar[tuple[tuple[str, ...], ...]] = (
        ("recipients", "tech_skill_recipients"), ("recipients_share", "tech_skill_share"), ("recipients", "tech_skill_share"),
        ("recipients_share", "tech_skill_recipients"))
    recipients: Annotated[Count | None, Reads((Kind.PEOPLE, Kind.COUNT), cues=("激励对象", "分红对象", "参与分红", "分红人数", "拿分红", "享受分红", "激励人数", "激励",
                                                                 "分红", "对象"), ask="如“激励对象70人”")] = Field(
        None, ge=1, title="分红激励人数", description="本次分红激励对象人数（或给出占在岗职工的比例）")
    tech_skill_recipients: Annotated[Count | None, Reads((Kind.PEOPLE, Kind.COUNT), cues=("技术技能", "技术", "技能", "科技", "研发", "技术人员", "科技人员", "科研",
                                                                            "工程师", "技术骨干"), ask="如“其中技术技能人才40人”")] = Field(
        None, ge=0, title="技术技能人才人数", description="激励对象中技术技能人才人数（或给出占激励人数的比例）")
    recipients_share: Annotated[Number | None, Reads(Kind.PERCENT, cues=("激励对象占", "分红对象占", "激励人数占", "占在岗职工", "占职工", "占全体"), fraction=True,
                                                     avoid=("技术", "技能", "骨干", "研发"))] = Field(
        None, gt=0, le=1, title="激励人数占在岗职工的比例", description="不给人数时：激励对象占在岗职工总数的比例")
    tech_skill_share: Annotated[Number | None, Reads(Kind.PERCENT, cues=("技术技能", "技术骨干", "技术人员", "技能人才", "科技人员", "研发", "其中"), fraction=True)] = Field(
        None, ge=0, le=1, title="技术技能人才占激励人数的比例", description="不给人数时：技术技能人才占激励对象的比例")
    ownership: Annotated[Ownership | None, Reads(Kind.NUMBER, shape=Shape.CHOICE, choices=OWNERSHIP_CHOICES)] = Field(
        None, title="企业性质", description="可选：国有 或 非公有制；岗位分红的两个限值约束国有科技型企业，非公有制企业作参考")


@register(
    "dividend-check",
    "岗位分红激励对象检查",
    f"检查科技成果转化分红激励的人数（科技人才指引第四十条）：每次激励人数一般不超过在岗职工总数的 {param_text('dividend.recipients_max_share')}，"
    f"参与分红的技术技能人才占总分红人数一般不低于 {param_text('dividend.tech_skill_min_share')}。",
    DividendInput,
    {"employees": 200, "recipients": 50, "tech_skill_recipients": 35},
    (ref("dividend.recipients_max_share"),),
)
def dividend_check(inp: DividendInput) -> dict[str, Any]:
    inp = _dividend_counts(inp)
    assert inp.recipients is not None and inp.tech_skill_recipients is not None
    if inp.recipients > inp.employees:
        raise CalculationError(f"激励人数 {inp.recipients} 超过在岗职工总数 {inp.employees}", "recipients")
    if inp.tech_skill_recipients > inp.recipients:
        raise CalculationError(f"技术技能人才 {inp.tech_skill_recipients} 人超过激励人数 {inp.recipients}", "tech_skill_recipients")
    findings = for_ownership(check_dividend(inp.employees, inp.recipients, inp.tech_skill_recipients), inp.ownership)
    cap, floor = param("dividend.recipients_max_share"), param("dividend.tech_skill_min_share")
    steps = [f"激励人数占比 = {inp.recipients} ÷ {inp.employees} = {pct(Decimal(inp.recipients) / inp.employees)}（上限 {pct(cap)}）",
             f"技术技能人才占比 = {inp.tech_skill_recipients} ÷ {inp.recipients} = {pct(Decimal(inp.tech_skill_recipients) / inp.recipients)}（下限 {pct(floor)}）"]
    import math

    return result(
        cited(findings), f"激励人数 ÷ 在岗职工总数 ≤ {pct(cap)}；技术技能人才 ÷ 激励人数 ≥ {pct(floor)}", steps, inp,
        compliant=is_compliant(findings), findings=findings_out(findings),
        max_recipients=math.floor(cap * inp.employees), min_tech_skill_recipients=math.ceil(floor * inp.recipients),
    )


def _dividend_counts(inp: DividendInput) -> DividendInput:
    """激励对象占在岗职工的28%，其中六成是技术骨干: the head counts the shares stand for (250 × 28% = 70,
    70 × 60% = 42), each shown in the trace; a share that gives no whole number of people is asked about."""
    recipients = inp.recipients if inp.recipients is not None else _people_of(inp.recipients_share, inp.employees, "分红激励人数", "recipients")
    tech = inp.tech_skill_recipients if inp.tech_skill_recipients is not None else _people_of(
        inp.tech_skill_share, recipients, "技术技能人才人数", "tech_skill_recipients")
    return inp.model_copy(update={"recipients": recipients, "tech_skill_recipients": tech})


def _people_of(share: Decimal | None, whole: int, label: str, field: str) -> int:
    if share is None:
        raise CalculationError(f"请给出{label}（或它所占的比例）", field)
    people = share * whole
    if people != people.to_integral_value():
        raise CalculationError(f"{label}按 {whole} × {pct(share)} = {fmt(people)} 不是整数，请直接给出人数", field)
    return int(people)


# ---- 薪酬结构 -----------------------------------------------------------------------------------


class PayMixInput(CalcInput):
    reading_same_period: ClassVar[tuple[str, ...]] = ("base", "total", "performance")
    reading_alternatives: ClassVar[tuple[tuple[str, ...], ...]] = (("base", "total"), ("base", "performance"))
    reading_topics: ClassVar[tuple[str, ...]] = (*Research, "基本薪酬", "薪酬结构", "研发人员", "科研人员")
    category: Annotated[ResearchName, Reads(Kind.NUMBER, shape=Shape.CHOICE, ask=f"{Research.BASIC}还是{Research.APPLIED}", choices={
        Research.BASIC.value: (Research.BASIC.value, "基础科研", "基础类"),
        Research.APPLIED.value: (Research.APPLIED.value, "应用类", "产品研发", "应用开发", "技术开发")})] = Field(
        ..., title="科技人才类别", description=f"{Research.BASIC} 或 {Research.APPLIED}")
    base: Annotated[Number, Reads(Kind.MONEY, cues=("岗位基本薪酬", "基本薪酬", "基本工资", "固定", "底薪", "岗位工资", "基本"), ask="如“岗位基本薪酬5000元”")] = Field(
        ..., ge=0, title="岗位基本薪酬", description="岗位基本薪酬金额（与总薪酬同一期间）")
    total: Annotated[Number | None, Reads(Kind.MONEY, cues=("总薪酬", "薪酬总额", "总收入", "年收入", "合计", "总共", "一共", "总", "全部", "月收入",
                                                            "收入", "年薪", "月薪"), avoid=("基本", "绩效"), ask="如“总薪酬10000元”")] = Field(
        None, gt=0, title="总薪酬", description="总薪酬金额（岗位基本薪酬 + 绩效薪酬）；也可只给绩效薪酬")
    performance: Annotated[Number | None, Reads(Kind.MONEY, cues=("绩效薪酬", "绩效工资", "绩效奖金", "绩效", "浮动", "奖金"))] = Field(
        None, ge=0, title="绩效薪酬", description="可选：绩效薪酬金额；不给总薪酬时，总薪酬 = 岗位基本薪酬 + 绩效薪酬")


@register(
    "pay-mix-check",
    "科技人才薪酬结构检查",
    f"检查岗位基本薪酬与绩效薪酬的比例（科技人才指引第三十四条）：从事基础研究类的科技人才岗位基本薪酬占总薪酬原则上应达到 "
    f"{param_text('pay_mix.basic_research_base_min')} 以上；从事应用研究类的科技人才绩效薪酬占总薪酬原则上应达到 "
    f"{param_text('pay_mix.applied_research_performance_min')} 以上。",
    PayMixInput,
    {"category": Research.BASIC.value, "base": 6500, "total": 10000},
    (ref("pay_mix.basic_research_base_min"),),
)
def pay_mix_check(inp: PayMixInput) -> dict[str, Any]:
    if inp.total is None:
        if inp.performance is None:
            raise CalculationError("请给出总薪酬，或绩效薪酬（总薪酬 = 岗位基本薪酬 + 绩效薪酬）", "total")
        inp = inp.model_copy(update={"total": inp.base + inp.performance})
    elif inp.performance is not None and inp.base + inp.performance != inp.total:
        raise CalculationError(f"岗位基本薪酬 {fmt(inp.base)} 加绩效薪酬 {fmt(inp.performance)} 不等于总薪酬 {fmt(inp.total)}，请核对", "total")
    assert inp.total is not None
    if inp.total <= 0:
        raise CalculationError("总薪酬必须大于0", "total")
    if inp.base > inp.total:
        raise CalculationError(f"岗位基本薪酬 {fmt(inp.base)} 大于总薪酬 {fmt(inp.total)}", "base")
    findings = check_pay_mix(inp.category, inp.base, inp.total)
    base_share = (inp.base / inp.total).quantize(Decimal("0.0001"))
    steps = [f"岗位基本薪酬占比 = {fmt(inp.base)} ÷ {fmt(inp.total)} = {pct(base_share)}",
             f"绩效薪酬占比 = 1 − {pct(base_share)} = {pct(1 - base_share)}"]
    formula = (f"岗位基本薪酬 ÷ 总薪酬 ≥ {param_text('pay_mix.basic_research_base_min')}（{Research.BASIC}）" if inp.category == Research.BASIC
               else f"绩效薪酬 ÷ 总薪酬 ≥ {param_text('pay_mix.applied_research_performance_min')}（{Research.APPLIED}）")
    return result(
        (ref("pay_mix.basic_research_base_min"),), formula, steps, inp, compliant=is_compliant(findings), findings=findings_out(findings),
        base_share=base_share, performance_share=1 - base_share,
    )


# ---- 职数比例 -----------------------------------------------------------------------------------


SKILL_LEVELS = ("首席技师", "特级技师", "高级技师", "技师", "高级工", "中级工", "初级工", "学徒工")


class JobQuotaInput(CalcInput):
    reading_topics: ClassVar[tuple[str, ...]] = ("职数", "比例上限", "等级比例", "职数比例", "名额", "超编", "超比例", "统计范围", "技能工种",
                                                 "统计人数", "占比")
    base: Annotated[Count, Reads((Kind.PEOPLE, Kind.COUNT), cues=("技能", "统计", "总人数", "工人", "一线", "共有", "职工", "员工", "技术工人", "工种", "全厂", "共"),
                                 total=None, ask="如“技能工种共500人”")] = Field(
        ..., ge=1, title="统计范围人数", description="纳入技能工种统计范围的总人数")
    counts: Annotated[dict[str, Count], Reads((Kind.PEOPLE, Kind.COUNT), shape=Shape.MAP, ask="如“高级技师8人、技师30人”",
                                              usual_keys=SKILL_LEVELS, keys=SKILL_LEVELS, keys_from="limits")] = Field(
        ..., min_length=1, title="各等级人数", description="技能等级 → 人数，如 {\"高级技师\": 3, \"技师\": 10}")
    limits: Annotated[dict[str, Number] | None, Reads(Kind.PERCENT, cues=("上限", "不超过", "比例", "不高于", "控制在"), shape=Shape.MAP)] = Field(
        None, title="比例上限", description=f"可选：本企业自定的等级 → 比例上限；不填按曲靖案例4（{param_table_text('job_quota.limits')}）")
    tech_total: Annotated[Count | None, Reads((Kind.PEOPLE, Kind.COUNT), cues=("科技人才", "科技人员", "技术人员总数", "科研人员"))] = Field(
        None, ge=1, title="科技人才总数", description=f"可选（国有企业）：科技人才总数，用于检查首席类职位不超过 {param_text('grades.chief_share_max')}")


def _quota_sentence() -> str:
    """“<grade>不超过纳入统计范围人数的 <share>、<grade> <share>…”, from the case's table in its order."""
    first, *rest = param("job_quota.limits")
    others = "、".join(f"{grade} {param_text('job_quota.limits', grade)}" for grade in rest)
    return f"{first}不超过纳入统计范围人数的 {param_text('job_quota.limits', first)}、{others}"


def _known_grades(limits: dict[str, Decimal]) -> set[str]:
    return set(limits) | set(param("job_quota.unlimited")) | set(param("job_quota.full_coverage"))


@register(
    "job-grade-quota",
    "技能职数比例检查",
    f"检查各技能等级人数是否超过职数比例（曲靖指引案例4：首席技师和特级技师人数不限，{_quota_sentence()}，初级工全覆盖）；"
    f"给出科技人才总数时再检查首席类职位不超过 {param_text('grades.chief_share_max')}（科技人才指引第十九条）。可用 limits 换成本企业的比例。",
    JobQuotaInput,
    {"base": 500, "counts": {"首席技师": 1, "高级技师": 8, "技师": 25, "高级工": 45, "中级工": 90, "初级工": 200}},
    (ref("job_quota.limits"),),
)
def job_grade_quota(inp: JobQuotaInput) -> dict[str, Any]:
    limits = dict(inp.limits) if inp.limits else dict(param("job_quota.limits"))
    known = _known_grades(limits)
    for grade, count in inp.counts.items():
        if grade not in known:
            raise CalculationError(f"不认识的技能等级“{grade}”（可用：{'、'.join(sorted(known))}；或在“自定比例”中给出其比例）", f"counts.{grade}")
        if count < 0:
            raise CalculationError(f"“{grade}”人数为负数", f"counts.{grade}")
    if sum(inp.counts.values()) > inp.base:
        raise CalculationError(f"各等级人数合计 {sum(inp.counts.values())} 超过统计范围人数 {inp.base}", "base")
    findings = check_job_grade_quota(inp.counts, inp.base, limits, inp.tech_total)
    import math

    max_counts = {g: math.floor(limits[g] * inp.base) for g in limits}
    steps = [f"{g}：上限 {inp.base} × {pct(limits[g])} = {max_counts[g]} 人，现有 {inp.counts.get(g, 0)} 人" for g in limits]
    cites = cited(findings, ref("job_quota.limits")) + ([ref("grades.chief_share_max")] if inp.tech_total else [])
    return result(
        cites, "某等级人数 ≤ 统计范围人数 × 该等级比例上限", steps, inp,
        counts=dict(inp.counts), max_counts=max_counts, compliant=is_compliant(findings), findings=findings_out(findings),
    )
