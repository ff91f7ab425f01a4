"""Rules on the pay structure (曲靖指引第八条、第十条): 基础工资, step series, performance pay
following assessment, 年薪 and 协议薪酬, 超额利润分享."""

from __future__ import annotations

from decimal import Decimal

from calculators import checks
from calculators.params import param
from calculators.severity import Severity

from ..applicability import Level
from ..facts import SchemeFacts, SeriesKind, StepSeries
from .base import REWORD, Hit, check, from_findings, number, percent


@check("basic-wage-one-standard")
def basic_wage_one_standard(f: SchemeFacts) -> list[Hit]:
    basic = f.basic_wage
    if basic is None or not basic.varies:
        return []
    shown = "、".join(f"{number(a)}元" for a in basic.amounts)
    detail = f"（方案中有 {shown} 等不同标准）" if len(basic.amounts) > 1 else ""
    lowest = f"每人每月{number(max(basic.amounts))}元" if basic.amounts else "统一标准"
    return [Hit(f"基础工资按学历、岗位或等级分设不同标准{detail}，指引要求基础工资全体职工一个标准。", basic.evidence,
                f"{REWORD}“基础工资全体职工执行同一标准，{lowest}，随当地物价水平适时调整；学历、岗位差别通过能力工资、岗位工资体现。”")]


def _geometric(amounts: list[Decimal]) -> bool:
    """Equal ratios (to within rounding: 1% of each amount and a twentieth of the mean step): 等比数列,
    which 科技人才指引第二十九条 allows between pay grades. Rounding by amount alone lets 2900/3000/3150/
    3300 pass within 1% of a geometric series, yet its steps (100, 150, 150) are nothing like one."""
    if len(amounts) < 3 or any(v <= 0 for v in amounts):
        return False
    n = len(amounts) - 1
    ratio = (float(amounts[-1]) / float(amounts[0])) ** (1 / n)
    step = (float(amounts[-1]) - float(amounts[0])) / n
    return ratio > 1 and all(abs(float(v) - float(amounts[0]) * ratio ** i) <= min(step / 20, float(v) / 100)
                             for i, v in enumerate(amounts))


def _series_hits(series: StepSeries, what: str) -> list[Hit]:
    found = checks.check_arithmetic_steps(series.amounts, what)
    diffs = sorted({b - a for a, b in zip(series.amounts, series.amounts[1:])})
    step = number(diffs[len(diffs) // 2]) if diffs else ""
    hits = []
    for x in found:
        if x.severity is Severity.INFO:
            continue
        if x.rule == "steps.arithmetic" and series.kind is SeriesKind.PAY_STEPS and (series.broadband or _geometric(series.amounts)):
            continue  # broadband bands and geometric grades are allowed (科技人才指引第二十九条); 年功 bands must be arithmetic (曲靖指引第八条)
        advice = f"{REWORD}“相邻档次之间的差额统一为 {step} 元（等差数列），自 {number(series.amounts[0])} 元起逐档递增。”"
        hits.append(Hit(x.message, series.evidence, advice, Level.BREACH))
    return hits


def _seniority(series: StepSeries) -> str:
    return f"年功（工龄）工资各工龄段标准（{'、'.join(number(a) for a in series.amounts)} 元）"


def _pay_steps(series: StepSeries) -> str:
    return f"岗位{f'“{series.name}”' if series.name else ''}各薪级标准"


@check("seniority-arithmetic")
def seniority_arithmetic(f: SchemeFacts) -> list[Hit]:
    return [hit for series in f.steps if series.kind is SeriesKind.SENIORITY for hit in _series_hits(series, _seniority(series))]


@check("pay-step-arithmetic")
def pay_step_arithmetic(f: SchemeFacts) -> list[Hit]:
    return [hit for series in f.steps if series.kind is SeriesKind.PAY_STEPS for hit in _series_hits(series, _pay_steps(series))]


def _performance_pay(f: SchemeFacts):
    return f.said.components.get("绩效工资")


@check("assess-before-allocate")
def assess_before_allocate(f: SchemeFacts) -> list[Hit]:
    said = f.said
    unassessed = said.unassessed or said.results_decoupled
    if unassessed is not None:
        return [Hit("方案规定绩效工资（奖金）不进行考核或不与考核结果挂钩，违背“先考核后分配”。", unassessed,
                    "建议改为：“绩效工资实行先考核后分配，根据部门和个人考核结果浮动发放。”")]
    if _performance_pay(f) is None or said.first_assess or said.linked_pay or said.even_pay:
        return []
    return [Hit("方案设置了绩效工资，但未写明按考核结果分配（“先考核后分配”）。", None,
                "建议补充：“绩效工资实行先考核后分配，根据部门和个人考核结果浮动发放。”", Level.ADVICE)]


@check("performance-three-level-link")
def performance_three_level_link(f: SchemeFacts) -> list[Hit]:
    if f.said.pool_fixed is not None:
        return [Hit("绩效工资总量固定、不随企业效益变化；绩效工资应与企业效益、部门考核、个人考核联动。", f.said.pool_fixed,
                    "建议改为：“绩效工资总额随企业经济效益增减，按部门考核结果确定部门总量，按个人考核结果分配到人。”")]
    if _performance_pay(f) is None or f.said.department_pool is not None:
        return []
    return [Hit("未见按部门（班组）考核结果确定部门绩效工资总量的安排；绩效工资应与企业效益、部门考核、个人考核三级联动。", None,
                "建议补充：“企业按各部门考核结果确定部门绩效工资总量，部门按个人考核结果分配个人绩效工资。”", Level.PRACTICE)]


@check("annual-salary-split")
def annual_salary_split(f: SchemeFacts) -> list[Hit]:
    annual = f.annual_salary
    if annual is None:
        return []
    if annual.base_share is None:
        return [Hit("方案实行年薪制，但未写明基本年薪与绩效年薪的比例。", annual.evidence,
                    "建议补充基本年薪、绩效年薪各占年薪总额的比例（基本年薪占比相对较小）。", Level.PRACTICE)]
    cap = param("annual_salary.base_share_max")
    advice = f"{REWORD}“年薪由基本年薪和绩效年薪构成，基本年薪占年薪总额的比例低于 {percent(cap)}、按月发放，绩效年薪按年度考核结果发放。”"
    return from_findings(checks.check_annual_salary_split(annual.base_share.value), annual.base_share.evidence, advice)


@check("agreement-pay-targets")
def agreement_pay_targets(f: SchemeFacts) -> list[Hit]:
    said = f.said.agreement_pay
    if said is None or not said.denied:
        return []
    return [Hit("协议薪酬不设绩效考核要求；实行协议薪酬制应事先约定绩效目标、考评周期和激励约束规则。", said.evidence,
                f"{REWORD}“协议薪酬中约定年度绩效目标、考评周期和激励约束规则，按考评结果兑现。”")]


